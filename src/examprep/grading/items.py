"""The rubric's items (`under:`): where an answer names them, and what it writes under each.

A point that names an item (按客户物理属性分类) is its heading; the points `under:` it are its members.
An answer may name an item in heading form (按X分类, X分类) and then say what belongs to it, or name it
in passing inside another item's part (按经营情况分类，就是看零售店的物理属性…): that second mention is
content of the other item, not a heading of its own.
"""

from __future__ import annotations

from itertools import islice
from typing import NamedTuple, Protocol

from .matching import Keyword, Match, anchors, exact_matches
from .negation import negation_index, post_negated
from .normalize import Normalized
from .spans import at, sentence

HEAD_MENTIONS = 50  # places per item keyword looked at: more than any answer names an item
HEADING_BEFORE = ("按", "根据", "依据", "从")  # 按[客户]物理属性…
HEADING_REACH = 3  # characters between 按 and the item's keyword
HEADING_AFTER = ("分类", "来分", "划分", "分成", "分为", "进行分类", "类")


class ItemRubric(Protocol):
    """What these checks need of a compiled rubric point."""

    @property
    def head(self) -> int | None: ...
    @property
    def heads(self) -> tuple[tuple[int, tuple[Keyword, ...]], ...]: ...
    @property
    def members(self) -> tuple[tuple[int, tuple[Keyword, ...]], ...]: ...
    @property
    def item(self) -> int | None: ...


class Mention(NamedTuple):
    start: int
    end: int
    item: int
    heading: bool  # said in heading form: 按物理属性分类
    content_of: int | None  # said in passing inside another item's part: that item
    denied: bool = False  # the answer negates it (公司的信息就不必事先准备了)


def _heading_form(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - HEADING_REACH - 1):start]
    return any(w in before for w in HEADING_BEFORE) or text.startswith(HEADING_AFTER, end)


LIST_LINKS = frozenset("、和与及或以")


def _listed_with(norm: Normalized, end: int, start: int) -> bool:
    """Whether a mention at `start` is listed with the heading ending at `end` (按物理属性、经营情况分;
    the normalised text keeps the 、 only as a list separator's position)."""
    between = norm.text[end:start]
    if not between:
        return at(norm.list_separators, start)
    return len(between) <= 2 and all(ch in LIST_LINKS for ch in between)


def _next_heading_word(text: str, start: int, end: int) -> int:
    """Where the next 按… (按经营规模来分) begins in text[start:end], or end: another part begins there."""
    pos = text.find("按", start, end)
    while pos != -1 and text.startswith(("按时", "按期", "按照规定"), pos):
        pos = text.find("按", pos + 1, end)
    return end if pos == -1 else pos


def mentions(norm: Normalized, point: ItemRubric) -> list[Mention]:
    """Where the answer names the rubric's items, in order; worked out once per answer and rubric
    (every point of the rubric shares its `heads`)."""

    def compute(norm: Normalized) -> list[Mention]:
        spans: dict[tuple[int, int], int] = {}
        denied: set[tuple[int, int]] = set()
        negation = negation_index(norm)
        for head, keywords in point.heads:
            for keyword in keywords:
                for m in exact_matches(norm, keyword, HEAD_MENTIONS):
                    spans.setdefault((m.start, m.end), head)
                if keyword.variant is None and keyword.text:  # and where it stands denied
                    for pos in islice(anchors(norm.text, keyword.text), HEAD_MENTIONS):
                        end = pos + len(keyword.text)
                        if (pos, end) not in spans and (negation.negated(pos) or post_negated(norm, end, pos)):
                            spans[(pos, end)] = head
                            denied.add((pos, end))
        # a mention inside a longer one (物理属性 in 按物理属性分类) is the same mention
        found: list[Mention] = []
        reach = -1
        governing: Mention | None = None  # the last heading-form mention in the sentence
        sentence_end = -1
        for (a, b), head in sorted(spans.items(), key=lambda x: (x[0][0], -x[0][1])):
            if b <= reach:
                continue
            reach = b
            if a >= sentence_end:
                governing, sentence_end = None, sentence(norm, a, b)[1]
            heading = _heading_form(norm.text, a, b) or (
                governing is not None and _listed_with(norm, governing.end, a))
            content_of = None
            if not heading and governing is not None and governing.item != head:
                content_of = governing.item
            mention = Mention(a, b, head, heading, content_of, (a, b) in denied)
            found.append(mention)
            if heading:
                governing = mention
        return found

    return norm.derived(f"items:{id(point.heads)}", compute)


def named(norm: Normalized, point: ItemRubric) -> list[Mention]:
    """The mentions that name an item for what follows: not those said inside another item's part."""
    return [m for m in mentions(norm, point) if m.content_of is None]


def _governing(norm: Normalized, point: ItemRubric, match: Match) -> Mention | None:
    """The item mention a member's match stands under: the nearest named before it in its sentence,
    else the nearest after it there."""
    found = named(norm, point)
    s0, s1 = sentence(norm, match.start, match.end)
    before = [m for m in found if s0 <= m.start and m.end <= match.start]
    after = [m for m in found if match.end <= m.start < s1]
    return before[-1] if before else after[0] if after else None


def under_denied_item(norm: Normalized, point: ItemRubric, match: Match) -> bool:
    """Whether a member's match stands under its own item's name where the answer denies that item:
    公司的信息就不必事先准备了，重点品牌、新品这些到了店里看单页就知道了."""
    if point.head is None:
        return False
    governing = _governing(norm, point, match)
    if governing is None or governing.item != point.head:
        return False
    return governing.denied


def under_item(norm: Normalized, point: ItemRubric, match: Match) -> tuple[int, int] | None:
    """Where the answer names the rubric's items, the item a match is written under when that is the
    wrong one: the item named nearest before the match in its sentence, else nearest after it in its
    sentence (按物理属性分类，就是看品牌构成；按经营情况分类… does not earn 品牌构成, which is under 按经营
    情况分类). None when it is its own item, when its sentence names none, or when the answer does not
    name its own item at all (then nothing was swapped); the span of the item's name otherwise."""
    if point.head is None:
        return None
    if all(m.item != point.head for m in named(norm, point)):
        return None
    governing = _governing(norm, point, match)
    if governing is None or governing.item == point.head:
        return None
    return governing.start, governing.end


def heading_swapped(norm: Normalized, point: ItemRubric, match: Match) -> bool:
    """Whether a match of an item's own name stands where that item was not what the answer meant: said
    in passing inside another item's part, or as a heading over nothing but other items' members
    (按物理属性分类，就是看品牌构成、月销量, where those are the 经营情况's)."""
    if point.item is None:
        return False
    every = mentions(norm, point)
    here = [m for m in every if m.start <= match.start and match.end <= m.end]
    if not here:
        return False
    mention = here[0]
    if mention.content_of is not None:
        return True
    if not mention.heading:
        return False
    # the part this heading governs: to the next heading in its sentence
    s1 = sentence(norm, mention.start, mention.end)[1]
    end = next((m.start for m in every if m.start >= mention.end and m.heading), s1)
    end = _next_heading_word(norm.text, mention.end, min(end, s1))
    said = {item for item, keywords in point.members
            if any(exact_matches(norm, k, 1, mention.end, end) for k in keywords)}
    # an item named in passing in this part is said there too (…就是看零售店的物理属性)
    said |= {m.item for m in every if mention.end <= m.start < end and m.content_of is not None}
    return point.item not in said and bool(said)
