"""Grading a free-text answer against its rubric.

Each rubric point collects the places where one of its keywords is found; then the matches are
assigned so that the points earned weigh the most, no stretch of the answer earns two points and no
keyword earns twice. The question's score is shared out in proportion to the weights.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from ..content.model import EMPTY_LEXICON, Lexicon, RubricPoint
from .actions import action_denied, point_actions
from .classes import ClassFacts, classes_swapped, point_class_facts
from .concepts import Concept, build_concept, concept_hits, content_words, rubric_weights
from .distributive import list_matches
from .faults import endorsed, names_fault
from .items import heading_swapped, under_denied_item, under_item
from .letters import Labels, rubric_labels, wrong_label
from .markers import Marker, rubric_markers, wrong_marker
from .matching import (
    ALL,
    CONCEPT,
    NUMBER,
    ORDER,
    OWNER_CHARS,
    SYNONYM,
    Keyword,
    Match,
    answer_chars,
    clause_breaks_between,
    compile_keyword,
    could_be_near,
    exact_matches,
    fuzzy_matches,
)
from .negation import NegationIndex, negation_index, own_post_negators, post_negated, unrelated_to
from .normalize import Normalized, normalize, normalize_keyword
from .numbers_forms import number_forms
from .restated import denied_elsewhere
from .results import Grading, PointResult
from .rubric_cache import RUBRICS
from .separators import separators
from .sequence import asks_order, out_of_order
from .spans import at, clause, clause_after, clause_before, sentence
from .thesaurus import Thesaurus, thesaurus_for

MATCHES_PER_KEYWORD = 3
OPTIONS_PER_POINT = 6
SEARCH_BUDGET = 20_000  # nodes of the assignment search; far more than any real rubric needs
MAX_VARIANTS = 24  # synonym and number forms per keyword


@dataclass(frozen=True)
class CompiledPoint:
    rubric: RubricPoint
    keywords: tuple[Keyword, ...]  # the author's keywords, then their variants
    groups: tuple[tuple[Keyword, ...], ...]  # all: every group must be found in the match's clause
    concepts: tuple[Concept, ...]  # the keywords' own words in any order (strict), then the point's
    opposites: tuple[str, ...]  # antonyms of the point's words: a clause holding one earns nothing
    marks: tuple[str, ...] = ()  # words only this point has (its keywords, its point's own words)
    # per other point: (its keywords, its words that this point's text lacks)
    rival_marks: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # a point said in two halves (事先预约，不做不速之客): each half's own words, and the others' halves
    halves: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    rival_halves: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # `under:`: the index of the point that names this point's item (None when it is under none), and
    # every such item's index and keywords
    head: int | None = None
    heads: tuple[tuple[int, tuple[Keyword, ...]], ...] = ()
    # per item: its members' keywords; and this point's own index when it names an item
    members: tuple[tuple[int, tuple[Keyword, ...]], ...] = ()
    item: int | None = None
    # the other points' all: words this point's groups lack: a clause holding one is about another item
    rival_groups: tuple[str, ...] = ()
    # the point's actions (确认 in 确认达成的共识, 告辞 from the stem's 应当告辞): denied after a match, they
    # void it (客户临时有事时可以在旁边等着，不必告辞)
    actions: tuple[str, ...] = ()
    # the rubric's labels (TPO's letters, `label:` headings) and this point's index when one names it
    letters: Labels = ()
    lettered: int | None = None
    # the point names a fault the stem asks for (小吴的做法错在哪里 → 随口作出超出公司承诺的许诺): an answer
    # that says the act is fine (这个做法其实没什么问题) has not found the fault
    criticism: bool = False
    # the facts the point gives per customer class (A户每周一次…): an answer swapping them earns nothing
    class_facts: ClassFacts = ()
    # the case's numbered item the point is about (①……属于基本型需求), its class and the others' classes
    marker: Marker = ()


def _variants(text: str, thesaurus: Thesaurus) -> list[tuple[str, str]]:
    """(normalised form, how) of a keyword said another way: a bank synonym swapped in for part of
    it, or its quantity in another unit."""
    out: list[tuple[str, str]] = [(form, NUMBER) for form in number_forms(text)]
    for phrase in thesaurus.phrases:
        if phrase in text:
            for other in sorted(thesaurus.domain_synonyms(phrase)):
                out.append((text.replace(phrase, other), SYNONYM))
    return out[:MAX_VARIANTS]


TYPE_TAILS = tuple(normalize_keyword(t) for t in ("类", "那类", "那一类", "这类", "那种", "类型"))


def _elided(text: str) -> list[tuple[str, str | None]]:
    """Forms of a keyword whose head a list may leave out: 先长辈后晚辈 said as …、长辈后晚辈 after a 先;
    基本型 said as 基本那一类."""
    out: list[tuple[str, str | None]] = []
    if text.startswith("先") and "后" in text[2:]:
        out.append((text[1:], "先"))
    if text.endswith("型") and len(text) >= 3:
        for tail in TYPE_TAILS:
            out.append((text[:-1] + tail, None))
    return out


def _keywords(words, thesaurus: Thesaurus) -> tuple[Keyword, ...]:
    compiled: list[Keyword] = []
    seen: set[str] = set()

    def add(keyword: Keyword) -> None:
        if keyword.text and keyword.text not in seen:
            seen.add(keyword.text)
            compiled.append(keyword)

    originals = [compile_keyword(word) for word in words]
    for keyword in originals:
        add(keyword)
    for keyword in originals:
        for text, how in _variants(keyword.text, thesaurus):
            add(compile_keyword(keyword.original, how, text))
        for text, before in _elided(keyword.text):
            add(compile_keyword(keyword.original, SYNONYM, text, before))
    return tuple(compiled)


def _tolerant(keywords: tuple[Keyword, ...], point_text: str) -> tuple[Keyword, ...]:
    """The keywords told which post-negators their point says itself: those deny nothing of it."""
    own = own_post_negators(point_text)
    return tuple(replace(k, tolerated=own) for k in keywords) if own else keywords


def _opposites(texts, thesaurus: Thesaurus) -> tuple[str, ...]:
    found: set[str] = set()
    for text in texts:
        for opposites in thesaurus.phrase_antonyms(normalize_keyword(text)):
            found.update(opposites)
    joined = "".join(normalize_keyword(t) for t in texts)
    return tuple(sorted(o for o in found if o not in joined))


@lru_cache(maxsize=4096)
def compile_rubric(question_id: str, rubric: tuple[RubricPoint, ...], stem: str = "",
                   lexicon: Lexicon = EMPTY_LEXICON) -> tuple[CompiledPoint, ...]:
    """The rubric with its keywords, variants and concepts prepared; cached by question (the rubric is
    part of the key, so two banks with the same question id do not mix), and kept between runs when
    the caller named a folder for it (`rubric_cache.RUBRICS`)."""
    compiled = RUBRICS.get(question_id, rubric, stem, lexicon)
    if compiled is None:
        compiled = _compile_rubric(rubric, stem, lexicon)
        RUBRICS.put(question_id, rubric, stem, lexicon, compiled)
    return compiled


def _compile_rubric(rubric: tuple[RubricPoint, ...], stem: str, lexicon: Lexicon) -> tuple[CompiledPoint, ...]:
    thesaurus = thesaurus_for(lexicon)
    weights = rubric_weights([p.point for p in rubric])
    stem_norm = normalize_keyword(stem)
    compiled = []
    own = [set(content_words(p.point)) for p in rubric]
    unique = _unique_marks(rubric, own, stem_norm)
    for index, point in enumerate(rubric):
        others = set().union(*(own[:index] + own[index + 1:])) if len(own) > 1 else set()
        # The other points' words of three or more characters that this point lacks (期望型 against
        # 基本型): a window holding one is about another item.
        rivals = {w for w in others - own[index] if len(w) >= 3 and not w.isdigit()}
        # …and the other points' own keywords (期望型 is a keyword of the point beside 基本型).
        point_text = normalize_keyword(point.point)
        for other in rubric[:index] + rubric[index + 1:]:
            for word in other.keywords:
                norm_word = normalize_keyword(word)
                if len(norm_word) >= 2 and norm_word not in point_text and not any(
                        norm_word in normalize_keyword(k) or normalize_keyword(k) in norm_word
                        for k in point.keywords):
                    rivals.add(norm_word)
        keywords = _tolerant(_keywords(point.keywords, thesaurus), point.point)
        groups = tuple(_tolerant(_keywords(group, thesaurus), point.point) for group in point.all_of)
        concepts = []
        for word in point.keywords:
            concept = build_concept(word, stem_norm, weights, thesaurus, strict=True)
            if concept is not None and _reorderable(concept):
                concepts.append(concept)
        concept = build_concept(point.point, stem_norm, weights, thesaurus, strict=False,
                                rivals=tuple(sorted(rivals)))
        if concept is not None:
            concepts.append(concept)
        opposites = _opposites((point.point, *point.keywords), thesaurus)
        marks, rival_marks = _marks(rubric, unique, index)
        compiled.append(CompiledPoint(point, keywords, groups, tuple(concepts), opposites, marks,
                                      rival_marks, _halves(point.point, marks),
                                      actions=point_actions(point.point, stem, thesaurus),
                                      criticism=names_fault(point.point, stem),
                                      class_facts=point_class_facts(normalize_keyword(point.point))))
    markers = rubric_markers([p.point for p in rubric])
    if any(markers):
        compiled = [replace(c, marker=m) for c, m in zip(compiled, markers)]
    letters = rubric_labels([p.point for p in rubric], [p.labels for p in rubric])
    if letters:
        named = set().union(*(ids for _, ids in letters))
        compiled = [replace(c, letters=letters, lettered=i if i in named else None)
                    for i, c in enumerate(compiled)]
    return _with_rival_groups(_with_items(_with_rival_halves(compiled)))


def _with_rival_groups(compiled: tuple[CompiledPoint, ...]) -> tuple[CompiledPoint, ...]:
    if sum(1 for c in compiled if c.groups) < 2:
        return compiled
    words = [{k.text for g in c.groups for k in g if k.text} for c in compiled]
    out = []
    for i, c in enumerate(compiled):
        if not c.groups:
            out.append(c)
            continue
        others = set().union(*(w for j, w in enumerate(words) if j != i)) - words[i]
        # a word inside one of this point's own (处理 in 处理投诉) names this item too
        others = {o for o in others if not any(o in own for own in words[i])}
        out.append(replace(c, rival_groups=tuple(sorted(others))))
    return tuple(out)


def _with_items(compiled: tuple[CompiledPoint, ...]) -> tuple[CompiledPoint, ...]:
    """Each point told the rubric's items (`under:`): which points name an item, and which belong to one."""
    ids = {c.rubric.id: i for i, c in enumerate(compiled)}
    head_of = {i: ids[c.rubric.under] for i, c in enumerate(compiled) if c.rubric.under in ids}
    if not head_of:
        return compiled
    items = sorted(set(head_of.values()))
    heads = tuple((h, compiled[h].keywords) for h in items)
    members = tuple((h, tuple(k for i, c in enumerate(compiled) if head_of.get(i) == h
                              for k in c.keywords if k.variant is None)) for h in items)
    return tuple(replace(c, head=head_of.get(i), heads=heads, members=members,
                         item=i if i in items else None) for i, c in enumerate(compiled))


