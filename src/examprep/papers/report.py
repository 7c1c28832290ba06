"""The examiner's marking report: typed answer sheets marked against the paper each candidate sat.

With a manifest (`examprep paper` wrote it), a candidate's letters are the paper's own: they are
translated through the variant's option and order shuffles back to the bank's keys before grading, and
marks are scaled to the paper's marks. Without one, answers are graded against the bank as they stand.
Pure apart from grading: the caller reads the files and prints the result.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..content.errors import Problem
from ..content.model import Bank, Question
from ..grading.results import Grading
from ..kinds import QUESTION_TYPES, TYPE_TITLES
from . import messages as m
from .batch import AnswerLine
from .item_analysis import ItemStatistics, TestStatistics, analyse
from .manifest import Manifest, ManifestQuestion, ManifestVariant, question_digest


@dataclass(frozen=True)
class QuestionResult:
    number: int
    id: str
    section: int
    marks: float  # earned, on the paper's scale
    max: float
    answered: bool
    answer: object  # as the candidate wrote it
    key: str  # the correct answer in the paper's letters ('' for free text)
    correct: bool
    missed: tuple[str, ...]  # the rubric's key points the answer did not earn
    grading: dict | None  # the grader's own JSON, on the bank's scale


@dataclass(frozen=True)
class SectionResult:
    title: str
    marks: float
    max: float


@dataclass(frozen=True)
class CandidateResult:
    candidate: str
    paper: str | None
    sections: tuple[SectionResult, ...]
    questions: tuple[QuestionResult, ...]

    @property
    def total(self) -> float:
        return sum(q.marks for q in self.questions)

    @property
    def max(self) -> float:
        return sum(q.max for q in self.questions)


@dataclass(frozen=True)
class ItemRow:
    number: int
    id: str
    section: str
    max: float
    stats: ItemStatistics


@dataclass(frozen=True)
class PaperReport:
    """One paper variant (or, without a manifest, all answers) with its candidates and item analysis."""

    paper: str | None
    sections: tuple[str, ...]
    total: float
    candidates: tuple[CandidateResult, ...]
    items: tuple[ItemRow, ...]
    stats: TestStatistics


@dataclass(frozen=True)
class MarkReport:
    title: str | None
    blueprint: str | None
    seed: int | None
    papers: tuple[PaperReport, ...]
    skipped: tuple[Problem, ...]  # lines reported and not marked
    warnings: tuple[str, ...]

    @property
    def candidates(self) -> tuple[CandidateResult, ...]:
        return tuple(c for p in self.papers for c in p.candidates)


def natural_key(text: str):
    """C2 before C10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


# -- marking --------------------------------------------------------------------------------------------
Grade = Callable[[Question, object], Grading]


def _default_grade(question: Question, answer):
    return question.grade(answer)


def _result(question: Question, entry: ManifestQuestion | None, number: int, section: int, marks: float,
            line: AnswerLine | None, grade: Grade) -> QuestionResult:
    key = question.key(entry)
    if line is None or question.is_blank(line.answer):
        missed = tuple(p.point for p in question.grade(None).points)
        return QuestionResult(number, question.id, section, 0.0, marks, False,
                              None if line is None else line.answer, key, False, missed, None)
    grading = grade(question, question.to_bank_answer(line.answer, entry))
    # on a printed paper each point earns what the key prints; without one, what the grader gives
    earned = question.marks_on_paper(grading, marks) if entry is not None else (
        grading.score / grading.max * marks if grading.max else 0.0)
    missed = tuple(p.point for p in grading.missed_points)
    correct = bool(grading.correct)
    return QuestionResult(number, question.id, section, round(earned, 4), marks, True, line.answer, key,
                          correct, missed, grading.to_json())


# What a paper marks, question by question: (number, question, manifest entry, section, marks).
Plan = list[tuple[int, Question, ManifestQuestion | None, int, float]]


def _paper_report(name: str | None, sections: tuple[str, ...], plan: Plan,
                  answers: dict[str, dict[str, AnswerLine]], grade: Grade) -> PaperReport:
    """Mark every candidate of one paper. `plan`: (number, question, manifest entry, section, marks)."""
    candidates = []
    for candidate in sorted(answers, key=natural_key):
        sheet = answers[candidate]
        results = tuple(_result(q, entry, number, section, marks, sheet.get(q.id), grade)
                        for number, q, entry, section, marks in plan)
        section_results = tuple(
            SectionResult(title, sum(r.marks for r in results if r.section == i),
                          sum(r.max for r in results if r.section == i))
            for i, title in enumerate(sections)
        )
        candidates.append(CandidateResult(candidate, name, section_results, results))
    scores = [[r.marks for r in c.questions] for c in candidates]
    maxima = [marks for *_, marks in plan]
    stats = analyse(scores, maxima)
    items = tuple(ItemRow(number, q.id, sections[section], marks, s)
                  for (number, q, _, section, marks), s in zip(plan, stats.items))
    return PaperReport(name, sections, sum(maxima), tuple(candidates), items, stats)


