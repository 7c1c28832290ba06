"""What `validate` needs from several layers: a content root as the loader reads it, its `examples:`
graded, its blueprints drawn against its questions."""

from .validate import ValidationReport, validate

__all__ = ["ValidationReport", "validate"]
