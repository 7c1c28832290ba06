"""Marking on several processes gives what one process gives, in the same order."""

from __future__ import annotations

import json

from examprep.cli import main
from examprep.papers import parallel

from test_cli_grade import write_root


def square(n: int) -> int:
    return n * n


def test_results_come_back_in_input_order_from_the_workers():
    items = list(range(1000))
    assert list(parallel.map_in_order(square, items, workers=2, chunk=7)) == [n * n for n in items]


def test_one_worker_or_one_chunk_stays_in_this_process():
    assert list(parallel.map_in_order(square, range(5), workers=2, chunk=100)) == [0, 1, 4, 9, 16]
    assert list(parallel.map_in_order(square, range(30), workers=1, chunk=4)) == [n * n for n in range(30)]
    assert list(parallel.map_in_order(square, [], workers=2)) == []


def test_mark_output_is_byte_identical_with_workers(tmp_path, monkeypatch, capsys):
    root = write_root(tmp_path / "content")
    answers = ["企业决策的基础，客户分类", "不是客户满意的基础", "开展工作", "B", "对"]
    questions = ["q.demo.recall"] * 3 + ["q.demo.single", "q.demo.judge"]
    sheet = tmp_path / "sheet.jsonl"
    sheet.write_text("".join(
        json.dumps({"candidate": f"C{i // 5}", "question": questions[i % 5], "answer": answers[i % 5]},
                   ensure_ascii=False) + "\n" for i in range(400)) + "not json\n\n"
        # a second answer in a later chunk than the first, and a question the bank lacks
        + json.dumps({"candidate": "C0", "question": "q.demo.recall", "answer": "x"}) + "\n"
        + json.dumps({"candidate": "C1", "question": "q.demo.nothing", "answer": "x"}) + "\n", encoding="utf-8")
    outputs = {}
    errors = {}
    for name, chunk in (("one process", 10_000), ("workers", 16)):
        monkeypatch.setattr(parallel, "CHUNK", chunk)
        for fmt in ("--json", None):
            out = tmp_path / f"{name}-{fmt}.txt"
            args = ["mark", str(sheet), "--content", str(root), "-o", str(out)] + ([fmt] if fmt else [])
            assert main(args) == 1  # the bad lines are skipped, the rest marked
            outputs[name, fmt] = out.read_bytes()
            errors[name, fmt] = capsys.readouterr().err
    assert errors["one process", "--json"] == errors["workers", "--json"] == errors["workers", None]
    assert "第 1 行" in errors["workers", "--json"] and "q.demo.nothing" in errors["workers", "--json"]
    assert outputs["one process", "--json"] == outputs["workers", "--json"]
    assert outputs["one process", None] == outputs["workers", None]
    assert outputs["workers", "--json"].count(b"\n") == 240  # 80 candidates, 3 questions each
