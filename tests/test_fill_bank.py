"""The shipped bank's fill-in-the-blank questions (issue 9): enough of them, well formed, and their
answers are the sources' own words.

The first alternative of each blank is the wording the sources use; the other alternatives are the
forms candidates write for the same fact (四十八小时 for 48小时), so only the first is looked up.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from examprep.checks import validate
from examprep.kinds.fill import Fill
from examprep.locations import shipped_content_dir
from sources import assert_in_points_order, norm, seed_text

# The two ways the format writes a blank: full-width parentheses around spaces, or a run of underscores.
BLANK = re.compile(r"（[\s\u3000]*）|_{2,}")


@pytest.fixture(scope="module")
def bank():
    return validate(shipped_content_dir()).bank


@pytest.fixture(scope="module")
def fills(bank):
    return [q for q in bank.questions.values() if isinstance(q, Fill)]


def canonical(alternatives) -> str:
    """The source's wording of a blank: its first alternative."""
    return norm(alternatives[0])


def point_text(point) -> str:
    return norm("".join(point.items) + (point.text or ""))


def test_the_bank_holds_enough_fill_questions_at_both_levels(fills):
    assert len(fills) >= 40
    levels = Counter(q.level for q in fills)
    assert levels["primary"] >= 15 and levels["intermediate"] >= 15, levels
    topics = {pid.split(".")[1] for q in fills for pid in q.points}
    assert len(topics) >= 15, sorted(topics)


def test_every_blank_has_one_answer(fills):
    wrong = {q.id: (len(BLANK.findall(q.stem)), len(q.answer)) for q in fills
             if len(BLANK.findall(q.stem)) != len(q.answer)}
    assert wrong == {}


def test_every_blank_has_a_non_empty_answer(fills):
    empty = [q.id for q in fills for alternatives in q.answer
             if not alternatives or not all(norm(a) for a in alternatives)]
    assert empty == []


def test_answers_are_what_the_points_say(bank, fills):
    """A blank's wording is in the items or text of a point the question tests, so feedback and study agree."""
    missing = []
    for q in fills:
        texts = [point_text(bank.points[pid]) for pid in q.points]
        missing += [(q.id, alternatives[0]) for alternatives in q.answer
                    if not any(canonical(alternatives) in text for text in texts)]
    assert missing == []


def test_answers_are_the_sources_words(bank, fills):
    """A blank's wording is in the source documents, unless its point completes what they cut off."""
    sources = seed_text()
    missing = []
    for q in fills:
        completed = any(bank.points[pid].source == "completed" for pid in q.points)
        missing += [(q.id, alternatives[0]) for alternatives in q.answer
                    if canonical(alternatives) not in sources and not completed]
    assert missing == []


def test_blanks_in_order_follow_the_order_of_their_points(bank, fills):
    """Blanks filled in order that are whole items of an ordered point stand in the point's order."""
    for q in fills:
        if not q.ordered:
            continue
        assert_in_points_order(bank, q.id, q.points, [canonical(a) for a in q.answer])


def test_the_eight_promises_time_limits_are_asked(fills):
    """Every time limit of the eight promises is the answer of some blank, as the source states it."""
    answered = Counter(canonical(a) for q in fills for a in q.answer)
    for limit in ("48小时", "60分钟", "3个工作日", "1小时", "72小时"):
        assert answered[norm(limit)] >= 1, limit


def test_every_alternative_earns_its_blank(fills):
    """The grader takes each form the key accepts: the k-th alternative of every blank (or its last)."""
    missed = []
    for q in fills:
        for k in range(max(len(alternatives) for alternatives in q.answer)):
            entries = [alternatives[min(k, len(alternatives) - 1)] for alternatives in q.answer]
            grading = q.grade(entries)
            if grading.score != grading.max:
                missed.append((q.id, entries, grading.score))
    assert missed == []


def test_unordered_blanks_take_the_key_in_any_order(fills):
    short = [q.id for q in fills if not q.ordered
             and q.grade([alternatives[0] for alternatives in reversed(q.answer)]).score != q.score]
    assert short == []


def test_blanks_in_order_do_not_take_two_answers_swapped(fills):
    """Where the order is the fact (ordered: true), the first two answers swapped lose their marks."""
    taken = []
    for q in fills:
        first, second = (*q.answer, (), ())[:2]
        if not q.ordered or not second or set(first) & set(second):
            continue
        entries = [alternatives[0] for alternatives in q.answer]
        entries[0], entries[1] = entries[1], entries[0]
        if q.grade(entries).score == q.score:
            taken.append(q.id)
    assert taken == []
