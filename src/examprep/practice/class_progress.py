"""The instructor's view of a class's training: who practised this week and how much, accuracy per topic
and per knowledge point across the class, the weakest points, the mock exams with their pass rate, and
the candidates' claims on points the grader said they missed.

Pure: it reads plain records (what the store keeps for every candidate) and the bank, and returns
dataclasses that the class screen and `examprep class report` show. Not to be confused with
`papers.class_report`, the report of a marked printed paper.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..content.model import Bank
from ..papers.class_report import DEFAULT_PASS_FRACTION
from .claims import QuestionClaims, StoredClaim, claims_report

WEAK_POINT_MIN_ANSWERS = 3  # a point answered fewer times across the class says too little to rank
WEAK_POINTS_SHOWN = 10


@dataclass(frozen=True)
class Learner:
    account: str  # the login id
    name: str


@dataclass(frozen=True)
class ClassAnswer:
    account: str
    question_id: str
    day: str  # the candidate's local date, ISO
    score: float
    max: float
    correct: bool


@dataclass(frozen=True)
class ClassExam:
    account: str
    blueprint: str
    title: str
    submitted_at: datetime
    score: float
    max: float


@dataclass(frozen=True)
class WeekActivity:
    account: str
    name: str
    answers: int
    correct: int
    days: int  # days of the week with at least one answer
    last_day: str | None  # the last day they answered at all, this week or before

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class Accuracy:
    """Answers to one topic's or one point's questions, across the class."""

    ident: str
    title: str
    level: str
    topic_title: str
    answers: int
    correct: int
    candidates: int
    score: float
    max: float

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def score_rate(self) -> float | None:
        return self.score / self.max if self.max > 0 else None


@dataclass(frozen=True)
class ExamSitting:
    account: str
    name: str
    submitted_at: datetime
    score: float
    max: float
    passed: bool


@dataclass(frozen=True)
class ExamResults:
    blueprint: str
    title: str
    pass_mark: float | None  # the blueprint's marks to pass; None: 60% of each paper's full marks
    sittings: tuple[ExamSitting, ...]  # newest first

    @property
    def candidates(self) -> int:
        return len({s.account for s in self.sittings})

    @property
    def passed(self) -> int:
        """Candidates whose best sitting passed."""
        return len({s.account for s in self.sittings if s.passed})

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.candidates if self.candidates else None

    @property
    def mean_percent(self) -> float | None:
        shares = [s.score / s.max for s in self.sittings if s.max > 0]
        return 100 * sum(shares) / len(shares) if shares else None


@dataclass(frozen=True)
class ClassProgress:
    today: date
    week_start: date
    candidates: int
    activity: tuple[WeekActivity, ...]  # every candidate, the most active first
    topics: tuple[Accuracy, ...]
    points: tuple[Accuracy, ...]
    weakest: tuple[Accuracy, ...]
    exams: tuple[ExamResults, ...]
    claims: tuple[QuestionClaims, ...]  # the candidates' claims by question and rubric point, most first

    @property
    def practised_this_week(self) -> int:
        return sum(1 for a in self.activity if a.answers)


def week_start(today: date) -> date:
    """Monday of the week holding `today`: "this week" as a timetable says it."""
    return today - timedelta(days=today.weekday())


def week_activity(learners: list[Learner], answers: list[ClassAnswer], since: date) -> tuple[WeekActivity, ...]:
    first = since.isoformat()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    days: dict[str, set[str]] = defaultdict(set)
    last: dict[str, str] = {}
    for a in answers:
        last[a.account] = max(last.get(a.account, a.day), a.day)
        if a.day >= first:
            counts[a.account][0] += 1
            counts[a.account][1] += int(a.correct)
            days[a.account].add(a.day)
    rows = [WeekActivity(p.account, p.name, counts[p.account][0], counts[p.account][1], len(days[p.account]),
                         last.get(p.account)) for p in learners]
    return tuple(sorted(rows, key=lambda r: (-r.answers, -r.days, r.account)))


def _accuracy_rows(keys_of, titles: dict[str, tuple[str, str, str]], answers: list[ClassAnswer]) -> list[Accuracy]:
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0.0])
    who: dict[str, set[str]] = defaultdict(set)
    for a in answers:
        for key in keys_of(a.question_id):
            row = totals[key]
            row[0] += 1
            row[1] += int(a.correct)
            row[2] += a.score
            row[3] += a.max
            who[key].add(a.account)
    rows = []
    for key, (title, level, topic_title) in titles.items():
        n, right, score, full = totals.get(key, (0, 0, 0.0, 0.0))
        rows.append(Accuracy(key, title, level, topic_title, int(n), int(right), len(who[key]), score, full))
    return rows


def topic_accuracy(bank: Bank, answers: list[ClassAnswer]) -> list[Accuracy]:
    """Every topic of the bank; an answer counts for the topic of its question's first point."""
    def topic_of(question_id: str) -> tuple[str, ...]:
        question = bank.questions.get(question_id)
        topic = bank.topic_of(question) if question is not None else None
        return () if question is None or topic is None else (f"{question.level}.{topic}",)

    titles = {f"{level}.{t.id}": (t.title, level, t.title) for (level, _), t in bank.topics.items()}
    return _accuracy_rows(topic_of, titles, answers)


