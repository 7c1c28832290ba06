"""The loader and validator, as a table: a small content root, and the exact problems expected."""

from __future__ import annotations

import textwrap
import time

import pytest

from examprep.content import ContentError, load_bank, read_bank
from examprep.checks import validate

from content_roots import write_files

POINTS = """\
topic: t1
title: 测试主题
level: primary
source: 测试来源
points:
  - id: primary.t1.a
    title: 甲
    items: [一, 二, 三]
    ordered: true
    tags: [标签]
  - id: primary.t1.b
    title: 乙
    text: 说明
"""

SINGLE = """\
questions:
  - id: q.s
    type: single
    level: primary
    points: [primary.t1.a]
    stem: 题干
    score: 1
    options: {A: 一, B: 二, C: 三}
    answer: B
"""


def make_root(tmp_path, files: dict[str, str]):
    return write_files(tmp_path, {"points/primary/t1.yaml": POINTS, **files})


def problems_of(tmp_path, files):
    report = validate(make_root(tmp_path, files))
    return [str(p) for p in report.problems]


def question(body: str) -> str:
    """A questions file holding one question; `body` is its fields after id/level/points."""
    lines = ["questions:", "  - id: q.x", "    level: primary", "    points: [primary.t1.a]", "    stem: 题干"]
    lines += ["    " + line for line in textwrap.dedent(body).strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


CASES = [
    # (name, files, expected problems)
    ("clean", {"questions/q.yaml": SINGLE}, []),
    ("yaml syntax", {"questions/q.yaml": "questions:\n  - id: [\n"},
     ["questions/q.yaml:3: YAML 语法错误：解析方括号或花括号里的一项时，缺少内容"]),
    ("not utf-8", {"questions/q.yaml": b"questions:\n  - id: \xff\n"},
     ["questions/q.yaml:2: 不是 UTF-8 文本（字节 0xff）；请把文件另存为 UTF-8"]),
    ("python tag refused", {"questions/q.yaml": "a: !!python/object/apply:os.system [echo]\n"},
     ["questions/q.yaml:1: 不允许使用标签 !!python/object/apply:os.system：内容用安全方式读取"]),
    ("duplicate key", {"questions/q.yaml": "questions: []\nquestions: []\n"},
     ["questions/q.yaml:2: 重复的键 'questions'"]),
    ("empty file", {"questions/q.yaml": ""}, ["questions/q.yaml:1: 文件是空的"]),
    ("top level not a mapping", {"questions/q.yaml": "- 1\n- 2\n"},
     ["questions/q.yaml:1: 文件的顶层必须是由字段组成的映射"]),
    ("unknown field with did-you-mean", {"questions/q.yaml": question("type: single\noptions: {A: 一, B: 二}\nanswer: A\nexplanaton: 说明")},
     ["questions/q.yaml:9: 题目中有未知字段 'explanaton'（是不是 'explanation'？）"]),
    ("missing required field", {"questions/q.yaml": "questions:\n  - id: q.x\n    type: judge\n    level: primary\n    points: [primary.t1.a]\n    answer: true\n"},
     ["questions/q.yaml:2: 题目缺少必填字段 'stem'"]),
    ("wrong type", {"questions/q.yaml": question("type: calc\nanswer: 五十")},
     ["questions/q.yaml:7: 'answer' 必须是数字，不能是文本"]),
    ("score must be positive", {"questions/q.yaml": question("type: judge\nanswer: true\nscore: 0")},
     ["questions/q.yaml:8: 'score' 必须大于 0，不能是 0"]),
    ("bad id", {"questions/q.yaml": SINGLE.replace("q.s", "Q.S")},
     ["questions/q.yaml:2: id 'Q.S' 不合规：请用小写 ASCII 字符 [a-z0-9-] 组成的段，段与段之间用点连接"]),
    ("duplicate id across files", {"questions/q.yaml": SINGLE, "questions/r.yaml": SINGLE},
     ["questions/r.yaml:2: 重复的 id 'q.s'（首次定义于 questions/q.yaml:2）"]),
    ("id shared by a point and a question", {"questions/q.yaml": SINGLE.replace("q.s", "primary.t1.b")},
     ["questions/q.yaml:2: 重复的 id 'primary.t1.b'（首次定义于 points/primary/t1.yaml:11）"]),
    ("unknown point", {"questions/q.yaml": SINGLE.replace("[primary.t1.a]", "[primary.t1.aa]")},
     ["questions/q.yaml:5: 题目 'q.s' 引用了未知的知识点 'primary.t1.aa'（是不是 'primary.t1.a'？）"]),
    ("unknown type", {"questions/q.yaml": question("type: singel")},
     ["questions/q.yaml:6: 'type' 必须是 recall、single、multiple、judge、fill、order、calc、short 之一，不能是 'singel'（是不是 'single'？）"]),
    ("single answer not an option", {"questions/q.yaml": SINGLE.replace("answer: B", "answer: D")},
     ["questions/q.yaml:9: 答案 'D' 不在选项键 A、B、C 之中"]),
    ("multiple answer not a subset", {"questions/q.yaml": question("type: multiple\noptions: {A: 一, B: 二, C: 三}\nanswer: [A, E]")},
     ["questions/q.yaml:8: 答案 E 不在选项键 A、B、C 之中"]),
    ("multiple answer repeated", {"questions/q.yaml": question("type: multiple\noptions: {A: 一, B: 二, C: 三}\nanswer: [A, A]")},
     ["questions/q.yaml:8: 答案中有一个选项键列了两次"]),
    ("choice without options", {"questions/q.yaml": question("type: single\nanswer: A")},
     ["questions/q.yaml:2: single 题需要 'options'：一个映射，例如 {A: …, B: …}"]),
    ("judge needs true/false", {"questions/q.yaml": question("type: judge\nanswer: 对")},
     ["questions/q.yaml:7: judge 题需要 'answer: true' 或 'answer: false'"]),
    ("calc needs a number", {"questions/q.yaml": question("type: calc")},
     ["questions/q.yaml:2: 题目缺少必填字段 'answer'"]),
    ("order needs two items", {"questions/q.yaml": question("type: order\nitems: [只有一项]")},
     ["questions/q.yaml:7: 排序题至少需要 2 个条目"]),
    ("order items must differ", {"questions/q.yaml": question("type: order\nitems: [一, 一]")},
     ["questions/q.yaml:7: 排序题的条目不能相同"]),
    ("single needs an answer", {"questions/q.yaml": question("type: single\noptions: {A: 一, B: 二}")},
     ["questions/q.yaml:2: single 题需要 'answer'：一个选项键"]),
    ("option without text", {"questions/q.yaml": question("type: single\noptions: {A: 一, B: }\nanswer: A")},
     ["questions/q.yaml:7: 选项 B 需要文本"]),
    ("ordered point needs two items", {"points/primary/t1.yaml": POINTS.replace("items: [一, 二, 三]", "items: [一]")},
     ["points/primary/t1.yaml:9: 有序知识点（ordered）至少需要 2 个条目"]),
    ("points file without points", {"points/primary/t1.yaml": POINTS.split("points:")[0] + "points: []\n"},
     ["points/primary/t1.yaml:5: 'points' 不能为空"]),
    ("list items must be text", {"points/primary/t1.yaml": POINTS.replace("items: [一, 二, 三]", "items: [一, [二], 三]")},
     ["points/primary/t1.yaml:8: 'items' 的第 2 项必须是文本，不能是列表"]),
    ("bad rubric id", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: Key-1, point: 一, keywords: [一]}
        """)},
     ["questions/q.yaml:8: 得分点 id 'Key-1' 不合规：请用小写 ASCII 字符 [a-z0-9-]"]),
    ("example needs an answer", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: a, point: 一, keywords: [一]}
        examples:
          - {score: 1}
        """)},
     ["questions/q.yaml:10: 示例答案需要 'answer'：示例答案的文本"]),
    ("case needs questions", {"cases/c.yaml": """\
        id: case.primary.c
        title: 案例
        level: primary
        points: [primary.t1.a]
        source: 来源
        scenario: 情景
        questions: []
        """},
     ["cases/c.yaml:7: 'questions' 不能为空"]),
    ("blueprint duration must be whole minutes", {"papers/p.yaml": """\
        title: 模拟卷
        level: primary
        duration: 1.5
        sections:
          - {title: 一, type: single, count: 1}
        """},
     ["papers/p.yaml:3: 'duration' 必须是整数，不能是数字"]),
    ("blueprint needs sections", {"papers/p.yaml": "title: 模拟卷\nlevel: primary\nduration: 90\nsections: []\n"},
     ["papers/p.yaml:4: 'sections' 不能为空"]),
    ("field not for this type", {"questions/q.yaml": question("type: judge\nanswer: false\nitems: [一, 二]")},
     ["questions/q.yaml:8: 'items' 不适用于 judge 题"]),
    ("rubric ids unique", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: a, point: 一, keywords: [一]}
          - {id: a, point: 二, keywords: [二]}
        """)},
     ["questions/q.yaml:9: 重复的得分点 id 'a'（首次出现在第 8 行）"]),
    ("under names a point of the rubric", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: head, point: 一, keywords: [一]}
          - {id: part, point: 二, keywords: [二], under: haed}
        """)},
     ["questions/q.yaml:9: 得分点 'part' 的 under: 'haed' 不是本题另一个得分点的 id（可用：head）"]),
    ("under names no point that is itself under one", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: head, point: 一, keywords: [一]}
          - {id: mid, point: 二, keywords: [二], under: head}
          - {id: leaf, point: 三, keywords: [三], under: mid}
        """)},
     ["questions/q.yaml:10: 得分点 'leaf' 归属于 'mid'，而 'mid' 本身又归属于 'head'：under: 只能指向不带 under: 的得分点"]),
    ("label is a list of texts", {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: a, point: 一, keywords: [一], label: [注意事项, [要求]]}
        """)},
     ["questions/q.yaml:8: 'label' 的第 2 项必须是文本，不能是列表"]),
    ("rubric keywords non-empty", {"questions/q.yaml": question("""
        type: short
        rubric:
          - {id: a, point: 一, keywords: []}
        """)},
     ["questions/q.yaml:8: 'keywords' 不能为空"]),
    ("free text needs a rubric", {"questions/q.yaml": question("type: short")},
     ["questions/q.yaml:2: 题目缺少必填字段 'rubric'"]),
    ("unknown level", {"questions/q.yaml": SINGLE.replace("level: primary", "level: primray")},
     ["questions/q.yaml:4: 未知的级别 'primray'（是不是 'primary'？）；已有级别：primary、intermediate（可在 levels.yaml 中声明更多）"]),
    ("topic must match file", {"points/primary/t2.yaml": POINTS.replace("primary.t1", "primary.t2")},
     ["points/primary/t2.yaml:1: 主题 't1' 与文件名 't2' 不一致"]),
    ("level must match folder", {"points/intermediate/t1.yaml": POINTS.replace("primary.t1", "intermediate.t1")},
     ["points/intermediate/t1.yaml:3: 级别 'primary' 与所在文件夹 'intermediate' 不一致"]),
    ("point needs items or text", {"points/primary/t1.yaml": POINTS.replace("    text: 说明\n", "")},
     ["points/primary/t1.yaml:11: 知识点 'primary.t1.b' 需要 'items' 或 'text'"]),
    ("case with unknown point", {"cases/c.yaml": """\
        id: case.primary.c
        title: 案例
        level: primary
        points: [primary.t1.aa]
        source: 来源
        scenario: 情景
        questions:
          - id: case.primary.c.q1
            type: short
            stem: 问
            score: 10
            rubric: [{id: a, point: 一, keywords: [一]}]
        """},
     ["cases/c.yaml:4: 案例 'case.primary.c' 引用了未知的知识点 'primary.t1.aa'（是不是 'primary.t1.a'？）"]),
    ("blueprint asks for more than the bank holds", {"questions/q.yaml": SINGLE, "papers/p.yaml": """\
        title: 模拟卷
        level: primary
        duration: 90
        sections:
          - {title: 一、单项选择题, type: single, count: 3, score: 1}
          - {title: 二、案例分析题, type: case, count: 1}
        """},
     ["papers/p.yaml:5: 大题“一、单项选择题”需要 3 道单项选择题（级别 初级/五级），题库只有 1 道",
      "papers/p.yaml:6: 大题“二、案例分析题”需要 1 个案例（级别 初级/五级），题库只有 0 个"]),
    ("a section emptied by its filters names them, and unknown tags and topics are reported",
     {"questions/q.yaml": SINGLE, "papers/p.yaml": """\
        title: 模拟卷
        level: primary
        duration: 90
        sections:
          - {title: 一、单项选择题, type: single, count: 1, score: 1, tags: [客户期望], topics: [nowhere]}
        """},
     ["papers/p.yaml:5: 大题“一、单项选择题”筛选的主题“nowhere”在题库中不存在",
      "papers/p.yaml:5: 大题“一、单项选择题”筛选的标签“客户期望”在题库中不存在",
      "papers/p.yaml:5: 大题“一、单项选择题”需要 1 道单项选择题（级别 初级/五级），题库只有 0 道；"
      "筛选条件：标签 客户期望；主题 nowhere（不加筛选时有 1 道）"]),
    ("blueprint with an unknown section type", {"papers/p.yaml": """\
        title: 模拟卷
        level: primary
        duration: 90
        sections:
          - {title: 一, type: essay, count: 1}
        """},
     ["papers/p.yaml:5: 'type' 必须是 recall、single、multiple、judge、fill、order、calc、short、case 之一，不能是 'essay'"]),
]


