"""The pinyin readings kept between runs: a later run hears homophones without importing pypinyin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from pathlib import Path
from examprep.grading import pinyin
pinyin.READINGS.use(Path(sys.argv[1]))
same = pinyin.sounds("期望") == pinyin.sounds("期忘")
bank = pinyin.keyword_sounds("银行")
pinyin.READINGS.save()
print(same, len(bank), "pypinyin" in sys.modules)
"""


def run(path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_second_run_reads_the_kept_table_instead_of_pypinyin(tmp_path):
    table = tmp_path / "readings.marshal"
    assert run(table) == "True 2 True"  # the first run looks readings up, and keeps them
    assert table.stat().st_size > 100_000  # every character's reading, not only those it met
    assert run(table) == "True 2 False"  # 行 in 银行 still reads hang; pypinyin never imported


def test_a_damaged_table_is_rebuilt(tmp_path):
    table = tmp_path / "readings.marshal"
    table.write_bytes(b"\x00not marshal")
    assert run(table) == "True 2 True"
    assert run(table) == "True 2 False"
