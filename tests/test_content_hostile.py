"""Content that would break the trainer later is refused by `validate`: numbers that are not finite
(.nan, .inf, 1.0e+999) and absurd exam durations."""

from __future__ import annotations

import pytest

from test_content_loader import problems_of, question

BLUEPRINT = """\
title: 模拟卷
level: primary
duration: {duration}
sections:
  - {{title: 一, type: judge, count: 1, score: {score}}}
"""
JUDGE = question("type: judge\nanswer: true")


@pytest.mark.parametrize("files, expected", [
    ({"questions/q.yaml": question("type: judge\nanswer: true\nscore: .nan")},
     "questions/q.yaml:8: 'score' 必须是一个有限的数，不能是 nan"),
    ({"questions/q.yaml": question("type: calc\nanswer: 5\ntolerance: .inf")},
     "questions/q.yaml:8: 'tolerance' 必须是一个有限的数，不能是 inf"),
    ({"questions/q.yaml": question("type: calc\nanswer: -.inf")},
     "questions/q.yaml:7: 'answer' 必须是一个有限的数，不能是 -inf"),
    ({"questions/q.yaml": question("type: calc\nanswer: 1.0e+999")},
     "questions/q.yaml:7: 'answer' 必须是一个有限的数，不能是 inf"),
    ({"questions/q.yaml": question("type: recall\nrubric:\n  - {id: a, point: 一, keywords: [一], weight: .NaN}")},
     "'weight' 必须是一个有限的数，不能是 nan"),
    ({"questions/q.yaml": JUDGE, "papers/p.yaml": BLUEPRINT.format(duration=90, score=".nan")},
     "papers/p.yaml:5: 'score' 必须是一个有限的数，不能是 nan"),
    ({"questions/q.yaml": JUDGE, "papers/p.yaml": BLUEPRINT.format(duration=60000000000000, score=1)},
     "papers/p.yaml:3: 'duration' 应在 1 到 600 分钟 之间，不能是 60000000000000"),
    ({"questions/q.yaml": JUDGE, "papers/p.yaml": BLUEPRINT.format(duration=601, score=1)},
     "papers/p.yaml:3: 'duration' 应在 1 到 600 分钟 之间，不能是 601"),
])
def test_unusable_numbers_are_refused(tmp_path, files, expected):
    problems = problems_of(tmp_path, files)
    assert any(expected in p for p in problems), problems


def test_the_longest_exam_allowed_passes(tmp_path):
    files = {"questions/q.yaml": JUDGE, "papers/p.yaml": BLUEPRINT.format(duration=600, score=1)}
    assert not [p for p in problems_of(tmp_path, files) if "duration" in p]
