"""The content model and the YAML loader."""

from .errors import ContentError, Problem
from .loader import load_bank, read_bank
from .model import Bank, Blueprint, Case, Point, Question, RubricPoint, Section

__all__ = [
    "Bank", "Blueprint", "Case", "ContentError", "Point", "Problem", "Question", "RubricPoint",
    "Section", "load_bank", "read_bank",
]
