"""Rendering papers and keys: what an examiner needs is on the page, and question text stays literal."""

from __future__ import annotations

import re

import pytest
from test_papers_bank import make_bank_root

from examprep.content import load_bank
from examprep.papers.draw import draw_paper
from examprep.papers.render import (
    answer_blocks,
    answer_lines,
    answer_strip,
    markdown_escape,
    render_key,
    render_paper,
)

INJECTION_ID = "q.primary.t1.short-2"


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return load_bank(make_bank_root(tmp_path_factory.mktemp("bank")))


def paper_with(bank, question_id, case_id="case.primary.c1"):
    """A paper of the mini blueprint that holds question_id and the case (searching seeds)."""
    for seed in range(1, 200):
        paper = draw_paper(bank, bank.blueprints["mini"], seed)
        cases = {pc.case.id for s in paper.sections for pc in s.cases}
        if question_id in {i.id for i in paper.items} and case_id in cases:
            return paper
    raise AssertionError("no seed draws it")


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_rendering_is_deterministic(bank, fmt):
    paper = draw_paper(bank, bank.blueprints["mini"], 5)
    assert render_paper(paper, fmt) == render_paper(draw_paper(bank, bank.blueprints["mini"], 5), fmt)
    assert render_key(paper, fmt) == render_key(paper, fmt)


@pytest.mark.parametrize("render", [render_paper, render_key])
def test_html_prints_template_syntax_and_markup_literally(bank, render):
    html = render(paper_with(bank, INJECTION_ID), "html")
    assert "模板注入测试：{{ 7*7 }} {% if true %}IF{% endif %} &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script" not in html and "49" not in html
    assert "&amp; *星号* | 竖线" in html
    if render is render_paper:  # the case scenario, also from the bank
        assert "第二段情景 &lt;b&gt;粗体&lt;/b&gt; {{ x }}。" in html and "<b>" not in html


@pytest.mark.parametrize("render", [render_paper, render_key])
def test_markdown_escapes_markup_and_prints_template_syntax_literally(bank, render):
    md = render(paper_with(bank, INJECTION_ID), "md")
    assert r"{{ 7\*7 }} {% if true %}IF{% endif %} \<script\>alert('x')\</script\> \& \*星号\* \| 竖线" in md
    assert "<script" not in md.replace(r"\<script", "")
    if render is render_paper:
        assert r"> 第二段情景 \<b\>粗体\</b\> {{ x }}。" in md


@pytest.mark.parametrize("text, escaped", [
    ("普通文字", "普通文字"),
    ("<script>", r"\<script\>"),
    ("a*b_c`d", r"a\*b\_c\`d"),
    ("# 标题", r"\# 标题"),
    ("- 列表", r"\- 列表"),
    ("1. 第一", r"1\. 第一"),
    ("3.5 分", "3.5 分"),  # a decimal is not a list marker
    ("-3 元", "-3 元"),
    ("a|b", r"a\|b"),
    ("[链接](x)", r"\[链接\](x)"),
    ("第一行\n第二行", "第一行\n\n第二行"),
    (None, ""),
])
def test_markdown_escape(text, escaped):
    assert markdown_escape(text) == escaped


def test_paper_has_the_header_an_examiner_expects(bank):
    html = render_paper(draw_paper(bank, bank.blueprints["mini"], 1), "html")
    for text in ("<h1>测试模拟试卷</h1>", "等级：初级/五级", "考试时间：90 分钟", "满分：38 分",
                 "姓名", "准考证号", "<th>题号</th>", "<th>得分</th>", "<th>七</th>",
                 "一、单项选择题<span class=\"section-marks\">（共 3 题，每题 2 分，共 6 分）</span>",
                 "二、多项选择题<span class=\"section-marks\">（共 1 题，每题 2 分，共 2 分）</span>",
                 "（共 1 个案例，共 15 分）", "正确顺序：", "（结果单位：%）", "— 试卷结束 —"):
        assert text in html, text
    # no variant badge on a single paper; the answers are not on the paper
    assert "A 卷" not in html and "q.primary" not in html


