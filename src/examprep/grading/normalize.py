"""Text as the grader compares it, with a map back to the answer as typed.

Normalising folds full-width/half-width forms (NFKC), traditional characters (OpenCC t2s), case and
Chinese numerals (两 → 2, 一个小时 → 1小时), and drops spaces and punctuation. The punctuation is not
forgotten: clause boundaries (for the scope of a negation), the punctuation a match may not cross, and
list separators (、) are kept as positions in the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from .numbers import numeral_runs

# What one typed character becomes.
KEEP, DROP, SPACE, SOFT, HARD, SEP, JOIN, LABEL = range(8)
HARD_BREAKS = frozenset("。!?;\n\r…")
SOFT_BREAKS = frozenset(",")  # commas end a clause, not a sentence
LABEL_BREAKS = frozenset(":—–")  # so do colons and dashes, which also tie a label to what follows
# (忽视法：…, 听而不闻——…)
LIST_SEPARATORS = frozenset("、/")
# Kept between two digits, so that 1.5, 3-5 and 9:30 stay numbers; elsewhere they are punctuation.
NUMBER_JOINERS = {".": HARD, ":": LABEL, "-": DROP, "~": DROP, "/": SEP}
KEPT_SYMBOLS = frozenset("%")


def _classify(ch: str) -> tuple[int, str]:
    """The kind of one character after NFKC and lower-casing, and what it contributes."""
    if ch in NUMBER_JOINERS:
        return JOIN, ch
    if ch in HARD_BREAKS:
        return HARD, ""
    if ch in SOFT_BREAKS:
        return SOFT, ""
    if ch in LABEL_BREAKS:
        return LABEL, ""
    if ch.isspace():
        return SPACE, ""  # ends a clause for negation, but a stray space may fall inside a keyword
    if ch in LIST_SEPARATORS:
        return SEP, ""
    if ch in KEPT_SYMBOLS:
        return KEEP, ch
    category = unicodedata.category(ch)
    if category[0] in "LN" or category in ("Sm", "Sc"):
        return KEEP, ch
    return DROP, ""


class _CharTable(dict):
    """Per-character normalisation, computed once per distinct character."""

    def __missing__(self, ch: str) -> tuple[int, str]:
        folded = unicodedata.normalize("NFKC", ch).lower()
        if ch in HARD_BREAKS:  # before folding: NFKC turns … into three full stops
            entry = (HARD, "")
        elif len(folded) == 1:
            entry = _classify(folded)
        else:  # a ligature or a compatibility form that expands ("½", "㎏"): keep its letters
            kinds = [_classify(c) for c in folded]
            kept = "".join(text for kind, text in kinds if kind == KEEP)
            if kept:
                entry = (KEEP, kept)
            elif any(kind == HARD for kind, _ in kinds):
                entry = (HARD, "")
            else:
                entry = (DROP, "")
        self[ch] = entry
        return entry


CHAR_TABLE = _CharTable()


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":
        return ch  # a lone surrogate (JSON allows "\ud800"): no character to convert
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones, character for character (the length is kept)."""
    if text.isascii():
        return text
    try:
        out = _converter().convert(text)
    except UnicodeEncodeError:
        out = ""
    if len(out) == len(text):
        return out
    # OpenCC's phrase tables can change a length now and then; the index map needs 1:1.
    return "".join(_simplified_char(ch) for ch in text)


T = TypeVar("T")


