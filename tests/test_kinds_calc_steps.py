"""Calculation steps (`steps:`): part marks for the working, one test per rule of the grader, and
`validate`'s errors for a step written wrong."""

from __future__ import annotations

import json
import textwrap

import pytest

from examprep.checks import validate
from examprep.kinds.calc import Calc, CalcStep, result_text

from content_roots import write_files

FORMULA = CalcStep("formula", "客户时间比=为客户服务时间÷总的工作时间×100%",
                   keywords=("为客户服务时间÷总的工作时间", "客户服务时间÷总的工作时间"))
SUBSTITUTE = CalcStep("substitute", "代入：26÷40×100%", keywords=("26÷40",))
NUMBERS = CalcStep("total", "总的工作时间 22×8=176 小时", numbers=(176,))
RATIO = Calc("t.ratio", "calc", "primary", ("x",), "小张本周工作40小时，为客户服务26小时，客户时间比？", 3,
             answer=65, unit="%", steps=(FORMULA, SUBSTITUTE))


def earned(grading) -> dict[str, float]:
    return {p.id: p.earned for p in grading.points}


def test_a_right_result_alone_earns_only_the_results_share():
    grading = RATIO.grade("65%")
    assert earned(grading) == {"formula": 0.0, "substitute": 0.0, "result": 1.0}
    assert grading.score == 1.0 and not grading.correct


def test_the_working_and_the_result_earn_full_marks():
    grading = RATIO.grade("客户时间比=为客户服务时间/总的工作时间×100%\n=26/40×100%=65%")
    assert grading.score == 3.0 and grading.correct
    assert all(p.hit for p in grading.points)


def test_the_result_is_read_from_the_last_line_after_its_last_equals_sign():
    assert result_text("26÷40×100%\n=65%") == "65%"
    assert result_text("26÷40=0.65=65%") == "65%"
    assert RATIO.grade("26÷40=0.65").points[-1].earned == 0.0  # 0.65 is not 65
    assert RATIO.grade("26÷40\n65").points[-1].hit


@pytest.mark.parametrize("working", [
    "26÷40", "26/40", "26 ÷ 40", "２６／４０", "26除以40",
])
def test_an_operation_may_be_written_any_usual_way(working):
    assert RATIO.grade(f"{working}=65%").points[1].hit


def test_traditional_characters_and_spaces_do_not_cost_a_step():
    assert RATIO.grade("為客戶服務時間 ÷ 總的工作時間").points[0].hit


def test_an_inverted_formula_earns_nothing():
    grading = RATIO.grade("总的工作时间÷为客户服务时间=40÷26")
    assert earned(grading)["formula"] == 0.0 and earned(grading)["substitute"] == 0.0


def test_a_numbers_step_needs_every_number_in_the_working():
    q = Calc("t.n", "calc", "primary", ("x",), "题干", 2, answer=105.6,
             steps=(CalcStep("both", "22×8=176", numbers=(22, 176)),))
    assert q.grade("22×8=176\n176×60%=105.6").points[0].hit
    assert not q.grade("8×22=170\n105.6").points[0].hit


def test_a_percentage_in_the_working_counts_as_its_fraction_too():
    q = Calc("t.p", "calc", "primary", ("x",), "题干", 2, answer=26.4,
             steps=(CalcStep("ratio", "60%", numbers=(0.6,)),))
    assert q.grade("44×60%=26.4").points[0].hit


def test_a_steps_tolerance_allows_a_rounded_intermediate_value():
    q = Calc("t.t", "calc", "primary", ("x",), "题干", 2, answer=33.3, tolerance=0.1,
             steps=(CalcStep("ratio", "15÷45≈0.333", numbers=(0.3333,), tolerance=0.001),))
    assert q.grade("15÷45=0.333\n33.3%").points[0].hit
    assert not q.grade("15÷45=0.3\n33%").points[0].hit


def test_keywords_and_numbers_of_one_step_must_both_be_found():
    q = Calc("t.kn", "calc", "primary", ("x",), "题干", 2, answer=4,
             steps=(CalcStep("target", "目标 40×60%=24", keywords=("40×60%",), numbers=(24,)),))
    assert q.grade("40×60%=24\n24-20=4").points[0].hit
    assert not q.grade("40×60%=25\n4").points[0].hit


