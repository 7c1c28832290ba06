"""Accounts: argon2 hashes (never the password), one-time initial passwords, reset, all-or-nothing bulk
creation, and failed logins limited per account and per address through the database itself."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher

from examprep.practice.accounts import (INSTRUCTOR, AccountError, Accounts, LoginLimits, NewAccount,
                                        one_time_password)
from examprep.practice.store import open_database

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the real parameters cost ~50 ms a hash


@pytest.fixture
def accounts(store_where):
    database, _ = open_database(store_where)
    yield Accounts(database, CHEAP)
    database.close()


def second_server(store_where) -> Accounts:
    """Another serve process on the same database: its own connection."""
    database, _ = open_database(store_where)
    return Accounts(database, CHEAP)


def test_a_new_account_logs_in_with_its_one_time_password_and_must_change_it(accounts):
    password = accounts.add("c001", "张三", now=T0)
    assert len(password) == 12 and password != one_time_password()
    [account] = accounts.all()
    assert (account.id, account.name, account.role, account.must_change) == ("c001", "张三", "candidate", True)
    result = accounts.login("c001", password, "10.0.0.1", now=T0)
    assert result.ok and result.must_change and result.account.id == "c001"
    assert accounts.login("c001", password + "x", "10.0.0.1", now=T0).reason == "bad"
    with pytest.raises(AccountError, match="当前密码不正确"):
        accounts.change_password("c001", "not it", "a-new-password")
    with pytest.raises(AccountError, match="至少需要 8 个字符"):
        accounts.change_password("c001", password, "short")
    with pytest.raises(AccountError, match="不能与当前密码相同"):
        accounts.change_password("c001", password, password)
    accounts.change_password("c001", password, "新的密码-2024")
    assert not accounts.login("c001", password, "10.0.0.1", now=T0).ok
    again = accounts.login("c001", "新的密码-2024", "10.0.0.1", now=T0)
    assert again.ok and not again.must_change and not accounts.get("c001").must_change


def test_only_an_argon2_hash_is_kept(accounts):
    password = accounts.add("c001", "张三")
    [(stored,)] = accounts._engine.execute("SELECT password_hash FROM accounts").fetchall()
    assert stored.startswith("$argon2id$") and password not in stored
    everything = accounts._engine.execute("SELECT * FROM accounts").fetchall()
    assert not any(password in str(value) for row in everything for value in row)


def test_reset_gives_a_new_one_time_password_and_lifts_the_lock(accounts):
    first = accounts.add("c001", "张三")
    accounts.change_password("c001", first, "chosen-password")
    for _ in range(5):
        accounts.login("c001", "wrong", "10.0.0.1", now=T0)
    assert accounts.login("c001", "chosen-password", "10.0.0.2", now=T0).reason == "locked"
    fresh = accounts.reset("c001")
    assert fresh != first
    assert not accounts.login("c001", "chosen-password", "10.0.0.2", now=T0).ok
    result = accounts.login("c001", fresh, "10.0.0.2", now=T0)
    assert result.ok and result.must_change
    with pytest.raises(AccountError, match="没有账号为“nobody”的账户"):
        accounts.reset("nobody")


def test_bulk_creation_is_all_or_nothing(accounts):
    accounts.add("c001", "张三")
    rows = [NewAccount("c002", "李四"), NewAccount("c001", "重名"), NewAccount("t01", "王老师", INSTRUCTOR)]
    with pytest.raises(AccountError, match="“c001”已存在"):
        accounts.add_many(rows)
    assert [a.id for a in accounts.all()] == ["c001"]
    with pytest.raises(AccountError, match="出现了不止一次"):
        accounts.add_many([NewAccount("c002", "李四"), NewAccount("c002", "李四")])
    with pytest.raises(AccountError, match="角色“admin”无效"):
        accounts.add_many([NewAccount("c002", "李四"), NewAccount("c003", "赵五", "admin")])
    with pytest.raises(AccountError, match="账号“a b”无效"):
        accounts.add("a b", "空格")
    with pytest.raises(AccountError, match="姓名不能为空"):
        accounts.add("c009", "  ")
    made = accounts.add_many(rows[::2])
    assert [(a.id, a.role) for a, _ in made] == [("c002", "candidate"), ("t01", "instructor")]
    assert len({password for _, password in made}) == 2
    assert [a.id for a in accounts.all()] == ["c001", "c002", "t01"]


def test_failed_logins_lock_the_account_for_doubling_times(accounts):
    password = accounts.add("c001", "张三")
    results = [accounts.login("c001", "guess", f"10.0.0.{i}", now=T0) for i in range(5)]
    assert [r.reason for r in results] == ["bad"] * 5
    assert results[-1].retry_after == 30
    locked = accounts.login("c001", password, "10.9.9.9", now=T0 + timedelta(seconds=10))
    assert (locked.ok, locked.reason, locked.retry_after) == (False, "locked", 20)  # right password, still no
    later = T0 + timedelta(seconds=31)
    assert accounts.login("c001", "guess", "10.0.0.1", now=later).retry_after == 60
    assert accounts.login("c001", password, "10.0.0.1", now=later + timedelta(seconds=30)).reason == "locked"
    assert accounts.login("c001", password, "10.0.0.1", now=later + timedelta(seconds=61)).ok
    # a success clears the count: the next failure is the first again
    assert accounts.login("c001", "guess", "10.0.0.1", now=later + timedelta(seconds=62)).retry_after is None


def test_failures_that_keep_coming_keep_counting(accounts):
    password = accounts.add("c001", "张三")
    for i in range(4):
        accounts.login("c001", "guess", "10.0.0.1", now=T0 + timedelta(minutes=10 * i))  # 40 minutes in all
    assert accounts.login("c001", "guess", "10.0.0.1", now=T0 + timedelta(minutes=40)).retry_after == 30
    # and the locks go on doubling to the longest, one guess per lock
    moment, lock = T0 + timedelta(minutes=40), 30
    for expected in (60, 120, 240, 480, 900, 900):
        moment += timedelta(seconds=lock + 1)  # one guess as each lock ends
        lock = accounts.login("c001", "guess", "10.0.0.1", now=moment).retry_after
        assert lock == expected
    assert accounts.login("c001", password, "10.0.0.1", now=moment + timedelta(seconds=lock + 1)).ok


def test_failures_long_ago_are_forgotten(accounts):
    accounts.add("c001", "张三")
    for i in range(4):
        accounts.login("c001", "guess", "10.0.0.1", now=T0 + timedelta(minutes=i))
    assert accounts.login("c001", "guess", "10.0.0.1", now=T0 + timedelta(minutes=20)).retry_after is None


def test_failed_logins_lock_the_address_whatever_the_account(store_where):
    database, _ = open_database(store_where)
    accounts = Accounts(database, CHEAP, LoginLimits(account_failures=100, address_failures=3))
    password = accounts.add("c001", "张三")
    for guess in ("x1", "x2", "x3"):
        accounts.login(guess, "guess", "10.0.0.66", now=T0)  # unknown ids count as much as wrong passwords
    assert accounts.login("c001", password, "10.0.0.66", now=T0).reason == "locked"
    assert accounts.login("c001", password, "10.0.0.67", now=T0).ok
    database.close()


def test_several_servers_share_the_count(store_where, accounts):
    password = accounts.add("c001", "张三")
    other = second_server(store_where)
    for i in range(5):
        (accounts if i % 2 else other).login("c001", "guess", "10.0.0.1", now=T0)
    assert other.login("c001", password, "10.0.0.2", now=T0).reason == "locked"
    assert accounts.login("c001", password, "10.0.0.2", now=T0).reason == "locked"
    other.close()


def test_an_unknown_id_fails_like_a_wrong_password(accounts):
    accounts.add("c001", "张三")
    unknown = accounts.login("nobody", "guess", "10.0.0.1", now=T0)
    wrong = accounts.login("c001", "guess", "10.0.0.1", now=T0)
    assert (unknown.ok, unknown.reason, unknown.account) == (wrong.ok, wrong.reason, wrong.account)


def test_the_default_hasher_is_argon2id_with_the_librarys_parameters(tmp_path):
    database, _ = open_database(tmp_path)
    accounts = Accounts(database)
    password = accounts.add("c001", "张三")
    [(stored,)] = accounts._engine.execute("SELECT password_hash FROM accounts").fetchall()
    defaults = PasswordHasher()
    assert stored.startswith(f"$argon2id$v=19$m={defaults.memory_cost},t={defaults.time_cost},p={defaults.parallelism}$")
    assert accounts.login("c001", password, "127.0.0.1").ok
    database.close()
