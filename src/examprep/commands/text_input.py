"""The one reader of input for `grade`, `mark` and the marking report: a file, `-` for stdin, or stdin
when nothing is named; `grade` reads the text at once, `mark` streams the answer lines. A problem
(a missing file, stdin closed, not UTF-8) is reported and gives None."""

from __future__ import annotations

import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

from . import messages as m
from .common import error
from .output import os_reason

STDIN = "-"


def read_text(path: str | None, prompt: str | None = None) -> str | None:
    """The text of `path` (stdin for `-` or None, after `prompt` when a person is typing)."""
    if path is None or path == STDIN:
        if sys.stdin is None:  # started with stdin closed (`<&-`)
            error(m.STDIN_CLOSED_ANSWER)
            return None
        if prompt and sys.stdin.isatty():
            print(prompt, file=sys.stderr)
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        error(m.CANNOT_READ.format(path=path, reason=os_reason(err)))
    except UnicodeDecodeError:
        error(m.NOT_UTF8_FILE.format(path=path))
    return None


@contextmanager
def answer_stream(path: str):
    """The answers file (or stdin for `-`) as a binary stream; None after saying why it cannot be read."""
    if path == "-":
        stdin = sys.stdin
        if stdin is None:  # started with stdin closed (`<&-`)
            error(m.STDIN_CLOSED_ANSWERS)
            yield None
            return
        yield getattr(stdin, "buffer", None) or _encoded(stdin)
        return
    with ExitStack() as stack:
        try:
            stream = stack.enter_context(Path(path).open("rb"))
        except OSError as err:
            error(m.CANNOT_READ.format(path=path, reason=os_reason(err)))
            yield None
            return
        yield stream


def _encoded(text_stream):
    """A text stream without a binary buffer (a test's StringIO) as bytes."""
    import io

    return io.BytesIO(text_stream.read().encode("utf-8", "surrogatepass"))


def read_answer_lines(stream, source: str, keep_fields: bool = True):
    """Every line of `stream` parsed: (answer lines, problems). For reports that need them all."""
    from ..content.errors import Problem
    from ..papers.batch import AnswerLine, iter_answer_lines, numbered_lines

    lines: list[AnswerLine] = []
    problems: list[Problem] = []
    for item in iter_answer_lines(numbered_lines(stream, source), source, keep_fields):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            lines.append(item)
    return lines, problems
