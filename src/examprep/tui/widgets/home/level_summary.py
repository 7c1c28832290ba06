"""Per level: due today, in learning steps, new, in the 错题本, and the size of the bank."""

from __future__ import annotations

from rich.table import Table
from textual.widgets import Static

from ....practice.session import LevelOverview


class LevelSummary(Static):
    def show(self, rows: list[LevelOverview]) -> None:
        table = Table(box=None, pad_edge=False, header_style="bold", padding=(0, 2))
        table.add_column("级别")
        for title in ("今日到期", "学习中", "新题", "错题本", "题量", "案例"):
            table.add_column(title, justify="right")
        for r in rows:
            table.add_row(
                r.title,
                f"[bold yellow]{r.due}[/]" if r.due else "0",
                f"[bold cyan]{r.learning}[/]" if r.learning else "0",
                str(r.new),
                f"[bold red]{r.mistakes}[/]" if r.mistakes else "0",
                str(r.questions),
                str(r.cases),
            )
        if not rows:
            table.add_row("题库是空的", "", "", "", "", "", "")
        self.update(table)
