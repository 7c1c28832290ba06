"""Choice questions: single (one key) and multiple (a set of keys), with options a paper may shuffle.

Answers typed: the keys, "B", "AC", "A,C", "a、c", or an option's text in full; from the trainer, a
key or a frozenset of keys.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ..content import messages as m
from ..content.fields import FieldReader
from ..content.model import Question, ReadContext, Shuffles
from ..content.yamlfile import YamlMap
from ..grading.normalize import normalize_keyword
from ..grading.results import Grading
from .base import LETTERS, exact_grading, fold

_KEY_SPLIT = re.compile(r"[\s,，、;；/|+和及与]+")
# Words that may stand around the letters of an answer without changing it ("选A", "答案是 B").
# Anything else (不是A, 非A, A不对, A或B) changes what the letters mean: such an answer is not read.
_FILLER = re.compile(r"答案|选择|答|选|是|为|[\s,，、;；/|+和及与:：.。]")
# An option that speaks about the other options ("以上都对") must stay where the author put it.
_REFERS_TO_OTHERS = re.compile(r"以上|上述|前述|均正确|均不正确|都正确|都不正确|都对|都不对|全部正确")
# A capital letter standing alone ("B、C属于…", "E错误", not "TPO"): maybe an option named by its key.
_STANDALONE_LETTER = re.compile(r"(?<![A-Za-z0-9])[A-Z](?![A-Za-z0-9])")


@dataclass(frozen=True)
class Choice(Question):
    options: tuple[tuple[str, str], ...] = ()

    FIELDS: ClassVar[tuple[str, ...]] = ("options", "answer")
    kind: ClassVar[str] = "choice"

    @property
    def option_map(self) -> dict[str, str]:
        return dict(self.options)

    @property
    def keys(self) -> tuple[str, ...]:
        """The right option keys, in the bank's order."""
        raise NotImplementedError

    # -- reading ---------------------------------------------------------------------------------
    @classmethod
    def read_options(cls, r: FieldReader) -> tuple[tuple[tuple[str, str], ...], list[str]]:
        data = r.data
        options = data.get("options")
        keys: list[str] = []
        pairs = []
        qtype = data.get("type")
        if not isinstance(options, YamlMap) or not options:
            r.fail(r.line("options") if "options" in data else data.line,
                   m.CHOICE_NEEDS_OPTIONS.format(qtype=qtype))
        else:
            for key, text in options.items():
                key = str(key)
                if text is None or isinstance(text, (list, dict)) or not str(text).strip():
                    r.fail(options.line_of(key), m.OPTION_NEEDS_TEXT.format(key=key))
                keys.append(key)
                pairs.append((key, str(text).strip() if text is not None else ""))
            if len(keys) < 2:
                r.fail(r.line("options"), m.CHOICE_TOO_FEW_OPTIONS)
        return tuple(pairs), keys

    # -- answers ---------------------------------------------------------------------------------
    def read_keys(self, answer: Any) -> tuple[str, ...] | None:
        """The option keys an answer names, sorted, or None when it names none."""
        by_upper = {k.upper(): k for k, _ in self.options}
        if isinstance(answer, str):
            text = fold(answer)
            if not text:
                return None
            upper = text.upper()
            if upper in by_upper:
                return (by_upper[upper],)
            wanted = normalize_keyword(text)
            for key, option in self.options:  # the option's text typed out in full
                if wanted and normalize_keyword(option) == wanted:
                    return (key,)
            parts = [p for p in _KEY_SPLIT.split(upper) if p]
            if parts and all(p in by_upper for p in parts):
                picked = [by_upper[p] for p in parts]
            else:
                letters = [by_upper.get(ch.upper()) for ch in text if ch.isascii() and ch.isalpha()]
                if not letters or None in letters:
                    return None
                if _FILLER.sub("", "".join(ch for ch in text if not (ch.isascii() and ch.isalpha()))):
                    return None  # words around the letters that may change them: never guess
                picked = [k for k in letters if k is not None]
            return tuple(sorted(set(picked)))
        if isinstance(answer, (set, frozenset, tuple, list)):
            found = [by_upper.get(str(a).strip().upper()) for a in answer]
            if not found or None in found:
                return None
            return tuple(sorted({k for k in found if k is not None}))
        return None

    def grade(self, answer: Any) -> Grading:
        keys = self.read_keys(answer)
        return exact_grading(self, keys == self.keys, "".join(keys) if keys else None)

    def _order(self, shuffle: Shuffles | None) -> tuple[str, ...]:
        if shuffle is not None and shuffle.option_order:
            return shuffle.option_order
        return tuple(k for k, _ in self.options)

    def letter(self, key: str, shuffle: Shuffles | None = None) -> str:
        """The letter shown for the bank's option `key`."""
        return LETTERS[self._order(shuffle).index(key)]

    def key(self, shuffle: Shuffles | None = None) -> str:
        return "".join(sorted(self.letter(k, shuffle) for k in self.keys))

    def shown_choices(self, shuffle: Shuffles | None = None) -> tuple[tuple[str, str], ...]:
        texts = self.option_map
        return tuple((LETTERS[i], texts[k]) for i, k in enumerate(self._order(shuffle)))

    def shown_options(self, keys, shuffle: Shuffles | None = None) -> str:
        """Options by the letters shown: 'A. 文本；C. 文本'."""
        texts = self.option_map
        order = self._order(shuffle)
        chosen = sorted((self.letter(k, shuffle), texts[k]) for k in keys if k in order)
        return "；".join(f"{letter}. {text}" for letter, text in chosen)

    def model_answer(self, shuffle: Shuffles | None = None) -> str:
        return self.shown_options(self.keys, shuffle)

    def answer_text(self, answer: Any, shuffle: Shuffles | None = None) -> str:
        keys = self.read_keys(answer) if answer is not None else None
        if not keys:
            return super().answer_text(answer)
        return self.shown_options(keys, shuffle)

    # -- papers ----------------------------------------------------------------------------------
    def names_option_keys(self) -> bool:
        """Whether the stem, an option or the explanation names options by key ("A、B属于基础信息"):
        shuffled, the key's explanation would point at the wrong options. A false alarm ("A类客户")
        costs only a shuffle, so any standalone key letter counts."""
        keys = {k for k, _ in self.options}
        texts = [self.stem, self.explanation or "", *(t for _, t in self.options)]
        return any(m.group() in keys for text in texts for m in _STANDALONE_LETTER.finditer(text))

    def shuffled(self, rng) -> tuple[tuple[str, ...], tuple[int, ...]]:
        keys = [k for k, _ in self.options]
        if self.names_option_keys():
            return tuple(keys), ()
        texts = self.option_map
        movable = [k for k in keys if not _REFERS_TO_OTHERS.search(texts[k])]
        rng.shuffle(movable)
        moving = iter(movable)
        return tuple(k if _REFERS_TO_OTHERS.search(texts[k]) else next(moving) for k in keys), ()

    def to_bank_answer(self, answer: Any, shuffle: Shuffles | None) -> Any:
        """Letters of the paper through its option shuffle to the bank's keys. A letter the paper did
        not print cannot match; an answer with no letters (an option's text written out) goes as it is."""
        if shuffle is None or not shuffle.option_order:
            return answer
        text = fold("".join(str(a) for a in answer) if isinstance(answer, (list, tuple)) else str(answer))
        letters = [ch for ch in text.upper() if "A" <= ch <= "Z"]
        if not letters:
            return answer
        order = shuffle.option_order
        not_a_key = next(ch for ch in LETTERS if ch not in order)
        return "".join(order[LETTERS.index(ch)] if LETTERS.index(ch) < len(order) else not_a_key
                       for ch in letters)


