"""The grader made ready ahead of the first answer: `examprep serve` builds and keeps its tables once,
so that a session grading its first free-text answer needs neither the segmenter nor pypinyin nor 词林's
JSON, and loads the kept tables only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from served_terminal import served

from examprep.content import read_bank
from examprep.locations import shipped_content_dir

TABLES = ("cilin-index.marshal", "segments.json", "readings.marshal")

FIRST_ANSWER = """
import sys
from pathlib import Path
from examprep.commands.common import keep_grading_tables
from examprep.content import read_bank
from examprep.locations import shipped_content_dir
from examprep.grading import warm
keep_grading_tables(Path(sys.argv[1]))
bank, _ = read_bank(shipped_content_dir())
if sys.argv[2] == "warm":
    warm.load_tables()
question = bank.questions["q.primary.customer-info.importance-recall"]
grading = question.grade("客户信息是企业决策的基础，也是客户分类的基础")
loaded = [m for m in ("rjieba", "pypinyin") if m in sys.modules]
print(grading.score, loaded)
"""


def first_answer(cache: Path, how: str = "cold") -> str:
    done = subprocess.run([sys.executable, "-c", FIRST_ANSWER, str(cache), how], capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_serve_keeps_the_grader_tables_before_the_first_session(tmp_path):
    cache = tmp_path / "cache"  # served() gives the server data/../cache as its cache folder
    with served(tmp_path / "data"):
        kept = {name: (cache / name).stat().st_size for name in TABLES if (cache / name).exists()}
    assert set(kept) == set(TABLES) and all(size > 1000 for size in kept.values())
    # a session's first answer, graded from the kept tables alone; the grading is the same as cold
    cold = first_answer(tmp_path / "empty-cache")
    assert cold.endswith("['rjieba', 'pypinyin']")  # with nothing kept, it builds them
    assert first_answer(cache) == first_answer(cache, "warm") == cold.split(" [")[0] + " []"


def test_compile_all_compiles_every_rubric_of_the_bank():
    from examprep.grading.scoring import compile_rubric
    from examprep.grading.warm import compile_all

    bank, _ = read_bank(shipped_content_dir())
    free_text = [q for q in bank.questions.values() if q.is_free_text]
    compile_rubric.cache_clear()
    assert compile_all(free_text) == len(free_text) > 100
    assert compile_rubric.cache_info().currsize == len(free_text)
