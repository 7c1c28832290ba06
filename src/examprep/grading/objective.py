"""Exact grading of the objective types: single and multiple choice, judge, calc and order.

Answers come either as typed text (what `grade` and `mark` read) or as the value a widget returns:

- single / multiple: option keys, "B", "AC", "A,C", "a、c"; or a set/tuple/list of keys.
- judge: 对/错, 正确/错误, true/false, T/F, √/×, yes/no; or a bool.
- calc: a number, with or without its unit, in full-width digits or Chinese numerals; or a float.
- order: the letters of the items *as presented* (`presented_order(question)` is the order shown,
  A the first item shown), e.g. "CABD"; or 1-based positions "3142"; or the item texts one per line
  or separated by ">"; or a list of item indexes (into `question.items`) in the candidate's order.
"""

from __future__ import annotations

import random
import re
import unicodedata

from ..content.model import Question
from .normalize import normalize_keyword
from .numbers import parse_number
from .results import Grading

TRUE_WORDS = frozenset({"对", "正确", "是", "真", "true", "t", "yes", "y", "√", "✓", "✔", "1", "o", "对的"})
FALSE_WORDS = frozenset({"错", "错误", "否", "假", "false", "f", "no", "n", "×", "✗", "✘", "x", "0", "不对",
                         "错的"})
_KEY_SPLIT = re.compile(r"[\s,，、;；/|+和及与]+")


def presented_order(question: Question, seed: int = 0) -> list[int]:
    """The order in which an order question's items are shown: indexes into `question.items`.
    Deterministic for a question and seed, and never the right order (when there are 2+ items)."""
    order = list(range(len(question.items)))
    random.Random(f"{question.id}#{seed}").shuffle(order)
    if len(order) >= 2 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isascii() and ch.isalpha()]


def read_keys(question: Question, answer) -> tuple[str, ...] | None:
    """The option keys a choice answer names, or None when it names none."""
    keys = [k for k, _ in question.options]
    by_upper = {k.upper(): k for k in keys}
    if isinstance(answer, str):
        text = _fold(answer)
        if not text:
            return None
        upper = text.upper()
        if upper in by_upper:
            return (by_upper[upper],)
        wanted = normalize_keyword(text)
        for key, option in question.options:  # the option's text typed out in full
            if wanted and normalize_keyword(option) == wanted:
                return (key,)
        parts = [p for p in _KEY_SPLIT.split(upper) if p]
        if parts and all(p in by_upper for p in parts):
            picked = [by_upper[p] for p in parts]
        else:
            picked = [by_upper.get(ch.upper()) for ch in _letters(text)]
            if not picked or None in picked:
                return None
        return tuple(sorted(set(picked)))
    if isinstance(answer, (set, frozenset, tuple, list)):
        picked = [by_upper.get(str(a).strip().upper()) for a in answer]
        if not picked or None in picked:
            return None
        return tuple(sorted(set(picked)))
    return None


def read_judgement(answer) -> bool | None:
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str):
        word = re.sub(r"[\s。.!！]", "", _fold(answer)).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return None


def read_number(answer) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, float)):
        return float(answer)
    if isinstance(answer, str):
        return parse_number(answer)
    return None


def read_order(question: Question, answer) -> list[int] | None:
    """The candidate's order as indexes into `question.items`, or None when it cannot be read."""
    n = len(question.items)
    shown = presented_order(question)
    if isinstance(answer, (list, tuple)) and all(isinstance(a, int) and not isinstance(a, bool)
                                                 for a in answer):
        return list(answer)
    if isinstance(answer, (list, tuple)):
        answer = "\n".join(str(a) for a in answer)
    if not isinstance(answer, str):
        return None
    text = _fold(answer)
    parts = [p.strip() for p in re.split(r"[>\n]|->|→", text) if p.strip()]
    if len(parts) <= 1:  # letters or positions in one word: "CABD", "C,A,B,D", "3142"
        compact = re.sub(r"[\s,，、;；.-]", "", text)
        parts = list(compact)
    order = []
    for part in parts:
        index = _read_order_part(question, shown, part)
        if index is None:
            return None
        order.append(index)
    return order if len(order) == n else None


def _read_order_part(question: Question, shown: list[int], part: str) -> int | None:
    n = len(shown)
    part = part.strip().rstrip(".、)）")
    if len(part) == 1 and part.isascii() and part.isalpha():
        position = ord(part.upper()) - ord("A")
        return shown[position] if 0 <= position < n else None
    if part.isdigit():
        position = int(part) - 1
        return shown[position] if 0 <= position < n else None
    wanted = normalize_keyword(part)
    items = [normalize_keyword(item) for item in question.items]
    if wanted in items:
        return items.index(wanted)
    containing = [i for i, item in enumerate(items) if wanted and (wanted in item or item in wanted)]
    return containing[0] if len(containing) == 1 else None


def expected_answer(question: Question) -> str:
    """The right answer written the way a candidate would type it."""
    if question.type == "single":
        return str(question.answer)
    if question.type == "multiple":
        return "".join(question.answer or ())
    if question.type == "judge":
        return "对" if question.answer else "错"
    if question.type == "calc":
        return f"{question.answer:g}{question.unit or ''}"
    if question.type == "order":
        position = {item: i for i, item in enumerate(presented_order(question))}
        return "".join(chr(ord("A") + position[i]) for i in range(len(question.items)))
    return ""


def grade_objective(question: Question, answer) -> Grading:
    given: str | None = None
    right = False
    if question.type == "single":
        keys = read_keys(question, answer)
        given = "".join(keys) if keys else None
        right = keys is not None and keys == (question.answer,)
    elif question.type == "multiple":
        keys = read_keys(question, answer)
        given = "".join(keys) if keys else None
        right = keys is not None and keys == tuple(question.answer or ())
    elif question.type == "judge":
        judgement = read_judgement(answer)
        given = None if judgement is None else ("对" if judgement else "错")
        right = judgement is not None and judgement == question.answer
    elif question.type == "calc":
        value = read_number(answer)
        given = None if value is None else f"{value:g}"
        right = value is not None and abs(value - float(question.answer)) <= question.tolerance + 1e-9
    elif question.type == "order":
        order = read_order(question, answer)
        if order is not None:
            position = {item: i for i, item in enumerate(presented_order(question))}
            given = "".join(chr(ord("A") + position[i]) if 0 <= i < len(position) else "?"
                            for i in order)
        right = order == list(range(len(question.items)))
    score = float(question.score) if right else 0.0
    return Grading(question.id, score, float(question.score), (), right,
                   expected_answer(question), given)
