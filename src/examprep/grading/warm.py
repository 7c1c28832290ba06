"""Getting the grader ready before the first answer needs it.

Compiling a rubric needs three tables: 词林's synonym index, the segmentations of the rubrics' texts
and the characters' readings. Built from their sources they cost about a second; kept in the cache
folder (the commands name it) they load in a tenth of that. `compile_all` builds whatever is missing
and compiles every rubric of a bank (`examprep serve` does it once, before the first browser session,
so that no session builds them); `load_tables` only loads what is kept (a trainer does it in a thread
after its first screen, so that the first answer it grades does not wait for the tables).
"""

from __future__ import annotations

from collections.abc import Iterable

from .concepts import SEGMENTS
from .matching import compile_keyword
from .pinyin import READINGS
from .scoring import RubricQuestion, compile_rubric
from .thesaurus import cilin_index


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
    cilin_index()
    SEGMENTS.get("")
    READINGS.char(ord("的"))


def save_tables() -> None:
    """Write back the segmentations and readings that were added (the 词林 index is written when built)."""
    SEGMENTS.save()
    READINGS.save()
