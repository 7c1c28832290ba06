"""Marking typed answer sheets against printed papers: letters translated through each paper's shuffles,
marks on the paper's scale, which paper a candidate sat, and lines that cannot be marked."""

from __future__ import annotations

import json

import pytest
from test_papers_bank import QUESTIONS, make_bank_root

from examprep.content import load_bank
from examprep.papers.draw import draw_paper
from examprep.papers.manifest import ManifestQuestion, manifest_json, read_manifest
from examprep.papers.batch import AnswerLine, parse_answer_lines
from examprep.papers.report import mark_with_manifest, mark_without_manifest, natural_key


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return load_bank(make_bank_root(tmp_path_factory.mktemp("bank")))


@pytest.fixture(scope="module")
def printed(bank, tmp_path_factory):
    """Two variants of the mini paper, printed with seed 2, and their manifest read back."""
    papers = [draw_paper(bank, bank.blueprints["mini"], 2, v) for v in "AB"]
    path = tmp_path_factory.mktemp("out") / "manifest.json"
    path.write_text(manifest_json(papers), encoding="utf-8")
    return {p.variant: p for p in papers}, read_manifest(path)


def right_answer(item):
    """What a candidate who knows everything writes on this paper."""
    if item.question.is_free_text:
        return item.model_answer
    return item.key


def sheet(candidate, paper, answer_of, with_paper=False):
    lines = []
    for n, item in enumerate(paper.items, start=1):
        answer = answer_of(item)
        if answer is not None:
            lines.append(AnswerLine(n, candidate, item.id, answer, paper.variant if with_paper else None))
    return lines


# -- reading ----------------------------------------------------------------------------------------
def test_read_answer_lines_reports_bad_lines_by_number():
    text = "\n".join([
        '{"candidate": "C1", "question": "q.a", "answer": "B"}',
        "",
        "not json",
        "[1, 2]",
        '{"candidate": "C1", "answer": "B"}',
        '{"candidate": true, "question": "q.a", "answer": "B"}',
        '{"candidate": "C2", "question": 3, "answer": ["A", "C"], "paper": "b"}',
        '{"candidate": "C2", "question": "q.b", "answer": "x", "paper": 1}',
    ])
    lines, problems = parse_answer_lines(text, "sheet.jsonl")
    assert lines == [AnswerLine(1, "C1", "q.a", "B"), AnswerLine(7, "C2", "3", ["A", "C"], "B")]
    assert [str(p) for p in problems] == [
        "sheet.jsonl:3: 不是 JSON（缺少值）",
        "sheet.jsonl:4: 每一行必须是一个 JSON 对象，例如 {\"candidate\": …, \"question\": …, \"answer\": …}",
        "sheet.jsonl:5: 缺少 'question'",
        "sheet.jsonl:6: 'candidate' 必须是姓名或编号",
        "sheet.jsonl:8: 'paper' 必须是一个字母，例如 \"A\"",
    ]


def test_candidates_sort_naturally():
    assert sorted(["C10", "C2", "C1", "B"], key=natural_key) == ["B", "C1", "C2", "C10"]


# -- translating the paper's letters ------------------------------------------------------------------
CHOICE = ManifestQuestion(1, "q", 1, 0, option_order=("C", "A", "D", "B"))
ORDER = ManifestQuestion(2, "q", 3, 0, item_order=(2, 0, 3, 1))


@pytest.mark.parametrize("qid, written, to_grader", [
    ("q.primary.t1.single-1", "A", "C"),  # printed A is the bank's C
    ("q.primary.t1.single-1", "b", "A"),
    ("q.primary.t1.single-1", "Ｄ", "B"),  # full-width
    ("q.primary.t1.multiple-2", "A,C", "CD"),
    ("q.primary.t1.multiple-2", ["B", "D"], "AB"),
    ("q.primary.t1.multiple-2", "AE", "CE"),  # E was not printed: stays a key the bank lacks, marked wrong
    ("q.primary.t1.single-1", "选项1甲", "选项1甲"),  # the option's text needs no translating
    ("q.primary.t1.order-1", "BDAC", [0, 1, 2, 3]),  # printed B is item 0 …
    ("q.primary.t1.order-1", "b d a c", [0, 1, 2, 3]),
    ("q.primary.t1.order-1", "2413", [0, 1, 2, 3]),  # positions on the paper
    ("q.primary.t1.order-1", "ABCD", [2, 0, 3, 1]),
    ("q.primary.t1.order-1", "BDAE", [0, 1, 2, 4]),  # E was not printed: an index no item has
    ("q.primary.t1.order-1", "第一步>第二步>第三步>第四步", "第一步>第二步>第三步>第四步"),
    ("q.primary.t1.judge-1", "√", "√"),  # the grader reads √/×, 对/错 itself
    ("q.primary.t1.calc-1", "72%", "72%"),
])
def test_to_bank_answer(bank, qid, written, to_grader):
    question = bank.questions[qid]
    entry = ORDER if question.type == "order" else CHOICE
    assert question.to_bank_answer(written, entry) == to_grader


