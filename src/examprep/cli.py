"""The command line: parses arguments and hands each command to its module in `examprep.commands`.

Only argparse is imported up front so that `--version` and `--help` answer at once; a command's
module (and with it YAML, rapidfuzz or Textual) is imported when that command runs.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys

from . import __version__, exit_codes

LEVEL_HELP = "level: primary (初级/五级) or intermediate (中级/四级)"


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--content", metavar="DIR", default=default,
                        help="content root (default: the bank shipped with examprep)")
    parser.add_argument("--data", metavar="DIR", default=default,
                        help="where progress is kept (default: the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="examprep",
        description="卷烟商品营销员（服务营销）技能鉴定备考训练 — exam-prep trainer. "
        "Without a command, opens the trainer.",
    )
    parser.add_argument("--version", action="version", version=f"examprep {__version__}")
    _global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    p = command("drill", "open the trainer straight in a drill")
    p.add_argument("--level", help=LEVEL_HELP)
    p.add_argument("--topic", help="topic id, e.g. customer-info")

    p = command("case", "open the trainer straight in a case study")
    p.add_argument("case_id", nargs="?", metavar="CASE_ID")

    p = command("grade", "grade one answer (stdin when neither --answer nor --file is given)")
    p.add_argument("question_id", metavar="QUESTION_ID")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--answer", metavar="TEXT")
    src.add_argument("--file", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the grading as JSON")

    p = command("mark", "grade many answers at once from a JSON Lines file, or an answer sheet with --paper")
    p.add_argument("answers", metavar="ANSWERS.jsonl|SHEET.xlsx|SHEET.csv")
    p.add_argument("--json", action="store_true", help="JSON Lines out (same as --format json)")
    p.add_argument("--format", choices=("table", "json", "csv", "html"), help="report format")
    p.add_argument("--paper", metavar="MANIFEST", help="the manifest written by `paper`")
    p.add_argument("-o", "--output", metavar="OUT", help="write the report here")

    p = command("paper", "print a mock paper and its answer key from a blueprint")
    p.add_argument("blueprint", metavar="BLUEPRINT", help="a blueprint file, or its name in papers/")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--format", choices=("html", "md", "pdf"), default="html")
    p.add_argument("--variants", type=int, default=1, metavar="N", help="N parallel papers (A, B, …)")
    p.add_argument("--same-questions", action="store_true",
                   help="variants hold the same questions, shuffled (default: different draws)")
    p.add_argument("--seal", action="store_true", help="print a 密封线 and sealed area for names on each page")
    p.add_argument("-o", "--output", metavar="DIR", default="paper")
    p.add_argument("--sheet", action="store_true",
                   help="also write an answer-sheet template (sheet.xlsx and sheet.csv) for `mark`")
    p.add_argument("--force", action="store_true",
                   help="remove papers, keys and sheets of another run from the output folder")

    command("validate", "check a content root; exit 1 with file:line: message for each problem")

    p = command("list", "list content")
    p.add_argument("kind", choices=("points", "questions", "cases"))
    p.add_argument("--level", help=LEVEL_HELP)
    p.add_argument("--topic", help="topic id")
    p.add_argument("--json", action="store_true")

    command("stats", "a candidate's progress")

    p = command("import", "read a 题库 spreadsheet (xlsx or CSV) into a content root")
    p.add_argument("file", nargs="?", metavar="FILE.xlsx|FILE.csv")
    p.add_argument("-o", "--output", metavar="DIR", help="the content root to write (default: the file's name)")
    p.add_argument("--level", default="primary", help=f"{LEVEL_HELP}; rows without 级别 get it")
    p.add_argument("--template", metavar="FILE.xlsx", help="write the template with one example per type")

    p = command("export", "write the bank (or a level or topic of it) for Moodle, GIFT, a spreadsheet or Anki")
    p.add_argument("--format", required=True, choices=("moodle-xml", "gift", "xlsx", "anki"))
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: bank.<ext>)")
    p.add_argument("--level", help=LEVEL_HELP)
    p.add_argument("--topic", help="topic id")
    return parser


# commands whose module cannot carry the command's name (a Python keyword)
COMMAND_MODULES = {"import": "import_bank"}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help/--version
        return int(exc.code or 0)
    name = args.command or "app"
    module = importlib.import_module(f"examprep.commands.{COMMAND_MODULES.get(name, name)}")
    if sys.stdout is None:  # started with stdout closed (`>&-`): writing says so instead of vanishing
        sys.stdout = _ClosedOutput()
    try:
        code = module.run(args)
        sys.stdout.flush()  # a full disk shows here, not as a traceback at exit
        return code
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return exit_codes.OK
    except OSError as err:  # stdout closed, or on a full disk (`> /dev/full`)
        _discard_stdout()
        from .commands.output import os_reason

        print(f"examprep: 无法写出结果：{os_reason(err)}", file=sys.stderr)
        return exit_codes.INVALID


class _ClosedOutput:
    """Stands for a stdout the process was started without."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "标准输出已关闭")  # strerror: shown as the reason

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _discard_stdout() -> None:
    """What is still buffered for stdout cannot be written; drop it so that Python's own flush at exit
    does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        sys.stdout = _ClosedOutput()
