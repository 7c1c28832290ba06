"""Calculation questions (计算): a number, within a tolerance, in an optional unit; optionally with
part marks for the working (`steps:`), like a rubric.

Answers typed: a number, with or without its unit, in full-width digits or Chinese numerals; from the
trainer, the text as typed (45%, 四十五) or a float. A question with `steps:` also takes the working:
the text as typed, whose last line holds the result (after its last `=` when there is one), e.g.
`26÷40×100%=65%`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..content import messages as m
from ..content.fields import SEGMENT_PATTERN, FieldReader, type_name
from ..content.model import Location, Question, ReadContext, Shuffles
from ..content.yamlfile import YamlList
from ..format import number_text
from ..grading.normalize import to_simplified
from ..grading.numbers import parse_number
from ..grading.results import Grading, PointResult
from ..marks import point_shares
from .base import awards_of_shares, exact_grading

# A comma not followed by a group of exactly three digits (77,5  1,2345), or a negation (不是5, 非 45).
_AMBIGUOUS = re.compile(r"\d[,，](?!\d{3}(?![\d]))|[不非没无否]")

STEP_FIELDS = ("id", "point", "keywords", "numbers", "tolerance", "weight", "source", "note")
RESULT_ID = "result"  # the id of the result among a graded answer's points

# How the working writes an operation, each folded to one sign so that 26/40, 26÷40 and 26除以40 agree.
_WORDS = (("除以", "÷"), ("乘以", "×"), ("减去", "-"), ("加上", "+"))
_SIGNS = {"/": "÷", "∕": "÷", "*": "×", "·": "×", "−": "-", "–": "-", "—": "-", "≈": "="}
_TIMES_LETTER = re.compile(r"(?<=[\d)%])[xX](?=[\d(])")  # 26x40: a letter x standing for ×
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?%?")
_RESULT_AFTER = re.compile(r"[=＝≈]")


@dataclass(frozen=True)
class CalcStep:
    """One part of the working that earns marks: a formula or statement (`keywords`, any one written)
    and the numbers it must show (`numbers`, every one, each within `tolerance`)."""

    id: str
    point: str
    keywords: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    tolerance: float = 0.0
    weight: float = 1.0
    source: str | None = None  # where the fact comes from (a source document, 题干)
    note: str | None = None  # an authoring note, never shown to a candidate
    where: Location = field(default=Location("", 0), compare=False)

    @property
    def accepts(self) -> str:
        """What earns the step, as the key prints it."""
        parts = list(self.keywords)
        if self.numbers:
            parts.append("过程中出现 " + "、".join(number_text(n) for n in self.numbers))
        return "；".join(parts)


@dataclass(frozen=True)
class _Working:
    """The working folded for matching: `text[i]` came from `original[starts[i]:ends[i]]`."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def fold_working(original: str) -> _Working:
    """Full-width forms, traditional characters, spaces, thousands separators and the ways of writing
    an operation folded, keeping where each character came from. Line breaks stay: a number or a
    formula never runs on into the next line."""
    chars: list[tuple[str, int, int]] = []
    for i, ch in enumerate(original):
        for part in to_simplified(unicodedata.normalize("NFKC", ch)):
            if part == "\n" or not part.isspace():
                chars.append((_SIGNS.get(part, part), i, i + 1))
            elif chars and chars[-1][0].isdigit() and original[i + 1:i + 2].isdigit():
                chars.append((" ", i, i + 1))  # 26 40: two numbers, not 2640
    text = "".join(c for c, _, _ in chars)
    for word, sign in _WORDS:
        while (at := text.find(word)) >= 0:
            merged = (sign, chars[at][1], chars[at + len(word) - 1][2])
            chars[at:at + len(word)] = [merged]
            text = "".join(c for c, _, _ in chars)
    for pattern, sign in ((_TIMES_LETTER, "×"), (_THOUSANDS, "")):
        for match in reversed(list(pattern.finditer(text))):
            at = match.start()
            chars[at:at + 1] = [(sign, chars[at][1], chars[at][2])] if sign else []
        text = "".join(c for c, _, _ in chars)
    return _Working(text, tuple(s for _, s, _ in chars), tuple(e for _, _, e in chars))


def fold_keyword(keyword: str) -> str:
    return fold_working(keyword).text


