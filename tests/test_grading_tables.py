"""The grader's derived tables kept between runs: segmentations and the thesaurus index."""

from __future__ import annotations

import subprocess
import sys

from examprep.grading import concepts


def test_segmentations_are_kept_and_read_back(tmp_path):
    cache = concepts.SegmentCache()
    cache.use(tmp_path / "segments.json")
    assert cache.get("按时兑现承诺") is None
    cache.put("按时兑现承诺", [("按时", "d"), ("兑现", "v"), ("承诺", "v")])
    cache.save()
    again = concepts.SegmentCache()
    again.use(tmp_path / "segments.json")
    assert again.get("按时兑现承诺") == [("按时", "d"), ("兑现", "v"), ("承诺", "v")]


def test_a_broken_segment_file_is_ignored(tmp_path):
    (tmp_path / "segments.json").write_text("{not json", encoding="utf-8")
    cache = concepts.SegmentCache()
    cache.use(tmp_path / "segments.json")
    assert cache.get("任何") is None


def test_a_second_grade_loads_neither_segmenter_nor_thesaurus_data(tmp_path):
    """Start-up: once a question's rubric was compiled, grading it again needs no rjieba."""
    env = {"EXAMPREP_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-X", "importtime", "-m", "examprep", "grade",
               "q.intermediate.expectation-management.management-methods-recall", "--answer", "清晰期望"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    second = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "rjieba" in first.stderr
    assert "rjieba" not in second.stderr
    assert first.stdout == second.stdout and "得分" in second.stdout
    assert (tmp_path / "cilin-index.marshal").exists() and (tmp_path / "segments.json").exists()
