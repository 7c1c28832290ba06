"""Finding one keyword in a normalised answer: exactly, with one typo, with homophones, or with its
two words split by a few others (加强[客户的]感受).

Every search is a `str.find` over the answer, so a long answer costs little more than a short one:
a typo is found from the half of the keyword it left intact (pigeonhole), then checked with
rapidfuzz's Levenshtein distance; a homophone is found in the answer's syllable encoding.
No edit may touch a digit, a Latin letter, a negation character or a unit next to a number, so
每两周 never earns 每周, 3天 never earns 5天, and 要打断 never earns 不要打断; no match crosses a
clause's punctuation, and none that the answer negates counts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .negation import NEGATION_CHARS, negation_index, post_negated, starts_negated
from .normalize import Normalized, normalize
from .pinyin import keyword_sounds, sounds
from .separators import separators
from .spans import sentence
from .thesaurus import OPPOSITE_CHARS, OPPOSITE_PAIRS

TYPO_MIN_LENGTH = 4  # one wrong, missing or extra character is forgiven from this length on
MAX_OCCURRENCES = 5000  # anchors examined per keyword: a bound for pathological answers
UNIT_CHARS = frozenset("年月周日天时分秒季次个倍半期")

GAP_MAX = 3  # characters a keyword's two words may be split by: 加强[客户的]感受
EXACT, TYPO, HOMOPHONE, GAP, LIST = "exact", "typo", "homophone", "gap", "list"
SYNONYM, NUMBER, ORDER, CONCEPT, ALL = "synonym", "number", "order", "concept", "all"
COST = {EXACT: 0, TYPO: 1, HOMOPHONE: 1, GAP: 1, SYNONYM: 1, NUMBER: 0, LIST: 2, ORDER: 2, CONCEPT: 3, ALL: 1}


class Match:
    """Where a keyword was found: text[start:end] of the normalised answer.

    `claims` are the stretches no other rubric point may use: all of it, except for the words
    between a split keyword (加强[客户的]感受) and for a distributive list, where the shared word
    (管理 in 感受与期望管理) serves every item.
    """

    __slots__ = ("claims", "end", "how", "keyword", "start", "words")

    def __init__(self, start, end, how, keyword, claims=None, words=()):
        self.start = start
        self.end = end
        # A variant's own way (a synonym or a number form) names how an exact find came about.
        self.how = keyword.variant if how == EXACT and keyword.variant else how
        self.keyword = keyword
        self.claims = ((start, end),) if claims is None else claims
        self.words = words  # the words found, for a concept or an all: match

    @property
    def cost(self) -> int:
        return COST[self.how]

    def overlaps(self, other: Match) -> bool:
        return any(a < d and c < b for a, b in self.claims for c, d in other.claims)

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.how}, {self.keyword.text!r})"


@dataclass(frozen=True)
class Keyword:
    """A rubric keyword prepared for searching (built once per keyword, then cached)."""

    original: str
    text: str
    negative: bool
    sounds: tuple[str, ...]
    spans_clauses: bool  # the keyword itself has a comma (成功难，不成功更难)
    variant: str | None = None  # synonym | number: how this form was derived from the author's keyword
    needs_before: str | None = None  # an elided head that must stand earlier in the sentence (先)
    charset: frozenset[str] = frozenset()  # its characters, for the gate before near-spelling searches
    # post-negators the point itself says (影响不大 in 次要型需求……对满意度影响不大): they deny nothing here
    tolerated: frozenset[str] = frozenset()

    @property
    def forgives_typo(self) -> bool:
        # A keyword with a number in it is a fact: 48小时内送 must not be found in 48小时内打.
        return len(self.text) >= TYPO_MIN_LENGTH and not any(ch.isdigit() for ch in self.text)

    @property
    def homophone_budget(self) -> int:
        n = len(self.text)
        return 0 if n < 2 else 1 if n < TYPO_MIN_LENGTH else 2


@lru_cache(maxsize=16384)
def compile_keyword(keyword: str, variant: str | None = None, text: str | None = None,
                    needs_before: str | None = None) -> Keyword:
    """A keyword prepared for searching; a variant passes its own normalised `text`."""
    if text is None:
        norm = normalize(keyword)
        text = norm.text
        inner_stops = any(0 < p < len(text) for p in norm.stops)
    else:
        inner_stops = False
    return Keyword(keyword, text, starts_negated(text), keyword_sounds(text) if text else (), inner_stops,
                   variant, needs_before, frozenset(text))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def protected(text: str, i: int) -> bool:
    """Whether an edit at text[i] changes meaning rather than spelling."""
    ch = text[i]
    if ch in OPPOSITE_CHARS or _comparative(text, i):
        return True  # 正面 is not a typo of 背面, nor 先报 of 再报, nor 越好 of 约好
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True  # the character beside a number: 3天 is not 3年, 48小时 not 48小节
    return _meaning_bearing(text, i)


def same_sound(a: str, b: str) -> bool:
    """Whether two Han characters (neither a negation) share a reading: 征 and 正, 备 and 被. Such a swap
    is a slip of the input method, never an antonym's (正/背, 先/再 do not sound alike)."""
    return (a != b and _is_han(a) and _is_han(b) and a not in NEGATION_CHARS and b not in NEGATION_CHARS
            and sounds(a) == sounds(b))


