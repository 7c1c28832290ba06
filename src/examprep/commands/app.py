"""`examprep` with no command: opens the trainer at its home screen.

`launch` is shared with `drill` and `case`: load the bank, open the progress store (moving a
broken file aside), run the app, and close the store. Textual is imported only here, when the app
is really about to open. Writes the disk refused while the trainer ran are tried once more on the
way out; if they still cannot be written, the exit code is 1 and the message says so.
"""

from __future__ import annotations

from .. import exit_codes
from . import messages as m
from .common import error, load_bank_or_report, store_location


def launch(args, start=None, bank=None) -> int:
    bank = bank or load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.store import StoreError, open_store

    try:
        store, notice = open_store(store_location(args))
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    if notice:
        error(notice)
    from ..tui.app import ExamPrepApp, Start

    app = ExamPrepApp(bank, store, start=start or Start(), notice=notice)
    try:
        app.run()
    finally:
        saved = close_store(store)
    if not saved:
        return exit_codes.INVALID
    return app.return_code or exit_codes.OK


def close_store(store) -> bool:
    """Try the writes still kept in memory once more, then close; False (said on stderr) when some
    could still not be written."""
    saved = store.flush()
    if not saved:
        error(m.NOT_SAVED_AT_EXIT.format(problem=store.problem, pending=store.pending))
    store.close()
    return saved


def launch_served(args) -> int:
    """One browser session of `examprep serve`: the login screen first, then the account's own trainer."""
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.store import StoreError
    from ..serve.desk import FrontDesk
    from ..serve.session_env import client_address

    try:
        desk = FrontDesk(store_location(args), client_address())
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    from ..tui.app import ExamPrepApp

    app = ExamPrepApp(bank, None, desk=desk)
    try:
        app.run()
    finally:
        store = app.trainer.store if app.account is not None else None
        saved = close_store(store) if store is not None else True
        desk.close()
    if not saved:
        return exit_codes.INVALID
    return app.return_code or exit_codes.OK


def run(args) -> int:
    from ..serve.session_env import is_served

    if is_served():
        return launch_served(args)
    return launch(args)
