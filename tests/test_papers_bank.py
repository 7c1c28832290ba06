"""A small content root for the paper and marking tests, and a check that it is itself valid.

Other test modules import `make_bank_root` from here (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

from pathlib import Path

from examprep.checks import validate

from content_roots import write_files

POINTS = {
    "topic": "t1", "title": "测试主题", "level": "primary", "source": "测试来源",
    "points": [
        {"id": f"primary.t1.p{i}", "title": f"考点{i}", "items": ["甲", "乙", "丙"],
         "tags": ["标签甲"] if i % 2 else ["标签乙"]}
        for i in range(1, 13)
    ],
}


def _single(i: int, point: int, options=None, answer="B", stem=None) -> dict:
    return {
        "id": f"q.primary.t1.single-{i}", "type": "single", "level": "primary",
        "points": [f"primary.t1.p{point}"], "stem": stem or f"单选题{i}的题干？", "score": 1,
        "options": options or {"A": f"选项{i}甲", "B": f"选项{i}乙", "C": f"选项{i}丙", "D": f"选项{i}丁"},
        "answer": answer, "explanation": f"考点{point}",
    }


def _free(i: int, qtype: str, point: int, score: float = 4, stem=None) -> dict:
    return {
        "id": f"q.primary.t1.{qtype}-{i}", "type": qtype, "level": "primary",
        "points": [f"primary.t1.p{point}"], "stem": stem or f"请写出{qtype}{i}的要点。", "score": score,
        "rubric": [
            {"id": "first", "point": "第一要点", "keywords": ["第一要点", "首要"]},
            {"id": "second", "point": "第二要点", "keywords": ["第二要点"], "weight": 3},
        ],
        "examples": [
            {"answer": "第一要点和第二要点。", "score": score},
            {"answer": "只有第二要点。", "score": score * 3 / 4},
        ],
    }


QUESTIONS = [
    _single(1, 1), _single(2, 2), _single(3, 3), _single(4, 4), _single(5, 5),
    _single(6, 6, options={"A": "甲", "B": "乙", "C": "丙", "D": "以上都对"}, answer="D"),
    {"id": "q.primary.t1.multiple-1", "type": "multiple", "level": "primary", "points": ["primary.t1.p7"],
     "stem": "多选题一？", "score": 2,
     "options": {"A": "多一", "B": "多二", "C": "多三", "D": "多四", "E": "多五"}, "answer": ["A", "C"]},
    {"id": "q.primary.t1.multiple-2", "type": "multiple", "level": "primary", "points": ["primary.t1.p8"],
     "stem": "多选题二？", "score": 2,
     "options": {"A": "多一", "B": "多二", "C": "多三", "D": "多四"}, "answer": ["B", "C", "D"]},
    {"id": "q.primary.t1.judge-1", "type": "judge", "level": "primary", "points": ["primary.t1.p9"],
     "stem": "判断题一。", "score": 1, "answer": True},
    {"id": "q.primary.t1.judge-2", "type": "judge", "level": "primary", "points": ["primary.t1.p10"],
     "stem": "判断题二。", "score": 1, "answer": False},
    {"id": "q.primary.t1.judge-3", "type": "judge", "level": "primary", "points": ["primary.t1.p1"],
     "stem": "判断题三。", "score": 1, "answer": True},
    {"id": "q.primary.t1.order-1", "type": "order", "level": "primary", "points": ["primary.t1.p11"],
     "stem": "请排出正确顺序。", "score": 3, "items": ["第一步", "第二步", "第三步", "第四步"]},
    {"id": "q.primary.t1.calc-1", "type": "calc", "level": "primary", "points": ["primary.t1.p12"],
     "stem": "计算比重。", "score": 4, "answer": 72, "unit": "%", "tolerance": 0.5,
     "explanation": "360÷500×100%=72%"},
    _free(1, "recall", 2, 3),
    _free(2, "recall", 3, 3),
    _free(1, "short", 4, 6),
    _free(2, "short", 5, 6,
          stem="模板注入测试：{{ 7*7 }} {% if true %}IF{% endif %} <script>alert('x')</script> & *星号* | 竖线"),
]

CASES = {
    "c1.yaml": {
        "id": "case.primary.c1", "title": "案例甲", "level": "primary", "points": ["primary.t1.p6"],
        "source": "测试", "scenario": "第一段情景。\n第二段情景 <b>粗体</b> {{ x }}。",
        "questions": [
            dict(_free(1, "short", 6, 10), id="case.primary.c1.q1"),
            dict(_free(2, "short", 6, 10), id="case.primary.c1.q2"),
        ],
    },
    "c2.yaml": {
        "id": "case.primary.c2", "title": "案例乙", "level": "primary", "points": ["primary.t1.p7"],
        "source": "测试", "scenario": "另一个情景。",
        "questions": [dict(_free(3, "short", 7, 10), id="case.primary.c2.q1")],
    },
}

BLUEPRINT = """\
title: 测试模拟试卷
level: primary
duration: 90
sections:
  - title: 一、单项选择题
    type: single
    count: 3
    score: 2
  - title: 二、多项选择题
    type: multiple
    count: 1
  - title: 三、判断题
    type: judge
    count: 2
  - title: 四、排序题
    type: order
    count: 1
  - title: 五、计算题
    type: calc
    count: 1
  - title: 六、简答题
    type: short
    count: 1
  - title: 七、案例分析题
    type: case
    count: 1
    score: 15
"""


def make_bank_root(base: Path, questions=None, cases=None, blueprints=None) -> Path:
    """Write the small bank under `base`; arguments replace the default questions, cases, blueprints."""
    files = {"points/primary/t1.yaml": POINTS,
             "questions/all.yaml": {"questions": QUESTIONS if questions is None else questions}}
    files.update({f"cases/{name}": case for name, case in (CASES if cases is None else cases).items()})
    files.update({f"papers/{name}": text
                  for name, text in ({"mini.yaml": BLUEPRINT} if blueprints is None else blueprints).items()})
    return write_files(base, files)


def test_the_small_bank_is_valid(tmp_path):
    report = validate(make_bank_root(tmp_path))
    assert report.problems == []
    assert "mini" in report.bank.blueprints
