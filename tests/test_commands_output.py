"""Output files: written whole through a temporary file renamed into place, or not at all; never the input."""

from __future__ import annotations

import pytest

from examprep.commands.output import OutputError, refuse_input, replaced_file, replaced_path, write_file


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replaced_file(out) as handle:
        handle.write("half of the new")
        raise RuntimeError("the disk filled up")
    assert out.read_text(encoding="utf-8") == "old"
    with pytest.raises(RuntimeError), replaced_path(out) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer failed")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    write_file(out, "new")
    assert out.read_text(encoding="utf-8") == "new" and len(list(tmp_path.iterdir())) == 1


def test_a_device_is_written_directly():
    with pytest.raises(OSError):
        write_file("/dev/full", "x" * 100_000)


def test_the_output_may_not_be_the_input(tmp_path):
    source = tmp_path / "answers.jsonl"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "alias.jsonl").symlink_to(source)
    for same in (source, tmp_path / "alias.jsonl", tmp_path / "." / "answers.jsonl"):
        with pytest.raises(OutputError, match="就是输入文件"):
            refuse_input(same, [source])
    refuse_input(tmp_path / "marks.jsonl", [source, "-", None])
