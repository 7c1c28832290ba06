"""`examprep users add --csv | reset | list`, and `--db` / EXAMPREP_DB choosing the store for them."""

from __future__ import annotations

import json

import pytest

from examprep.cli import main
from examprep.commands.common import store_location
from examprep.practice.accounts import Accounts
from examprep.practice.store import StoreError, open_database

@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """argon2 with its real parameters costs ~60 ms a hash (seconds on a loaded machine); the command's
    own hasher is tested in test_practice_accounts.py."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr("examprep.practice.accounts.default_hasher", lambda: cheap)


ROSTER = "账号,姓名,角色\nc001,张三,\nc002,李四,考生\nt01,王老师,教师\n"


def db_args(where) -> list[str]:
    return ["--db", where] if isinstance(where, str) else ["--data", str(where)]


def added(capsys) -> dict[str, str]:
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == ["账号", "姓名", "角色", "一次性初始密码"]
    return {line.split("\t")[0]: line.split("\t")[3] for line in out[1:]}


def logs_in(where, account_id: str, password: str) -> bool:
    database, _ = open_database(where)
    try:
        return Accounts(database).login(account_id, password, "127.0.0.1").ok
    finally:
        database.close()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_roster_in_each_encoding_makes_accounts_that_log_in(tmp_path, capsys, encoding):
    roster = tmp_path / "名单.csv"
    roster.write_bytes(ROSTER.encode(encoding))
    assert main(["users", "add", "--csv", str(roster), "--data", str(tmp_path / "d")]) == 0
    passwords = added(capsys)
    assert sorted(passwords) == ["c001", "c002", "t01"]
    assert logs_in(tmp_path / "d", "c002", passwords["c002"])
    assert not logs_in(tmp_path / "d", "c002", passwords["c001"])


def test_users_on_both_engines(store_where, tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,账号\n赵六,c100\n钱七,c101\n", encoding="utf-8")
    assert main(["users", "add", "--csv", str(roster), "--role", "instructor", *db_args(store_where)]) == 0
    first = added(capsys)
    assert main(["users", "list", "--json", *db_args(store_where)]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(a["id"], a["name"], a["role"], a["must_change"]) for a in listed] == [
        ("c100", "赵六", "instructor", True), ("c101", "钱七", "instructor", True)]
    assert main(["users", "reset", "c101", *db_args(store_where)]) == 0
    said = capsys.readouterr().out
    fresh = said.split("：")[1].split()[0]
    assert "c101（钱七）" in said and fresh != first["c101"]
    assert logs_in(store_where, "c101", fresh) and not logs_in(store_where, "c101", first["c101"])


def test_list_shows_no_secret(tmp_path, capsys):
    roster = tmp_path / "r.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    main(["users", "add", "--csv", str(roster), "--data", str(tmp_path)])
    passwords = added(capsys)
    assert main(["users", "list", "--data", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1].split("\t")[:4] == ["c001", "张三", "考生", "待首次登录改密码"]
    assert "共 3 个账户" in captured.err
    assert main(["users", "list", "--json", "--data", str(tmp_path)]) == 0
    everything = capsys.readouterr().out + captured.out
    assert "argon2" not in everything and not any(p in everything for p in passwords.values())


def test_bad_rows_name_file_and_row_and_nothing_is_added(tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_bytes("账号,姓名,角色\nc009,张三,\n,李四,考生\nc010,王五,teacher\na b,赵六,\nc009,钱七,\n"
                       .encode("gbk"))
    assert main(["users", "add", "--csv", str(roster), "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{roster}:3: “账号”为空",
        f"{roster}:4: 角色“teacher”无效：应为 考生/candidate 或 教师/instructor",
        f"{roster}:5: 账号“a b”无效：只能用字母、数字和 . _ -，以字母或数字开头，最长 64 个字符",
        f"{roster}:6: 账号“c009”与第 2 行重复",
        "examprep: 名单有 4 个问题，没有添加任何账户",
    ]
    assert main(["users", "list", "--json", "--data", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_accounts_already_there_are_named_and_nothing_is_added(tmp_path, capsys):
    (tmp_path / "one.csv").write_text("账号,姓名\nc001,张三\n", encoding="utf-8")
    (tmp_path / "two.csv").write_text("账号,姓名\nc002,李四\nc001,张三\n", encoding="utf-8")
    assert main(["users", "add", "--csv", str(tmp_path / "one.csv"), "--data", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["users", "add", "--csv", str(tmp_path / "two.csv"), "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'two.csv'}:3: 账号“c001”已存在（可用 users reset 重置它的密码）" in err
    main(["users", "list", "--json", "--data", str(tmp_path)])
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["c001"]


def test_a_roster_without_its_columns_or_rows(tmp_path, capsys):
    (tmp_path / "cols.csv").write_text("编号,名字\n1,张三\n", encoding="utf-8")
    assert main(["users", "add", "--csv", str(tmp_path / "cols.csv"), "--data", str(tmp_path)]) == 1
    assert "表头缺少“账号”列（表头可用：账号、考生号、准考证号、工号、id）" in capsys.readouterr().err
    (tmp_path / "empty.csv").write_text("账号,姓名\n", encoding="utf-8")
    assert main(["users", "add", "--csv", str(tmp_path / "empty.csv"), "--data", str(tmp_path)]) == 1
    assert "名单中没有账户" in capsys.readouterr().err
    assert main(["users", "add", "--csv", str(tmp_path / "missing.csv"), "--data", str(tmp_path)]) == 1
    assert "无法读取" in capsys.readouterr().err


def test_an_xlsx_roster_names_its_sheet(tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一班"
    for row in (["账号", "姓名"], ["c001", "张三"], ["c002", None]):
        sheet.append(row)
    book.save(tmp_path / "名单.xlsx")
    assert main(["users", "add", "--csv", str(tmp_path / "名单.xlsx"), "--data", str(tmp_path)]) == 1
    assert f"{tmp_path / '名单.xlsx'}:一班:3: “姓名”为空" in capsys.readouterr().err


def test_reset_of_an_unknown_account(tmp_path, capsys):
    assert main(["users", "reset", "nobody", "--data", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "examprep: 没有账号为“nobody”的账户\n"


def test_where_the_store_is(tmp_path, monkeypatch, capsys):
    class Args:
        data = str(tmp_path)
        db = None

    monkeypatch.delenv("EXAMPREP_DB", raising=False)
    assert store_location(Args()) == tmp_path
    monkeypatch.setenv("EXAMPREP_DB", "sqlite:///srv/examprep.sqlite3")
    assert store_location(Args()) == "sqlite:///srv/examprep.sqlite3"
    Args.db = "postgresql://centre@127.0.0.1/examprep"
    assert store_location(Args()) == "postgresql://centre@127.0.0.1/examprep"  # --db before the variable
    Args.db = "mysql://nope"
    with pytest.raises(StoreError, match="无法识别"):
        store_location(Args())
    assert main(["users", "list", "--db", "mysql://nope"]) == 1
    assert "数据库地址“mysql://nope”无法识别：应为 postgresql://… 或 sqlite:文件路径" in capsys.readouterr().err


def test_a_sqlite_url_names_the_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "centre" / "examprep.sqlite3"
    monkeypatch.setenv("EXAMPREP_DB", f"sqlite://{target}")
    (tmp_path / "r.csv").write_text("账号,姓名\nc001,张三\n", encoding="utf-8")
    assert main(["users", "add", "--csv", str(tmp_path / "r.csv")]) == 0
    assert target.exists()
    assert f"已在 {target} 添加 1 个账户" in capsys.readouterr().err
