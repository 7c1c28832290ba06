"""The content model and the YAML loader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ContentError, Problem
from .model import Bank, Blueprint, Case, Point, Question, RubricPoint, Section

if TYPE_CHECKING:
    from .loader import load_bank, read_bank

__all__ = [
    "Bank", "Blueprint", "Case", "ContentError", "Point", "Problem", "Question", "RubricPoint",
    "Section", "load_bank", "read_bank",
]


def __getattr__(name: str) -> Any:
    # The loader reads each question through its kind (examprep.kinds), which stands on the model and
    # on grading; so it is loaded when asked for, and importing the model does not pull in the kinds.
    if name in ("load_bank", "read_bank"):
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
