"""`examprep mark`: many answers at once, bad lines reported and skipped, a table per candidate."""

from __future__ import annotations

import io
import json
import sys
import types

import pytest

from examprep.cli import main

from test_cli_grade import write_root

LINES = [
    {"candidate": "C001", "question": "q.demo.recall", "answer": "企业决策的基础、客户分类的基础"},
    {"candidate": "C001", "question": "q.demo.single", "answer": "B"},
    {"candidate": "C002", "question": "q.demo.recall", "answer": "客戶滿意"},
    {"candidate": "C002", "question": "q.demo.judge", "answer": "错"},
    {"candidate": "C002", "question": "q.demo.order", "answer": [0, 1, 2]},
    {"candidate": "C003", "question": "q.demo.calc", "answer": "55%"},
    {"candidate": "C004", "question": "q.demo.fill", "answer": "决策|分类"},
    {"candidate": "C005", "question": "q.demo.fill", "answer": ["决策", "天气"]},
]


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "content")


def answers_file(tmp_path, lines, extra: list[str] = ()) -> str:
    path = tmp_path / "answers.jsonl"
    text = [json.dumps(line, ensure_ascii=False) for line in lines] + list(extra)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return str(path)


def mark(root, *args):
    return main(["mark", "--content", str(root), *args])


def test_default_is_a_table_per_candidate(root, tmp_path, capsys):
    assert mark(root, answers_file(tmp_path, LINES)) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:] if line.strip()}
    assert out.splitlines()[0].split() == ["考生", "已答", "得分", "满分", "%"]
    assert rows["C001"] == ["C001", "2", "3", "5", "60.0"]
    assert rows["C002"] == ["C002", "3", "2", "6", "33.3"]
    assert rows["C003"] == ["C003", "1", "2", "2", "100.0"]
    assert rows["C004"] == ["C004", "1", "2", "2", "100.0"]  # a fill answer, blanks split by |
    assert rows["C005"] == ["C005", "1", "1", "2", "50.0"]  # or given as a list


def test_json_adds_the_grading_to_each_line(root, tmp_path, capsys):
    for flag in (["--json"], ["--format", "json"]):
        assert mark(root, answers_file(tmp_path, LINES), *flag) == 0
        out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert len(out) == len(LINES)
        first = out[0]
        assert first["candidate"] == "C001" and first["answer"] == LINES[0]["answer"]
        assert first["question"] == "q.demo.recall" and first["score"] == 2.0 and first["max"] == 4.0
        assert [p["id"] for p in first["points"] if p["matched"]] == ["decision", "classify"]
        assert out[1]["points"] == [] and out[1]["correct"] is True
        assert out[4]["correct"] is True  # order given as item indexes


def test_bad_lines_are_reported_by_number_and_skipped(root, tmp_path, capsys):
    bad = [
        "this is not json",
        json.dumps({"candidate": "C009", "question": "q.demo.recal", "answer": "x"}),
        json.dumps({"candidate": "C009", "answer": "x"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps(LINES[0], ensure_ascii=False),  # the same candidate and question again
    ]
    path = answers_file(tmp_path, LINES[:2], bad)
    assert mark(root, path, "--json") == 1
    captured = capsys.readouterr()
    err = captured.err
    assert f"{path}:3: 不是 JSON" in err
    assert f"{path}:4: 未知的题目 'q.demo.recal'（是不是 'q.demo.recall'？）" in err
    assert f"{path}:5: 缺少 'question'" in err
    assert f"{path}:6: 每一行必须是一个 JSON 对象" in err
    assert f"{path}:8: C001 已在第 1 行回答过 q.demo.recall" in err
    assert ":7:" not in err  # a blank line is no problem
    assert len(captured.out.splitlines()) == 2


def test_output_file(root, tmp_path, capsys):
    out = tmp_path / "marks.jsonl"
    assert mark(root, answers_file(tmp_path, LINES), "--json", "-o", str(out)) == 0
    assert capsys.readouterr().out == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(LINES)
    table = tmp_path / "marks.txt"
    assert mark(root, answers_file(tmp_path, LINES), "-o", str(table)) == 0
    assert "C003" in table.read_text(encoding="utf-8")


def test_answers_from_stdin(root, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(LINES[0], ensure_ascii=False) + "\n"))
    assert mark(root, "-", "--json") == 0
    assert json.loads(capsys.readouterr().out)["score"] == 2.0


def test_missing_answers_file(root, tmp_path, capsys):
    assert mark(root, str(tmp_path / "none.jsonl")) == 1
    assert "无法读取" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [["--format", "csv"], ["--format", "html"], ["--paper", "manifest.json"]])
def test_reports_hand_over_to_mark_report(root, tmp_path, monkeypatch, extra):
    seen = []
    fake = types.ModuleType("examprep.commands.mark_report")
    fake.run = lambda args: seen.append(args) or 0
    monkeypatch.setitem(sys.modules, "examprep.commands.mark_report", fake)
    import examprep.commands as commands

    monkeypatch.setattr(commands, "mark_report", fake, raising=False)
    assert mark(root, answers_file(tmp_path, LINES), *extra) == 0
    assert len(seen) == 1


def test_a_lone_surrogate_in_an_answer_is_written_escaped(root, tmp_path, capsys):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"candidate": "C1", "question": "q.demo.recall", "answer": "\\ud800企业决策"}\n',
                    encoding="utf-8")
    assert mark(root, str(path), "--json") == 0
    out = capsys.readouterr().out
    assert "\\ud800" in out and json.loads(out)["score"] == 1.0