class Normalized:
    """A normalised text: `text[i]` came from `original[starts[i]:ends[i]]`."""

    __slots__ = (
        "_cache",
        "breaks",
        "ends",
        "hard_breaks",
        "labels",
        "list_separators",
        "original",
        "starts",
        "stops",
        "text",
    )

    def __init__(self, original, text, starts, ends, breaks, stops, hard_breaks, list_separators,
                 labels=()):
        self.original = original
        self.text = text
        self.starts = starts
        self.ends = ends
        # Positions p (a boundary between text[p-1] and text[p]), each list sorted:
        self.breaks = breaks  # clause boundaries: punctuation, line ends and spaces
        self.stops = stops  # the punctuation among them: no match crosses one
        self.hard_breaks = hard_breaks  # sentence ends
        self.list_separators = list_separators  # 、 and /
        self.labels = labels  # colons: the clause after one belongs to the label before it
        self._cache: dict[str, Any] = {}

    def derived(self, name: str, compute: Callable[[Normalized], T]) -> T:
        """What `compute` makes of this text (its sounds, its negators, its separators), computed once
        per text and kept under `name`: every keyword of every rubric point searches the same answer."""
        if name not in self._cache:
            self._cache[name] = compute(self)
        return self._cache[name]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of text[start:end]."""
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Normalized({self.text!r})"


# str.translate does the per-character work in C: every character becomes one character, its
# normalised self, or a marker of what kind of punctuation it was; only the markers (about one
# character in ten in real answers) are then visited in Python.
_MARKERS = {DROP: "\x00", SPACE: "\x01", SOFT: "\x02", HARD: "\x03", SEP: "\x04", LABEL: "\x05"}
_MARKER_KINDS = {marker: kind for kind, marker in _MARKERS.items()}
_EXPANDS = "\x06"  # a character that normalises to several (½ → 12): the slow path takes the chunk
_SPECIAL = re.compile("[\x00-\x06.:\\-~/]")


class _TranslateTable(dict):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kind, value = CHAR_TABLE[ch]
        if kind == KEEP:
            out = value if len(value) == 1 else _EXPANDS
        elif kind == JOIN:
            out = value
        else:
            out = _MARKERS[kind]
        self[code] = out
        return out


TRANSLATE = _TranslateTable()


def _fold(text: str, offset: int, out: list, starts: list, ends: list, breaks: list, stops: list,
          hard: list, seps: list, labels: list, folded: str | None = None) -> None:
    """Append the normalised characters of `text` (which starts at `offset` in the original);
    `folded` is `text` translated already, when the caller has it."""
    if folded is None:
        folded = text.translate(TRANSLATE)
    if _EXPANDS in folded:
        _fold_slowly(text, offset, out, starts, ends, breaks, stops, hard, seps, labels)
        return
    pos = 0
    n = len(text)
    for m in _SPECIAL.finditer(folded):
        i = m.start()
        if i > pos:
            out.append(folded[pos:i])
            starts.extend(range(offset + pos, offset + i))
            ends.extend(range(offset + pos + 1, offset + i + 1))
        pos = i + 1
        ch = folded[i]
        kind = _MARKER_KINDS.get(ch)
        if kind is None:  # a joiner: part of a number between two digits (1.5, 9:30, 3-5)
            if _joins(out, i + 1 < n and folded[i + 1].isdigit()):
                _keep(out, starts, ends, ch, offset + i)
                continue
            kind = NUMBER_JOINERS[ch]
        if kind == DROP:
            continue
        _mark(kind, len(starts), breaks, stops, hard, seps, labels)
    if pos < n:
        out.append(folded[pos:])
        starts.extend(range(offset + pos, offset + n))
        ends.extend(range(offset + pos + 1, offset + n + 1))


def _joins(out: list, digit_follows: bool) -> bool:
    """Whether a joiner (. : - ~ /) stands between two digits and so belongs to the number."""
    return digit_follows and bool(out) and out[-1][-1:].isdigit()


def _keep(out: list, starts: list, ends: list, ch: str, at: int) -> None:
    out.append(ch)
    starts.append(at)
    ends.append(at + 1)


def _mark(kind: int, position: int, breaks: list, stops: list, hard: list, seps: list, labels: list) -> None:
    """Record a boundary of one kind at `position` in the normalised text."""
    if kind == SEP:
        seps.append(position)
        return
    if kind == LABEL and (not labels or labels[-1] != position):
        labels.append(position)
    if not breaks or breaks[-1] != position:
        breaks.append(position)
    if kind != SPACE and (not stops or stops[-1] != position):
        stops.append(position)
    if kind == HARD and (not hard or hard[-1] != position):
        hard.append(position)


def _fold_slowly(text: str, offset: int, out: list, starts: list, ends: list, breaks: list, stops: list,
                 hard: list, seps: list, labels: list) -> None:
    """`_fold` one character at a time, for text holding characters that expand (½, ㎏)."""
    table = CHAR_TABLE
    n = len(text)
    for i, ch in enumerate(text):
        kind, value = table[ch]
        if kind == KEEP:
            for v in value:
                out.append(v)
                starts.append(offset + i)
                ends.append(offset + i + 1)
            continue
        if kind == JOIN:
            if _joins(out, i + 1 < n and table[text[i + 1]][1][:1].isdigit()):
                _keep(out, starts, ends, value, offset + i)
                continue
            kind = NUMBER_JOINERS[value]
        if kind == DROP:
            continue
        _mark(kind, len(starts), breaks, stops, hard, seps, labels)


def normalize(text: str) -> Normalized:
    """Normalise an answer or a keyword; see the module docstring."""
    simplified = to_simplified(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[int] = []
    stops: list[int] = []
    hard: list[int] = []
    seps: list[int] = []
    labels: list[int] = []
    cursor = 0
    translated = simplified.translate(TRANSLATE)  # once, in C, for the whole answer
    for start, end, digits in numeral_runs(simplified):
        _fold(simplified[cursor:start], cursor, out, starts, ends, breaks, stops, hard, seps, labels,
              translated[cursor:start])
        for d in digits:  # every digit of 一百零五 points at the whole numeral
            out.append(d)
            starts.append(start)
            ends.append(end)
        cursor = end
    _fold(simplified[cursor:], cursor, out, starts, ends, breaks, stops, hard, seps, labels,
          translated[cursor:])
    folded = "".join(out)
    if "个" in folded:
        drops = [m.start() for m in _MEASURE_WORD.finditer(folded)]
        if drops:
            folded, starts, ends, (breaks, stops, hard, seps, labels) = _without(
                folded, starts, ends, drops, (breaks, stops, hard, seps, labels))
    if _SPOKEN_UNIT_CHARS.intersection(folded):
        folded, drops = _canonical_units(folded)
        if drops:
            folded, starts, ends, (breaks, stops, hard, seps, labels) = _without(
                folded, starts, ends, drops, (breaks, stops, hard, seps, labels))
    return Normalized(text, folded, starts, ends, breaks, stops, hard, seps, labels)


# Spoken units as the written ones: 一个钟头 is 1小时, 每个礼拜一趟 is 每周1次.
_SPOKEN_UNIT = re.compile(r"钟头|礼拜|星期(?![一二三四五六日天1-7])|(?<=\d)[趟回遍](?!家|来|去|头|访|应)")
_SPOKEN_UNIT_CHARS = frozenset("钟礼星趟回遍")
_CANONICAL = {"钟头": "小时", "礼拜": "周", "星期": "周", "趟": "次", "回": "次", "遍": "次"}


def _canonical_units(text: str) -> tuple[str, list[int]]:
    """The text with spoken units replaced, and the positions to drop where a unit got shorter."""
    chars = list(text)
    drops: list[int] = []
    for m in _SPOKEN_UNIT.finditer(text):
        written = _CANONICAL[m.group()]
        for i, ch in enumerate(written):
            chars[m.start() + i] = ch
        drops.extend(range(m.start() + len(written), m.end()))
    return "".join(chars), drops


# 一个小时 is 一小时 and 每个月 is 每月: the measure word between a number and a unit of time goes.
_MEASURE_WORD = re.compile(r"(?<=[0-9每半])个(?=小时|钟头|月|星期|礼拜|工作日|季度|半|多?月)")


def _without(text: str, starts: list, ends: list, drops: list[int], positions: tuple[list, ...]):
    """`text` without the characters at `drops`, its maps and boundary positions adjusted."""
    dropped = set(drops)
    keep = [i for i in range(len(text)) if i not in dropped]
    shifted = tuple([p - bisect_left(drops, p) for p in plist] for plist in positions)
    return ("".join(text[i] for i in keep), [starts[i] for i in keep], [ends[i] for i in keep], shifted)


@lru_cache(maxsize=16384)
def normalize_keyword(keyword: str) -> str:
    """A keyword's normalised text (cached: keywords repeat across every answer)."""
    return normalize(keyword).text
