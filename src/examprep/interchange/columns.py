"""The 题库 template: its columns, the names spreadsheets use for them, and the names of question types.

The columns are the de facto ones of Chinese exam-prep apps (题型, 题干, 选项A … 选项H, 答案, 解析, 分值,
难度, 知识点, 章节, 标签); examprep adds 编号, 级别 and 知识点编号, all optional, so that a bank
exported and imported again keeps its ids.
"""

from __future__ import annotations

import re
import unicodedata

OPTION_KEYS = tuple("ABCDEFGH")

TYPE = "题型"
STEM = "题干"
ANSWER = "答案"
EXPLANATION = "解析"
SCORE = "分值"
DIFFICULTY = "难度"
POINTS = "知识点"
CHAPTER = "章节"
TAGS = "标签"
ID = "编号"
LEVEL = "级别"
POINT_IDS = "知识点编号"
NOTE = "备注"
OPTIONS = tuple(f"选项{k}" for k in OPTION_KEYS)

COLUMNS = (TYPE, STEM, *OPTIONS, ANSWER, EXPLANATION, SCORE, DIFFICULTY, POINTS, CHAPTER, TAGS, ID, LEVEL,
           POINT_IDS, NOTE)
REQUIRED = (TYPE, STEM, ANSWER)
WIDTHS = {TYPE: 8, STEM: 40, ANSWER: 24, EXPLANATION: 30, POINTS: 20, CHAPTER: 14, POINT_IDS: 30, ID: 30}

# other headers seen in the wild, after normalising (see `header_key`)
ALIASES = {
    "题目类型": TYPE, "类型": TYPE, "试题类型": TYPE,
    "题目": STEM, "试题": STEM, "题目内容": STEM, "试题内容": STEM, "问题": STEM,
    "正确答案": ANSWER, "参考答案": ANSWER, "标准答案": ANSWER,
    "答案解析": EXPLANATION, "试题解析": EXPLANATION, "解释": EXPLANATION,
    "分数": SCORE, "得分": SCORE,
    "考点": POINTS,
    "章": CHAPTER, "章节名称": CHAPTER, "分类": CHAPTER,
    "id": ID, "题号": ID, "试题编号": ID,
    "等级": LEVEL,
    **{k: f"选项{k}" for k in OPTION_KEYS},
}

# 题型 as written -> the bank's type; the first name of each type is the one export writes
TYPE_NAMES = {
    "single": ("单选", "单选题", "单项选择", "单项选择题"),
    "multiple": ("多选", "多选题", "多项选择", "多项选择题", "不定项", "不定项选择题"),
    "judge": ("判断", "判断题", "是非题"),
    "fill": ("填空", "填空题"),
    "short": ("简答", "简答题", "问答", "问答题", "论述题"),
    "recall": ("默写", "默写题", "识记", "名词解释"),
    "order": ("排序", "排序题"),
    "calc": ("计算", "计算题"),
}
TYPE_BY_NAME = {name: qtype for qtype, names in TYPE_NAMES.items() for name in names}


def header_key(text: str) -> str | None:
    """The template column a header cell names, or None: full-width forms, spaces, a required mark
    (题型*) and a note in brackets (分值（分）) are ignored."""
    key = unicodedata.normalize("NFKC", text)
    key = re.sub(r"[(\[（【].*?[)\]）】]", "", key)
    key = re.sub(r"[\s*:：]", "", key)
    if key in COLUMNS:
        return key
    if key.lower() in ALIASES:
        return ALIASES[key.lower()]
    if re.fullmatch(r"选项?[a-hA-H]", key):
        return f"选项{key[-1].upper()}"
    return ALIASES.get(key)


def type_of(text: str) -> str | None:
    return TYPE_BY_NAME.get(re.sub(r"\s", "", unicodedata.normalize("NFKC", text)))


def type_name(qtype: str) -> str:
    return TYPE_NAMES[qtype][0]
