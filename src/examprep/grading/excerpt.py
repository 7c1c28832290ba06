"""What of an answer to show beside its grading: all of it when short, else the text around each match.

A candidate who pastes pages of text wants to see where the points were found, not the pages again;
drawing 100,000 highlighted characters would also make the feedback slow.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 2000  # answers up to this many characters are shown whole
CONTEXT = 40  # characters shown on each side of a match in a long answer
GAP = " … "


@dataclass(frozen=True)
class Excerpt:
    text: str
    spans: tuple[tuple[int, int], ...]  # the matched stretches, as offsets into `text`
    shortened: bool


def merge_spans(spans) -> list[tuple[int, int]]:
    """Spans in order, overlapping or touching ones joined."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def excerpt(answer: str, spans, limit: int = LIMIT, context: int = CONTEXT) -> Excerpt:
    spans = [(a, b) for a, b in merge_spans(spans) if 0 <= a < b <= len(answer)]
    if len(answer) <= limit:
        return Excerpt(answer, tuple(spans), False)
    if not spans:
        return Excerpt(answer[:limit] + GAP.rstrip(), (), True)
    windows = merge_spans((max(0, a - context), min(len(answer), b + context)) for a, b in spans)
    pieces: list[str] = []
    length = 0
    shifted = []
    span_iter = iter(spans)
    pending = next(span_iter, None)
    for start, end in windows:
        if start > 0 or pieces:
            pieces.append(GAP)
            length += len(GAP)
        offset = length - start
        while pending is not None and pending[1] <= end:
            shifted.append((pending[0] + offset, pending[1] + offset))
            pending = next(span_iter, None)
        pieces.append(answer[start:end])
        length += end - start
    if windows[-1][1] < len(answer):
        pieces.append(GAP)
    return Excerpt("".join(pieces), tuple(shifted), True)
