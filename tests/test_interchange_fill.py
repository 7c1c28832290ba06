"""Fill-in-the-blank questions in the exports: Moodle cloze gaps, GIFT, and the spreadsheet both ways."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import moodle_xml_rules
from content_roots import write_files
from examprep.content import load_bank
from examprep.interchange.gift import gift
from examprep.interchange.importer import import_workbook, write_content_root
from examprep.interchange.moodle_xml import moodle_xml
from examprep.interchange.selection import select_questions
from examprep.interchange.spreadsheet import export_spreadsheet
from examprep.interchange.table import read_workbook

FILL_BANK = {
    "points/primary/info.yaml": """
        topic: info
        title: 客户信息
        level: primary
        source: 测试
        points:
          - id: primary.info.importance
            title: 客户信息的重要性
            items: [企业决策的基础, 客户分类的基础]
    """,
    "questions/fill.yaml": """
        questions:
          - id: q.one
            type: fill
            level: primary
            points: [primary.info.importance]
            stem: 客户信息是企业（　）的基础。
            answer: [决策]
            explanation: 四个基础。
          - id: q.two
            type: fill
            level: primary
            points: [primary.info.importance]
            stem: 时间比＝（　）／____×100%
            answer: [[服务时间, 服务/时间], 总的工作时间]
          - id: q.any
            type: fill
            level: primary
            points: [primary.info.importance]
            stem: 两个基础：（　）和（　）。
            answer: [[决策, 企业决策], 分类]
            ordered: false
    """,
}


@pytest.fixture(scope="module")
def fill_bank(tmp_path_factory):
    return load_bank(write_files(tmp_path_factory.mktemp("fill"), FILL_BANK))


def test_fill_questions_are_moodle_cloze_questions_with_a_gap_per_blank(fill_bank):
    text, skipped = moodle_xml(select_questions(fill_bank), fill_bank)
    assert skipped == [] and moodle_xml_rules.problems(text) == []
    by_name = {q.findtext("name/text"): q for q in ET.fromstring(text) if q.get("type") != "category"}
    assert {name: q.get("type") for name, q in by_name.items()} == {"q.one": "cloze", "q.two": "cloze",
                                                                     "q.any": "cloze"}
    assert by_name["q.one"].findtext("questiontext/text") == "客户信息是企业{1:SHORTANSWER:=决策}的基础。"
    assert by_name["q.one"].findtext("generalfeedback/text") == "四个基础。"
    # each alternative accepted in full; the parser's own characters (here /) escaped
    assert by_name["q.two"].findtext("questiontext/text") == (
        "时间比＝{1:SHORTANSWER:=服务时间~=服务\\/时间}／{1:SHORTANSWER:=总的工作时间}×100%")
    # no gap of Moodle's takes "any order": each gap takes every blank's answers, and the text says so
    gap = "{1:SHORTANSWER:=决策~=企业决策~=分类}"
    assert by_name["q.any"].findtext("questiontext/text") == f"两个基础：{gap}和{gap}。（各空顺序不限）"


def test_the_moodle_checker_refuses_a_cloze_question_without_gaps(fill_bank):
    text, _ = moodle_xml([fill_bank.questions["q.one"]], fill_bank)
    broken = text.replace("{1:SHORTANSWER:=决策}", "（　）")
    assert any("no embedded gap" in p for p in moodle_xml_rules.problems(broken))


def test_fill_questions_in_gift(fill_bank):
    text, skipped = gift(select_questions(fill_bank), fill_bank)
    assert skipped == []
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "$CATEGORY: $course$/examprep/初级//五级/客户信息"
    # one blank: GIFT's missing-word form, the answers where the blank is
    assert "::q.one::客户信息是企业{=决策####四个基础。}的基础。" in blocks
    # more: an essay with the blanks numbered and the key in a comment above it
    assert ("// 答案：（1）决策（或：企业决策）；（2）分类（各空顺序不限）\n"
            "::q.any::两个基础：（\u30001\u3000）和（\u30002\u3000）。{}") in blocks
    assert "// 答案：（1）服务时间（或：服务/时间）；（2）总的工作时间\n::q.two::" in text


def test_fill_questions_survive_the_spreadsheet_both_ways(fill_bank, tmp_path):
    path = tmp_path / "题库.csv"
    export_spreadsheet(select_questions(fill_bank), fill_bank, path)
    sheet = path.read_text(encoding="utf-8-sig")
    assert "决策 / 企业决策 | 分类（顺序不限）" in sheet
    result = import_workbook(read_workbook(path))
    assert result.problems == []
    write_content_root(result, tmp_path / "again")
    again = load_bank(tmp_path / "again")
    for qid in ("q.one", "q.any"):  # q.two's "服务/时间" has the cell's own separator of alternatives
        question, copy = fill_bank.questions[qid], again.questions[qid]
        assert (copy.stem, copy.answer, copy.ordered) == (question.stem, question.answer, question.ordered), qid
