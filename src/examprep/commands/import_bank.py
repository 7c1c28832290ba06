"""`examprep import FILE.xlsx|FILE.csv [-o DIR]`: a 题库 spreadsheet into a content root that `validate`
accepts; `import --template FILE.xlsx` writes the template. Rows that cannot be mapped are reported as
FILE:sheet:row:column: message and skipped (exit 1 once the rest is written)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import exit_codes
from . import messages as m
from .common import error


def _write_template(path: Path) -> int:
    from ..interchange import InterchangeError
    from ..interchange.template import write_template

    try:
        rows = write_template(path)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    print(m.TEMPLATE_WRITTEN.format(path=path, rows=rows))
    return exit_codes.OK


def run(args) -> int:
    if args.template:
        return _write_template(Path(args.template))
    if not args.file:
        error(m.IMPORT_NEEDS_FILE)
        return exit_codes.USAGE
    from ..checks import validate
    from ..content.model import KNOWN_LEVELS
    from ..interchange import InterchangeError
    from ..interchange.importer import import_workbook, write_content_root
    from ..interchange.table import read_workbook
    from ..kinds import QUESTION_TYPES, TYPE_TITLES

    if args.level not in KNOWN_LEVELS:
        error(m.IMPORT_UNKNOWN_LEVEL.format(level=args.level, levels=m.LIST_SEPARATOR.join(KNOWN_LEVELS)))
        return exit_codes.USAGE
    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_suffix("")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        error(m.IMPORT_OUTPUT_NOT_EMPTY.format(out=out))
        return exit_codes.INVALID
    try:
        book = read_workbook(source)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    if book.encoding:
        print(m.IMPORT_ENCODING.format(source=source, encoding=book.encoding))
    result = import_workbook(book, args.level)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.total:
        error(m.NOTHING_TO_IMPORT.format(source=source))
        return exit_codes.INVALID
    try:
        write_content_root(result, out)
    except OSError as err:
        error(m.CANNOT_WRITE.format(path=out, reason=err.strerror or err))
        return exit_codes.INVALID
    by_type = "，".join(f"{TYPE_TITLES.get(t, t)} {n}" for t, n in sorted(
        result.counts.items(), key=lambda item: QUESTION_TYPES.index(item[0])))
    print(m.IMPORTED.format(total=result.total, by_type=by_type, out=out))
    if result.unkeyed:
        print(m.UNKEYED.format(count=result.unkeyed))
    report = validate(out)
    for content_problem in report.problems:
        print(content_problem, file=sys.stderr)
    if report.problems:
        error(m.IMPORTED_PROBLEMS.format(count=len(report.problems)))
        return exit_codes.INVALID
    skipped = sum(1 for p in result.problems if p.message.endswith(m.ROW_NOT_IMPORTED_SUFFIX))
    if skipped:
        error(m.ROWS_NOT_IMPORTED.format(count=skipped))
        return exit_codes.INVALID
    return exit_codes.OK
