"""Which questions an export takes: the whole bank, or one level or topic of it, in a stable order."""

from __future__ import annotations

from ..content.model import Bank, Question


class SelectionError(ValueError):
    """A --level or --topic the bank does not have; the message is for the user."""


def select_questions(bank: Bank, level: str | None = None, topic: str | None = None) -> list[Question]:
    if level and level not in bank.levels:
        raise SelectionError(f"不认识的级别“{level}”（可用：{'、'.join(bank.levels)}）")
    if topic and not any(t == topic for _, t in bank.topics):
        raise SelectionError(f"题库中没有主题“{topic}”")
    chosen = [q for q in bank.questions.values()
              if (not level or q.level == level) and (not topic or topic in bank.question_topics(q))]
    return sorted(chosen, key=lambda q: (q.level, bank.topic_of(q) or "", q.case_id or "", q.id))


def category_path(bank: Bank, question: Question) -> list[str]:
    """Level title, then topic title (or the case's title): where the question sits in an LMS."""
    level = bank.level_title(question.level)
    if question.case_id and question.case_id in bank.cases:
        return [level, "案例分析", bank.cases[question.case_id].title]
    topic_id = bank.topic_of(question)
    topic = bank.topics.get((question.level, topic_id)) if topic_id else None
    return [level, topic.title if topic else "其他"]


def full_stem(bank: Bank, question: Question) -> str:
    """The stem, after its case's scenario for a case question (an LMS shows one question at a time)."""
    if question.case_id and question.case_id in bank.cases:
        case = bank.cases[question.case_id]
        return f"【案例】{case.title}\n{case.scenario.strip()}\n\n{question.stem}"
    return question.stem
