"""Item analysis of a marked paper, in the manner of Moodle's quiz statistics and classical test theory.

For each question, over the candidates who sat the paper (a missing answer counts as 0 marks):

- facility F: the mean mark as a fraction of the question's marks (0 = nobody scored, 1 = everybody
  scored full marks);
- discrimination D (Kelley's upper/lower groups): the candidates are ranked by total; the top and the
  bottom 27 % (rounded half up, at least one each) form the groups, and D is the upper group's mean
  fraction minus the lower group's. Ties at a group boundary are broken by the order the candidates
  are given in (the report gives them sorted by id), so the groups are always the same for the same
  answers;
- corrected point-biserial r (Moodle's "discrimination index"): the Pearson correlation between the
  question's marks and each candidate's total without that question; undefined (None) when either
  does not vary.

For the paper: Cronbach's alpha, k/(k−1) · (1 − Σ var(item) / var(total)), with population variances
(the ratio is the same with sample variances); undefined with fewer than 2 questions or 2 candidates,
or when every candidate has the same total.

A question is flagged when F < 0.20 (too hard) or F > 0.90 (too easy), when D < 0.20 or r < 0.20
(discriminates poorly: Ebel's rule of thumb, below 0.20 the question should be revised or dropped), and
separately when D or r is negative (stronger candidates do worse: check the key first).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import correlation, fmean, pstdev, pvariance

GROUP_FRACTION = 0.27
FACILITY_LOW = 0.20
FACILITY_HIGH = 0.90
DISCRIMINATION_MIN = 0.20

# Short labels for reports; the thresholds are explained once beneath the table.
FLAG_LABELS = {
    "too-hard": "过难",
    "too-easy": "过易",
    "low-discrimination": "区分度低",
    "low-item-rest": "题总相关低",
    "negative": "负区分（先核对答案）",
}


@dataclass(frozen=True)
class ItemStatistics:
    facility: float | None
    discrimination: float | None  # upper − lower group, as fractions of the question's marks
    item_rest: float | None  # corrected point-biserial correlation
    flags: tuple[str, ...]


@dataclass(frozen=True)
class TestStatistics:
    candidates: int
    group_size: int  # candidates in each of the upper and lower groups
    mean: float | None
    sd: float | None
    alpha: float | None
    items: tuple[ItemStatistics, ...]


def group_size(candidates: int) -> int:
    if candidates < 2:
        return 0
    return max(1, math.floor(GROUP_FRACTION * candidates + 0.5))


def upper_lower(totals: Sequence[float]) -> tuple[list[int], list[int]]:
    """The indexes of the upper and lower groups by total (ties keep the given order)."""
    n, g = len(totals), group_size(len(totals))
    ranked = sorted(range(n), key=lambda c: -totals[c])  # stable
    return ranked[:g], (ranked[n - g:] if g else [])


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None with fewer than two candidates or when either side does not vary."""
    if len(xs) < 2 or pvariance(xs) <= 1e-12 or pvariance(ys) <= 1e-12:
        return None
    return correlation(xs, ys)


def cronbach_alpha(scores: Sequence[Sequence[float]]) -> float | None:
    """Alpha of a candidates × questions table of marks."""
    if len(scores) < 2 or not scores[0] or len(scores[0]) < 2:
        return None
    k = len(scores[0])
    totals = [sum(row) for row in scores]
    total_variance = pvariance(totals)
    if total_variance <= 1e-12:
        return None
    item_variance = sum(pvariance([row[j] for row in scores]) for j in range(k))
    return k / (k - 1) * (1 - item_variance / total_variance)


def _flags(facility: float | None, discrimination: float | None, item_rest: float | None) -> tuple[str, ...]:
    flags = []
    if facility is not None and facility < FACILITY_LOW:
        flags.append("too-hard")
    if facility is not None and facility > FACILITY_HIGH:
        flags.append("too-easy")
    if discrimination is not None and discrimination < DISCRIMINATION_MIN:
        flags.append("low-discrimination")
    if item_rest is not None and item_rest < DISCRIMINATION_MIN:
        flags.append("low-item-rest")
    if (discrimination is not None and discrimination < 0) or (item_rest is not None and item_rest < 0):
        flags.append("negative")
    return tuple(flags)


def analyse(scores: Sequence[Sequence[float]], maxima: Sequence[float]) -> TestStatistics:
    """Statistics of a candidates × questions table of marks; `maxima` are each question's marks."""
    n = len(scores)
    totals = [sum(row) for row in scores]
    g = group_size(n)
    upper, lower = upper_lower(totals)
    items = []
    for j, maximum in enumerate(maxima):
        marks = [row[j] for row in scores]
        fractions = [m / maximum for m in marks]
        facility = fmean(fractions) if n else None
        discrimination = (
            fmean(fractions[c] for c in upper) - fmean(fractions[c] for c in lower) if g else None
        )
        item_rest = pearson(marks, [t - m for t, m in zip(totals, marks)])
        items.append(ItemStatistics(facility, discrimination, item_rest,
                                    _flags(facility, discrimination, item_rest)))
    return TestStatistics(
        candidates=n, group_size=g, mean=fmean(totals) if n else None,
        sd=pstdev(totals) if n else None, alpha=cronbach_alpha(scores), items=tuple(items),
    )
