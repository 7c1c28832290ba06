"""Time the 题库 spreadsheet and LMS formats on a large generated bank (load_bank.py's generator).

Usage: python benchmarks/interchange_speed.py [--questions 5000]
Prints the seconds for each export (xlsx, CSV, Moodle XML, GIFT, Anki) and for importing the xlsx and
the CSV back into a content root, with the questions each step carried.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from load_bank import generate

from examprep.content import load_bank
from examprep.interchange.anki import write_apkg
from examprep.interchange.gift import gift
from examprep.interchange.importer import import_workbook, write_content_root
from examprep.interchange.moodle_xml import moodle_xml
from examprep.interchange.selection import select_questions
from examprep.interchange.spreadsheet import export_spreadsheet
from examprep.interchange.table import read_workbook


def timed(label: str, fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    print(f"{label:24s} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        generate(base / "bank", max(20, args.questions // 5), args.questions)
        bank = load_bank(base / "bank")
        questions = select_questions(bank)
        print(f"{len(questions)} questions")
        timed("export xlsx", export_spreadsheet, questions, bank, base / "bank.xlsx")
        timed("export csv", export_spreadsheet, questions, bank, base / "bank.csv")
        text, skipped = timed("export moodle-xml", moodle_xml, questions, bank)
        print(f"{'':24s} {len(text) / 1e6:7.1f} MB, {len(skipped)} left out")
        text, skipped = timed("export gift", gift, questions, bank)
        print(f"{'':24s} {len(text) / 1e6:7.1f} MB, {len(skipped)} left out")
        timed("export anki", write_apkg, questions, bank, base / "bank.apkg")
        for suffix in ("xlsx", "csv"):
            book = timed(f"read {suffix}", read_workbook, base / f"bank.{suffix}")
            result = timed(f"import {suffix}", import_workbook, book)
            timed(f"write {suffix} root", write_content_root, result, base / f"again-{suffix}")
            print(f"{'':24s} {result.total} questions, {len(result.problems)} problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
