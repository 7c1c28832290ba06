"""The source documents (shared/seeds/ beside the repository) and the normalising that compares them with the bank.

The bank's tests hold exam facts to these documents; the seeds sit outside the repository, in the parent
folder's shared/seeds, so a checkout without them skips the checks that need them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pytest

from examprep.grading.normalize import to_simplified

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Source 001 glosses every character with its pinyin in parentheses: 經(jīng)理.
_PINYIN_GLOSS = re.compile(r"\([a-z\u00c0-\u024f]+\)", re.IGNORECASE)


def norm(text: str) -> str:
    """Text with width forms folded and spaces, punctuation and symbols removed, for comparing wordings."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\W_]+", "", text)


@functools.cache
def seed_text() -> str:
    """All source documents as one normalised, simplified string, without 001's pinyin glosses.

    Skips the calling test when the seeds are not beside the repository.
    """
    files = sorted(SEEDS_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"the source documents are not in {SEEDS_DIR}")
    parts = []
    for path in files:
        text = unicodedata.normalize("NFKC", path.read_text(encoding="utf-8"))
        parts.append(norm(to_simplified(_PINYIN_GLOSS.sub("", text))))
    return "".join(parts)


def assert_in_points_order(bank, question_id: str, point_ids, texts) -> None:
    """Texts (already normalised) that are whole items of an ordered point the question tests stand in
    that point's order."""
    for pid in point_ids:
        point = bank.points[pid]
        if not point.ordered:
            continue
        index = {norm(item): i for i, item in enumerate(point.items)}
        positions = [index[t] for t in texts if t in index]
        assert positions == sorted(positions), (question_id, pid)
