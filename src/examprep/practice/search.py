"""Finding knowledge points for the study screen: by any words of their title, items, text, tags
or topic, and, for a query in Latin letters, by pinyin (full or initials: "khxx" finds 客户信息),
so a point can be found without switching the input method on."""

from __future__ import annotations

from functools import lru_cache

from ..content.model import Bank, Point


def _haystack(point: Point) -> str:
    parts = [point.title, point.topic_title, point.text or "", *point.items, *point.tags]
    return "\n".join(parts).lower()


@lru_cache(maxsize=16384)
def _pinyin_forms(title: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin  # imported on the first pinyin search only

    return "".join(lazy_pinyin(title)).lower(), "".join(lazy_pinyin(title, style=Style.FIRST_LETTER)).lower()


def _is_latin(query: str) -> bool:
    return query.isascii() and query.replace(" ", "").isalpha()


def point_matches(point: Point, query: str) -> bool:
    words = query.lower().split()
    if not words:
        return True
    text = _haystack(point)
    if all(w in text for w in words):
        return True
    if _is_latin(query):
        full, initials = _pinyin_forms(point.title + point.topic_title)
        return all(w in full or w in initials for w in words)
    return False


def warm_up(bank: Bank) -> None:
    """Import the pinyin tables and work out every point's pinyin now (the trainer does it in a
    worker thread once its first screen is up), so the first search in Latin letters is instant."""
    for point in bank.points.values():
        _pinyin_forms(point.title + point.topic_title)


def search_points(bank: Bank, query: str) -> list[Point]:
    return [p for p in bank.points.values() if point_matches(p, query)]
