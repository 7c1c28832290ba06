"""A candidate's answer as stored and as shown: JSON for the progress file, readable text for feedback.

Objective answers are structured values (a key, a set of keys, a bool, a number or a number as
typed, item indexes in the candidate's order); free-text answers are the text as typed.
"""

from __future__ import annotations

import json
from typing import Union

from ..content.model import Question

AnswerValue = Union[str, frozenset, bool, float, tuple, None]


def encode_answer(answer: AnswerValue) -> str:
    if isinstance(answer, (set, frozenset)):
        return json.dumps(sorted(answer), ensure_ascii=False)
    if isinstance(answer, tuple):
        return json.dumps(list(answer), ensure_ascii=False)
    return json.dumps(answer, ensure_ascii=False)


def decode_answer(question: Question, stored: str | None) -> AnswerValue:
    """The stored answer back as the value the grader takes; None when it cannot be read."""
    if stored is None:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    kind = question.type
    if kind == "multiple" and isinstance(value, list):
        return frozenset(str(v) for v in value)
    if kind == "order" and isinstance(value, list):
        return tuple(int(v) for v in value)
    if kind == "judge" and isinstance(value, bool):
        return value
    if kind == "calc" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind == "calc" and isinstance(value, str):  # a number as typed: 45%, 四十五
        return value
    if kind in ("single", "recall", "short") and isinstance(value, str):
        return value
    return None


def judge_text(value: bool) -> str:
    return "对" if value else "错"


def format_number(value: float) -> str:
    return f"{value:g}"


def answer_text(question: Question, answer: AnswerValue) -> str:
    """How an answer reads to a candidate: 'A、C', '对', '1、3、2', '12.5 %', or the text."""
    if answer is None or answer == "":
        return "（未作答）"
    kind = question.type
    if kind == "multiple" and isinstance(answer, (set, frozenset, tuple, list)):
        return "、".join(sorted(answer)) or "（未作答）"
    if kind == "judge" and isinstance(answer, bool):
        return judge_text(answer)
    if kind == "order" and isinstance(answer, (tuple, list)):
        return " → ".join(question.items[i] for i in answer if 0 <= i < len(question.items))
    if kind == "calc" and isinstance(answer, (int, float)):
        return format_number(float(answer)) + (f" {question.unit}" if question.unit else "")
    if kind == "calc" and question.unit and not str(answer).strip().endswith(question.unit):
        return f"{answer} {question.unit}"
    return str(answer)


def model_answer_text(question: Question) -> str:
    """The key, as a candidate reads it after answering."""
    kind = question.type
    options = question.option_map
    if kind == "single":
        key = str(question.answer)
        return f"{key}. {options.get(key, '')}".rstrip()
    if kind == "multiple":
        keys = sorted(question.answer or ())
        return "；".join(f"{k}. {options.get(k, '')}" for k in keys)
    if kind == "judge":
        return judge_text(bool(question.answer))
    if kind == "calc":
        text = format_number(float(question.answer))
        if question.unit:
            text += f" {question.unit}"
        if question.tolerance:
            text += f"（允许误差 ±{format_number(question.tolerance)}）"
        return text
    if kind == "order":
        return " → ".join(question.items)
    return "\n".join(f"{i}. {r.point}" for i, r in enumerate(question.rubric, 1))
