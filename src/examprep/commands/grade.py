"""`examprep grade QUESTION_ID`: grade one answer and show which key points it earned, and where.

Colour on a terminal; when piped, plain text with the matched words in 【…】.
"""

from __future__ import annotations

import json
import sys

from .. import exit_codes
from ..content.fields import did_you_mean
from ..format import marks_text
from ..grading.explain import point_detail
from ..kinds.order import position_line
from . import messages as m
from .common import error, load_bank_or_report
from .text_input import read_text


def _read_answer(args) -> str | None:
    if args.answer is not None:
        return args.answer
    return read_text(args.file, m.ANSWER_PROMPT)


def highlighted(answer: str, grading, color: bool):
    """The answer (or, when long, the text around each match) with the matched stretches marked:
    a rich Text in colour, or 【…】 in plain text."""
    from rich.text import Text

    from ..format import visible_with_spans
    from ..grading.excerpt import excerpt

    shown = excerpt(answer, [p.span for p in grading.points if p.span is not None])
    # The answer is echoed to a terminal: its control characters are shown, not obeyed.
    safe, spans = visible_with_spans(shown.text, shown.spans)
    if color:
        text = Text(safe)
        for a, b in spans:
            text.stylize("bold green underline", a, b)
    else:
        out, cursor = [], 0
        for a, b in spans:
            out.append(safe[cursor:a])
            out.append(f"【{safe[a:b]}】")
            cursor = b
        out.append(safe[cursor:])
        text = Text("".join(out))
    if shown.shortened:
        text.append(m.LONG_ANSWER.format(length=len(answer)), style="dim" if color else "")
    return text


def report(question, answer: str, grading, color: bool) -> list:
    """The lines `grade` prints, as rich Text."""
    from rich.text import Text

    from ..format import visible

    lines = [Text(m.QUESTION_HEADING.format(ident=question.id, title=question.title, score=marks_text(question.score)),
                  style="bold" if color else ""),
             Text(question.shown_stem().strip())]
    lines += [Text(f"  {letter}. {text}") for letter, text in question.shown_choices()]
    lines.append(Text(""))
    score = Text(m.SCORE_LINE.format(score=marks_text(grading.score), max=marks_text(grading.max)))
    if color:
        score.stylize("bold green" if grading.correct else "bold yellow" if grading.score else "bold red")
    lines.append(score)
    if not question.reports_points:
        verdict = Text(m.RIGHT if grading.correct else m.WRONG, style=("green" if grading.correct else "red")
                       if color else "")
        if not grading.correct:
            given = grading.given if grading.given is not None else m.UNREADABLE
            verdict.append(visible(m.EXPECTED_GIVEN.format(expected=grading.expected, given=given)))
        lines.append(verdict)
        for p in grading.positions:
            place = Text("  ✓ " if p.right else "  ✗ ", style=("green" if p.right else "red") if color else "")
            place.append(visible(position_line(p)))
            lines.append(place)
        return lines
    for p in grading.points:
        mark = Text("  ✓ " if p.hit else "  ✗ ", style=("green" if p.hit else "red") if color else "")
        mark.append(f"{p.point}  ")
        mark.append(f"+{marks_text(p.earned)}" if p.hit else "0", style="bold" if color else "")
        if p.hit:
            mark.append(f"  「{visible(p.matched)}」", style="green" if color else "")
        detail = point_detail(p)
        if detail:
            shown = visible(detail)
            mark.append(f"（{shown}）" if p.hit else f"  {shown}", style="dim" if color else "")
        lines.append(mark)
    lines.append(Text(""))
    answer_line = Text(m.ANSWER_LINE)
    answer_line.append_text(highlighted(answer, grading, color))
    lines.append(answer_line)
    return lines


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    question = bank.questions.get(args.question_id)
    if question is None:
        error(m.UNKNOWN_QUESTION.format(ident=args.question_id,
                                        hint=did_you_mean(args.question_id, bank.questions)))
        return exit_codes.INVALID
    answer = _read_answer(args)
    if answer is None:
        return exit_codes.INVALID
    # Bytes that are not UTF-8 reach us as lone surrogates; one "?" each keeps every offset in place.
    answer = answer.encode("utf-8", "replace").decode("utf-8")
    grading = question.grade(answer)
    if args.json:
        print(json.dumps({**grading.to_json(), "answer": answer}, ensure_ascii=False, allow_nan=False))
        return exit_codes.OK
    color = sys.stdout.isatty()
    if color:
        from rich.console import Console

        console = Console(highlight=False)
        for line in report(question, answer, grading, True):
            console.print(line)
    else:
        for line in report(question, answer, grading, False):
            print(line.plain)
    return exit_codes.OK
