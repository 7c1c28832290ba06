"""Meaning from a rubric point's own words: a *concept* is the point (or a keyword) cut into content
words, each with its synonyms and a weight, found in any order within one clause window of the answer.

The rubric is segmented (rjieba, the jieba-rs segmenter) and expanded once, when it is compiled; an
answer is never segmented: its normalised text is searched for the expanded words with `str.find`,
as the keyword matcher does. A concept counts when enough of its weight is found in one window, every
number in it is found exactly, the window's polarity is the point's (不要打断 against 别插嘴), and no
antonym of its words stands in the window instead of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .negation import negation_index, post_negated, starts_negated
from .normalize import Normalized, normalize, normalize_keyword
from .numbers_forms import number_forms
from .thesaurus import Thesaurus

# Parts of speech that carry no content (rjieba's jieba tags): prepositions, particles, conjunctions,
# pronouns, punctuation, interjections, modal particles.
FUNCTION_TAGS = ("p", "u", "c", "r", "x", "y", "e", "o", "w")
STOPWORDS = frozenset([
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
    def total(self) -> float:
        return sum(w.weight for w in self.words)


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # imported when a rubric is first compiled: grading start-up does not pay for it

    return rjieba


def segment(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) of a rubric text, numbers joined to their units (48 小时 → 48小时)."""
    tagged = _segmenter().tag(text)
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


def _windows(norm: Normalized, clauses: int = MAX_CLAUSES):
    """(start, end) of every run of 1..`clauses` clauses inside one sentence."""
    n = len(norm.text)
    sentence_starts = [0] + [p for p in norm.hard_breaks if 0 < p < n]
    sentence_ends = [*sentence_starts[1:], n]
    stops = norm.stops
    for s_start, s_end in zip(sentence_starts, sentence_ends):
        cuts = [s_start] + [p for p in stops if s_start < p < s_end] + [s_end]
        for i in range(len(cuts) - 1):
            for j in range(i + 1, min(i + 1 + clauses, len(cuts))):
                yield cuts[i], cuts[j]


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


def _inside(found, start: int, end: int) -> bool:
    return any(start <= a and b <= end for a, b, _ in found)


def concept_hits(norm: Normalized, concept: Concept, limit: int = 3) -> list[ConceptHit]:
    """Windows of the answer that say the concept, best first."""
    text = norm.text
    places: list[list[tuple[int, int, str]]] = []
    for word in concept.words:
        found: list[tuple[int, int, str]] = []
        for form in word.forms:
            for pos in _occurrences(text, form):
                end = pos + len(form)
                if any(a < end and pos < b for a, b, _ in found):
                    continue  # a longer form already covers it
                found.append((pos, end, form))
        places.append(found)
    if sum(1 for p in places if p) < min(MIN_FOUND, len(concept.words)):
        return []
    total = concept.total
    negation = negation_index(norm)
    hits: list[ConceptHit] = []
    need = len(concept.words) if concept.strict else min(MIN_FOUND, len(concept.words))
    for start, end in _windows(norm, 1 if concept.strict else MAX_CLAUSES):
        weight = 0.0
        claims = []
        words = []
        missing_required = False
        for word, found in zip(concept.words, places):
            inside = [f for f in found if start <= f[0] and f[1] <= end]
            if not inside:
                if word.required:
                    missing_required = True
                    break
                continue
            a, b, form = inside[0]
            weight += word.weight
            claims.append((a, b))
            words.append(form)
        if missing_required or len(words) < need or all(w.given for w, _ in zip(concept.words, places)
                                                          if _inside(_, start, end)):
            continue
        coverage = weight / total if total else 0.0
        if coverage < (0.999 if concept.strict else THRESHOLD):
            continue
        negated = any(negation.negated(a) or post_negated(norm, b) for a, b in claims)
        if negated != concept.negative:
            continue
        window = text[start:end]
        if any(o in window for o in concept.opposites):
            continue
        claims.sort()
        hits.append(ConceptHit(claims[0][0], claims[-1][1], tuple(claims), tuple(words), coverage))
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
