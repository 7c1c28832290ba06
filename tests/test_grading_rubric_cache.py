"""Compiled rubrics kept between runs: a later process grades from the kept rubric without the
segmenter or pypinyin, and never from a rubric that has changed since, a damaged file or another
version of the grader."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from examprep.content.model import EMPTY_LEXICON, RubricPoint
from examprep.grading import rubric_cache
from examprep.grading.rubric_cache import RubricCache
from examprep.grading.scoring import _compile_rubric

GRADE = """
import sys
from pathlib import Path
from examprep.commands.common import keep_grading_tables
from examprep.content import read_bank
from examprep.grading import thesaurus
from examprep.locations import shipped_content_dir
keep_grading_tables(Path(sys.argv[1]))
bank, _ = read_bank(shipped_content_dir())
if len(sys.argv) > 2:  # other syllables met first: a syllable's code must not depend on the order
    from examprep.grading import pinyin
    pinyin.sounds("藏着不说的朦胧感受，按时送达")
grading = bank.questions["q.primary.effective-visit.competitor-info-short"].grade("东西差不多时就要比软键")
print([p.how for p in grading.points if p.hit], [m for m in ("rjieba", "pypinyin") if m in sys.modules],
      thesaurus.cilin_index.cache_info().currsize)
"""

RUBRIC = (RubricPoint("decision", "客户信息是企业决策的基础", ("企业决策",)),
          RubricPoint("classes", "客户信息是客户分类的基础", ("客户分类",)))


def grade(cache: Path, *extra: str) -> str:
    done = subprocess.run([sys.executable, "-c", GRADE, str(cache), *extra], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def test_a_later_run_grades_from_the_kept_rubric_alone(tmp_path):
    first = grade(tmp_path, "other syllables first")  # 比软键 for 比软件: a homophone, found by sound
    assert first.startswith("['homophone']")
    assert first.endswith("['rjieba', 'pypinyin'] 1")  # compiled here, with 词林, and kept
    assert len(list(tmp_path.glob("rubrics-*/*.pickle"))) == 1
    # the same grading; neither the segmenter nor pypinyin imported, nor 词林's index loaded
    assert grade(tmp_path) == first.rsplit(" [", 1)[0] + " [] 0"


def test_a_changed_rubric_stem_or_synonyms_is_compiled_afresh(tmp_path):
    cache = RubricCache()
    cache.use(tmp_path)
    compiled = _compile_rubric(RUBRIC, "stem", EMPTY_LEXICON)
    cache.put("q", RUBRIC, "stem", EMPTY_LEXICON, compiled)
    assert cache.get("q", RUBRIC, "stem", EMPTY_LEXICON) == compiled
    changed = (replace(RUBRIC[0], keywords=("决策",)), RUBRIC[1])
    assert cache.get("q", changed, "stem", EMPTY_LEXICON) is None
    assert cache.get("q", RUBRIC, "another stem", EMPTY_LEXICON) is None
    synonyms = replace(EMPTY_LEXICON, synonyms=(("决策", "拍板"),))
    assert cache.get("q", RUBRIC, "stem", synonyms) is None
    assert cache.get("other", RUBRIC, "stem", EMPTY_LEXICON) is None


def test_a_damaged_file_or_another_grader_is_not_read(tmp_path, monkeypatch):
    cache = RubricCache()
    cache.use(tmp_path)
    compiled = _compile_rubric(RUBRIC, "", EMPTY_LEXICON)
    cache.put("q", RUBRIC, "", EMPTY_LEXICON, compiled)
    (kept,) = tmp_path.glob("rubrics-*/*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    assert cache.get("q", RUBRIC, "", EMPTY_LEXICON) is None
    cache.put("q", RUBRIC, "", EMPTY_LEXICON, compiled)
    assert cache.get("q", RUBRIC, "", EMPTY_LEXICON) == compiled
    # a new version of the grader: its own folder; the old one's rubrics are removed when it writes
    monkeypatch.setattr(rubric_cache, "grader_stamp", lambda: "another-grader")
    newer = RubricCache()
    newer.use(tmp_path)
    assert newer.get("q", RUBRIC, "", EMPTY_LEXICON) is None
    newer.put("q", RUBRIC, "", EMPTY_LEXICON, compiled)
    assert [p.name for p in tmp_path.iterdir()] == ["rubrics-another-grader"]


def test_an_unwritable_cache_costs_nothing_but_the_keeping(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = RubricCache()
    cache.use(blocked)
    compiled = _compile_rubric(RUBRIC, "", EMPTY_LEXICON)
    cache.put("q", RUBRIC, "", EMPTY_LEXICON, compiled)  # no error
    assert cache.get("q", RUBRIC, "", EMPTY_LEXICON) is None
