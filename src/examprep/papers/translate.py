"""Translating what a candidate writes on a printed paper into what the grader reads for the bank.

A paper prints options and order items shuffled; its letters are not the bank's. Both a drawn
`PaperItem` and a manifest's `ManifestQuestion` carry the shuffles (`option_order`, `item_order`), so
marking a typed sheet and the trainer's mock exam translate answers the same way.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

from ..content.model import Question
from .draw import LETTERS, printed_key

# Separators a candidate may put between letters or positions: "C,A,B,D", "C A B D", "3-1-4-2".
_ORDER_SEPARATORS = re.compile(r"[\s,，、;；.\-]")


class Shuffles(Protocol):
    option_order: tuple[str, ...]  # the bank's option keys printed as A, B, C, …
    item_order: tuple[int, ...]  # the bank's item indexes printed as A, B, C, …


def _letters(answer) -> list[str]:
    if isinstance(answer, (list, tuple)):
        answer = "".join(str(a) for a in answer)
    text = unicodedata.normalize("NFKC", str(answer)).upper()
    return [ch for ch in text if "A" <= ch <= "Z"]


def is_blank(answer) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple)):
        return not answer
    return False


def _positions(answer) -> list[int] | None:
    """An order answer written as letters ("CABD") or 1-based positions ("3142"), as 0-based positions
    on the paper; None when it is written another way (the items' texts, which need no translating)."""
    if isinstance(answer, (list, tuple)):
        answer = "".join(str(a) for a in answer)
    compact = _ORDER_SEPARATORS.sub("", unicodedata.normalize("NFKC", str(answer))).upper()
    if compact and all("A" <= ch <= "Z" for ch in compact):
        return [LETTERS.index(ch) for ch in compact]
    if compact.isdigit():
        return [int(ch) - 1 for ch in compact]
    return None


def to_bank_answer(question: Question, entry: Shuffles | None, answer):
    """The answer as the grader reads it for the bank's question, from what was written on the paper.

    Choice letters go through the paper's option shuffle back to the bank's keys, and order letters or
    positions through its item shuffle to item indexes. A letter the paper did not print cannot match
    and is marked wrong; an answer with no letters (an option's text written out) goes as it is.
    """
    if entry is None:
        return answer
    if question.type in ("single", "multiple") and entry.option_order:
        letters = _letters(answer)
        if not letters:
            return answer
        printed = len(entry.option_order)
        not_a_key = next(ch for ch in LETTERS if ch not in entry.option_order)
        return "".join(entry.option_order[LETTERS.index(ch)] if LETTERS.index(ch) < printed else not_a_key
                       for ch in letters)
    if question.type == "order" and entry.item_order:
        positions = _positions(answer)
        if positions is None:
            return answer
        printed = len(entry.item_order)
        return [entry.item_order[p] if 0 <= p < printed else printed for p in positions]
    return answer


def paper_key(question: Question, entry: Shuffles | None) -> str:
    """The correct answer as the candidate should have written it on this paper (calc with its unit).
    Without a paper, in the bank's letters and the grader's default order of order items."""
    if entry is None:
        from ..grading import presented_order

        option_order = tuple(k for k, _ in question.options)
        item_order = tuple(presented_order(question)) if question.type == "order" else ()
    else:
        option_order, item_order = entry.option_order, entry.item_order
    key = printed_key(question, option_order, item_order)
    return key + (question.unit or "") if question.type == "calc" else key
