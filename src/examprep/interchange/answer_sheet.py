"""Answer sheets as examiners collect them: one row per candidate, one column per printed question
number, the paper variant in its own column. `paper --sheet` writes the empty sheet (xlsx and CSV),
`mark SHEET --paper manifest.json` reads a filled one into the answer lines the marking report takes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..content.errors import Problem
from ..format import marks_text
from ..papers.batch import AnswerLine
from .table import Sheet, csv_text, read_workbook, write_xlsx

CANDIDATE = "考生"
PAPER = "试卷"
CANDIDATE_HEADERS = {"考生", "姓名", "考号", "准考证号", "考生编号", "学号", "candidate"}
PAPER_HEADERS = {"试卷", "卷别", "卷", "试卷类型", "paper", "variant"}
NUMBER_HEADER = re.compile(r"^(?:第)?(\d+)(?:题)?$")
SHEET_TITLE = "答题卡"


def _fold(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text)).lower()


def sheet_header(papers) -> list[str]:
    count = max(len(p.items) for p in papers)
    return [CANDIDATE, PAPER, *(str(n) for n in range(1, count + 1))]


def sheet_notes(papers) -> list[list[str]]:
    """The 说明 sheet: what each numbered column is on each variant."""
    rows = [["试卷", "题号", "题型", "分值", "大题"]]
    for paper in papers:
        for section in paper.sections:
            for item in section.all_items:
                rows.append([paper.variant, str(item.number), item.question.title,
                             marks_text(item.marks), section.title])
    return rows


def write_sheets(papers, folder: Path) -> list[Path]:
    """sheet.xlsx and sheet.csv in `folder`: the header row (and in xlsx a 说明 sheet). Raises
    MissingExtra before writing anything when openpyxl is not installed."""
    from .errors import require

    require("openpyxl", "写入 .xlsx 答题卡")
    header = sheet_header(papers)
    rows = [header]
    xlsx = folder / "sheet.xlsx"
    widths = [14, 6] + [6] * (len(header) - 2)
    write_xlsx(xlsx, [(SHEET_TITLE, rows, widths), ("说明", sheet_notes(papers), [6, 6, 10, 6, 30])])
    csv_path = folder / "sheet.csv"
    csv_path.write_text(csv_text(rows), encoding="utf-8-sig", newline="")
    return [xlsx, csv_path]


def is_sheet(path: str) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".csv")


def _header_of(sheet: Sheet) -> tuple[int, dict[int, str], int | None, int | None] | None:
    """(row, {column: question number}, candidate column, paper column) of the first header row."""
    for number, cells in sheet.rows[:5]:
        folded = [_fold(c) for c in cells]
        candidate = next((i for i, c in enumerate(folded) if c in CANDIDATE_HEADERS), None)
        if candidate is None:
            continue
        paper = next((i for i, c in enumerate(folded) if c in PAPER_HEADERS), None)
        numbers = {}
        for i, cell in enumerate(folded):
            match = NUMBER_HEADER.match(cell)
            if match and i not in (candidate, paper):
                numbers[i] = str(int(match.group(1)))
        return number, numbers, candidate, paper
    return None


def read_sheet_answers(path: str) -> tuple[list[AnswerLine], list[Problem], str]:
    """The answers of a filled sheet as lines (question = the printed number), the rows that cannot be
    read, and the name to report problems under (FILE:sheet for xlsx). Raises InterchangeError."""
    from .errors import InterchangeError

    book = read_workbook(path)
    for sheet in book.sheets:
        header = _header_of(sheet)
        if header is None:
            continue
        name = f"{path}:{sheet.name}" if sheet.name else str(path)
        return (*_read_rows(sheet, header, name), name)
    raise InterchangeError(f"{path}: 找不到答题卡的表头（须有“{CANDIDATE}”列和题号列 1、2、3…；"
                           f"可用 examprep paper … --sheet 生成答题卡）")


def _read_rows(sheet: Sheet, header, name: str) -> tuple[list[AnswerLine], list[Problem]]:
    header_row, numbers, candidate_col, paper_col = header
    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    if not numbers:
        problems.append(Problem(name, header_row, "表头没有题号列（1、2、3…）"))
    for row, cells in sheet.rows:
        if row <= header_row:
            continue

        def cell(index: int | None, cells: Sequence[str] = cells) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        candidate = cell(candidate_col)
        answers = [(numbers[i], cell(i)) for i in sorted(numbers) if cell(i)]
        if not candidate:
            if answers:
                problems.append(Problem(name, row, f"这一行有答案但“{CANDIDATE}”列为空"))
            continue
        paper = cell(paper_col).upper() or None
        for number, answer in answers:
            data = {"candidate": candidate, "question": number, "answer": answer}
            if paper:
                data["paper"] = paper
            lines.append(AnswerLine(row, candidate, number, answer, paper, data))
    return lines, problems
