"""`examprep claims [--question ID] [--json]`: the candidates' claims on rubric points, grouped by
point, with each answer's text, what the grader matched then and what it says now, for an
instructor to turn into keywords or synonyms. The progress file is only read."""

from __future__ import annotations

import json
from datetime import datetime

from .. import exit_codes
from ..format import marks_text
from . import messages as m
from .common import error, load_bank_or_report, store_location


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..practice.claims import claims_report
    from ..practice.store import StoreError, open_store_read_only

    try:
        store = open_store_read_only(store_location(args))
    except StoreError as err:
        error(str(err))
        return exit_codes.INVALID
    try:
        stored = store.claims(args.question, every_account=True)
    finally:
        store.close()
    if args.question and not stored and args.question not in bank.questions:
        from ..content.fields import did_you_mean

        error(m.UNKNOWN_QUESTION.format(ident=args.question, hint=did_you_mean(args.question, bank.questions)))
        return exit_codes.INVALID
    report = claims_report(bank, stored)
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_text(report, args.question))
    return exit_codes.OK


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _view(earned: bool | None, matched: str | None) -> str:
    if earned is None:
        return m.CLAIMS_GONE
    if not earned:
        return m.CLAIMS_NOT_EARNED
    return m.CLAIMS_EARNED + (f"「{matched}」" if matched else "")


def report_text(report, question_id: str | None) -> str:
    if not report:
        return m.NO_CLAIMS_FOR_QUESTION.format(question=question_id) if question_id else m.NO_CLAIMS
    total = sum(q.total for q in report)
    lines = [m.CLAIMS_HEADING.format(claims=total, questions=len(report))]
    for q in report:
        lines.append("")
        stem = " ".join(q.stem.split()) if q.stem is not None else m.CLAIMS_QUESTION_GONE
        lines.append(m.CLAIMS_QUESTION.format(question=q.question_id, stem=stem, count=q.total))
        for p in q.points:
            lines.append(m.CLAIMS_POINT.format(point_id=p.point_id, point=" ".join(p.point.split())))
            counts = [m.CLAIMS_COUNT[d].format(count=p.count(d)) for d in m.CLAIMS_COUNT if p.count(d)]
            if p.settled:
                counts.append(m.CLAIMS_SETTLED.format(count=p.settled))
            lines.append("    " + m.LIST_SEPARATOR.join(counts))
            for a in p.answers:
                s = a.stored
                who = m.CLAIMS_ACCOUNT.format(account=s.account) if s.account else ""
                lines.append(m.CLAIMS_ANSWER_HEAD.format(
                    when=_time(s.claim.made_at), direction=m.CLAIMS_DIRECTION[a.direction], who=who,
                    score=marks_text(s.score), max=marks_text(s.max),
                    claimed=marks_text(s.claimed_score if s.claimed_score is not None else s.score)))
                lines.append(m.CLAIMS_ANSWER_TEXT.format(answer=" ".join(a.text.split()) or m.CLAIMS_EMPTY))
                lines.append(m.CLAIMS_VIEWS.format(
                    then=_view(s.claim.grader_earned > 0, s.claim.grader_matched),
                    now=_view(a.now_earned, a.now_matched)))
    return "\n".join(lines)


def report_json(report) -> dict:
    """The JSON of `--json` (its keys are documented in the README)."""
    return {
        "claims": sum(q.total for q in report),
        "questions": [{
            "question": q.question_id,
            "stem": q.stem,
            "in_bank": q.stem is not None,
            "points": [{
                "id": p.point_id,
                "point": p.point,
                "claims": p.count("claim"),
                "concedes": p.count("concede"),
                "settled": p.settled,
                "answers": [_answer_json(a) for a in p.answers],
            } for p in q.points],
        } for q in report],
    }


def _answer_json(a) -> dict:
    s = a.stored
    return {
        "answer_id": s.answer_id,
        "account": s.account,
        "direction": a.direction,
        "answer": a.text,
        "answered_at": s.claim.answered_at.isoformat(),
        "claimed_at": s.claim.made_at.isoformat(),
        "score": s.score,
        "max": s.max,
        "claimed_score": s.claimed_score,
        "grader_earned": s.claim.grader_earned > 0,
        "grader_matched": s.claim.grader_matched,
        "now_earned": a.now_earned,
        "now_matched": a.now_matched,
        "settled": a.settled,
    }
