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


def test_a_nul_byte_is_reported_at_its_own_line(tmp_path):
    files = {"questions/q.yaml": question("type: judge\nanswer: true").replace("stem: 题干", "stem: \"题\x00干\"")}
    problems = problems_of(tmp_path, files)
    assert problems == ["questions/q.yaml:5: 不允许的字符 U+0000（控制字符），请删除它"]


def test_a_link_out_of_the_content_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:SECRET-LINE\nquestions: [\n", encoding="utf-8")
    root = tmp_path / "root"
    from test_content_loader import make_root

    make_root(root, {"questions/q.yaml": JUDGE})
    (root / "questions" / "shadow.yaml").symlink_to(secret)
    from examprep.checks import validate

    problems = [str(p) for p in validate(root).problems]
    assert any(p.startswith("questions/shadow.yaml:1: 这是一个指向内容文件夹之外的链接") for p in problems)
    assert not any("SECRET" in p for p in problems)


@pytest.mark.parametrize("stem", ["---", "===", "***", "- - -"])
def test_a_stem_line_that_looks_like_a_rule_stays_text_in_markdown(stem):
    from examprep.papers.render import markdown_escape

    escaped = markdown_escape(f"题干\n{stem}")
    assert escaped.split("\n\n")[1] != stem and escaped.split("\n\n")[1].startswith("\\")