# 越……越 makes a comparison (越细越好), never a slip for 约: 约好 is not 越好 (跳越 is still 跳跃)
COMPARATIVE = "越"
COMPARATIVE_REACH = 4


def _comparative(text: str, i: int) -> bool:
    """Whether text[i] is a 越 of 越……越."""
    return text[i] == COMPARATIVE and COMPARATIVE in (
        text[max(0, i - COMPARATIVE_REACH):i] + text[i + 1:i + 1 + COMPARATIVE_REACH])


def _swap_allowed(keyword: str, i: int, text: str, j: int) -> bool:
    """Whether keyword[i] may stand as text[j] in a near spelling."""
    if _comparative(text, j):
        return False
    return same_sound(keyword[i], text[j]) or not (protected(keyword, i) or protected(text, j))


# 满足程度最低 is not 满足程度低: the lowest need is one need, the low ones are several
SUPERLATIVES = frozenset("最")
# the speaker is meaning: 我是烟草公司的 is not 道是烟草公司的 (您 and 他 may both be the customer)
PRONOUNS = frozenset("我咱")


def _meaning_bearing(text: str, i: int) -> bool:
    """Whether text[i] is a letter, a digit, a negation, a superlative or a number's unit."""
    ch = text[i]
    if not _is_han(ch) or ch in NEGATION_CHARS or ch in SUPERLATIVES or ch in PRONOUNS:
        return True
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch in UNIT_CHARS:  # 两周/两月, 3天/3年: the unit of a number or of 每
        return before.isdigit() or before == "每" or after.isdigit()
    if ch == "每":
        return after in UNIT_CHARS or after.isdigit()
    return False


def _filler(text: str, i: int) -> bool:
    """Whether text[i] may stand between a keyword's two words: not a negation, a letter or a
    number, except the 一 of 一下/一些 (a digit with no unit, 每 or other digit beside it)."""
    if text[i].isdigit():
        around = text[i - 1:i] + text[i + 1:i + 2]
        return len(around) == 2 and all(_is_han(c) and c not in UNIT_CHARS and c != "每" for c in around)
    return not _meaning_bearing(text, i)


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _boundary(positions: list[int], p: int) -> bool:
    i = bisect_left(positions, p)
    return i < len(positions) and positions[i] == p


def _clean_edges(norm: Normalized, start: int, end: int) -> bool:
    """A number or a Latin word must be matched whole: 3天 is not in 13天, nor A类 in BA类
    (a space between two words keeps them apart, though it has left the normalised text)."""
    text = norm.text
    first, last = text[start], text[end - 1]
    if _alnum(first) and start > 0 and not _boundary(norm.breaks, start):
        before = text[start - 1]
        if _alnum(before) or (before in ".:" and start > 1 and text[start - 2].isdigit()):
            return False
    if _alnum(last) and end < len(text) and not _boundary(norm.breaks, end):
        after = text[end]
        if _alnum(after) or (after in ".:" and end + 1 < len(text) and text[end + 1].isdigit()):
            return False
    return True


