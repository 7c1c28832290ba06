"""Points named by a letter (TPO: Time 代表时间…, Place 代表地点…, Object 代表目的…).

When an answer labels its parts with the rubric's letters (T代表地点、场合；P代表时间), a description counts
only under its own letter: 地点 written under T is the Place point's fact given to Time, a swap.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .normalize import Normalized
from .spans import sentence

LEADING_WORD = re.compile(r"\s*([A-Za-z]+)")
RUN = re.compile(r"[a-z]+")
# what follows a letter that labels what comes after it: T代表…, P指…, O是…, T=…
CUES = ("代表", "指", "是", "即", "就是", "表示", "为", "=", ":")
CUE_REACH = 2  # characters between the letter and its cue (T（Time）代表 has its word between)


def rubric_letters(point_texts: list[str]) -> tuple[tuple[str, int], ...]:
    """(label, point index) for the points whose text opens with a Latin word (Time 代表时间…): the word
    and its initial, lower-cased; an initial two points share names neither. Empty unless two or more
    points are so named."""
    words: dict[int, str] = {}
    for i, text in enumerate(point_texts):
        m = LEADING_WORD.match(text)
        if m:
            words[i] = m.group(1).lower()
    if len(words) < 2:
        return ()
    initials: dict[str, list[int]] = {}
    for i, word in words.items():
        initials.setdefault(word[0], []).append(i)
    labels = {word: i for i, word in words.items()}
    labels.update({letter: ids[0] for letter, ids in initials.items() if len(ids) == 1})
    return tuple(sorted(labels.items()))


def _label_runs(norm: Normalized, labels: dict[str, int]) -> list[tuple[int, int]]:
    """(position, point index) of every label in the answer that a cue follows (T代表, Place指)."""
    text = norm.text
    found = []
    for m in RUN.finditer(text):
        item = labels.get(m.group())
        if item is None:
            continue
        after = text[m.end():m.end() + CUE_REACH + 2]
        nxt = RUN.match(text, m.end())  # T是Time: the word after the letter names the same label
        if any(after.find(c) != -1 and after.find(c) <= CUE_REACH for c in CUES) or (
                nxt is not None and labels.get(nxt.group()) == item):
            found.append((m.start(), item))
    return found


def wrong_letter(norm: Normalized, letters: tuple[tuple[str, int], ...], own: int | None,
                 start: int) -> bool:
    """Whether the match at `start` stands under another point's letter: the nearest label before it in
    its sentence names another point."""
    if own is None or not letters:
        return False
    runs = norm.derived(f"letters:{id(letters)}", lambda n: _label_runs(n, dict(letters)))
    if not runs:
        return False
    s0 = sentence(norm, start, start)[0]
    k = bisect_right(runs, (start, -1)) - 1
    if k < 0 or runs[k][0] < s0:
        return False
    return runs[k][1] != own