@pytest.mark.parametrize("name,files,expected", CASES, ids=[c[0] for c in CASES])
def test_validation_table(tmp_path, name, files, expected):
    assert problems_of(tmp_path, files) == expected


def test_clean_root_loads_into_the_model(tmp_path):
    bank = load_bank(make_root(tmp_path, {"questions/q.yaml": SINGLE}))
    point = bank.points["primary.t1.a"]
    assert point.items == ("一", "二", "三") and point.ordered and point.source == "测试来源"
    assert point.topic == "t1" and point.topic_title == "测试主题"
    q = bank.questions["q.s"]
    assert q.answer == "B" and q.option_map == {"A": "一", "B": "二", "C": "三"}
    assert q.where.file == "questions/q.yaml" and q.where.line == 2


def test_defaults_are_documented_values(tmp_path):
    files = {"questions/q.yaml": question("""
        type: recall
        rubric:
          - {id: a, point: 一, keywords: [一], weight: 2}
          - {id: b, point: 二, keywords: [二]}
        """) + question("type: calc\nanswer: -3").replace("questions:\n", "").replace("q.x", "q.y")}
    bank = load_bank(make_root(tmp_path, files))
    recall, calc = bank.questions["q.x"], bank.questions["q.y"]
    assert recall.score == 3.0  # default: the sum of rubric weights
    assert recall.rubric[1].weight == 1.0
    assert calc.score == 1.0 and calc.tolerance == 0.0 and calc.answer == -3.0


