"""`examprep validate`: every problem of a content root as file:line: message."""

from __future__ import annotations

from .. import exit_codes
from ..checks import validate
from .common import content_root


def run(args) -> int:
    root = content_root(args)
    report = validate(root)
    for problem in report.problems:
        print(problem)
    for warning in report.warnings:
        print(warning)
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {root}")
        return exit_codes.INVALID
    print(report.summary())
    return exit_codes.OK
