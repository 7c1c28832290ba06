"""Normalising text for comparison, Chinese numerals, negation scope and homophone encoding."""

from __future__ import annotations

import pytest

from examprep.grading.negation import NegationIndex, starts_negated
from examprep.grading.normalize import normalize, normalize_keyword
from examprep.grading.numbers import numeral_value, parse_number
from examprep.grading.pinyin import sounds


@pytest.mark.parametrize("typed, compared", [
    ("客戶資訊", "客户资讯"),  # traditional → simplified
    ("ＡＢＣ１２３", "abc123"),  # full-width → half-width, lower case
    ("客户 需求，满意度。", "客户需求满意度"),  # spaces and punctuation dropped
    ("“引号”（括号）《书名》", "引号括号书名"),
    ("1.5元 3-5天 9:30", "1.5元3-5天9:30"),  # kept between digits
    ("每两周拜访一次", "每2周拜访1次"),
    ("一百零五、两千三、十二", "1052300" + "12"),
    ("百分之二十", "20%"),
    ("一个小时，每个月", "1小时每月"),  # the measure word between a number and a time unit
    ("零售客户千万不要万一", "零售客户千万不要万一"),  # 零售, 千万, 万一: words, not numbers
])
def test_normalised_text(typed, compared):
    assert normalize(typed).text == compared


def test_every_normalised_character_maps_back_to_the_answer_as_typed():
    typed = "ＡＢ：客戶 分類，七十二小时。"
    norm = normalize(typed)
    assert norm.text == "ab客户分类72小时"
    assert [norm.original_text(i, i + 1) for i in range(len(norm.text))] == [
        "Ａ", "Ｂ", "客", "戶", "分", "類", "七十二", "七十二", "小", "时"]
    assert norm.original_text(2, 6) == "客戶 分類"


def test_boundaries_are_kept_as_positions():
    norm = normalize("甲乙，丙 丁。戊、己")
    assert norm.text == "甲乙丙丁戊己"
    assert norm.breaks == [2, 3, 4]  # comma, space, full stop
    assert norm.stops == [2, 4]  # punctuation only
    assert norm.hard_breaks == [4]
    assert norm.list_separators == [5]


def test_keyword_normalisation_is_cached_and_equal_to_answers():
    assert normalize_keyword("客戶 需求") == normalize("客户需求").text == "客户需求"


@pytest.mark.parametrize("run, value", [
    ("一", "1"), ("两", "2"), ("十", "10"), ("十二", "12"), ("二十", "20"), ("二十五", "25"),
    ("一百零五", "105"), ("两百三", "230"), ("一千五", "1500"), ("三万五千", "35000"),
    ("二〇二四", "2024"), ("零", None), ("千万", None), ("万一", None), ("百", None),
])
def test_numeral_values(run, value):
    assert numeral_value(run) == value


@pytest.mark.parametrize("typed, number", [
    ("12.5", 12.5), ("１２．５元", 12.5), ("二十", 20.0), ("1,200", 1200.0), ("-3", -3.0),
    ("55%", 55.0), ("约 40 小时", 40.0), ("3或5", None), ("不知道", None), ("", None),
])
def test_parse_number(typed, number):
    assert parse_number(typed) == number


def negated_at(text: str, word: str) -> bool:
    norm = normalize(text)
    return NegationIndex(norm).negated(norm.text.index(normalize_keyword(word)))


@pytest.mark.parametrize("text, word, negated", [
    ("不要打断客户", "打断客户", True),
    ("避免让客户认错", "让客户认错", True),
    ("没有及时更新资料", "及时更新", True),
    ("不及时更新资料", "及时更新", True),
    ("不要急躁，要让对方把话讲完", "让对方把话讲完", False),  # another clause
    ("不要推脱而要解决问题", "解决问题", False),  # a contrast ends the scope
    ("送货没人就二次送货", "二次送货", False),  # so does a consequence
    ("为带来的不便表示歉意", "表示歉意", False),
    ("不断提高服务水平", "提高服务水平", False),
    ("识别新品接受度高的客户", "新品接受度", False),
    ("不超过60分钟", "60分钟", False),
    ("不主动打招呼", "打招呼", True),  # a bare 不 reaches a few characters
    ("不好意思，我们马上为您解决问题", "解决问题", False),
    ("听而不闻、先说再听", "先说再听", False),  # but not past a list separator
])
def test_negation_scope(text, word, negated):
    assert negated_at(text, word) is negated


@pytest.mark.parametrize("keyword, negative", [
    ("不要打断", True), ("避免让客户认错", True), ("不完美", True), ("打断", False),
    ("不断提高", False), ("过去不等于未来", False),
])
def test_negative_keywords(keyword, negative):
    assert starts_negated(normalize_keyword(keyword)) is negative


def test_homophones_encode_alike_and_digits_stay_themselves():
    assert sounds("期望") == sounds("期忘") != sounds("期限")
    assert sounds("3天") != sounds("5天")
    assert sounds("不要") == sounds("部要")  # alike: the matcher never lets an edit touch 不 itself
