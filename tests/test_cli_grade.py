"""`examprep grade`: the score, each key point earned or missed, the matched words marked."""

from __future__ import annotations

import io
import json

import pytest

from examprep.cli import main

from content_roots import write_files

POINTS = """\
    topic: demo
    title: 演示
    level: primary
    source: 测试
    points:
      - id: primary.demo.a
        title: 演示考点
        items: [甲, 乙]
    """

QUESTIONS = """\
    questions:
      - id: q.demo.recall
        type: recall
        level: primary
        points: [primary.demo.a]
        stem: 客户信息的重要性体现在哪些方面？
        score: 4
        rubric:
          - id: decision
            point: 客户信息是企业决策的基础
            keywords: [企业决策, 决策的基础]
          - id: classify
            point: 客户信息是客户分类的基础
            keywords: [客户分类]
          - id: satisfy
            point: 客户信息是客户满意的基础
            keywords: [客户满意]
          - id: work
            point: 客户信息是营销人员开展工作的基础
            keywords: [开展工作]
        examples:
          - answer: 企业决策的基础、客户分类的基础
            score: 2
      - id: q.demo.single
        type: single
        level: primary
        points: [primary.demo.a]
        stem: 选一个
        options: {A: 基础业务, B: 客户分类, C: 企业决策}
        answer: B
      - id: q.demo.judge
        type: judge
        level: primary
        points: [primary.demo.a]
        stem: 对吗
        answer: true
      - id: q.demo.calc
        type: calc
        level: primary
        points: [primary.demo.a]
        stem: 算一算
        score: 2
        answer: 55
        unit: "%"
      - id: q.demo.order
        type: order
        level: primary
        points: [primary.demo.a]
        stem: 排一排
        items: [第一步, 第二步, 第三步]
      - id: q.demo.fill
        type: fill
        level: primary
        points: [primary.demo.a]
        stem: 客户信息是企业（　）和客户____的基础。
        answer: [决策, [分类, 细分]]
    """


def write_root(tmp_path, questions: str = QUESTIONS):
    """A small content root: one point and one question of each kind `grade` and `mark` meet."""
    return write_files(tmp_path, {"points/primary/demo.yaml": POINTS, "questions/demo.yaml": questions})


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "content")


def grade(root, *args):
    return main(["grade", "--content", str(root), *args])


def test_plain_output_marks_points_and_matched_words(root, capsys):
    answer = "客戶資訊是企業決策的基礎，也是客户分类的依据，不是客户满意的基础。"
    assert grade(root, "q.demo.recall", "--answer", answer) == 0
    out = capsys.readouterr().out
    assert "得分：2 / 4" in out
    assert "✓ 客户信息是企业决策的基础" in out and "「企業決策」" in out
    assert "✗ 客户信息是客户满意的基础" in out
    assert "【企業決策】" in out and "【客户分类】" in out
    assert "【客户满意】" not in out  # negated: not earned, not highlighted
    assert "\x1b[" not in out  # piped: no colour codes


def test_plain_output_says_why_a_point_was_missed_and_how_one_was_found(root, capsys):
    answer = "企业决测的基础，不是客户分类的基础"
    assert grade(root, "q.demo.recall", "--answer", answer) == 0
    out = capsys.readouterr().out
    assert "✗ 客户信息是客户分类的基础  0  找到「客户分类」，但被否定" in out
    assert "✓ 客户信息是企业决策的基础  +1  「企业决测」（错别字已宽容，对应「企业决策」）" in out