def test_matched_text_and_span_point_into_the_answer_as_typed():
    answer = "解：26 / 40 × 100% = 65%"
    grading = RATIO.grade(answer)
    substitute, result = grading.points[1], grading.points[2]
    assert answer[slice(*substitute.span)] == substitute.matched == "26 / 40"
    assert answer[slice(*result.span)] == result.matched == "65%"


def test_weights_share_the_score_and_the_result_weight_counts_beside_them():
    q = Calc("t.w", "calc", "primary", ("x",), "题干", 4, answer=65, result_weight=2,
             steps=(CalcStep("a", "甲", keywords=("26÷40",)), CalcStep("b", "乙", keywords=("×100%",))))
    assert earned(q.grade("26÷40=65")) == {"a": 1.0, "b": 0.0, "result": 2.0}
    assert Calc.default_score({"steps": q.steps, "result_weight": 2}) == 4


def test_a_number_given_by_the_trainer_is_the_result_alone():
    assert earned(RATIO.grade(65.0)) == {"formula": 0.0, "substitute": 0.0, "result": 1.0}


def test_without_steps_a_calc_question_reports_no_points():
    q = Calc("t.plain", "calc", "primary", ("x",), "题干", 2, answer=65)
    assert q.grade("65").points == () and not q.reports_points and RATIO.reports_points


def test_marks_on_a_paper_are_shared_in_half_marks_and_add_up():
    shares = RATIO.point_marks(4)
    assert [(s.id, m) for s, m in shares] == [("formula", 1.5), ("substitute", 1.5), ("result", 1.0)]
    assert RATIO.marks_on_paper(RATIO.grade("26÷40=65%"), 4) == 2.5
    assert shares[-1][0].accepts == "65 %"


def test_the_model_answer_shows_the_working_then_the_result():
    assert RATIO.model_answer() == ("1. 客户时间比=为客户服务时间÷总的工作时间×100%\n2. 代入：26÷40×100%\n"
                                    "结果：65 %")
    assert Calc("t.plain", "calc", "primary", ("x",), "题干", 2, answer=65, tolerance=0.5).model_answer() == \
        "65（允许误差 ±0.5）"


def test_json_lists_each_step_and_the_result():
    data = RATIO.grade("26÷40=65%").to_json()
    assert [p["id"] for p in data["points"]] == ["formula", "substitute", "result"]
    assert data["expected"] == "65%" and data["given"] == "65"
    json.dumps(data, allow_nan=False)


# -- validate ----------------------------------------------------------------------------------------
POINTS = """\
topic: t1
title: 测试主题
level: primary
source: 测试来源
points:
  - id: primary.t1.a
    title: 甲
    items: [一, 二]
"""


def calc_problems(tmp_path, steps: str, extra: str = "") -> list[str]:
    body = textwrap.indent(textwrap.dedent(steps).strip("\n"), "      ")
    text = ("questions:\n  - id: q.c\n    type: calc\n    level: primary\n    points: [primary.t1.a]\n"
            f"    stem: 题干\n    answer: 65\n{extra}    steps:\n{body}\n")
    root = write_files(tmp_path, {"points/primary/t1.yaml": POINTS, "questions/q.yaml": text})
    return [str(p) for p in validate(root).problems]


