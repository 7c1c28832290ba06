"""Fill-in-the-blank questions (填空题): a stem with blanks, one answer per blank.

The stem marks each blank `（　）` (any brackets holding only spaces) or `____` (two or more
underscores). `answer` lists one entry per blank, each a text or a list of accepted alternatives;
`ordered: false` lets the blanks be filled in any order. Each blank is graded by the free-text
matcher (typos, homophones, traditional characters and negation as for free text), and the score
is shared equally over the blanks.

Answers typed: the blanks in order, separated by `|` (or `｜`) or one a line; from the trainer and
the store, one text per blank.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..content import messages as m
from ..content.fields import FieldReader, type_name
from ..content.model import EMPTY_LEXICON, Lexicon, Question, ReadContext, RubricPoint, Shuffles
from ..content.yamlfile import YamlList
from ..grading.results import Grading, PointResult
from ..grading.scoring import grade_free_text

BLANK = re.compile(r"[（(][\s\u3000]*[）)]|_{2,}|＿{2,}")
ENTRY_SEPARATOR = re.compile(r"[|｜\n]")
# A blank as shown, numbered so that the candidate knows which entry goes where.
SHOWN_BLANK = "（\u3000{n}\u3000）"


def count_blanks(stem: str) -> int:
    return len(BLANK.findall(stem))


@dataclass(frozen=True)
class _Blank:
    """One blank as the free-text matcher sees a question: a rubric of one point."""

    id: str
    score: float
    rubric: tuple[RubricPoint, ...]
    stem: str
    lexicon: Lexicon = EMPTY_LEXICON


@dataclass(frozen=True)
class Fill(Question):
    answer: tuple[tuple[str, ...], ...] = ()  # per blank, its accepted alternatives (first: the key)
    ordered: bool = True
    lexicon: Lexicon = field(default=EMPTY_LEXICON, compare=False)  # the bank's synonyms.yaml

    TITLES: ClassVar[dict[str, str]] = {"fill": "填空"}
    FIELDS: ClassVar[tuple[str, ...]] = ("answer", "ordered")
    kind: ClassVar[str] = "fill"
    reports_points: ClassVar[bool] = True

    # -- reading ---------------------------------------------------------------------------------
    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        data = r.data
        raw = data.get("answer")
        line = r.line("answer") if "answer" in data else data.line
        blanks = []
        if not isinstance(raw, list) or not raw:
            r.fail(line, m.FILL_NEEDS_ANSWER)
        else:
            for index, entry in enumerate(raw):
                entry_line = raw.line_of(index) if isinstance(raw, YamlList) else line
                alternatives = entry if isinstance(entry, list) else [entry]
                texts = []
                for alt in alternatives:
                    if alt is None or isinstance(alt, (bool, list, dict)) or not str(alt).strip():
                        r.fail(entry_line, m.BLANK_NEEDS_TEXT.format(n=index + 1, actual=type_name(alt)))
                        continue
                    texts.append(str(alt).strip())
                if isinstance(entry, list) and not entry:
                    r.fail(entry_line, m.BLANK_NO_ALTERNATIVES.format(n=index + 1))
                blanks.append(tuple(texts))
        stem = data.get("stem")
        if isinstance(stem, str) and blanks:
            found = count_blanks(stem)
            if found != len(blanks):
                r.fail(r.line("stem"), m.BLANKS_MISMATCH.format(found=found, given=len(blanks)))
        return {"answer": tuple(blanks), "ordered": r.boolean("ordered", default=True),
                "lexicon": context.lexicon}

    @classmethod
    def default_score(cls, fields: dict[str, Any]) -> float:
        return float(len(fields.get("answer", ()))) or 1.0

    # -- answers ---------------------------------------------------------------------------------
    def _entries(self, answer: Any) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The entries of an answer and where each starts in it as typed (a list counts as joined by '|')."""
        if answer is None:
            return (), ()
        if isinstance(answer, str):
            entries, starts, start = [], [], 0
            for match in [*ENTRY_SEPARATOR.finditer(answer), None]:
                end = match.start() if match else len(answer)
                entries.append(answer[start:end])
                starts.append(start)
                start = match.end() if match else end
            if len(entries) > len(self.answer):  # blank lines between entries are no entries
                kept = [(e, s) for e, s in zip(entries, starts) if e.strip()]
                entries, starts = [e for e, _ in kept], [s for _, s in kept]
            return tuple(entries), tuple(starts)
        if isinstance(answer, (list, tuple)):
            entries = [str(a) if a is not None else "" for a in answer]
            starts, start = [], 0
            for entry in entries:
                starts.append(start)
                start += len(entry) + 1
            return tuple(entries), tuple(starts)
        return (str(answer),), (0,)

    def parse_answer(self, text: str) -> tuple[str, ...]:
        return tuple(e.strip() for e in self._entries(text)[0])

    def _blank(self, index: int) -> _Blank:
        alternatives = self.answer[index]
        point = RubricPoint(f"blank-{index + 1}", alternatives[0], alternatives)
        return _Blank(f"{self.id}#{index + 1}", 1.0, (point,), self.stem, self.lexicon)

    def grade(self, answer: Any) -> Grading:
        entries, starts = self._entries(answer)
        n = len(self.answer)
        hits = {}  # (blank, entry) -> the matcher's result for that blank
        for i in range(n):
            for j, entry in enumerate(entries):
                if (self.ordered and i != j) or not entry.strip():
                    continue
                point = grade_free_text(self._blank(i), entry).points[0]
                if point.hit:
                    hits[(i, j)] = point
        pairs = _assign(n, len(entries), hits)
        each = self.score / n if n else 0.0
        results = []
        for i in range(n):
            filled_by = pairs.get(i)
            label = f"第{i + 1}空：{self.answer[i][0]}"
            if filled_by is None:
                results.append(PointResult(f"blank-{i + 1}", label, 1, 0.0))
                continue
            p = hits[(i, filled_by)]
            start = starts[filled_by]
            span = (start + p.span[0], start + p.span[1]) if p.span is not None else None
            results.append(PointResult(f"blank-{i + 1}", label, 1, round(each, 2), p.matched, span,
                                       p.keyword, p.how))
        earned = len(pairs)
        score = float(self.score) if n and earned == n else round(each * earned, 2)
        return Grading(self.id, score, float(self.score), tuple(results), None, self.key(), None)

    def key(self, shuffle: Shuffles | None = None) -> str:
        return " | ".join(alternatives[0] for alternatives in self.answer)

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        parts = []
        for i, alternatives in enumerate(self.answer, 1):
            others = f"（或：{'、'.join(alternatives[1:])}）" if len(alternatives) > 1 else ""
            parts.append(f"（{i}）{alternatives[0]}{others}")
        return "；".join(parts) + ("（各空顺序不限）" if not self.ordered and len(self.answer) > 1 else "")

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        entries = [e.strip() for e in self._entries(answer)[0]]
        if not any(entries):
            return super().answer_text(None)
        return "　".join(f"（{i}）{e or '（未填）'}" for i, e in enumerate(entries, 1))

    def encode(self, answer: Any) -> str:
        return json.dumps(list(self.parse_answer(answer) if isinstance(answer, str) else answer or ()),
                          ensure_ascii=False)

    def decoded(self, value: Any) -> tuple[str, ...] | None:
        return tuple(str(v) for v in value) if isinstance(value, list) else None

    def shown_stem(self) -> str:
        """The stem with its blanks numbered: （ 1 ）."""
        return self.stem_with_blanks(SHOWN_BLANK)

    def stem_with_blanks(self, blank: str) -> str:
        """The stem with blank n written as `blank.format(n=n)`."""
        numbers = iter(range(1, count_blanks(self.stem) + 1))
        return BLANK.sub(lambda _m: blank.format(n=next(numbers)), self.stem)


def _assign(blanks: int, entries: int, hits: dict) -> dict[int, int]:
    """Blank → entry, as many blanks earned as possible, each entry used once (augmenting paths,
    blanks and entries in order, an entry in its own place tried first: deterministic)."""
    owner: dict[int, int] = {}  # entry -> blank

    def place(i: int, seen: set[int]) -> bool:
        candidates = sorted((j for (b, j) in hits if b == i), key=lambda j: (j != i, j))
        for j in candidates:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(blanks):
        place(i, set())
    return {i: j for j, i in owner.items()}
