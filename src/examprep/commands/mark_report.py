"""The examiner's report of `examprep mark`: with --paper, or --format csv/html (mark.py hands over).

Per candidate the total, each section, each question and the key points missed; per question the item
analysis (facility, discrimination, corrected point-biserial) and the paper's Cronbach's alpha.
Formats: table (default), json (one document; --json too), csv (one row per candidate; with -o OUT
also OUT-items.csv with the item analysis; a BOM so that Excel reads the Chinese), html (printable).
With -o the report goes to OUT, else to stdout. Skipped lines are listed on stderr and make the exit
code 1 after the rest is marked, as plain `mark` does.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from .. import exit_codes
from . import messages as m
from .common import error, load_bank_or_report


def _format(args) -> str:
    if getattr(args, "format", None):
        return args.format
    return "json" if getattr(args, "json", False) else "table"


def _items_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}-items{output.suffix or '.csv'}")


def run(args) -> int:
    from ..content.errors import ContentError
    from ..interchange import InterchangeError
    from ..interchange.answer_sheet import is_sheet, read_sheet_answers
    from ..papers import report_formats as formats
    from ..papers.manifest import read_manifest
    from ..papers.report import mark_with_manifest, mark_without_manifest
    from .output import OutputError, os_reason, refuse_input, write_file
    from .text_input import answer_stream, read_answer_lines

    fmt = _format(args)
    sheet = is_sheet(args.answers)
    if sheet and not args.paper:
        error(m.SHEET_NEEDS_MANIFEST.format(source=args.answers))
        return exit_codes.INVALID
    if not sheet:
        with answer_stream(args.answers) as stream:
            if stream is None:
                return exit_codes.INVALID
            typed = read_answer_lines(stream, str(args.answers), keep_fields=False)
    manifest = None
    if args.paper:
        try:
            manifest = read_manifest(args.paper)
        except ContentError as err:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            return exit_codes.INVALID
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID

    if sheet:
        try:
            lines, problems, source = read_sheet_answers(args.answers)
        except InterchangeError as err:
            error(str(err))
            return exit_codes.INVALID
    else:
        source = str(args.answers)
        lines, problems = typed
    try:
        if manifest is not None:
            report = mark_with_manifest(lines, manifest, bank, source)
        else:
            report = mark_without_manifest(lines, bank, source)
    except LookupError as err:
        error(str(err.args[0]))
        return exit_codes.INVALID
    report = replace(report, skipped=tuple(sorted([*problems, *report.skipped])))
    _print_skipped(report.skipped, lines)
    for warning in report.warnings:
        error(warning)
    if not report.candidates:
        error(m.NOTHING_TO_MARK.format(source=args.answers))
        return exit_codes.INVALID

    output = Path(args.output) if args.output else None
    extra: dict[Path, str] = {}
    if output is not None and fmt == "csv":
        extra[_items_path(output)] = ""
    try:
        for path in ([output, *extra] if output is not None else []):
            refuse_input(path, [args.answers, args.paper])
    except OutputError as err:
        error(str(err))
        return exit_codes.INVALID
    if fmt == "table":
        body = formats.report_table(report)
    elif fmt == "json":
        body = formats.report_json(report)
    elif fmt == "csv":
        body = formats.candidates_csv(report)
        if output is not None:
            extra[_items_path(output)] = formats.items_csv(report)
    else:
        body = formats.report_html(report, bank, manifest)
    if output is None:
        sys.stdout.write(body)
        return _finish(report)
    # Excel opens a UTF-8 CSV with Chinese text correctly only when it starts with a BOM.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        write_file(output, body, encoding=encoding)
        for path, data in extra.items():
            write_file(path, data, encoding=encoding)
    except OSError as err:
        error(m.CANNOT_WRITE.format(path=output, reason=os_reason(err)))
        return exit_codes.INVALID
    for path in [output, *extra]:
        print(path)
    return _finish(report)


def _print_skipped(skipped, lines) -> None:
    """A summary per candidate first, then each line, then the count: hundreds of skipped lines must
    not hide which candidates lost answers."""
    if not skipped:
        return
    from ..papers.report import skipped_by_candidate

    summary = m.SUMMARY_SEPARATOR.join(m.CANDIDATE_LINES.format(who=who, count=n)
                                     for who, n in skipped_by_candidate(skipped, lines))
    print(m.SKIPPED_PER_CANDIDATE.format(summary=summary), file=sys.stderr)
    for problem in skipped:
        print(m.NOT_MARKED.format(problem=problem), file=sys.stderr)


def _finish(report) -> int:
    """As plain `mark` does: the report is written, and skipped lines still make the exit code 1."""
    if report.skipped:
        marked = sum(q.answered for c in report.candidates for q in c.questions)
        error(m.MARK_TOTALS.format(skipped=len(report.skipped), marked=marked))
        return exit_codes.INVALID
    return exit_codes.OK