@dataclass(frozen=True)
class Calc(Question):
    answer: float = 0.0
    tolerance: float = 0.0
    unit: str | None = None
    steps: tuple[CalcStep, ...] = ()
    result_weight: float = 1.0  # with `steps:`, the result's weight beside theirs

    TITLES: ClassVar[dict[str, str]] = {"calc": "计算"}
    FIELDS: ClassVar[tuple[str, ...]] = ("answer", "tolerance", "unit", "steps", "result_weight")
    kind: ClassVar[str] = "calc"

    # -- reading ---------------------------------------------------------------------------------
    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        steps = _read_steps(r)
        result_weight = r.number("result_weight", default=1.0, positive=True) or 1.0
        if "result_weight" in r.data and "steps" not in r.data:
            r.fail(r.line("result_weight"), m.CALC_RESULT_WEIGHT_WITHOUT_STEPS)
        return {"answer": r.signed_number("answer", True) or 0.0,
                "tolerance": r.number("tolerance", default=0.0), "unit": r.text("unit"),
                "steps": steps, "result_weight": result_weight}

    @classmethod
    def default_score(cls, fields: dict[str, Any]) -> float:
        steps = fields.get("steps", ())
        return sum(s.weight for s in steps) + fields.get("result_weight", 1.0) if steps else 1.0

    @property
    def reports_points(self) -> bool:  # type: ignore[override]
        """With steps, its grading lists each step and the result, earned or missed."""
        return bool(self.steps)

    # -- answers ---------------------------------------------------------------------------------
    def parse_answer(self, text: str) -> float | None:
        if self.steps:
            text = result_text(text)
        if _AMBIGUOUS.search(text):
            return None  # 77,5 (a decimal comma, or a typo for 775?) or 不是 5: never guess
        return parse_number(text)

    def read(self, answer: Any) -> float | None:
        if isinstance(answer, bool):
            return None
        if isinstance(answer, (int, float)):
            return float(answer)
        return self.parse_answer(answer) if isinstance(answer, str) else None

    def grade(self, answer: Any) -> Grading:
        value = self.read(answer)
        right = value is not None and abs(value - self.answer) <= self.tolerance + 1e-9
        given = None if value is None else number_text(value)
        if not self.steps:
            return exact_grading(self, right, given)
        working = fold_working(answer if isinstance(answer, str) else "")
        whole = sum(self.part_weights())
        results = [self._grade_step(step, working, answer, self.score * step.weight / whole)
                   for step in self.steps]
        span = result_span(answer) if right and isinstance(answer, str) else None
        results.append(PointResult(RESULT_ID, m.CALC_RESULT_POINT.format(key=self.key()), self.result_weight,
                                   round(self.score * self.result_weight / whole, 2) if right else 0.0,
                                   (answer[span[0]:span[1]] if span else given) if right else None, span))
        earned = [p.earned for p in results]
        score = float(self.score) if all(p.hit for p in results) else round(sum(earned), 2)
        return Grading(self.id, score, float(self.score), tuple(results), None, self.key(), given)

    def _grade_step(self, step: CalcStep, working: _Working, answer: Any, share: float) -> PointResult:
        spans = []
        for keyword in step.keywords:
            folded = fold_keyword(keyword)
            at = working.text.find(folded) if folded else -1
            if at >= 0:
                spans.append((keyword, working.span(at, at + len(folded))))
                break
        if step.keywords and not spans:
            return PointResult(step.id, step.point, step.weight, 0.0)
        numbers = _numbers(working)
        for wanted in step.numbers:
            found = next((span for value, span in numbers
                          if abs(value - wanted) <= step.tolerance + 1e-9), None)
            if found is None:
                return PointResult(step.id, step.point, step.weight, 0.0)
            spans.append((number_text(wanted), found))
        start, end = min(s for _, (s, _) in spans), max(e for _, (_, e) in spans)
        matched = answer[start:end] if isinstance(answer, str) else None
        how = "exact" if step.keywords else "number"
        return PointResult(step.id, step.point, step.weight, round(share, 2), matched, (start, end),
                           spans[0][0], how)

    def key(self, shuffle: Shuffles | None = None) -> str:
        return number_text(self.answer) + (self.unit or "")

    def result_answer(self) -> str:
        """The result as a candidate reads it: 26.4 小时（允许误差 ±0.05）."""
        text = number_text(self.answer) + (f" {self.unit}" if self.unit else "")
        if self.tolerance:
            text += f"（允许误差 ±{number_text(self.tolerance)}）"
        return text

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        """The result; with steps, the working as the key marks it first."""
        if not self.steps:
            return self.result_answer()
        lines = [f"{n}. {step.point}" for n, step in enumerate(self.steps, 1)]
        return "\n".join([*lines, f"结果：{self.result_answer()}"])

    def point_marks(self, marks: float) -> tuple[tuple[CalcStep, float], ...]:
        """Each step, and the result last, with the marks it carries on a paper worth `marks`
        (half marks, largest remainder, as for a rubric)."""
        result = CalcStep(RESULT_ID, m.CALC_RESULT_POINT.format(key=self.key()), (self.result_answer(),),
                          weight=self.result_weight)
        parts = (*self.steps, result)
        return tuple(zip(parts, point_shares(marks, [p.weight for p in parts])))

    def part_weights(self) -> list[float]:
        return [s.weight for s in self.steps] + [self.result_weight] if self.steps else []

    def point_awards(self, grading: Grading, marks: float) -> tuple[float, ...]:
        """Each earned step (and the result) is awarded its share as the key prints it."""
        awards = awards_of_shares(grading, {p.id: share for p, share in self.point_marks(marks)})
        return super().point_awards(grading, marks) if awards is None else awards

    def marks_on_paper(self, grading: Grading, marks: float) -> float:
        if not self.steps or not grading.points or not grading.max:
            return super().marks_on_paper(grading, marks)
        return sum(self.point_awards(grading, marks))

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        if isinstance(answer, (int, float)) and not isinstance(answer, bool):
            return number_text(float(answer)) + (f" {self.unit}" if self.unit else "")
        if answer and self.unit and not str(answer).strip().endswith(self.unit) and not self.steps:
            return f"{answer} {self.unit}"
        return super().answer_text(answer)

    def decoded(self, value: Any) -> float | str | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return value if isinstance(value, str) else None  # a number as typed: 45%, 四十五


