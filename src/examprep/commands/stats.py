"""`examprep stats` (the trainer): not built yet."""

from .common import not_yet


def run(args) -> int:
    return not_yet("the trainer (`examprep stats`)")
