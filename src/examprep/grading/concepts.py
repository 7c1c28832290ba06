"""Meaning from a rubric point's own words: a *concept* is the point (or a keyword) cut into content
words, each with its synonyms and a weight, found in any order within one clause window of the answer.

The rubric is segmented (rjieba, the jieba-rs segmenter) and expanded once, when it is compiled; an
answer is never segmented: its normalised text is searched for the expanded words with `str.find`,
as the keyword matcher does. A concept counts when enough of its weight is found in one window, every
number in it is found exactly, the window's polarity is the point's (不要打断 against 别插嘴), and no
antonym of its words stands in the window instead of them.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from .negation import negation_index, post_negated, starts_negated
from .normalize import Normalized, normalize, normalize_keyword
from .numbers_forms import number_forms
from .thesaurus import Thesaurus

# Parts of speech that carry no content (rjieba's jieba tags): prepositions, particles, conjunctions,
# pronouns, punctuation, interjections, modal particles.
FUNCTION_TAGS = ("p", "u", "c", "r", "x", "y", "e", "o", "w")
STOPWORDS = frozenset([
    "内", "之内", "以内",  # 48小时内: the limit is the number
    "的", "了", "是", "在", "和", "与", "及", "或", "等", "对", "把", "被", "将",
    "让", "使", "要", "会", "能", "可", "也", "都", "就", "而", "并", "其", "之",
    "以", "为", "于", "从", "向", "由", "有", "个", "这", "那", "该", "此",
    "一定", "应", "应该", "需要", "必须", "进行", "做到", "做好", "能够", "可以", "一些",
    "一种", "各种", "所有", "方面", "时候", "要求", "通过", "以及", "比较", "一般",
    "主要", "能否", "如何", "怎样", "什么", "哪些", "即", "如", "例如", "比如", "包括",
    "具有", "作为", "还", "又", "更", "很", "最", "得", "着", "过",
])
UNIT = re.compile(r"^(小时|钟头|天|日|分钟|分|秒|周|月|年|次|个|%|个工作日|工作日|声|元|倍|户|家|条|项|种|步)")
DIGITS = re.compile(r"\d")

THRESHOLD = 0.62  # share of a concept's weight one window must hold
MIN_FOUND = 2  # words a concept needs found (all of them, when it has fewer)
STEM_WEIGHT = 0.3
MAX_WORDS = 7  # the heaviest words of a long point make its concept
MAX_CLAUSES = 3  # clauses one window may span, within one sentence
OCCURRENCES = 64  # places examined per word form: a bound for pathological answers


@dataclass(frozen=True)
class ConceptWord:
    text: str
    forms: tuple[str, ...]  # the word, its synonyms and number forms, normalised
    weight: float
    required: bool  # a number or a frequency: must be found exactly
    given: bool = False  # the stem says it already


@dataclass(frozen=True)
class Concept:
    source: str
    words: tuple[ConceptWord, ...]
    negative: bool  # the point is itself a prohibition (不要…, 避免…)
    opposites: tuple[str, ...]  # antonyms of its words, and the other points' own words (期望型 where
    # the point is 基本型), which void a window that holds them
    strict: bool  # a keyword's concept: every word must be found

    @property
    def ordered(self) -> bool:
        """Whether its words must come in the point's order: when one is an order word (先, 后, 再), or
        when it opens with a one-character verb (站在对方的立场, 用对手的产品), which governs what follows."""
        return any(w.text in ORDER_WORDS for w in self.words) or bool(self.words and len(self.words[0].text) == 1)

    @property
    def total(self) -> float:
        return sum(w.weight for w in self.words)


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # imported when a rubric is first compiled: grading start-up does not pay for it

    return rjieba


class SegmentCache:
    """Segmentations kept between runs, so that grading one answer need not load the segmenter: a
    JSON file the caller names (the commands put it in the user cache folder), read once, written
    back when new texts were segmented."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.table: dict[str, list[list[str]]] | None = None
        self.added = 0

    def use(self, path: Path | None) -> None:
        self.path, self.table, self.added = path, None, 0

    def get(self, text: str) -> list[tuple[str, str]] | None:
        if self.table is None:  # assigned once read: a warm-up thread may be reading it meanwhile
            table: dict[str, list[list[str]]] = {}
            if self.path is not None:
                try:
                    loaded = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(loaded, dict):
                        table = loaded
                except (OSError, ValueError):
                    pass
            self.table = table
        found = self.table.get(text)
        return [(w, t) for w, t in found] if found else None

    def put(self, text: str, tagged: list[tuple[str, str]]) -> None:
        if self.table is None:
            self.get(text)
        assert self.table is not None
        self.table[text] = [[w, t] for w, t in tagged]
        self.added += 1

    def save(self) -> None:
        if self.path is None or not self.added or self.table is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.table, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
            self.added = 0
        except OSError:
            pass