# -- marking ----------------------------------------------------------------------------------------------
def test_a_perfect_sheet_earns_every_mark_on_each_variant(bank, printed):
    papers, manifest = printed
    lines = sheet("C1", papers["A"], right_answer) + sheet("C2", papers["B"], right_answer)
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    assert report.skipped == () and report.warnings == ()
    for candidate, variant in (("C1", "A"), ("C2", "B")):
        result = next(c for c in report.candidates if c.candidate == candidate)
        assert result.paper == variant
        assert result.total == result.max == papers[variant].total
        assert [s.marks for s in result.sections] == [s.marks for s in papers[variant].sections]
        assert all(q.correct and not q.missed for q in result.questions)


def test_bank_letters_on_a_shuffled_paper_are_wrong(bank, printed):
    papers, manifest = printed
    paper = papers["A"]
    shuffled = [i for i in paper.items if i.question.type == "single" and i.key != i.question.answer]
    assert shuffled, "seed 2 should shuffle some key away from its bank letter"
    lines = [AnswerLine(1, "C1", i.id, i.question.answer, "A") for i in shuffled]
    result = mark_with_manifest(lines, manifest, bank, "s.jsonl").candidates[0]
    by_id = {q.id: q for q in result.questions}
    assert all(by_id[i.id].marks == 0 and by_id[i.id].key == i.key for i in shuffled)


def test_marks_are_scaled_to_the_paper_and_missed_points_named(bank, printed):
    papers, manifest = printed
    paper = papers["A"]
    case_item = paper.sections[6].all_items[0]
    short_item = paper.sections[5].items[0]
    lines = [AnswerLine(1, "C1", short_item.id, "只答了第二要点", "A"),
             AnswerLine(2, "C1", case_item.id, "首要的是第一要点", "A"),
             AnswerLine(3, "C1", paper.sections[0].items[0].id, paper.sections[0].items[0].key, "A")]
    result = mark_with_manifest(lines, manifest, bank, "s.jsonl").candidates[0]
    by_id = {q.id: q for q in result.questions}
    # rubric weights 1 and 3: the second point is 3/4 of the short question's 6 marks
    assert by_id[short_item.id].marks == 4.5 and by_id[short_item.id].missed == ("第一要点",)
    # 15 marks by weights 1 and 3 is 3.75 + 11.25: the key prints half marks, 4 + 11, and marking follows it
    assert [m for _, m in case_item.question.point_marks(case_item.marks)] == [4.0, 11.0]
    assert by_id[case_item.id].marks == 4.0 and by_id[case_item.id].missed == ("第二要点",)
    assert by_id[paper.sections[0].items[0].id].marks == 2  # 1 in the bank, 2 on this paper
    unanswered = [q for q in result.questions if not q.answered]
    assert len(unanswered) == len(paper.items) - 3 and all(q.marks == 0 for q in unanswered)
    assert result.total == 4.5 + 4.0 + 2


def test_which_paper_a_candidate_sat(bank, printed):
    papers, manifest = printed
    a, b = papers["A"], papers["B"]
    only_a = next(i for i in a.items if i.id not in {j.id for j in b.items})
    shared = next(i for i in a.items if i.id in {j.id for j in b.items})
    lines = [
        AnswerLine(1, "INFER", only_a.id, "A"),  # only paper A has it
        AnswerLine(2, "GIVEN", shared.id, "A", "B"),  # the line says B
        AnswerLine(3, "AMBIGUOUS", shared.id, "A"),  # on both papers, and no "paper"
        AnswerLine(4, "MIXED", shared.id, "A", "A"),
        AnswerLine(5, "MIXED", only_a.id, "A", "B"),
        AnswerLine(6, "NOPAPER", shared.id, "A", "Q"),
    ]
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    assert {c.candidate: c.paper for c in report.candidates} == {"INFER": "A", "GIVEN": "B"}
    messages = {p.line: p.message for p in report.skipped}
    assert messages[3] == ('AMBIGUOUS：清单里有 A, B 几套试卷，只凭这些题无法判断考的是哪一套；'
                           '请在答题行加上 "paper": "A"（答题卡请填“试卷”列）')
    assert messages[4] == messages[5] == "MIXED：答题行写了 A、B 几套试卷，且行数相同，无法判断考的是哪一套"
    assert messages[6] == "NOPAPER：试卷“Q”不在清单中（有 A, B）"


