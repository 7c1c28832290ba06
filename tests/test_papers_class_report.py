"""The class view of the marking report: summary figures, histogram, ranks, section averages, weak
knowledge points, distractor analysis, warnings, and the printable HTML (inline SVG, print CSS)."""

from __future__ import annotations

import pytest
from test_papers_bank import make_bank_root

from examprep.content import load_bank
from examprep.papers.batch import AnswerLine
from examprep.papers.class_report import (
    class_report,
    competition_ranks,
    histogram,
    score_summary,
)
from examprep.papers.draw import draw_paper
from examprep.papers.manifest import manifest_json, read_manifest
from examprep.papers.report import mark_with_manifest
from examprep.papers.report_formats import report_html


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    bank = load_bank(make_bank_root(base / "bank"))
    paper = draw_paper(bank, bank.blueprints["mini"], 4, "A")
    path = base / "manifest.json"
    path.write_text(manifest_json([paper]), encoding="utf-8")
    return bank, paper, read_manifest(path)


def _wrong_letter(item) -> str:
    return next(letter for letter, _ in item.choices if letter not in item.key)


def _class(bank, paper, manifest):
    """Four strong candidates answer everything right; four weak ones answer only question 1, wrongly."""
    first = paper.items[0]
    lines = []
    for n in range(1, 5):
        for item in paper.items:
            answer = item.model_answer if item.question.is_free_text else item.key
            lines.append(AnswerLine(len(lines) + 1, f"S{n}", str(item.number), answer, "A"))
    for n in range(1, 5):
        lines.append(AnswerLine(len(lines) + 1, f"W{n}", "1", _wrong_letter(first), "A"))
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    return report, class_report(report, bank, manifest)


def test_histogram_bins_and_ranks():
    assert histogram([0, 9.9, 10, 55, 100], 100) == (
        ("0–10", 2), ("10–20", 1), ("20–30", 0), ("30–40", 0), ("40–50", 0), ("50–60", 1),
        ("60–70", 0), ("70–80", 0), ("80–90", 0), ("90–100", 1))
    assert competition_ranks([90, 80, 80, 70]) == [1, 2, 2, 4]


def test_score_summary_figures():
    s = score_summary([40, 60, 60, 90], 100, 60)
    assert (s.candidates, s.mean, s.median, s.highest, s.lowest, s.passed) == (4, 62.5, 60, 90, 40, 3)
    assert s.pass_rate == 0.75 and round(s.sd, 3) == 17.854


def test_the_class_view_of_a_marked_paper(printed):
    bank, paper, manifest = printed
    report, view = _class(bank, paper, manifest)
    (pv,) = view.papers
    assert pv.summary.candidates == 8 and pv.summary.highest == paper.total and pv.summary.lowest == 0
    assert pv.summary.pass_mark == 0.6 * paper.total and pv.summary.passed == 4
    assert [r.rank for r in pv.grid] == [1, 1, 1, 1, 5, 5, 5, 5]
    assert [s.fraction for s in pv.sections] == [0.5] * len(paper.sections)
    # distractors of question 1: the upper two chose the key, the lower two the wrong letter
    first = paper.items[0]
    d1 = next(d for d in pv.distractors if d.number == first.number)
    by_letter = {o.letter: o for o in d1.options}
    assert d1.group_size == 2 and d1.key == first.key
    assert (by_letter[first.key].upper, by_letter[first.key].lower, by_letter[first.key].everyone) == (2, 0, 4)
    wrong = by_letter[_wrong_letter(first)]
    assert (wrong.upper, wrong.lower, wrong.everyone, wrong.is_key) == (0, 2, 4, False)
    # option texts are as the paper printed them (its shuffle), not in the bank's order
    assert [o.text for o in d1.options] == [text for _, text in first.choices]
    # every question lost half its marks, so each point tested lost 50%
    assert view.weak_points and all(w.lost == 0.5 for w in view.weak_points)
    assert {w.source for w in view.weak_points} == {"测试来源"}
    assert view.weak_points[0].title.startswith("考点")
    assert view.warnings == ("A 卷只有 8 名考生（少于 30 人）：难度、区分度和 α 仅供参考",)
    assert pv.stems[first.number] == first.question.stem  # short stems print whole
    assert pv.types[first.number] == "单项选择"


def test_a_negative_alpha_is_warned_about(printed):
    bank, paper, manifest = printed
    singles = [i for i in paper.items if i.question.type == "single"][:2]
    # two questions that the candidates get right in turn: answers disagree, alpha is negative
    pattern = [(1, 0), (0, 1), (1, 0), (0, 1), (0, 0)]
    lines = []
    for n, rights in enumerate(pattern, start=1):
        for item, right in zip(singles, rights):
            answer = item.key if right else _wrong_letter(item)
            lines.append(AnswerLine(len(lines) + 1, f"C{n}", str(item.number), answer, "A"))
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    view = class_report(report, bank, manifest)
    assert report.papers[0].stats.alpha < 0
    assert any("α 为负" in w and "请先核对答案" in w for w in view.warnings)


def test_the_html_report_is_one_printable_file(printed):
    bank, paper, manifest = printed
    report, _ = _class(bank, paper, manifest)
    html = report_html(report, bank, manifest)
    for heading in ("成绩概况", "各大题平均分", "失分最多的考点", "逐题得分", "试题分析", "选择题选项分析"):
        assert f">{heading}" in html
    assert html.count("<svg") >= 3 and "<script" not in html and "<img" not in html
    assert "合格率" in html and "合格线 " in html
    assert "<thead>" in html and "display: table-header-group" in html and "break-inside: avoid" in html
    assert 'class="text nowrap">单项选择' in html  # 题型 never wraps one character a line
    assert "1:2　2:" not in html  # the grid replaced the "1:2 2:0 …" text


def test_variants_get_a_combined_summary(printed, tmp_path):
    bank, _, _ = printed
    papers = [draw_paper(bank, bank.blueprints["mini"], 4, v) for v in "AB"]
    path = tmp_path / "manifest.json"
    path.write_text(manifest_json(papers), encoding="utf-8")
    manifest = read_manifest(path)
    lines = []
    for paper in papers:
        for n in range(3):
            for item in paper.items[: n + 1]:
                answer = item.model_answer if item.question.is_free_text else item.key
                lines.append(AnswerLine(len(lines) + 1, f"{paper.variant}{n}", str(item.number), answer,
                                        paper.variant))
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    view = class_report(report, bank, manifest)
    assert view.combined is not None and view.combined.candidates == 6
    assert view.combined.total == papers[0].total
    assert "全部试卷汇总（2 套）" in report_html(report, bank, manifest)


def test_the_blueprints_pass_mark_goes_through_the_manifest(tmp_path):
    from test_papers_bank import BLUEPRINT

    bank = load_bank(make_bank_root(tmp_path / "bank", blueprints={"mini.yaml": BLUEPRINT + "pass_mark: 12\n"}))
    assert bank.blueprints["mini"].pass_mark == 12
    paper = draw_paper(bank, bank.blueprints["mini"], 4, "A")
    path = tmp_path / "manifest.json"
    path.write_text(manifest_json([paper]), encoding="utf-8")
    manifest = read_manifest(path)
    assert manifest.variants["A"].pass_mark == 12
    report, view = _class(bank, paper, manifest)
    assert view.papers[0].summary.pass_mark == 12 and view.papers[0].summary.passed == 4
