"""The command line: parses arguments and hands each command to its module in `examprep.commands`.

Only argparse is imported up front so that `--version` and `--help` answer at once; a command's
module (and with it YAML, rapidfuzz or Textual) is imported when that command runs.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import re
import sys

from . import __version__, exit_codes
from .commands import messages


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, messages.USAGE_PREFIX if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: its help, usage and usage errors (exit code 2 as ever)."""

    def __init__(self, add_help: bool = True, titled: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(add_help=False, **kwargs)
        if titled:  # a parent's groups keep argparse's titles, so that they merge into each child's own
            self._positionals.title = messages.POSITIONALS_TITLE
            self._optionals.title = messages.OPTIONALS_TITLE
        if add_help:
            self.add_argument("-h", "--help", action="help", help=messages.HELP_HELP)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(exit_codes.USAGE, messages.USAGE_ERROR.format(prog=self.prog, message=usage_error(message)))


def usage_error(message: str) -> str:
    """argparse's English usage error in Chinese (its values, option names and choices kept)."""
    for pattern, template in messages.ARGPARSE_ERRORS:
        found = re.search(pattern, message)
        if found is None:
            continue
        parts = found.groupdict()
        if "rest" in parts:
            parts["rest"] = usage_error(parts["rest"])
        return message[:found.start()] + template.format(**parts) + message[found.end():]
    return message


def _limit(name: str):
    """An argparse type for a practice limit (`practice.limits`), refused in Chinese when out of range."""
    def parse(text: str) -> int:
        from .practice.limits import LimitError, parse_limit

        try:
            return parse_limit(name, text)
        except LimitError as err:
            raise argparse.ArgumentTypeError(str(err)) from None
    return parse


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--content", metavar="DIR", default=default, help=messages.CONTENT_HELP)
    parser.add_argument("--data", metavar="DIR", default=default, help=messages.DATA_HELP)
    parser.add_argument("--db", metavar="URL", default=default, help=messages.DB_HELP)


def build_parser() -> argparse.ArgumentParser:
    helps = messages.HELP
    parser = _Parser(prog="examprep", description=messages.PROGRAM_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"examprep {__version__}",
                        help=messages.VERSION_HELP)
    _global_options(parser, suppress=False)
    common = _Parser(add_help=False, titled=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=helps[name], description=helps[name], parents=[common])

    level_help, topic_help = messages.LEVEL_HELP, messages.TOPIC_HELP
    p = command("drill")
    p.add_argument("--level", help=level_help)
    p.add_argument("--topic", help=helps["drill --topic"])
    p.add_argument("--size", metavar="N", type=_limit("drill_size"), help=helps["drill --size"])
    p.add_argument("--new-per-day", metavar="N", type=_limit("new_per_day"), help=helps["drill --new-per-day"])

    p = command("case")
    p.add_argument("case_id", nargs="?", metavar="CASE_ID")

    p = command("grade")
    p.add_argument("question_id", metavar="QUESTION_ID")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--answer", metavar="TEXT", help=helps["grade --answer"])
    src.add_argument("--file", metavar="PATH", help=helps["grade --file"])
    p.add_argument("--json", action="store_true", help=helps["grade --json"])

    p = command("mark")
    p.add_argument("answers", metavar="ANSWERS.jsonl|SHEET.xlsx|SHEET.csv")
    p.add_argument("--json", action="store_true", help=helps["mark --json"])
    p.add_argument("--format", choices=("table", "json", "csv", "html"), help=helps["mark --format"])
    p.add_argument("--paper", metavar="MANIFEST", help=helps["mark --paper"])
    p.add_argument("-o", "--output", metavar="OUT", help=helps["mark --output"])

    p = command("paper")
    p.add_argument("blueprint", metavar="BLUEPRINT", help=helps["paper blueprint"])
    p.add_argument("--seed", type=int, default=1, help=helps["paper --seed"])
    p.add_argument("--format", choices=("html", "md", "pdf"), default="html", help=helps["paper --format"])
    p.add_argument("--variants", type=int, default=1, metavar="N", help=helps["paper --variants"])
    p.add_argument("--same-questions", action="store_true", help=helps["paper --same-questions"])
    p.add_argument("--seal", action="store_true", help=helps["paper --seal"])
    p.add_argument("-o", "--output", metavar="DIR", default="paper", help=helps["paper --output"])
    p.add_argument("--sheet", action="store_true", help=helps["paper --sheet"])
    p.add_argument("--force", action="store_true", help=helps["paper --force"])

    command("validate")

    p = command("list")
    p.add_argument("kind", choices=("points", "questions", "cases"))
    p.add_argument("--level", help=level_help)
    p.add_argument("--topic", help=topic_help)
    p.add_argument("--json", action="store_true", help=helps["list --json"])

    command("stats")

    p = command("claims")
    p.add_argument("--question", metavar="ID", help=helps["claims --question"])
    p.add_argument("--json", action="store_true", help=helps["claims --json"])

    p = command("import")
    p.add_argument("file", nargs="?", metavar="FILE.xlsx|FILE.csv")
    p.add_argument("-o", "--output", metavar="DIR", help=helps["import --output"])
    p.add_argument("--level", default="primary", help=helps["import --level"])
    p.add_argument("--template", metavar="FILE.xlsx", help=helps["import --template"])

    p = command("export")
    p.add_argument("--format", required=True, choices=("moodle-xml", "gift", "xlsx", "anki"),
                   help=helps["export --format"])
    p.add_argument("-o", "--output", metavar="FILE", help=helps["export --output"])
    p.add_argument("--level", help=level_help)
    p.add_argument("--topic", help=topic_help)

    p = command("users")
    actions = p.add_subparsers(dest="users_command", metavar="ACTION", required=True,
                               title=messages.USERS_ACTION_TITLE)

    def action(name: str) -> argparse.ArgumentParser:
        key = f"users {name}"
        return actions.add_parser(name, help=helps[key], description=helps[key], parents=[common])

    a = action("add")
    a.add_argument("--csv", required=True, metavar="名单.csv", help=helps["users add --csv"])
    a.add_argument("--role", choices=("candidate", "instructor"), default="candidate",
                   help=helps["users add --role"])
    a = action("reset")
    a.add_argument("id", metavar="ID", help=helps["users reset id"])
    a = action("list")
    a.add_argument("--json", action="store_true", help=helps["users list --json"])

    p = command("class")
    p.add_argument("action", choices=("report",), help=helps["class action"])
    p.add_argument("--format", choices=("html", "json"), default="html", help=helps["class --format"])
    p.add_argument("-o", "--output", metavar="FILE", help=helps["class --output"])

    p = command("serve")
    p.add_argument("--host", default="127.0.0.1", help=helps["serve --host"])
    p.add_argument("--port", type=int, default=8000, help=helps["serve --port"])
    p.add_argument("--public-url", metavar="URL", help=helps["serve --public-url"])
    p.add_argument("--trusted-proxy", metavar="ADDRESS", action="append", help=helps["serve --trusted-proxy"])
    return parser


# commands whose module cannot carry the command's name (a Python keyword)
COMMAND_MODULES = {"import": "import_bank", "class": "class_progress"}


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
        print(messages.INTERRUPTED, file=sys.stderr)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return exit_codes.OK
    except OSError as err:  # stdout closed, or on a full disk (`> /dev/full`)
        _discard_stdout()
        from .commands.output import os_reason

        print(messages.CANNOT_WRITE_OUTPUT.format(reason=os_reason(err)), file=sys.stderr)
        return exit_codes.INVALID


class _ClosedOutput:
    """Stands for a stdout the process was started without."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, messages.STDOUT_CLOSED)  # strerror: shown as the reason

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
