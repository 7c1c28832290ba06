"""Accounts for served mode: candidates and instructors, their passwords and failed-login limits.

Passwords are hashed with argon2id (argon2-cffi, imported when a password is hashed or checked);
the clear text exists only as the one-time password `add` and `reset` return (the instructor hands
it over; the first login with it must set a new one) and as what the candidate types. Failed logins
are counted per account and per address in the database itself (table login_failures), so several
servers on one database share the count: past a limit, logins are refused for a time that doubles
with each further failure, even with the right password; a count is forgotten only after a window
with no failure at all. Nothing here logs or prints.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from .store import Database, StoreError

ROLES = ("candidate", "instructor")
CANDIDATE, INSTRUCTOR = ROLES
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
MIN_PASSWORD = 8
NAME_MAX = 64
# One-time passwords: no 0/O, 1/l/I, easy to read out and to type.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"
_ONE_TIME_LENGTH = 12

# Chinese texts of AccountError (the command line and the login screen show them as they are).
BAD_ID = "账号“{id}”无效：只能用字母、数字和 . _ -，以字母或数字开头，最长 64 个字符"
BAD_NAME = "姓名不能为空，最长 {max} 个字符"
BAD_ROLE = "角色“{role}”无效：应为 candidate（考生）或 instructor（教师）"
DUPLICATE = "账号“{id}”已存在"
REPEATED = "账号“{id}”在名单中出现了不止一次"
UNKNOWN = "没有账号为“{id}”的账户"
WRONG_CURRENT = "当前密码不正确"
SHORT_PASSWORD = "新密码至少需要 {min} 个字符"
SAME_PASSWORD = "新密码不能与当前密码相同"
NO_ARGON2 = "账户功能需要 argon2-cffi：pip install 'examprep[serve]'"


class AccountError(Exception):
    """An account operation refused; the message says why, in Chinese."""


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    role: str
    must_change: bool  # logged in with a one-time password that has not been replaced yet
    created_at: datetime


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    reason: str  # "ok", "bad" (wrong id or password: never said which) or "locked"
    account: Account | None = None
    retry_after: float | None = None  # seconds until another try is taken, when locked
    must_change: bool = False  # the password was a one-time one: ask for a new one now


@dataclass(frozen=True)
class LoginLimits:
    """How many failures in `window` lock a scope, and for how long (doubling, capped)."""

    account_failures: int = 5
    address_failures: int = 20
    window: timedelta = timedelta(minutes=15)
    first_lock: timedelta = timedelta(seconds=30)
    longest_lock: timedelta = timedelta(minutes=15)

    def lock_for(self, failures: int, limit: int) -> timedelta | None:
        if failures < limit:
            return None
        doublings = min(failures - limit, 32)  # past the longest lock anyway; keeps the number small
        return min(self.first_lock * 2 ** doublings, self.longest_lock)


@dataclass(frozen=True)
class NewAccount:
    id: str
    name: str
    role: str = CANDIDATE


def check_new(new: NewAccount) -> None:
    """Raises AccountError when the id, name or role cannot be used."""
    if not ID_PATTERN.fullmatch(new.id):
        raise AccountError(BAD_ID.format(id=new.id))
    if not new.name.strip() or len(new.name) > NAME_MAX:
        raise AccountError(BAD_NAME.format(max=NAME_MAX))
    if new.role not in ROLES:
        raise AccountError(BAD_ROLE.format(role=new.role))


def one_time_password() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(_ONE_TIME_LENGTH))


def default_hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError as err:
        raise AccountError(NO_ARGON2) from err
    return PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _account(r: Any) -> Account:
    return Account(r["id"], r["name"], r["role"], bool(r["must_change"]), datetime.fromisoformat(r["created_at"]))


class Accounts:
    """The accounts kept in a store's database (`open_database`). `hasher` is an argon2
    PasswordHasher (tests pass a cheap one)."""

    def __init__(self, database: Database, hasher: Any = None, limits: LoginLimits = LoginLimits()):
        self._engine = database.engine
        self._hasher = hasher
        self.limits = limits

    def close(self) -> None:
        """Close the connection (shared with the stores of the same Database)."""
        self._engine.close()

    @property
    def hasher(self) -> Any:
        if self._hasher is None:
            self._hasher = default_hasher()
        return self._hasher

    def _write(self, lock: str, action) -> Any:
        engine = self._engine
        engine.recover()
        try:
            engine.begin_write(lock)
            try:
                result = action()
                engine.commit()
            except BaseException:
                engine.rollback()
                raise
        except engine.transient as err:
            raise AccountError(engine.unreachable(err)) from err
        return result

    def _read(self, sql: str, *params: Any) -> list[Any]:
        try:
            return self._engine.execute(sql, params).fetchall()
        except self._engine.transient as err:
            raise AccountError(self._engine.unreachable(err)) from err

    # -- reading ------------------------------------------------------------------------------
    def get(self, account_id: str) -> Account | None:
        rows = self._read("SELECT * FROM accounts WHERE id = ?", account_id)
        return _account(rows[0]) if rows else None

    def all(self) -> list[Account]:
        return [_account(r) for r in self._read("SELECT * FROM accounts ORDER BY id")]

    # -- creating and resetting ---------------------------------------------------------------
    def add(self, account_id: str, name: str, role: str = CANDIDATE, now: datetime | None = None) -> str:
        """Create one account; returns its one-time initial password."""
        return self.add_many([NewAccount(account_id, name, role)], now)[0][1]

    def add_many(self, new: list[NewAccount], now: datetime | None = None) -> list[tuple[Account, str]]:
        """Create every account or none; each with its one-time initial password."""
        seen: set[str] = set()
        for n in new:
            check_new(n)
            if n.id in seen:
                raise AccountError(REPEATED.format(id=n.id))
            seen.add(n.id)
        stamp = _stamp(now or _now())
        made = [(n, one_time_password()) for n in new]
        hashes = [self.hasher.hash(password) for _, password in made]

        def write():
            existing = self.taken([n.id for n in new])
            if existing:
                raise AccountError(DUPLICATE.format(id=existing[0]))
            for (n, _), hashed in zip(made, hashes):
                self._engine.execute(
                    "INSERT INTO accounts (id, name, role, password_hash, must_change, created_at,"
                    " password_set_at) VALUES (?, ?, ?, ?, 1, ?, ?)", (n.id, n.name.strip(), n.role, hashed,
                                                                      stamp, stamp))
        self._write("accounts", write)
        created = datetime.fromisoformat(stamp)
        return [(Account(n.id, n.name.strip(), n.role, True, created), password) for n, password in made]

    def taken(self, ids: list[str]) -> list[str]:
        """Which of `ids` are already accounts (sorted)."""
        taken: list[str] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            taken += [r[0] for r in self._engine.execute(f"SELECT id FROM accounts WHERE id IN ({marks})",
                                                         tuple(chunk))]
        return sorted(taken)

    def reset(self, account_id: str, now: datetime | None = None) -> str:
        """A new one-time password for the account (the old one stops working); its lock is lifted."""
        password = one_time_password()
        hashed = self.hasher.hash(password)
        stamp = _stamp(now or _now())

        def write():
            done = self._engine.execute(
                "UPDATE accounts SET password_hash = ?, must_change = 1, password_set_at = ? WHERE id = ?",
                (hashed, stamp, account_id))
            if done.rowcount != 1:
                raise AccountError(UNKNOWN.format(id=account_id))
            self._engine.execute("DELETE FROM login_failures WHERE scope = 'account' AND key = ?", (account_id,))
        self._write("accounts", write)
        return password

    def change_password(self, account_id: str, current: str, new: str, now: datetime | None = None) -> None:
        """Replace the password (the one-time one after the first login); raises AccountError."""
        rows = self._read("SELECT password_hash FROM accounts WHERE id = ?", account_id)
        if not rows or not self._verify(rows[0][0], current):
            raise AccountError(WRONG_CURRENT)
        if len(new) < MIN_PASSWORD:
            raise AccountError(SHORT_PASSWORD.format(min=MIN_PASSWORD))
        if new == current:
            raise AccountError(SAME_PASSWORD)
        self._set_hash(account_id, self.hasher.hash(new), must_change=False, now=now)

    def _set_hash(self, account_id: str, hashed: str, must_change: bool, now: datetime | None) -> None:
        stamp = _stamp(now or _now())
        self._write("accounts", lambda: self._engine.execute(
            "UPDATE accounts SET password_hash = ?, must_change = ?, password_set_at = ? WHERE id = ?",
            (hashed, int(must_change), stamp, account_id)))

    def _verify(self, hashed: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self.hasher.verify(hashed, password))
        except (VerificationError, InvalidHashError):
            return False

    # -- logging in ---------------------------------------------------------------------------
    def login(self, account_id: str, password: str, address: str, now: datetime | None = None) -> LoginResult:
        """Check a login. While the account or the address is locked the password is not even
        checked; a failure counts against both; a success clears the account's count."""
        moment = now or _now()
        wait = max(self._locked_for("account", account_id, moment), self._locked_for("address", address, moment))
        if wait > 0:
            return LoginResult(False, "locked", retry_after=wait)
        rows = self._read("SELECT * FROM accounts WHERE id = ?", account_id)
        if rows and self._verify(rows[0]["password_hash"], password):
            account = _account(rows[0])
            self._write(f"login:account:{account_id}", lambda: self._engine.execute(
                "DELETE FROM login_failures WHERE scope = 'account' AND key = ?", (account_id,)))
            if self.hasher.check_needs_rehash(rows[0]["password_hash"]):
                self._set_hash(account_id, self.hasher.hash(password), account.must_change, moment)
            return LoginResult(True, "ok", account, must_change=account.must_change)
        if not rows:
            self._verify(_dummy_hash(self.hasher), password)  # as slow as a known id: ids are not told
        waits = [self._fail("account", account_id, self.limits.account_failures, moment),
                 self._fail("address", address, self.limits.address_failures, moment)]
        return LoginResult(False, "bad", retry_after=max(waits) or None)

    def _locked_for(self, scope: str, key: str, now: datetime) -> float:
        rows = self._read("SELECT locked_until FROM login_failures WHERE scope = ? AND key = ?", scope, key)
        if not rows or rows[0][0] is None:
            return 0.0
        return max(0.0, (datetime.fromisoformat(rows[0][0]) - now).total_seconds())

    def _fail(self, scope: str, key: str, limit: int, now: datetime) -> float:
        """Count one failure; the seconds the scope is now locked for (0: not locked)."""
        def write() -> float:
            rows = self._engine.execute("SELECT failures, first_at, last_at, locked_until FROM login_failures"
                                        " WHERE scope = ? AND key = ?", (scope, key)).fetchall()
            failures, first = 1, now
            if rows:
                r = rows[0]
                # quiet since the latest failure or the end of its lock: failures that keep coming keep counting
                quiet = max(datetime.fromisoformat(t) for t in (r["last_at"] or r["first_at"], r["locked_until"]) if t)
                if now - quiet < self.limits.window:
                    failures, first = rows[0]["failures"] + 1, datetime.fromisoformat(rows[0]["first_at"])
            lock = self.limits.lock_for(failures, limit)
            until = _stamp(now + lock) if lock else None
            self._engine.execute(
                "INSERT INTO login_failures (scope, key, failures, first_at, last_at, locked_until)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET failures = excluded.failures,"
                " first_at = excluded.first_at, last_at = excluded.last_at, locked_until = excluded.locked_until",
                (scope, key, failures, _stamp(first), _stamp(now), until))
            return lock.total_seconds() if lock else 0.0
        return self._write(f"login:{scope}:{key}", write)


_DUMMY: dict[int, str] = {}


def _dummy_hash(hasher: Any) -> str:
    key = id(hasher)
    if key not in _DUMMY:
        _DUMMY[key] = hasher.hash(one_time_password())
    return _DUMMY[key]


def open_accounts(where, hasher: Any = None) -> Accounts:
    """The accounts in the database named by `where` (a data folder, `sqlite:PATH` or
    `postgresql://...`), on a connection of their own. Raises StoreError."""
    from .store import open_database

    database, _ = open_database(where)
    return Accounts(database, hasher)


__all__ = ["CANDIDATE", "INSTRUCTOR", "ROLES", "Account", "AccountError", "Accounts", "LoginLimits",
           "LoginResult", "NewAccount", "StoreError", "open_accounts"]
