"""Importing the 题库 spreadsheet template: encodings, answer forms, rows that cannot be mapped, the
template itself, and the `import` command end to end."""

from __future__ import annotations

import csv
import io
import sys

import pytest

from examprep.cli import main
from examprep.content import read_bank
from examprep.checks import validate
from examprep.interchange import InterchangeError, MissingExtra
from examprep.interchange.importer import import_workbook, write_content_root
from examprep.interchange.table import read_workbook
from examprep.interchange.template import template_cells, write_template

HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "分值", "知识点", "章节"]


def csv_bytes(rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode(encoding)


def imported(tmp_path, rows, name="题库.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, encoding))
    return import_workbook(read_workbook(path))


def questions_of(result):
    return [q for topic in result.topics.values() for q in topic.questions]


GOOD_SINGLE = ["单选", "拜访前首先应做的是？", "制定计划", "直接上门", "电话订货", "整理货架", "A", "先计划", "1",
               "拜访准备", "客户拜访"]


@pytest.mark.parametrize("encoding, name", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8（带 BOM）"), ("gbk", "GBK"),
])
def test_csv_encodings_are_detected_and_named(tmp_path, encoding, name):
    result = imported(tmp_path, [GOOD_SINGLE], encoding=encoding)
    assert result.encoding == name
    (question,) = questions_of(result)
    assert question["stem"] == "拜访前首先应做的是？"
    assert question["options"] == {"A": "制定计划", "B": "直接上门", "C": "电话订货", "D": "整理货架"}


def test_undecodable_csv_is_refused_with_a_message(tmp_path):
    path = tmp_path / "坏.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x30\x89\x38")
    with pytest.raises(InterchangeError, match="无法识别文件编码"):
        read_workbook(path)


@pytest.mark.parametrize("qtype, answer, expected", [
    ("多选", "AB", ["A", "B"]),
    ("多选", "A,B", ["A", "B"]),
    ("多选", "B|A", ["A", "B"]),
    ("多选", "A、C", ["A", "C"]),
    ("多选", "ａｃ", ["A", "C"]),
    ("单选", "c", "C"),
    ("判断", "正确", True),
    ("判断", "错误", False),
    ("判断", "对", True),
    ("判断", "错", False),
    ("判断", "√", True),
    ("判断", "×", False),
])
def test_answer_forms(tmp_path, qtype, answer, expected):
    row = [qtype, "题干", "甲", "乙", "丙", "丁", answer, "", "", "", ""]
    if qtype == "判断":
        row[2:6] = ["", "", "", ""]
    (question,) = questions_of(imported(tmp_path, [row]))
    assert question["answer"] == expected


@pytest.mark.parametrize("answer, expected", [
    ("决策 | 分类/分级", {"answer": ["决策", ["分类", "分级"]]}),
    ("决策｜分类／分级", {"answer": ["决策", ["分类", "分级"]]}),
    ("清爽 | 整洁（顺序不限）", {"answer": ["清爽", "整洁"], "ordered": False}),
    ("清爽 | 整洁 (各空顺序不限)", {"answer": ["清爽", "整洁"], "ordered": False}),
])
def test_fill_answer_forms(tmp_path, answer, expected):
    row = ["填空", "（　）、（　）", "", "", "", "", answer, "", "", "", ""]
    (question,) = questions_of(imported(tmp_path, [row]))
    assert {k: question[k] for k in ("answer", "ordered") if k in question} == expected


def test_judge_answer_may_be_the_key_of_an_option_saying_right_or_wrong(tmp_path):
    row = ["判断", "题干", "正确", "错误", "", "", "B", "", "", "", ""]
    (question,) = questions_of(imported(tmp_path, [row]))
    assert question["answer"] is False and "options" not in question


def test_order_calc_and_free_text_cells(tmp_path):
    rows = [
        ["排序", "排出步骤", "进店", "准备", "结果", "", "BAC", "", "", "", ""],
        ["计算", "占比？", "", "", "", "", "77.5±0.1%", "", "2", "", ""],
        ["计算", "多少小时？", "", "", "", "", "48小时", "", "", "", ""],
        ["简答", "重要性？", "", "", "", "", "1. 企业决策的基础【关键词：企业决策|决策依据】【2分】\n2、客户分类的基础",
         "", "", "", ""],
        ["简答", "两点？", "", "", "", "", "清晰期望；加强感受", "", "", "", ""],
    ]
    order, calc, hours, short, split = questions_of(imported(tmp_path, rows))
    assert order["items"] == ["准备", "进店", "结果"]
    assert (calc["answer"], calc["tolerance"], calc["unit"], calc["score"]) == (77.5, 0.1, "%", 2.0)
    assert (hours["answer"], hours["unit"], "tolerance" in hours) == (48.0, "小时", False)
    assert short["rubric"] == [
        {"id": "p1", "point": "企业决策的基础", "keywords": ["企业决策", "决策依据"], "weight": 2.0},
        {"id": "p2", "point": "客户分类的基础", "keywords": ["客户分类的基础"]},
    ]
    assert [p["point"] for p in split["rubric"]] == ["清晰期望", "加强感受"]


