"""A throw-away PostgreSQL cluster for the tests: initdb into a temp folder, a server on 127.0.0.1 on
a free port with its socket in that folder, stopped and deleted at the end. As root (as CI is) the
cluster belongs to an unprivileged user, since PostgreSQL refuses to run as root.

One cluster per pytest(-xdist) worker; each test gets a schema of its own (its URL sets the
search_path), dropped after it. Without PostgreSQL the tests that need it are skipped, saying why;
with EXAMPREP_REQUIRE_POSTGRES=1 (CI) they fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

SUPERUSER = "examprep"
DATABASE = "examprep"
REQUIRE = "EXAMPREP_REQUIRE_POSTGRES"


def find_bindir() -> Path | None:
    """Where initdb, pg_ctl and postgres are: `pg_config --bindir`, else Debian's folders."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if done.returncode == 0:
            candidates.append(Path(done.stdout.strip()))
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                           key=lambda p: [int(x) for x in Path(p).parent.name.split(".")
                                                          if x.isdigit()], reverse=True)]
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def unavailable(reason: str):
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{reason} ({REQUIRE}=1: PostgreSQL tests may not be skipped)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="examprep-pg-"))
        self.data = self.folder / "data"
        self.user = None
        if os.geteuid() == 0:  # initdb and postgres refuse root
            for name in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue
            if self.user is None:
                unavailable("running as root and no unprivileged user to run PostgreSQL as")
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self.port = 0
        self._schemas = itertools.count()

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        return subprocess.run([str(self.bindir / args[0]), *args[1:]], capture_output=True, text=True,
                              cwd=self.folder, **kwargs)

    def start(self, durable: bool = False) -> None:
        """`durable`: fsync and synchronous commits as a real server has them (benchmarks); off by
        default, since the tests check behaviour, not surviving a power cut."""
        done = self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                         "--no-locale", "--no-sync", "--no-instructions")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr}")
        for _attempt in range(5):
            self.port = _free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.folder}"
                       " -c max_connections=60 -c shared_buffers=16MB")
            if not durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            done = self._run("pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data),
                             "-l", str(self.folder / "server.log"), "-o", options)
            if done.returncode == 0:
                break
        else:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr}\n{self.log()}")
        self._admin(f"CREATE DATABASE {DATABASE}", database="postgres")

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def url(self, database: str = DATABASE, schema: str | None = None) -> str:
        url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"
        if schema:
            url += f"?options=-csearch_path%3D{schema}"
        return url

    def _admin(self, sql: str, database: str = DATABASE) -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as db:
            db.execute(sql)

    def new_schema(self) -> tuple[str, str]:
        """(a fresh empty schema's name, a URL whose connections use only it)."""
        name = f"t{os.getpid()}_{next(self._schemas)}"
        self._admin(f"CREATE SCHEMA {name}")
        return name, self.url(schema=name)

    def drop_schema(self, name: str) -> None:
        self._admin(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(durable: bool = False) -> Cluster:
    bindir = find_bindir()
    if bindir is None:
        unavailable("PostgreSQL is not installed (no initdb/pg_ctl/postgres via pg_config --bindir or "
                    "/usr/lib/postgresql/*/bin); apt-get install postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed: pip install -e '.[test]'")
    cluster = Cluster(bindir)
    started = time.monotonic()
    try:
        cluster.start(durable)
    except BaseException:
        cluster.stop()
        raise
    cluster.start_seconds = time.monotonic() - started
    return cluster
