"""`examprep users add --csv 名单.csv | reset ID | list [--json]`: the served trainer's accounts.

The roster is a CSV (UTF-8, UTF-8 with BOM or GBK, as `import` reads it) or xlsx table whose first
row names the columns: 账号 (or 考生号/准考证号/工号/id), 姓名 (name) and optionally 角色 (role:
考生/candidate or 教师/instructor; empty: --role). Every row is checked before anything is written:
one bad row (file:row and the problem, in Chinese) and no account is added. The one-time initial
passwords are printed once, here, and never again; nothing else secret is printed.
"""

from __future__ import annotations

import json
import sys

from .. import exit_codes
from . import messages as m
from .common import error, store_label, store_location

COLUMNS = {
    "id": ("账号", "考生号", "准考证号", "工号", "id"),
    "name": ("姓名", "name"),
    "role": ("角色", "role"),
}
ROLE_WORDS = {"candidate": "candidate", "考生": "candidate", "学员": "candidate",
              "instructor": "instructor", "教师": "instructor", "老师": "instructor"}


def run(args) -> int:
    from ..practice.accounts import AccountError, Accounts
    from ..practice.store import StoreError, open_database

    try:
        where = store_location(args)
        database, _ = open_database(where)
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    accounts = Accounts(database)
    try:
        return ACTIONS[args.users_command](args, accounts, store_label(where))
    except AccountError as err:
        error(str(err))
        return exit_codes.INVALID
    finally:
        database.close()


def _add(args, accounts, where: str) -> int:
    rows, problems = read_roster(args.csv, args.role)
    if not problems:
        taken = set(accounts.taken([n.id for _, n in rows]))
        problems = [_at(args.csv, place, m.ROSTER_TAKEN.format(id=n.id)) for place, n in rows if n.id in taken]
    if not problems and not rows:
        problems = [m.ROSTER_EMPTY.format(source=args.csv)]
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        error(m.ROSTER_NOT_ADDED.format(count=len(problems)))
        return exit_codes.INVALID
    made = accounts.add_many([n for _, n in rows])
    print("\t".join(m.USERS_HEADER))
    for account, password in made:
        print("\t".join((account.id, account.name, m.ROLE_NAMES[account.role], password)))
    print(m.USERS_ADDED.format(where=where, count=len(made)), file=sys.stderr)
    return exit_codes.OK


def _reset(args, accounts, where: str) -> int:
    password = accounts.reset(args.id)
    account = accounts.get(args.id)
    print(m.USERS_RESET.format(id=args.id, name=account.name if account else "", password=password))
    return exit_codes.OK


def _list(args, accounts, where: str) -> int:
    everyone = accounts.all()
    if args.json:
        for a in everyone:
            print(json.dumps({"id": a.id, "name": a.name, "role": a.role, "must_change": a.must_change,
                              "created_at": a.created_at.isoformat()}, ensure_ascii=False))
        return exit_codes.OK
    if not everyone:
        print(m.USERS_NONE.format(where=where))
        return exit_codes.OK
    print("\t".join(m.USERS_LIST_HEADER))
    for a in everyone:
        state = m.MUST_CHANGE if a.must_change else m.PASSWORD_SET
        created = a.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print("\t".join((a.id, a.name, m.ROLE_NAMES.get(a.role, a.role), state, created)))
    print(m.USERS_COUNT.format(count=len(everyone), where=where), file=sys.stderr)
    return exit_codes.OK


ACTIONS = {"add": _add, "reset": _reset, "list": _list}


def _at(source: str, place: tuple[str, int], problem: str) -> str:
    sheet, row = place
    if sheet:
        return m.ROSTER_SHEET_ROW.format(source=source, sheet=sheet, row=row, problem=problem)
    return m.ROSTER_ROW.format(source=source, row=row, problem=problem)


def read_roster(source: str, default_role: str):
    """([((sheet, row), NewAccount)], [problems]) from the roster file: every row checked."""
    from ..interchange.errors import InterchangeError
    from ..interchange.table import read_workbook
    from ..practice.accounts import AccountError, NewAccount, check_new

    try:
        book = read_workbook(source)
    except InterchangeError as err:
        return [], [str(err)]
    sheet = next((s for s in book.sheets if s.rows), None)
    if sheet is None:
        return [], [m.ROSTER_NO_HEADER.format(source=source)]
    (_, header), *body = sheet.rows
    names = [cell.strip().lower() for cell in header]
    where: dict[str, int] = {}
    for key, accepted in COLUMNS.items():
        found = next((i for i, name in enumerate(names) if name in accepted), None)
        if found is not None:
            where[key] = found
        elif key != "role":
            return [], [m.ROSTER_MISSING_COLUMN.format(source=source, column=accepted[0],
                                                       names="、".join(accepted))]
    rows: list = []
    problems: list[str] = []
    first_row: dict[str, int] = {}
    for number, cells in body:
        place = (sheet.name, number)

        def cell(key: str, cells=cells) -> str:
            i = where.get(key)
            return cells[i].strip() if i is not None and i < len(cells) else ""
        account_id, name, role_word = cell("id"), cell("name"), cell("role")
        empty = [COLUMNS[k][0] for k, v in (("id", account_id), ("name", name)) if not v]
        if empty:
            problems += [_at(source, place, m.ROSTER_EMPTY_CELL.format(column=c)) for c in empty]
            continue
        role = ROLE_WORDS.get(role_word.lower()) if role_word else default_role
        if role is None:
            problems.append(_at(source, place, m.ROSTER_BAD_ROLE.format(role=role_word)))
            continue
        new = NewAccount(account_id, name, role)
        try:
            check_new(new)
        except AccountError as err:
            problems.append(_at(source, place, str(err)))
            continue
        if account_id in first_row:
            problems.append(_at(source, place, m.ROSTER_REPEATED.format(id=account_id, first=first_row[account_id])))
            continue
        first_row[account_id] = number
        rows.append((place, new))
    return rows, problems