def test_case_questions_inherit_level_and_points(tmp_path):
    files = {"cases/c.yaml": """\
        id: case.primary.c
        title: 案例
        level: primary
        points: [primary.t1.a]
        source: 来源
        scenario: 情景
        questions:
          - id: case.primary.c.q1
            type: short
            stem: 问
            score: 10
            rubric: [{id: a, point: 一, keywords: [一]}]
        """}
    bank = load_bank(make_root(tmp_path, files))
    q = bank.questions["case.primary.c.q1"]
    assert q.level == "primary" and q.points == ("primary.t1.a",) and q.case_id == "case.primary.c"
    assert bank.cases["case.primary.c"].questions == (q,)


def test_levels_yaml_declares_more_levels(tmp_path):
    files = {"levels.yaml": "senior: 高级/三级\n",
             "points/senior/t1.yaml": POINTS.replace("primary", "senior")}
    bank = load_bank(make_root(tmp_path, files))
    assert bank.points["senior.t1.a"].level == "senior"
    assert bank.level_title("senior") == "高级/三级"


def test_load_bank_raises_with_every_problem(tmp_path):
    root = make_root(tmp_path, {"questions/q.yaml": SINGLE.replace("answer: B", "answer: D"),
                                "questions/r.yaml": "questions: [\n"})
    with pytest.raises(ContentError) as info:
        load_bank(root)
    assert len(info.value.problems) == 2
    assert str(info.value).splitlines()[0].startswith("questions/q.yaml:9:")


