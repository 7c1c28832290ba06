"""The grader's rules as an examiner's marking sheet: (keywords per rubric point, answer, points earned).

Each table belongs to one rule; each has rows that pass only while that rule is in place.
"""

from __future__ import annotations

import pytest

from examprep.content.model import RubricPoint
from examprep.kinds import grade_answer
from examprep.kinds.free_text import FreeText


def question(*points: list[str], score: float | None = None, qid: str = "t.rules") -> FreeText:
    """A short-answer question whose rubric point i (id "p<i>") has the given keywords."""
    rubric = tuple(RubricPoint(f"p{i}", words[0], tuple(words)) for i, words in enumerate(points))
    return FreeText(qid, "short", "primary", ("x",), "题干", score if score is not None else len(rubric),
                    rubric=rubric)


def earned(q: FreeText, answer: str) -> set[str]:
    return {p.id for p in grade_answer(q, answer).points if p.hit}


TYPO = [
    # one wrong, missing or extra character in a keyword of 4+ characters is forgiven
    ([["原始资料"]], "客户原使资料", ["p0"]),  # wrong (and a homophone)
    ([["统计分析"]], "统计分折资料", ["p0"]),  # wrong, not a homophone
    ([["终端网络布局"]], "终端网布局", ["p0"]),  # missing
    ([["客户需求"]], "客户的需求", ["p0"]),  # extra
    # two edits, or a short keyword, are not
    ([["统计分析"]], "统汁分折", []),
    ([["名册"]], "名单", []),
]

HOMOPHONE = [
    ([["期望"]], "客户的期忘很高", ["p0"]),
    ([["关键需求"]], "识别关建需求", ["p0"]),
    ([["补偿法"]], "补尝法", ["p0"]),
    ([["责任"]], "有责人心", ["p0"]),  # tones do not count: an input method ignores them too
    ([["责任"]], "责备", []),
    ([["期望"]], "期限", []),
]

TRADITIONAL = [
    ([["客户分类"], ["企业决策"]], "客戶分類是企業決策的基礎", ["p0", "p1"]),
    ([["开场白"]], "設計好的開場白", ["p0"]),
]

WIDTH_CASE_SPACE = [
    ([["ABC分类"]], "ＡＢＣ 分类", ["p0"]),
    ([["abc分类"]], "Abc分类", ["p0"]),
    ([["72小时"]], "７２小时内处理", ["p0"]),
    ([["客户需求"]], "客户 需求", ["p0"]),
    ([["explicit"]], "Explicit expectation", ["p0"]),  # a space keeps two words apart
]

NUMBERS = [
    ([["每两周拜访一次"]], "每2周拜访1次", ["p0"]),  # 两 = 2, 一 = 1
    ([["3个工作日"]], "三个工作日内退还", ["p0"]),
    ([["1小时"]], "一个小时内到场", ["p0"]),  # 一个小时 = 1小时
    ([["60%"]], "不少于百分之六十", ["p0"]),
    ([["72小时"]], "七十二小时内", ["p0"]),
    ([["每周拜访一次"]], "每两周拜访一次", []),  # a number more is a different frequency
    ([["每周拜访一次"]], "每月拜访一次", []),  # so is another unit
    ([["3天"]], "5天", []),
    ([["3天"]], "13天", []),  # the whole number must match
    ([["48小时"]], "24小时", []),
    ([["ABC分类"]], "ABD分类", []),  # letters are exact too
]

NEGATION = [
    ([["打断客户"]], "不要打断客户", []),
    ([["再次确认"]], "不要再次确认，直接感谢", []),
    ([["执著"], ["感恩"]], "懂得感恩，但做事不要太执著", ["p1"]),
    ([["降低期望"], ["清晰期望"]], "清晰期望，不要降低期望", ["p1"]),
    ([["心理反应"]], "是一种行为，而不是心理反应", []),
    # the negation's reach: its clause, and a contrast ends it
    ([["让对方把话讲完"]], "不要打断，让对方把话讲完", ["p0"]),
    ([["解决问题"]], "不要推脱而要解决问题", ["p0"]),
    # words with a negation character that negate nothing
    ([["表示歉意"]], "为带来的不便表示歉意", ["p0"]),
    ([["服务策略"]], "针对不同子群体制定不同的服务策略", ["p0"]),
    ([["60分钟"]], "上下波动不超过60分钟", ["p0"]),
    ([["先说再听"]], "听而不闻、先说再听", ["p0"]),
    # a negative key must keep its negation
    ([["不要打断客户"]], "要打断客户", []),
    ([["不要打断客户"]], "千万不要打断客户", ["p0"]),
    ([["过去不等于未来"]], "过去等于未来", []),
    ([["不完美"]], "不完美是完美的一部分", ["p0"]),
    ([["不打断"], ["不插嘴"]], "不打断不插嘴", ["p0", "p1"]),  # one negation does not void the next
]

DISTRIBUTIVE = [
    ([["期望管理"], ["感受管理"]], "加强感受与期望管理", ["p0", "p1"]),
    ([["客户需求"], ["客户期望"], ["客户感受"]], "了解客户的需求、期望和感受", ["p0", "p1", "p2"]),
    ([["安全需求"], ["利润需求"], ["服务需求"]], "安全、利润、服务的需求", ["p0", "p1", "p2"]),
    # an item that goes on is not the shared word: 服务 here starts 服务态度承诺
    ([["上门服务"]], "送货上门承诺、服务态度承诺、价格承诺", []),
]

