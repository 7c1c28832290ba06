"""`examprep export --format moodle-xml|gift|xlsx|anki [-o FILE] [--level L] [--topic T]`: the bank, or a
level or topic of it, for Moodle, a spreadsheet or Anki. Questions a format cannot hold are listed."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import exit_codes
from .common import error, load_bank_or_report
from .output import os_reason, replaced_path, write_file

DEFAULT_NAMES = {"moodle-xml": "题库.xml", "gift": "题库.gift.txt", "xlsx": "题库.xlsx", "anki": "题库.apkg"}


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
        error("所选范围内没有题目")
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
                notes.append(f"{left_out} 道案例分析小题未导出：题库表没有案例材料的位置")
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
            notes.extend(f"{s.question}: {s.reason}（未导出）" for s in skipped)
            written = len(questions) - len(skipped)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    except OSError as err:
        error(f"无法写入 {path}：{os_reason(err)}")
        return exit_codes.INVALID
    for note in notes:
        print(note, file=sys.stderr)
    print(f"已导出 {written} 道题到 {path}")
    return exit_codes.OK