def result_text(text: str) -> str:
    """Where the result stands in an answer with working: its last line, after the last `=`."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    return _RESULT_AFTER.split(lines[-1])[-1]


def result_span(text: str) -> tuple[int, int] | None:
    """Where `result_text` stands in `text`, its surrounding spaces left out."""
    piece = result_text(text)
    stripped = piece.strip()
    if not stripped:
        return None
    start = text.rfind(piece) + piece.find(stripped)
    return start, start + len(stripped)


def _numbers(working: _Working) -> list[tuple[float, tuple[int, int]]]:
    """Every number written in the working and where; a percentage counts as itself and as a fraction
    (65% is 65 and 0.65)."""
    out = []
    for match in _NUMBER.finditer(working.text):
        token = match.group(0)
        span = working.span(match.start(), match.end())
        value = float(token.rstrip("%"))
        out.append((value, span))
        if token.endswith("%"):
            out.append((value / 100, span))
    return out


def _read_steps(r: FieldReader) -> tuple[CalcStep, ...]:
    steps = []
    seen: dict[str, int] = {}
    for entry in r.mapping_list("steps"):
        sr = FieldReader(entry, r.file, r.problems, m.WHAT_CALC_STEP, STEP_FIELDS)
        sid = sr.text("id", True)
        if sid is not None and not SEGMENT_PATTERN.match(sid):
            sr.fail(sr.line("id"), m.BAD_CALC_STEP_ID.format(sid=sid))
        elif sid == RESULT_ID:
            sr.fail(sr.line("id"), m.CALC_STEP_ID_RESERVED.format(sid=sid))
        if sid in seen:
            sr.fail(sr.line("id"), m.DUPLICATE_CALC_STEP_ID.format(sid=sid, line=seen[sid]))
        elif sid is not None:
            seen[sid] = sr.line("id")
        point = sr.text("point", True)
        keywords = sr.text_list("keywords")
        numbers = _read_numbers(sr)
        if not keywords and not numbers and sr.ok:
            sr.fail(entry.line, m.CALC_STEP_NEEDS_MATCH.format(sid=sid))
        tolerance = sr.number("tolerance", default=0.0) or 0.0
        weight = sr.number("weight", default=1.0, positive=True) or 1.0
        source, note = sr.text("source"), sr.text("note")
        if not sr.ok:
            r.ok = False
            continue
        steps.append(CalcStep(sid or "", point or "", keywords, numbers, tolerance, weight, source, note,
                              Location(r.file, entry.line)))
    if "steps" in r.data and not steps and r.ok:
        r.fail(r.line("steps"), m.FIELD_MUST_NOT_BE_EMPTY.format(key="steps"))
    return tuple(steps)


def _read_numbers(sr: FieldReader) -> tuple[float, ...]:
    """`numbers:` a number or a list of them."""
    raw = sr.data.get("numbers")
    if raw is None:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    out = []
    for index, value in enumerate(values):
        line = raw.line_of(index) if isinstance(raw, YamlList) else sr.line("numbers")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            sr.fail(line, m.CALC_STEP_NUMBER_NOT_NUMBER.format(n=index + 1, actual=type_name(value)))
        elif not math.isfinite(value):
            sr.fail(line, m.CALC_STEP_NUMBER_NOT_FINITE.format(n=index + 1, value=value))
        else:
            out.append(float(value))
    return tuple(out)
