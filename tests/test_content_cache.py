"""The parsed bank kept between runs: a hit when nothing changed, a miss when any byte did."""

from __future__ import annotations

from examprep.content.cache import read_bank_cached

from content_roots import write_files
from test_content_loader import POINTS

QUESTIONS = """\
    questions:
      - id: q.a
        type: recall
        level: primary
        points: [primary.t1.a]
        stem: 写出甲
        rubric:
          - {id: one, point: 一, keywords: [一二三]}
    """


def root_with(tmp_path, questions=QUESTIONS):
    return write_files(tmp_path / "content", {"points/primary/t1.yaml": POINTS, "questions/q.yaml": questions})


def test_second_read_comes_from_the_cache(tmp_path, monkeypatch):
    root = root_with(tmp_path)
    cache = tmp_path / "cache"
    bank, problems = read_bank_cached(root, cache)
    assert problems == [] and "q.a" in bank.questions
    assert len(list(cache.glob("bank-*.pickle"))) == 1

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was read again")

    monkeypatch.setattr("examprep.content.loader.read_bank", no_yaml)
    again, _ = read_bank_cached(root, cache)
    assert again.questions["q.a"] == bank.questions["q.a"]
    assert again.questions["q.a"].lexicon is again.lexicon  # shared, as when read from YAML


def test_a_changed_byte_is_read_afresh(tmp_path):
    root = root_with(tmp_path)
    cache = tmp_path / "cache"
    read_bank_cached(root, cache)
    (root / "questions/q.yaml").write_text(
        (root / "questions/q.yaml").read_text(encoding="utf-8").replace("写出甲", "写出乙"), encoding="utf-8")
    bank, _ = read_bank_cached(root, cache)
    assert bank.questions["q.a"].stem == "写出乙"


def test_problems_are_kept_too_and_a_broken_cache_is_ignored(tmp_path):
    root = root_with(tmp_path, QUESTIONS.replace("type: recall", "type: recal"))
    cache = tmp_path / "cache"
    _, problems = read_bank_cached(root, cache)
    assert problems and "recal" in str(problems[0])
    for path in cache.glob("bank-*.pickle"):
        path.write_bytes(b"not a pickle")
    _, again = read_bank_cached(root, cache)
    assert [str(p) for p in again] == [str(p) for p in problems]


def test_an_unwritable_cache_folder_only_costs_the_reading(tmp_path):
    root = root_with(tmp_path)
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    bank, problems = read_bank_cached(root, blocker / "cache")
    assert problems == [] and "q.a" in bank.questions
