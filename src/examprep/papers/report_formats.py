"""The marking report as a terminal table, JSON, CSV (for spreadsheets) or HTML (through templates/)."""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from collections.abc import Collection

from ..format import marks_text, visible
from .item_analysis import DISCRIMINATION_MIN, FACILITY_HIGH, FACILITY_LOW, FLAG_LABELS, GROUP_FRACTION
from .render import render_template
from .report import CandidateResult, MarkReport, PaperReport

THRESHOLDS_NOTE = (
    f"标记规则：难度系数 F（平均得分率）< {FACILITY_LOW:.2f} 为过难，> {FACILITY_HIGH:.2f} 为过易；"
    f"区分度 D（总分前 {GROUP_FRACTION:.0%} 与后 {GROUP_FRACTION:.0%} 考生在该题的平均得分率之差）"
    f"< {DISCRIMINATION_MIN:.2f} 为区分度低；题总相关 r（该题得分与其余各题总分的相关系数）"
    f"< {DISCRIMINATION_MIN:.2f} 为题总相关低；D 或 r 为负时标负区分，请先核对答案。"
    "α 为克龙巴赫 α 系数（试卷的内部一致性，0.7 以上较好）。考生少于 30 人时各项指标仅供参考。"
)


def _figure(value: float | None, digits: int = 2, missing: str = "—") -> str:
    return missing if value is None else f"{value:.{digits}f}"


def _paper_name(paper: str | None) -> str:
    return f"{paper} 卷" if paper else "全部答卷"


def flag_text(flags) -> str:
    return "；".join(FLAG_LABELS[f] for f in flags)


def paper_summary(paper: PaperReport) -> str:
    s = paper.stats
    return (f"{_paper_name(paper.paper)}：{s.candidates} 名考生，满分 {marks_text(paper.total)} 分，"
            f"平均 {_figure(s.mean, 1)}，标准差 {_figure(s.sd, 1)}，α = {_figure(s.alpha)}，"
            f"上下组各 {s.group_size} 人")


def question_marks(candidate: CandidateResult) -> str:
    return " ".join(f"{q.number}:{marks_text(q.marks)}" for q in candidate.questions)


def missed_points(candidate: CandidateResult) -> str:
    parts = []
    for q in candidate.questions:
        if q.missed:
            parts.append(f"{q.number}. " + "、".join(q.missed))
        elif not q.correct and q.key:
            answered = "未答" if not q.answered else _answer_text(q.answer)
            parts.append(f"{q.number}. 答 {answered}，应为 {q.key}")
    return "；".join(parts)


def _answer_text(answer) -> str:
    if isinstance(answer, (list, tuple)):
        return "".join(str(a) for a in answer)
    if isinstance(answer, bool):
        return "对" if answer else "错"
    return " ".join(str(answer).split())


def _heading(report: MarkReport) -> str:
    if report.title:
        return f"{report.title} — 阅卷报告（蓝图 {report.blueprint}，随机种子 {report.seed}）"
    return "阅卷报告"


# -- plain-text table -------------------------------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _table(header: list[str], rows: list[list[str]], right: Collection[int] = frozenset()) -> list[str]:
    rows = [[visible(cell, newlines=False) for cell in row] for row in rows]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    return [line(header), *(line(r) for r in rows)]


def report_table(report: MarkReport) -> str:
    out = [_heading(report), ""]
    for paper in report.papers:
        out += [paper_summary(paper), ""]
        header = ["考生", "试卷", "总分", *[t.split("、")[0] for t in paper.sections]]
        rows = [[c.candidate, c.paper or "—", f"{marks_text(c.total)}/{marks_text(c.max)}",
                 *[marks_text(s.marks) for s in c.sections]] for c in paper.candidates]
        out += _table(header, rows, right=set(range(2, len(header))))
        out += ["", "逐题得分与未得分要点："]
        for c in paper.candidates:
            out.append(f"  {c.candidate}  {question_marks(c)}")
            missed = missed_points(c)
            if missed:
                out.append(f"    未得分：{missed}")
        out += ["", f"试题分析（{_paper_name(paper.paper)}）："]
        rows = [[str(i.number), i.id, marks_text(i.max), _figure(i.stats.facility),
                 _figure(i.stats.discrimination), _figure(i.stats.item_rest), flag_text(i.stats.flags)]
                for i in paper.items]
        out += _table(["题号", "试题", "满分", "难度F", "区分度D", "题总相关r", "标记"], rows,
                      right={0, 2, 3, 4, 5})
        out.append("")
    out.append(THRESHOLDS_NOTE)
    out += [f"注意：{w}" for w in report.warnings]
    # Names, answers and key points come from the sheets and the bank: shown, never obeyed.
    return "\n".join(visible(line, newlines=False) for line in out) + "\n"


