"""Shared by every test: the parsed-bank cache lives in a folder of the test session's own."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _session_cache_dir(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("EXAMPREP_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throw-away PostgreSQL server of this worker's own (tests/postgres_cluster.py)."""
    from postgres_cluster import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(request):
    """A URL of an empty PostgreSQL schema of this test's own, dropped after it."""
    cluster = request.getfixturevalue("postgres_cluster")
    schema, url = cluster.new_schema()
    yield url
    cluster.drop_schema(schema)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_where(request, tmp_path):
    """Where a store test opens its database: a data folder (SQLite), then a PostgreSQL schema; every
    test taking it runs on both engines."""
    if request.param == "sqlite":
        return tmp_path
    return request.getfixturevalue("postgres_url")
