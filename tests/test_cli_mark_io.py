"""`examprep mark` and its files: read a line at a time with a line limit, never written over its
input, written through a temporary file, and closed or full streams reported with exit code 1."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from examprep.content.errors import Problem
from examprep.papers.batch import MAX_LINE_BYTES, numbered_lines

from test_cli_grade import write_root
from test_cli_mark import LINES, answers_file, mark


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "content")


def test_lines_are_read_one_at_a_time_with_a_limit():
    data = b"\xef\xbb\xbf" + b"short\r\n" + b"x" * 40 + b"\n" + b"\xff\xfe\n" + b"last"
    items = list(numbered_lines(io.BytesIO(data), "a.jsonl", limit=16))
    assert items[0] == (1, "short")  # BOM and CRLF dropped
    assert isinstance(items[1], Problem) and items[1].line == 2 and "上限" in items[1].message
    assert isinstance(items[2], Problem) and items[2].line == 3 and "UTF-8" in items[2].message
    assert items[3] == (4, "last")
    exactly = b"y" * 16 + b"\n" + b"z\n"
    assert list(numbered_lines(io.BytesIO(exactly), "a", limit=16)) == [(1, "y" * 16), (2, "z")]


def test_a_line_over_the_limit_is_refused_by_its_number(root, tmp_path, capsys):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"candidate": "C9", "question": "q.demo.recall", "answer": "客" * MAX_LINE_BYTES})
    good = [json.dumps(x, ensure_ascii=False) for x in LINES[:2]]
    path.write_text("\n".join([good[0], big, good[1]]) + "\n", encoding="utf-8")
    assert mark(root, str(path), "--json") == 1
    out, err = capsys.readouterr()
    assert f"{path}:2: 这一行超过 1 MiB" in err
    assert [json.loads(x)["candidate"] for x in out.splitlines()] == ["C001", "C001"]


def test_a_line_that_is_not_utf8_is_refused_alone(root, tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    good = json.dumps(LINES[1]).encode()
    path.write_bytes(good + b"\n" + b'{"candidate": "\xc0\xc1"}\n' + good.replace(b"C001", b"C002") + b"\n")
    assert mark(root, str(path), "--json") == 1
    out, err = capsys.readouterr()
    assert f"{path}:2: 不是 UTF-8 文本" in err and len(out.splitlines()) == 2


@pytest.mark.parametrize("extra", [["--json"], [], ["--format", "csv"], ["--format", "html"]])
def test_the_output_may_not_be_the_input(root, tmp_path, capsys, extra):
    path = answers_file(tmp_path, LINES)
    before = Path(path).read_bytes()
    assert mark(root, path, *extra, "-o", path) == 1
    assert "就是输入文件" in capsys.readouterr().err
    assert Path(path).read_bytes() == before
    (tmp_path / "link.jsonl").symlink_to(path)  # the same file by another name
    assert mark(root, str(tmp_path / "link.jsonl"), *extra, "-o", path) == 1
    assert Path(path).read_bytes() == before


def test_a_failed_write_leaves_the_old_output_as_it_was(root, tmp_path, capsys, monkeypatch):
    out = tmp_path / "marks.jsonl"
    out.write_text("the previous marks\n", encoding="utf-8")
    path = answers_file(tmp_path, LINES)
    import examprep.commands.mark as mark_command

    def failing(m):  # the disk fills up after the first line has been written
        if m.line.line > 1:
            raise OSError(28, "No space left on device")
        return json.dumps({"line": m.line.line}) + "\n"

    monkeypatch.setattr(mark_command, "json_line", failing)
    assert mark(root, path, "--json", "-o", str(out)) == 1
    assert "磁盘空间不足" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the previous marks\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.jsonl", "content", "marks.jsonl"]


def test_nan_in_a_sheet_is_refused(root, tmp_path, capsys):
    path = answers_file(tmp_path, [], ['{"candidate": "C1", "question": "q.demo.calc", "answer": NaN}',
                                       '{"candidate": "C1", "question": "q.demo.calc", "answer": -Infinity}'])
    assert mark(root, path, "--json") == 1
    err = capsys.readouterr().err
    assert ":1: 不是 JSON（NaN 不是数" in err and ":2: 不是 JSON（-Infinity 不是数" in err


def test_closed_stdin_and_stdout_give_a_message_and_exit_1(root, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when started with `<&-`
    assert mark(root, "-") == 1
    assert "标准输入已关闭" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdout", None)  # `>&-`
    assert mark(root, answers_file(tmp_path, LINES)) == 1
    assert "标准输出已关闭" in capsys.readouterr().err


def test_output_to_a_full_device_gives_a_message_and_exit_1(root, tmp_path, capsys):
    path = answers_file(tmp_path, LINES)
    for extra in (["--json"], ["--format", "csv"]):
        assert mark(root, path, *extra, "-o", "/dev/full") == 1
        assert "磁盘空间不足" in capsys.readouterr().err


def test_stdout_on_a_full_device_ends_without_a_traceback(root, tmp_path):
    path = answers_file(tmp_path, LINES)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "examprep", "--content", str(root), "mark", path],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert "磁盘空间不足" in done.stderr and "Traceback" not in done.stderr and "Exception" not in done.stderr
