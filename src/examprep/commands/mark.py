"""`examprep mark ANSWERS.jsonl`: grade many answers; a per-candidate table, or JSON Lines with --json.

Bad lines are reported on stderr as `ANSWERS.jsonl:LINE: problem` and skipped (exit 1 once the rest is
marked). With --paper, or --format csv/html, the examiner's report in `mark_report` takes over.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import exit_codes
from .common import error, load_bank_or_report


def _read(path: str) -> str | None:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        error(f"cannot read {path}: {err.strerror or err}")
    except UnicodeDecodeError:
        error(f"{path} is not UTF-8 text")
    return None


def json_lines(marked) -> str:
    lines = []
    for m in marked:
        data = m.to_json()
        line = json.dumps(data, ensure_ascii=False)
        if not line.isascii():
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate ("\ud800") in the input: keep it escaped
                line = json.dumps(data)
        lines.append(line + "\n")
    return "".join(lines)


def table(totals, file) -> None:
    from rich.console import Console
    from rich.table import Table

    grid = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (("candidate", "left"), ("answered", "right"), ("score", "right"),
                          ("max", "right"), ("%", "right")):
        grid.add_column(name, justify=justify)
    for t in totals:
        grid.add_row(t.candidate, str(t.answered), f"{t.score:g}", f"{t.max:g}", f"{t.percent:.1f}")
    console = Console(file=file, highlight=False, width=120) if file is not sys.stdout else Console(
        highlight=False)
    console.print(grid)


def run(args) -> int:
    fmt = getattr(args, "format", None)
    from ..interchange.answer_sheet import is_sheet

    if getattr(args, "paper", None) or fmt in ("csv", "html") or is_sheet(args.answers):
        from . import mark_report

        return mark_report.run(args)
    as_json = args.json or fmt == "json"
    text = _read(args.answers)
    if text is None:
        return exit_codes.INVALID
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    from ..papers.batch import candidate_totals, mark_answers, read_answers

    lines, problems = read_answers(text, args.answers, bank)
    for problem in problems:
        print(f"{problem} (skipped)", file=sys.stderr)
    marked = mark_answers(lines, bank)
    out = None
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as err:
        error(f"cannot write {args.output}: {err.strerror or err}")
        return exit_codes.INVALID
    try:
        if as_json:
            out.write(json_lines(marked))
        else:
            table(candidate_totals(marked), out)
    finally:
        if out is not sys.stdout:
            out.close()
    if problems:
        error(f"{len(problems)} line(s) skipped, {len(marked)} marked")
        return exit_codes.INVALID
    return exit_codes.OK
