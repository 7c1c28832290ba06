"""Chinese line breaking (examprep.linebreak): a table of texts and widths with the lines expected,
and the rules held over every text of the shipped bank at several widths."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from examprep.content import load_bank
from examprep.linebreak import CLOSING, OPENING, char_width, text_width, wrap, wrap_text
from examprep.locations import shipped_content_dir

TABLE = [
    # a closing mark never starts a line: the character before it goes down with it
    ("客户信息是企业决策的基础，也是客户分类的基础。", 12,
     ["客户信息是企", "业决策的基", "础，也是客户", "分类的基础。"]),
    ("他说：「这不行。」然后走了。", 10, ["他说：「这", "不行。」然", "后走了。"]),
    # numbers and their units stay whole
    ("至少26.4小时", 8, ["至少", "26.4小时"]),
    ("在48小时之内送达", 6, ["在", "48小时", "之内送", "达"]),
    ("满意度60%以上", 8, ["满意度", "60%以上"]),
    # a list marker keeps its text and the other lines hang under that text
    ("1. 客户信息是企业决策的基础", 14, ["1. 客户信息是", "   企业决策的", "   基础"]),
    (" 2、客户分类的基础", 10, [" 2、客户分", "    类的基", "    础"]),
    ("（1）清晰期望；（2）加强感受", 14, ["（1）清晰期", "     望；", "     （2）加强", "     感受"]),
    ("准备：1. 提前预约", 8, ["准备：", "1. 提前", "预约"]),  # inside a paragraph too
    ("• 错别字、同音字不扣分", 12, ["• 错别字、同", "  音字不扣分"]),
    # Latin text breaks at spaces, a word longer than the line is folded
    ("Hello world, this is Latin", 12, ["Hello world,", "this is", "Latin"]),
    ("abcdefghijklmn", 5, ["abcde", "fghij", "klmn"]),
    # the fill-in blank stays whole
    ("客户（　1　）的基础", 10, ["客户", "（　1　）", "的基础"]),
    # a formula too long for a line is folded after an operator
    ("=100+120+110+130", 10, ["=100+120+", "110+130"]),
    ("甲乙丙", 10, ["甲乙丙"]),
    ("", 10, [""]),
    ("第一行\n\n第三行", 10, ["第一行", "", "第三行"]),
]


@pytest.mark.parametrize("text, width, lines", TABLE)
def test_lines(text, width, lines):
    assert wrap_text(text, width) == lines


def test_indent_for_the_lines_after_the_first():
    assert wrap_text("○ A. 卷烟零售店经营者的基本属性", 16, indent=5, hang=False) == [
        "○ A. 卷烟零售店", "     经营者的基", "     本属性"]


NUMBER = re.compile(r"\d+(?:[.:]\d+)*%?")
MARKER_ALONE = re.compile(r"\s*(?:\d{1,3}[.、．]|[（(]\d{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]{1,3}、)\s*")
WIDTHS = (17, 30, 77)


def bank_texts():
    bank = load_bank(shipped_content_dir())
    for q in bank.questions.values():
        yield q.stem
        yield q.model_answer()
        if q.explanation:
            yield q.explanation
        for _, text in q.shown_choices():
            yield text
    for case in bank.cases.values():
        yield case.scenario.strip()
    for point in bank.points.values():
        yield "\n".join(f" {i}. {item}" for i, item in enumerate(point.items, 1))
        if point.text:
            yield point.text.strip()


@pytest.fixture(scope="module")
def texts():
    return list(bank_texts())


def test_widths_are_the_terminals(texts):
    characters = {ch for text in texts for ch in text} | set("，。、；：？！（）「」《》…—·①②℃%")
    assert {ch: char_width(ch) for ch in characters} == {ch: cell_len(ch) for ch in characters}


def test_the_rules_hold_over_the_whole_bank(texts):
    for width in WIDTHS:
        for text in texts:
            lines = wrap(text, width)
            shown = [text[line.start:line.end] for line in lines]
            for line, piece in zip(lines, shown):
                assert line.indent + text_width(piece) <= width, (width, piece)
                if piece:
                    assert piece[0] not in CLOSING or line.start == 0 or text[line.start - 1] == "\n", (width, piece)
                    assert piece[-1] not in OPENING or line.end == len(text) or text[line.end] == "\n", (width, piece)
                    assert not MARKER_ALONE.fullmatch(piece), (width, piece)
            # nothing is lost but the spaces at a break
            assert "".join(shown).replace(" ", "") == text.replace("\n", "").replace(" ", "")
            for number in NUMBER.findall(text):
                if text_width(number) + 4 <= width:
                    assert any(number in piece for piece in shown), (width, number, shown)
