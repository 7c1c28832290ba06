"""Shared by every test: the parsed-bank cache lives in a folder of the test session's own."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _session_cache_dir(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("EXAMPREP_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture
def store_where(tmp_path):
    """Where a store test opens its database: a data folder (SQLite)."""
    return tmp_path