def _crosses(positions: list[int], start: int, end: int) -> bool:
    """Whether a boundary lies strictly inside text[start:end]."""
    i = bisect_right(positions, start)
    return i < len(positions) and positions[i] < end


def acceptable(norm: Normalized, keyword: Keyword, start: int, end: int) -> bool:
    """Whether a stretch the search found may earn the keyword: whole numbers, one clause (后上级，先男士
    does not say 上级先), and not negated (unless the keyword itself is negative and the stretch keeps
    it so)."""
    stops = norm.hard_breaks if keyword.spans_clauses else norm.stops
    if not _clean_edges(norm, start, end) or _crosses(stops, start, end):
        return False
    if keyword.needs_before and not _stands_before(norm, keyword.needs_before, start):
        return False
    if keyword.negative:  # its own negation must not be denied again (不存在没满足好的问题)
        return not _denied_before(norm.text, start) and not post_negated(norm, end, start, keyword.tolerated)
    return (not negation_index(norm).negated(start) and not post_negated(norm, end, start, keyword.tolerated)
            and not _echoes_denial(norm, keyword.text, start))


ECHO_CONTRASTS = ("但", "而", "却", "不过", "反而", "可是", "然而", "只是")
ECHO_REACH = 30  # characters back in which the denied mention must stand (it is in the clause before)
ECHO_MODALS = ("要", "应", "必须", "得", "需要")


def _echoes_denial(norm: Normalized, keyword: str, start: int) -> bool:
    """Whether the keyword repeats, later in its sentence, a mention of it that the answer denied, with no
    contrast between and no 要/应 of its own: 没必要复述，复述显得自己没听懂."""
    text = norm.text
    s0 = sentence(norm, start, start)[0]
    before = text.rfind(keyword, max(s0, start - ECHO_REACH - len(keyword)), start)
    if before == -1:
        return False
    between = text[before + len(keyword):start]
    c = bisect_right(norm.breaks, start) - 1
    clause_start = max(s0, norm.breaks[c] if c >= 0 else 0)
    if any(w in between for w in ECHO_CONTRASTS) or any(
            m in text[max(clause_start, start - 3):start] for m in ECHO_MODALS):
        return False
    return negation_index(norm).negated(before) or post_negated(norm, before + len(keyword), before)


# 不存在[没满足好的问题], 没什么[不合理的]: a negative keyword denied
DENIALS = ("不存在", "不是", "并非", "没有", "没什么", "没啥", "没有什么")


def _denied_before(text: str, start: int) -> bool:
    """Whether a denial stands right before `start`, or one character before it."""
    return any(text.startswith(d, at) for d in DENIALS for at in (start - len(d), start - len(d) - 1)
               if at >= 0)


def _stands_before(norm: Normalized, word: str, start: int) -> bool:
    """Whether `word` stands earlier in the sentence of text[start]: 先上级后下级、长辈后晚辈."""
    i = bisect_right(norm.hard_breaks, start) - 1
    sentence = norm.hard_breaks[i] if i >= 0 else 0
    return norm.text.rfind(word, sentence, start) != -1


def exact_matches(norm: Normalized, keyword: Keyword, limit: int, lo: int = 0,
                  hi: int | None = None) -> list[Match]:
    """Where the keyword stands as written (after normalising), within text[lo:hi]."""
    text, k = norm.text, keyword.text
    if not k:
        return []
    hi = len(text) if hi is None else hi
    found: list[Match] = []
    pos = text.find(k, lo, hi)
    seen = 0
    while pos != -1 and len(found) < limit and seen < MAX_OCCURRENCES:
        end = pos + len(k)
        if acceptable(norm, keyword, pos, end):
            found.append(Match(pos, end, EXACT, keyword))
        seen += 1
        pos = text.find(k, pos + 1, hi)
    return found


