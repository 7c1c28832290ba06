"""A small content root with every question type, a case and a blueprint, shared by the practice
and TUI tests (imported as a module); the test here checks that it loads cleanly."""

from __future__ import annotations

from pathlib import Path

from examprep.content import read_bank

from content_roots import write_files

FILES = {
    "points/primary/customer-info.yaml": """\
        topic: customer-info
        title: 客户信息管理
        level: primary
        source: 测试考点
        points:
          - id: primary.customer-info.importance
            title: 客户信息的重要性
            items: [客户信息是企业决策的基础, 客户信息是客户分类的基础, 客户信息是客户满意的基础]
            text: 三个基础
            ref: 教材 P44
            tags: [客户信息]
          - id: primary.customer-info.steps
            title: 收集客户信息的步骤
            items: [确定目标, 制定计划, 实施收集]
            ordered: true
        """,
    "points/primary/phone-ordering.yaml": """\
        topic: phone-ordering
        title: 电话订货
        level: primary
        source: 测试考点
        points:
          - id: primary.phone-ordering.rate
            title: 订货率
            text: 订货率 = 订货户数 ÷ 总户数 × 100%
        """,
    "points/intermediate/expectation.yaml": """\
        topic: expectation
        title: 客户期望管理
        level: intermediate
        source: 测试考点
        points:
          - id: intermediate.expectation.methods
            title: 客户期望管理的方法
            items: [清晰期望, 加强感受]
        """,
    "questions/primary.yaml": """\
        questions:
          - id: q.recall
            type: recall
            level: primary
            points: [primary.customer-info.importance]
            stem: 请写出客户信息的重要性。
            score: 3
            explanation: 三个基础。
            rubric:
              - id: decision
                point: 客户信息是企业决策的基础
                keywords: [企业决策]
              - id: classify
                point: 客户信息是客户分类的基础
                keywords: [客户分类]
              - id: satisfy
                point: 客户信息是客户满意的基础
                keywords: [客户满意]
          - id: q.single
            type: single
            level: primary
            points: [primary.customer-info.importance]
            stem: 客户信息是什么的基础？
            score: 1
            options: {A: 生产, B: 企业决策, C: 运输, D: 仓储}
            answer: B
            explanation: 客户信息是企业决策的基础。
          - id: q.multiple
            type: multiple
            level: primary
            points: [primary.customer-info.importance]
            stem: 客户信息是哪些方面的基础？
            score: 2
            options: {A: 企业决策, B: 客户分类, C: 天气预报, D: 客户满意}
            answer: [A, B, D]
          - id: q.judge
            type: judge
            level: primary
            points: [primary.customer-info.importance]
            stem: 客户信息是客户分类的基础。
            score: 1
            answer: true
          - id: q.order
            type: order
            level: primary
            points: [primary.customer-info.steps]
            stem: 请排列收集客户信息的步骤。
            score: 2
            items: [确定目标, 制定计划, 实施收集]
          - id: q.calc
            type: calc
            level: primary
            points: [primary.phone-ordering.rate]
            stem: 100 户中 45 户订货，订货率是多少？
            score: 2
            answer: 45
            tolerance: 0.5
            unit: "%"
        """,
    "questions/intermediate.yaml": """\
        questions:
          - id: q.short
            type: short
            level: intermediate
            points: [intermediate.expectation.methods]
            stem: 客户期望管理有哪些方法？
            score: 4
            rubric:
              - id: clear
                point: 清晰期望
                keywords: [清晰期望]
              - id: feel
                point: 加强感受
                keywords: [加强感受]
        """,
    "cases/promise.yaml": """\
        id: case.promise
        title: 八大承诺
        level: intermediate
        points: [intermediate.expectation.methods]
        source: 测试案例
        scenario: |
          L烟草推出“八大承诺”，客户期望随之升高，投诉增多。
        questions:
          - id: case.promise.q1
            type: short
            stem: 请谈谈如何进行客户期望管理。
            score: 10
            rubric:
              - id: clear
                point: 清晰期望
                keywords: [清晰期望]
              - id: feel
                point: 加强感受
                keywords: [加强感受]
        """,
    "papers/mock-primary.yaml": """\
        title: 初级模拟试卷
        level: primary
        duration: 30
        sections:
          - title: 一、单项选择题
            type: single
            count: 1
            score: 2
          - title: 二、判断题
            type: judge
            count: 1
          - title: 三、默写题
            type: recall
            count: 1
        """,
}


# A fill question and a blueprint section of them, added where a test needs them (the other tests
# count the sample's questions).
FILL_FILES = {
    "questions/fill.yaml": """\
        questions:
          - id: q.fill
            type: fill
            level: primary
            points: [primary.customer-info.importance]
            stem: 客户信息是企业（　）的基础，也是客户____的基础。
            score: 2
            answer: [决策, [分类, 细分]]
            explanation: 两个基础。
        """,
    "papers/mock-fill.yaml": """\
        title: 填空模拟试卷
        level: primary
        duration: 10
        sections:
          - title: 一、填空题
            type: fill
            count: 1
          - title: 二、判断题
            type: judge
            count: 1
        """,
}


# A calculation question marked step by step (`steps:`), added where a test needs it.
STEPS_FILES = {
    "questions/calc-steps.yaml": """\
        questions:
          - id: q.calc-steps
            type: calc
            level: primary
            points: [primary.phone-ordering.rate]
            stem: 100 户中 45 户订货，订货率是多少？
            score: 3
            answer: 45
            unit: "%"
            steps:
              - id: formula
                point: 订货率 = 订货户数 ÷ 总户数 × 100%
                keywords: [订货户数÷总户数, 订货户数/总户数]
                source: 测试考点
              - id: substitute
                point: 代入：45 ÷ 100 × 100%
                keywords: [45÷100]
                source: 题干
        """,
}


def write_sample_root(root: Path, with_fill: bool = False, with_steps: bool = False) -> Path:
    return write_files(root, {**FILES, **(FILL_FILES if with_fill else {}),
                              **(STEPS_FILES if with_steps else {})})


def sample_bank(root: Path, with_fill: bool = False, with_steps: bool = False):
    bank, problems = read_bank(write_sample_root(root, with_fill, with_steps))
    assert not problems, problems
    return bank


def test_sample_root_loads_cleanly(tmp_path):
    bank = sample_bank(tmp_path)
    assert {q.type for q in bank.questions.values()} == {
        "recall", "single", "multiple", "judge", "order", "calc", "short"}
    assert bank.questions["case.promise.q1"].case_id == "case.promise"
    assert "mock-primary" in bank.blueprints


def test_sample_root_with_fill_loads_cleanly(tmp_path):
    bank = sample_bank(tmp_path, with_fill=True)
    assert bank.questions["q.fill"].type == "fill" and "mock-fill" in bank.blueprints
