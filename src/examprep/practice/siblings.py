"""Siblings (Anki's word): questions that give each other away, kept apart within one session.

Two questions are siblings when they test the same knowledge point, or when one's stem states the
other's key (a judge question saying 礼仪构成的四要素是表、容、行、言 beside the single-choice question
asking for them). `arrange` orders a session so that siblings stand apart where the queue allows and
a question never comes right after one whose key its stem states, or whose stem states its key.
Deterministic: the same queue gives the same order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..content.model import Bank, Question

# Siblings this many places apart (or more) count as spread; nearer ones are avoided when possible.
SPREAD = 4
MIN_PHRASE = 2  # characters: shorter keys (对, 错, A) say nothing about another stem

# Spaces and punctuation, but not % nor a decimal point (4.5小时 is not 45小时).
_PUNCTUATION = re.compile(r"[^\w%.]+|_|(?<!\d)\.|\.(?!\d)")
_ANNOTATION = re.compile(r"（[^（）]*）|\([^()]*\)")  # （1）, （允许误差 ±0.1）, （各空顺序不限）
_LETTER = re.compile(r"^\s*[A-Z][.．、]\s*")  # the option letter of a choice key: "B. 企业决策"
_PARTS = re.compile(r"[；;\n]|→")
_PIECES = re.compile(r"[、，,]")


def _plain(text: str) -> str:
    """Folded (full-width forms, case) and without spaces or punctuation, for containment tests."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True)
class _Phrase:
    whole: str  # the key part, plain
    pieces: tuple[str, ...]  # its listed items, plain, when it lists two or more


def key_phrases(question: Question) -> tuple[_Phrase, ...]:
    """The parts of a question's key as its feedback shows them (an option's text, a blank's answer,
    an order item), each long enough to be recognised in another stem."""
    phrases = []
    for part in _PARTS.split(_ANNOTATION.sub("", question.model_answer())):
        part = _LETTER.sub("", part)
        whole = _plain(part)
        if len(whole) < MIN_PHRASE:
            continue
        pieces = tuple(p for p in (_plain(x) for x in _PIECES.split(part)) if p)
        listed = pieces if len(pieces) >= 2 and all(len(p) >= MIN_PHRASE for p in pieces) else ()
        phrases.append(_Phrase(whole, listed))
    return tuple(phrases)


def _holds(stem: str, needle: str) -> bool:
    """Whether `stem` holds `needle`, a number in it whole (30% is not in 130%)."""
    start = stem.find(needle)
    while start >= 0:
        end = start + len(needle)
        cut_before = needle[0].isdigit() and start > 0 and stem[start - 1].isdigit()
        cut_after = needle[-1].isdigit() and end < len(stem) and stem[end].isdigit()
        if not (cut_before or cut_after):
            return True
        start = stem.find(needle, start + 1)
    return False


def _stated(phrase: _Phrase, stem: str) -> bool:
    return _holds(stem, phrase.whole) or (bool(phrase.pieces) and all(_holds(stem, p) for p in phrase.pieces))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def giveaways(questions: Iterable[Question]) -> frozenset[tuple[str, str]]:
    """Pairs (a, b): b's stem states a's key. An index of the stems' character pairs narrows each key
    to the few stems that could hold it, so a bank of hundreds of questions takes milliseconds."""
    questions = list(questions)
    stems = {q.id: _plain(q.stem) for q in questions}
    index: dict[str, set[str]] = defaultdict(set)
    for qid, stem in stems.items():
        for pair in _bigrams(stem):
            index[pair].add(qid)
    found = set()
    for a in questions:
        phrases = key_phrases(a)
        if not phrases:
            continue
        candidates: set[str] | None = None
        for phrase in phrases:
            needles = phrase.pieces or (phrase.whole,)
            pairs = [p for needle in needles for p in _bigrams(needle)]
            # any stem holding this phrase holds every character pair of its rarest needle
            holders = set.intersection(*(index.get(p, set()) for p in pairs)) if pairs else set()
            if phrase.pieces:  # or holds the whole phrase as written
                holders |= set.intersection(*(index.get(p, set()) for p in _bigrams(phrase.whole)))
            candidates = holders if candidates is None else candidates & holders
            if not candidates:
                break
        for b in sorted(candidates or ()):
            if b != a.id and all(_stated(p, stems[b]) for p in phrases):
                found.add((a.id, b))
    return frozenset(found)


@dataclass(frozen=True)
class Siblings:
    """Which questions of a bank give each other away."""

    groups: dict[str, frozenset[str]]  # question id -> its knowledge points and give-away pairs
    giveaway_pairs: frozenset[tuple[str, str]]

    def gives_away(self, first: str, then: str) -> bool:
        """Whether `then`, right after `first`, is answered by what `first` showed (or the reverse)."""
        return (first, then) in self.giveaway_pairs or (then, first) in self.giveaway_pairs


def bank_siblings(bank: Bank) -> Siblings:
    """The bank's siblings, worked out once per bank object (the bank is read-only once loaded)."""
    cached = _CACHE.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    pairs = giveaways(bank.questions.values())
    groups: dict[str, set[str]] = {q.id: {f"point:{p}" for p in q.points} for q in bank.questions.values()}
    for a, b in pairs:
        tag = f"key:{min(a, b)}|{max(a, b)}"
        groups[a].add(tag)
        groups[b].add(tag)
    siblings = Siblings({q: frozenset(g) for q, g in groups.items()}, pairs)
    _CACHE.clear()  # one bank at a time is what a process holds
    _CACHE[id(bank)] = (bank, siblings)
    return siblings


_CACHE: dict[int, tuple[Bank, Siblings]] = {}


def arrange(queue: Sequence[str], siblings: Siblings, spread: int = SPREAD) -> list[str]:
    """`queue` (most wanted first) reordered so siblings stand at least `spread` places apart where
    the queue allows, taking the most wanted question that does; a question never follows one it
    gives away or that gives it away while another can go there. `spread=1` keeps the order but for
    that last rule (a drill in study order)."""
    remaining = list(queue)
    placed: list[str] = []
    last_at: dict[str, int] = {}
    while remaining:
        position = len(placed)
        best, best_rank = 0, (-1, -1)
        for index, qid in enumerate(remaining):
            gaps = [position - last_at[g] for g in siblings.groups.get(qid, ()) if g in last_at]
            gap = min(min(gaps, default=spread), spread)
            clear = not (placed and siblings.gives_away(placed[-1], qid))
            rank = (int(clear), gap)
            if rank > best_rank:
                best, best_rank = index, rank
                if rank == (1, spread):
                    break  # the most wanted question that is spread enough
        qid = remaining.pop(best)
        for group in siblings.groups.get(qid, ()):
            last_at[group] = position
        placed.append(qid)
    return placed