HALF_SPLITS = ("，", "：", ":", ",")


def _half_texts(text: str) -> tuple[str, str]:
    """A point's text split at its first comma or colon, normalised; ("", "") when it has neither."""
    for sep in HALF_SPLITS:
        if sep in text:
            first, second = text.split(sep, 1)
            return normalize_keyword(first), normalize_keyword(second)
    return "", ""


def _halves(text: str, marks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The point's own words in each half of a point said as two halves (如约而至，不做失约之客), or None
    when it is not so said or a half has no words of its own."""
    a, b = _half_texts(text)
    one = tuple(m for m in marks if a and m in a)  # a word in both halves names the item: the first
    two = tuple(m for m in marks if b and m in b and m not in a)
    return (one, two) if one and two else None


def _parallel(a: str, b: str) -> bool:
    """Whether two halves are said on one pattern (不做失约之客 / 不做不速之客: 不做…之客)."""
    return any(a[k:k + 2] in b for k in range(len(a) - 1))


def _with_rival_halves(compiled: list[CompiledPoint]) -> tuple[CompiledPoint, ...]:
    """Each halved point with the halves of the others said on the same pattern as its own (不做…之客;
    按客户…分类：…)."""
    halved = [c.halves for c in compiled]
    if sum(h is not None for h in halved) < 2:
        return tuple(compiled)
    texts = [_half_texts(c.rubric.point) for c in compiled]
    out = []
    for i, c in enumerate(compiled):
        if c.halves is None:
            out.append(c)
            continue
        rivals = tuple(h for j, h in enumerate(halved) if j != i and h is not None
                       and (_parallel(texts[i][0], texts[j][0]) or _parallel(texts[i][1], texts[j][1])))
        out.append(replace(c, rival_halves=rivals))
    return tuple(out)


def _cross_paired(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match's sentence pairs one half of this point with the other half of another's, and
    neither with its own: 事先预约，不做失约之客 (the 如约而至's), 逢年过节问候体现成长需求."""
    if point.halves is None or not point.rival_halves:
        return False
    text = norm.text
    stops = norm.stops
    s0, s1 = sentence(norm, match.start, match.end)
    a, b = clause(norm, match.start, match.end)
    own = text[a:b]
    mine = [any(w in own for w in h) for h in point.halves]
    if mine[0] == mine[1]:
        return False
    missing = 0 if not mine[0] else 1
    # the half that should pair with this one: the clause after it (or before it), in its sentence
    if missing == 1:
        k = bisect_right(stops, b)
        other = text[b:min(s1, stops[k] if k < len(stops) else len(text))]
    else:
        k = bisect_left(stops, a) - 1
        other = text[max(s0, stops[k] if k >= 0 else 0):a]
    pair = own + other
    if any(w in pair for w in point.halves[missing]):
        return False
    return any(any(w in pair for w in rival[missing]) and not any(w in pair for w in rival[1 - missing])
               for rival in point.rival_halves)


def _point_marks(point: RubricPoint, words: set[str]) -> set[str]:
    keywords = {normalize_keyword(k) for k in point.keywords}
    return {w for w in words | keywords if len(w) >= 2}


def _overlap(word: str, other: str) -> bool:
    """Whether two points' words share too much to tell the points apart: one holds the other, unless
    what the longer one holds is a two-character tail every item has (之客 in 不速之客 and 失约之客;
    the tail itself still tells nothing apart)."""
    if word == other:
        return True
    if len(other) == 2 and other in word and not word.startswith(other):
        return False
    return word in other or other in word


def _unique_marks(rubric: tuple[RubricPoint, ...], own: list[set[str]], stem_norm: str) -> list[set[str]]:
    """Per point, the words that tell its item from the others' (none the stem gives away)."""
    every = [_point_marks(p, own[i]) for i, p in enumerate(rubric)]
    out = []
    for i, words in enumerate(every):
        others: set[str] = set().union(*(every[:i] + every[i + 1:]))
        out.append({w for w in words if w not in stem_norm and not any(_overlap(w, o) for o in others)})
    return out


def _marks(rubric: tuple[RubricPoint, ...], unique: list[set[str]], index: int
           ) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """This point's own marks, and the others' marks that this point's own text lacks."""
    text = normalize_keyword(rubric[index].point)
    rivals = []
    for i, other in enumerate(rubric):
        if i != index:
            words = tuple(sorted(w for w in unique[i] if w not in text))
            if words:
                rivals.append((tuple(normalize_keyword(k) for k in other.keywords), words))
    return tuple(sorted(unique[index])), tuple(rivals)


LABEL_MARKERS = ("就是", "是指", "指的是")  # besides a colon or a dash
# 即 too (晕轮效应，即……), but not inside a word (即使, 立即, 随即)
NOT_LABEL_JI_AFTER = frozenset("使将可便刻时日兴席位")
NOT_LABEL_JI_BEFORE = frozenset("立随当旋亦")


def _marker_at(text: str, pos: int) -> bool:
    """Whether a label marker (就是, 是指, 指的是, 即) begins at text[pos]."""
    if text.startswith(LABEL_MARKERS, pos):
        return True
    return (text.startswith("即", pos) and text[pos + 1:pos + 2] not in NOT_LABEL_JI_AFTER
            and text[pos - 1:pos] not in NOT_LABEL_JI_BEFORE)


def _last_marker(text: str, lo: int, hi: int) -> int:
    """Where the last label marker in text[lo:hi] begins, or -1."""
    found = max(text.rfind(marker, lo, hi) for marker in LABEL_MARKERS)
    pos = text.rfind("即", lo, hi)
    while pos > found and not _marker_at(text, pos):
        pos = text.rfind("即", lo, pos)
    return max(found, pos)
LABELLED_BY = ("属于", "体现", "叫做")


def _mislabelled(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match names this point's item as the label of another item's description:
    忽视法：先部分肯定对方 (the 太极法's), or 逢年过节问候体现成长需求 (the 情感需求's)."""
    if not point.rival_marks:
        return False
    text = norm.text
    s0, s1 = sentence(norm, match.start, match.end)
    after = match.end
    labels = norm.labels
    k = 0
    while after + k < s1 and k <= 2 and not (at(labels, after + k)
                                              or _marker_at(text, after + k)):
        k += 1
    if after + k < s1 and k <= 2:
        # The description runs to the sentence's end, or to the clause before the next label.
        end = s1
        n = bisect_right(labels, after + k)
        if n < len(labels) and labels[n] < s1:
            stops = norm.stops
            end = max(after + k, stops[bisect_left(stops, labels[n]) - 1])
        segment = text[after + k:end]
    elif text.endswith(LABELLED_BY, s0, match.start):
        c0, _ = clause(norm, match.start, match.end)
        segment = text[max(s0, c0):match.start]
    else:
        return _under_rival_label(norm, point, match, s0)
    found = match.keyword.text
    if any(m in segment for m in point.marks if m != found):
        return False
    # Another item's description, when that item is itself named as a label elsewhere in the answer
    # (the swapped answer); a heading over its sub-points (掌握客户的情况：分析客户需求…) is no swap.
    for keywords, words in point.rival_marks:
        if any(w in segment for w in words) and any(
                _labels_something(norm, text, k) for k in keywords if k and k not in segment):
            return True
    return False


def _label_before(norm: Normalized, start: int, s0: int) -> tuple[int, int] | None:
    """The label that the clause holding `start` stands under in its sentence: the text before the
    nearest colon, dash or 就是 ahead of it (太极法：客户只是发牢骚时不予理会), as (start, end)."""
    text = norm.text
    labels = norm.labels
    n = bisect_right(labels, start) - 1
    end = labels[n] if n >= 0 and labels[n] > s0 else -1
    p = _last_marker(text, s0, start)
    if p > end:
        end = p
    if end <= s0:
        return None
    stops = norm.stops
    k = bisect_left(stops, end) - 1
    first = max(s0, stops[k] if k >= 0 else 0)
    if first == end and k >= 1:  # 清晰期望，就是……: the label is the clause before the comma
        first = max(s0, stops[k - 1])
    return first, end


def _under_rival_label(norm: Normalized, point: CompiledPoint, match: Match, s0: int) -> bool:
    """Whether the match is a description standing under another item's label while this point's own
    item labels something else in the answer: 太极法：……不予理会 (the 忽视法's), 鸡同鸭讲：……听进多少."""
    span = _label_before(norm, match.start, s0)
    if span is None:
        return False
    label = norm.text[span[0]:span[1]]
    if any(m in label for m in point.marks):
        return False
    if not any(k and k in label for keywords, _ in point.rival_marks for k in keywords):
        return False
    return any(kw.variant is None and kw.text not in label and _labels_something(norm, norm.text, kw.text)
               for kw in point.keywords)


def _labels_something(norm: Normalized, text: str, keyword: str) -> bool:
    """Whether `keyword` stands in the answer as a label: before a colon, a dash or 就是, or after
    属于/体现."""
    pos = text.find(keyword)
    while pos != -1:
        end = pos + len(keyword)
        if at(norm.labels, end) or _marker_at(text, end) or text.endswith(LABELLED_BY, 0, pos):
            return True
        pos = text.find(keyword, pos + 1)
    return False


def _reorderable(concept: Concept) -> bool:
    """Whether a keyword's words may come in any order: not when order is its meaning (先诊断后建议)
    nor when a single character would have to be found anywhere in the clause (用对手的产品)."""
    return all(len(w.text) >= 2 and not (set(w.text) & ORDER_CHARS) for w in concept.words)


ORDER_CHARS = frozenset("先后再")


def _group_found(norm: Normalized, group: tuple[Keyword, ...], start: int, end: int) -> Match | None:
    for keyword in group:
        for match in exact_matches(norm, keyword, MATCHES_PER_KEYWORD, start, end):
            return match
    return None


def _bound(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether every all: group stands in the match's clause (a time limit beside its own item), or in
    the clause next to it in its sentence when that one names no other item (问题型的就难了，得有真本事)."""
    if not point.groups:
        return True
    a, b = clause(norm, match.start, match.end)
    return all(_group_near(norm, point, group, a, b) is not None for group in point.groups)


def _group_near(norm: Normalized, point: CompiledPoint, group: tuple[Keyword, ...], a: int, b: int) -> Match | None:
    """A group in the clause text[a:b], else in the clause before or after it in the same sentence
    when that clause holds none of the other points' all: words (a topic said in one clause and its
    comment in the next, as people speak)."""
    found = _group_found(norm, group, a, b)
    if found is not None:
        return found
    s0, s1 = sentence(norm, a, b)
    text = norm.text
    for c0, c1 in (clause_before(norm, a, s0), clause_after(norm, b, s1)):
        if c0 < c1 and not any(w in text[c0:c1] for w in point.rival_groups):
            found = _group_found(norm, group, c0, c1)
            if found is not None:
                return found
    return None


BARE_CLAUSE = 2  # characters a clause may hold besides the match and still be only its heading (①)
EXAMPLE_OPENERS = ("比如", "例如", "譬如", "如")


def _contradicted(norm: Normalized, point: CompiledPoint, match: Match) -> str | None:
    """The opposite of the point (越长越好 where it says 适当控制) that the match's clause says, or None."""
    if not point.opposites:
        return None
    a, b = clause(norm, match.start, match.end)
    said = norm.text[a:b]
    opposite = next((o for o in point.opposites if o in said), None)
    if opposite is not None:
        return opposite
    # …or the clause after it, when the match's clause says nothing more than the match (①人性本如此，
    # 大部分人从内心是倾向于说YES的) or the next gives its example (问具有引导性的问题，比如开放式问题)
    stops = norm.stops
    k = bisect_right(stops, match.start)
    plain_a = stops[k - 1] if k > 0 else 0
    plain_b = stops[k] if k < len(stops) else len(norm.text)
    _, s1 = sentence(norm, match.start, match.end)
    c, d = clause_after(norm, b, s1)
    bare = match.end <= plain_b and plain_b - plain_a - (match.end - match.start) <= BARE_CLAUSE
    if not bare and not norm.text.startswith(EXAMPLE_OPENERS, c):
        return None
    after = norm.text[c:d]
    return next((o for o in point.opposites if o in after), None)


def _all_matches(norm: Normalized, point: CompiledPoint) -> list[Match]:
    """Every all: group found in one clause, with nothing else needed: 72小时 … 处理 in one clause."""
    found: list[Match] = []
    first = point.groups[0]
    for keyword in first:
        for anchor in exact_matches(norm, keyword, MATCHES_PER_KEYWORD):
            a, b = clause(norm, anchor.start, anchor.end)
            parts = [anchor]
            for group in point.groups[1:]:
                part = _group_near(norm, point, group, a, b)
                if part is None:
                    break
                parts.append(part)
            else:
                claims = tuple(sorted((m.start, m.end) for m in parts))
                start, end = claims[0][0], max(c[1] for c in claims)
                found.append(Match(start, end, ALL, keyword, claims, tuple(norm.text[x:y] for x, y in claims)))
    return found


SPEAKER_CHARS = frozenset("我咱")  # in a point's meaning, 自己 is often the candidate's own (客户经理自己…)


def _apart(norm: Normalized, claims: tuple[tuple[int, int], ...], in_order: bool,
           owners: frozenset[str] = OWNER_CHARS) -> bool:
    """Whether a keyword's words found in another order stand as two things: listed apart the other way
    round (情况和经营 for 经营情况; in order, 期望、惊喜……型需求 is a list sharing its head; keywords'
    words only) or with a person between them in one clause who makes them someone else's (对方用我的
    眼睛)."""
    spans = sorted(claims)
    seps = separators(norm)
    for (_, a), (b, _) in pairwise(spans):
        if any(ch in owners for ch in norm.text[a:b]) and not clause_breaks_between(norm, a, b):
            return True
        i = bisect_left(seps, (a, a))
        if not in_order and i < len(seps) and seps[i][1] <= b:
            return True
    return False


def _concept_matches(norm: Normalized, point: CompiledPoint) -> list[Match]:
    found: list[Match] = []
    for concept in point.concepts:
        how = ORDER if concept.strict else CONCEPT
        keyword = compile_keyword(concept.source)
        for hit in concept_hits(norm, concept):
            if (_apart(norm, hit.claims, hit.in_order) if concept.strict
                    else _apart(norm, hit.claims, True, SPEAKER_CHARS)):
                continue
            found.append(Match(hit.start, hit.end, how, keyword, hit.claims, hit.words))
        if found:
            break
    return found


def _keep(norm: Normalized, point: CompiledPoint, matches: list[Match]) -> list[Match]:
    kept = [m for m in matches if _bound(norm, point, m) and _contradicted(norm, point, m) is None
            and not _mislabelled(norm, point, m) and not _cross_paired(norm, point, m)
            and not _wrong_quantity(norm, point, m) and _under_item(norm, point, m) is None
            and not heading_swapped(norm, point, m) and not under_denied_item(norm, point, m)
            and action_denied(norm, point.actions, m.start, m.end) is None
            and wrong_label(norm, point.letters, point.lettered, m.start) is None
            and wrong_marker(norm, point.marker, m.start) is None
            and not _lost_negation(norm, point, m) and not _unrelated_to_own(norm, point, m)
            and not (point.criticism and endorsed(norm, m.end))]
    if kept:
        kept = [m for m in kept if not _inside_denied_keyword(norm, point, m)
                and not denied_elsewhere(norm, point.keywords, m.start, m.end)]
    return kept


AVOIDING = ("避开", "躲开", "绕开", "绕过", "躲着", "回避", "避免")
AVOID_REACH = 8  # characters before the match in its clause


@lru_cache(maxsize=4096)
def _point_negation(point_text: str) -> tuple[Normalized, NegationIndex]:
    norm = normalize(point_text)
    return norm, negation_index(norm)


def _unrelated_to_own(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match's sentence ends by saying it has nothing to do with a thing of the point's own
    (……而抱怨，……跟客户信息关系不大, where the point is 客户信息是客户满意的基础); not with another
    point's (利润需求主要就是赚钱，和订货没有关系 keeps 利润需求)."""
    other = unrelated_to(norm, match.start)
    if not other:
        return False
    own = normalize_keyword(point.rubric.point)
    return any(other[i:i + 2] in own for i in range(len(other) - 1))


def _lost_negation(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match is a word the point itself negates (抗拒 in 问一些客户没有抗拒点的问题), said by the
    answer with no avoiding of it (客户有抗拒点的问题也要多问): the point's sense is lost."""
    if match.keyword.negative or match.how in (CONCEPT, ORDER, ALL):
        return False  # a negative keyword keeps its own negation; concepts weigh their polarity themselves
    said = norm.text[match.start:match.end]
    own, negation = _point_negation(point.rubric.point)
    pos = own.text.find(said)
    if pos == -1 or not negation.negated(pos):
        return False
    a, _ = clause(norm, match.start, match.end)
    before = norm.text[max(a, match.start - AVOID_REACH):match.start]
    return not any(w in before for w in AVOIDING)


def _inside_denied_keyword(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match lies inside a longer keyword of the point that stands as written but denied:
    仪表 in 至于仪表仪容倒不必太讲究."""
    text = norm.text
    size = match.end - match.start
    for keyword in point.keywords:
        n = len(keyword.text)
        if keyword.variant is not None or keyword.negative or n < 3 or n <= size:
            continue
        pos = text.find(keyword.text, max(0, match.end - n), match.start + n)
        while pos != -1 and pos <= match.start:
            if pos + n >= match.end and (negation_index(norm).negated(pos) or post_negated(norm, pos + n, pos)):
                return True
            pos = text.find(keyword.text, pos + 1, match.start + n)
    return False


def _under_item(norm: Normalized, point: CompiledPoint, match: Match) -> str | None:
    """The name of the wrong item a match is written under, as typed (`items.under_item`)."""
    span = under_item(norm, point, match)
    return None if span is None else norm.original_text(*span)


SENTENCE_QUANTITY_REACH = 80  # a longer sentence holds other items' quantities too
TIME_LIMITS = frozenset({"小时", "分钟", "工作日", "天", "秒"})  # what the sentence is read for (not 第1次)
QUANTITY = re.compile(r"(\d+(?:\.\d+)?|半)(小时|分钟|工作日|天|周|个月|月|%|秒|年|米|次|倍)")


@lru_cache(maxsize=4096)
def _quantities(text: str) -> frozenset[tuple[str, str]]:
    """The (amount, unit) pairs a normalised text states: 48小时, 3工作日, 半小时, 60%."""
    return frozenset(QUANTITY.findall(text))


def _wrong_quantity(norm: Normalized, point: CompiledPoint, match: Match) -> bool:
    """Whether the match's clause, or the next, gives the point's quantity wrongly: another amount of
    the same unit, and never the point's own (清晰期望……市区半小时内到场 where the point says 1小时)."""
    wanted = _quantities(normalize_keyword(point.rubric.point))
    if not wanted or any(ch.isdigit() for ch in match.keyword.text):
        return False
    # the match's clause and the one after it, in its sentence (清晰期望，告诉他……半小时内到场)
    a, b = clause(norm, match.start, match.end)
    hard, stops = norm.hard_breaks, norm.stops
    k = bisect_right(stops, b)
    j = bisect_left(hard, match.end)
    end = min(stops[k] if k < len(stops) else len(norm.text), hard[j] if j < len(hard) else len(norm.text))
    said = _quantities(norm.text[a:max(b, end)])
    if not said:
        # none there: the sentence, when it gives only wrong ones (加强感受：残皱烟24小时之内送达、
        # 市区投诉半小时内到场，让客户感受到服务)
        s0, s1 = sentence(norm, match.start, match.end)
        if s1 - s0 > SENTENCE_QUANTITY_REACH:
            return False
        said = frozenset(q for q in _quantities(norm.text[s0:s1]) if q[1] in TIME_LIMITS)
    if not said or said & wanted:
        return False
    units = {unit for _, unit in wanted}
    return any(unit in units for _, unit in said)


def _candidates(norm, point: CompiledPoint) -> list[Match]:
    """Where this point could be earned, best first: as written (or a variant), then fuzzily, then from a
    list, then its all: groups, then its words in any order, then its meaning."""
    if classes_swapped(norm, point.class_facts):
        return []  # the answer gives one class another's fact: the point's facts are swapped
    found: list[Match] = []
    text = norm.text
    for keyword in point.keywords:
        if keyword.text and keyword.text in text:  # the gate: most keywords are absent
            found.extend(exact_matches(norm, keyword, MATCHES_PER_KEYWORD))
    found = _keep(norm, point, found)
    if not found:
        chars = answer_chars(norm)
        for keyword in point.keywords:
            # A keyword the answer has as written, but negated or beside the wrong item, is not
            # rescued by a near spelling of it.
            if keyword.variant is None and keyword.text not in text and could_be_near(chars, keyword):
                found.extend(fuzzy_matches(norm, keyword, MATCHES_PER_KEYWORD))
        found = _keep(norm, point, found)
    if not found and norm.text:
        for keyword in point.keywords:
            if keyword.variant is None:
                found.extend(list_matches(norm, keyword, MATCHES_PER_KEYWORD))
        found = _keep(norm, point, found)
    if not found and point.groups:
        found = _keep(norm, point, _all_matches(norm, point))
    if not found and point.concepts:
        found = _keep(norm, point, _concept_matches(norm, point))
    order = {k.text: i for i, k in enumerate(point.keywords)}
    found.sort(key=lambda m: (m.cost, order.get(m.keyword.text, len(order)), m.start))
    return found[:OPTIONS_PER_POINT]


def _loosely_found(text: str, keyword: str) -> tuple[int, int]:
    """Where a keyword stands as written, or with one character between its halves (企业[的]宣传);
    (-1, -1) when it does not."""
    if not keyword:
        return -1, -1
    pos = text.find(keyword)
    if pos != -1:
        return pos, pos + len(keyword)
    if len(keyword) >= 4:
        half = len(keyword) // 2
        head, tail = keyword[:half], keyword[half:]
        pos = text.find(head)
        while pos != -1:
            if text.startswith(tail, pos + half + 1):
                return pos, pos + half + 1 + len(tail)
            pos = text.find(head, pos + 1)
    return -1, -1


def why_missed(norm: Normalized, point: CompiledPoint) -> str | None:
    """Why a missed point was missed although its words are there: negated, contradicted, or a fact
    beside the wrong item. None when its words are simply not in the answer."""
    text = norm.text
    if classes_swapped(norm, point.class_facts):
        return "某一类客户写成了另一类客户的频次或时长"
    negation = negation_index(norm)
    for keyword in point.keywords:
        pos, end = _loosely_found(text, keyword.text)
        if pos == -1 or clause_breaks_between(norm, pos, end):
            continue  # not there, or only across a comma (上级，先): nothing to explain
        shown = norm.original_text(pos, end)
        if not keyword.negative and (negation.negated(pos) or post_negated(norm, end, pos)):
            return f"找到「{shown}」，但被否定"
        if point.criticism and endorsed(norm, end):
            return f"找到「{shown}」，但随后又说这样做没有问题"
        probe = Match(pos, end, "exact", keyword)
        opposite = _contradicted(norm, point, probe)
        if opposite is not None:
            at = text.find(opposite, pos)
            opposite = norm.original_text(at, at + len(opposite)) if at != -1 else opposite
            return f"找到「{shown}」，但同一句里说的是相反的「{opposite}」"
        if not _bound(norm, point, probe):
            return f"找到「{shown}」，但{_unbound(norm, point, pos, end)}"
        item = _under_item(norm, point, probe)
        label = wrong_label(norm, point.letters, point.lettered, pos)
        if item is None and label is not None:
            item = norm.original_text(*label)
        fault = wrong_marker(norm, point.marker, pos) if item is None else None
        if fault is not None and fault[1] is not None:
            where = f"把「{fault[0]}」" if fault[0] else "这里"
            return f"找到「{shown}」，但{where}归成了「{fault[1]}」"
        if fault is not None:
            item = fault[0]
        if item is not None:
            return f"找到「{shown}」，但写在「{item}」之下，不属于该项"
    for group in point.groups:
        for keyword in group:
            pos = text.find(keyword.text) if keyword.text else -1
            if pos != -1:
                shown = norm.original_text(pos, pos + len(keyword.text))
                return f"找到「{shown}」，但{_unbound(norm, point, pos, pos + len(keyword.text))}"
    return None


def _unbound(norm: Normalized, point: CompiledPoint, start: int, end: int) -> str:
    """What an all: group found alone lacks in its clause, as the feedback says it."""
    a, b = clause(norm, start, end)
    found = norm.text[start:end]
    for group in point.groups:
        if any(k.text == found for k in group):
            continue  # the group of the word found: its partner is what is missing
        if _group_found(norm, group, a, b) is None:
            return f"同一句里没有与它对应的「{group[0].original}」"
    return "它在这里不算数"


def _conflict(a: Match, b: Match) -> bool:
    return a.keyword.text == b.keyword.text or a.overlaps(b)


def assign(options: list[list[Match]], weights: list[float]) -> list[Match | None]:
    """One match (or none) per point: the most weight, then the least fuzziness, then the earliest
    options; no two chosen matches in conflict. Deterministic."""
    greedy = [opts[0] if opts else None for opts in options]
    chosen = [m for m in greedy if m is not None]
    if not any(_conflict(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1:]):
        return greedy
    n = len(options)
    remaining = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        remaining[i] = remaining[i + 1] + (weights[i] if options[i] else 0.0)
    best: list = [(-1.0, 0, ()), None]  # (weight, -cost, -ranks), picks
    picks: list[Match | None] = [None] * n
    budget = [SEARCH_BUDGET]

    def search(i: int, weight: float, cost: int, ranks: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if i == n:
            key = (round(weight, 9), -cost, -ranks)
            if key > best[0]:
                best[0], best[1] = key, list(picks)
            return
        if round(weight + remaining[i], 9) < best[0][0]:
            return
        taken = [m for m in picks[:i] if m is not None]
        for rank, m in enumerate(options[i]):
            if any(_conflict(m, t) for t in taken):
                continue
            picks[i] = m
            search(i + 1, weight + weights[i], cost + m.cost, ranks + rank)
            picks[i] = None
        search(i + 1, weight, cost, ranks + OPTIONS_PER_POINT)

    search(0, 0.0, 0, 0)
    return best[1] if best[1] is not None else greedy


class RubricQuestion(Protocol):
    """What the matcher needs of a question: a free-text question, or one blank of a fill question."""

    @property
    def id(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def stem(self) -> str: ...
    @property
    def rubric(self) -> tuple[RubricPoint, ...]: ...
    @property
    def lexicon(self) -> Lexicon: ...


def grade_free_text(question: RubricQuestion, answer: str) -> Grading:
    rubric = compile_rubric(question.id, question.rubric, question.stem, question.lexicon)
    total = sum(p.rubric.weight for p in rubric)
    norm = normalize(answer or "")
    if norm.text:
        options = [_candidates(norm, p) for p in rubric]
        picks = assign(options, [p.rubric.weight for p in rubric])
    else:
        picks = [None] * len(rubric)
    misplaced = out_of_order(picks) if asks_order(question.stem) else set()
    results = []
    earned_weight = 0.0
    for index, (point, match) in enumerate(zip(rubric, picks)):
        rp = point.rubric
        if match is None or index in misplaced:
            if match is not None:
                why: str | None = f"找到「{norm.original_text(match.start, match.end)}」，但它的顺序不对"
            else:
                why = why_missed(norm, point) if norm.text else None
            results.append(PointResult(rp.id, rp.point, rp.weight, 0.0, why=why))
            continue
        earned_weight += rp.weight
        a, b = norm.span(match.start, match.end)
        results.append(PointResult(
            rp.id, rp.point, rp.weight, round(question.score * rp.weight / total, 2) if total else 0.0,
            norm.original[a:b], (a, b), match.keyword.original, match.how,
            tuple(norm.original_text(x, y) for x, y in match.claims) if match.words else (),
        ))
    if total and abs(earned_weight - total) < 1e-9:
        score = float(question.score)
    else:
        score = round(question.score * earned_weight / total, 2) if total else 0.0
    return Grading(question.id, score, float(question.score), tuple(results))
