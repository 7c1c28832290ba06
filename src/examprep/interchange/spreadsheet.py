"""The bank as the 题库 template (xlsx or CSV): the same columns `examprep import` reads, so that a bank
exported and imported again is the same bank (case studies stay out: the template has no scenario)."""

from __future__ import annotations

from pathlib import Path

from ..content.model import Bank, Question
from . import columns as col
from .cells import answer_cells, number_text
from .errors import InterchangeError
from .importer import DIFFICULTY_TAG
from .table import csv_text, write_xlsx

SHEET_NAME = "题库"


def question_cells(question: Question, bank: Bank) -> dict[str, str]:
    points = [bank.points[p] for p in question.points if p in bank.points]
    topic = bank.topics.get((points[0].level, points[0].topic)) if points else None
    difficulty = [t[len(DIFFICULTY_TAG):] for t in question.tags if t.startswith(DIFFICULTY_TAG)]
    tags = [t for t in question.tags if not t.startswith(DIFFICULTY_TAG)]
    cells = {
        col.TYPE: col.type_name(question.type),
        col.STEM: question.stem,
        **answer_cells(question),
        col.EXPLANATION: question.explanation or "",
        col.SCORE: number_text(question.score),
        col.DIFFICULTY: difficulty[0] if difficulty else "",
        col.POINTS: "\n".join(p.title for p in points),
        col.CHAPTER: topic.title if topic else "",
        col.TAGS: "、".join(tags),
        col.ID: question.id,
        col.LEVEL: bank.level_title(question.level).split("/")[0],
        col.POINT_IDS: "\n".join(question.points),
        col.NOTE: question.note or "",
    }
    return cells


def rows_of(cells: list[dict[str, str]]) -> list[list[str]]:
    return [list(col.COLUMNS)] + [[c.get(name, "") for name in col.COLUMNS] for c in cells]


def widths() -> list[int]:
    return [col.WIDTHS.get(name, 10) for name in col.COLUMNS]


def write_rows(path: Path, rows: list[list[str]], notes: list[list[str]] | None = None) -> None:
    """Write template rows as .xlsx (with an optional 说明 sheet) or as CSV with a BOM for Excel."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            sheets = [(SHEET_NAME, rows, widths())]
            if notes:
                sheets.append(("说明", notes, [14, 90]))
            write_xlsx(path, sheets)
        elif suffix == ".csv":
            path.write_text(csv_text(rows), encoding="utf-8-sig", newline="")
        else:
            raise InterchangeError(f"{path}: 题库表只能写成 .xlsx 或 .csv")
    except OSError as err:
        raise InterchangeError(f"无法写入 {path}：{err.strerror or err}") from None


def export_spreadsheet(questions: list[Question], bank: Bank, path: Path) -> int:
    """Write the standalone questions; the number of case questions left out."""
    standalone = [q for q in questions if q.case_id is None]
    write_rows(path, rows_of([question_cells(q, bank) for q in standalone]))
    return len(questions) - len(standalone)
