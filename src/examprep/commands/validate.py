"""`examprep validate`: every problem of a content root as file:line: message."""

from __future__ import annotations

from .. import exit_codes
from ..checks import validate
from . import messages as m
from .common import content_root


def problem_lines(problems) -> list[str]:
    """Each problem as file:line: message; those caused by a file that could not be read are grouped
    under that file's own error, with their count, instead of scattered through the list."""
    followers: dict[str, list] = {}
    for problem in problems:
        if problem.follows:
            followers.setdefault(problem.follows, []).append(problem)
    lines = []
    for problem in problems:
        if problem.follows:
            continue
        lines.append(str(problem))
        group = followers.pop(problem.file, None)  # under the first (the file's own) error
        if group:
            lines.append(m.FOLLOWERS_HEADER.format(count=len(group)))
            lines.extend(f"    {p}" for p in group)
    for group in followers.values():  # a cause reported without a line of its own (should not happen)
        lines.extend(str(p) for p in group)
    return lines


def run(args) -> int:
    root = content_root(args)
    report = validate(root)
    for line in problem_lines(report.problems):
        print(line)
    for warning in report.warnings:
        print(warning)
    if report.problems:
        print(m.PROBLEM_COUNT.format(root=root, count=len(report.problems)))
        return exit_codes.INVALID
    print(report.summary())
    return exit_codes.OK
