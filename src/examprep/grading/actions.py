"""A point's own action, denied after the keyword that found it.

客户临时有事时可以在旁边等着，不必告辞 names the point's situation (临时有事) and then refuses what the
point says to do in it (告辞). The actions of a point are the verbs of its text (确认 in 确认达成的共识)
and the verb the stem asks for after a modal (应当告辞), with their 词林 synonyms; a negator before one of
them, in the match's clause or the next clause of its sentence, denies the point.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from .concepts import segment
from .negation import NEGATORS_NEAR, NEGATORS_WIDE
from .normalize import Normalized, normalize_keyword
from .spans import sentence
from .thesaurus import Thesaurus

# verbs every point and stem has, which name no action of the point's own
GENERIC_VERBS = frozenset(normalize_keyword(w) for w in (
    "需求", "需要", "应当", "应该", "要求", "属于", "包括", "进行", "遇到", "体现", "就是", "可以", "能够",
    "没有", "服务", "作为", "成为", "做到", "注意", "写出", "简述", "说明", "分析", "回答", "列举",
    "出现", "具有", "存在", "使用", "根据", "依据", "按照", "实现", "说出", "是否", "哪些", "什么",
))
MODALS = frozenset(normalize_keyword(w) for w in ("应当", "应该", "应", "要", "需要", "必须", "得"))
ACTION_NEGATORS = tuple(sorted({normalize_keyword(w) for w in (
    "不必", "不用", "不要", "不能", "没必要", "没有必要", "不需要", "无需", "无须", "用不着", "别", "不该",
    "不应", "犯不着")}, key=lambda w: -len(w)))
# what may stand between the negator and the action: 不用[再跟客户]确认, 没必要[继续]提供
ACTION_FILLER = frozenset("再太去都也就还更跟和向与对给当面急着马上先客户老板他她人家继续专门特意")
FILLER_REACH = 4
# how candidates say an action in one character, which counts only as a whole word (不能走，/不用走了):
# 告辞 said as 走
SPOKEN_ACTIONS = {"告辞": ("走", "离开", "走人")}
WORD_END = frozenset("了啊吧呢的")
NEGATION_WORDS = tuple(sorted({normalize_keyword(w) for w in (*NEGATORS_WIDE, *NEGATORS_NEAR)},
                              key=lambda w: -len(w)))


def _negated_in(text: str, word: str) -> bool:
    """Whether the point's own text negates `word` (无法继续接待: 继续 is no action of its own)."""
    pos = text.find(word)
    return pos != -1 and any(n in text[max(0, pos - 4):pos] for n in NEGATION_WORDS)


def point_actions(point_text: str, stem: str, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The point's actions and their synonyms, normalised (none shorter than two characters but the
    spoken one-character forms of SPOKEN_ACTIONS)."""
    verbs: list[str] = []
    own = normalize_keyword(point_text)
    for word, tag in segment(point_text):
        if tag.startswith("v") and len(word) >= 2:
            verbs.append(word)
    tagged = segment(stem)
    for (word, _), (verb, tag) in pairwise(tagged):
        if normalize_keyword(word) in MODALS and tag.startswith("v") and len(verb) >= 2:
            verbs.append(verb)
    found: set[str] = set()
    for verb in verbs:
        norm = normalize_keyword(verb)
        if norm in GENERIC_VERBS or _negated_in(own, norm):
            continue
        found.add(norm)
        found.update(normalize_keyword(s) for s in thesaurus.synonyms(verb) if len(s) >= 2)
        found.update(SPOKEN_ACTIONS.get(norm, ()))
    return tuple(sorted(found))


ACTION_REACH = 30  # characters after the match, and into the next clause, in which a denial is looked for
NEXT_CLAUSE_LEAD = frozenset("就也都那可还倒又是但")  # ，也不必告辞: no topic of its own before the negator
LEAD_REACH = 2


def action_denied(norm: Normalized, actions: tuple[str, ...], start: int, end: int) -> str | None:
    """The denied action (as normalised) when, after text[start:end], a negator stands before one of the
    point's actions: later in the match's clause (共识就不用再跟客户确认了), or opening the next clause of
    its sentence (客户临时有事时可以在旁边等着，不必告辞; not 政策法规不用准备, which denies its own topic).
    None otherwise."""
    if not actions:
        return None
    text = norm.text
    breaks = norm.breaks
    s1 = sentence(norm, start, end)[1]
    b = bisect_right(breaks, end - 1)
    own_end = min(s1, breaks[b]) if b < len(breaks) else s1
    found = _denial(text, actions, end, min(own_end, end + ACTION_REACH), None)
    if found is None and own_end < s1 and own_end - end <= ACTION_REACH:
        next_end = min(s1, breaks[b + 1]) if b + 1 < len(breaks) else s1
        found = _denial(text, actions, own_end, min(next_end, own_end + ACTION_REACH), own_end)
    return found


def _denial(text: str, actions: tuple[str, ...], lo: int, hi: int, lead_from: int | None) -> str | None:
    """A negator and an action in text[lo:hi]; when `lead_from` is given, the negator must open the
    clause that starts there."""
    for action in actions:
        pos = text.find(action, lo, hi)
        while pos != -1:
            if len(action) == 1 and not _whole_word(text, pos + 1, hi):
                pos = text.find(action, pos + 1, hi)
                continue
            j = pos
            while j > lo and pos - j < FILLER_REACH and text[j - 1] in ACTION_FILLER:
                j -= 1
            for k in range(j, pos + 1):  # the negator may end anywhere in the filler run
                for negator in ACTION_NEGATORS:
                    n0 = k - len(negator)
                    if n0 >= lo and text.startswith(negator, n0) and (
                            lead_from is None or _leads(text, lead_from, n0)):
                        return action
            pos = text.find(action, pos + 1, hi)
    return None


def _whole_word(text: str, after: int, hi: int) -> bool:
    """Whether a one-character action ends where its clause ends, or before a particle (不能走了)."""
    return after >= hi or after >= len(text) or text[after] in WORD_END


def _leads(text: str, clause_start: int, at: int) -> bool:
    lead = text[clause_start:at]
    return len(lead) <= LEAD_REACH and all(ch in NEXT_CLAUSE_LEAD for ch in lead)
