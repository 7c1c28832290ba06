"""Siblings: questions of one knowledge point, and a stem that states another question's key, kept apart
within a session (Anki's sibling burying)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from examprep.content import load_bank
from examprep.locations import shipped_content_dir
from examprep.practice.session import DrillScope, drill_queue
from examprep.practice.siblings import Siblings, arrange, bank_siblings, giveaways

T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)
SINGLE = "q.primary.business-etiquette.four-elements-single"
JUDGE = "q.primary.business-etiquette.four-elements-judge"


@pytest.fixture(scope="module")
def shipped():
    return load_bank(shipped_content_dir())


def test_a_judge_stem_stating_a_choice_key_gives_it_away(shipped):
    pairs = bank_siblings(shipped).giveaway_pairs
    assert (SINGLE, JUDGE) in pairs  # 课件中礼仪构成的四要素是表、容、行、言。 states A. 表、容、行、言
    assert bank_siblings(shipped) is bank_siblings(shipped)  # worked out once per bank


@pytest.mark.parametrize("key_stem, other_stem, gives", [
    ("表、容、行、言", "礼仪构成的四要素是表、容、行、言。", True),
    ("显性期望、隐性期望、模糊期望", "客户期望可以分为显性期望、隐性期望和模糊期望三类。", True),  # items in any joining
    ("30%", "共订购130%的卷烟", False),  # a number only whole
    ("4.5小时", "为客户服务45小时", False),  # a decimal point is not punctuation
    ("对", "对客户要热情", False),  # too short to say anything
])
def test_when_a_stem_states_a_key(shipped, key_stem, other_stem, gives):
    from dataclasses import replace

    single = shipped.questions[SINGLE]
    judge = shipped.questions[JUDGE]
    keyed = replace(single, options=(("A", key_stem), ("B", "甲乙"), ("C", "丙丁"), ("D", "戊己")))
    other = replace(judge, stem=other_stem)
    assert ((SINGLE, JUDGE) in giveaways([keyed, other])) is gives


def test_the_shipped_bank_pairs_take_little_time(shipped):
    import time

    start = time.perf_counter()
    giveaways(shipped.questions.values())
    assert time.perf_counter() - start < 5  # a sanity bound, not a benchmark: milliseconds in practice


SIBS = Siblings(
    groups={"a1": frozenset({"p:a"}), "a2": frozenset({"p:a"}), "a3": frozenset({"p:a"}),
            "b1": frozenset({"p:b"}), "b2": frozenset({"p:b"}), "c1": frozenset({"p:c"}),
            "d1": frozenset({"p:d"}), "e1": frozenset({"p:e"})},
    giveaway_pairs=frozenset({("b1", "c1")}),
)


def test_siblings_are_spread_taking_the_most_wanted_that_is():
    order = arrange(["a1", "a2", "a3", "b1", "b2", "c1", "d1", "e1"], SIBS, spread=4)
    # c1 waits one place (b1 gives it away); a3 has nowhere far enough from a2 left: last
    assert order == ["a1", "b1", "d1", "c1", "a2", "b2", "e1", "a3"]
    assert sorted(order) == sorted(SIBS.groups)


def test_a_give_away_never_follows_when_another_question_can_go_there():
    assert arrange(["b1", "c1", "d1"], SIBS, spread=1) == ["b1", "d1", "c1"]  # study order, but not b1, c1
    assert arrange(["c1", "b1", "d1"], SIBS, spread=1) == ["c1", "d1", "b1"]  # either way round
    assert arrange(["b1", "c1"], SIBS, spread=1) == ["b1", "c1"]  # nothing else to put between them
    assert arrange(["a1", "a2", "a3"], SIBS) == ["a1", "a2", "a3"]  # one point only: as wanted


def test_the_shipped_bank_drills_keep_the_four_elements_apart(shipped):
    scope = DrillScope(level="primary", topic="business-etiquette")
    sibs = bank_siblings(shipped)
    for order, seed in (("due", None), ("random", 1), ("random", 2), ("order", None)):
        queue = drill_queue(shipped, scope, order, {}, T0, seed=seed)
        assert queue == drill_queue(shipped, scope, order, {}, T0, seed=seed)  # deterministic
        for first, then in zip(queue, queue[1:]):
            assert not sibs.gives_away(first, then), (order, first, then)
        if order != "order":  # a point's questions spread
            where = {qid: i for i, qid in enumerate(queue)}
            assert abs(where[SINGLE] - where[JUDGE]) >= 4