def test_paper_leaves_room_to_answer(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    html = render_paper(paper, "html")
    short = paper.sections[5].items[0]
    assert answer_lines(short) == 9  # 6 marks × 1.5
    continued = sum(len(answer_blocks(i)) - 1 for i in paper.items if i.question.is_free_text)
    # calc, short, the case's question, and the blocks where a long answer space continues
    assert len(re.findall(r'<div class="ruled">', html)) == 3 + continued
    assert "section new-page" not in html and " new-page\"" not in html  # no forced page break, no half-blank page
    assert 'class="section type-case"' in html and 'class="section type-short"' in html


@pytest.mark.parametrize("marks, lines", [(1, 4), (4, 6), (10, 15), (20, 30)])
def test_answer_lines_grow_with_marks(bank, marks, lines):
    item = draw_paper(bank, bank.blueprints["mini"], 1).sections[5].items[0]
    from dataclasses import replace
    assert answer_lines(replace(item, marks=marks)) == lines


def test_key_has_the_answers_in_the_papers_own_letters(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    html = render_key(paper, "html")
    for item in paper.items:
        if item.question.type in ("single", "multiple", "order", "judge"):
            assert f"<td>{item.number}</td>\n<td><b>{item.key}</b>" in html
    calc = paper.sections[4].items[0]
    assert "<td><b>72%</b>（允许误差 ±0.5）</td>" in html and calc.key == "72%"
    order = paper.sections[3].items[0]
    letters = dict(order.choices)
    sequence = " → ".join(f"{k}.{letters[k]}" for k in order.key)
    assert f"{order.number}. 正确顺序：{sequence}</p>" in html
    assert sequence.count("第") == 4


def test_key_has_the_marking_scheme_for_free_text(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    html = render_key(paper, "html")
    # rubric weights 1 and 3 share the short question's 6 marks: 1.5 and 4.5
    assert "<tr><td class=\"text\">第一要点</td><td>1.5</td><td class=\"text keywords\">第一要点；首要</td></tr>" in html
    assert "<tr><td class=\"text\">第二要点</td><td>4.5</td>" in html
    assert '<div class="model">第一要点和第二要点。</div>' in html  # the full-marks example
    assert "参考答案及评分标准" in html and "随机种子：1" in html


def test_variant_badge_when_several_papers(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1, "B")
    assert '<span class="variant-badge">B 卷</span>' in render_paper(paper, "html", show_variant=True)
    assert "**B 卷**" in render_key(paper, "md", show_variant=True)


def test_markdown_paper_and_key(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    md = render_paper(paper, "md")
    assert md.startswith("# 测试模拟试卷\n")
    assert "## 一、单项选择题（共 3 题，每题 2 分，共 6 分）" in md
    first = paper.items[0]
    assert f"**1.** {first.question.stem}（　　　）\n\n- A. {first.choices[0][1]}\n" in md
    assert "\n\n\n" not in md
    key = render_key(paper, "md")
    assert f"| 1 | **{first.key}** | 2 |" in key
    assert "| 第一要点 | 1.5 | 第一要点；首要 |" in key


@pytest.mark.parametrize("stem, printed", [
    ("下列属于经营信息的是？", "下列属于经营信息的是？（　　　）"),
    ("沟通的首要条件是（）。", "沟通的首要条件是（　　　）。"),
    ("总是让思维处于( )中运行", "总是让思维处于（　　　）中运行"),
    ("紧接在（　）之后的是（ ）", "紧接在（　　　）之后的是（　　　）"),
    ("客户时间比=____÷总工作时间", "客户时间比=____÷总工作时间"),
    ("（一）说法正确", "（一）说法正确（　　　）"),  # brackets with words in them are not blanks
])
def test_answer_blank(stem, printed):
    from examprep.papers.render import with_answer_blank
    assert with_answer_blank(stem) == printed


@pytest.mark.parametrize("marks, blocks", [(6, [9]), (12, [18]), (13, [10, 10]), (20, [15, 15])])
def test_a_long_answer_space_continues_in_blocks_under_a_mark(bank, marks, blocks):
    from dataclasses import replace

    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    item = replace(paper.sections[5].items[0], marks=marks)
    assert answer_blocks(item) == blocks
    html = render_paper(replace(paper, sections=(replace(paper.sections[5], items=(item,)),)), "html")
    assert html.count(f"（第 {item.number} 题续）") == len(blocks) - 1
    assert html.count('<div class="answer-block">') == len(blocks) - 1


def test_each_section_has_a_score_box_and_the_header_a_total_box(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    html = render_paper(paper, "html")
    box = '<table class="grader-box"><tr><th>得分</th><th>评卷人</th></tr><tr><td></td><td></td></tr></table>'
    assert html.count(box) == len(paper.sections)
    assert "<th>合分人</th>" in html
    md = render_paper(paper, "md")
    assert md.count("| 得分 | 评卷人 |") == len(paper.sections) and "| 合分人 |" in md


def test_the_seal_only_when_asked(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    plain = render_paper(paper, "html")
    assert 'class="seal"' not in plain and "标封区" not in plain  # the notes never mention a seal that is not there
    assert '<table class="candidate">' in plain
    sealed = render_paper(paper, "html", seal=True)
    assert '<body class="sealed">' in sealed and "密　　封　　线　　内　　不　　要　　答　　题" in sealed
    assert "请首先在密封线内填写" in sealed and "不要在标封区填写无关内容" in sealed
    assert '<table class="candidate">' not in sealed  # the name goes in the sealed area instead
    assert "密　封　线" in render_paper(paper, "md", seal=True) and "密　封　线" not in render_paper(paper, "md")


def test_the_key_has_an_answer_strip_for_marking_by_hand(bank):
    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    strip = dict(answer_strip(paper))
    singles = paper.sections[0].items
    first, last = singles[0].number, singles[-1].number
    assert strip[f"一、单项选择题（{first}–{last}）"] == "".join(i.key for i in singles)
    judges = paper.sections[2].items
    assert strip[f"三、判断题（{judges[0].number}–{judges[-1].number}）"] == "".join(i.key for i in judges)
    assert not any(title.startswith("六") for title in strip)  # free text has no strip
    html = render_key(paper, "html")
    assert '<div class="answer-strip">' in html and "".join(i.key for i in singles) in html
    assert "答案速查" in render_key(paper, "md")


def test_letters_in_the_strip_come_in_fives():
    from types import SimpleNamespace as NS

    items = [NS(number=n, key=k, question=NS(is_free_text=False, kind="choice")) for n, k in enumerate("BADADCBBADA", 1)]
    paper = NS(sections=[NS(title="一、单项选择题", all_items=items)])
    assert answer_strip(paper) == [("一、单项选择题（1–11）", "BADAD CBBAD A")]


def test_writing_space_grows_with_marks_in_markdown_too(bank):
    from dataclasses import replace

    paper = draw_paper(bank, bank.blueprints["mini"], 1)
    section = paper.sections[5]
    lines = []
    for marks in (4, 20):
        item = replace(section.items[0], marks=marks)
        md = render_paper(replace(paper, sections=(replace(section, items=(item,)),)), "md")
        lines.append(md.count("\\_" * 48))
    assert lines[1] > lines[0] > 0
