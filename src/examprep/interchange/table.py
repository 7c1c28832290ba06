"""Reading and writing spreadsheets as plain rows of text: xlsx through openpyxl, CSV in UTF-8 or GBK.

A sheet is its name and its rows, each row numbered as the spreadsheet numbers it (the header is row 1
when it is the first line), so that problems can point at `FILE:sheet:row:column`.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InterchangeError, require

# (codec, the name printed for it); tried in this order
CSV_ENCODINGS = (("utf-8-sig", "UTF-8（带 BOM）"), ("utf-8", "UTF-8"), ("gb18030", "GBK"))


@dataclass(frozen=True)
class Sheet:
    name: str  # "" for a CSV file
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number, cells as text)


@dataclass(frozen=True)
class Workbook:
    path: str
    sheets: tuple[Sheet, ...]
    encoding: str | None = None  # the CSV encoding detected, as named to the user


def cell_text(value) -> str:
    """A cell as the text a person sees in it (1 not 1.0, 正确/错误 for TRUE/FALSE)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "正确" if value else "错误"
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def decode_csv(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was in."""
    for codec, label in CSV_ENCODINGS:
        if codec == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise InterchangeError(f"{name}: 无法识别文件编码（支持 UTF-8、带 BOM 的 UTF-8 和 GBK）")


def read_workbook(path: Path | str) -> Workbook:
    """Every sheet of an .xlsx file, or the one table of a .csv file."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InterchangeError(f"{name}: 只能读取 .xlsx 或 .csv 文件")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InterchangeError(f"无法读取 {name}：{err.strerror or err}") from None
    if suffix == ".csv":
        text, encoding = decode_csv(data, name)
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = [(n, tuple(_unguard(c) for c in cells)) for n, cells in enumerate(reader, 1)
                if any(c.strip() for c in cells)]
        return Workbook(name, (Sheet("", tuple(rows)),), encoding)
    openpyxl = require("openpyxl", "读取 .xlsx 文件")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise InterchangeError(f"{name}: 不是有效的 .xlsx 文件（{type(err).__name__}）") from None
    sheets = []
    try:
        for ws in book.worksheets:
            rows = []
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = tuple(cell_text(v) for v in values)
                if any(c.strip() for c in cells):
                    rows.append((number, cells))
            sheets.append(Sheet(ws.title, tuple(rows)))
    finally:
        book.close()
    return Workbook(name, tuple(sheets))


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]], Sequence[int]]]) -> None:
    """Write sheets (name, rows with the header first, column widths) to an .xlsx file.

    Written in openpyxl's write-only mode (rows streamed, several times faster on a large bank); text
    is always stored as text, never as a formula ("=1+1" stays what it says)."""
    openpyxl = require("openpyxl", "写入 .xlsx 文件")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    book = openpyxl.Workbook(write_only=True)
    for title, rows, widths in sheets:
        ws = book.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        for number, row in enumerate(rows):
            cells = []
            for value in row:
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                if number == 0:
                    cell.font = bold
                elif value not in (None, ""):
                    cell.alignment = wrap
                cells.append(cell)
            ws.append(cells)
    book.save(path)


def csv_text(rows: Sequence[Sequence[object]]) -> str:
    """Rows as CSV text (the caller writes it with a BOM so that Excel reads the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_guard(v) for v in row])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@")


def _guard(value):
    """A CSV cell that a spreadsheet shows as written: text beginning = + - @ would run as a formula,
    so it gets a leading apostrophe, which `_unguard` takes off again when the file is read back."""
    text = "" if value is None else str(value)
    if text[:1] in FORMULA_STARTS and not _is_number(text):
        return "'" + text
    return text


def _unguard(text: str) -> str:
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False
