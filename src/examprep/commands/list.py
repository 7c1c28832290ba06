"""`examprep list points|questions|cases`: a readable table, or JSON with --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import exit_codes
from ..content.export import case_dict, point_dict, question_dict
from ..format import marks_text
from . import messages as m
from .common import error, load_bank_or_report


def _select(bank, args):
    level, topic = args.level, args.topic
    if level and level not in bank.levels:
        error(m.LIST_UNKNOWN_LEVEL.format(level=level, levels=m.LIST_SEPARATOR.join(bank.levels)))
        return None
    if args.kind == "points":
        rows = [p for p in bank.points.values()
                if (not level or p.level == level) and (not topic or p.topic == topic)]
    elif args.kind == "questions":
        rows = [q for q in bank.questions.values()
                if (not level or q.level == level) and (not topic or topic in bank.question_topics(q))]
    else:
        rows = [c for c in bank.cases.values()
                if (not level or c.level == level)
                and (not topic or any(bank.points[p].topic == topic for p in c.points if p in bank.points))]
    return rows


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    rows = _select(bank, args)
    if rows is None:
        return exit_codes.USAGE
    if args.json:
        converters: dict[str, Callable[[Any], dict]] = {
            "points": point_dict, "questions": question_dict, "cases": case_dict}
        convert = converters[args.kind]
        print(json.dumps([convert(r) for r in rows], ensure_ascii=False, indent=1))
        return exit_codes.OK
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..format import visible

    class SafeTable(Table):  # content is printed as it is: no markup, control characters shown
        def add_row(self, *cells, **kwargs):
            super().add_row(*(Text(visible(c, newlines=False)) for c in cells), **kwargs)

    table = SafeTable(box=None, header_style="bold", pad_edge=False)
    if args.kind == "points":
        for col in m.LIST_COLUMNS["points"]:
            table.add_column(col)
        for p in rows:
            table.add_row(p.id, bank.level_title(p.level), p.title, str(len(p.items)), _short(p.source, 16))
    elif args.kind == "questions":
        for col in m.LIST_COLUMNS["questions"]:
            table.add_column(col)
        for q in rows:
            table.add_row(q.id, q.title, marks_text(q.score), _short(q.stem))
    else:
        for col in m.LIST_COLUMNS["cases"]:
            table.add_column(col)
        for c in rows:
            table.add_row(c.id, bank.level_title(c.level), c.title, str(len(c.questions)))
    console = Console(soft_wrap=False)
    console.print(table)
    console.print(m.LIST_COUNT.format(count=len(rows), unit=m.LIST_KINDS[args.kind]))
    return exit_codes.OK
