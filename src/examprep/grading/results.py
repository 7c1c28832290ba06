"""What grading an answer produces: the score, and for free text each rubric point earned or missed."""

from __future__ import annotations

from dataclasses import dataclass, field


def _number(value: float) -> float | int:
    """Weights print as the author wrote them (1, not 1.0)."""
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class PointResult:
    """One rubric point: what it gave, and the text of the answer (as typed) that earned it."""

    id: str
    point: str
    weight: float
    earned: float
    matched: str | None = None
    span: tuple[int, int] | None = None
    keyword: str | None = None  # the rubric keyword (or, for a concept, the point) that was found
    how: str | None = None  # exact | typo | homophone | gap | list | synonym | number | all | order | concept
    words: tuple[str, ...] = ()  # the words of the answer that made a concept, order or all: match
    why: str | None = None  # a missed point whose words were found: why they did not count

    @property
    def hit(self) -> bool:
        return self.matched is not None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "point": self.point,
            "earned": self.earned,
            "weight": _number(self.weight),
            "matched": self.matched,
            "span": list(self.span) if self.span is not None else None,
            "keyword": self.keyword,
            "how": self.how,
            "words": list(self.words),
            "why": self.why,
        }


@dataclass(frozen=True)
class PositionResult:
    """One place of an order answer: the item that belongs there and the one the candidate put there."""

    position: int  # 1-based
    expected: str
    given: str | None  # None when the answer put nothing there
    right: bool

    def to_json(self) -> dict:
        return {"position": self.position, "expected": self.expected, "given": self.given, "right": self.right}


@dataclass(frozen=True)
class Grading:
    """The grading of one answer. `points` is empty for objective questions."""

    question_id: str
    score: float
    max: float
    points: tuple[PointResult, ...] = ()
    correct: bool | None = field(default=None)
    expected: str | None = None  # objective types: the right answer, as a candidate would type it
    given: str | None = None  # objective types: how the answer was read, or None if unreadable
    positions: tuple[PositionResult, ...] = ()  # order questions: each place right or wrong

    def __post_init__(self):
        if self.correct is None:
            object.__setattr__(self, "correct", self.max > 0 and abs(self.score - self.max) < 1e-9)

    @property
    def fraction(self) -> float:
        return self.score / self.max if self.max else 0.0

    @property
    def missed_points(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if not p.hit)

    def to_json(self) -> dict:
        data = {
            "question": self.question_id,
            "score": self.score,
            "max": self.max,
            "points": [p.to_json() for p in self.points],
            "correct": self.correct,
        }
        if self.expected is not None:
            data["expected"] = self.expected
            data["given"] = self.given
        if self.positions:
            data["positions"] = [p.to_json() for p in self.positions]
        return data
