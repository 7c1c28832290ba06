"""`examprep paper`: not built yet."""

from .common import not_yet


def run(args) -> int:
    return not_yet("`examprep paper`")
