"""The practice domain stands on its own: importing it loads neither Textual nor the command line."""

from __future__ import annotations

import subprocess
import sys


def test_practice_imports_no_textual():
    code = ("import sys, examprep.practice.store, examprep.practice.session, examprep.practice.stats,"
            " examprep.practice.exam, examprep.practice.search;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
            " or m.startswith(('examprep.tui', 'examprep.cli', 'examprep.commands'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
