"""`examprep` with no command: opens the trainer at its home screen.

`launch` is shared with `drill` and `case`: load the bank, open the progress store (moving a
broken file aside), run the app, and close the store. Textual is imported only here, when the app
is really about to open.
"""

from __future__ import annotations

import sys

from .. import exit_codes
from .common import data_dir, error, load_bank_or_report


def launch(args, start=None, bank=None) -> int:
    bank = bank or load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.store import StoreError, open_store

    try:
        store, notice = open_store(data_dir(args))
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    if notice:
        print(f"examprep: {notice}", file=sys.stderr)
    from ..tui.app import ExamPrepApp, Start

    try:
        ExamPrepApp(bank, store, start=start or Start(), notice=notice).run()
    finally:
        store.close()
    return exit_codes.OK


def run(args) -> int:
    return launch(args)
