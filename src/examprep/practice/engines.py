"""The two database engines the progress store runs on, behind one thin dialect.

The store writes its SQL once, with `?` placeholders and portable statements (`INSERT ... ON CONFLICT
... DO UPDATE`, `DOUBLE PRECISION`, `TEXT`); an engine supplies only what differs: how a write
transaction starts (SQLite's BEGIN IMMEDIATE; PostgreSQL's BEGIN and an advisory lock per account),
placeholders, the type of an autoincrement id, how a new row's id is read back, where the schema
version is kept, and which errors mean "not now" (a write kept in memory and tried again) as opposed
to a bug. psycopg is imported only when a PostgreSQL URL is opened.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

# SQLite's primary result codes (sqlite3.h) for a file that is damaged, as opposed to one that cannot
# be reached or written just now (full, read-only, locked, I/O error, cannot open).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_FULL = 13
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14
_SQLITE_PERM = 3

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:"


class Engine:
    """One connection to the store's database, and what its engine does differently."""

    name = ""
    transient: tuple[type[BaseException], ...] = ()  # errors that mean "not now", not "broken"
    path: Path | None = None  # the SQLite file, when there is one
    raw: Any

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def begin_write(self, account: str) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        raise NotImplementedError

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT into a table with an autoincrement `id` and return the new row's id."""
        raise NotImplementedError

    def id_column(self) -> str:
        """The column type of an autoincrement integer primary key."""
        raise NotImplementedError

    def read_version(self) -> int:
        raise NotImplementedError

    def write_version(self, version: int, title: str) -> None:
        raise NotImplementedError

    def begin_migration(self) -> None:
        """Start a transaction that no other process migrating the same database runs beside."""
        raise NotImplementedError

    def unreachable(self, err: BaseException) -> str:
        """Why the database cannot be reached or written just now, in Chinese."""
        raise NotImplementedError

    def recover(self) -> None:
        """Before a kept write is tried again: reconnect if the connection was lost."""

    def label(self) -> str:
        raise NotImplementedError

    def close(self) -> None:
        self.raw.close()


# -- SQLite ---------------------------------------------------------------------------------------
def primary_code(err: BaseException) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)  # Python 3.11+
    return None if code is None else code & 0xFF


def sqlite_is_busy(err: BaseException) -> bool:
    code = primary_code(err)
    if code is not None:
        return code in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(err).lower()
    return "locked" in text or "busy" in text


def sqlite_is_damaged(err: BaseException) -> bool:
    """True only when SQLite says the file itself is malformed or is not a database."""
    code = primary_code(err)
    if code is not None:
        return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


def sqlite_unreachable(path: Path | None, err: BaseException) -> str:
    code = primary_code(err)
    if sqlite_is_busy(err):
        why = "正被另一个 examprep 使用（写锁未释放）"
    elif code == _SQLITE_FULL or "full" in str(err).lower():
        why = "所在磁盘已满"
    elif code in (_SQLITE_READONLY, _SQLITE_PERM):
        why = "所在位置只读或没有写入权限"
    elif code == _SQLITE_CANTOPEN:
        why = "无法打开（文件夹只读、没有权限或磁盘已满）"
    else:
        why = f"读写出错（{err}）"
    return f"进度文件 {path} {why}"


def sqlite_connect(target: Path | str, uri: bool = False) -> sqlite3.Connection:
    # Autocommit mode: every transaction is opened explicitly by the store.
    db = sqlite3.connect(str(target), timeout=5, isolation_level=None, uri=uri)
    db.row_factory = sqlite3.Row
    return db


class SqliteEngine(Engine):
    name = "sqlite"
    transient = (sqlite3.OperationalError,)

    def __init__(self, connection: sqlite3.Connection, path: Path | None):
        self.raw = connection
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(sql, params)

    def begin_write(self, account: str) -> None:
        # IMMEDIATE takes the write lock up front, so reading a question's progress and writing
        # the next one cannot interleave with another examprep writing the same file.
        self.raw.execute("BEGIN IMMEDIATE")

    def rollback(self) -> None:
        if self.raw.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                self.raw.execute("ROLLBACK")

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        cur = self.raw.execute(sql, params)
        assert cur.lastrowid is not None  # an INSERT gives the row an id
        return cur.lastrowid

    def id_column(self) -> str:
        return "INTEGER PRIMARY KEY"

    def read_version(self) -> int:
        return self.raw.execute("PRAGMA user_version").fetchone()[0]

    def write_version(self, version: int, title: str) -> None:
        # user_version is in the file's header, written in the migration's own transaction; an older
        # examprep reads it and refuses a file newer than it knows.
        self.raw.execute(f"PRAGMA user_version = {int(version)}")

    def begin_migration(self) -> None:
        self.raw.execute("BEGIN IMMEDIATE")

    def unreachable(self, err: BaseException) -> str:
        return sqlite_unreachable(self.path, err)

    def label(self) -> str:
        return str(self.path) if self.path else ":memory:"


