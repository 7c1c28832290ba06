"""The content commands end to end: validate, list, --version, --help, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from examprep import __version__
from examprep.cli import build_parser, main
from examprep.locations import shipped_content_dir

from test_content_loader import SINGLE, make_root

SPEC_COMMANDS = ["drill", "case", "grade", "mark", "paper", "validate", "list", "stats"]


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"examprep {__version__}"


def test_version_does_not_import_heavy_modules():
    code = ("import sys; from examprep.cli import main; main(['--version']);"
            "print(sorted(m for m in ('yaml','textual','rapidfuzz','jinja2','rich') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_help_lists_every_command_of_the_spec(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in SPEC_COMMANDS:
        assert f"    {name} " in out


def test_usage_error_exits_2(capsys):
    assert main(["frobnicate"]) == 2
    assert main(["list", "pointz"]) == 2


def test_global_options_work_after_the_command(tmp_path):
    args = build_parser().parse_args(["validate", "--content", str(tmp_path), "--data", "d"])
    assert args.content == str(tmp_path) and args.data == "d"


def test_validate_reports_problems_and_exits_1(tmp_path, capsys):
    root = make_root(tmp_path, {"questions/q.yaml": SINGLE.replace("answer: B", "answer: D")})
    assert main(["validate", "--content", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "questions/q.yaml:9: 答案 'D' 不在选项键 A、B、C 之中"
    assert out[-1] == f"{root} 中有 1 个问题"


def test_validate_clean_root_prints_a_summary(tmp_path, capsys):
    root = make_root(tmp_path, {"questions/q.yaml": SINGLE})
    assert main(["validate", "--content", str(root)]) == 0
    assert capsys.readouterr().out.strip() == (
        "通过：1 个主题共 2 个知识点，1 道题（single 1），0 个案例，0 份试卷蓝图；级别：primary")


def test_list_json_and_filters(tmp_path, capsys):
    root = make_root(tmp_path, {"questions/q.yaml": SINGLE})
    assert main(["list", "points", "--content", str(root), "--json"]) == 0
    points = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in points] == ["primary.t1.a", "primary.t1.b"]
    assert points[0]["items"] == ["一", "二", "三"] and points[0]["file"] == "points/primary/t1.yaml"
    assert main(["list", "questions", "--content", str(root), "--json", "--level", "intermediate"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["list", "questions", "--content", str(root), "--json", "--topic", "t1"]) == 0
    [q] = json.loads(capsys.readouterr().out)
    assert q["options"] == {"A": "一", "B": "二", "C": "三"} and q["answer"] == "B"


def test_list_table_is_readable(tmp_path, capsys):
    root = make_root(tmp_path, {"questions/q.yaml": SINGLE})
    assert main(["list", "questions", "--content", str(root)]) == 0
    out = capsys.readouterr().out
    assert "q.s" in out and "单项选择" in out and "共 1 道题" in out


def test_list_unknown_level_is_a_usage_error(tmp_path, capsys):
    root = make_root(tmp_path, {})
    assert main(["list", "points", "--content", str(root), "--level", "senior"]) == 2
    assert "未知的级别 'senior'；可用的级别：primary、intermediate" in capsys.readouterr().err


def test_commands_on_broken_content_exit_1_with_file_and_line(tmp_path, capsys):
    root = make_root(tmp_path, {"questions/q.yaml": "questions: [\n"})
    assert main(["list", "points", "--content", str(root)]) == 1
    assert "questions/q.yaml:" in capsys.readouterr().err


def test_the_shipped_bank_is_found_and_validates():
    root = shipped_content_dir()
    assert (root / "points").is_dir(), f"shipped content missing at {root}"
    from examprep.checks import validate

    report = validate(root)
    assert report.problems == []
    assert {p.level for p in report.bank.points.values()} >= {"primary", "intermediate"}


def test_errors_caused_by_an_unreadable_points_file_are_grouped_under_it(tmp_path, capsys):
    from content_roots import write_files

    root = write_files(tmp_path / "bank", {
        "points/primary/t1.yaml": "topic: t1\ntitle: [broken\n",
        "questions/q.yaml": """\
            questions:
              - {id: q.a, type: judge, level: primary, points: [primary.t1.a], stem: 甲, answer: true}
              - {id: q.b, type: judge, level: primary, points: [primary.t1.b], stem: 乙, answer: false}
            """,
    })
    assert main(["validate", "--content", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("points/primary/t1.yaml:3: YAML 语法错误")
    assert lines[1] == "  因此文件无法读取，引用其中考点的 2 处也报错："
    assert lines[2] == "    questions/q.yaml:2: 题目 'q.a' 引用了未知的知识点 'primary.t1.a'"
    assert lines[3].startswith("    questions/q.yaml:3: 题目 'q.b'")
    assert lines[-1] == f"{root} 中有 3 个问题"
