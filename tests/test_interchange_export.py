"""Exporting the bank: the spreadsheet round trip, Moodle XML checked against what Moodle's importer
expects, GIFT against a golden file and Moodle's fractions, and Anki by reading the .apkg back."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from content_roots import write_files
from examprep.cli import main
from examprep.kinds.free_text import FreeText
from examprep.content import load_bank
from examprep.interchange.anki import write_apkg
from examprep.interchange.fractions import MOODLE_FRACTIONS, moodle_fraction, percent
from examprep.interchange.gift import escape, gift
from examprep.interchange.importer import import_workbook, write_content_root
from examprep.interchange.moodle_xml import moodle_xml
from examprep.interchange.selection import select_questions
from examprep.interchange.spreadsheet import export_spreadsheet
from examprep.interchange.table import read_workbook
from examprep.locations import shipped_content_dir

import moodle_xml_rules

GOLDEN = Path(__file__).parent / "data" / "interchange"

SMALL_BANK = {
    "points/primary/visit.yaml": """
        topic: visit
        title: 客户拜访
        level: primary
        source: 测试
        points:
          - id: primary.visit.steps
            title: 拜访步骤
            items: [准备, 进店, 结果]
            ordered: true
          - id: primary.visit.info
            title: 客户信息的重要性
            text: 四个基础
    """,
    "questions/visit.yaml": """
        questions:
          - id: q.single
            type: single
            level: primary
            points: [primary.visit.steps]
            stem: "拜访的第一步是{什么}？"
            options: {A: 准备, B: 进店, C: 结果}
            answer: A
            explanation: 先准备。
          - id: q.multiple
            type: multiple
            level: primary
            points: [primary.visit.info]
            stem: 客户信息是哪些工作的基础？
            options: {A: 企业决策, B: 客户分类, C: 客户满意, D: 商品定价}
            answer: [A, B, C]
            score: 2
            tags: [重点]
          - id: q.judge
            type: judge
            level: primary
            points: [primary.visit.steps]
            stem: 拜访可以不做准备。
            answer: false
          - id: q.calc
            type: calc
            level: primary
            points: [primary.visit.info]
            stem: 31 条占 40 条的百分之几？
            answer: 77.5
            tolerance: 0.1
            unit: "%"
            score: 2
          - id: q.order
            type: order
            level: primary
            points: [primary.visit.steps]
            stem: 排出拜访的步骤。
            items: [准备, 进店, 结果]
          - id: q.recall
            type: recall
            level: primary
            points: [primary.visit.info]
            stem: 客户信息首先是什么的基础？
            rubric:
              - id: decision
                point: 企业决策的基础
                keywords: [企业决策, 决策依据]
          - id: q.short
            type: short
            level: primary
            points: [primary.visit.info]
            stem: 客户信息的重要性有哪些？
            score: 4
            note: 编者自用
            rubric:
              - id: decision
                point: 企业决策的基础
                keywords: [企业决策]
                weight: 3
                all: [[企业, 公司], [决策, 决定]]
                note: 两组须在同一分句
              - id: classify
                point: 客户分类的基础
                keywords: [客户分类]
    """,
    "cases/visit-case.yaml": """
        id: case.visit
        title: 一次拜访
        level: primary
        points: [primary.visit.steps]
        source: 测试
        scenario: 小王第一次拜访客户。
        questions:
          - id: case.visit.q1
            type: short
            stem: 小王应先做什么？
            score: 2
            rubric:
              - id: prepare
                point: 做好拜访准备
                keywords: [准备]
              - id: plan
                point: 制定拜访计划
                keywords: [计划]
    """,
}


@pytest.fixture(scope="module")
def small_bank(tmp_path_factory):
    return load_bank(write_files(tmp_path_factory.mktemp("small"), SMALL_BANK))


@pytest.fixture(scope="module")
def shipped_bank():
    return load_bank(shipped_content_dir())


def _comparable(question):
    """A question as the template carries it: examples (sample answers for validate) stay behind."""
    return replace(question, examples=()) if isinstance(question, FreeText) else question


# -- spreadsheet ---------------------------------------------------------------------------------------------
def test_xlsx_export_then_import_gives_the_same_bank(shipped_bank, tmp_path):
    questions = select_questions(shipped_bank)
    path = tmp_path / "题库.xlsx"
    left_out = export_spreadsheet(questions, shipped_bank, path)
    assert left_out == sum(1 for q in questions if q.case_id)
    result = import_workbook(read_workbook(path))
    assert result.problems == []
    write_content_root(result, tmp_path / "again")
    again = load_bank(tmp_path / "again")
    standalone = {q.id: q for q in questions if q.case_id is None}
    assert set(again.questions) == set(standalone)
    for qid, question in standalone.items():
        assert _comparable(again.questions[qid]) == _comparable(question), qid
    used = {p for q in standalone.values() for p in q.points}
    assert set(again.points) == used
    for pid in used:
        original, copy = shipped_bank.points[pid], again.points[pid]
        assert (copy.title, copy.topic, copy.level, copy.topic_title) == (
            original.title, original.topic, original.level, original.topic_title)


def test_csv_export_round_trips_too(small_bank, tmp_path):
    path = tmp_path / "题库.csv"
    export_spreadsheet(select_questions(small_bank), small_bank, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese
    result = import_workbook(read_workbook(path))
    write_content_root(result, tmp_path / "again")
    again = load_bank(tmp_path / "again")
    assert len(again.questions) == len(small_bank.questions) - 1  # the case question stays out
    for qid, question in again.questions.items():
        assert _comparable(question) == _comparable(small_bank.questions[qid])
    # and a second round writes the same sheet
    second = tmp_path / "second.csv"
    export_spreadsheet(select_questions(again), again, second)
    assert second.read_bytes() == path.read_bytes()


# -- Moodle XML ----------------------------------------------------------------------------------------------
def test_the_whole_bank_is_moodle_importable(shipped_bank):
    text, skipped = moodle_xml(select_questions(shipped_bank), shipped_bank)
    assert moodle_xml_rules.problems(text) == []
    assert skipped == []
    root = ET.fromstring(text)
    names = [q.findtext("name/text") for q in root if q.get("type") != "category"]
    assert sorted(names) == sorted(shipped_bank.questions)


def test_moodle_xml_of_each_type(small_bank):
    text, _ = moodle_xml(select_questions(small_bank), small_bank)
    root = ET.fromstring(text)
    by_name = {q.findtext("name/text"): q for q in root if q.get("type") != "category"}
    types = {name: q.get("type") for name, q in by_name.items()}
    assert types == {"q.single": "multichoice", "q.multiple": "multichoice", "q.judge": "truefalse",
                     "q.calc": "numerical", "q.order": "ordering", "q.recall": "shortanswer",
                     "q.short": "essay", "case.visit.q1": "essay"}
    multiple = by_name["q.multiple"]
    assert [(a.findtext("text"), a.get("fraction")) for a in multiple.findall("answer")] == [
        ("企业决策", "33.33333"), ("客户分类", "33.33333"), ("客户满意", "33.33333"), ("商品定价", "-100")]
    assert multiple.findtext("single") == "false" and multiple.findtext("defaultgrade") == "2"
    assert multiple.findtext("tags/tag/text") == "重点"
    calc = by_name["q.calc"]
    assert (calc.findtext("answer/text"), calc.findtext("answer/tolerance")) == ("77.5", "0.1")
    assert calc.findtext("units/unit/unit_name") == "%"
    order = by_name["q.order"]
    assert [(a.findtext("text"), a.get("fraction")) for a in order.findall("answer")] == [
        ("准备", "1"), ("进店", "2"), ("结果", "3")]
    assert [a.findtext("text") for a in by_name["q.recall"].findall("answer")] == ["*企业决策*", "*决策依据*"]
    grader = by_name["q.short"].findtext("graderinfo/text")
    assert "企业决策的基础（3 分）" in grader and "客户分类的基础（1 分）" in grader
    assert by_name["case.visit.q1"].findtext("questiontext/text").startswith("【案例】一次拜访<br>小王第一次拜访客户。")
    assert by_name["q.single"].findtext("generalfeedback/text") == "先准备。"
    categories = [q.findtext("category/text") for q in root if q.get("type") == "category"]
    assert categories == ["$course$/top/examprep/初级//五级/客户拜访",
                          "$course$/top/examprep/初级//五级/案例分析/一次拜访"]


@pytest.mark.parametrize("broken, words", [
    ('<answer fraction="30.5" format="html"><text>x</text></answer>', "grade options"),
    ('<single>maybe</single>', "<single>"),
])
def test_the_moodle_checker_catches_what_moodle_refuses(small_bank, broken, words):
    text, _ = moodle_xml([small_bank.questions["q.multiple"]], small_bank)
    bad = text.replace("<single>false</single>", broken if "single" in broken else
                       "<single>false</single>" + broken)
    assert any(words in p for p in moodle_xml_rules.problems(bad))


def test_fractions_are_the_ones_moodle_lists():
    assert len(MOODLE_FRACTIONS) == 21
    assert [percent(moodle_fraction(1 / k)) for k in range(1, 11)] == [
        "100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10"]
    assert moodle_fraction(1 / 11) is None and moodle_fraction(0.35) is None
    assert moodle_fraction(-1 / 3) == -0.3333333


# -- GIFT ------------------------------------------------------------------------------------------------------
def test_gift_matches_the_golden_file(small_bank):
    text, skipped = gift(select_questions(small_bank), small_bank)
    assert skipped == []
    assert text == (GOLDEN / "small.gift.txt").read_text(encoding="utf-8")


def test_gift_of_the_whole_bank_uses_only_moodle_fractions(shipped_bank):
    import re

    text, skipped = gift(select_questions(shipped_bank), shipped_bank)
    assert skipped == []
    weights = {float(w) / 100 for w in re.findall(r"(?<!\\)%(-?[\d.]+)%", text)}
    assert weights and all(moodle_fraction(w) is not None for w in weights)
    assert text.count("\n::q.") + text.count("\n::case.") == len(shipped_bank.questions)


def test_gift_escapes_its_control_characters():
    assert escape("a{b}=c~d#e:f\\g\nh") == r"a\{b\}\=c\~d\#e\:f\\g\nh"


# -- Anki --------------------------------------------------------------------------------------------------------
def test_the_apkg_holds_one_note_per_question(small_bank, tmp_path):
    questions = select_questions(small_bank)
    path = tmp_path / "题库.apkg"
    assert write_apkg(questions, small_bank, path) == len(questions)
    with zipfile.ZipFile(path) as apkg:
        (tmp_path / "collection.anki2").write_bytes(apkg.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = db.execute("select guid, flds, tags from notes").fetchall()
        decks = db.execute("select decks from col").fetchone()[0]
    finally:
        db.close()
    assert len(notes) == len(questions)
    fields = {flds.split("\x1f")[3]: flds.split("\x1f") for _, flds, _ in notes}
    assert set(fields) == {q.id for q in questions}
    front, back, explanation, _ = fields["q.single"]
    assert "拜访的第一步是{什么}？" in front and "A. 准备" in front
    assert back == "A. 准备" and explanation == "先准备。"  # the model answer, as the trainer shows it
    assert "企业决策的基础（3 分）" in fields["q.short"][1]
    letters = small_bank.questions["q.order"].key()  # the letters of the items as shown
    assert fields["q.order"][1] == f"{letters}：准备 → 进店 → 结果" and letters != "ABC"
    assert "小王第一次拜访客户。" in fields["case.visit.q1"][0]
    assert any(tags.strip() == "重点" for *_, tags in notes)
    names = {deck["name"] for deck in json.loads(decks).values()}
    assert {"examprep 题库::初级/五级::客户拜访", "examprep 题库::初级/五级::案例分析::一次拜访"} <= names


def test_apkg_note_ids_are_stable(small_bank, tmp_path):
    import genanki

    questions = select_questions(small_bank)
    for name in ("a.apkg", "b.apkg"):
        write_apkg(questions, small_bank, tmp_path / name)
    guids = []
    for name in ("a.apkg", "b.apkg"):
        with zipfile.ZipFile(tmp_path / name) as apkg:
            (tmp_path / "c.anki2").write_bytes(apkg.read("collection.anki2"))
        db = sqlite3.connect(tmp_path / "c.anki2")
        guids.append(sorted(g for (g,) in db.execute("select guid from notes")))
        db.close()
    assert guids[0] == guids[1] == sorted(genanki.guid_for(q.id) for q in questions)


# -- the command ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, suffix", [("moodle-xml", "xml"), ("gift", "txt"), ("xlsx", "xlsx"), ("anki", "apkg")])
def test_export_command_writes_each_format(tmp_path, capsys, fmt, suffix):
    root = write_files(tmp_path / "bank", SMALL_BANK)
    out = tmp_path / f"out.{suffix}"
    assert main(["export", "--content", str(root), "--format", fmt, "-o", str(out), "--topic", "visit"]) == 0
    assert out.stat().st_size > 0
    captured = capsys.readouterr()
    assert "已导出" in captured.out
    if fmt == "xlsx":
        assert "1 道案例分析小题未导出" in captured.err


def test_export_refuses_an_unknown_level(tmp_path, capsys):
    root = write_files(tmp_path / "bank", SMALL_BANK)
    assert main(["export", "--content", str(root), "--format", "gift", "--level", "senior"]) == 2
    assert "不认识的级别“senior”" in capsys.readouterr().err


def test_missing_genanki_names_the_extra(small_bank, tmp_path, monkeypatch):
    import sys

    from examprep.interchange import MissingExtra

    monkeypatch.setitem(sys.modules, "genanki", None)
    with pytest.raises(MissingExtra, match=r"examprep\[anki\]"):
        write_apkg(select_questions(small_bank), small_bank, tmp_path / "x.apkg")
