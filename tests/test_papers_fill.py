"""A fill question on a printed paper: its numbered blanks, its key, and marking typed sheets with
item analysis."""

from __future__ import annotations

import pytest

from examprep.papers.batch import AnswerLine
from examprep.papers.draw import draw_paper
from examprep.papers.manifest import manifest_json, read_manifest
from examprep.papers.render import render_key, render_paper
from examprep.papers.report import mark_with_manifest, mark_without_manifest

from test_practice_fixtures import sample_bank

BLANKS = "客户信息是企业（\u3000\u30001\u3000\u3000）的基础，也是客户（\u3000\u30002\u3000\u3000）的基础。"


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return sample_bank(tmp_path_factory.mktemp("bank"), with_fill=True)


@pytest.fixture(scope="module")
def paper(bank):
    return draw_paper(bank, bank.blueprints["mock-fill"], 1)


def test_the_paper_numbers_the_blanks(paper):
    html = render_paper(paper, "html")
    assert f'<span class="num">1.</span>{BLANKS}<span class="q-marks">（2 分）</span>' in html
    assert "请在各题的括号内填写正确答案。" in html
    md = render_paper(paper, "md")
    assert f"**1\\.** {BLANKS}（2 分）" in md or f"**1.** {BLANKS}（2 分）" in md
    assert "决策" not in html and "决策" not in md  # the answers are not on the paper


def test_the_key_gives_each_blank_and_its_alternatives(paper):
    html = render_key(paper, "html")
    assert "<td>1</td>\n<td>（1）决策；（2）分类（或：细分）</td>\n<td>2</td>" in html
    md = render_key(paper, "md")
    assert "| 1 | （1）决策；（2）分类（或：细分） | 2 | 两个基础。 `q.fill` |" in md


def test_marking_sheets_and_item_analysis(bank, paper, tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text(manifest_json([paper]), encoding="utf-8")
    manifest = read_manifest(path)
    judge = next(i for i in paper.items if i.question.type == "judge")
    answers = {"C1": "决策|分类", "C2": "决策|天气", "C3": "", "C4": ["决策", "细分"]}
    lines = [AnswerLine(n, c, "q.fill", a) for n, (c, a) in enumerate(answers.items(), 1)]
    lines += [AnswerLine(10 + n, c, judge.id, "√" if c in ("C1", "C4") else "×") for n, c in enumerate(answers)]
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    results = {c.candidate: c.questions[0] for c in report.candidates}
    assert {c: (r.marks, r.answered) for c, r in results.items()} == {
        "C1": (2, True), "C2": (1, True), "C3": (0, False), "C4": (2, True)}
    assert results["C2"].missed == ("第2空：分类",) and results["C3"].missed == ("第1空：决策", "第2空：分类")
    assert results["C1"].key == "决策 | 分类"
    fill_row = report.papers[0].items[0]
    assert fill_row.id == "q.fill" and fill_row.stats.facility == pytest.approx(5 / 8)
    without = mark_without_manifest(lines, bank, "s.jsonl")
    assert "填空" in without.papers[0].sections
