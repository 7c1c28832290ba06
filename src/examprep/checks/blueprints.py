"""Checks of a bank's blueprints against its questions: sections the bank can fill, filters it knows,
and marks that share out in half marks."""

from __future__ import annotations

from ..content.errors import Problem
from ..content.model import Bank
from ..format import marks_text, number_text
from ..marks import uneven_shares
from ..papers.selection import eligible_questions, shortfall_message, shortfalls, unknown_filters
from . import messages as m


def blueprint_problems(bank: Bank) -> list[Problem]:
    problems = [
        Problem(section.where.file, section.where.line, shortfall_message(blueprint, section, available, bank))
        for blueprint in bank.blueprints.values()
        for section, available in shortfalls(bank, blueprint)
    ]
    problems += [
        Problem(section.where.file, section.where.line, message)
        for blueprint in bank.blueprints.values()
        for section in blueprint.sections
        for message in unknown_filters(bank, section)
    ]
    return problems


def half_mark_warnings(bank: Bank) -> list[Problem]:
    """Questions whose rubric (or calculation steps') weights do not share the marks in half marks (the key then
    rounds the shares to half marks, so some points carry more than their weight says)."""
    warnings = []
    for question in bank.questions.values():
        weights = question.part_weights()
        if weights and uneven_shares(question.score, weights):
            warnings.append(Problem(question.where.file, question.where.line,
                                    m.QUESTION_HALF_MARKS.format(
                                        ident=question.id, score=marks_text(question.score),
                                        weights=m.LIST_SEPARATOR.join(number_text(w) for w in weights))))
    for blueprint in bank.blueprints.values():
        for section in blueprint.sections:
            if section.score is None or section.type == "case":
                continue
            uneven = [q.id for q in eligible_questions(bank, blueprint, section)
                      if q.part_weights() and uneven_shares(section.score, q.part_weights())]
            if uneven:
                listed = m.LIST_SEPARATOR.join(uneven[:3]) + (m.AND_MORE if len(uneven) > 3 else "")
                warnings.append(Problem(
                    section.where.file, section.where.line,
                    m.SECTION_HALF_MARKS.format(title=section.title, score=marks_text(section.score),
                                              count=len(uneven), listed=listed)))
    return warnings
