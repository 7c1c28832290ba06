"""How a rubric point was found, or why its words did not count, in the words the feedback uses.

One place for these messages, shared by `grade`, `mark`, `validate` and the trainer.
"""

from __future__ import annotations

from .results import PointResult

HOW_FOUND = {
    "exact": "原词",
    "typo": "错别字已宽容",
    "homophone": "同音字已宽容",
    "gap": "中间隔字",
    "list": "并列说法",
    "synonym": "同义说法",
    "number": "数字的其他写法",
    "all": "要素齐全且对应",
    "order": "语序不同",
    "concept": "意思相符",
}


def how_found(point: PointResult) -> str | None:
    """For an earned point: how it was found, with the words that made it, e.g. 意思相符：明确、期望.
    None for a point found as the key writes it."""
    if not point.hit or point.how in (None, "exact"):
        return None
    label = HOW_FOUND.get(point.how or "", point.how or "")
    if point.words:
        return f"{label}：{'、'.join(point.words)}"
    if point.keyword and point.how in ("synonym", "number", "typo", "homophone", "gap", "list"):
        return f"{label}，对应「{point.keyword}」"
    return label


def point_detail(point: PointResult) -> str | None:
    """What the feedback says beside a point: how it was found, or why its words did not count."""
    return how_found(point) if point.hit else point.why
