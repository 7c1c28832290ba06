"""`examprep drill [--level L] [--topic T] [--size N] [--new-per-day N]`: the trainer, straight in a
due-first drill of N questions (this drill only), the day's new questions limited to N (kept as the
setting).

A topic may be given by its id or its Chinese title. An unknown level or topic is refused with a
did-you-mean before the app opens.
"""

from __future__ import annotations

from .. import exit_codes
from ..content.fields import did_you_mean
from . import messages as m
from .common import error, load_bank_or_report


def resolve_scope(bank, level: str | None, topic: str | None):
    """The drill scope, or an error message."""
    from ..practice.session import DrillScope, drill_questions

    if level is not None and level not in bank.levels:
        choices = m.LIST_SEPARATOR.join(m.LEVEL_CHOICE.format(key=k, title=v) for k, v in bank.levels.items())
        return None, m.UNKNOWN_LEVEL.format(level=level, hint=did_you_mean(level, bank.levels), levels=choices)
    if topic is not None:
        ids = {tid for (lvl, tid) in bank.topics if level is None or lvl == level}
        by_title = {t.title: tid for (lvl, tid), t in bank.topics.items() if level is None or lvl == level}
        if topic in by_title:
            topic = by_title[topic]
        elif topic not in ids:
            where = m.AT_LEVEL.format(level=level) if level else ""
            hint = did_you_mean(topic, sorted(ids | set(by_title)))
            command = f"examprep list points{' --level ' + level if level else ''}"
            return None, m.UNKNOWN_TOPIC.format(topic=topic, where=where, hint=hint, command=command)
    scope = DrillScope(level=level, topic=topic)
    if not drill_questions(bank, scope):
        return None, m.NOTHING_TO_DRILL
    return scope, None


def run(args) -> int:
    bank = load_bank_or_report(args)
    if bank is None:
        return exit_codes.INVALID
    scope, problem = resolve_scope(bank, args.level, args.topic)
    if problem:
        error(problem)
        return exit_codes.INVALID
    from ..tui.app import Start
    from .app import launch

    start = Start("drill", scope=scope, size=args.size, new_per_day=args.new_per_day)
    return launch(args, start, bank=bank)