def _edge_dropped_for_opposite(keyword: str, src: int, text: str, start: int, end: int) -> bool:
    """Whether the keyword's first or last character is missing from the stretch because the answer
    says something else there: its opposite beside the stretch (静[态管理] for 动态管理), or a negation left
    at the stretch's edge with nothing of the keyword's after it (满足得不[错] for 满足得不够)."""
    if src == 0 and start > 0:
        return frozenset((keyword[0], text[start - 1])) in OPPOSITE_PAIRS
    if src == len(keyword) - 1 and end < len(text):
        return (frozenset((keyword[src], text[end])) in OPPOSITE_PAIRS
                or (text[end - 1] in NEGATION_CHARS and keyword[src] not in NEGATION_CHARS))
    return False


def _edits_allowed(keyword: str, text: str, start: int, end: int) -> bool:
    window = text[start:end]
    for op in Levenshtein.editops(keyword, window):
        tag, src, dst = op.tag, op.src_pos, op.dest_pos
        if tag == "insert" and (dst == 0 or dst == len(window) - 1):
            return False  # an extra character at the edge: the stretch inside was already judged
        if tag == "delete" and _edge_dropped_for_opposite(keyword, src, text, start, end):
            return False
        if tag == "replace":
            if not _swap_allowed(keyword, src, text, start + dst):
                return False
        elif (tag == "delete" and protected(keyword, src)) or (tag == "insert" and protected(text, start + dst)):
            return False
    return True


def anchors(text: str, piece: str):
    pos = text.find(piece)
    seen = 0
    while pos != -1 and seen < MAX_OCCURRENCES:
        yield pos
        seen += 1
        pos = text.find(piece, pos + 1)


def typo_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """Stretches one edit away from the keyword (which must be 4+ characters long)."""
    text, k = norm.text, keyword.text
    n, size = len(k), len(norm.text)
    half = n // 2
    head, tail = k[:half], k[half:]
    windows: set[tuple[int, int]] = set()
    for pos in anchors(text, head):  # the edit is in the tail: the stretch starts here
        for m in (n, n - 1, n + 1):
            if pos + m <= size:
                windows.add((pos, pos + m))
    for pos in anchors(text, tail):  # the edit is in the head: the stretch ends here
        end = pos + len(tail)
        for m in (n, n - 1, n + 1):
            if end - m >= 0:
                windows.add((end - m, end))
    scored = []
    for start, end in windows:
        distance = Levenshtein.distance(k, text[start:end], score_cutoff=1)
        if distance == 1:
            scored.append((abs(end - start - n), start, end))
    scored.sort()
    found: list[Match] = []
    taken: list[tuple[int, int]] = []
    for _, start, end in scored:
        if any(start < b and a < end for a, b in taken):
            continue
        if _edits_allowed(k, text, start, end) and acceptable(norm, keyword, start, end):
            found.append(Match(start, end, TYPO, keyword))
            taken.append((start, end))
            if len(found) >= limit:
                break
    found.sort(key=lambda m: m.start)
    return found


def answer_sounds(norm: Normalized) -> str:
    return norm.derived("sounds", lambda n: sounds(n.text))


def homophone_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """Stretches that sound like the keyword, with a few characters swapped for homophones."""
    budget = keyword.homophone_budget
    if not budget:
        return []
    text, k = norm.text, keyword.text
    n = len(k)
    encoded = answer_sounds(norm)
    found: list[Match] = []
    starts: set[int] = set()
    for pattern in keyword.sounds:
        for pos in anchors(encoded, pattern):
            if pos in starts:
                continue
            window = text[pos:pos + n]
            diffs = [i for i in range(n) if window[i] != k[i]]
            if not diffs or len(diffs) > budget:
                continue
            if not all(_swap_allowed(k, i, text, pos + i) for i in diffs):
                continue
            if acceptable(norm, keyword, pos, pos + n):
                starts.add(pos)
                found.append(Match(pos, pos + n, HOMOPHONE, keyword))
                if len(found) >= limit:
                    return sorted(found, key=lambda m: m.start)
    return sorted(found, key=lambda m: m.start)


