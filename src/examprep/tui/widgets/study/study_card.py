"""One question in 背题 (study mode): the stem, its options or items, the key and the explanation at once."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ....content.model import Bank, Question
from ....format import visible
from ..feedback.feedback_panel import heading
from ..question.question_panel import case_scenario, question_heading


def study_card(bank: Bank, question: Question, number: str = "") -> Group:
    """What 背题 shows of a question: nothing to answer, everything to read."""
    parts: list[RenderableType] = [question_heading(question, number)]
    scenario = case_scenario(bank, question)
    if scenario:
        parts.append(Text(visible(scenario.strip()), style="dim"))
    parts.append(Text(visible(question.shown_stem())))
    choices = question.shown_choices()
    if choices:
        parts.append(Text("\n".join(f"{letter}. {visible(text, newlines=False)}" for letter, text in choices)))
    parts.append(Text(""))
    parts.append(heading("参考答案"))
    parts.append(Text(visible(question.model_answer()), style="bold green"))
    if question.explanation:
        parts.append(Text(""))
        parts.append(heading("解析"))
        parts.append(Text(visible(question.explanation)))
    return Group(*parts)
