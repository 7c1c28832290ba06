"""One knowledge point to read: its items, explanation, source and where it is tested."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ....content.model import Bank, Point
from ....format import visible
from ...wrapped import Wrapped


def point_text(bank: Bank, point: Point) -> Text:
    out = Text()
    out.append(visible(point.title), style="bold")
    out.append(f"\n{bank.level_title(point.level)} · {point.topic_title}\n", style="dim")
    if point.items:
        out.append("\n要点" + ("（有先后顺序）" if point.ordered else "") + "\n", style="bold underline")
        for i, item in enumerate(point.items, 1):
            out.append(f" {i}. ", style="bold cyan")
            out.append(f"{visible(item)}\n")
    if point.text:
        out.append("\n说明\n", style="bold underline")
        out.append(visible(point.text.strip()) + "\n")
    out.append("\n出处  ", style="bold")
    source = "（原文缺失，按本领域标准教材补全）" if point.source == "completed" else point.source
    out.append(source + (f" · {point.ref}" if point.ref else "") + "\n", style="dim")
    if point.tags:
        out.append("标签  ", style="bold")
        out.append("、".join(point.tags) + "\n", style="dim")
    tested = len(bank.questions_for_point(point.id))
    out.append("题目  ", style="bold")
    out.append(f"{tested} 道" + ("（按 P 练习）" if tested else "") + "\n", style="dim")
    return out


class PointView(Static):
    def show(self, bank: Bank, point: Point | None) -> None:
        if point is None:
            self.update(Text("在左侧选择一个考点。", style="dim"))
        else:
            self.update(Wrapped(point_text(bank, point)))
