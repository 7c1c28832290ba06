"""`examprep class report` and the class screen's printable twin: the class view as JSON or as one
HTML file that prints (charts as inline SVG)."""

from __future__ import annotations

import json
from datetime import date

from .claims import CLAIM, CONCEDE, QuestionClaims
from .class_progress import Accuracy, ClassProgress, ExamResults, exam_pass_mark

TOPIC_BARS_SHOWN = 30
CLAIM_DIRECTIONS = {CLAIM: "认为答到了", CONCEDE: "认为没答到"}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def week_label(view: ClassProgress) -> str:
    return f"本周（{_day(view.week_start)}–{_day(view.today)}）"


def _day(day: date) -> str:
    return f"{day.month}月{day.day}日"


def pass_mark_text(results: ExamResults) -> str:
    if results.pass_mark is None:
        return "满分的 60%"
    return f"{results.pass_mark:g} 分"


def _accuracy(row: Accuracy) -> dict:
    return {"id": row.ident, "title": row.title, "level": row.level, "topic": row.topic_title,
            "answers": row.answers, "correct": row.correct, "candidates": row.candidates,
            "accuracy": row.accuracy, "score_rate": row.score_rate}


def progress_dict(view: ClassProgress) -> dict:
    """Everything the class view shows, keyed in English for tools (ids as in the bank)."""
    return {
        "today": view.today.isoformat(), "week_start": view.week_start.isoformat(),
        "candidates": view.candidates, "practised_this_week": view.practised_this_week,
        "activity": [{"account": a.account, "name": a.name, "answers": a.answers, "correct": a.correct,
                      "days": a.days, "accuracy": a.accuracy, "last_day": a.last_day} for a in view.activity],
        "topics": [_accuracy(t) for t in view.topics],
        "points": [_accuracy(p) for p in view.points],
        "weakest_points": [_accuracy(p) for p in view.weakest],
        "exams": [{"blueprint": e.blueprint, "title": e.title, "pass_mark": e.pass_mark,
                   "candidates": e.candidates, "passed": e.passed, "pass_rate": e.pass_rate,
                   "mean_percent": e.mean_percent,
                   "sittings": [{"account": s.account, "name": s.name, "submitted_at": s.submitted_at.isoformat(),
                                 "score": s.score, "max": s.max, "passed": s.passed,
                                 "pass_mark": exam_pass_mark(s.max, e.pass_mark)} for s in e.sittings]}
                  for e in view.exams],
        "claims": [_question_claims(q) for q in view.claims],
    }


def _question_claims(q: QuestionClaims) -> dict:
    return {"question": q.question_id, "stem": q.stem, "points": [
        {"point_id": p.point_id, "point": p.point, "claims": p.count(CLAIM), "concedes": p.count(CONCEDE),
         "settled": p.settled,
         "answers": [{"account": a.stored.claim.account, "direction": a.direction, "answer": a.text,
                      "settled": a.settled} for a in p.answers]}
        for p in q.points]}


def progress_json(view: ClassProgress) -> str:
    return json.dumps(progress_dict(view), ensure_ascii=False, indent=2) + "\n"


def topic_bars(view: ClassProgress) -> list[tuple[str, float, str]]:
    answered = [t for t in view.topics if t.answers]
    answered.sort(key=lambda t: (t.accuracy or 0.0, t.ident))
    shown = answered[:TOPIC_BARS_SHOWN]
    return [(t.title, t.accuracy or 0.0, f"{percent(t.accuracy)}（{t.answers} 次）") for t in shown]


def progress_html(view: ClassProgress, title: str, levels: dict[str, str]) -> str:
    from ..papers import charts
    from ..papers.render import render_template

    return render_template("class_progress.html.j2", view=view, title=title, week=week_label(view),
                           percent=percent, pass_mark_text=pass_mark_text, topic_bars=topic_bars(view),
                           charts=charts, levels=levels, directions=CLAIM_DIRECTIONS, CLAIM=CLAIM,
                           CONCEDE=CONCEDE)
