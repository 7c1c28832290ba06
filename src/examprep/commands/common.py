"""What the commands share: where the content and data are, and loading the bank with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

from ..locations import default_cache_dir, default_data_dir, shipped_content_dir
from . import messages as m

MAX_PROBLEMS_SHOWN = 20


def content_root(args) -> Path:
    value = getattr(args, "content", None)
    return Path(value) if value else shipped_content_dir()


def data_dir(args) -> Path:
    value = getattr(args, "data", None)
    return Path(value) if value else default_data_dir()


def error(message: str) -> None:
    print(f"examprep: {message}", file=sys.stderr)


def keep_grading_tables(cache: Path | None) -> None:
    """Let the grader keep its derived tables (the thesaurus index, rubric segmentations) in the
    cache folder, written back when the command ends."""
    import atexit

    from ..grading import concepts, thesaurus

    thesaurus.INDEX_CACHE = cache
    concepts.SEGMENTS.use(cache / "segments.json" if cache is not None else None)
    atexit.register(concepts.SEGMENTS.save)


def load_bank_or_report(args):
    """The bank, or None after printing why it cannot be used (the caller exits 1)."""
    from ..content.cache import read_bank_cached

    root = content_root(args)
    cache = default_cache_dir()
    keep_grading_tables(cache)
    bank, problems = read_bank_cached(root, cache)
    if problems:
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            print(problem, file=sys.stderr)
        more = len(problems) - MAX_PROBLEMS_SHOWN
        if more > 0:
            print(m.MORE_PROBLEMS.format(more=more), file=sys.stderr)
        error(m.CONTENT_HAS_PROBLEMS.format(root=root, count=len(problems)))
        return None
    return bank