def test_missing_root_is_a_problem_not_a_crash(tmp_path):
    _, problems = read_bank(tmp_path / "nowhere")
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'nowhere'}: 找不到内容根目录（应是一个含有 points/、questions/、cases/ 的文件夹）"]


def test_alias_bomb_ends_fast_with_an_error(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    root = make_root(tmp_path, {"questions/q.yaml": "\n".join(bomb) + "\n"})
    started = time.perf_counter()
    _, problems = read_bank(root)
    assert time.perf_counter() - started < 5  # a guard against a hang, not a speed target
    assert [str(p) for p in problems] == [
        "questions/q.yaml:1: 别名展开后节点太多（别名炸弹？）；请把内容直接写出来"
    ]


def test_small_aliases_are_allowed(tmp_path):
    text = question("type: single\noptions: &opts {A: 一, B: 二}\nanswer: A")
    text += question("type: single\noptions: *opts\nanswer: B").replace("questions:\n", "").replace("q.x", "q.y")
    bank = load_bank(make_root(tmp_path, {"questions/q.yaml": text}))
    assert bank.questions["q.y"].option_map == {"A": "一", "B": "二"}


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    from examprep.content import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 1000)
    root = make_root(tmp_path, {"questions/q.yaml": "questions: []\n" + "#" * 2000 + "\n"})
    _, problems = read_bank(root)
    assert len(problems) == 1
    assert problems[0].file == "questions/q.yaml" and "内容文件最大" in problems[0].message