def test_json_output_has_the_spec_shape(root, capsys):
    answer = "客户分类、企业决策"
    assert grade(root, "q.demo.recall", "--answer", answer, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {"question", "score", "max", "points"} <= set(data)
    assert data["question"] == "q.demo.recall" and data["score"] == 2.0 and data["max"] == 4.0
    first = data["points"][0]
    assert {"id", "point", "earned", "weight", "matched", "span"} <= set(first)
    assert first["id"] == "decision" and first["weight"] == 1 and first["earned"] == 1.0
    assert answer[first["span"][0]:first["span"][1]] == first["matched"] == "企业决策"
    assert first["how"] == "exact" and first["why"] is None and first["words"] == []
    missed = data["points"][2]
    assert missed["earned"] == 0 and missed["matched"] is None and missed["span"] is None


def test_json_output_says_how_and_why(root, capsys):
    assert grade(root, "q.demo.recall", "--answer", "企业决策的基础，客户分类可不重要", "--json") == 0
    points = {p["id"]: p for p in json.loads(capsys.readouterr().out)["points"]}
    assert points["decision"]["how"] == "exact"
    assert points["classify"]["matched"] is None and points["classify"]["why"] == "找到「客户分类」，但被否定"


def test_answer_from_a_file_and_from_stdin(root, tmp_path, capsys, monkeypatch):
    path = tmp_path / "answer.txt"
    path.write_text("开展工作的基础\n", encoding="utf-8")
    assert grade(root, "q.demo.recall", "--file", str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out)["score"] == 1.0
    monkeypatch.setattr("sys.stdin", io.StringIO("客户满意"))
    assert grade(root, "q.demo.recall", "--json") == 0
    assert json.loads(capsys.readouterr().out)["score"] == 1.0


def test_missing_file_is_an_error(root, tmp_path, capsys):
    assert grade(root, "q.demo.recall", "--file", str(tmp_path / "nope.txt")) == 1
    assert "无法读取" in capsys.readouterr().err


def test_unknown_question_suggests_the_closest(root, capsys):
    assert grade(root, "q.demo.recal", "--answer", "x") == 1
    err = capsys.readouterr().err
    assert "未知的题目 'q.demo.recal'（是不是 'q.demo.recall'？）；" in err


@pytest.mark.parametrize("qid, answer, score, verdict", [
    ("q.demo.single", "b", 1, "✓ 正确"),
    ("q.demo.single", "C", 0, "正确答案：B"),
    ("q.demo.judge", "对", 1, "✓ 正确"),
    ("q.demo.calc", "５５％", 2, "✓ 正确"),
    ("q.demo.calc", "54", 0, "你的答案：54"),
])
def test_objective_questions(root, capsys, qid, answer, score, verdict):
    assert grade(root, qid, "--answer", answer) == 0
    out = capsys.readouterr().out
    assert f"得分：{score} /" in out and verdict in out


@pytest.mark.parametrize("answer, score", [
    ("决策|分类", 2), ("决策｜细分", 2), ("决策\n细分", 2), ("决册|分类", 2), ("决策", 1), ("分类|决策", 0),
])
def test_fill_blanks_are_separated_by_a_bar_or_a_line(root, capsys, answer, score):
    assert grade(root, "q.demo.fill", "--answer", answer, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["score"] == score and data["max"] == 2 and len(data["points"]) == 2


def test_fill_shows_each_blank_earned_or_missed(root, capsys):
    assert grade(root, "q.demo.fill", "--answer", "决策|天气") == 0
    out = capsys.readouterr().out
    assert "（填空，2分）" in out and "客户信息是企业（\u30001\u3000）和客户（\u30002\u3000）的基础。" in out
    assert "得分：1 / 2" in out and "✓ 第1空：决策  +1" in out and "✗ 第2空：分类  0" in out
    assert "答案：【决策】|天气" in out


def test_a_very_long_answer_is_graded(root, capsys):
    answer = "无关内容，" * 25_000 + "企业决策"
    assert len(answer) > 100_000
    assert grade(root, "q.demo.recall", "--answer", answer, "--json") == 0
    assert json.loads(capsys.readouterr().out)["score"] == 1.0


def test_colour_on_a_terminal(root):
    from rich.console import Console

    from examprep.commands.grade import report
    from examprep.content import load_bank
    question = load_bank(root).questions["q.demo.recall"]
    answer = "企业决策和客户分类"
    console = Console(record=True, force_terminal=True, color_system="truecolor", width=100)
    for line in report(question, answer, question.grade(answer), color=True):
        console.print(line)
    text = console.export_text(styles=True)
    assert "\x1b[" in text and "【" not in text and "企业决策" in text


def test_choices_are_shown_with_the_letters_an_answer_uses(root, capsys):
    from examprep.content import load_bank

    assert grade(root, "q.demo.single", "--answer", "B") == 0
    assert "  A. 基础业务\n  B. 客户分类\n  C. 企业决策\n" in capsys.readouterr().out
    question = load_bank(root).questions["q.demo.order"]
    shown = question.presented_order()
    letters = "".join("ABC"[shown.index(i)] for i in range(3))  # the right order, in shown letters
    assert grade(root, "q.demo.order", "--answer", letters) == 0
    out = capsys.readouterr().out
    for n, i in enumerate(shown):
        assert f"  {'ABC'[n]}. {question.items[i]}\n" in out
    assert "✓ 正确" in out


def test_a_wrong_order_says_which_places_are_wrong(root, capsys):
    from examprep.content import load_bank

    question = load_bank(root).questions["q.demo.order"]
    shown = question.presented_order()
    swapped = "".join("ABC"[shown.index(i)] for i in (1, 0, 2))  # the first two swapped
    assert grade(root, "q.demo.order", "--answer", swapped) == 0
    out = capsys.readouterr().out
    assert "  ✗ 第1位：第二步（应为：第一步）\n  ✗ 第2位：第一步（应为：第二步）\n  ✓ 第3位：第三步\n" in out
    assert grade(root, "q.demo.order", "--answer", swapped, "--json") == 0
    positions = json.loads(capsys.readouterr().out)["positions"]
    assert [p["right"] for p in positions] == [False, False, True]


def test_a_long_answer_is_shown_around_its_matches(root, capsys):
    answer = "无关内容，" * 1000 + "企业决策的基础" + "其他" * 500
    assert grade(root, "q.demo.recall", "--answer", answer) == 0
    out = capsys.readouterr().out
    assert "【企业决策】" in out and f"答案共 {len(answer)} 字，只显示命中处附近" in out
    assert len(out) < 2000
