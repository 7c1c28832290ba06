"""Drawing papers: reproducible from the seed, marks per the blueprint, shuffles with the key following."""

from __future__ import annotations

import pytest
from test_papers_bank import BLUEPRINT, QUESTIONS, make_bank_root

from examprep.content import load_bank
from examprep.marks import share_marks
from examprep.papers.draw import BlueprintError, draw_paper, variant_index


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return load_bank(make_bank_root(tmp_path_factory.mktemp("bank")))


def ids(paper):
    return [i.id for i in paper.items]


def test_same_seed_same_paper_other_seed_other_paper(bank):
    bp = bank.blueprints["mini"]
    assert draw_paper(bank, bp, 7) == draw_paper(bank, bp, 7)
    papers = {tuple((i.id, i.option_order, i.item_order) for i in draw_paper(bank, bp, s).items)
              for s in range(1, 11)}
    assert len(papers) == 10


def test_sections_hold_what_the_blueprint_asks(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    assert [(s.type, s.count) for s in paper.sections] == [
        ("single", 3), ("multiple", 1), ("judge", 2), ("order", 1), ("calc", 1), ("short", 1), ("case", 1),
    ]
    for section in paper.sections:
        assert all(i.question.type == (section.type if section.type != "case" else "short") for i in section.all_items)
    assert [i.number for i in paper.items] == list(range(1, len(paper.items) + 1))


@pytest.mark.parametrize("seed", range(1, 6))
def test_marks_follow_the_blueprint(bank, seed):
    paper = draw_paper(bank, bank.blueprints["mini"], seed)
    single, multiple, judge, order, calc, short, case = paper.sections
    assert [i.marks for i in single.items] == [2, 2, 2]  # section score overrides the question's 1
    assert [i.marks for i in multiple.items] == [2]  # no section score: the question's own
    assert calc.marks == 4 and short.marks == 6
    assert case.marks == 15  # marks per case, shared over its questions
    assert paper.total == 6 + 2 + 2 + 3 + 4 + 6 + 15


@pytest.mark.parametrize("total, weights, shares", [
    (15, [10, 10], [7.5, 7.5]),
    (20, [10, 10], [10, 10]),
    (15, [10], [15]),
    (10, [1, 1, 1], [3.5, 3.5, 3.0]),  # 3.33 each: the half-marks left over go to the first ones
    (5, [1, 2], [1.5, 3.5]),  # exact 1.67 and 3.33: the larger remainder gets the step
    (1, [1, 1, 1, 1], [0.5, 0.5, 0, 0]),
])
def test_share_marks(total, weights, shares):
    assert share_marks(total, weights) == shares
    assert sum(share_marks(total, weights)) == total


def test_case_section_shares_its_score_by_the_questions_own_scores(tmp_path):
    blueprint = BLUEPRINT.split("  - title: 一、")[0] + "  - title: 案例\n    type: case\n    count: 2\n    score: 15\n"
    bank = load_bank(make_bank_root(tmp_path, blueprints={"c.yaml": blueprint}))
    paper = draw_paper(bank, bank.blueprints["c"], 1)
    marks = {pc.case.id: [i.marks for i in pc.items] for pc in paper.sections[0].cases}
    assert marks == {"case.primary.c1": [7.5, 7.5], "case.primary.c2": [15]}


@pytest.mark.parametrize("seed", range(1, 30))
def test_the_key_follows_the_option_shuffle(bank, seed):
    for variant in "AB":
        for item in draw_paper(bank, bank.blueprints["mini"], seed, variant).items:
            q = item.question
            printed = dict(item.choices)
            if q.type == "single":
                assert printed[item.key] == q.option_map[q.answer]
            if q.type == "multiple":
                assert sorted(printed[k] for k in item.key) == sorted(q.option_map[a] for a in q.answer)
            if q.type == "order":
                printed_items = dict(item.choices)
                assert [printed_items[letter] for letter in item.key] == list(q.items)
                assert [t for _, t in item.choices] != list(q.items)  # never printed in the right order


def test_options_are_shuffled_but_all_of_the_above_stays_last(bank):
    seen_orders = set()
    for seed in range(1, 40):
        for item in draw_paper(bank, bank.blueprints["mini"], seed).items:
            if item.id == "q.primary.t1.single-6":
                assert item.choices[3] == ("D", "以上都对")
                assert item.key == "D"
            if item.question.type == "single":
                seen_orders.add(item.option_order)
    assert len(seen_orders) > 10


def test_variants_share_no_question_while_the_bank_has_enough(bank):
    bp = bank.blueprints["mini"]
    a, b = draw_paper(bank, bp, 3, "A"), draw_paper(bank, bp, 3, "B")
    assert not {i.id for i in a.sections[0].items} & {i.id for i in b.sections[0].items}  # 6 singles, 3 each
    # only 1 order question: the variants share it, each with its own shuffle
    assert a.sections[3].items[0].id == b.sections[3].items[0].id
    assert a.sections[3].items[0].item_order != b.sections[3].items[0].item_order
    assert a.variant == "A" and b.variant == "B"


def test_a_paper_avoids_testing_one_point_twice(tmp_path):
    questions = [q for q in QUESTIONS if q["id"] in (
        "q.primary.t1.single-1", "q.primary.t1.judge-1", "q.primary.t1.judge-3")]
    # single-1 and judge-3 both test point p1: a paper with single-1 must take judge-1 (point p9)
    blueprint = ("title: t\nlevel: primary\nduration: 10\nsections:\n"
                 "  - {title: 一, type: single, count: 1}\n  - {title: 二, type: judge, count: 1}\n")
    bank = load_bank(make_bank_root(tmp_path, questions=questions, cases={}, blueprints={"p.yaml": blueprint}))
    for seed in range(1, 20):
        assert ids(draw_paper(bank, bank.blueprints["p"], seed)) == ["q.primary.t1.single-1", "q.primary.t1.judge-1"]
    # asked for both judges, it takes the overlapping one too rather than fail
    bank2 = load_bank(make_bank_root(tmp_path / "b", questions=questions, cases={},
                                     blueprints={"p.yaml": blueprint.replace("judge, count: 1", "judge, count: 2")}))
    assert len(draw_paper(bank2, bank2.blueprints["p"], 1).items) == 3


def test_section_filters_choose_by_tags(tmp_path):
    blueprint = ("title: t\nlevel: primary\nduration: 10\nsections:\n"
                 "  - {title: 一, type: single, count: 3, tags: [标签甲]}\n")
    bank = load_bank(make_bank_root(tmp_path, blueprints={"p.yaml": blueprint}))
    odd_points = {f"primary.t1.p{i}" for i in range(1, 13, 2)}  # the points tagged 标签甲
    for seed in range(1, 10):
        paper = draw_paper(bank, bank.blueprints["p"], seed)
        assert all(set(i.question.points) <= odd_points for i in paper.items)


def test_an_unsatisfiable_section_names_itself_and_what_is_available(tmp_path):
    blueprint = ("title: t\nlevel: primary\nduration: 10\nsections:\n"
                 "  - {title: 一、单选, type: single, count: 2}\n"
                 "  - {title: 二、计算, type: calc, count: 5}\n")
    bank = load_bank(make_bank_root(tmp_path, blueprints={"p.yaml": blueprint}))
    with pytest.raises(BlueprintError) as err:
        draw_paper(bank, bank.blueprints["p"], 1)
    assert str(err.value) == (
        "papers/p.yaml:6: 大题“二、计算”需要 5 道计算题（级别 初级/五级），题库只有 1 道")


@pytest.mark.parametrize("variant, index", [("A", 0), ("B", 1), ("Z", 25)])
def test_variant_index(variant, index):
    assert variant_index(variant) == index


@pytest.mark.parametrize("variant", ["a", "AA", "", "1"])
def test_bad_variant_names_are_refused(bank, variant):
    with pytest.raises(ValueError, match="A–Z 中的一个大写字母"):
        draw_paper(bank, bank.blueprints["mini"], 1, variant)



@pytest.mark.parametrize("explanation, pinned", [
    ("考点：A、B属于基础信息，D是客户资料库的内容。", True),
    ("考点：听话时不要组织语言，E错误。", False),  # no option E on a four-option question
    ("考点：Place 代表地点；B 是 Time。", True),
    ("考点：TPO原则，Place 代表地点。", False),
    ("考点：A类客户每周拜访一次。", True),  # a false alarm only costs the shuffle
    (None, False),
])
def test_options_named_by_key_in_the_explanation_are_not_shuffled(tmp_path, explanation, pinned):
    question = dict(QUESTIONS[0], explanation=explanation) if explanation else {
        k: v for k, v in QUESTIONS[0].items() if k != "explanation"}
    blueprint = "title: t\nlevel: primary\nduration: 10\nsections:\n  - {title: 一, type: single, count: 1}\n"
    bank = load_bank(make_bank_root(tmp_path, questions=[question], cases={}, blueprints={"p.yaml": blueprint}))
    orders = {draw_paper(bank, bank.blueprints["p"], seed).items[0].option_order for seed in range(1, 15)}
    assert (orders == {("A", "B", "C", "D")}) is pinned


def test_same_questions_makes_shuffled_copies_of_one_paper(bank):
    blueprint = bank.blueprints["mini"]
    a, b = (draw_paper(bank, blueprint, 5, v, same_questions=True) for v in "AB")
    assert [s.title for s in a.sections] == [s.title for s in b.sections]
    for sa, sb in zip(a.sections, b.sections):
        assert sorted(i.id for i in sa.all_items) == sorted(i.id for i in sb.all_items)
    assert a.total == b.total
    # the copies differ in the order of questions or of their options
    assert ([i.id for i in a.items] != [i.id for i in b.items]
            or [i.option_order for i in a.items] != [i.option_order for i in b.items])
    assert draw_paper(bank, blueprint, 5, "A", same_questions=True) == draw_paper(bank, blueprint, 5, "A")


def test_question_count_is_what_a_drawn_paper_asks(bank):
    from examprep.papers.selection import question_count

    for name, bp in bank.blueprints.items():
        low, high = question_count(bank, bp)
        drawn = {len(draw_paper(bank, bp, seed).items) for seed in range(1, 13)}
        assert low <= min(drawn) and max(drawn) <= high, name
        if low == high:
            assert drawn == {low}, name
