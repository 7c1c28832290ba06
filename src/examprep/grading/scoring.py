"""Grading a free-text answer against its rubric.

Each rubric point collects the places where one of its keywords is found; then the matches are
assigned so that the points earned weigh the most, no stretch of the answer earns two points and no
keyword earns twice. The question's score is shared out in proportion to the weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..content.model import Question, RubricPoint
from .distributive import list_matches
from .matching import Keyword, Match, compile_keyword, exact_matches, fuzzy_matches
from .normalize import normalize
from .results import Grading, PointResult

MATCHES_PER_KEYWORD = 3
OPTIONS_PER_POINT = 6
SEARCH_BUDGET = 20_000  # nodes of the assignment search; far more than any real rubric needs


@dataclass(frozen=True)
class CompiledPoint:
    rubric: RubricPoint
    keywords: tuple[Keyword, ...]


@lru_cache(maxsize=4096)
def compile_rubric(question_id: str, rubric: tuple[RubricPoint, ...]) -> tuple[CompiledPoint, ...]:
    """The rubric with its keywords prepared; cached by question (the rubric is part of the key, so
    two banks with the same question id do not mix)."""
    compiled = []
    for point in rubric:
        keywords = []
        seen = set()
        for word in point.keywords:
            keyword = compile_keyword(word)
            if keyword.text and keyword.text not in seen:
                seen.add(keyword.text)
                keywords.append(keyword)
        compiled.append(CompiledPoint(point, tuple(keywords)))
    return tuple(compiled)


def _candidates(norm, point: CompiledPoint) -> list[Match]:
    """Where this point could be earned, best first: as written, then fuzzily, then from a list."""
    found: list[Match] = []
    for keyword in point.keywords:
        found.extend(exact_matches(norm, keyword, MATCHES_PER_KEYWORD))
    if not found:
        for keyword in point.keywords:
            found.extend(fuzzy_matches(norm, keyword, MATCHES_PER_KEYWORD))
    if not found and norm.text:
        for keyword in point.keywords:
            found.extend(list_matches(norm, keyword, MATCHES_PER_KEYWORD))
    order = {k.text: i for i, k in enumerate(point.keywords)}
    found.sort(key=lambda m: (m.cost, order[m.keyword.text], m.start))
    return found[:OPTIONS_PER_POINT]


def _conflict(a: Match, b: Match) -> bool:
    return a.keyword.text == b.keyword.text or a.overlaps(b)


def assign(options: list[list[Match]], weights: list[float]) -> list[Match | None]:
    """One match (or none) per point: the most weight, then the least fuzziness, then the earliest
    options; no two chosen matches in conflict. Deterministic."""
    greedy = [opts[0] if opts else None for opts in options]
    chosen = [m for m in greedy if m is not None]
    if not any(_conflict(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1:]):
        return greedy
    n = len(options)
    remaining = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        remaining[i] = remaining[i + 1] + (weights[i] if options[i] else 0.0)
    best: list = [(-1.0, 0, ()), None]  # (weight, -cost, -ranks), picks
    picks: list[Match | None] = [None] * n
    budget = [SEARCH_BUDGET]

    def search(i: int, weight: float, cost: int, ranks: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if i == n:
            key = (round(weight, 9), -cost, -ranks)
            if key > best[0]:
                best[0], best[1] = key, list(picks)
            return
        if round(weight + remaining[i], 9) < best[0][0]:
            return
        taken = [m for m in picks[:i] if m is not None]
        for rank, m in enumerate(options[i]):
            if any(_conflict(m, t) for t in taken):
                continue
            picks[i] = m
            search(i + 1, weight + weights[i], cost + m.cost, ranks + rank)
            picks[i] = None
        search(i + 1, weight, cost, ranks + OPTIONS_PER_POINT)

    search(0, 0.0, 0, 0)
    return best[1] if best[1] is not None else greedy


def grade_free_text(question: Question, answer: str) -> Grading:
    rubric = compile_rubric(question.id, question.rubric)
    total = sum(p.rubric.weight for p in rubric)
    norm = normalize(answer or "")
    if norm.text:
        options = [_candidates(norm, p) for p in rubric]
        picks = assign(options, [p.rubric.weight for p in rubric])
    else:
        picks = [None] * len(rubric)
    results = []
    earned_weight = 0.0
    for point, match in zip(rubric, picks):
        rp = point.rubric
        if match is None:
            results.append(PointResult(rp.id, rp.point, rp.weight, 0.0))
            continue
        earned_weight += rp.weight
        a, b = norm.span(match.start, match.end)
        results.append(PointResult(
            rp.id, rp.point, rp.weight, round(question.score * rp.weight / total, 2) if total else 0.0,
            norm.original[a:b], (a, b), match.keyword.original, match.how,
        ))
    if total and abs(earned_weight - total) < 1e-9:
        score = float(question.score)
    else:
        score = round(question.score * earned_weight / total, 2) if total else 0.0
    return Grading(question.id, score, float(question.score), tuple(results))