def point_accuracy(bank: Bank, answers: list[ClassAnswer]) -> list[Accuracy]:
    """Every knowledge point of the bank; an answer counts for each point its question tests."""
    def points_of(question_id: str) -> tuple[str, ...]:
        question = bank.questions.get(question_id)
        return () if question is None else tuple(p for p in question.points if p in bank.points)

    titles = {p.id: (p.title, p.level, p.topic_title) for p in bank.points.values()}
    return _accuracy_rows(points_of, titles, answers)


def weakest_points(points: list[Accuracy], shown: int = WEAK_POINTS_SHOWN) -> tuple[Accuracy, ...]:
    """The points the class gets wrong most, among those answered often enough to say so."""
    ranked = [p for p in points if p.answers >= WEAK_POINT_MIN_ANSWERS]
    ranked.sort(key=lambda p: (p.accuracy or 0.0, p.score_rate or 0.0, -p.answers, p.ident))
    return tuple(ranked[:shown])


def exam_pass_mark(full: float, pass_mark: float | None) -> float:
    return pass_mark if pass_mark is not None else DEFAULT_PASS_FRACTION * full


def exam_results(bank: Bank, learners: list[Learner], exams: list[ClassExam]) -> tuple[ExamResults, ...]:
    """Each blueprint's submitted mock exams, with the pass mark of its blueprint (60% without one)."""
    names = {p.account: p.name for p in learners}
    by_blueprint: dict[str, list[ClassExam]] = defaultdict(list)
    for e in exams:
        if e.account in names:
            by_blueprint[e.blueprint].append(e)
    results = []
    for name in sorted(by_blueprint):
        sittings = by_blueprint[name]
        blueprint = bank.blueprints.get(name)
        pass_mark = blueprint.pass_mark if blueprint is not None else None
        rows = tuple(ExamSitting(e.account, names[e.account], e.submitted_at, e.score, e.max,
                                 e.score >= exam_pass_mark(e.max, pass_mark) - 1e-9)
                     for e in sorted(sittings, key=lambda e: e.submitted_at, reverse=True))
        results.append(ExamResults(name, blueprint.title if blueprint else sittings[0].title, pass_mark, rows))
    return tuple(results)


def class_progress(bank: Bank, learners: list[Learner], answers: list[ClassAnswer], exams: list[ClassExam],
                   today: date, claims: list[StoredClaim] | None = None) -> ClassProgress:
    """The class view. Only the learners' own answers, exams and claims count (an instructor trying
    the trainer is not part of the class)."""
    accounts = {p.account for p in learners}
    answers = [a for a in answers if a.account in accounts]
    start = week_start(today)
    points = point_accuracy(bank, answers)
    return ClassProgress(
        today=today, week_start=start, candidates=len(learners),
        activity=week_activity(learners, answers, start),
        topics=tuple(topic_accuracy(bank, answers)), points=tuple(points), weakest=weakest_points(points),
        exams=exam_results(bank, learners, exams),
        claims=tuple(claims_report(bank, [c for c in claims or () if c.claim.account in accounts])))


def read_class_progress(accounts, store_for, bank: Bank, today: date) -> ClassProgress:
    """The class view from the store: `accounts` (practice.accounts.Account) and `store_for(id)`, an
    account's ProgressStore, read for each candidate."""
    learners = [Learner(a.id, a.name) for a in accounts if a.role == "candidate"]
    answers: list[ClassAnswer] = []
    exams: list[ClassExam] = []
    claims: list[StoredClaim] = []
    for learner in learners:
        store = store_for(learner.account)
        answers.extend(ClassAnswer(learner.account, r.question_id, r.day, r.score, r.max, r.correct)
                       for r in store.answers())
        exams.extend(ClassExam(learner.account, e.blueprint, e.title, e.submitted_at, e.score, e.max)
                     for e in store.exams()
                     if e.submitted_at is not None and e.score is not None and e.max is not None)
        claims.extend(store.claims())
    return class_progress(bank, learners, answers, exams, today, claims)
