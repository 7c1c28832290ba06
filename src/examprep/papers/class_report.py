"""The class view of a marked printing: score summary with a histogram and pass rate, section averages,
the knowledge points the class lost most marks on, a candidate × question grid with ranks, and for
every choice question how often the upper and lower groups chose each option (distractor analysis).

Pure: it reads a `MarkReport` and the bank the paper was drawn from, and returns dataclasses that the
HTML report draws (charts as inline SVG, see `charts`).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from statistics import fmean, median, pstdev

from ..content.model import Bank
from ..kinds import TYPE_TITLES
from .item_analysis import upper_lower
from .manifest import Manifest, ManifestVariant
from .report import CandidateResult, MarkReport, PaperReport

DEFAULT_PASS_FRACTION = 0.6  # the appraisal's pass line: 60 of 100 marks
SMALL_CLASS = 30  # below this the item statistics are only indicative
HISTOGRAM_BINS = 10
WEAK_POINTS_SHOWN = 10
STEM_CHARS = 24


@dataclass(frozen=True)
class ScoreSummary:
    candidates: int
    total: float  # full marks (100 when variants of different totals are combined as percentages)
    mean: float
    median: float
    sd: float
    highest: float
    lowest: float
    pass_mark: float
    passed: int
    histogram: tuple[tuple[str, int], ...]  # (range of marks, candidates)

    @property
    def pass_rate(self) -> float:
        return self.passed / self.candidates if self.candidates else 0.0


@dataclass(frozen=True)
class SectionAverage:
    title: str
    mean: float
    max: float

    @property
    def fraction(self) -> float:
        return self.mean / self.max if self.max else 0.0


@dataclass(frozen=True)
class WeakPoint:
    id: str
    title: str
    source: str
    lost: float  # marks lost as a fraction of the marks its questions carried
    questions: tuple[int, ...]  # the printed numbers testing it


@dataclass(frozen=True)
class GridRow:
    rank: int
    candidate: CandidateResult

    @property
    def percent(self) -> float:
        return 100.0 * self.candidate.total / self.candidate.max if self.candidate.max else 0.0


@dataclass(frozen=True)
class OptionCount:
    letter: str
    text: str
    upper: int
    lower: int
    everyone: int
    is_key: bool


@dataclass(frozen=True)
class DistractorRow:
    number: int
    stem: str
    key: str
    options: tuple[OptionCount, ...]
    blank: tuple[int, int, int]  # upper, lower, everyone left it blank
    group_size: int


@dataclass(frozen=True)
class PaperClassView:
    report: PaperReport
    summary: ScoreSummary
    sections: tuple[SectionAverage, ...]
    grid: tuple[GridRow, ...]
    distractors: tuple[DistractorRow, ...]
    stems: dict[int, str]  # printed number -> a short stem
    types: dict[int, str]  # printed number -> 题型


@dataclass(frozen=True)
class ClassReport:
    papers: tuple[PaperClassView, ...]
    combined: ScoreSummary | None  # over every variant, when there are several
    weak_points: tuple[WeakPoint, ...]
    warnings: tuple[str, ...]


def short_stem(text: str, limit: int = STEM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def histogram(totals: list[float], full: float, bins: int = HISTOGRAM_BINS) -> tuple[tuple[str, int], ...]:
    """Candidates per tenth of the full marks; the last bin includes full marks."""
    width = full / bins if full else 1.0
    counts = [0] * bins
    for t in totals:
        counts[min(bins - 1, max(0, math.floor(t / width + 1e-9)))] += 1
    labels = [f"{i * width:g}–{(i + 1) * width:g}" for i in range(bins)]
    return tuple(zip(labels, counts))


def score_summary(totals: list[float], full: float, pass_mark: float) -> ScoreSummary:
    return ScoreSummary(
        candidates=len(totals), total=full, mean=fmean(totals), median=median(totals), sd=pstdev(totals),
        highest=max(totals), lowest=min(totals), pass_mark=pass_mark,
        passed=sum(1 for t in totals if t >= pass_mark - 1e-9), histogram=histogram(totals, full),
    )


def competition_ranks(totals: list[float]) -> list[int]:
    """1, 2, 2, 4: equal totals share a rank."""
    return [1 + sum(1 for other in totals if other > t + 1e-9) for t in totals]


def _chosen_letters(answer) -> set[str]:
    """The option letters written in a choice answer ("AC", "a、c", ["A", "C"]); empty when blank."""
    if answer is None:
        return set()
    text = "".join(str(a) for a in answer) if isinstance(answer, (list, tuple)) else str(answer)
    return {ch for ch in unicodedata.normalize("NFKC", text).upper() if "A" <= ch <= "Z"}


def distractors(paper: PaperReport, bank: Bank, variant: ManifestVariant | None = None) -> tuple[DistractorRow, ...]:
    candidates = paper.candidates
    upper, lower = upper_lower([c.total for c in candidates])
    rows = []
    for index, item in enumerate(paper.items):
        question = bank.questions.get(item.id)
        if question is None or question.kind != "choice":
            continue
        results = [c.questions[index] for c in candidates]
        entry = variant.by_number().get(item.number) if variant is not None else None
        shown = question.shown_choices(entry)  # (letter, text) as the paper printed them
        letters = [letter for letter, _ in shown]
        texts = {letter: short_stem(text, 12) for letter, text in shown}
        key = results[0].key if results else ""
        chosen = [_chosen_letters(r.answer) for r in results]
        options = tuple(OptionCount(
            letter, texts.get(letter, ""), sum(letter in chosen[i] for i in upper),
            sum(letter in chosen[i] for i in lower), sum(letter in c for c in chosen), letter in key,
        ) for letter in letters)
        blank = (sum(not chosen[i] for i in upper), sum(not chosen[i] for i in lower),
                 sum(not c for c in chosen))
        rows.append(DistractorRow(item.number, short_stem(question.stem), key, options, blank, len(upper)))
    return tuple(rows)


def _weak_points(views: list[PaperReport], bank: Bank) -> tuple[WeakPoint, ...]:
    lost: dict[str, float] = {}
    possible: dict[str, float] = {}
    numbers: dict[str, set[int]] = {}
    for paper in views:
        for candidate in paper.candidates:
            for result in candidate.questions:
                question = bank.questions.get(result.id)
                if question is None:
                    continue
                for pid in question.points:
                    lost[pid] = lost.get(pid, 0.0) + result.max - result.marks
                    possible[pid] = possible.get(pid, 0.0) + result.max
                    numbers.setdefault(pid, set()).add(result.number)
    ranked = sorted((pid for pid in lost if possible[pid] and lost[pid] > 1e-9),
                    key=lambda pid: (-lost[pid] / possible[pid], -possible[pid], pid))
    out = []
    for pid in ranked[:WEAK_POINTS_SHOWN]:
        point = bank.points.get(pid)
        title = point.title if point else pid
        source = point.source if point else ""
        if point is not None and point.ref:
            source = f"{source}，{point.ref}" if source else point.ref
        if source == "completed":
            source = "补充材料"
        out.append(WeakPoint(pid, title, source, lost[pid] / possible[pid], tuple(sorted(numbers[pid]))))
    return tuple(out)


def paper_view(paper: PaperReport, bank: Bank, pass_mark: float,
               variant: ManifestVariant | None = None) -> PaperClassView:
    totals = [c.total for c in paper.candidates]
    sections = tuple(
        SectionAverage(title, fmean(c.sections[i].marks for c in paper.candidates),
                       paper.candidates[0].sections[i].max)
        for i, title in enumerate(paper.sections)
    ) if paper.candidates else ()
    ranks = competition_ranks(totals)
    order = sorted(range(len(totals)), key=lambda i: (ranks[i], i))
    grid = tuple(GridRow(ranks[i], paper.candidates[i]) for i in order)
    stems, types = {}, {}
    for item in paper.items:
        question = bank.questions.get(item.id)
        stems[item.number] = short_stem(question.stem) if question else item.id
        types[item.number] = TYPE_TITLES.get(question.type, question.type) if question else ""
    return PaperClassView(paper, score_summary(totals, paper.total, pass_mark), sections, grid,
                          distractors(paper, bank, variant), stems, types)


def class_report(report: MarkReport, bank: Bank, manifest: Manifest | None = None) -> ClassReport:
    """With the manifest, option letters are the paper's own and its pass mark counts; without one
    (or without a pass mark in it) a paper passes at 60% of its full marks."""
    variants = manifest.variants if manifest is not None else {}
    pass_marks: dict[str | None, float] = {
        name: v.pass_mark for name, v in variants.items() if v.pass_mark is not None}
    views = []
    warnings = []
    for paper in report.papers:
        if not paper.candidates:
            continue
        pass_mark = pass_marks.get(paper.paper, DEFAULT_PASS_FRACTION * paper.total)
        views.append(paper_view(paper, bank, pass_mark, variants.get(paper.paper or "")))
        name = f"{paper.paper} 卷" if paper.paper else "本次阅卷"
        n = paper.stats.candidates
        if n < SMALL_CLASS:
            warnings.append(f"{name}只有 {n} 名考生（少于 {SMALL_CLASS} 人）：难度、区分度和 α 仅供参考")
        if paper.stats.alpha is not None and paper.stats.alpha < 0:
            warnings.append(f"{name}的 α 为负（{paper.stats.alpha:.2f}）：各题得分彼此不一致，"
                            f"请先核对答案与评分标准，再看负区分的题目")
    combined = None
    if len(views) > 1:
        same_total = len({v.report.total for v in views}) == 1
        full = views[0].report.total if same_total else 100.0
        totals = [c.total if same_total else 100.0 * c.total / c.max
                  for v in views for c in v.report.candidates]
        if same_total:
            pass_mark = min(v.summary.pass_mark for v in views)
        else:
            pass_mark = 100.0 * min(v.summary.pass_mark / v.report.total for v in views)
        combined = score_summary(totals, full, pass_mark)
    return ClassReport(tuple(views), combined, _weak_points([v.report for v in views], bank), tuple(warnings))
