"""Which questions or cases a blueprint section may draw on."""

from __future__ import annotations

from ..content.model import Bank, Blueprint, Case, Question, Section
from ..kinds import TYPE_TITLES


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


def question_count(bank: Bank, blueprint: Blueprint) -> tuple[int, int]:
    """How many questions a paper drawn from `blueprint` asks, the fewest and the most (equal unless
    its cases differ in size). Each question of a case counts, as each is answered and numbered on
    its own: the number of a drawn paper's `items`, which the mock exam counts too."""
    low = high = 0
    for section in blueprint.sections:
        if section.type != "case":
            low += section.count
            high += section.count
            continue
        sizes = sorted(len(c.questions) for c in eligible_cases(bank, blueprint, section))
        low += sum(sizes[:section.count])
        high += sum(sizes[-section.count:]) if section.count else 0
    return low, high


def shortfalls(bank: Bank, blueprint: Blueprint) -> list[tuple[Section, int]]:
    """Sections that ask for more than the bank holds, with how many are available."""
    return [
        (s, n) for s in blueprint.sections if (n := available(bank, blueprint, s)) < s.count
    ]


def _filters(section: Section) -> str:
    parts = []
    for label, values in (("标签", section.tags), ("主题", section.topics), ("知识点", section.points)):
        if values:
            parts.append(f"{label} {'、'.join(values)}")
    return "；".join(parts)


def shortfall_message(blueprint: Blueprint, section: Section, found: int, bank: Bank | None = None) -> str:
    """Why a section cannot be drawn, naming its filters and, with the bank, how many the filters left."""
    what = "个案例" if section.type == "case" else f"道{TYPE_TITLES.get(section.type, section.type)}题"
    unit = what[0]
    level = bank.level_title(blueprint.level) if bank is not None else blueprint.level
    message = f"大题“{section.title}”需要 {section.count} {what}（级别 {level}），题库只有 {found} {unit}"
    filters = _filters(section)
    if filters:
        message += f"；筛选条件：{filters}"
        if bank is not None:
            unfiltered = Section(section.title, section.type, section.count)
            message += f"（不加筛选时有 {available(bank, blueprint, unfiltered)} {unit}）"
    return message


def unknown_filters(bank: Bank, section: Section) -> list[str]:
    """The tags, topics and points a section filters on that nothing in the bank has."""
    tags = {t for q in bank.questions.values() for t in bank.question_tags(q)}
    tags.update(t for c in bank.cases.values() for t in case_tags(bank, c))
    topics = {topic for _, topic in bank.topics}
    messages = []
    for label, values, known in (("标签", section.tags, tags), ("主题", section.topics, topics),
                                 ("知识点", section.points, set(bank.points))):
        for value in values:
            if value not in known:
                messages.append(f"大题“{section.title}”筛选的{label}“{value}”在题库中不存在")
    return messages
