"""The command line's own words in Chinese: help, usage and argparse's usage errors (exit code 2 kept)."""

from __future__ import annotations

import re

import pytest

from examprep.cli import build_parser, main, usage_error

COMMANDS = ["drill", "case", "grade", "mark", "paper", "validate", "list", "stats", "claims", "import", "export",
            "users", "users add", "users reset", "users list"]
ENGLISH = re.compile(r"\b[a-z]{3,} [a-z]{2,} [a-z]{2,}\b")  # three English words in a row: a sentence


@pytest.mark.parametrize("argv, last_line", [
    (["frobnicate"], "examprep：错误：参数 COMMAND：无效的选择：'frobnicate'（可选：'drill', 'case', 'grade', "
                     "'mark', 'paper', 'validate', 'list', 'stats', 'claims', 'import', 'export', 'users', "
                     "'class', 'serve'）"),
    (["list", "pointz"],
     "examprep list：错误：参数 kind：无效的选择：'pointz'（可选：'points', 'questions', 'cases'）"),
    (["grade"], "examprep grade：错误：缺少必需的参数：QUESTION_ID"),
    (["paper", "mini", "--seed", "q"], "examprep paper：错误：参数 --seed：无效的 int 值：'q'"),
    (["grade", "q", "--answer", "a", "--file", "b"], "examprep grade：错误：参数 --file：不能与参数 --answer 同时使用"),
    (["grade", "q", "--answer"], "examprep grade：错误：参数 --answer：需要一个值"),
    (["validate", "--bogus"], "examprep：错误：无法识别的参数：--bogus"),
    (["export"], "examprep export：错误：缺少必需的参数：--format"),
    (["users"], "examprep users：错误：缺少必需的参数：ACTION"),
    (["users", "add"], "examprep users add：错误：缺少必需的参数：--csv"),
])
def test_usage_errors_are_chinese_and_exit_2(capsys, argv, last_line):
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("用法：examprep")
    assert err[-1] == last_line


def test_an_unknown_argparse_message_is_kept_as_it_is():
    assert usage_error("something new") == "something new"


@pytest.mark.parametrize("argv", [[], *(name.split() for name in COMMANDS)])
def test_help_is_chinese(capsys, argv):
    assert main([*argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：examprep")
    assert "选项:" in out and "  -h, --help" in out and "显示本帮助并退出" in out
    assert out.count("选项:") == 1  # the shared --content/--data sit in the command's own group
    assert ENGLISH.findall(out.replace(" ".join(["examprep", *argv]), "")) == []  # a command's own name aside
    assert "usage:" not in out and "options:" not in out and "positional arguments" not in out


def test_every_option_has_a_chinese_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        for action in command._actions:
            if action.option_strings:
                assert action.help and re.search(r"[\u4e00-\u9fff]", action.help), (name, action.dest)