def test_a_mistyped_paper_skips_that_line_only(bank, printed):
    papers, manifest = printed
    a = papers["A"]
    lines = [AnswerLine(n, "C1", str(item.number), right_answer(item), "A") for n, item in enumerate(a.items, 1)]
    lines.append(AnswerLine(99, "C1", "1", "B", "C"))  # a slip of the pen: there is no paper C
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    (c1,) = report.candidates
    assert c1.paper == "A" and c1.total == a.total  # the whole sheet is still marked
    assert [str(p) for p in report.skipped] == ["s.jsonl:99: C1：试卷“C”不在清单中（有 A, B）"]


def test_a_minority_paper_is_skipped_and_the_majority_marked(bank, printed):
    papers, manifest = printed
    a = papers["A"]
    lines = [AnswerLine(n, "C1", str(item.number), right_answer(item), "A") for n, item in enumerate(a.items, 1)]
    lines[0] = AnswerLine(1, "C1", "1", right_answer(a.items[0]), "B")
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    (c1,) = report.candidates
    assert c1.paper == "A" and c1.total == a.total - a.items[0].marks
    assert [p.message for p in report.skipped] == ["C1：这一行写的是 B 卷，其余各行是 A 卷，一名考生只考一套试卷"]


def test_printed_numbers_without_a_paper_ask_for_it(bank, printed):
    papers, manifest = printed
    lines = [AnswerLine(n, "C1", str(item.number), right_answer(item)) for n, item in
             enumerate(papers["A"].items, 1)]
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    assert report.candidates == ()
    messages = {p.message for p in report.skipped}
    assert messages == {'C1：清单里有 A, B 几套试卷，只凭题号无法判断考的是哪一套；'
                        '请在答题行加上 "paper": "A"（答题卡请填“试卷”列）'}
    assert len(report.skipped) == len(lines)  # no "unknown question '1'"


def test_lines_that_cannot_be_marked_are_reported_and_the_rest_marked(bank, printed):
    papers, manifest = printed
    a, b = papers["A"], papers["B"]
    only_b = next(i for i in b.items if i.id not in {j.id for j in a.items})
    first = a.items[0]
    lines = [
        AnswerLine(1, "C1", first.id, first.key, "A"),
        AnswerLine(2, "C1", first.id, "Z", "A"),
        AnswerLine(3, "C1", only_b.id, "A", "A"),
        AnswerLine(4, "C1", "q.nope", "A", "A"),
        AnswerLine(5, "C1", "99", "A", "A"),
        AnswerLine(6, "C1", str(a.items[1].number), a.items[1].key, "A"),  # by the number on the paper
        AnswerLine(7, "C9", "q.nope", "A"),
    ]
    report = mark_with_manifest(lines, manifest, bank, "s.jsonl")
    assert [str(p) for p in report.skipped] == [
        f"s.jsonl:2: C1 对 {first.id} 的第二个答案；保留第 1 行的答案",
        f"s.jsonl:3: 题目 {only_b.id} 不在 A 卷上",
        "s.jsonl:4: 未知的题目“q.nope”",
        "s.jsonl:5: A 卷没有第 99 题",
        "s.jsonl:7: 未知的题目“q.nope”",
    ]
    (c1,) = report.candidates
    assert c1.total == first.marks + a.items[1].marks


def test_a_changed_bank_is_warned_about_and_a_missing_question_refused(printed, tmp_path):
    papers, manifest = printed
    changed = [dict(q, answer="C") if q["id"] == "q.primary.t1.single-1" else q for q in QUESTIONS]
    bank = load_bank(make_bank_root(tmp_path / "changed", questions=changed))
    on_paper = any(i.id == "q.primary.t1.single-1" for p in papers.values() for i in p.items)
    report = mark_with_manifest([], manifest, bank, "s.jsonl")
    assert report.warnings == (
        ("1 道题在打印试卷之后改动过（q.primary.t1.single-1），按题库现在的内容阅卷",) if on_paper else ())
    smaller = load_bank(make_bank_root(tmp_path / "smaller", questions=QUESTIONS[:3]))
    with pytest.raises(LookupError, match="试卷清单中有 .* 道题在题库里不存在"):
        mark_with_manifest([], manifest, smaller, "s.jsonl")


