"""Batch marking in the domain: reading JSON Lines, marking, totals per candidate."""

from __future__ import annotations

import json

from examprep.content import load_bank
from examprep.papers.batch import candidate_totals, mark_answers, read_answers

from test_cli_grade import write_root


def test_totals_keep_first_seen_order_and_count_real_answers(tmp_path):
    bank = load_bank(write_root(tmp_path))
    lines = [
        {"candidate": "Z9", "question": "q.demo.single", "answer": "B"},
        {"candidate": "A1", "question": "q.demo.recall", "answer": "   "},
        {"candidate": "Z9", "question": "q.demo.recall", "answer": "客户满意"},
        {"candidate": 7, "question": "q.demo.judge", "answer": True},
    ]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    good, problems = read_answers(text, "a.jsonl", bank)
    assert problems == []
    totals = candidate_totals(mark_answers(good, bank))
    assert [(t.candidate, t.answered, t.score, t.max) for t in totals] == [
        ("Z9", 2, 2.0, 5.0), ("A1", 0, 0.0, 4.0), ("7", 1, 1.0, 1.0)]
    assert totals[0].percent == 40.0


def test_marked_lines_keep_their_own_fields(tmp_path):
    bank = load_bank(write_root(tmp_path))
    text = json.dumps({"candidate": "C1", "question": "q.demo.single", "answer": "B", "room": 3})
    good, _ = read_answers(text, "a.jsonl", bank)
    data = mark_answers(good, bank)[0].to_json()
    assert data["room"] == 3 and data["score"] == 1.0 and data["correct"] is True
