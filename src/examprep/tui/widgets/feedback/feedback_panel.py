"""After an answer: the score, each key point earned or missed, the matched words highlighted in
the answer as typed, the model answer and the explanation."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ....content.model import Answer, Question, Shuffles
from ....format import marks_text, visible, visible_with_spans
from ....grading.excerpt import excerpt
from ....grading.explain import point_detail
from ....kinds.order import position_line
from ....practice.claims import CLAIM, Claim, corrected_grading
from ...wrapped import Wrapped

MATCH_STYLE = "bold green underline"


def verdict(fraction: float) -> tuple[str, str]:
    if fraction >= 1 - 1e-9:
        return "✓ 正确", "bold green"
    if fraction > 0:
        return "◐ 部分正确", "bold yellow"
    return "✗ 错误", "bold red"


def highlighted_answer(text: str, spans: list[tuple[int, int]]) -> Text:
    """The answer as typed, with each matched keyword's characters highlighted; of a long answer,
    only the text around each match."""
    shown = excerpt(text, spans)
    safe, safe_spans = visible_with_spans(shown.text, shown.spans)
    out = Text(safe)
    for start, end in safe_spans:
        out.stylize(MATCH_STYLE, start, end)
    if shown.shortened:
        out.append(f"\n（答案共 {len(text)} 字，只显示命中处附近）", style="dim")
    return out


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


EARNED_WORDS = {True: "已得", False: "未得"}
CLAIM_STYLE = "bold magenta"


def both_views(grader: bool, candidate: bool) -> Text:
    """A point the candidate disagrees on: the grader's view and theirs, side by side."""
    return Text(f"评分：{EARNED_WORDS[grader]} / 你认为：{EARNED_WORDS[candidate]}", style=CLAIM_STYLE)


def points_table(points, awards, claims: Iterable[Claim] = ()) -> Table:
    """Each rubric point on its own row: earned or missed, the words that earned it, the marks it is
    awarded, and where the candidate claims otherwise, both views. A grid, so a long point wraps
    under itself rather than under the tick."""
    disputed = {c.point_id: c.direction == CLAIM for c in claims}
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    for p, award in zip(points, awards):
        got = p.earned > 0
        text = Text(p.point, style="" if got else "dim", overflow="fold")
        if got and p.matched:
            text.append(f"「{visible(p.matched)}」", style="green")
        detail = point_detail(p)
        if detail:
            text.append(f"（{visible(detail)}）" if got else f"  {visible(detail)}",
                        style="italic dim" if got else "yellow")
        if p.id in disputed:
            text.append("\n")
            text.append_text(both_views(got, disputed[p.id]))
        grid.add_row(Text("✓" if got else "✗", style="bold green" if got else "bold red"), Wrapped(text),
                     Text(f"+{marks_text(award)}" if got else "0", style="bold" if got else "dim"))
    return grid


def positions_table(positions) -> Table:
    """Each place of an order answer: ✓ when the right item stands there, else ✗ with the item expected."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    for p in positions:
        grid.add_row(Text("✓" if p.right else "✗", style="bold green" if p.right else "bold red"),
                     Wrapped(Text(visible(position_line(p)), style="" if p.right else "yellow")))
    return grid


def feedback_renderable(question: Question, answer: Answer, grading, marks: float | None = None,
                        shuffle: Shuffles | None = None, claims: Iterable[Claim] = ()):
    """What the panel shows. `marks`: what the question carries (a mock paper's marks; by default its
    own score); the marks shown are those awarded (`marks_on_paper`, the key's half marks), so each
    point's line adds up to the total. `shuffle` gives the letters the options were shown with;
    `claims` are the candidate's own view of some points (the grader's stays beside it)."""
    claims = tuple(claims)
    parts: list[RenderableType] = []
    of = question.score if marks is None else marks
    if grading is None:
        top = Text("— 未作答", style="bold red")
        earned = 0.0
    else:
        label, style = verdict(float(grading.fraction))
        top = Text(label, style=style)
        earned = question.marks_on_paper(grading, of)
    top.append(f"    得分 {marks_text(earned)} / {marks_text(of)}", style="bold")
    if claims and grading is not None:
        mine = question.marks_on_paper(corrected_grading(grading, claims), of)
        top.append(f"（你认为 {marks_text(mine)} 分，按此安排复习）", style=CLAIM_STYLE)
    parts.append(Wrapped(top))

    points = list(getattr(grading, "points", None) or ()) if grading is not None else []
    if points:
        parts.append(heading("要点"))
        parts.append(points_table(points, question.point_awards(grading, of), claims))
    positions = grading.positions if grading is not None else ()
    if positions:
        parts.append(heading("各位置"))
        parts.append(positions_table(positions))

    parts.append(heading("你的答案"))
    if question.is_free_text and isinstance(answer, str) and answer.strip():
        spans = [tuple(p.span) for p in points if p.span is not None and p.earned > 0]
        parts.append(Wrapped(highlighted_answer(answer, spans)))
    else:
        parts.append(Wrapped(visible(question.answer_text(answer, shuffle))))

    parts.append(heading("参考答案"))
    parts.append(Wrapped(question.model_answer(shuffle)))
    if question.explanation:
        parts.append(heading("解析"))
        parts.append(Wrapped(question.explanation))
    return Group(*parts)


class FeedbackPanel(Static):
    def show(self, question: Question, answer: Answer, grading, marks: float | None = None,
             shuffle: Shuffles | None = None, claims: Iterable[Claim] = ()) -> None:
        self.update(feedback_renderable(question, answer, grading, marks, shuffle, claims))
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False
