"""Every path examprep uses: the shipped bank and templates, and where progress is kept."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# In a wheel the bank and templates are copied into the package (see pyproject's force-include);
# in a source checkout they sit at the top of the repository.
_SOURCE_TOP = _PACKAGE.parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / "_shipped" / name
    if inside.is_dir():
        return inside
    return _SOURCE_TOP / name


def shipped_content_dir() -> Path:
    return _shipped("content")


def templates_dir() -> Path:
    return _shipped("templates")


def default_data_dir() -> Path:
    """The user data folder (platformdirs), overridable with EXAMPREP_DATA."""
    override = os.environ.get("EXAMPREP_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("examprep", appauthor=False))


def default_cache_dir() -> Path | None:
    """Where examprep keeps what it can rebuild (the parsed bank): the user cache folder
    (platformdirs), overridable with EXAMPREP_CACHE; EXAMPREP_CACHE=off keeps nothing."""
    override = os.environ.get("EXAMPREP_CACHE")
    if override:
        return None if override == "off" else Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("examprep", appauthor=False))
