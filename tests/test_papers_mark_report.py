"""`examprep mark --paper`: the examiner's report in every format, written or printed, with clear errors.

`commands/mark.py` hands over to `commands/mark_report.run`; these tests call it the same way.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_papers_bank import make_bank_root

from examprep.cli import build_parser, main
from examprep.commands import mark_report
from examprep.papers.manifest import read_manifest


def mark(*argv) -> int:
    return mark_report.run(build_parser().parse_args(["--content", *argv[:1], "mark", *argv[1:]]))


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The mini paper printed in two variants, and a sheet of three candidates."""
    base = tmp_path_factory.mktemp("marking")
    root = make_bank_root(base / "bank")
    assert main(["--content", str(root), "paper", "mini", "--variants", "2", "--seed", "3",
                 "-o", str(base / "out")]) == 0
    manifest = read_manifest(base / "out" / "manifest.json")
    a, b = manifest.variants["A"], manifest.variants["B"]
    lines = [
        {"candidate": "C001", "question": a.questions[0].id, "answer": "A", "paper": "A"},
        {"candidate": "C001", "question": a.questions[1].id, "answer": "B"},
        {"candidate": "C002", "question": b.questions[0].id, "answer": "C", "paper": "B"},
        {"candidate": "<b>C003</b>", "question": a.questions[0].id, "answer": "D", "paper": "A"},
    ]
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    (base / "answers.jsonl").write_text(text, encoding="utf-8")
    return root, base / "answers.jsonl", base / "out" / "manifest.json"


def test_table_is_the_default(printed, capsys):
    root, answers, manifest = printed
    assert mark(str(root), str(answers), "--paper", str(manifest)) == 0
    out, err = capsys.readouterr()
    assert out.startswith("测试模拟试卷 — 阅卷报告（蓝图 mini，随机种子 3）\n")
    assert "A 卷：2 名考生，满分 38 分" in out and "B 卷：1 名考生" in out
    assert "试题分析（A 卷）：" in out and "标记规则：难度系数 F" in out
    assert any(line.split()[:2] == ["C001", "A"] for line in out.splitlines())
    assert err == ""


def test_json_report(printed, capsys):
    root, answers, manifest = printed
    assert mark(str(root), str(answers), "--paper", str(manifest), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["candidate"] for c in data["candidates"]] == ["<b>C003</b>", "C001", "C002"]
    first = data["candidates"][1]
    assert first["paper"] == "A" and first["max"] == 38
    assert len(first["questions"]) == len(read_manifest(manifest).variants["A"].questions)
    assert first["questions"][0]["answer"] == "A"
    assert first["questions"][0]["grading"]["max"] == 1.0  # the grader's own figures, on the bank's scale
    assert [p["paper"] for p in data["papers"]] == ["A", "B"]
    assert set(data["papers"][0]["items"][0]) >= {"facility", "discrimination", "item_rest", "flags"}
    assert data["thresholds"] == {"facility_low": 0.2, "facility_high": 0.9, "discrimination_min": 0.2,
                                  "group_fraction": 0.27}


def test_csv_report_to_files_with_a_bom_for_spreadsheets(printed, tmp_path, capsys):
    root, answers, manifest = printed
    out = tmp_path / "marks.csv"
    assert mark(str(root), str(answers), "--paper", str(manifest), "--format", "csv", "-o", str(out)) == 0
    assert capsys.readouterr().out.split() == [str(out), str(tmp_path / "marks-items.csv")]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["candidate", "paper", "total", "max", "一、单项选择题"]
    most = max(len(v.questions) for v in read_manifest(manifest).variants.values())
    assert rows[0][-2:] == [f"Q{most}", "missed"]
    assert [r[0] for r in rows[1:]] == ["<b>C003</b>", "C001", "C002"]
    items = list(csv.reader(io.StringIO((tmp_path / "marks-items.csv").read_text(encoding="utf-8-sig"))))
    assert items[0] == ["paper", "number", "question", "section", "max", "facility", "discrimination",
                        "item_rest", "flags"]
    assert len(items) == 1 + sum(len(v.questions) for v in read_manifest(manifest).variants.values())