def test_rubric_markers_for_all_groups_and_notes(tmp_path):
    rows = [["简答", "处理投诉？", "", "", "", "", "72小时内处理【同时：投诉处理|处理投诉；72小时|三天】【备注：时限须在同一句】",
             "", "", "", ""]]
    (q,) = questions_of(imported(tmp_path, rows))
    assert q["rubric"] == [{"id": "p1", "point": "72小时内处理", "keywords": ["72小时内处理"],
                            "all": [["投诉处理", "处理投诉"], ["72小时", "三天"]], "note": "时限须在同一句"}]


def test_rubric_marker_for_the_item_a_point_belongs_to(tmp_path):
    answer = "按经营情况分类【编号：business】\n依据品牌构成【关键词：品牌构成|品牌结构】【归属：business】"
    (q,) = questions_of(imported(tmp_path, [["简答", "按客户特征分类？", "", "", "", "", answer, "", "", "", ""]]))
    assert q["rubric"][1] == {"id": "p2", "point": "依据品牌构成", "keywords": ["品牌构成", "品牌结构"],
                              "under": "business"}


def test_rubric_marker_for_the_heading_of_a_points_group(tmp_path):
    answer = "注意沟通氛围【分组：注意事项|注意的】\n有自信【分组：要求】"
    (q,) = questions_of(imported(tmp_path, [["简答", "有效表达？", "", "", "", "", answer, "", "", "", ""]]))
    assert [p.get("label") for p in q["rubric"]] == [["注意事项", "注意的"], ["要求"]]


def test_calc_steps_one_a_line_under_the_result(tmp_path):
    answer = ("65%【2分】\n列式：26 ÷ 40 × 100%【关键词：26÷40|26/40】【来源：题干】\n"
              "约数【数：0.65|65】【误差：0.01】【编号：ratio】【备注：过程数】")
    (q,) = questions_of(imported(tmp_path, [["计算", "客户时间比？", "", "", "", "", answer, "", "4", "", ""]]))
    assert (q["answer"], q["unit"], q["result_weight"]) == (65.0, "%", 2.0)
    assert q["steps"] == [
        {"id": "s1", "point": "列式：26 ÷ 40 × 100%", "keywords": ["26÷40", "26/40"], "source": "题干"},
        {"id": "ratio", "point": "约数", "numbers": [0.65, 65.0], "tolerance": 0.01, "note": "过程数"},
    ]


# Each bad row: the cells, the column reported and words of the message. None of them is imported.
BAD_ROWS = [
    (["问答题X", "题干", "", "", "", "", "A", "", "", "", ""], "题型", "不认识的题型“问答题X”"),
    (["", "题干", "", "", "", "", "A", "", "", "", ""], "题型", "题型为空"),
    (["单选", "", "甲", "乙", "", "", "A", "", "", "", ""], "题干", "题干为空"),
    (["单选", "题干", "甲", "乙", "", "", "E", "", "", "", ""], "答案", "答案“E”不是选项的字母（选项有 A、B）"),
    (["单选", "题干", "甲", "乙", "", "", "AB", "", "", "", ""], "答案", "单选题只能有一个答案"),
    (["单选", "题干", "甲", "乙", "", "", "", "", "", "", ""], "答案", "答案为空"),
    (["单选", "题干", "甲", "", "丙", "", "A", "", "", "", ""], "选项B", "选项B为空，但后面还有选项"),
    (["多选", "题干", "甲", "", "", "", "A", "", "", "", ""], "选项B", "至少需要两个选项"),
    (["判断", "题干", "", "", "", "", "也许", "", "", "", ""], "答案", "判断题的答案应为"),
    (["排序", "题干", "甲", "乙", "丙", "", "AB", "", "", "", ""], "答案", "缺少 C"),
    (["计算", "题干", "", "", "", "", "大约一半", "", "", "", ""], "答案", "计算题的答案应为一个数"),
    (["简答", "题干", "", "", "", "", "", "", "", "", ""], "答案", "简答题需要答案"),
    (["计算", "题干", "", "", "", "", "65\n列式", "", "", "", ""], "答案", "第 1 个计算步骤需要【关键词：…】或【数：…】"),
    (["计算", "题干", "", "", "", "", "65\n甲【数：二十】", "", "", "", ""], "答案", "【数：…】应为数，这里是“二十”"),
    (["填空", "一（　）二", "", "", "", "", "甲 | 乙", "", "", "", ""], "答案", "答案却有 2 个"),
    (["单选", "题干", "甲", "乙", "", "", "A", "", "零", "", ""], "分值", "分值应为正数"),
    (["单选", "题干", "甲", "乙", "", "", "A", "", "-1", "", ""], "分值", "分值应为正数"),
]


@pytest.mark.parametrize("row, column, words", BAD_ROWS)
def test_rows_that_cannot_be_mapped_are_reported_and_skipped(tmp_path, row, column, words):
    result = imported(tmp_path, [GOOD_SINGLE, row])
    assert len(questions_of(result)) == 1  # only the good row: nothing is guessed
    (problem,) = result.problems
    assert str(problem).startswith(f"题库.csv:3:{column}: ")
    assert words in problem.message and problem.message.endswith("（此行未导入）")


