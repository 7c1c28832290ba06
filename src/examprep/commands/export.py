"""`examprep export --format moodle-xml|gift|xlsx|anki [-o FILE] [--level L] [--topic T]`: the bank, or a
level or topic of it, for Moodle, a spreadsheet or Anki. Questions a format cannot hold are listed."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import exit_codes
from . import messages as m
from .common import error, load_bank_or_report
from .output import os_reason, replaced_path, write_file

DEFAULT_NAMES = m.DEFAULT_EXPORT_NAMES


def run(args) -> int:
    from ..interchange import InterchangeError
    from ..interchange.selection import SelectionError, select_questions

    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    try:
        questions = select_questions(bank, args.level, args.topic)
    except SelectionError as err:
        error(str(err))
        return exit_codes.USAGE
    if not questions:
        error(m.NOTHING_TO_EXPORT)
        return exit_codes.INVALID
    path = Path(args.output or DEFAULT_NAMES[args.format])
    notes: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if args.format == "xlsx":
            from ..interchange.spreadsheet import export_spreadsheet

            with replaced_path(path) as temporary:
                left_out = export_spreadsheet(questions, bank, temporary)
            if left_out:
                notes.append(m.CASE_QUESTIONS_LEFT_OUT.format(count=left_out))
            written = len(questions) - left_out
        elif args.format == "anki":
            from ..interchange.anki import write_apkg

            with replaced_path(path) as temporary:
                written = write_apkg(questions, bank, temporary)
        else:
            if args.format == "gift":
                from ..interchange.gift import gift as convert
            else:
                from ..interchange.moodle_xml import moodle_xml as convert
            text, skipped = convert(questions, bank)
            write_file(path, text)
            notes.extend(m.NOT_EXPORTED.format(question=s.question, reason=s.reason) for s in skipped)
            written = len(questions) - len(skipped)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    except OSError as err:
        error(m.CANNOT_WRITE.format(path=path, reason=os_reason(err)))
        return exit_codes.INVALID
    for note in notes:
        print(note, file=sys.stderr)
    print(m.EXPORTED.format(count=written, path=path))
    return exit_codes.OK