def _infer_variant(manifest: Manifest, candidate: str, lines: list[AnswerLine],
                   name: str, skipped: list[Problem]) -> tuple[str | None, list[AnswerLine]]:
    """The variant a candidate sat and the lines to mark on it; every other line is added to `skipped`.

    A line naming a paper the manifest does not have is skipped on its own; when the lines name two
    papers, the one most lines name wins and the others are skipped. Without a "paper", the question
    ids tell; printed numbers alone cannot tell two variants apart, so then the candidate is refused
    with a message asking for "paper".
    """
    known = ", ".join(manifest.variants)
    kept = []
    for ln in lines:
        if ln.paper and ln.paper not in manifest.variants:
            skipped.append(Problem(name, ln.line, f"{candidate}：试卷“{ln.paper}”不在清单中（有 {known}）"))
        else:
            kept.append(ln)
    counts = Counter(ln.paper for ln in kept if ln.paper)
    if counts:
        (best, n), *rest = counts.most_common()
        if rest and rest[0][1] == n:
            papers = "、".join(sorted(counts))
            for ln in kept:
                skipped.append(Problem(name, ln.line, f"{candidate}：答题行写了 {papers} 几套试卷，"
                                                      f"且行数相同，无法判断考的是哪一套"))
            return None, []
        for ln in kept:
            if ln.paper and ln.paper != best:
                skipped.append(Problem(name, ln.line, f"{candidate}：这一行写的是 {ln.paper} 卷，"
                                                      f"其余各行是 {best} 卷，一名考生只考一套试卷"))
        return best, [ln for ln in kept if ln.paper in (None, best)]
    if len(manifest.variants) == 1:
        return next(iter(manifest.variants)), kept
    asked = {ln.question for ln in kept}
    fits = {v: len(asked & set(variant.by_id())) for v, variant in manifest.variants.items()}
    best_fit = max(fits.values(), default=0)
    matches = [v for v, n in fits.items() if n == best_fit and n > 0]
    if len(matches) == 1:
        return matches[0], kept
    if not matches and not any(q.isdigit() for q in asked):
        return None, kept  # no paper has any of them: each line says why
    for ln in kept:
        skipped.append(Problem(name, ln.line, (
            f"{candidate}：清单里有 {known} 几套试卷，只凭{'题号' if not matches else '这些题'}"
            f"无法判断考的是哪一套；请在答题行加上 \"paper\": \"{(matches or list(manifest.variants))[0]}\""
            f"（答题卡请填“试卷”列）")))
    return None, []


def skipped_by_candidate(skipped, lines: list[AnswerLine]) -> list[tuple[str, int]]:
    """How many skipped lines each candidate has, most first; lines that could not be read at all
    (no candidate) count as （无法读取）."""
    candidate_at = {(ln.line): ln.candidate for ln in lines}
    counts = Counter(candidate_at.get(p.line, "（无法读取）") for p in skipped)
    return sorted(counts.items(), key=lambda item: (-item[1], natural_key(item[0])))


def _sheets_by_id(lines: list[AnswerLine], resolve: Callable[[AnswerLine], tuple[str | None, str]],
                  name: str, skipped: list[Problem]) -> dict[str, AnswerLine]:
    """One answer per question id; later answers to the same question are reported and skipped."""
    sheet: dict[str, AnswerLine] = {}
    for ln in lines:
        qid, why = resolve(ln)
        if qid is None:
            skipped.append(Problem(name, ln.line, why))
        elif qid in sheet:
            skipped.append(Problem(name, ln.line, f"{ln.candidate} 对 {qid} 的第二个答案；"
                                                  f"保留第 {sheet[qid].line} 行的答案"))
        else:
            sheet[qid] = AnswerLine(ln.line, ln.candidate, qid, ln.answer, ln.paper)
    return sheet


