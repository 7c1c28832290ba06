"""`examprep paper`: files written, byte-identical for a seed, variants with a manifest, clear errors."""

from __future__ import annotations

import json

import pytest
from test_papers_bank import make_bank_root

from examprep.cli import main
from examprep.papers import pdf


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_bank_root(tmp_path_factory.mktemp("bank"))


def paper(root, out, *extra):
    return main(["--content", str(root), "paper", *extra, "-o", str(out)])


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_same_seed_gives_byte_identical_files(root, tmp_path, fmt, capsys):
    assert paper(root, tmp_path / "one", "mini", "--seed", "4", "--format", fmt) == 0
    assert paper(root, tmp_path / "two", "mini", "--seed", "4", "--format", fmt) == 0
    one = files(tmp_path / "one")
    assert sorted(one) == sorted([f"paper.{fmt}", f"key.{fmt}", "manifest.json"])
    assert one == files(tmp_path / "two")
    assert paper(root, tmp_path / "three", "mini", "--seed", "5", "--format", fmt) == 0
    assert files(tmp_path / "three")[f"paper.{fmt}"] != one[f"paper.{fmt}"]
    out = capsys.readouterr().out
    assert "测试模拟试卷: 10 题, 满分 38 分, 1 套 (seed 4)" in out


def test_default_output_folder_is_paper(root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--content", str(root), "paper", "mini"]) == 0
    assert (tmp_path / "paper" / "paper.html").is_file()


def test_variants_write_one_paper_and_key_each_and_a_manifest(root, tmp_path):
    assert paper(root, tmp_path, "mini", "--variants", "3") == 0
    assert sorted(files(tmp_path)) == [
        "key-A.html", "key-B.html", "key-C.html", "manifest.json",
        "paper-A.html", "paper-B.html", "paper-C.html"]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["blueprint"] == "mini" and manifest["seed"] == 1
    assert list(manifest["variants"]) == ["A", "B", "C"]
    singles = [{q["id"] for q in manifest["variants"][v]["sections"][0]["questions"]} for v in "AB"]
    assert not singles[0] & singles[1]
    first = manifest["variants"]["A"]["sections"][0]["questions"][0]
    assert first["number"] == 1 and first["marks"] == 2 and sorted(first["options"]) == ["A", "B", "C", "D"]
    assert '<span class="variant-badge">B 卷</span>' in (tmp_path / "paper-B.html").read_text(encoding="utf-8")


def test_a_blueprint_by_path(root, tmp_path):
    blueprint = tmp_path / "my.yaml"
    blueprint.write_text("title: 自编\nlevel: primary\nduration: 30\nsections:\n"
                         "  - {title: 一、判断题, type: judge, count: 2}\n", encoding="utf-8")
    assert paper(root, tmp_path / "out", str(blueprint)) == 0
    html = (tmp_path / "out" / "paper.html").read_text(encoding="utf-8")
    assert "<h1>自编</h1>" in html and "满分：2 分" in html


@pytest.mark.parametrize("text, message", [
    ("title: x\nlevel: primary\nduration: 30\nsections:\n  - {title: 一, type: judge, count: [\n",
     ":6: YAML 语法错误"),
    ("title: x\nlevel: primary\nduration: 30\nsections:\n  - title: 一\n    type: judge\n    cout: 2\n",
     ":7: 大题中有未知字段 'cout'（是不是 'count'？）"),
    ("title: x\nlevel: senior\nduration: 30\nsections:\n  - {title: 一, type: judge, count: 2}\n",
     ":2: 未知的级别 'senior'"),
    ("title: x\nlevel: primary\nduration: 30\nsections:\n  - {title: 一, type: essay, count: 2}\n",
     ":5: 'type' 必须是 recall、"),
    ("", ":1: 文件是空的"),
])
def test_a_broken_blueprint_file_says_file_and_line(root, tmp_path, text, message, capsys):
    blueprint = tmp_path / "bad.yaml"
    blueprint.write_text(text, encoding="utf-8")
    assert paper(root, tmp_path / "out", str(blueprint)) == 1
    err = capsys.readouterr().err
    assert f"{blueprint}{message}" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_missing_blueprint_file(root, tmp_path, capsys):
    assert paper(root, tmp_path / "out", str(tmp_path / "nope.yaml")) == 1
    assert "nope.yaml: 找不到试卷蓝图文件" in capsys.readouterr().err


def test_an_unknown_blueprint_name_lists_the_known_ones(root, tmp_path, capsys):
    assert paper(root, tmp_path / "out", "minni") == 1
    err = capsys.readouterr().err
    assert "没有名为 'minni' 的试卷蓝图（是不是 'mini'？）；这里有：mini" in err


def test_an_unsatisfiable_blueprint_names_the_section_and_what_is_available(root, tmp_path, capsys):
    blueprint = tmp_path / "big.yaml"
    blueprint.write_text("title: x\nlevel: primary\nduration: 30\nsections:\n"
                         "  - {title: 一、判断题, type: judge, count: 2}\n"
                         "  - {title: 二、单项选择题, type: single, count: 30}\n", encoding="utf-8")
    assert paper(root, tmp_path / "out", str(blueprint)) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{blueprint}:6: 大题“二、单项选择题”需要 30 道单项选择题（级别 初级/五级），题库只有 6 道"


@pytest.mark.parametrize("n", ["0", "27"])
def test_variants_out_of_range_is_a_usage_error(root, tmp_path, n, capsys):
    assert paper(root, tmp_path, "mini", "--variants", n) == 2
    assert "--variants 应在 1 到 26 之间" in capsys.readouterr().err


def test_pdf_without_weasyprint_says_what_to_install(root, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(__import__("sys").modules, "weasyprint", None)  # import now raises ImportError
    assert paper(root, tmp_path / "out", "mini", "--format", "pdf") == 1
    err = capsys.readouterr().err
    assert "输出 PDF 需要 WeasyPrint，但它没有安装：pip install 'examprep[pdf]'" in err
    assert not (tmp_path / "out").exists()


def test_pdf_without_a_chinese_font_says_what_to_install(root, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)  # no fontconfig, so no font found
    assert paper(root, tmp_path / "out", "mini", "--format", "pdf") == 1
    assert "apt-get install fonts-noto-cjk" in capsys.readouterr().err


@pytest.mark.skipif(bool(pdf.pdf_problems()), reason="WeasyPrint or a Chinese font is not installed")
def test_pdf_papers_are_written_and_byte_identical(root, tmp_path):
    assert paper(root, tmp_path / "one", "mini", "--format", "pdf") == 0
    assert paper(root, tmp_path / "two", "mini", "--format", "pdf") == 0
    one = files(tmp_path / "one")
    assert sorted(one) == ["key.pdf", "manifest.json", "paper.pdf"]
    assert one["paper.pdf"].startswith(b"%PDF-")
    assert one == files(tmp_path / "two")


def test_files_do_not_depend_on_hash_randomisation(root, tmp_path):
    import os
    import subprocess
    import sys

    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        subprocess.run([sys.executable, "-m", "examprep", "--content", str(root), "paper", "mini",
                        "--variants", "2", "--format", "md", "-o", str(out)], env=env, check=True,
                       capture_output=True)
        outputs.append(files(out))
    assert outputs[0] == outputs[1]


def test_an_output_path_that_is_a_file_is_an_error(root, tmp_path, capsys):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    assert paper(root, tmp_path / "taken", "mini") == 1
    assert "无法写入" in capsys.readouterr().err


def test_another_runs_papers_are_refused_then_removed_with_force(root, tmp_path, capsys):
    out = tmp_path / "D"
    assert paper(root, out, "mini", "--variants", "3") == 0
    (out / "notes.txt").write_text("mine")  # not a file `paper` writes: never touched
    assert paper(root, out, "mini", "--seed", "7") == 1
    err = capsys.readouterr().err
    assert "另一次生成的文件" in err and "paper-A.html" in err and "--force" in err
    assert (out / "paper-A.html").exists() and "\"A\"" in (out / "manifest.json").read_text()
    assert paper(root, out, "mini", "--seed", "7", "--force") == 0
    assert sorted(files(out)) == ["key.html", "manifest.json", "notes.txt", "paper.html"]
    assert paper(root, out, "mini", "--seed", "8") == 0  # the same names again: no --force needed
    assert not list(out.glob(".*.tmp"))  # written through temporary files, none left behind


def test_paper_same_questions_and_seal_options(tmp_path, capsys):
    import json

    from test_papers_bank import make_bank_root

    root = make_bank_root(tmp_path / "bank")
    out = tmp_path / "out"
    assert main(["--content", str(root), "paper", "mini", "--variants", "2", "--same-questions", "--seal",
                 "-o", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    ids = [sorted(q["id"] for s in v["sections"] for q in s["questions"]) for v in manifest["variants"].values()]
    assert ids[0] == ids[1]
    assert '<body class="sealed">' in (out / "paper-B.html").read_text(encoding="utf-8")
