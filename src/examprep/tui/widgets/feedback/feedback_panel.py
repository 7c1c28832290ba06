"""After an answer: the score, each key point earned or missed, the matched words highlighted in
the answer as typed, the model answer and the explanation."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ....content.model import Question
from ....grading.excerpt import excerpt
from ....practice.answers import AnswerValue, answer_text, model_answer_text
from ...format import marks
from ..answer.choice_answer import LETTERS

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
    out = Text(shown.text)
    for start, end in shown.spans:
        out.stylize(MATCH_STYLE, start, end)
    if shown.shortened:
        out.append(f"\n（答案共 {len(text)} 字，只显示命中处附近）", style="dim")
    return out


def shown_options(question: Question, keys, option_order: tuple[str, ...] | None) -> str:
    """Options by the letters the candidate saw (a mock paper shuffles them): 'A. 文本；C. 文本'."""
    texts = question.option_map
    order = option_order or tuple(k for k, _ in question.options)
    letters = {key: LETTERS[i] for i, key in enumerate(order)}
    chosen = sorted((letters[k], texts[k]) for k in keys if k in letters)
    return "；".join(f"{letter}. {text}" for letter, text in chosen)


def model_answer(question: Question, option_order: tuple[str, ...] | None = None) -> str:
    """A full-mark sample answer when the author gave one, else the key as the bank states it."""
    if question.is_free_text:
        for example in question.examples:
            if example.score >= question.score:
                return example.answer
    if question.type == "single":
        return shown_options(question, [question.answer], option_order)
    if question.type == "multiple":
        return shown_options(question, question.answer or (), option_order)
    return model_answer_text(question)


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def points_table(points) -> Table:
    """Each rubric point on its own row: earned or missed, the words that earned it, its marks.
    A grid, so a long point wraps under itself rather than under the tick."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    for p in points:
        got = p.earned > 0
        text = Text(p.point, style="" if got else "dim", overflow="fold")
        if got and p.matched:
            text.append(f"「{p.matched}」", style="green")
        grid.add_row(Text("✓" if got else "✗", style="bold green" if got else "bold red"), text,
                     Text(f"+{marks(round(p.earned, 2))}" if got else "0", style="bold" if got else "dim"))
    return grid


def feedback_renderable(question: Question, answer: AnswerValue, grading,
                        paper_marks: tuple[float, float] | None = None,
                        option_order: tuple[str, ...] | None = None):
    """What the panel shows. In a mock exam `paper_marks` (earned, of) replaces the question's own
    marks and `option_order` gives the letters the options were shown with."""
    parts = []
    if grading is None:
        top = Text("— 未作答", style="bold red")
        fraction = 0.0
    else:
        fraction = float(grading.fraction)
        label, style = verdict(fraction)
        top = Text(label, style=style)
    earned, of = paper_marks if paper_marks else (
        (float(grading.score), float(grading.max)) if grading is not None else (0.0, question.score))
    top.append(f"    得分 {marks(earned)} / {marks(of)}", style="bold")
    parts.append(top)

    points = list(getattr(grading, "points", None) or ()) if grading is not None else []
    if points:
        parts.append(heading("要点"))
        parts.append(points_table(points))

    parts.append(heading("你的答案"))
    if question.is_free_text and isinstance(answer, str) and answer.strip():
        spans = [tuple(p.span) for p in points if p.span is not None and p.earned > 0]
        parts.append(highlighted_answer(answer, spans))
    else:
        mine = answer_text(question, answer)
        if question.type in ("single", "multiple") and answer is not None:
            chosen = answer if isinstance(answer, (set, frozenset)) else {answer}
            mine = shown_options(question, chosen, option_order) or mine
        parts.append(Text(mine))

    parts.append(heading("参考答案"))
    parts.append(Text(model_answer(question, option_order)))
    if question.explanation:
        parts.append(heading("解析"))
        parts.append(Text(question.explanation))
    return Group(*parts)


class FeedbackPanel(Static):
    def show(self, question: Question, answer: AnswerValue, grading, paper_marks=None,
             option_order: tuple[str, ...] | None = None) -> None:
        self.update(feedback_renderable(question, answer, grading, paper_marks, option_order))
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False
