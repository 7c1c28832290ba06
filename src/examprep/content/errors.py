"""Problems found in content, each tied to a file and line so an author can go straight to it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    # the file whose own error caused this one (a point of a points file that could not be read)
    follows: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        # line 0 means the problem is with the file or folder as a whole
        where = f"{self.file}:{self.line}" if self.line > 0 else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int, message: str) -> ContentError:
        return cls([Problem(file, line, message)])
