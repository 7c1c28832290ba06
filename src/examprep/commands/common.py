"""What the commands share: where the content and data are, and loading the bank with clear errors."""

from __future__ import annotations

import os
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


DB_ENV = "EXAMPREP_DB"
DB_SCHEMES = ("postgresql://", "postgres://", "sqlite:")


def store_location(args) -> Path | str:
    """Where the progress store and the accounts are: `--db URL`, else $EXAMPREP_DB, else the data
    folder's progress file (the single-user default). Raises StoreError for a URL of no known kind."""
    value = getattr(args, "db", None) or os.environ.get(DB_ENV)
    if not value:
        return data_dir(args)
    if not value.startswith(DB_SCHEMES):
        from ..practice.store import StoreError

        raise StoreError(m.BAD_DB_URL.format(url=value))
    return value


def store_label(where: Path | str) -> str:
    """The store's file, or its URL without the password, for messages."""
    from ..practice.engines import describe_url, is_postgres_url
    from ..practice.store import sqlite_file

    return describe_url(str(where)) if is_postgres_url(where) else str(sqlite_file(where)[1])


def error(message: str) -> None:
    print(f"examprep: {message}", file=sys.stderr)


def keep_grading_tables(cache: Path | None) -> None:
    """Let the grader keep its derived tables (the thesaurus index, rubric segmentations, readings)
    in the cache folder, written back when the command ends, and its compiled rubrics (written as
    each is compiled)."""
    import atexit

    from ..grading import concepts, pinyin, rubric_cache, thesaurus

    thesaurus.INDEX_CACHE = cache
    concepts.SEGMENTS.use(cache / "segments.json" if cache is not None else None)
    rubric_cache.RUBRICS.use(cache)
    atexit.register(concepts.SEGMENTS.save)
    pinyin.READINGS.use(cache / "readings.marshal" if cache is not None else None)
    atexit.register(pinyin.READINGS.save)


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