@dataclass(frozen=True)
class SingleChoice(Choice):
    answer: str = ""

    TITLES: ClassVar[dict[str, str]] = {"single": "单项选择"}

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        options, keys = cls.read_options(r)
        answer = r.data.get("answer")
        line = r.line("answer") if "answer" in r.data else r.data.line
        if isinstance(answer, bool) or answer is None or isinstance(answer, (list, dict)):
            r.fail(line, m.SINGLE_NEEDS_ANSWER)
            return {"options": options}
        answer = str(answer).strip()
        if keys and answer not in keys:
            r.fail(line, m.ANSWER_NOT_AN_OPTION.format(answer=answer, keys="、".join(keys)))
        return {"options": options, "answer": answer}

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.answer,)

    def parse_answer(self, text: str) -> str | None:
        keys = self.read_keys(text)
        return keys[0] if keys and len(keys) == 1 else None

    def decoded(self, value: Any) -> str | None:
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class MultipleChoice(Choice):
    answer: tuple[str, ...] = ()

    TITLES: ClassVar[dict[str, str]] = {"multiple": "多项选择"}

    @classmethod
    def read_fields(cls, r: FieldReader, context: ReadContext) -> dict[str, Any]:
        options, keys = cls.read_options(r)
        answer = r.data.get("answer")
        line = r.line("answer") if "answer" in r.data else r.data.line
        if isinstance(answer, str):
            answer = list(answer.replace(",", "").replace(" ", ""))
        if not isinstance(answer, list) or not answer:
            r.fail(line, m.MULTIPLE_NEEDS_ANSWER)
            return {"options": options}
        picked = [str(a).strip() for a in answer]
        unknown = [a for a in picked if a not in keys]
        if keys and unknown:
            r.fail(line, m.ANSWERS_NOT_OPTIONS.format(unknown="、".join(unknown), keys="、".join(keys)))
        if len(set(picked)) != len(picked):
            r.fail(line, m.ANSWER_KEY_TWICE)
        return {"options": options, "answer": tuple(sorted(set(picked)))}

    @property
    def keys(self) -> tuple[str, ...]:
        return self.answer

    def parse_answer(self, text: str) -> frozenset[str] | None:
        keys = self.read_keys(text)
        return frozenset(keys) if keys else None

    def encode(self, answer: Any) -> str:
        return json.dumps(sorted(answer) if answer is not None else None, ensure_ascii=False)

    def decoded(self, value: Any) -> frozenset[str] | None:
        return frozenset(str(v) for v in value) if isinstance(value, list) else None
