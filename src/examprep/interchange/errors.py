"""What can go wrong moving a bank in or out, with messages in Chinese that name the place."""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class RowProblem:
    """A spreadsheet cell (or row, or sheet) that could not be read: FILE:sheet:row:column: message.

    A CSV file has no sheets, so its `sheet` is empty and the place reads FILE:row:column."""

    file: str
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row > 0:
            parts.append(str(self.row))
        if self.column:
            parts.append(self.column)
        return f"{':'.join(parts)}: {self.message}"


class InterchangeError(Exception):
    """A file that cannot be read or written at all; the message is for the user."""


class MissingExtra(InterchangeError):
    """An optional library is not installed; the message names the extra that brings it."""


# module -> the examprep extra that installs it
EXTRAS = {"openpyxl": "xlsx", "genanki": "anki"}


def require(module: str, purpose: str):
    """Import an optional library, or raise MissingExtra saying which extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRAS[module]
        raise MissingExtra(
            f"{purpose}需要 {module}，它属于可选组件 {extra}：请运行 pip install 'examprep[{extra}]'"
        ) from None