# -- JSON -----------------------------------------------------------------------------------------------
def report_dict(report: MarkReport) -> dict:
    return {
        "title": report.title, "blueprint": report.blueprint, "seed": report.seed,
        "thresholds": {"facility_low": FACILITY_LOW, "facility_high": FACILITY_HIGH,
                       "discrimination_min": DISCRIMINATION_MIN, "group_fraction": GROUP_FRACTION},
        "papers": [{
            "paper": p.paper, "total": p.total, "candidates": p.stats.candidates,
            "mean": p.stats.mean, "sd": p.stats.sd, "alpha": p.stats.alpha, "group_size": p.stats.group_size,
            "items": [{
                "number": i.number, "question": i.id, "section": i.section, "max": i.max,
                "facility": i.stats.facility, "discrimination": i.stats.discrimination,
                "item_rest": i.stats.item_rest, "flags": list(i.stats.flags),
            } for i in p.items],
        } for p in report.papers],
        "candidates": [{
            "candidate": c.candidate, "paper": c.paper, "total": c.total, "max": c.max,
            "sections": [{"title": s.title, "score": s.marks, "max": s.max} for s in c.sections],
            "questions": [{
                "number": q.number, "question": q.id, "score": q.marks, "max": q.max,
                "answered": q.answered, "answer": q.answer, "key": q.key or None, "correct": q.correct,
                "missed": list(q.missed), "grading": q.grading,
            } for q in c.questions],
        } for c in report.candidates],
        "skipped": [{"line": p.line, "message": p.message} for p in report.skipped],
        "warnings": list(report.warnings),
    }


def report_json(report: MarkReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# -- CSV ------------------------------------------------------------------------------------------------
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A cell Excel will not run as a formula (OWASP CSV injection): text starting with = + - @, a
    tab or a carriage return gets a leading apostrophe, unless it is a plain number such as -1.5."""
    if not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        number = float(cell)
    except ValueError:
        return "'" + cell
    return cell if math.isfinite(number) and cell.strip() == cell else "'" + cell


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[spreadsheet_safe(c) for c in row] for row in rows])
    return buffer.getvalue()


def candidates_csv(report: MarkReport) -> str:
    """One row per candidate: total, each section, each question by its number, the points missed."""
    sections = report.papers[0].sections if report.papers else ()
    numbers = sorted({q.number for c in report.candidates for q in c.questions})
    rows: list[list] = [["candidate", "paper", "total", "max", *sections, *[f"Q{n}" for n in numbers], "missed"]]
    for c in report.candidates:
        by_number = {q.number: q for q in c.questions}
        rows.append([
            c.candidate, c.paper or "", marks_text(c.total), marks_text(c.max),
            *[marks_text(s.marks) for s in c.sections],
            *[marks_text(by_number[n].marks) if n in by_number else "" for n in numbers],
            missed_points(c),
        ])
    return _csv(rows)


def items_csv(report: MarkReport) -> str:
    rows: list[list] = [["paper", "number", "question", "section", "max", "facility", "discrimination",
                         "item_rest", "flags"]]
    for p in report.papers:
        for i in p.items:
            rows.append([p.paper or "", i.number, i.id, i.section, marks_text(i.max),
                         _figure(i.stats.facility, 3, ""), _figure(i.stats.discrimination, 3, ""),
                         _figure(i.stats.item_rest, 3, ""), " ".join(i.stats.flags)])
    return _csv(rows)


# -- HTML -----------------------------------------------------------------------------------------------
GRID_COLUMNS = 25  # questions per row of the printed score grid, so that it fits the A4 width


def _cell_class(result) -> str:
    if not result.answered or result.marks <= 1e-9:
        return "zero"
    return "part" if result.marks < result.max - 1e-9 else ""


def _section_bars(view) -> list[tuple[str, float, str]]:
    return [(s.title, s.fraction, f"{s.mean:.1f}/{marks_text(s.max)}（{100 * s.fraction:.0f}%）")
            for s in view.sections]


def report_html(report: MarkReport, bank=None, manifest=None) -> str:
    """The printable report; with the bank, also the class view (summary, charts, weak points, grid,
    distractor analysis)."""
    from . import charts
    from .class_report import class_report

    class_view = class_report(report, bank, manifest) if bank is not None else None
    views = None
    if class_view is not None:
        by_paper = {v.report.paper: v for v in class_view.papers}
        views = [by_paper.get(p.paper) for p in report.papers]
    return render_template(
        "report.html.j2", report=report, heading=_heading(report), thresholds=THRESHOLDS_NOTE,
        paper_summary=paper_summary, paper_name=_paper_name, figure=_figure, flag_text=flag_text,
        missed_points=missed_points, class_view=class_view, views=views, charts=charts,
        cell_class=_cell_class, section_bars=_section_bars, grid_columns=GRID_COLUMNS,
    )
