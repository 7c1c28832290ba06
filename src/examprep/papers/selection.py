"""Which questions or cases a blueprint section may draw on."""

from __future__ import annotations

from ..content.model import Bank, Blueprint, Case, Question, Section


def _touches(section: Section, tags: set[str], topics: set[str], points: set[str]) -> bool:
    """A section's filters are alternatives: any tag, topic or point named is enough."""
    if not (section.tags or section.topics or section.points):
        return True
    return bool(
        tags.intersection(section.tags)
        or topics.intersection(section.topics)
        or points.intersection(section.points)
    )


def case_tags(bank: Bank, case: Case) -> set[str]:
    tags = set(case.tags)
    for pid in case.points:
        if pid in bank.points:
            tags.update(bank.points[pid].tags)
    return tags


def eligible_questions(bank: Bank, blueprint: Blueprint, section: Section) -> list[Question]:
    """Standalone questions of the blueprint's level and the section's type that pass its filters."""
    out = []
    for q in bank.questions.values():
        if q.case_id is not None or q.level != blueprint.level or q.type != section.type:
            continue
        if _touches(section, bank.question_tags(q), bank.question_topics(q), set(q.points)):
            out.append(q)
    return sorted(out, key=lambda q: q.id)


def eligible_cases(bank: Bank, blueprint: Blueprint, section: Section) -> list[Case]:
    out = []
    for case in bank.cases.values():
        if case.level != blueprint.level:
            continue
        topics = {bank.points[p].topic for p in case.points if p in bank.points}
        if _touches(section, case_tags(bank, case), topics, set(case.points)):
            out.append(case)
    return sorted(out, key=lambda c: c.id)


def available(bank: Bank, blueprint: Blueprint, section: Section) -> int:
    if section.type == "case":
        return len(eligible_cases(bank, blueprint, section))
    return len(eligible_questions(bank, blueprint, section))


def shortfalls(bank: Bank, blueprint: Blueprint) -> list[tuple[Section, int]]:
    """Sections that ask for more than the bank holds, with how many are available."""
    return [
        (s, n) for s in blueprint.sections if (n := available(bank, blueprint, s)) < s.count
    ]


def shortfall_message(blueprint: Blueprint, section: Section, available: int) -> str:
    what = "cases" if section.type == "case" else f"{section.type} questions"
    return (
        f"section '{section.title}' asks for {section.count} {what} of level "
        f"'{blueprint.level}' but the bank has {available}"
    )
