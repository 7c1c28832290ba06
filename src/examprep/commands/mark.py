"""`examprep mark ANSWERS.jsonl`: grade many answers; a per-candidate table, or JSON Lines with --json.

Bad lines are reported on stderr as `ANSWERS.jsonl:LINE: problem` and skipped (exit 1 once the rest is
marked). With --paper, or --format csv/html, the examiner's report in `mark_report` takes over.
The answers are read, marked and written one line at a time: memory holds the per-candidate totals
and which questions each candidate answered, never the answers. A line over 1 MiB is refused by its
number. With -o the output goes to a temporary file renamed into place, never over the answers file.
"""

from __future__ import annotations

import json
import sys

from .. import exit_codes
from ..format import marks_text
from . import messages as m
from .common import error, load_bank_or_report
from .text_input import answer_stream


def json_line(m) -> str:
    """One marked answer as a line of strict JSON."""
    data = m.to_json()
    line = json.dumps(data, ensure_ascii=False, allow_nan=False)
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800") in the input: keep it escaped
            line = json.dumps(data, allow_nan=False)
    return line + "\n"


def table(totals, file) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..format import visible

    grid = Table(box=None, header_style="bold", pad_edge=False)
    grid.add_column(m.MARK_COLUMNS[0])
    for name in m.MARK_COLUMNS[1:]:
        grid.add_column(name, justify="right")
    for t in totals:
        grid.add_row(Text(visible(t.candidate, newlines=False)), str(t.answered), marks_text(t.score),
                     marks_text(t.max), f"{t.percent:.1f}")
    console = Console(file=file, highlight=False, width=120) if file is not sys.stdout else Console(
        highlight=False)
    console.print(grid)


def run(args) -> int:
    fmt = getattr(args, "format", None)
    from ..interchange.answer_sheet import is_sheet

    if getattr(args, "paper", None) or fmt in ("csv", "html") or is_sheet(args.answers):
        from . import mark_report

        return mark_report.run(args)
    from .output import OutputError, refuse_input

    if args.output:
        try:
            refuse_input(args.output, [args.answers])
        except OutputError as err:
            error(str(err))
            return exit_codes.INVALID
    with answer_stream(args.answers) as stream:
        if stream is None:
            return exit_codes.INVALID
        bank = load_bank_or_report(args)
        if bank is None:
            return exit_codes.INVALID
        return _mark(stream, args, bank)


def _mark(stream, args, bank) -> int:
    from ..content.errors import Problem
    from ..papers.batch import FirstAnswers, Totals, mark_line, numbered_lines, parse_line, unknown_question
    from ..papers.parallel import map_in_order
    from .output import os_reason, replaced_file

    as_json = args.json or getattr(args, "format", None) == "json"
    source = args.answers
    skipped = marked = 0
    totals = Totals()
    first = FirstAnswers(bank)

    def work(item):
        """What one input line becomes (read, checked and marked on a worker): a Problem, None for a
        blank line, or (line, candidate, question, its JSON line or its marks for the table)."""
        if isinstance(item, Problem):
            return item
        number, text = item
        line = parse_line(number, text, source, keep_fields=as_json)
        if line is None or isinstance(line, Problem):
            return line
        problem = unknown_question(source, line, bank)
        if problem is not None:
            return problem
        marks = mark_line(line, bank)
        return line.line, line.candidate, line.question, json_line(marks) if as_json else marks.totals_entry()

    def write_all(out) -> None:
        nonlocal skipped, marked
        for result in map_in_order(work, numbered_lines(stream, source)):
            if result is None:
                continue
            if not isinstance(result, Problem):
                number, candidate, question, output = result
                # a second answer to a question is refused here, in input order (it was marked for
                # nothing on its worker: a rare waste that keeps the workers independent)
                result = first.refuse(source, number, candidate, question) or output
            if isinstance(result, Problem):
                skipped += 1
                print(m.NOT_MARKED.format(problem=result), file=sys.stderr)
                continue
            marked += 1
            if as_json:
                out.write(result)
            else:
                totals.add_entry(*result)
        if not as_json:
            table(totals.result(), out)

    try:
        if args.output:
            with replaced_file(args.output) as out:
                write_all(out)
        else:
            write_all(sys.stdout)
    except OSError as err:
        if isinstance(err, BrokenPipeError):
            raise
        error(m.CANNOT_WRITE_TO.format(path=args.output or m.STDOUT_NAME, reason=os_reason(err)))
        return exit_codes.INVALID
    if skipped:
        error(m.MARK_TOTALS.format(skipped=skipped, marked=marked))
        return exit_codes.INVALID
    return exit_codes.OK
