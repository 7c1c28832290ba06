"""The bank as GIFT, Moodle's plain-text question format, with only the fractions Moodle accepts.

single -> {=right ~wrong}, multiple -> {~%share%right ~%-100%wrong} (share from `fractions`, or the
question is left out), judge -> {T}/{F}, calc -> {#answer:tolerance}, order -> {>n ALL VERTICAL
ALL_OR_NOTHING SHOW …} (the ordering question type's GIFT form), recall/short with one key point ->
{=%100%*keyword* …}, with more -> an essay {} (GIFT has no grader information: the rubric goes in a
comment above it). fill with one blank -> GIFT's missing-word form, {=answer =alternative} where the
blank is; with more -> an essay with the blanks numbered and the key in a comment (a GIFT question has
one answer block).
"""

from __future__ import annotations

import re

from ..content.model import Bank, Question
from ..kinds.calc import Calc
from ..kinds.choice import MultipleChoice, SingleChoice
from ..kinds.fill import Fill
from ..kinds.free_text import FreeText
from ..kinds.judge import Judge
from ..kinds.order import Order
from .fractions import percent, share_of_right
from .moodle_xml import Skipped
from .selection import category_path, full_stem

SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """GIFT text: its control characters escaped with a backslash, line breaks as \\n."""
    return SPECIAL.sub(r"\\\1", text).replace("\r\n", "\n").replace("\n", r"\n")


def _comment(text: str) -> str:
    return "\n".join(f"// {line}" for line in text.splitlines())


def _feedback(question: Question) -> str:
    return f"####{escape(question.explanation)}" if question.explanation else ""


def _answers(question: Question) -> str | Skipped:
    if isinstance(question, SingleChoice):
        parts = [("=" if key == question.answer else "~") + escape(text) for key, text in question.options]
        return "\n".join(parts)
    if isinstance(question, MultipleChoice):
        share = share_of_right(len(question.answer))
        if share is None:
            return Skipped(question.id, f"{len(question.answer)} 个正确选项无法平分成 Moodle 接受的分数")
        parts = [f"~%{percent(share if key in question.answer else -1.0)}%{escape(text)}"
                 for key, text in question.options]
        return "\n".join(parts)
    if isinstance(question, Judge):
        return "T" if question.answer else "F"
    if isinstance(question, Calc):
        return f"#{float(question.answer):.12g}:{question.tolerance:.12g}"
    if isinstance(question, Order):
        items = "\n".join(escape(item) for item in question.items)
        return f">{len(question.items)} ALL VERTICAL ALL_OR_NOTHING SHOW\n{items}\n"
    if isinstance(question, FreeText):
        if len(question.rubric) == 1:
            return "\n".join(f"=%100%*{escape(k)}*" for k in question.rubric[0].keywords)
        return ""
    return Skipped(question.id, f"GIFT 导出还不支持{question.title}题")


def _fill(question: Fill, bank: Bank) -> list[str]:
    """The lines of a fill question: one blank in GIFT's missing-word form, more as an essay."""
    name, feedback = escape(question.id), _feedback(question)
    head = full_stem(bank, question).removesuffix(question.stem)
    if len(question.answer) == 1:
        before, after = question.stem_with_blanks("\x00").split("\x00")
        answers = " ".join("=" + escape(a) for a in question.answer[0])
        return [f"::{name}::{escape(head + before)}{{{answers}{feedback}}}{escape(after)}"]
    stem = escape(head + question.shown_stem())
    return [_comment("答案：" + question.model_answer()), f"::{name}::{stem}{{{feedback}}}"]


def gift(questions: list[Question], bank: Bank) -> tuple[str, list[Skipped]]:
    """The GIFT text, and the questions left out, with why."""
    blocks: list[str] = []
    skipped: list[Skipped] = []
    current = None
    for question in questions:
        answers = "" if isinstance(question, Fill) else _answers(question)
        if isinstance(answers, Skipped):
            skipped.append(answers)
            continue
        path = category_path(bank, question)
        if path != current:
            blocks.append("$CATEGORY: " + "/".join(["$course$", "examprep", *(p.replace("/", "//") for p in path)]))
            current = path
        if isinstance(question, Fill):
            blocks.append("\n".join(_fill(question, bank)))
            continue
        lines = []
        if isinstance(question, FreeText) and len(question.rubric) > 1:
            lines.append(_comment("评分要点：" + "；".join(p.point for p in question.rubric)))
        name = escape(question.id)
        stem = escape(full_stem(bank, question))
        feedback = _feedback(question)
        if isinstance(question, Order):
            lines.append(f"::{name}::{stem}{{{answers}}}")
        else:
            lines.append(f"::{name}::{stem}{{\n{answers}{feedback}\n}}" if answers
                         else f"::{name}::{stem}{{{feedback}}}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n", skipped
