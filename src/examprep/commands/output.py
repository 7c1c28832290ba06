"""Writing a command's output file: never over its input, and never half-written.

A regular file is written to a temporary file beside it and renamed into place once complete, so a
full disk or an interrupt leaves the old file (or none), never a truncated one. A device or pipe
(`/dev/stdout`, `/dev/full`) cannot be replaced and is written directly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from . import messages


class OutputError(Exception):
    """The output cannot be written; the message says why, in Chinese."""


_REASONS = {getattr(errno, name): reason for name, reason in messages.OS_REASONS.items() if hasattr(errno, name)}


def os_reason(err: OSError) -> str:
    """Why an OS call failed, in Chinese where the error is a common one."""
    if err.errno in _REASONS:
        return _REASONS[err.errno]
    return err.strerror or str(err)


def same_file(a: Path | str, b: Path | str) -> bool:
    """True when two paths name one file (a link, `./x` and `x`, or a hard link alike)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_input(output: Path | str, inputs: list[Path | str]) -> None:
    """Raise OutputError when `output` is one of the inputs (`-` for stdin is no file)."""
    for source in inputs:
        if source is not None and str(source) != "-" and same_file(output, source):
            raise OutputError(messages.OUTPUT_IS_INPUT.format(output=output, source=source))


def _is_special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


@contextmanager
def replaced_file(path: Path | str, encoding: str = "utf-8", newline: str | None = "\n",
                  binary: bool = False) -> Iterator[IO]:
    """A file to write `path`'s new contents to; renamed over `path` when the block ends without
    an error, removed otherwise. Raises OSError as writing does."""
    path = Path(path)
    mode = "wb" if binary else "w"
    # binary files take no encoding nor newline: None is open()'s default for both
    file_encoding, file_newline = (None, None) if binary else (encoding, newline)
    if _is_special(path):
        with open(path, mode, encoding=file_encoding, newline=file_newline) as handle:
            yield handle
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, encoding=file_encoding, newline=file_newline) as handle:
            yield handle
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def replaced_path(path: Path | str) -> Iterator[Path]:
    """A temporary path beside `path` for a writer that takes a file name (xlsx, apkg); renamed over
    `path` when the block ends without an error, removed otherwise."""
    path = Path(path)
    if _is_special(path):
        yield path
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(path: Path | str, data: str | bytes, encoding: str = "utf-8", newline: str | None = "\n") -> None:
    """Write `data` to `path` through a temporary file renamed into place."""
    binary = isinstance(data, bytes)
    with replaced_file(path, encoding=encoding, newline=newline, binary=binary) as handle:
        handle.write(data)
