"""`examprep stats`: the trainer's statistics as plain text (an empty data folder is fine).

The progress file is only read (copied into memory), so stats work on a full disk or a read-only
folder, and never move or change the file.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .. import exit_codes
from . import messages as m
from .common import error, load_bank_or_report, store_label, store_location


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.stats import collect_stats
    from ..practice.store import StoreError, open_store_read_only

    try:
        where = store_location(args)
        store = open_store_read_only(where)  # nothing answered yet: zeros, and no files made
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    from rich.console import Console

    from ..tui.stats_report import stats_report

    now = datetime.now(timezone.utc)
    try:
        stats = collect_stats(bank, store, now)
    finally:
        store.close()
    console = Console(soft_wrap=False, highlight=False)
    console.print(m.STATS_HEADING.format(path=store_label(where)), style="bold")
    console.print(stats_report(stats, bank, now.astimezone().date()))
    return exit_codes.OK
