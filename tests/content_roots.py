"""Writing small content roots for tests: one helper instead of a copy per test module."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml


def write_files(root: Path, files: dict) -> Path:
    """Write `files` (relative path -> YAML text, raw bytes, or data to dump as YAML) under `root`.

    Text is dedented, so tests can indent their YAML; a value of None writes nothing. The three
    folders a content root needs are made even when no file goes in them.
    """
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for folder in ("points", "questions", "cases"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return root
