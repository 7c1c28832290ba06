"""A point said and then denied in the same sentence, or by a longer keyword of its that overlaps the
match ([公司投入]记录不用放进客户资料库): 二是开场白，不过开场白用不着事先设计; 复述就算了，……
你再把他的话重复一遍他会更烦; 有的书上还说有情感需求，……谈不上什么情感需求. The denial is the candidate's
last word on the point, so the other mention in that sentence does not earn it either. The same holds for
the very words of a match denied anywhere else in the answer (倾听 … 不过倾听也不用太耐心)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from .matching import ECHO_CONTRASTS, ECHO_MODALS
from .negation import negation_index, post_negated
from .normalize import Normalized
from .spans import sentence

MIN_WORD = 2  # a one-character keyword says too little to stand for the point elsewhere
REACH = 200  # characters either side of the match that its sentence is searched over
LOOKS = 16  # other mentions looked at, at most, per match: a huge answer costs no more
DENIED_BEFORE = re.compile("谈不上|算不上|不属于|不能算|不算|用不着|没必要|没有必要|不必|不需要")
DENIED_REACH = 6  # characters between such a denial and the word it denies (谈不上什么情感需求, 用不着签什么)


class Word(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def negative(self) -> bool: ...


def denied_elsewhere(norm: Normalized, keywords: Iterable[Word], start: int, end: int) -> bool:
    """Whether, besides the match at text[start:end], a keyword of the same point stands denied in the
    match's sentence, or the match's own words stand denied anywhere in the answer."""
    text = norm.text
    negation = negation_index(norm)

    def contrasted(pos: int, n: int) -> bool:
        """Whether the match, after a mention before it, follows a contrast (没必要太长的开场白，但开场白要设计好)
        or has a 要/应 of its own: then the match is the last word. (A denial after the match stays the last
        word, contrast or not: 二是开场白，不过开场白用不着事先设计.)"""
        if pos >= start:
            return False
        between = text[pos + n:start]
        return any(w in between for w in ECHO_CONTRASTS) or any(
            m in text[max(pos + n, start - 3):start] for m in ECHO_MODALS)

    def denied(pos: int, n: int) -> bool:
        # denied after it (开场白用不着…, 复述就算了) or as a class (谈不上什么情感需求); not merely under a
        # negation before it, which is as often an argument (没有信息就无法调整客户分类) as a denial
        # …or as not needed (用不着签什么授权委托书)
        return post_negated(norm, pos + n, pos) or (
            DENIED_BEFORE.search(text, max(0, pos - DENIED_REACH), pos) is not None and negation.negated(pos))

    s0, s1 = sentence(norm, start, end)
    s0, s1 = max(s0, start - REACH), min(s1, end + REACH)
    looks = 0
    for keyword in keywords:
        word = keyword.text
        n = len(word)
        if keyword.negative or n < MIN_WORD:
            continue
        pos = text.find(word, s0, s1)
        while pos != -1 and looks < LOOKS:
            if pos < start or pos + n > end:  # apart from the match, or reaching past it (公司[投入]记录)
                looks += 1
                if not contrasted(pos, n) and denied(pos, n):
                    return True
            pos = text.find(word, pos + 1, s1)
    said = text[start:end]
    if len(said) < MIN_WORD:
        return False
    pos = text.find(said)
    looks = 0
    while pos != -1 and looks < LOOKS:
        if pos < s0 or pos >= s1:
            looks += 1
            if denied(pos, len(said)):
                return True
        pos = text.find(said, pos + 1)
    return False
