"""`examprep stats`: the trainer's statistics as plain text (an empty data folder is fine)."""

from __future__ import annotations

from datetime import datetime, timezone

from .. import exit_codes
from .common import data_dir, error, load_bank_or_report


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.stats import collect_stats
    from ..practice.store import FILE_NAME, StoreError, open_memory_store, open_store

    folder = data_dir(args)
    if (folder / FILE_NAME).exists():
        try:
            store, notice = open_store(folder)
        except StoreError as err:
            error(str(err))
            return exit_codes.INVALID
        if notice:
            error(notice)
    else:
        store = open_memory_store()  # nothing answered yet: report zeros, create no files
    from rich.console import Console

    from ..tui.stats_report import stats_report

    now = datetime.now(timezone.utc)
    try:
        stats = collect_stats(bank, store, now)
    finally:
        store.close()
    console = Console(soft_wrap=False, highlight=False)
    console.print(f"学习统计（进度文件：{folder / FILE_NAME}）", style="bold")
    console.print(stats_report(stats, bank, now.astimezone().date()))
    return exit_codes.OK
