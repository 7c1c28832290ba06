"""Which part of an answer is shown beside its grading."""

from examprep.grading.excerpt import GAP, excerpt, merge_spans


def test_short_answers_are_shown_whole():
    shown = excerpt("客户信息是企业决策的基础", [(5, 9)])
    assert shown.text == "客户信息是企业决策的基础" and shown.spans == ((5, 9),) and not shown.shortened


def test_long_answers_show_the_text_around_each_match():
    answer = "甲" * 100 + "企业决策" + "乙" * 100 + "客户分类" + "丙" * 100
    shown = excerpt(answer, [(100, 104), (204, 208)], limit=50, context=3)
    assert shown.shortened
    assert shown.text == GAP + "甲甲甲企业决策乙乙乙" + GAP + "乙乙乙客户分类丙丙丙" + GAP
    assert [shown.text[a:b] for a, b in shown.spans] == ["企业决策", "客户分类"]


def test_matches_close_together_share_one_window():
    answer = "企业决策和客户分类" + "乙" * 100
    shown = excerpt(answer, [(0, 4), (5, 9)], limit=20, context=2)
    assert shown.text == "企业决策和客户分类乙乙" + GAP
    assert [shown.text[a:b] for a, b in shown.spans] == ["企业决策", "客户分类"]


def test_a_long_answer_without_matches_shows_its_start():
    shown = excerpt("乙" * 100, [], limit=10)
    assert shown.text == "乙" * 10 + GAP.rstrip() and shown.spans == ()


def test_spans_are_merged_and_bad_ones_dropped():
    assert merge_spans([(5, 9), (0, 3), (2, 4)]) == [(0, 4), (5, 9)]
    assert excerpt("短答案", [(1, 99)]).spans == ()
