"""Choice questions: answers read from keys or option texts, keys and model answers in a paper's letters,
paper letters translated back, stored answers restored."""

from __future__ import annotations

import random

import pytest

from examprep.kinds.base import Shuffle
from examprep.kinds.choice import MultipleChoice, SingleChoice

OPTIONS = (("A", "基础业务"), ("B", "客户分类"), ("C", "企业决策"), ("D", "市场调查"))
SINGLE = SingleChoice("t.single", "single", "primary", ("x",), "题干", 1, options=OPTIONS, answer="B")
MULTIPLE = MultipleChoice("t.multiple", "multiple", "primary", ("x",), "题干", 2, options=OPTIONS,
                          answer=("A", "C"))
PRINTED = Shuffle(option_order=("C", "A", "D", "B"))  # the bank's C printed as A, …


@pytest.mark.parametrize("question, answer, right", [
    (SINGLE, "B", True), (SINGLE, "b", True), (SINGLE, " Ｂ ", True), (SINGLE, "客户分类", True),
    (SINGLE, "C", False), (SINGLE, "BC", False), (SINGLE, "", False), (SINGLE, ("B",), True),
    (SINGLE, None, False), (SINGLE, 3, False),
    (MULTIPLE, "AC", True), (MULTIPLE, "A,C", True), (MULTIPLE, "c、a", True), (MULTIPLE, "A C", True),
    (MULTIPLE, {"A", "C"}, True), (MULTIPLE, ("C", "A"), True), (MULTIPLE, ["A", "C"], True),
    (MULTIPLE, frozenset({"A", "C"}), True),
    (MULTIPLE, "A", False), (MULTIPLE, "ACD", False), (MULTIPLE, "AX", False), (MULTIPLE, ["A", "X"], False),
])
def test_answers_are_graded_exactly(question, answer, right):
    grading = question.grade(answer)
    assert grading.correct is right
    assert grading.score == (question.score if right else 0.0)
    assert grading.points == ()


def test_grading_reports_the_key_and_the_answer_as_read():
    data = SINGLE.grade("c").to_json()
    assert data["expected"] == "B" and data["given"] == "C" and data["points"] == []
    assert SINGLE.grade("?").given is None


@pytest.mark.parametrize("question, text, value", [
    (SINGLE, "b", "B"), (SINGLE, "企业决策", "C"), (SINGLE, "AB", None), (SINGLE, "不知道", None),
    (MULTIPLE, "ca", frozenset({"A", "C"})), (MULTIPLE, "X", None),
])
def test_parse_answer(question, text, value):
    assert question.parse_answer(text) == value


@pytest.mark.parametrize("question, shuffle, key, model", [
    (SINGLE, None, "B", "B. 客户分类"),
    (SINGLE, PRINTED, "D", "D. 客户分类"),
    (MULTIPLE, None, "AC", "A. 基础业务；C. 企业决策"),
    (MULTIPLE, PRINTED, "AB", "A. 企业决策；B. 基础业务"),
])
def test_key_and_model_answer_in_the_papers_letters(question, shuffle, key, model):
    assert question.key(shuffle) == key
    assert question.model_answer(shuffle) == model


def test_paper_letters_go_back_to_the_banks_keys():
    assert SINGLE.to_bank_answer("D", PRINTED) == "B"
    assert SINGLE.grade(SINGLE.to_bank_answer("d", PRINTED)).correct
    assert MULTIPLE.grade(MULTIPLE.to_bank_answer("BA", PRINTED)).correct
    assert not SINGLE.grade(SINGLE.to_bank_answer("E", PRINTED)).correct  # a letter not printed
    assert SINGLE.to_bank_answer("客户分类", PRINTED) == "客户分类"  # the text needs no translating
    assert SINGLE.to_bank_answer("D", None) == "D"


def test_answer_text_names_the_options_shown():
    assert SINGLE.answer_text("C") == "C. 企业决策"
    assert SINGLE.answer_text("A", PRINTED) == "B. 基础业务"
    assert MULTIPLE.answer_text(frozenset({"D", "A"})) == "A. 基础业务；D. 市场调查"
    assert SINGLE.answer_text(None) == "（未作答）"


@pytest.mark.parametrize("question, value", [(SINGLE, "B"), (MULTIPLE, frozenset({"D", "A"}))])
def test_stored_answers_round_trip(question, value):
    assert question.decode(question.encode(value)) == value


@pytest.mark.parametrize("question, stored", [
    (SINGLE, None), (SINGLE, "not json"), (SINGLE, "true"), (MULTIPLE, "true"), (MULTIPLE, '"AB"'),
])
def test_unreadable_stored_answers_decode_to_none(question, stored):
    assert question.decode(stored) is None


def test_options_that_refer_to_the_others_keep_their_place():
    options = (("A", "甲"), ("B", "乙"), ("C", "丙"), ("D", "以上都对"))
    q = SingleChoice("t.all", "single", "primary", ("x",), "题干", 1, options=options, answer="D")
    for seed in range(10):
        order, items = q.shuffled(random.Random(seed))
        assert order[3] == "D" and sorted(order) == ["A", "B", "C", "D"] and items == ()


def test_a_question_that_names_options_by_key_is_not_shuffled():
    q = SingleChoice("t.named", "single", "primary", ("x",), "A和B哪个对？", 1, options=OPTIONS, answer="A")
    assert q.names_option_keys()
    assert q.shuffled(random.Random(1)) == (("A", "B", "C", "D"), ())