def mark_with_manifest(lines: list[AnswerLine], manifest: Manifest, bank: Bank, name: str,
                       grade: Grade = _default_grade) -> MarkReport:
    """Mark answer lines against the papers of a manifest; `name` is the answers file for messages."""
    missing = sorted({q.id for v in manifest.variants.values() for q in v.questions} - set(bank.questions))
    if missing:
        raise LookupError(
            m.MANIFEST_QUESTIONS_MISSING.format(count=len(missing), listed="、".join(missing[:5]),
                                                more="、…" if len(missing) > 5 else ""))
    changed = sorted({q.id for v in manifest.variants.values() for q in v.questions
                      if q.digest and q.digest != question_digest(bank.questions[q.id])})
    # one warning for them all: a hundred lines would bury the report under them
    listed = "、".join(changed[:5]) + (" 等" if len(changed) > 5 else "")
    warnings = [f"{len(changed)} 道题在打印试卷之后改动过（{listed}），按题库现在的内容阅卷"] if changed else []
    skipped: list[Problem] = []
    by_candidate: dict[str, list[AnswerLine]] = {}
    for ln in lines:
        by_candidate.setdefault(ln.candidate, []).append(ln)
    sheets: dict[str, dict[str, dict[str, AnswerLine]]] = {v: {} for v in manifest.variants}
    for candidate, cand_lines in by_candidate.items():
        variant_name, kept = _infer_variant(manifest, candidate, cand_lines, name, skipped)
        if variant_name is None:
            for ln in kept:
                on_bank = ln.question in bank.questions
                skipped.append(Problem(name, ln.line, (
                    f"题目 {ln.question} 不在任何一套试卷上（{', '.join(manifest.variants)}）" if on_bank
                    else f"未知的题目“{ln.question}”")))
            continue
        variant = manifest.variants[variant_name]
        sheets[variant_name][candidate] = _sheets_by_id(
            kept, partial(_resolve_on_paper, variant=variant, bank=bank), name, skipped)
    papers = []
    for variant_name, variant in manifest.variants.items():
        if not sheets[variant_name]:
            continue
        plan: Plan = [(q.number, bank.questions[q.id], q, q.section, q.marks) for q in variant.questions]
        papers.append(_paper_report(variant_name, tuple(s.title for s in variant.sections), plan,
                                    sheets[variant_name], grade))
    return MarkReport(manifest.title, manifest.blueprint, manifest.seed, tuple(papers),
                      tuple(sorted(skipped)), tuple(warnings))


def _resolve_on_paper(ln: AnswerLine, variant: ManifestVariant, bank: Bank) -> tuple[str | None, str]:
    by_id = variant.by_id()
    if ln.question in by_id:
        return ln.question, ""
    if ln.question.isdigit():
        entry = variant.by_number().get(int(ln.question))
        if entry is not None:
            return entry.id, ""
        return None, f"{variant.name} 卷没有第 {ln.question} 题"
    if ln.question in bank.questions:
        return None, f"题目 {ln.question} 不在 {variant.name} 卷上"
    return None, f"未知的题目“{ln.question}”"


def mark_without_manifest(lines: list[AnswerLine], bank: Bank, name: str,
                          grade: Grade = _default_grade) -> MarkReport:
    """Mark answer lines against the bank: the questions anyone answered, grouped by type."""
    skipped: list[Problem] = []
    by_candidate: dict[str, list[AnswerLine]] = {}
    for ln in lines:
        by_candidate.setdefault(ln.candidate, []).append(ln)

    def resolve(ln: AnswerLine) -> tuple[str | None, str]:
        if ln.question in bank.questions:
            return ln.question, ""
        return None, f"未知的题目“{ln.question}”"

    sheets = {c: _sheets_by_id(ls, resolve, name, skipped) for c, ls in by_candidate.items()}
    sheets = {c: s for c, s in sheets.items() if s}
    first_seen: dict[str, int] = {}
    for ln in lines:
        if ln.question in bank.questions:
            first_seen.setdefault(ln.question, len(first_seen))
    questions = sorted((bank.questions[q] for q in first_seen),
                       key=lambda q: (QUESTION_TYPES.index(q.type), first_seen[q.id]))
    types = [t for t in QUESTION_TYPES if any(q.type == t for q in questions)]
    sections = tuple(TYPE_TITLES[t] for t in types)
    plan: Plan = [(n, q, None, types.index(q.type), q.score) for n, q in enumerate(questions, start=1)]
    papers = (_paper_report(None, sections, plan, sheets, grade),) if sheets else ()
    return MarkReport(None, None, None, papers, tuple(sorted(skipped)), ())