def test_deep_nesting_is_an_error(tmp_path):
    root = make_root(tmp_path, {"questions/q.yaml": "a: " + "[" * 5000 + "]" * 5000 + "\n"})
    _, problems = read_bank(root)
    assert problems and problems[0].file == "questions/q.yaml"


# -- the grader's additions: all: groups, note:, synonyms.yaml ------------------------------------
ALL_AND_NOTE = question("""
    type: short
    note: 作者备注，不给考生看
    rubric:
      - id: handle
        point: 接到投诉后72小时内有效处理
        keywords: [72小时内处理]
        all: [[投诉处理, 处理投诉], [72小时, 三天]]
        note: 时限与处理绑定
    """)


def test_rubric_all_groups_and_notes_are_read(tmp_path):
    bank = load_bank(make_root(tmp_path, {"questions/q.yaml": ALL_AND_NOTE}))
    q = bank.questions["q.x"]
    assert q.note == "作者备注，不给考生看"
    assert q.rubric[0].all_of == (("投诉处理", "处理投诉"), ("72小时", "三天"))
    assert q.rubric[0].note == "时限与处理绑定"


def test_synonyms_yaml_is_the_banks_lexicon_and_free_text_questions_carry_it(tmp_path):
    files = {"questions/q.yaml": ALL_AND_NOTE,
             "synonyms.yaml": "synonyms:\n  - [吐字清晰, 口齿清楚]\nantonyms:\n  - [正面, 背面]\n"}
    bank = load_bank(make_root(tmp_path, files))
    assert bank.lexicon.synonyms == (("吐字清晰", "口齿清楚"),)
    assert bank.lexicon.antonyms == (("正面", "背面"),)
    assert bank.questions["q.x"].lexicon is bank.lexicon