def test_csv_to_stdout_has_no_bom(printed, capsys):
    root, answers, manifest = printed
    assert mark(str(root), str(answers), "--paper", str(manifest), "--format", "csv") == 0
    assert capsys.readouterr().out.startswith("candidate,paper,total")


def test_html_report_escapes_what_candidates_typed(printed, tmp_path):
    root, answers, manifest = printed
    out = tmp_path / "report.html"
    assert mark(str(root), str(answers), "--paper", str(manifest), "--format", "html", "-o", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;C003&lt;/b&gt;" in html and "<b>C003" not in html
    assert "<h3>试题分析</h3>" in html and "未阅的答题行" not in html


def test_skipped_lines_are_reported_and_exit_1_after_the_rest_is_marked(printed, tmp_path, capsys):
    root, answers, manifest = printed
    bad = tmp_path / "bad.jsonl"
    bad.write_text(answers.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert mark(str(root), str(bad), "--paper", str(manifest), "--format", "html", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert f"{bad}:5: 不是 JSON（缺少值）（未阅）" in err
    assert err.index("未阅的行（按考生）：（无法读取） 1 行") < err.index(f"{bad}:5:")
    assert err.rstrip().endswith("共 1 行未阅，4 个答案已阅")
    html = out.read_text(encoding="utf-8")
    assert "未阅的答题行" in html and "第 5 行：不是 JSON（缺少值）" in html


def test_same_answers_same_report(printed, tmp_path):
    root, answers, manifest = printed
    for name in ("one.html", "two.html"):
        assert mark(str(root), str(answers), "--paper", str(manifest), "--format", "html",
                    "-o", str(tmp_path / name)) == 0
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()


def test_csv_without_a_manifest(printed, tmp_path, capsys):
    root, _, _ = printed
    answers = tmp_path / "a.jsonl"
    answers.write_text('{"candidate": "C1", "question": "q.primary.t1.single-1", "answer": "B"}\n',
                       encoding="utf-8")
    assert mark(str(root), str(answers), "--format", "csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["candidate", "paper", "total", "max", "单项选择", "Q1", "missed"]
    assert rows[1] == ["C1", "", "1", "1", "1", "1", ""]


@pytest.mark.parametrize("content, message", [
    ("{", "m.json:1: 不是 JSON"),
    ('{"a": 1}', "m.json:1: 不是试卷清单"),
])
def test_a_bad_manifest_exits_1(printed, tmp_path, content, message, capsys):
    root, answers, _ = printed
    (tmp_path / "m.json").write_text(content, encoding="utf-8")
    assert mark(str(root), str(answers), "--paper", str(tmp_path / "m.json")) == 1
    assert message in capsys.readouterr().err


def test_missing_answers_file_and_nothing_to_mark_exit_1(printed, tmp_path, capsys):
    root, _, manifest = printed
    assert mark(str(root), str(tmp_path / "none.jsonl"), "--paper", str(manifest)) == 1
    assert "无法读取" in capsys.readouterr().err
    (tmp_path / "bad.jsonl").write_text("nope\n", encoding="utf-8")
    assert mark(str(root), str(tmp_path / "bad.jsonl"), "--paper", str(manifest)) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:1: 不是 JSON（缺少值）" in err and "中没有可阅的答案" in err


def test_marking_with_another_bank_is_refused(printed, tmp_path, capsys):
    _, answers, manifest = printed
    other = make_bank_root(tmp_path / "other", questions=[], cases={}, blueprints={})
    assert mark(str(other), str(answers), "--paper", str(manifest)) == 1
    assert "；请用打印试卷时的 --content 阅卷" in capsys.readouterr().err


def test_the_mark_command_hands_over_to_the_report(printed, capsys):
    root, answers, manifest = printed
    assert main(["--content", str(root), "mark", str(answers), "--paper", str(manifest)]) == 0
    assert "阅卷报告" in capsys.readouterr().out


# -- answer sheets (paper --sheet, mark SHEET.xlsx|SHEET.csv) -------------------------------------------
@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    base = tmp_path_factory.mktemp("sheets")
    root = make_bank_root(base / "bank")
    assert main(["--content", str(root), "paper", "mini", "--variants", "2", "--seed", "3", "--sheet",
                 "-o", str(base / "out")]) == 0
    return root, base / "out"


def test_paper_sheet_writes_a_template_per_printing(sheets):
    from examprep.interchange.table import read_workbook

    root, out = sheets
    manifest = read_manifest(out / "manifest.json")
    count = max(len(v.questions) for v in manifest.variants.values())
    book = read_workbook(out / "sheet.xlsx")
    assert [s.name for s in book.sheets] == ["答题卡", "说明"]
    header = list(book.sheets[0].rows[0][1])
    assert header == ["考生", "试卷", *(str(n) for n in range(1, count + 1))]
    notes = book.sheets[1].rows
    assert notes[0][1] == ("试卷", "题号", "题型", "分值", "大题")
    assert len(notes) - 1 == sum(len(v.questions) for v in manifest.variants.values())
    csv_rows = list(csv.reader(io.StringIO((out / "sheet.csv").read_text(encoding="utf-8-sig"))))
    assert csv_rows == [header]


def _filled_rows(root, manifest_path):
    """A perfect candidate on each variant and one who left everything but question 1 blank."""
    from examprep.content import load_bank
    from examprep.papers.draw import draw_paper

    bank = load_bank(root)
    manifest = read_manifest(manifest_path)
    rows = []
    for variant in manifest.variants:
        paper = draw_paper(bank, bank.blueprints["mini"], manifest.seed, variant)
        answers = {i.number: (i.model_answer if i.question.is_free_text else i.key) for i in paper.items}
        rows.append([f"满分{variant}", variant, *(answers.get(n, "") for n in range(1, len(answers) + 1))])
    rows.append(["只答一题", "a", rows[0][2]])
    return rows, manifest


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_mark_reads_a_filled_sheet(sheets, tmp_path, capsys, suffix):
    from examprep.interchange.spreadsheet import write_rows

    root, out = sheets
    header = list(csv.reader(io.StringIO((out / "sheet.csv").read_text(encoding="utf-8-sig"))))[0]
    rows, manifest = _filled_rows(root, out / "manifest.json")
    filled = tmp_path / f"filled.{suffix}"
    write_rows(filled, [header, *rows])
    assert mark(str(root), str(filled), "--paper", str(out / "manifest.json"), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    totals = {c["candidate"]: (c["paper"], c["total"]) for c in data["candidates"]}
    assert totals["满分A"] == ("A", manifest.variants["A"].total)
    assert totals["满分B"] == ("B", manifest.variants["B"].total)
    assert totals["只答一题"][0] == "A"  # the 试卷 cell is read in either case


def test_a_sheet_row_without_a_candidate_is_reported_with_its_sheet_and_row(sheets, tmp_path, capsys):
    from examprep.interchange.spreadsheet import write_rows

    root, out = sheets
    filled = tmp_path / "filled.xlsx"
    write_rows(filled, [["考生", "试卷", "1", "2"], ["C1", "A", "A", ""], ["", "A", "B", "C"]])
    assert mark(str(root), str(filled), "--paper", str(out / "manifest.json")) == 1
    err = capsys.readouterr().err
    assert f"{filled}:题库:3: 这一行有答案但“考生”列为空（未阅）" in err


def test_a_sheet_needs_the_manifest(sheets, capsys):
    root, out = sheets
    assert main(["--content", str(root), "mark", str(out / "sheet.csv")]) == 1
    assert "请用 --paper 给出" in capsys.readouterr().err


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTAB", "'\tTAB"),
    ("\rCR", "'\rCR"),
    ("-1.5", "-1.5"),  # a plain number stays a number
    ("-inf", "'-inf"),
    ("张三", "张三"),
])
def test_csv_cells_never_start_a_formula(cell, written):
    from examprep.papers.report_formats import _csv, spreadsheet_safe

    assert spreadsheet_safe(cell) == written
    assert _csv([[cell, 3]]).lstrip('"').startswith(written[:2])


def test_a_candidate_named_like_a_formula_is_neutralised_in_the_csv(printed, tmp_path, capsys):
    root, answers, manifest = printed
    sheet = tmp_path / "evil.jsonl"
    sheet.write_text(answers.read_text(encoding="utf-8").replace("C001", "=1+2"), encoding="utf-8")
    assert mark(str(root), str(sheet), "--paper", str(manifest), "--format", "csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert ["'=1+2"] == [r[0] for r in rows if "1+2" in r[0]]
