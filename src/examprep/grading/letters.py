"""Points named by a label: a letter (TPO: Time 代表时间…, Place 代表地点…) or a heading of the points'
own `label:` (有效表达的注意事项：… / 有效表达的要求：…).

When an answer heads its parts with the rubric's labels (T代表地点、场合；P代表时间), a description counts
only under a label of its own: 地点 written under T is the Place point's fact given to Time, a swap; and
沟通氛围 written under 要求 is a 注意事项 given to the 要求. An answer that names no label is read as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from .matching import anchors
from .normalize import Normalized, normalize_keyword
from .spans import sentence

LEADING_WORD = re.compile(r"\s*([A-Za-z]+)")
RUN = re.compile(r"[a-z]+")
# what follows a label that heads what comes after it: T代表…, P指…, O是…, T=…, 要求有…, 注意事项包括…
CUES = ("代表", "指", "是", "即", "就是", "表示", "为", "=", ":", "有", "包括", "包含", "主要")
CUE_REACH = 2  # characters between the label and its cue (T（Time）代表 has its word between)
LABEL_MENTIONS = 20  # places per label word looked at: more than any answer heads its parts

Labels = tuple[tuple[str, frozenset[int]], ...]


def rubric_labels(point_texts: list[str], point_labels: list[tuple[str, ...]]) -> Labels:
    """(label, the indices of the points it names), lower-cased and normalised: the Latin word a point's
    text opens with (Time 代表时间…) and its initial, an initial two points share naming neither; and the
    words of the points' `label:`. Empty unless the labels name two or more groups of points."""
    words: dict[int, str] = {}
    for i, text in enumerate(point_texts):
        m = LEADING_WORD.match(text)
        if m:
            words[i] = m.group(1).lower()
    found: dict[str, set[int]] = {}
    if len(words) >= 2:
        initials: dict[str, list[int]] = {}
        for i, word in words.items():
            initials.setdefault(word[0], []).append(i)
            found.setdefault(word, set()).add(i)
        for letter, ids in initials.items():
            if len(ids) == 1:
                found.setdefault(letter, set()).add(ids[0])
    for i, labels in enumerate(point_labels):
        for label in labels:
            word = normalize_keyword(label).lower()
            if word:
                found.setdefault(word, set()).add(i)
    if len({frozenset(ids) for ids in found.values()}) < 2:
        return ()
    return tuple(sorted((word, frozenset(ids)) for word, ids in found.items()))


def _cued(text: str, end: int) -> bool:
    after = text[end:end + CUE_REACH + 2]
    return any(after.find(c) != -1 and after.find(c) <= CUE_REACH for c in CUES)


def _spelt_out(run: str, table: dict[str, frozenset[int]]) -> frozenset[int] | None:
    """The points a letter names when the answer spells it out as a word of its own (P：Purpose reads
    ppurpose once normalised): the letter is still the heading, the word the candidate's reading of it."""
    if len(run) >= 3 and run[0] == run[1] and run[1:] not in table:
        return table.get(run[0])
    return None


def _label_runs(norm: Normalized, labels: Labels) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, the points named) of every label in the answer that a cue follows (T代表, 要求是)."""
    text = norm.text
    table = dict(labels)
    found = []
    for m in RUN.finditer(text):
        item = table.get(m.group())
        if item is None:
            item = _spelt_out(m.group(), table)
            if item is not None:
                found.append((m.start(), m.end(), item))
            continue
        nxt = RUN.match(text, m.end())  # T是Time: the word after the letter names the same label
        if _cued(text, m.end()) or (nxt is not None and table.get(nxt.group()) == item):
            found.append((m.start(), m.end(), item))
    for word, item in labels:
        if RUN.fullmatch(word):
            continue
        for pos in islice(anchors(text, word), LABEL_MENTIONS):
            if _cued(text, pos + len(word)):
                found.append((pos, pos + len(word), item))
    found.sort(key=lambda run: run[0])
    return found


def wrong_label(norm: Normalized, labels: Labels, own: int | None, start: int) -> tuple[int, int] | None:
    """Where the other group's label stands that the match at `start` is written under: the nearest
    label before it in its sentence names other points only, and the answer heads the point's own group
    elsewhere. None when the match is under its own label, or under none."""
    if own is None or not labels:
        return None
    runs = norm.derived(f"labels:{id(labels)}", lambda n: _label_runs(n, labels))
    if not runs:
        return None
    s0 = sentence(norm, start, start)[0]
    k = bisect_left(runs, start, key=lambda run: run[0]) - 1
    if k < 0 or runs[k][0] < s0 or own in runs[k][2]:
        return None
    # a swap needs the point's own heading somewhere: under a heading of the other group alone, the
    # answer merged the groups (需要注意的是：要有自信…), it gave nothing to the wrong one
    if not any(own in item for _, _, item in runs):
        return None
    return runs[k][0], runs[k][1]
