"""Names, answers and content never drive the terminal: markup printed as written, control characters
shown (ESC as \\x1b), in mark's tables, the marking report, grade and list."""

from __future__ import annotations

import json

import pytest

from examprep.cli import main
from examprep.format import visible, visible_with_spans

from test_cli_grade import write_root
from test_cli_mark import answers_file, mark

ATTACK = "\u001b]0;pwned\u0007\u001b[2J"


@pytest.mark.parametrize("text, newlines, shown", [
    ("张三", True, "张三"),
    (ATTACK, True, "\\x1b]0;pwned\\x07\\x1b[2J"),
    ("a\nb\tc", True, "a\nb\tc"),
    ("a\nb\tc", False, "a\\x0ab\\x09c"),
    ("\x9b31m", True, "\\x9b31m"),  # C1 control sequence introducer
    ("abc\u202edcba", True, "abc\\u202edcba"),  # bidirectional override
    ("\ud800", True, "\\ud800"),
    ("[bold red]RED[/]", True, "[bold red]RED[/]"),  # markup is plain text here; printers use Text
])
def test_visible(text, newlines, shown):
    assert visible(text, newlines) == shown


def test_spans_follow_their_characters():
    text, spans = visible_with_spans("\x1b客户满意\x07好", [(1, 5), (6, 7)])
    assert text == "\\x1b客户满意\\x07好"
    assert [text[a:b] for a, b in spans] == ["客户满意", "好"]


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "content")


def test_names_in_marks_table_are_printed_as_written(root, tmp_path, capsys):
    names = ["[/]", "[bold red]RED[/]", f"C{ATTACK}"]
    lines = [{"candidate": n, "question": "q.demo.single", "answer": "B"} for n in names]
    assert mark(root, answers_file(tmp_path, lines)) == 0
    out = capsys.readouterr().out
    assert "[/]" in out and "[bold red]RED[/]" in out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;pwned\\x07" in out


def test_names_and_answers_in_the_report_table_are_shown_not_obeyed(root, tmp_path, capsys):
    lines = [{"candidate": f"C{ATTACK}", "question": "q.demo.single", "answer": f"A{ATTACK}"}]
    from examprep.commands import mark_report
    from examprep.cli import build_parser

    args = build_parser().parse_args(["--content", str(root), "mark", answers_file(tmp_path, lines)])
    assert mark_report.run(args) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "C\\x1b]0;pwned" in out


def test_grade_echoes_escapes_visibly(root, capsys):
    assert main(["--content", str(root), "grade", "q.demo.recall", "--answer", f"企业决策{ATTACK}"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_list_prints_markup_in_content_as_written(tmp_path, capsys):
    from test_cli_grade import QUESTIONS

    stem = "stem: 客户信息的重要性体现在哪些方面？"
    assert stem in QUESTIONS
    root = write_root(tmp_path / "c", QUESTIONS.replace(stem, 'stem: "[bold]B[/]\\e[2J 客户信息"', 1))
    assert main(["--content", str(root), "list", "questions"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "[bold]B[/]" in out and "\\x1b[2J" in out