@pytest.mark.parametrize("steps, expected", [
    ("- id: a\n  keywords: [26÷40]", ["questions/q.yaml:9: 计算步骤缺少必填字段 'point'"]),
    ("- id: a\n  point: 代入", ["questions/q.yaml:9: 计算步骤 'a' 需要 'keywords'（算式或说法，答出其一即得分）"
                                "或 'numbers'（过程中必须出现的数）"]),
    ("- id: result\n  point: 结果\n  numbers: 65", ["questions/q.yaml:9: 计算步骤 id 不能是 'result'：它是结果得分点的 id"]),
    ("- id: A\n  point: 甲\n  numbers: 1", ["questions/q.yaml:9: 计算步骤 id 'A' 不合规：请用小写 ASCII 字符 [a-z0-9-]"]),
    ("- id: a\n  point: 甲\n  numbers: 1\n- id: a\n  point: 乙\n  numbers: 2",
     ["questions/q.yaml:12: 重复的计算步骤 id 'a'（首次出现在第 9 行）"]),
    ("- id: a\n  point: 甲\n  numbers: [26, 四十]", ["questions/q.yaml:11: 'numbers' 的第 2 项必须是数字，不能是文本"]),
    ("- id: a\n  point: 甲\n  numbers: .nan", ["questions/q.yaml:11: 'numbers' 的第 1 项必须是有限的数，不能是 nan"]),
    ("- id: a\n  point: 甲\n  numbers: 1\n  wieght: 2",
     ["questions/q.yaml:12: 计算步骤中有未知字段 'wieght'（是不是 'weight'？）"]),
    ("- id: a\n  point: 甲\n  numbers: 1\n  weight: 0", ["questions/q.yaml:12: 'weight' 必须大于 0，不能是 0"]),
    ("- 代入", ["questions/q.yaml:9: 'steps' 的第 1 项必须是映射，不能是文本"]),
])
def test_validate_names_file_and_line_of_a_step_written_wrong(tmp_path, steps, expected):
    assert calc_problems(tmp_path, steps) == expected


def test_result_weight_without_steps_is_reported(tmp_path):
    text = ("questions:\n  - id: q.c\n    type: calc\n    level: primary\n    points: [primary.t1.a]\n"
            "    stem: 题干\n    answer: 65\n    result_weight: 2\n")
    root = write_files(tmp_path, {"points/primary/t1.yaml": POINTS, "questions/q.yaml": text})
    assert [str(p) for p in validate(root).problems] == [
        "questions/q.yaml:8: 'result_weight' 只用于有 'steps' 的计算题"]


def test_good_steps_load_with_their_source_and_default_score(tmp_path):
    from examprep.content import load_bank

    calc_problems(tmp_path, "- id: a\n  point: 甲\n  keywords: [26÷40]\n  source: 题干\n"
                            "- id: b\n  point: 乙\n  numbers: [0.65]\n  tolerance: 0.01\n  weight: 2")
    q = load_bank(tmp_path).questions["q.c"]
    assert [(s.id, s.source, s.weight, s.tolerance) for s in q.steps] == [("a", "题干", 1, 0), ("b", None, 2, 0.01)]
    assert q.score == 4  # 1 + 2 + the result's 1


# -- the printed key ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_key_lists_each_step_with_its_marks_in_half_marks(fmt):
    from examprep.content import load_bank
    from examprep.locations import shipped_content_dir
    from examprep.papers.draw import draw_paper
    from examprep.papers.render import render_key

    bank = load_bank(shipped_content_dir())
    paper = draw_paper(bank, bank.blueprints["primary-mock"], 3)
    (item,) = [i for i in paper.items if i.id == "q.primary.time-management.min-hours-calc"]
    key = render_key(paper, fmt)
    assert f"{item.number}. 评分步骤：" in key
    assert item.marks == 5  # the section's marks: the step and the result, weights 2 and 2, 2.5 each
    if fmt == "html":
        assert ('<tr><td class="text">按“有效的客户时间不少于60%”列式：44 × 60%</td><td>2.5</td>'
                '<td class="text keywords">44×60%；44×0.6；60%×44；0.6×44</td></tr>') in key
        assert '<tr><td class="text">结果：26.4小时</td><td>2.5</td>' in key
    else:
        assert "| 结果：26.4小时 | 2.5 | 26.4 小时（允许误差 ±0.05） |" in key


def test_grade_and_mark_json_list_the_steps_of_a_shipped_question(tmp_path, capsys):
    from examprep.cli import main

    qid = "q.primary.time-management.min-hours-calc"
    assert main(["grade", qid, "--answer", "44×60%=26.4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["score"], [p["id"] for p in data["points"] if p["earned"]]) == (4.0, ["standard", "result"])
    sheet = tmp_path / "answers.jsonl"
    sheet.write_text(json.dumps({"candidate": "C1", "question": qid, "answer": "26.4"}) + "\n", encoding="utf-8")
    assert main(["mark", str(sheet), "--json"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["score"] == 2.0 and [p["earned"] for p in line["points"]] == [0.0, 2.0]
