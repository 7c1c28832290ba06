"""Fill questions (填空题): blanks in the stem, one answer per blank with alternatives, each blank graded by
the free-text matcher, in order or in any order; read from YAML with file:line errors."""

from __future__ import annotations

import pytest

from examprep.content import read_bank
from examprep.kinds.fill import Fill, count_blanks

from content_roots import write_files

ORDERED = Fill("t.fill", "fill", "primary", ("x",), "客户信息是企业（　）的基础，也是客户____的基础。", 2,
               answer=(("决策",), ("分类", "细分")))
ANY_ORDER = Fill("t.fill2", "fill", "primary", ("x",), "三个基础：（　）、（　）、（　）。", 3,
                 answer=(("企业决策",), ("客户分类",), ("客户满意",)), ordered=False)


@pytest.mark.parametrize("question, answer, score", [
    (ORDERED, "决策|分类", 2), (ORDERED, "决策｜细分", 2), (ORDERED, "决策\n分类", 2),
    (ORDERED, ("决策", "分类"), 2), (ORDERED, ["决策", "分类"], 2),
    (ORDERED, "决册|分类", 2),  # a homophone typed through an input method
    (ORDERED, "決策|分類", 2),  # traditional characters
    (ORDERED, "分类|决策", 0),  # in order: each blank its own answer
    (ORDERED, "决策", 1), (ORDERED, "决策|", 1), (ORDERED, "|分类", 1), (ORDERED, "", 0), (ORDERED, None, 0),
    (ORDERED, "不是决策|分类", 1),  # a negated answer does not earn its blank
    (ANY_ORDER, "客户满意|企业决策|客户分类", 3), (ANY_ORDER, "客户分类|客户分类|企业决策", 2),
    (ANY_ORDER, "企业决策", 1), (ANY_ORDER, "客户满意|天气|企业决策", 2),
])
def test_each_blank_graded_by_the_matcher(question, answer, score):
    grading = question.grade(answer)
    assert grading.score == score
    assert len(grading.points) == len(question.answer)
    assert grading.correct is (score == question.score)


def test_points_say_which_blank_was_earned_and_where():
    grading = ORDERED.grade("决策|错了")
    first, second = grading.points
    assert (first.id, first.hit, first.earned, first.matched, first.span) == ("blank-1", True, 1.0, "决策", (0, 2))
    assert (second.id, second.point, second.hit, second.earned) == ("blank-2", "第2空：分类", False, 0.0)
    assert ANY_ORDER.grade("天气|客户满意").points[2].span == (3, 7)  # offsets in the answer as typed


def test_keys_model_answer_and_shown_stem():
    assert ORDERED.key() == "决策 | 分类"
    assert ORDERED.model_answer() == "（1）决策；（2）分类（或：细分）"
    assert ANY_ORDER.model_answer().endswith("（各空顺序不限）")
    assert ORDERED.shown_stem() == "客户信息是企业（\u30001\u3000）的基础，也是客户（\u30002\u3000）的基础。"
    assert count_blanks("（）与( )及（　　）和____") == 4


def test_answers_typed_stored_and_shown():
    assert ORDERED.parse_answer(" 决策 | 分类 ") == ("决策", "分类")
    assert ORDERED.decode(ORDERED.encode(("决策", ""))) == ("决策", "")
    assert ORDERED.decode(ORDERED.encode("决策|分类")) == ("决策", "分类")
    assert ORDERED.decode('"决策"') is None
    assert ORDERED.answer_text(("决策", "")) == "（1）决策　（2）（未填）"
    assert ORDERED.is_blank(("", " ")) and ORDERED.answer_text(("", "")) == "（未作答）"


QUESTION = """\
        questions:
          - id: q.f
            type: fill
            level: primary
            points: [p.x]
            stem: {stem}
            answer: {answer}
{extra}"""


def _root(tmp_path, stem="甲（　）乙（　）", answer="[一, [二, 两]]", extra=""):
    return write_files(tmp_path, {
        "points/primary/x.yaml": """\
            topic: x
            title: X
            level: primary
            source: 测试
            points:
              - id: p.x
                title: X
                text: x
            """,
        "questions/q.yaml": QUESTION.format(stem=stem, answer=answer, extra=extra),
    })


def test_read_from_yaml(tmp_path):
    bank, problems = read_bank(_root(tmp_path, extra="            ordered: false\n"))
    assert problems == []
    q = bank.questions["q.f"]
    assert isinstance(q, Fill) and q.answer == (("一",), ("二", "两")) and not q.ordered
    assert q.score == 2  # a mark a blank unless the question says


@pytest.mark.parametrize("stem, answer, extra, line, message", [
    ("甲（　）乙", "[一, 二]", "", 6, "题干有 1 个空"),
    ("甲（　）乙（　）", "一", "", 7, "fill 题需要 'answer'：每个空一项的列表"),
    ("甲（　）乙（　）", "[一, []]", "", 7, "'answer' 的第 2 空没有任何可接受的答案"),
    ("甲（　）乙（　）", "[一, [二, {a: 1}]]", "", 7, "'answer' 的第 2 空需要文本"),
    ("甲（　）", "[一]", "            ordered: 也许\n", 8, "'ordered' 必须是布尔值（true 或 false）"),
    ("甲（　）", "[一]", "            options: {A: 一, B: 二}\n", 8, "'options' 不适用于 fill 题"),
])
def test_yaml_problems_name_file_and_line(tmp_path, stem, answer, extra, line, message):
    _, problems = read_bank(_root(tmp_path, stem, answer, extra))
    assert [(p.file, p.line) for p in problems] == [("questions/q.yaml", line)], problems
    assert message in problems[0].message
