"""The bank as Moodle XML, the format of Moodle's question bank import (question/format/xml).

single/multiple -> multichoice (fractions from `fractions`), judge -> truefalse, calc -> numerical with
its tolerance and unit, order -> ordering (all or nothing, as examprep grades it), recall/short with one
key point -> shortanswer (each keyword as a *keyword* pattern), with more -> essay whose grader
information is the rubric, fill -> cloze with a SHORTANSWER gap of weight 1 per blank (its alternatives
the accepted answers, as examprep shares the marks equally over the blanks). Moodle's gaps have no "in
any order": each gap of an `ordered: false` question accepts the answers of all its blanks, and the text
says 各空顺序不限 (so Moodle does not catch one answer written in two gaps). Each level and topic (or
case) is a category. Text is HTML-escaped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from ..content.model import Bank, Question
from ..format import marks_text
from ..kinds.calc import Calc
from ..kinds.choice import Choice, MultipleChoice, SingleChoice
from ..kinds.fill import Fill
from ..kinds.free_text import FreeText
from ..kinds.judge import Judge
from ..kinds.order import Order
from .fractions import percent, share_of_right
from .selection import category_path, full_stem

COURSE_ROOT = "$course$/top/examprep"
# What a cloze answer must escape with a backslash (Moodle's multianswer parser; * is a wildcard).
CLOZE_SPECIAL = re.compile(r'([}#~/"\\*])')
GAP = "\x00{n}\x00"
GAP_MARK = re.compile("\x00(\\d+)\x00")
ANY_ORDER_NOTE = "（各空顺序不限）"


@dataclass(frozen=True)
class Skipped:
    question: str
    reason: str


def html_text(text: str) -> str:
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = value
    return node


def _answer(parent: ET.Element, fraction: float | str, text: str, fmt: str | None = "html",
            feedback: str = "") -> ET.Element:
    attrs = {"fraction": fraction if isinstance(fraction, str) else percent(fraction)}
    if fmt:
        attrs["format"] = fmt
    node = ET.SubElement(parent, "answer", attrs)
    ET.SubElement(node, "text").text = text
    _text(node, "feedback", feedback)
    return node


def _simple(parent: ET.Element, tag: str, value) -> None:
    ET.SubElement(parent, tag).text = str(value)


def _header(quiz: ET.Element, qtype: str, question: Question, bank: Bank,
            text: str | None = None) -> ET.Element:
    node = ET.SubElement(quiz, "question", {"type": qtype})
    name = ET.SubElement(node, "name")
    ET.SubElement(name, "text").text = question.id
    _text(node, "questiontext", text if text is not None else html_text(full_stem(bank, question)))
    _text(node, "generalfeedback", html_text(question.explanation or ""))
    _simple(node, "defaultgrade", f"{question.score:g}")
    _simple(node, "penalty", "0")
    _simple(node, "hidden", "0")
    _simple(node, "idnumber", question.id)
    return node


def _tags(node: ET.Element, question: Question) -> None:
    if question.tags:
        tags = ET.SubElement(node, "tags")
        for tag in question.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def _choice(quiz, question: Choice, bank: Bank) -> Skipped | None:
    single = isinstance(question, SingleChoice)
    right = list(question.keys)
    share = 1.0 if single else share_of_right(len(right))
    if share is None:
        return Skipped(question.id, f"{len(right)} 个正确选项无法平分成 Moodle 接受的分数")
    node = _header(quiz, "multichoice", question, bank)
    _simple(node, "single", "true" if single else "false")
    _simple(node, "shuffleanswers", "true")
    _simple(node, "answernumbering", "ABCD")
    _simple(node, "showstandardinstruction", "0")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(node, tag, "")
    # multiple choice is all or nothing in examprep: a wrong option takes everything away
    wrong = 0.0 if single else -1.0
    for key, text in question.options:
        _answer(node, share if key in right else wrong, html_text(text))
    _tags(node, question)
    return None


def _judge(quiz, question: Judge, bank: Bank) -> None:
    node = _header(quiz, "truefalse", question, bank)
    _answer(node, 1.0 if question.answer else 0.0, "true", "moodle_auto_format")
    _answer(node, 0.0 if question.answer else 1.0, "false", "moodle_auto_format")
    _tags(node, question)


def _calc(quiz, question: Calc, bank: Bank) -> None:
    node = _header(quiz, "numerical", question, bank)
    answer = _answer(node, 1.0, f"{float(question.answer):.12g}", None)
    _simple(answer, "tolerance", f"{question.tolerance:.12g}")
    if question.unit:
        units = ET.SubElement(node, "units")
        unit = ET.SubElement(units, "unit")
        _simple(unit, "multiplier", "1")
        _simple(unit, "unit_name", question.unit)
        _simple(node, "unitgradingtype", "0")  # the unit may be left out, as examprep allows
        _simple(node, "showunits", "0")
        _simple(node, "unitsleft", "0")
    _tags(node, question)


def _order(quiz, question: Order, bank: Bank) -> None:
    node = _header(quiz, "ordering", question, bank)
    _simple(node, "layouttype", "VERTICAL")
    _simple(node, "selecttype", "ALL")
    _simple(node, "selectcount", len(question.items))
    _simple(node, "gradingtype", "ALL_OR_NOTHING")
    _simple(node, "showgrading", "SHOW")
    _simple(node, "numberingstyle", "none")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(node, tag, "")
    for position, item in enumerate(question.items, start=1):  # the fraction is the item's place
        _answer(node, f"{position}", html_text(item))
    _tags(node, question)


def rubric_html(question: FreeText) -> str:
    total = sum(p.weight for p in question.rubric) or 1.0
    rows = []
    for point in question.rubric:
        marks = question.score * point.weight / total
        keywords = "、".join(point.keywords)
        rows.append(f"<li>{html.escape(point.point)}（{marks_text(marks)} 分）— 关键词：{html.escape(keywords)}</li>")
    return "<p>评分要点：</p><ol>" + "".join(rows) + "</ol>"


def _free_text(quiz, question: FreeText, bank: Bank) -> None:
    if len(question.rubric) == 1:
        node = _header(quiz, "shortanswer", question, bank)
        _simple(node, "usecase", "0")
        for keyword in question.rubric[0].keywords:  # Moodle's * is "any text": the keyword anywhere
            _answer(node, 1.0, f"*{keyword.replace('*', chr(92) + '*')}*", "moodle_auto_format")
        _tags(node, question)
        return
    node = _header(quiz, "essay", question, bank)
    _simple(node, "responseformat", "editor")
    _simple(node, "responserequired", "1")
    _simple(node, "responsefieldlines", "10")
    _simple(node, "attachments", "0")
    _simple(node, "attachmentsrequired", "0")
    _text(node, "graderinfo", rubric_html(question))
    _text(node, "responsetemplate", "")
    _tags(node, question)


def cloze_gap(alternatives) -> str:
    """One SHORTANSWER gap of weight 1 that accepts each alternative in full."""
    answers = "~".join("=" + html.escape(CLOZE_SPECIAL.sub(r"\\\1", a), quote=False) for a in alternatives)
    return "{1:SHORTANSWER:" + answers + "}"


def _fill(quiz, question: Fill, bank: Bank) -> None:
    if question.ordered:
        gaps = [cloze_gap(alternatives) for alternatives in question.answer]
    else:
        every = list(dict.fromkeys(a for alternatives in question.answer for a in alternatives))
        gaps = [cloze_gap(every)] * len(question.answer)
    head = full_stem(bank, question).removesuffix(question.stem)
    stem = head + question.stem_with_blanks(GAP) + ("" if question.ordered else ANY_ORDER_NOTE)
    text = GAP_MARK.sub(lambda m: gaps[int(m.group(1)) - 1], html_text(stem))
    node = _header(quiz, "cloze", question, bank, text)
    _tags(node, question)


# Each kind Moodle can take, and its writer.
WRITERS: dict[type[Question], Callable[..., Skipped | None]] = {
    SingleChoice: _choice, MultipleChoice: _choice, Judge: _judge, Calc: _calc, Order: _order,
    FreeText: _free_text, Fill: _fill,
}


def category_text(path: list[str]) -> str:
    """A Moodle category path; a slash inside a name is written twice, as Moodle reads it."""
    return "/".join([COURSE_ROOT, *(part.replace("/", "//") for part in path)])


def moodle_xml(questions: list[Question], bank: Bank) -> tuple[str, list[Skipped]]:
    """The XML text, and the questions that Moodle cannot take, with why."""
    quiz = ET.Element("quiz")
    skipped: list[Skipped] = []
    current: list[str] | None = None
    for question in questions:
        writer = WRITERS.get(type(question))
        if writer is None:
            skipped.append(Skipped(question.id, f"Moodle XML 导出还不支持{question.title}题"))
            continue
        path = category_path(bank, question)
        if path != current:
            category = ET.SubElement(quiz, "question", {"type": "category"})
            ET.SubElement(ET.SubElement(category, "category"), "text").text = category_text(path)
            current = path
        problem = writer(quiz, question, bank)
        if problem is not None:
            skipped.append(problem)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", skipped
