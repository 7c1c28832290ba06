"""申诉评分: after a free-text answer, the candidate ticks the key points they think they wrote.

The rubric's points are listed with the grader's view; each one ticked against it is a claim (a
missed point the candidate says is there) or a concession (an earned point they say is not).
Dismisses with the candidate's view (rubric point id -> earned), or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...format import visible
from ...grading.results import Grading, PointResult
from ..widgets.steady_footer import SteadyFooter
from ..wrapped import Wrapped

TITLE = "你认为答到了哪些要点？"
HINT = ("空格键勾选你答到的要点，回车确定。与评分不同的记为申诉，和评分一起保存，"
        "复习按你的判断安排；老师会据此补充评分用词。")


MINE = {True: "☑", False: "☐"}


def point_prompt(point: PointResult, mine: bool) -> Table:
    """One key point: the candidate's tick beside the point, and the grader's view beneath it (a
    grid, so a long point wraps under itself rather than under the tick)."""
    text = Text(visible(point.point, newlines=False))
    earned = point.earned > 0
    found = f"「{visible(point.matched, newlines=False)}」" if earned and point.matched else ""
    text.append(f"\n评分：{'已得' if earned else '未得'}{found}", style="green" if earned else "dim")
    if mine != earned:
        text.append(f" / 你认为：{'已得' if mine else '未得'}", style="bold magenta")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(Text(MINE[mine], style="bold"), Wrapped(text))
    return grid


class ClaimList(OptionList):
    """The rubric's points, each ticked when the candidate thinks they wrote it; space toggles."""

    BINDINGS = [Binding("space", "flip", "勾选/取消")]

    def __init__(self, points: tuple[PointResult, ...], view: Mapping[str, bool], **kwargs):
        super().__init__(**kwargs)
        self.points = points
        self.mine = {p.id: view.get(p.id, p.earned > 0) for p in points}

    def on_mount(self) -> None:
        self.add_options([Option(point_prompt(p, self.mine[p.id]), id=p.id) for p in self.points])
        self.highlighted = 0

    def action_flip(self) -> None:
        index = self.highlighted
        if index is None:
            return
        point = self.points[index]
        self.mine[point.id] = not self.mine[point.id]
        self.replace_option_prompt_at_index(index, point_prompt(point, self.mine[point.id]))


class ClaimScreen(ModalScreen[dict[str, bool] | None]):
    CSS_PATH = "claim_screen.tcss"
    BINDINGS = [
        Binding("enter", "confirm", "确定", priority=True),
        Binding("escape", "cancel", "取消"),
    ]

    def __init__(self, grading: Grading, view: Mapping[str, bool]):
        """`view`: the candidate's view so far (the grader's where they made no claim)."""
        super().__init__()
        self.grading = grading
        self.view = dict(view)

    def compose(self) -> ComposeResult:
        with Vertical(id="claim-box"):
            yield Static(TITLE, id="claim-title")
            yield Static(Wrapped(HINT), classes="hint")
            yield ClaimList(self.grading.points, self.view, id="claim-points")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one(ClaimList).focus()

    def action_confirm(self) -> None:
        self.dismiss(dict(self.query_one(ClaimList).mine))

    def action_cancel(self) -> None:
        self.dismiss(None)
