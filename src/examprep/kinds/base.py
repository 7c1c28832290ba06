"""What the kinds share: the letters a paper prints, a shuffle, and the grading of a right-or-wrong answer."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from ..content.model import Question
from ..grading.results import Grading

# The letters a paper prints for options, order items and paper variants.
LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Shuffle:
    """A paper's printing of one question (see `content.model.Shuffles`)."""

    option_order: tuple[str, ...] = ()
    item_order: tuple[int, ...] = ()


def fold(text: str) -> str:
    """Full-width forms folded to half-width, surrounding space dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def awards_of_shares(grading: Grading, shares: dict[str, float]) -> tuple[float, ...] | None:
    """Each earned point of `grading` awarded its share as the key prints it (`shares`, by point id;
    half marks), a missed one nothing; None when a point has no share (then the caller falls back)."""
    if not grading.max or any(p.id not in shares for p in grading.points):
        return None
    return tuple(shares[p.id] if p.earned > 0 else 0.0 for p in grading.points)


def exact_grading(question: Question, right: bool, given: str | None, shuffle=None) -> Grading:
    """The grading of an answer that is either right (full marks) or wrong (none)."""
    score = float(question.score) if right else 0.0
    return Grading(question.id, score, float(question.score), (), right, question.key(shuffle), given)
