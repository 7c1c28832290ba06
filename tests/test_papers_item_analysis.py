"""Item analysis, checked against figures worked out by hand."""

from __future__ import annotations

import math

import pytest

from examprep.papers.item_analysis import analyse, cronbach_alpha, group_size, pearson

# Six candidates, four questions: q1–q3 worth 1 mark, q4 worth 2.
#            q1 q2 q3 q4   total
SCORES = [
    [1, 1, 1, 2],  # c1    5
    [1, 1, 0, 2],  # c2    4
    [1, 0, 1, 1],  # c3    3
    [1, 1, 0, 0],  # c4    2
    [0, 0, 1, 0],  # c5    1
    [1, 0, 0, 0],  # c6    1
]
MAXIMA = [1, 1, 1, 2]


def test_worked_example():
    stats = analyse(SCORES, MAXIMA)
    assert stats.candidates == 6
    # 27 % of 6 is 1.62, rounded to 2: upper group c1, c2; lower group c5, c6.
    assert stats.group_size == 2
    assert stats.mean == pytest.approx(16 / 6)
    q1, q2, q3, q4 = stats.items

    # Facility: q1 5 of 6; q2 and q3 3 of 6; q4 (2+2+1)/6 = 5/6 marks of 2 = 5/12.
    assert [q.facility for q in stats.items] == pytest.approx([5 / 6, 1 / 2, 1 / 2, 5 / 12])

    # D = upper mean − lower mean: q1 1 − (0+1)/2; q2 1 − 0; q3 (1+0)/2 − (1+0)/2; q4 (2+2)/2/2 − 0.
    assert [q.discrimination for q in stats.items] == pytest.approx([0.5, 1.0, 0.0, 1.0])

    # Corrected point-biserial for q1: x = 1 1 1 1 0 1, rest = total − x = 4 3 2 1 1 0.
    # Deviations ×6: x 1 1 1 1 −5 1; rest 13 7 1 −5 −5 −11.
    # Sxy = (13+7+1−5+25−11)/36 = 5/6, Sxx = 30/36 = 5/6, Syy = 390/36 = 65/6,
    # r = (5/6) / √(5/6 · 65/6) = 5/√325 = 1/√13 ≈ 0.277.
    assert q1.item_rest == pytest.approx(1 / math.sqrt(13))
    # q3: x = 1 0 1 0 1 0, rest = 4 4 2 2 0 1; Sxy = −0.5, Sxx = 1.5, Syy = 77/6,
    # r = −0.5 / √(1.5 · 77/6) = −1/√77 ≈ −0.114.
    assert q3.item_rest == pytest.approx(-1 / math.sqrt(77))

    # Alpha: item variances 5/36, 9/36, 9/36, 29/36 (sum 13/9); totals 5 4 3 2 1 1 have variance
    # 28/3 − (8/3)² = 20/9; alpha = 4/3 · (1 − (13/9)/(20/9)) = 4/3 · 7/20 = 7/15.
    assert stats.alpha == pytest.approx(7 / 15)

    # q3 discriminates not at all, and its item-rest correlation is negative.
    assert q3.flags == ("low-discrimination", "low-item-rest", "negative")
    assert q1.flags == ()
    assert q2.flags == q4.flags == ()


@pytest.mark.parametrize("column, flag", [
    ([1] * 10 + [0], "too-easy"),  # 10/11 = 0.91
    ([1] * 9 + [0, 0], None),  # 9/11 = 0.82
    ([1] + [0] * 5, "too-hard"),  # 1/6 = 0.17
    ([1, 1] + [0] * 8, None),  # 2/10 = 0.20 is not below the threshold
])
def test_facility_flags(column, flag):
    scores = [[mark, 10 - i] for i, mark in enumerate(column)]  # a second question to make a total
    flags = set(analyse(scores, [1, 10]).items[0].flags) & {"too-easy", "too-hard"}
    assert flags == ({flag} if flag else set())


def test_a_question_everybody_gets_right_is_too_easy_and_has_no_correlation():
    scores = [[1, t] for t in [5, 4, 3, 2, 1, 0]] * 2
    item = analyse(scores, [1, 5]).items[0]
    assert item.facility == 1.0 and item.discrimination == 0.0 and item.item_rest is None
    assert item.flags == ("too-easy", "low-discrimination")


@pytest.mark.parametrize("n, g", [(0, 0), (1, 0), (2, 1), (3, 1), (5, 1), (6, 2), (10, 3), (50, 14), (100, 27)])
def test_group_size_is_27_percent_rounded_half_up(n, g):
    assert group_size(n) == g


def test_undefined_figures_are_none():
    assert pearson([1], [2]) is None
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert cronbach_alpha([[1, 2]]) is None  # one candidate
    assert cronbach_alpha([[1], [0]]) is None  # one question
    assert cronbach_alpha([[1, 1], [1, 1]]) is None  # no variance
    one = analyse([[1, 1]], [1, 1])
    assert one.items[0].discrimination is None and one.alpha is None


def test_alpha_of_perfectly_consistent_items_is_one():
    scores = [[x, x, x] for x in (0, 1, 2, 3)]
    assert cronbach_alpha(scores) == pytest.approx(1.0)
