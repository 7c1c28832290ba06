"""Getting the grader ready before the first answer needs it.

Compiling a rubric needs three tables: 词林's synonym index, the segmentations of the rubrics' texts
and the characters' readings; built from their sources they cost about a second. `compile_all`
compiles every rubric of a bank, which builds and keeps those tables and keeps each compiled rubric
(`rubric_cache`): `examprep serve` does it once, before the first browser session, so that a session
loads a question's compiled rubric instead of compiling it. What grading an answer still needs is the
readings (for homophones): `load_tables` loads them, in a thread after a trainer's first screen, so
the first answer it grades does not wait for them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .concepts import SEGMENTS
from .matching import compile_keyword
from .pinyin import READINGS
from .scoring import RubricQuestion, compile_rubric


def compile_all(questions: Iterable[RubricQuestion]) -> int:
    """Compile every rubric among `questions`; how many there were."""
    count = 0
    for question in questions:
        if question.rubric:
            for point in compile_rubric(question.id, question.rubric, question.stem, question.lexicon):
                for concept in point.concepts:  # what an answer found by meaning is reported as
                    compile_keyword(concept.source)
            count += 1
    return count


def load_tables() -> None:
    READINGS.char(ord("的"))


def save_tables() -> None:
    """Write back the segmentations and readings that were added (the 词林 index is written when built)."""
    SEGMENTS.save()
    READINGS.save()
