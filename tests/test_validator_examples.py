"""`validate` grades every `examples:` answer and reports each disagreement at the example's line."""

from __future__ import annotations

from examprep.cli import main
from examprep.checks import validate

from test_cli_grade import QUESTIONS, write_root

DISAGREEING = QUESTIONS.replace(
    """          - answer: 企业决策的基础、客户分类的基础
            score: 2""",
    """          - answer: 企业决策的基础、客户分类的基础
            score: 2
          - answer: 企业决策的基础、不是客户分类的基础
            score: 2
          - answer: 客户满意的基础、开展工作的基础
            score: 1.995
          - answer: 客户满意的基础、开展工作的基础
            score: 1""")


def test_agreeing_examples_are_no_problem(tmp_path):
    assert validate(write_root(tmp_path)).problems == []


def test_each_disagreement_is_a_problem_at_its_line(tmp_path):
    root = write_root(tmp_path, DISAGREEING)
    problems = validate(root).problems
    text = (root / "questions/demo.yaml").read_text(encoding="utf-8").splitlines()
    assert len(problems) == 2  # 1.995 is within the rounding tolerance of 2
    first, second = problems
    assert first.file == "questions/demo.yaml" and "不是客户分类" in text[first.line - 1]
    assert first.message == ("示例答案评分器给 1 分，应为 2 分"
                             "（得分：decision「企业决策」；失分：classify（找到「客户分类」，但被否定）、"
                             "satisfy、work）")
    assert second.message.startswith("示例答案评分器给 2 分，应为 1 分（得分：satisfy「客户满意」、work")


def test_validate_command_prints_them_and_exits_1(tmp_path, capsys):
    root = write_root(tmp_path, DISAGREEING)
    assert main(["validate", "--content", str(root)]) == 1
    out = capsys.readouterr().out
    assert "questions/demo.yaml:" in out and "示例答案评分器给 1 分，应为 2 分" in out