@pytest.mark.parametrize("text, expected", [
    ("synonyms:\n  - [只有一个]\n", "synonyms.yaml:2: 'synonyms' 的第 1 项至少需要 2 个文本"),
    ("synonyms: 吐字清晰\n", "synonyms.yaml:1: 'synonyms' 必须是由列表组成的列表，不能是文本"),
    ("antonyms:\n  - [正面, [背面]]\n", "synonyms.yaml:2: 'antonyms' 的第 1 项只能包含文本，不能包含列表"),
    ("synonym:\n  - [a, b]\n", "synonyms.yaml:1: synonyms.yaml中有未知字段 'synonym'（是不是 'synonyms'？）"),
])
def test_synonyms_yaml_problems_name_file_and_line(tmp_path, text, expected):
    assert problems_of(tmp_path, {"synonyms.yaml": text}) == [expected]


def test_all_group_must_hold_text(tmp_path):
    body = question("""
        type: short
        rubric:
          - {id: a, point: 一, keywords: [一], all: [[], [二]]}
        """)
    assert problems_of(tmp_path, {"questions/q.yaml": body}) == [
        "questions/q.yaml:8: 'all' 的第 1 项至少需要 1 个文本"]


def test_rubrics_that_do_not_share_in_half_marks_are_warned_about(tmp_path):
    files = {
        "questions/q.yaml": question("""
            type: short
            score: 4
            rubric:
              - {id: a, point: 一, keywords: [一]}
              - {id: b, point: 二, keywords: [二]}
              - {id: c, point: 三, keywords: [三]}
        """),
        "papers/p.yaml": """\
            title: 模拟卷
            level: primary
            duration: 90
            sections:
              - {title: 一、简答题, type: short, count: 1, score: 3}
              - {title: 二、简答题, type: short, count: 1, score: 5}
            """,
    }
    report = validate(make_root(tmp_path, files))
    assert report.problems == []
    assert [str(w) for w in report.warnings] == [
        "papers/p.yaml:6: （提醒）大题“二、简答题”每题 5 分，1 道题的得分点不能按半分分配（q.x）；答案上按半分取整",
        "questions/q.yaml:2: （提醒）题目 q.x 满分 4 分，得分点权重 1、1、1 不能按半分分配；答案上按半分取整",
    ]


@pytest.mark.parametrize("text, expected", [
    ("questions:\n  - {id: a\n", "questions/q.yaml:3: YAML 语法错误：解析花括号 {…} 时，缺少 ',' 或 '}'"),
    ("questions: a: b\n", "questions/q.yaml:1: YAML 语法错误：这里不能有字段值（多了一个 ':'？含冒号的文本请加引号）"),
    ("questions:\n  a: 1\n b: 2\n", "questions/q.yaml:3: YAML 语法错误：解析字段时，缺少字段名（可能是缩进没有对齐）"),
    ("questions: 'x\n", "questions/q.yaml:2: YAML 语法错误：读取引号中的文本时，文件意外结束（引号没有配对？）"),
    ("questions:\n\t- a\n", "questions/q.yaml:2: YAML 语法错误：读取下一项时，遇到不能开始一项的字符（例如 Tab；缩进请用空格）"),
    ("a:\n  b: 1\n\tc: 2\n", "questions/q.yaml:3: YAML 语法错误：读取文本时，Tab 打乱了缩进；缩进请用空格"),
    ("questions: *x\n", "questions/q.yaml:1: YAML 语法错误：使用了没有定义的别名（*）"),
    ("? [a]\n: 1\n", "questions/q.yaml:1: YAML 语法错误：字段名必须是简单的值，不能是列表或映射"),
])
def test_yaml_syntax_errors_are_explained_in_chinese(tmp_path, text, expected):
    assert problems_of(tmp_path, {"questions/q.yaml": text}) == [expected]