def test_duplicate_ids_keep_the_first_row(tmp_path):
    path = tmp_path / "题库.csv"
    path.write_text("题型,题干,答案,编号\n判断,甲,对,q.a\n判断,乙,错,q.a\n", encoding="utf-8")
    result = import_workbook(read_workbook(path))
    assert [q["stem"] for q in questions_of(result)] == ["甲"]
    assert str(result.problems[0]) == "题库.csv:3:编号: 编号“q.a”与第 2 行重复（此行未导入）"


def test_unknown_columns_are_reported_and_a_sheet_without_the_template_header_is_refused(tmp_path):
    path = tmp_path / "题库.csv"
    path.write_text("题型,题干,答案,出题人\n判断,甲,对,随便\n", encoding="utf-8")
    result = import_workbook(read_workbook(path))
    assert [str(p) for p in result.problems] == ["题库.csv:1:出题人: 不认识的列“出题人”，已忽略"]
    assert result.total == 1
    path.write_text("姓名,成绩\n张三,90\n", encoding="utf-8")
    result = import_workbook(read_workbook(path))
    assert result.total == 0 and "找不到题目表" in str(result.problems[0])


def test_header_aliases_are_read(tmp_path):
    path = tmp_path / "题库.csv"
    path.write_text("题目类型*,题目,A,B,正确答案,答案解析,分数（分）\n单选题,甲？,一,二,B,因为,2\n", encoding="utf-8")
    result = import_workbook(read_workbook(path))
    assert not result.problems
    (q,) = questions_of(result)
    assert (q["answer"], q["explanation"], q["score"], q["options"]["B"]) == ("B", "因为", 2.0, "二")


def test_xlsx_problems_name_the_sheet(tmp_path):
    from examprep.interchange.spreadsheet import write_rows

    path = tmp_path / "题库.xlsx"
    write_rows(path, [HEADER, GOOD_SINGLE, ["单选", "题干", "甲", "乙", "", "", "E", "", "", "", ""]])
    result = import_workbook(read_workbook(path))
    assert [str(p).split(": ")[0] for p in result.problems] == ["题库.xlsx:题库:3:答案"]


def test_formula_like_text_survives_a_csv(tmp_path):
    from examprep.interchange.spreadsheet import write_rows

    path = tmp_path / "题库.csv"
    write_rows(path, [HEADER, ["判断", "=1+1 是公式吗", "", "", "", "", "错", "-5 不是正数", "", "", ""]])
    assert "'=1+1" in path.read_text(encoding="utf-8-sig")
    (q,) = questions_of(import_workbook(read_workbook(path)))
    assert (q["stem"], q["explanation"]) == ("=1+1 是公式吗", "-5 不是正数")


def test_the_template_has_one_example_per_type_and_imports_into_a_valid_root(tmp_path):
    path = tmp_path / "题库模板.xlsx"
    write_template(path)
    result = import_workbook(read_workbook(path))
    assert not result.problems
    assert result.total == len(template_cells())
    assert sorted(result.counts.values()) == [1] * len(result.counts)  # one row per type
    from examprep.kinds import QUESTION_TYPES

    assert set(result.counts) == set(QUESTION_TYPES) - {"recall"}  # 默写 is written like 简答
    write_content_root(result, tmp_path / "bank")
    report = validate(tmp_path / "bank")
    assert report.problems == []
    bank, _ = read_bank(tmp_path / "bank")
    assert {q.type for q in bank.questions.values()} == set(result.counts)
    # the chapters became topics with their Chinese titles
    assert sorted(t.title for t in bank.topics.values()) == ["客户信息管理", "客户分类", "客户拜访"]


def test_import_command_writes_the_rest_and_exits_1_for_skipped_rows(tmp_path, capsys):
    path = tmp_path / "题库.csv"
    path.write_bytes(csv_bytes([GOOD_SINGLE, ["判断", "题干", "", "", "", "", "也许", "", "", "", ""]], "gbk"))
    out = tmp_path / "新题库"
    assert main(["import", str(path), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "编码 GBK" in captured.out and "已导入 1 道题" in captured.out
    assert f"{path.name}:3:答案: 判断题的答案应为" in captured.err
    assert "1 行未导入" in captured.err
    assert main(["validate", "--content", str(out)]) == 0


def test_import_refuses_to_overwrite_a_folder(tmp_path, capsys):
    path = tmp_path / "题库.csv"
    path.write_bytes(csv_bytes([GOOD_SINGLE]))
    (tmp_path / "题库").mkdir()
    (tmp_path / "题库" / "x.txt").write_text("mine")
    assert main(["import", str(path)]) == 1
    assert "已存在且不是空目录" in capsys.readouterr().err


def test_template_command(tmp_path, capsys):
    path = tmp_path / "题库模板.xlsx"
    assert main(["import", "--template", str(path)]) == 0
    assert path.exists() and "每种题型一行" in capsys.readouterr().out


def test_missing_openpyxl_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    path = tmp_path / "题库.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(MissingExtra, match=r"pip install 'examprep\[xlsx\]'"):
        read_workbook(path)