def test_item_analysis_is_computed_on_the_papers_marks(bank, printed):
    papers, manifest = printed
    a = papers["A"]
    judge = a.sections[2].items[0]
    # four candidates: two know everything, two know nothing but this judge question
    lines = sheet("K1", a, right_answer, True) + sheet("K2", a, right_answer, True)
    lines += [AnswerLine(90, "N1", judge.id, judge.key, "A"), AnswerLine(91, "N2", judge.id, judge.key, "A")]
    paper_report = mark_with_manifest(lines, manifest, bank, "s.jsonl").papers[0]
    stats = {i.id: i.stats for i in paper_report.items}
    assert stats[judge.id].facility == 1.0 and "too-easy" in stats[judge.id].flags
    other = a.sections[0].items[0].id
    # everybody in the upper group (K1) and nobody in the lower (N2) scored: D = 1, facility 1/2
    assert stats[other].facility == 0.5 and stats[other].discrimination == 1.0
    assert stats[other].flags == ()
    # Alpha by hand: every other question scores (m, m, 0, 0), variance m²/4; the judge question
    # (1, 1, 1, 1) has none; totals (T, T, 1, 1) have variance ((T − 1)/2)².
    k, total = len(a.items), a.total
    item_variance = sum(i.marks ** 2 / 4 for i in a.items if i is not judge)
    assert paper_report.stats.alpha == pytest.approx(k / (k - 1) * (1 - item_variance / ((total - 1) / 2) ** 2))


def test_without_a_manifest_answers_are_graded_against_the_bank(bank):
    lines = [
        AnswerLine(1, "C2", "q.primary.t1.single-1", "B"),
        AnswerLine(2, "C2", "q.primary.t1.judge-1", "对"),
        AnswerLine(3, "C10", "q.primary.t1.single-1", "A"),
        AnswerLine(4, "C10", "q.primary.t1.recall-1", "第一要点"),
        AnswerLine(5, "C10", "q.nope", "A"),
    ]
    report = mark_without_manifest(lines, bank, "s.jsonl")
    (paper,) = report.papers
    assert paper.paper is None and paper.sections == ("默写", "单项选择", "判断")
    assert [i.id for i in paper.items] == [
        "q.primary.t1.recall-1", "q.primary.t1.single-1", "q.primary.t1.judge-1"]
    totals = {c.candidate: (c.total, c.max) for c in report.candidates}
    assert totals == {"C2": (2.0, 5.0), "C10": (0.75, 5.0)}
    assert [c.candidate for c in report.candidates] == ["C2", "C10"]
    assert [str(p) for p in report.skipped] == ["s.jsonl:5: 未知的题目“q.nope”"]


def test_manifest_round_trip(printed):
    papers, manifest = printed
    for name, paper in papers.items():
        variant = manifest.variants[name]
        assert [q.id for q in variant.questions] == [i.id for i in paper.items]
        assert [q.option_order for q in variant.questions] == [i.option_order for i in paper.items]
        assert [q.item_order for q in variant.questions] == [i.item_order for i in paper.items]
        assert variant.total == paper.total


@pytest.mark.parametrize("text, message", [
    ("{", ":1: 不是 JSON"),
    ("[]", ":1: 不是试卷清单"),
    ('{"examprep_manifest": 9}', ":1: 本版本不认识试卷清单格式 9"),
    ('{"examprep_manifest": 1, "blueprint": "b"}', ":1: 试卷清单已损坏（KeyError"),
])
def test_a_bad_manifest_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "m.json"
    path.write_text(text, encoding="utf-8")
    from examprep.content import ContentError
    with pytest.raises(ContentError) as err:
        read_manifest(path)
    assert f"{path}{message}" in str(err.value)


def test_manifest_is_one_line_per_question(printed):
    papers, _ = printed
    text = manifest_json(list(papers.values()))
    assert json.loads(text)["variants"]["A"]["total"] == papers["A"].total
    first = papers["A"].items[0]
    assert f'{{"number": 1, "id": "{first.id}", "marks": 2, "options": ' in text


@pytest.mark.parametrize("raw, message", [
    ('{"candidate": "C1", "question": "q", "answer": "A",}', "s.jsonl:1: 不是 JSON（缺少用双引号括起的字段名）"),
    ('{"candidate" "C1"}', "s.jsonl:1: 不是 JSON（缺少 ':'）"),
    ('{"candidate": "C1"} x', "s.jsonl:1: 不是 JSON（JSON 之后还有多余的内容）"),
    ('{"candidate": "C1', "s.jsonl:1: 不是 JSON（字符串缺少结尾的双引号）"),
])
def test_a_line_that_is_not_json_says_why_in_chinese(raw, message):
    _, problems = parse_answer_lines(raw, "s.jsonl")
    assert [str(p) for p in problems] == [message]
