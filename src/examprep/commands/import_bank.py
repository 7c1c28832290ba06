"""`examprep import FILE.xlsx|FILE.csv [-o DIR]`: a 题库 spreadsheet into a content root that `validate`
accepts; `import --template FILE.xlsx` writes the template. Rows that cannot be mapped are reported as
FILE:sheet:row:column: message and skipped (exit 1 once the rest is written)."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import exit_codes
from .common import error


def _write_template(path: Path) -> int:
    from ..interchange import InterchangeError
    from ..interchange.template import write_template

    try:
        rows = write_template(path)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    print(f"已写入模板 {path}（{rows} 行示例，每种题型一行；“说明”表解释各列）")
    return exit_codes.OK


def run(args) -> int:
    if args.template:
        return _write_template(Path(args.template))
    if not args.file:
        error("请给出要导入的 .xlsx 或 .csv 文件，或用 --template 文件.xlsx 生成模板")
        return exit_codes.USAGE
    from ..checks import validate
    from ..content.model import KNOWN_LEVELS
    from ..interchange import InterchangeError
    from ..interchange.importer import import_workbook, write_content_root
    from ..interchange.table import read_workbook
    from ..kinds import QUESTION_TYPES, TYPE_TITLES

    if args.level not in KNOWN_LEVELS:
        error(f"不认识的级别“{args.level}”（可用：{'、'.join(KNOWN_LEVELS)}）")
        return exit_codes.USAGE
    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_suffix("")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        error(f"{out} 已存在且不是空目录；请用 -o 指定一个新目录")
        return exit_codes.INVALID
    try:
        book = read_workbook(source)
    except InterchangeError as err:
        error(str(err))
        return exit_codes.INVALID
    if book.encoding:
        print(f"{source}：编码 {book.encoding}")
    result = import_workbook(book, args.level)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.total:
        error(f"{source} 中没有可导入的题目")
        return exit_codes.INVALID
    try:
        write_content_root(result, out)
    except OSError as err:
        error(f"无法写入 {out}：{err.strerror or err}")
        return exit_codes.INVALID
    by_type = "，".join(f"{TYPE_TITLES.get(t, t)} {n}" for t, n in sorted(
        result.counts.items(), key=lambda item: QUESTION_TYPES.index(item[0])))
    print(f"已导入 {result.total} 道题（{by_type}）到 {out}")
    if result.unkeyed:
        print(f"其中 {result.unkeyed} 道简答题的要点没有写关键词，将按要点原文评分；"
              f"可在答案中加【关键词：甲|乙】")
    report = validate(out)
    for content_problem in report.problems:
        print(content_problem, file=sys.stderr)
    if report.problems:
        error(f"导入的题库有 {len(report.problems)} 个问题，请检查")
        return exit_codes.INVALID
    skipped = sum(1 for p in result.problems if p.message.endswith("（此行未导入）"))
    if skipped:
        error(f"{skipped} 行未导入，其余已写入")
        return exit_codes.INVALID
    return exit_codes.OK
