"""A content root read once and kept: the loaded bank pickled in the user cache folder, keyed by a
hash of every file under the root, so `grade` and the trainer do not parse all the YAML each time.

Any change to any file (its name or its bytes) misses the cache; a cache that cannot be read or
written is ignored (a read-only home, a full disk), and the bank is read from the YAML as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .errors import Problem
from .model import Bank

FORMAT = 1  # bumped when the model changes shape


def _fingerprint(root: Path) -> str | None:
    """A hash of the names and bytes of every file under the root, or None if one cannot be read."""
    from .. import __version__

    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{root.resolve()}".encode())
    try:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
                digest.update(path.read_bytes() if not path.is_symlink() else os.readlink(path).encode())
                digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def read_bank_cached(root: Path, cache_dir: Path | None) -> tuple[Bank, list[Problem]]:
    """`read_bank(root)`, from the cache when the root has not changed since it was last read."""
    from .loader import read_bank

    if cache_dir is None or not root.is_dir():
        return read_bank(root)
    key = _fingerprint(root)
    if key is None:
        return read_bank(root)
    path = cache_dir / f"bank-{key}.pickle"
    try:
        with path.open("rb") as handle:
            bank, problems = pickle.load(handle)
        if isinstance(bank, Bank):
            return bank, problems
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    bank, problems = read_bank(root)
    _store(path, (bank, problems))
    return bank, problems


def _store(path: Path, value) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("bank-*.pickle"):  # one bank per root is enough; keep the folder small
            if old != path and old.stat().st_mtime < _an_hour_ago():
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bank-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError):
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _an_hour_ago() -> float:
    import time

    return time.time() - 3600