# -- PostgreSQL -----------------------------------------------------------------------------------
_LOCK_NAMESPACE = 0x45_50  # pg_advisory_xact_lock(namespace, hashtext(account)): "EP"
_MIGRATION_LOCK = 0x45_50_4D  # one lock for whoever migrates the database


def account_lock(account: str) -> str:
    """The SQL call taking the advisory lock of one account's writes (its key: the account's CRC-32,
    the same in every process; two accounts sharing a key only take turns)."""
    key = zlib.crc32(account.encode("utf-8"))
    return f"pg_advisory_xact_lock({_LOCK_NAMESPACE}, {key - 2**32 if key >= 2**31 else key})"


def _placeholders(sql: str) -> str:
    # The store's SQL has no literal '?' or '%': every '?' is a parameter.
    return sql.replace("%", "%%").replace("?", "%s")


class _Row(tuple):
    """A row read by position or by column name, as sqlite3.Row is."""

    _index: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}

    def make(values: Iterable[Any]) -> _Row:
        row = _Row(values)
        row._index = index
        return row
    return make


def describe_url(url: str) -> str:
    """A PostgreSQL URL without its password (for messages)."""
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)


class PostgresEngine(Engine):
    name = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        import psycopg

        self._psycopg = psycopg
        self.url = url
        self.read_only = read_only
        # Connection lost, lock timeout, serialization failure, disk full, read-only transaction:
        # the write waits in memory like SQLite's refused ones.
        self.transient = (psycopg.OperationalError, psycopg.errors.ReadOnlySqlTransaction)
        self.raw = self._connect()

    def _connect(self):
        from psycopg.conninfo import conninfo_to_dict

        # The URL's own options (a search_path, say) are kept; ours go after them.
        options = [str(conninfo_to_dict(self.url).get("options") or ""), "-c lock_timeout=5000"]  # as SQLite's 5 s
        if self.read_only:
            options.append("-c default_transaction_read_only=on")
        return self._psycopg.connect(self.url, autocommit=True, row_factory=_row_factory,
                                     options=" ".join(o for o in options if o), connect_timeout=10)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(_placeholders(sql), params)  # psycopg prepares what is repeated

    def begin_write(self, account: str) -> None:
        # Writes of one account are serialised (read the question's progress, write the next):
        # two sessions of the same candidate at once lose no answer; other accounts go on beside.
        self._locked(account_lock(account))

    def _locked(self, lock: str) -> None:
        """BEGIN and take a lock, in one round trip; a lock not had in time leaves no transaction open."""
        try:
            self.raw.execute(f"BEGIN; SELECT {lock}")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        if self.raw.closed:
            return
        with contextlib.suppress(self._psycopg.Error):
            self.raw.execute("ROLLBACK")

    def insert_id(self, sql: str, params: Sequence[Any]) -> int:
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    def id_column(self) -> str:
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"

    def read_version(self) -> int:
        # pg_tables, not to_regclass: a catalog read under the statement's snapshot sees a table
        # another process has just committed (the cached catalog may not, after an advisory lock).
        exists = self.raw.execute("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                                  " AND tablename = 'examprep_schema'").fetchone()
        if exists is None:
            return 0
        return self.raw.execute("SELECT COALESCE(MAX(version), 0) FROM examprep_schema").fetchone()[0]

    def write_version(self, version: int, title: str) -> None:
        self.execute("CREATE TABLE IF NOT EXISTS examprep_schema (version INTEGER PRIMARY KEY,"
                     " title TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        self.execute("INSERT INTO examprep_schema (version, title) VALUES (?, ?)", (version, title))

    def begin_migration(self) -> None:
        self._locked(f"pg_advisory_xact_lock({_MIGRATION_LOCK})")

    def unreachable(self, err: BaseException) -> str:
        where = describe_url(self.url)
        if isinstance(err, self._psycopg.errors.LockNotAvailable):
            why = "正被另一个会话写入（等待锁超时）"
        elif isinstance(err, self._psycopg.errors.DiskFull):
            why = "所在磁盘已满"
        elif isinstance(err, self._psycopg.errors.ReadOnlySqlTransaction):
            why = "只读，无法写入"
        elif self.raw.closed:
            why = f"连接已断开（{_first_line(err)}）"
        else:
            why = f"读写出错（{_first_line(err)}）"
        return f"数据库 {where} {why}"

    def recover(self) -> None:
        if self.raw.closed:
            with contextlib.suppress(self._psycopg.OperationalError):
                self.raw = self._connect()

    def label(self) -> str:
        return describe_url(self.url)


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def is_postgres_url(where: object) -> bool:
    return isinstance(where, str) and where.startswith(POSTGRES_SCHEMES)
