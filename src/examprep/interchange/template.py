"""The 题库 template that `examprep import --template` writes: the columns, one example row per question
type, and a sheet explaining each column. Every example row imports as it stands."""

from __future__ import annotations

from pathlib import Path

from ..kinds import QUESTION_TYPES
from . import columns as col
from .spreadsheet import rows_of, write_rows

EXAMPLES = (
    {col.TYPE: "单选", col.STEM: "卷烟零售客户拜访前，首先应做的是（　）。", "选项A": "制定拜访计划",
     "选项B": "直接上门", "选项C": "电话订货", "选项D": "整理货架", col.ANSWER: "A",
     col.EXPLANATION: "拜访前先做好计划。", col.SCORE: "1", col.DIFFICULTY: "易", col.POINTS: "拜访前的准备",
     col.CHAPTER: "客户拜访"},
    {col.TYPE: "多选", col.STEM: "客户信息是哪些工作的基础？（　）", "选项A": "企业决策", "选项B": "客户分类",
     "选项C": "客户满意", "选项D": "商品定价", col.ANSWER: "ABC", col.SCORE: "2", col.POINTS: "客户信息的重要性",
     col.CHAPTER: "客户信息管理"},
    {col.TYPE: "判断", col.STEM: "拜访客户时可以不预约直接上门。", col.ANSWER: "错误",
     col.EXPLANATION: "应提前预约。", col.POINTS: "拜访前的准备", col.CHAPTER: "客户拜访"},
    {col.TYPE: "填空", col.STEM: "客户信息是企业（　）的基础，也是客户（　）的基础。",
     col.ANSWER: "决策 | 分类/分级", col.SCORE: "2", col.POINTS: "客户信息的重要性", col.CHAPTER: "客户信息管理"},
    {col.TYPE: "简答", col.STEM: "客户信息的重要性体现在哪些方面？",
     col.ANSWER: "客户信息是企业决策的基础【关键词：企业决策|决策的基础】\n"
                 "客户信息是客户分类的基础【关键词：客户分类】\n客户信息是客户满意的基础",
     col.SCORE: "3", col.POINTS: "客户信息的重要性", col.CHAPTER: "客户信息管理", col.TAGS: "重点"},
    {col.TYPE: "排序", col.STEM: "请排出拜访客户的步骤。", "选项A": "拜访准备", "选项B": "获取拜访结果",
     "选项C": "进店拜访", col.ANSWER: "ACB", col.POINTS: "拜访的步骤", col.CHAPTER: "客户拜访"},
    {col.TYPE: "计算", col.STEM: "某客户本月订购 A 品牌 31 条，共订购 40 条，A 品牌的订购占比是多少？",
     col.ANSWER: "77.5±0.1%", col.SCORE: "2", col.POINTS: "订购占比", col.CHAPTER: "客户分类"},
)

NOTES = (
    ("列", "说明"),
    (col.TYPE, "必填。单选、多选、判断、填空、简答、排序、计算（也认“单选题”“单项选择题”等写法）。"),
    (col.STEM, "必填。题目正文；填空题的空写作（　）或 ____。"),
    ("选项A…选项H", "选择题的选项，从 A 起连续填写；排序题把待排序的各项写在这里。"),
    (col.ANSWER, "必填。单选：A；多选：AB、A,B、A|B 或 A、C；判断：正确/错误、对/错、√/×；"
                 "排序：各项的正确顺序，如 CAB；计算：一个数，可带单位和误差，如 62.5%、77.5±0.1%；"
                 "填空：每空一个答案，用 | 隔开，同一空的几种答案用 / 隔开，"
                 "末尾写“（顺序不限）”时各空可按任意顺序填写；"
                 "简答：每行一个得分要点，可在要点后写【关键词：甲|乙】和【2分】，没写关键词时按要点原文评分；"
                 "【同时：甲|乙；丙|丁】要求各组（每组答出其一）出现在同一分句里，【备注：…】是编者备注。"),
    (col.EXPLANATION, "可选。答题后显示的解析。"),
    (col.SCORE, "可选。本题满分；不填时简答题为各要点分数之和，其他题 1 分。"),
    (col.DIFFICULTY, "可选。如 易、中、难，导入后记为标签“难度:易”。"),
    (col.POINTS, "可选。本题考查的知识点名称，多个用换行或；隔开；不填时归入本章节。"),
    (col.CHAPTER, "可选。章节（主题）名称；同一章节的题目放在同一个文件里。"),
    (col.TAGS, "可选。标签，用、或逗号隔开。"),
    (col.ID, "可选。题目编号（小写字母、数字、连字符和点）；不填时自动生成。导出的题库带编号，再导入时保持不变。"),
    (col.LEVEL, "可选。初级、中级（或 primary、intermediate）；不填时用 --level 指定的级别。"),
    (col.POINT_IDS, "可选。知识点的编号，与“知识点”一一对应；导出的题库带有，再导入时保持不变。"),
    (col.NOTE, "可选。编者备注，不给考生看。"),
)


def template_cells() -> list[dict[str, str]]:
    """The example rows, one per type this version knows."""
    known = {name for qtype in QUESTION_TYPES for name in col.TYPE_NAMES.get(qtype, ())}
    return [row for row in EXAMPLES if row[col.TYPE] in known]


def write_template(path: Path) -> int:
    """Write the template; the number of example rows."""
    examples = template_cells()
    write_rows(path, rows_of(examples), [list(n) for n in NOTES])
    return len(examples)
