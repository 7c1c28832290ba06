"""Banks in and out of other tools: the 题库 spreadsheet template (xlsx, CSV), Moodle XML, GIFT and Anki.

Heavy libraries (openpyxl, genanki) are optional extras, imported only when a format needs them.
"""

from .errors import InterchangeError, MissingExtra, RowProblem

__all__ = ["InterchangeError", "MissingExtra", "RowProblem"]
