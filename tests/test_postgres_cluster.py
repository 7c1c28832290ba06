"""The tests' own PostgreSQL: found where Debian puts it, skipped when missing unless CI requires it."""

from __future__ import annotations

import pytest

from postgres_cluster import REQUIRE, find_bindir, unavailable


def test_missing_postgres_skips_or_fails_as_asked(monkeypatch):
    monkeypatch.delenv(REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        unavailable("PostgreSQL is not installed")
    monkeypatch.setenv(REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="may not be skipped"):
        unavailable("PostgreSQL is not installed")


def test_the_cluster_listens_on_loopback_only(postgres_cluster):
    import psycopg

    assert (postgres_cluster.bindir / "initdb").is_file() and find_bindir() is not None
    with psycopg.connect(postgres_cluster.url(), autocommit=True) as db:
        assert db.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
        assert db.execute("SHOW unix_socket_directories").fetchone()[0] == str(postgres_cluster.folder)
        assert db.execute("SELECT current_user").fetchone()[0] == "examprep"
