"""What the matcher derives from an answer's text is computed once per text, through one interface."""

from __future__ import annotations

from examprep.grading.negation import negation_index
from examprep.grading.normalize import normalize
from examprep.grading.separators import separators


def test_derived_is_computed_once_and_kept_by_name():
    norm = normalize("客户需求、期望和感受")
    calls = []

    def count(n):
        calls.append(n.text)
        return len(n.text)

    assert norm.derived("length", count) == norm.derived("length", count) == len(norm.text)
    assert calls == [norm.text]
    assert normalize("客户需求").derived("length", count) == 4 and len(calls) == 2  # another text


def test_the_matchers_indexes_are_derived_once_per_answer():
    norm = normalize("不要打断客户，客户需求、期望和感受")
    assert negation_index(norm) is negation_index(norm)
    assert separators(norm) is separators(norm) and separators(norm)
