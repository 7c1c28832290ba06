"""`examprep class report`: the instructor's class view (who practised this week, accuracy per topic and
point, the weakest points, mock exams and their pass rate, the candidates' claims) as HTML or JSON.

Not `mark --paper --format html`, the report of one marked printed paper (papers/class_report.py)."""

from __future__ import annotations

from datetime import datetime

from .. import exit_codes
from . import messages as m
from .common import error, load_bank_or_report, store_location
from .output import os_reason, write_file


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.accounts import Accounts
    from ..practice.class_progress import read_class_progress
    from ..practice.class_progress_report import progress_html, progress_json
    from ..practice.store import StoreError, open_database

    try:
        database, _ = open_database(store_location(args))
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    try:
        progress = read_class_progress(Accounts(database).all(), lambda a: database.store(a, refold=False), bank,
                                       datetime.now().astimezone().date())
    finally:
        database.close()
    if args.format == "json":
        text = progress_json(progress)
    else:
        text = progress_html(progress, m.CLASS_REPORT_TITLE, bank.levels)
    if not args.output:
        print(text, end="")
        return exit_codes.OK
    try:
        write_file(args.output, text)
    except OSError as err:
        error(m.CANNOT_WRITE.format(path=args.output, reason=os_reason(err)))
        return exit_codes.INVALID
    print(m.CLASS_REPORT_WRITTEN.format(path=args.output))
    return exit_codes.OK