SPLIT_WORDS = [
    ([["加强感受"]], "加强客户的感受", ["p0"]),
    ([["降低期望"]], "降低客户期望", ["p0"]),
    ([["组织语言"]], "组织一下语言", ["p0"]),
    ([["客户满意"]], "客户不满意", []),  # a negation between the words is no filler
    ([["每周一次"]], "每周二一次", []),  # nor a number
]

CLAUSES = [
    # punctuation ignored inside a keyword's stretch, but no match crosses a clause
    ([["老弱病残"]], "老、弱、病、残人群", ["p0"]),
    ([["上级先"]], "先下级后上级，先男士后女士", []),
    ([["成功难，不成功更难"]], "成功难，不成功更难", ["p0"]),
]


TABLES = {"typo": TYPO, "homophone": HOMOPHONE, "traditional": TRADITIONAL, "width-case-space": WIDTH_CASE_SPACE,
          "numbers": NUMBERS, "negation": NEGATION, "distributive": DISTRIBUTIVE, "split-words": SPLIT_WORDS,
          "clauses": CLAUSES}
ROWS = [pytest.param(keywords, answer, expected, id=f"{name}-{n}")
        for name, table in TABLES.items() for n, (keywords, answer, expected) in enumerate(table, 1)]


@pytest.mark.parametrize("keywords, answer, expected", ROWS)
def test_rule_row(keywords, answer, expected):
    """One row of a rule's table: the points an answer earns."""
    assert earned(question(*keywords), answer) == set(expected)


def test_spans_index_the_answer_as_typed():
    q = question(["客户分类"], ["企业决策"], ["客户需求"])
    answer = "ＡＢ：客戶 分類，企業決策。客户的需求"
    by_id = {p.id: p for p in grade_answer(q, answer).points}
    for pid, text in (("p0", "客戶 分類"), ("p1", "企業決策"), ("p2", "客户的需求")):
        a, b = by_id[pid].span
        assert answer[a:b] == by_id[pid].matched == text


def test_span_of_a_numeral_covers_the_numeral():
    q = question(["72小时"])
    answer = "七十二小时内"
    point = grade_answer(q, answer).points[0]
    assert point.matched == "七十二小时"


def test_one_stretch_earns_one_point():
    q = question(["客户满意"], ["满意度"])
    assert len(earned(q, "提高客户满意度")) == 1
    assert earned(q, "客户满意，满意度高") == {"p0", "p1"}


def test_the_assignment_maximises_the_weight():
    # 满意度 alone could go to either point; the heavier point gets the one stretch
    rubric = (RubricPoint("light", "x", ("满意度",), 1.0), RubricPoint("heavy", "y", ("客户满意度",), 3.0))
    q = FreeText("t.w", "short", "primary", ("x",), "题干", 4, rubric=rubric)
    assert earned(q, "客户满意度") == {"heavy"}


def test_a_keyword_earns_once_even_if_two_points_list_it():
    q = question(["客户需求"], ["客户需求", "需求分析"])
    assert len(earned(q, "客户需求很重要，客户需求要满足")) == 1
    assert earned(q, "客户需求很重要，要做需求分析") == {"p0", "p1"}


def test_a_repeated_keyword_earns_its_point_once():
    q = question(["客户需求"], ["满意度"])
    grading = grade_answer(q, "客户需求客户需求客户需求")
    assert grading.score == 1.0


@pytest.mark.parametrize("answer", ["", "   ", "\n\t　", None])
def test_empty_answer_scores_zero(answer):
    q = question(["客户需求"])
    grading = grade_answer(q, answer)
    assert grading.score == 0 and not grading.correct and all(not p.hit for p in grading.points)


def test_grading_is_deterministic():
    q = question(["客户需求"], ["需求"], ["期望管理"], ["感受管理"])
    answer = "加强感受与期望管理，了解客户需求和需求的变化"
    results = {repr(grade_answer(q, answer).to_json()) for _ in range(5)}
    assert len(results) == 1


def test_score_is_shared_in_proportion_to_weights():
    rubric = (RubricPoint("a", "a", ("甲乙",), 1.0), RubricPoint("b", "b", ("丙丁",), 3.0))
    q = FreeText("t.s", "short", "primary", ("x",), "题干", 8, rubric=rubric)
    grading = grade_answer(q, "丙丁")
    assert grading.score == 6.0 and grading.max == 8.0
    assert [p.earned for p in grading.points] == [0.0, 6.0]
    assert grade_answer(q, "甲乙丙丁").correct


def test_a_long_answer_is_graded_whole():
    q = question(["客户需求"], ["期望管理"])
    answer = "无关的话。" * 20000 + "要了解客户需求。"
    grading = grade_answer(q, answer)
    assert earned(q, answer) == {"p0"}
    assert grading.points[0].span[0] == answer.rindex("客户需求")


def test_control_characters_and_lone_surrogates_do_not_break_grading():
    q = question(["客户需求"])
    answer = "\ud800客戶需求\x00"  # json.loads lets both through
    point = grade_answer(q, answer).points[0]
    assert point.matched == "客戶需求" and point.span == (1, 5)
