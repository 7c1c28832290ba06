"""One question in 背题 (study mode): the stem, its options or items, the key and the explanation at once."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ....content.model import Bank, Question
from ....format import visible
from ...wrapped import Wrapped
from ..feedback.feedback_panel import heading
from ..question.question_panel import case_scenario, question_heading


def study_card(bank: Bank, question: Question, number: str = "") -> Group:
    """What 背题 shows of a question: nothing to answer, everything to read."""
    parts: list[RenderableType] = [Wrapped(question_heading(question, number))]
    scenario = case_scenario(bank, question)
    if scenario:
        parts.append(Wrapped(visible(scenario.strip()), style="dim"))
    parts.append(Wrapped(visible(question.shown_stem())))
    for letter, text in question.shown_choices():
        line = Text(f"{letter}. ")
        lead = line.cell_len  # a long option wraps under its own text
        line.append(visible(text, newlines=False))
        parts.append(Wrapped(line, indent=lead, hang=False))
    parts.append(Text(""))
    parts.append(heading("参考答案"))
    parts.append(Wrapped(visible(question.model_answer()), style="bold green"))
    if question.explanation:
        parts.append(Text(""))
        parts.append(heading("解析"))
        parts.append(Wrapped(visible(question.explanation)))
    return Group(*parts)
