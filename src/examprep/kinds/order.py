"""Order questions (排序): items to put in the right order, always shown shuffled.

Answers typed: the letters of the items *as presented* ("CABD"; A is the first item shown), 1-based
positions ("3142"), or the item texts one per line or separated by ">"; from the trainer, the item
indexes (into `items`, 0 = first in the right order) in the candidate's order.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from ..content import messages as m
from ..content.fields import FieldReader
from ..content.model import Question, ReadContext, Shuffles
from ..grading.normalize import normalize_keyword
from ..grading.results import Grading, PositionResult
from .base import LETTERS, exact_grading, fold

# Separators a candidate may put between letters or positions: "C,A,B,D", "C A B D", "3-1-4-2".
_ORDER_SEPARATORS = re.compile(r"[\s,，、;；.\-]")


def position_line(p: PositionResult) -> str:
    """A place of an order answer as feedback reads it: 第2位：确认共识（应为：回顾要点）."""
    if p.right:
        return m.POSITION_RIGHT.format(n=p.position, expected=p.expected)
    return m.POSITION_WRONG.format(n=p.position, expected=p.expected, given=p.given or m.POSITION_NOTHING)


def never_in_order(order: list[int]) -> tuple[int, ...]:
    """A shuffled order that does not give the answer away: the right order is rotated by one."""
    if len(order) >= 2 and order == sorted(order):
        order = order[1:] + order[:1]
    return tuple(order)


@dataclass(frozen=True)
class Order(Question):
    items: tuple[str, ...] = ()

    TITLES: ClassVar[dict[str, str]] = {"order": "排序"}
    FIELDS: ClassVar[tuple[str, ...]] = ("items",)
    kind: ClassVar[str] = "order"

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        items = r.text_list("items", True)
        if "items" in r.data and len(items) < 2:
            r.fail(r.line("items"), m.ORDER_TOO_FEW_ITEMS)
        if len(set(items)) != len(items):
            r.fail(r.line("items"), m.ORDER_ITEMS_REPEAT)
        return {"items": items}

    def presented_order(self, seed: int = 0) -> tuple[int, ...]:
        """The order in which the trainer and `grade` show the items: indexes into `items`.
        Deterministic for a question and seed, and never the right order."""
        order = list(range(len(self.items)))
        random.Random(f"{self.id}#{seed}").shuffle(order)
        return never_in_order(order)

    def _shown(self, shuffle: Shuffles | None) -> tuple[int, ...]:
        if shuffle is not None and shuffle.item_order:
            return shuffle.item_order
        return self.presented_order()

    # -- answers ---------------------------------------------------------------------------------
    def parse_answer(self, text: str) -> tuple[int, ...] | None:
        shown = self._shown(None)
        text = fold(text)
        parts = [p.strip() for p in re.split(r"[>\n]|->|→", text) if p.strip()]
        if len(parts) <= 1:  # letters or positions in one word: "CABD", "C,A,B,D", "3142"
            parts = list(re.sub(r"[\s,，、;；.-]", "", text))
        order = []
        for part in parts:
            index = self._read_part(shown, part)
            if index is None:
                return None
            order.append(index)
        return tuple(order) if len(order) == len(self.items) else None

    def _read_part(self, shown: tuple[int, ...], part: str) -> int | None:
        n = len(shown)
        part = part.strip().rstrip(".、)）")
        if len(part) == 1 and part.isascii() and part.isalpha():
            position = ord(part.upper()) - ord("A")
            return shown[position] if 0 <= position < n else None
        if part.isdigit():
            position = int(part) - 1
            return shown[position] if 0 <= position < n else None
        wanted = normalize_keyword(part)
        items = [normalize_keyword(item) for item in self.items]
        if wanted in items:
            return items.index(wanted)
        containing = [i for i, item in enumerate(items) if wanted and (wanted in item or item in wanted)]
        return containing[0] if len(containing) == 1 else None

    def read(self, answer: Any) -> tuple[int, ...] | None:
        """The candidate's order as indexes into `items`, or None when it cannot be read."""
        if isinstance(answer, (list, tuple)) and all(isinstance(a, int) and not isinstance(a, bool)
                                                     for a in answer):
            return tuple(answer)
        if isinstance(answer, (list, tuple)):
            answer = "\n".join(str(a) for a in answer)
        return self.parse_answer(answer) if isinstance(answer, str) else None

    def letters(self, order: tuple[int, ...], shuffle: Shuffles | None = None) -> str:
        """An order (item indexes) in the letters shown; '?' for an index that is no item."""
        position = {item: i for i, item in enumerate(self._shown(shuffle))}
        return "".join(LETTERS[position[i]] if i in position else "?" for i in order)

    def grade(self, answer: Any) -> Grading:
        order = self.read(answer)
        given = self.letters(order) if order is not None else None
        grading = exact_grading(self, order == tuple(range(len(self.items))), given)
        return replace(grading, positions=self.positions(order)) if order is not None else grading

    def positions(self, order: tuple[int, ...]) -> tuple[PositionResult, ...]:
        """Each place of the right order with the item the candidate put there."""
        def item(i: int) -> str | None:
            return self.items[i] if 0 <= i < len(self.items) else None
        return tuple(PositionResult(n + 1, expected, item(order[n]) if n < len(order) else None,
                                    n < len(order) and order[n] == n)
                     for n, expected in enumerate(self.items))

    def key(self, shuffle: Shuffles | None = None) -> str:
        return self.letters(tuple(range(len(self.items))), shuffle)

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        return " → ".join(self.items)

    def keyed_order(self, shuffle: Shuffles | None = None) -> tuple[tuple[str, str], ...]:
        """The right order as (letter shown, item text): the key's explanation of an order item."""
        shown = dict(zip(self.key(shuffle), range(len(self.items))))
        return tuple((letter, self.items[i]) for letter, i in shown.items())

    def shown_choices(self, shuffle: Shuffles | None = None) -> tuple[tuple[str, str], ...]:
        return tuple((LETTERS[n], self.items[i]) for n, i in enumerate(self._shown(shuffle)))

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        order = self.read(answer) if answer is not None else None
        if order is None:
            return super().answer_text(answer)
        return " → ".join(self.items[i] for i in order if 0 <= i < len(self.items))

    def encode(self, answer: Any) -> str:
        return json.dumps(list(answer) if answer is not None else None)

    def decoded(self, value: Any) -> tuple[int, ...] | None:
        return tuple(int(v) for v in value) if isinstance(value, list) else None

    # -- papers ----------------------------------------------------------------------------------
    def shuffled(self, rng) -> tuple[tuple[str, ...], tuple[int, ...]]:
        order = list(range(len(self.items)))
        rng.shuffle(order)
        return (), never_in_order(order)

    def to_bank_answer(self, answer: Any, shuffle: Shuffles | None) -> Any:
        """Letters or positions on the paper through its item shuffle to item indexes; an answer
        written another way (the items' texts) needs no translating."""
        if shuffle is None or not shuffle.item_order:
            return answer
        text = "".join(str(a) for a in answer) if isinstance(answer, (list, tuple)) else str(answer)
        compact = _ORDER_SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
        if compact and all("A" <= ch <= "Z" for ch in compact):
            positions = [LETTERS.index(ch) for ch in compact]
        elif compact.isdigit():
            positions = [int(ch) - 1 for ch in compact]
        else:
            return answer
        printed = len(shuffle.item_order)
        return [shuffle.item_order[p] if 0 <= p < printed else printed for p in positions]

