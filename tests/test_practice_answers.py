"""Answers as stored (JSON) and as shown to a candidate."""

from __future__ import annotations

import pytest

from examprep.practice.answers import answer_text, decode_answer, encode_answer, model_answer_text

from test_practice_fixtures import sample_bank


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("bank"))


@pytest.mark.parametrize("qid, value, shown", [
    ("q.single", "B", "B"),
    ("q.multiple", frozenset({"D", "A"}), "A、D"),
    ("q.judge", True, "对"),
    ("q.judge", False, "错"),
    ("q.calc", 45.0, "45 %"),
    ("q.calc", "45", "45 %"),
    ("q.calc", "45%", "45%"),
    ("q.order", (1, 0, 2), "制定计划 → 确定目标 → 实施收集"),
    ("q.recall", "客户信息是企业决策的基础", "客户信息是企业决策的基础"),
    ("q.recall", "", "（未作答）"),
])
def test_round_trip_and_text(bank, qid, value, shown):
    question = bank.questions[qid]
    assert decode_answer(question, encode_answer(value)) == value
    assert answer_text(question, value) == shown


@pytest.mark.parametrize("qid, stored", [
    ("q.judge", "not json"), ("q.calc", "true"), ("q.single", None), ("q.multiple", "true"),
    ("q.order", '"AB"'),
])
def test_unreadable_answers_decode_to_none(bank, qid, stored):
    assert decode_answer(bank.questions[qid], stored) is None


@pytest.mark.parametrize("qid, key", [
    ("q.single", "B. 企业决策"),
    ("q.multiple", "A. 企业决策；B. 客户分类；D. 客户满意"),
    ("q.judge", "对"),
    ("q.calc", "45 %（允许误差 ±0.5）"),
    ("q.order", "确定目标 → 制定计划 → 实施收集"),
    ("q.short", "1. 清晰期望\n2. 加强感受"),
])
def test_model_answer(bank, qid, key):
    assert model_answer_text(bank.questions[qid]) == key
