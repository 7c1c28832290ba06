"""Marking a large sheet on every core, with output identical to one process.

Answers are taken in chunks. An input of one chunk is marked here; a longer one goes to worker
processes forked with the bank, which load each compiled rubric from the cache folder (or compile it)
as they meet it, so no chunk waits for one process to mark it alone. At most
a few chunks are in flight, so memory stays flat however long the sheet is, and results are yielded
in the order of the input.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

CHUNK = 1000  # answers per task
IN_FLIGHT = 4  # chunks per worker queued at most

# Set in the parent before forking; the workers read them (fork shares them without pickling).
_work: Callable[[Any], Any] | None = None


def _run_chunk(chunk: list) -> list:
    assert _work is not None
    return [_work(item) for item in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def worker_count() -> int:
    """The cores this process may use (os.sched_getaffinity where there is one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_in_order(work: Callable[[Any], Any], items: Iterable, workers: int | None = None,
                 chunk: int | None = None) -> Iterator[Any]:
    """`work(item)` for each item, in order: here for a short input, on `workers` forked processes for
    a long one. `work` must not depend on anything changed after this call starts."""
    global _work
    workers = worker_count() if workers is None else workers
    chunk = CHUNK if chunk is None else chunk
    chunks = _chunks(items, chunk)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    import multiprocessing

    if second is None or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for piece in _chain(first, chunks if second is None else _chain(second, chunks)):
            for item in piece:
                yield work(item)
        return
    # A long input: every chunk to the workers, forked with the bank (compiled rubrics load from the
    # cache folder as each worker meets them), so that no chunk is marked alone before they start.
    _work = work
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        pending: deque = deque()
        for piece in _chain(first, _chain(second, chunks)):
            pending.append(pool.apply_async(_run_chunk, (piece,)))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    _work = None


def _chain(first: list, rest: Iterator[list]) -> Iterator[list]:
    yield first
    yield from rest