def _has_separator(norm: Normalized, start: int, end: int) -> bool:
    """Whether a list separator (、, 和, 与 …) lies within text[start:end]."""
    seps = separators(norm)
    i = bisect_left(seps, (start, start))
    return i < len(seps) and seps[i][0] <= end and seps[i][1] <= end


OWNER_CHARS = frozenset("我咱自")


def gap_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """The keyword's two words with a few others between them: 加强[客户的]感受, 客户[进行]分类.
    Both words have 2+ characters; the words between may not be numbers, letters or negations."""
    text, k = norm.text, keyword.text
    found: list[Match] = []
    for cut in range(2, len(k) - 1):
        head, tail = k[:cut], k[cut:]
        for pos in anchors(text, head):
            head_end = pos + cut
            for gap in range(1, GAP_MAX + 1):
                tail_start = head_end + gap
                if not text.startswith(tail, tail_start):
                    continue
                if not all(_filler(text, i) for i in range(head_end, tail_start)):
                    break
                if _has_separator(norm, head_end, tail_start):
                    break  # 感受与期望管理 is a list, for distributive.py to read
                if any(ch in OWNER_CHARS for ch in text[head_end:tail_start]):
                    break  # 对方[用我]的眼睛: a person between the words changes whose it is
                end = tail_start + len(tail)
                if acceptable(norm, keyword, pos, end):
                    found.append(Match(pos, end, GAP, keyword, ((pos, head_end), (tail_start, end))))
                    if len(found) >= limit:
                        return found
                break
    return found


COMPOUND_LINKS = ("的", "着")  # 坐的姿势 for 坐姿, 走路的姿势 for 走姿


def compound_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """A two-character compound said loosely: its first character, a 的 (after at most one more
    character), then its second: 坐的姿势 for 坐姿, 走路的姿势 for 走姿, 蹲着的姿势 for 蹲姿."""
    text, k = norm.text, keyword.text
    if len(k) != 2 or not all(_is_han(c) and c not in NEGATION_CHARS for c in k):
        return []
    found: list[Match] = []
    for pos in anchors(text, k[0]):
        for gap in (1, 2):
            link = pos + gap
            if link >= len(text) or text[link] not in COMPOUND_LINKS:
                continue
            if gap == 2 and _meaning_bearing(text, pos + 1):
                continue
            second = link + 1
            if text.startswith(k[1], second) and acceptable(norm, keyword, pos, second + 1):
                found.append(Match(pos, second + 1, GAP, keyword, ((pos, pos + 1), (second, second + 1))))
                break
        if len(found) >= limit:
            break
    return found


def could_be_near(chars: frozenset[str], keyword: Keyword) -> bool:
    """The gate before the near-spelling searches, given the answer's characters: each search keeps most
    of the keyword's characters as written (a typo all but one, a homophone all but its budget, a split
    every one), so an answer lacking more of them than that cannot hold a near spelling of it."""
    spare = max(1 if keyword.forgives_typo else 0, keyword.homophone_budget)
    return len(keyword.charset - chars) <= spare


def answer_chars(norm: Normalized) -> frozenset[str]:
    return norm.derived("chars", lambda n: frozenset(n.text))


def fuzzy_matches(norm: Normalized, keyword: Keyword, limit: int) -> list[Match]:
    """Typo matches, then homophone matches, then split matches, for a keyword not found as written."""
    found = typo_matches(norm, keyword, limit) if keyword.forgives_typo else []
    if len(keyword.text) == 2:
        found.extend(compound_matches(norm, keyword, limit))
    for more in (homophone_matches, gap_matches):
        if len(found) >= limit:
            break
        if more is gap_matches and (found or len(keyword.text) < TYPO_MIN_LENGTH):
            break
        taken = [(m.start, m.end) for m in found]
        for m in more(norm, keyword, limit):
            if not any(m.start < b and a < m.end for a, b in taken):
                found.append(m)
    return found[:limit]


def clause_breaks_between(norm: Normalized, start: int, end: int) -> bool:
    """Whether a clause boundary lies strictly inside text[start:end]."""
    return _crosses(norm.breaks, start, end)