SEGMENTS = SegmentCache()


def _tagged(text: str) -> list[tuple[str, str]]:
    found = SEGMENTS.get(text)
    if found is None:
        found = [(w, t) for w, t in _segmenter().tag(text)]
        SEGMENTS.put(text, found)
    return found


def segment(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of a rubric text, numbers joined to their units (48 小时 → 48小时)."""
    tagged = _tagged(text)
    out: list[tuple[str, str]] = []
    for word, tag in tagged:
        if out and out[-1][1] == "m" and DIGITS.search(normalize_keyword(out[-1][0])) and UNIT.match(word):
            out[-1] = (out[-1][0] + word, "m")
            continue
        out.append((word, tag))
    return out


NUMBER_WITH_UNIT = re.compile(r"\d+(\.\d+)?(小时|天|日|分钟|分|秒|周|月|年|次|%|工作日|声|元|倍|户|成)")
ORDER_WORDS = frozenset("先后再")


def _exact_fact(word: str) -> bool:
    """A number with its unit, a frequency (48小时, 每周) or an order word (先, 后): found exactly or not
    at all."""
    return bool(NUMBER_WITH_UNIT.search(word)) or (word.startswith("每") and len(word) >= 2) or word in ORDER_WORDS


def _content(word: str, tag: str) -> bool:
    if not word or word in STOPWORDS:
        return False
    return not tag.startswith(FUNCTION_TAGS) or _exact_fact(word)


def content_words(text: str) -> list[str]:
    """The point's content words; negators are left out, the point's polarity stands for them."""
    words = []
    for word, tag in segment(text):
        norm = normalize_keyword(word)
        if word in STOPWORDS:  # before normalising: 一些 would become 1些
            continue
        if _content(norm, tag) and norm not in words and not starts_negated(norm):
            words.append(norm)
    return words


def _polarity(norm_text: str, words: list[str]) -> bool:
    """Whether the point denies what its words say (不要打断对方, 过去不等于未来)."""
    norm = normalize(norm_text)
    negation = negation_index(norm)
    for word in words:
        pos = norm.text.find(word)
        if pos != -1 and negation.negated(pos):
            return True
    return False


def _forms(word: str, thesaurus: Thesaurus, broad: bool) -> tuple[str, ...]:
    forms = {word}
    if DIGITS.search(word):
        forms.update(number_forms(word))
    else:
        forms.update(thesaurus.synonyms(word) if broad else thesaurus.domain_synonyms(word))
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def build_concept(text: str, stem_norm: str, weights, thesaurus: Thesaurus, *, strict: bool,
                  rivals: tuple[str, ...] = ()) -> Concept | None:
    """The concept of a point text (strict=False) or of a keyword (strict=True: all words needed)."""
    words = content_words(text)
    if len(words) < 2:
        return None
    norm_text = normalize_keyword(text)
    negative = _polarity(text, words)
    cw = []
    for word in words:
        weight = weights(word) * (0.5 if len(word) == 1 else 1.0)
        if not strict and word in stem_norm and not _exact_fact(word):
            weight *= STEM_WEIGHT  # what the stem already says is little evidence
        cw.append(ConceptWord(word, _forms(word, thesaurus, broad=not strict and len(word) >= 2),
                              weight, _exact_fact(word), word in stem_norm))
    if not strict and len(cw) > MAX_WORDS:
        required = [w for w in cw if w.required]
        rest = sorted((w for w in cw if not w.required), key=lambda w: -w.weight)
        keep = set(id(w) for w in required + rest[:max(0, MAX_WORDS - len(required))])
        cw = [w for w in cw if id(w) in keep]
    opposites = set()
    for word in words:
        for opposite in thesaurus.antonyms(word):
            if len(opposite) >= 2 and opposite not in norm_text:
                opposites.add(opposite)
    for phrase_opposites in thesaurus.phrase_antonyms(norm_text):
        opposites.update(phrase_opposites)
    opposites.update(r for r in rivals if r not in norm_text)
    return Concept(text, tuple(cw), negative, tuple(sorted(opposites)), strict)


@dataclass
class ConceptHit:
    start: int
    end: int
    claims: tuple[tuple[int, int], ...]
    words: tuple[str, ...]  # the answer's words that were found (normalised)
    coverage: float
    in_order: bool = True  # the words stand in the order the concept gives them


def _clauses(norm: Normalized) -> tuple[list[int], list[int]]:
    """The answer's clause starts (sorted) and, for each clause, the number of its sentence; computed
    once per answer and shared by every concept."""
    cached = norm._cache.get("clauses")
    if cached is None:
        n = len(norm.text)
        hard = set(norm.hard_breaks)
        starts, sentences = [0], [0]
        for p in norm.stops:
            if 0 < p < n and p != starts[-1]:
                starts.append(p)
                sentences.append(sentences[-1] + (1 if p in hard else 0))
        cached = norm._cache["clauses"] = (starts, sentences)
    return cached


def _occurrences(text: str, form: str):
    """Where a form stands; a number only whole (1次 is not in 21次, nor 3天 in 13天)."""
    pos = text.find(form)
    seen = 0
    head_digit, tail_digit = form[0].isdigit(), form[-1].isdigit()
    while pos != -1 and seen < OCCURRENCES:
        end = pos + len(form)
        if not ((head_digit and pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] == "."))
                or (tail_digit and end < len(text) and text[end].isdigit())):
            yield pos
        seen += 1
        pos = text.find(form, pos + 1)


DENIALS = ("不存在", "并非", "不是", "不能算", "不算", "不属于", "算不上", "谈不上")


def _at(positions, p: int) -> bool:
    i = bisect_left(positions, p)
    return i < len(positions) and positions[i] == p


def _in_order(claims: list[tuple[int, int]]) -> bool:
    """Whether the words were found in the order the concept lists them (the point's order)."""
    return all(a[0] <= b[0] for a, b in pairwise(claims))


def _places(text: str, concept: Concept) -> list[list[tuple[int, int, str]]]:
    """For each word of the concept, where the answer says it (a longer form wins over a shorter one
    inside it), in order."""
    places = []
    for word in concept.words:
        found: list[tuple[int, int, str]] = []
        for form in word.forms:
            for pos in _occurrences(text, form):
                end = pos + len(form)
                if any(a < end and pos < b for a, b, _ in found):
                    continue
                found.append((pos, end, form))
        found.sort()
        places.append(found)
    return places


def concept_hits(norm: Normalized, concept: Concept, limit: int = 3) -> list[ConceptHit]:
    """Windows of the answer (runs of clauses in one sentence) that say the concept, best first.

    Only windows around the places where the concept's words stand are examined, so the work grows
    with how often its words occur, not with the length of the answer."""
    text = norm.text
    need = len(concept.words) if concept.strict else min(MIN_FOUND, len(concept.words))
    # The gate: a concept most of whose words are absent is dismissed by `in`, before any search;
    # what is present is remembered for the answer, since a rubric's concepts share their words.
    seen = norm._cache.get("present")
    if seen is None:
        seen = norm._cache["present"] = {}
    present = 0
    for word in concept.words:
        here = seen.get(word.forms)
        if here is None:
            here = seen[word.forms] = any(form in text for form in word.forms)
        if here:
            present += 1
        elif word.required:
            return []
    if present < need:
        return []
    places = _places(text, concept)
    if sum(1 for p in places if p) < need or any(w.required and not p for w, p in zip(concept.words, places)):
        return []
    starts, sentences = _clauses(norm)
    span = 1 if concept.strict else MAX_CLAUSES
    # Each occurrence's clause, per word: windows are the runs of clauses around these.
    clause_of = [[bisect_right(starts, a) - 1 for a, _, _ in found] for found in places]
    windows: set[tuple[int, int]] = set()
    for indexes in clause_of:
        for c in indexes:
            for first in range(max(0, c - span + 1), c + 1):
                for last in range(c, min(len(starts), first + span)):
                    if sentences[first] == sentences[last]:
                        windows.add((first, last))
    total = concept.total
    negation = negation_index(norm)
    hits: list[ConceptHit] = []
    for first, last in sorted(windows):
        weight = 0.0
        claims = []
        words = []
        given_only = True
        missing_required = False
        for word, found, indexes in zip(concept.words, places, clause_of):
            k = bisect_left(indexes, first)
            if k >= len(indexes) or indexes[k] > last:
                if word.required:
                    missing_required = True
                    break
                continue
            a, b, form = found[k]
            weight += word.weight
            claims.append((a, b))
            words.append(form)
            given_only = given_only and word.given
        if missing_required or len(words) < need or given_only:
            continue
        coverage = weight / total if total else 0.0
        if coverage < (0.999 if concept.strict else THRESHOLD):
            continue
        if concept.ordered and not _in_order(claims):
            continue  # 先诊断后建议 is not 先建议后诊断
        if concept.negative:
            # a prohibition is said with a negation before its words, and not denied after them
            # (不打断不插嘴没必要太在意)
            last_a, last_b = max(claims, key=lambda c: c[1])
            if not any(negation.negated(a) for a, _ in claims) or post_negated(norm, last_b, last_a):
                continue
        elif any(negation.negated(a) or post_negated(norm, b, a) for a, b in claims):
            continue
        start = starts[first]
        end = starts[last + 1] if last + 1 < len(starts) else len(text)
        # The label a colon or dash puts before the window belongs to it (太极法：客户只是发牢骚…).
        labelled = starts[first - 1] if first > 0 and _at(norm.labels, start) else start
        window = text[labelled:end]
        if any(o in window for o in concept.opposites):
            continue
        if concept.negative and any(d in text[start:max(a for a, _ in claims)] for d in DENIALS):
            continue  # a prohibition denied: 不存在没满足好的问题
        in_order = _in_order(claims)
        claims.sort()
        hits.append(ConceptHit(claims[0][0], claims[-1][1], tuple(claims), tuple(words), coverage, in_order))
    hits.sort(key=lambda h: (-h.coverage, h.end - h.start, h.start))
    best: list[ConceptHit] = []
    for hit in hits:
        if any(hit.start < b.end and b.start < hit.end for b in best):
            continue
        best.append(hit)
        if len(best) >= limit:
            break
    return best


# Words nearly every point of this domain uses: they weigh little as evidence.
COMMON_WORDS = frozenset(normalize_keyword(w) for w in (
    "客户", "零售客户", "零售户", "企业", "烟草", "卷烟", "公司", "服务", "客户经理", "营销", "工作", "问题",
    "信息", "情况", "内容", "方法", "时间", "对方", "自己", "人员",
))


def rubric_weights(point_texts: list[str]):
    """A word's weight in one rubric: an inverse document frequency over its points, so a word every
    point shares (客户 in a rubric about customers) weighs little, and the domain's common words less."""
    n = len(point_texts)
    normalised = [normalize_keyword(t) for t in point_texts]

    @cache
    def weight(word: str) -> float:
        df = sum(1 for t in normalised if word in t)
        value = math.log((n + 1) / (df + 0.5)) + 0.5
        return value * (0.4 if word in COMMON_WORDS else 1.0)

    return weight
