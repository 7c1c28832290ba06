"""The trainer service: the bank, the progress store and the clock, and every workflow the screens run.

It is the one place that grades and records an answer, so every answer, from any screen, reaches the
store the moment it is given. It starts, resumes, finishes and abandons mock exams, builds drill
queues and computes the home overview and the day's counts. Screens only show what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..content.model import Answer, Bank, Blueprint, Case, Question
from .claims import Claim, StoredClaim, claims_for, corrected_score
from .due import STATUS_TITLES, DueCounts, due_counts, status
from .exam import ExamResult, MockExam, exam_records, pass_marks
from .history import SatExam, exam_history
from .limits import Limits, new_left, read_limits, save_limits
from .records import AnswerRecord, QuestionProgress, StoredAnswer
from .scheduler import end_of_day
from .session import (
    ORDERS,
    DrillScope,
    DrillSession,
    LevelOverview,
    drill_questions,
    drill_queue,
    favourites_queue,
    level_overview,
    mistakes_queue,
    with_current_book,
)
from .store import ExamRecord, ProgressStore, SectionMarks, StoreWriteError

if TYPE_CHECKING:
    from ..grading.results import Grading

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


# Settings keys of the sessions kept to continue: drills in one, the case worked on in another.
DRILL_SLOT = "last_session"
CASE_SLOT = "last_case"


def session_slot(kind: str) -> str:
    return CASE_SLOT if kind == "case" else DRILL_SLOT


class ExamUnavailable(Exception):
    """A mock exam could not be started or continued; the message says why, in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ExamBusy(ExamUnavailable):
    """A new exam was asked for while one is still unfinished."""


@dataclass(frozen=True)
class HomeOverview:
    """What the home screen shows: per level, today, where I left off, and the menu's counts."""

    levels: list[LevelOverview]
    answered_today: int
    right_today: int
    new_today: int  # new questions today's drills brought
    new_left: int  # new questions the day's allowance still has room for
    session: DrillSession | None
    exam: ExamRecord | None
    exam_left: float  # seconds left of the unfinished exam (<= 0 when its time is up)
    favourites: int
    cases: int
    blueprints: int

    @property
    def due(self) -> int:
        return sum(r.due for r in self.levels)

    @property
    def learning(self) -> int:
        return sum(r.learning for r in self.levels)

    @property
    def mistakes(self) -> int:
        return sum(r.mistakes for r in self.levels)


@dataclass(frozen=True)
class GradedAnswer:
    """An answer just graded and recorded, and the candidate's claims on it."""

    question: Question
    grading: Grading
    record: AnswerRecord
    claims: tuple[Claim, ...] = ()

    @property
    def counted_score(self) -> float:
        """The score the schedule counts: the grader's, corrected by the claims."""
        return corrected_score(self.grading, self.claims)

    @property
    def counted_fraction(self) -> float:
        return self.counted_score / self.grading.max if self.grading.max else 0.0

    @property
    def can_claim(self) -> bool:
        """Whether the candidate may argue its points: a free-text answer graded point by point."""
        return self.question.is_free_text and bool(self.grading.points)


@dataclass(frozen=True)
class PaperSummary:
    """A mock paper as the mock list and the confirmation before the clock starts describe it."""

    title: str
    sections: int
    questions: tuple[int, int]  # the fewest and the most a draw asks (case questions each counted)
    marks: float
    pass_mark: float
    minutes: int


class Trainer:
    """The workflows of one candidate's training on one bank, recorded in one store."""

    def __init__(self, bank: Bank, store: ProgressStore, clock: Clock = system_clock, seed: int | None = None):
        self.bank = bank
        self.store = store
        self.clock = clock
        # Seeds random drills and mock papers; None draws a fresh one each time.
        self.seed = seed

    def next_seed(self) -> int:
        if self.seed is not None:
            return self.seed
        return int(self.clock().timestamp() * 1000) % 1_000_000

    # -- answers -----------------------------------------------------------------------------
    def answer(self, question: Question, answer: Answer, mode: str) -> Grading:
        """Grade an answer and commit it to the store before anything else happens."""
        return self.record(question, answer, mode).grading

    def record(self, question: Question, answer: Answer, mode: str) -> GradedAnswer:
        """`answer`, with the record it was stored as (what a claim on it refers to)."""
        grading = question.grade(answer)
        record = AnswerRecord(
            question.id, self.clock(), float(grading.score), float(grading.max), bool(grading.correct),
            question.encode(answer), mode,
        )
        self.store.record_answer(record)
        return GradedAnswer(question, grading, record)

    # -- claims ------------------------------------------------------------------------------
    def set_claims(self, graded: GradedAnswer, earned: Mapping[str, bool]) -> GradedAnswer:
        """Stand by the candidate's view `earned` (rubric point id -> earned) of an answer just
        graded: the points where it differs from the grader's become claims, kept with the answer,
        and the schedule counts the answer at the corrected score. Agreeing everywhere withdraws
        the claims."""
        claims = claims_for(graded.grading, earned, question_id=graded.record.question_id,
                            answered_at=graded.record.answered_at, made_at=self.clock())
        score = corrected_score(graded.grading, claims)
        self.store.set_claims(graded.record.question_id, graded.record.answered_at, claims,
                              score if claims else None)
        return replace(graded, claims=claims)

    def claims(self, question_id: str | None = None) -> list[StoredClaim]:
        return self.store.claims(question_id)

    # -- drills ------------------------------------------------------------------------------
    def limits(self) -> Limits:
        return read_limits(self.store)

    def set_limits(self, limits: Limits) -> None:
        save_limits(self.store, limits)

    def new_today(self) -> tuple[int, int]:
        """New questions brought by today's drills so far, and how many more the allowance has room for."""
        introduced = self.store.first_answers_on(self.clock().astimezone().date().isoformat())
        return introduced, new_left(self.limits(), introduced)

    def drill(self, scope: DrillScope, order: str, size: int | None = None) -> DrillSession | None:
        """A drill over `scope` in `order` of at most `size` questions (default: the 每次题量 setting);
        None when the scope has nothing to ask (`drill_unavailable` says why)."""
        limits = self.limits()
        queue = drill_queue(self.bank, scope, order, self.store.progress(), self.clock(), seed=self.next_seed(),
                            size=size or limits.drill_size, new_left=self.new_today()[1])
        if not queue:
            return None
        return DrillSession("drill", drill_title(self.bank, scope, ORDERS[order]), queue, scope=scope, order=order)

    def question_status(self, question_id: str) -> str:
        """What the question is today, in Chinese: 新题, 学习中, 到期复习 or 提前复习 (`due.status`)."""
        return STATUS_TITLES[status(self.store.schedule(question_id), end_of_day(self.clock()))]

    def drill_unavailable(self, scope: DrillScope) -> str:
        """Why a drill of `scope` came out empty, in Chinese."""
        if not drill_questions(self.bank, scope):
            return "这个范围里没有题目。"
        return (f"今天这个范围没有要练的题：到期的题已复习完，新题已达每日上限（{self.limits().new_per_day} 题）。"
                "可在练习设置里调高每日新题上限，或选“随机”“顺序”练习。")

    def scope_counts(self, scope: DrillScope) -> tuple[int, DueCounts]:
        """How many questions `scope` holds, and how many of them are due, learning and new today."""
        questions = drill_questions(self.bank, scope)
        return len(questions), due_counts([q.id for q in questions], self.store.schedules(), self.clock())

    # -- 背题 (study mode) ----------------------------------------------------------------------
    def study_questions(self, scope: DrillScope) -> list[str]:
        """The questions 背题 goes through for `scope`: those a drill of it asks, in study order."""
        return [q.id for q in drill_questions(self.bank, scope)]

    def mark_studied(self, question_id: str) -> None:
        """A question read with its answer shown: kept as seen, never as an answer (the schedule, the
        due counts and the day's new questions are as they were)."""
        self.store.record_study_view(question_id, self.clock())

    def studied(self, question_ids: list[str]) -> int:
        """How many of `question_ids` were ever read in 背题."""
        seen = self.store.study_views()
        return sum(1 for q in question_ids if q in seen)

    def case_session(self, case_id: str) -> tuple[Case, DrillSession]:
        """Case `case_id`, continued where it was left when it was left unfinished."""
        case = self.bank.cases[case_id]
        session = self.last_case_session(case_id) or DrillSession(
            "case", f"案例 · {case.title}", [q.id for q in case.questions], case_id=case_id)
        return case, session

    def last_case_marks(self) -> dict[str, float]:
        """Per case answered before: the marks its questions' last answers were awarded, by the rule
        the key and the mock exam use (`marks_on_paper`, the key's half marks), in their own marks."""
        progress = self.store.progress()
        out = {}
        for case in self.bank.cases.values():
            done = [(q, progress[q.id]) for q in case.questions if q.id in progress]
            if done:
                out[case.id] = sum(last_marks(q, p) for q, p in done)
        return out

    def save_session(self, session: DrillSession) -> None:
        """Keep a session to continue later (a finished one is forgotten). A case has its own slot,
        so working through a case never takes the place of the drill offered as 继续上次."""
        self.store.set_setting(session_slot(session.kind), None if session.finished else session.to_dict())

    def last_session(self) -> DrillSession | None:
        """The drill (练习, 错题本 or 收藏) left unfinished most recently, to continue."""
        return self._saved_session(DRILL_SLOT)

    def last_case_session(self, case_id: str) -> DrillSession | None:
        """Case `case_id` as it was left unfinished, if it was the last case worked on."""
        session = self._saved_session(CASE_SLOT)
        return session if session is not None and session.case_id == case_id else None

    def _saved_session(self, slot: str) -> DrillSession | None:
        data = self.store.get_setting(slot)
        if not isinstance(data, dict):
            return None
        session = DrillSession.from_dict(data, self.bank)
        if session is not None and session.kind == "mistakes":  # redo the book as it is now
            session = with_current_book(session, self.mistakes_queue(session.scope))
        return session if session and not session.finished else None

    def mistakes_queue(self, scope: DrillScope | None = None) -> list[str]:
        """The 错题本 (within `scope`: level, topic, type) to re-drill, most recently missed first."""
        return mistakes_queue(self.bank, self.store.progress(), scope=scope)

    def last_wrong_answer(self, question_id: str) -> StoredAnswer | None:
        """The candidate's latest answer to the question that did not earn full marks (claims counted)."""
        for a in reversed(self.store.answers(question_id)):
            if not a.counted_correct:
                return a
        return None

    def remove_from_book(self, question_id: str) -> None:
        """移出: take a question out of the 错题本 by hand; kept as an event, undone by `undo_removal`."""
        self.store.remove_from_book(question_id, self.clock())

    def undo_removal(self, question_id: str) -> None:
        self.store.undo_removal(question_id)

    def favourites_queue(self, scope: DrillScope | None = None) -> list[str]:
        return favourites_queue(self.bank, self.store.favourites(), scope=scope)

    def progress(self) -> dict[str, QuestionProgress]:
        return self.store.progress()

    def is_favourite(self, question_id: str) -> bool:
        return self.store.is_favourite(question_id)

    def unfavourite(self, question_id: str) -> None:
        self.store.set_favourite(question_id, False)

    def toggle_favourite(self, question_id: str) -> bool:
        """Favour a question or stop favouring it; whether it is a favourite now."""
        on = not self.store.is_favourite(question_id)
        self.store.set_favourite(question_id, on, self.clock())
        return on

    # -- the home screen ---------------------------------------------------------------------
    def overview(self) -> HomeOverview:
        store, bank = self.store, self.bank
        now = self.clock()
        rows = level_overview(bank, store.schedules(), store.mistake_ids(), now)
        today = now.astimezone().date().isoformat()
        answered, right = store.totals_by_day(today).get(today, (0, 0))
        new_today, new_room = self.new_today()
        exam = store.unfinished_exam()
        return HomeOverview(
            levels=rows, answered_today=answered, right_today=right, new_today=new_today, new_left=new_room,
            session=self.last_session(),
            exam=exam, exam_left=self.exam_left(exam) if exam is not None else 0.0,
            favourites=sum(1 for q in store.favourites() if q in bank.questions),
            cases=len(bank.cases), blueprints=len(bank.blueprints),
        )

    # -- mock exams --------------------------------------------------------------------------
    def blueprints(self) -> list[tuple[str, Blueprint]]:
        """The bank's blueprints by level (in the bank's order), then name."""
        level_rank = {level: i for i, level in enumerate(self.bank.levels)}
        return sorted(self.bank.blueprints.items(), key=lambda nb: (level_rank.get(nb[1].level, 99), nb[0]))

    def paper_summary(self, name: str) -> PaperSummary | None:
        """What a candidate sits on blueprint `name`: its questions, full marks, pass mark and time
        (the marks from a draw of the paper); None when the bank cannot fill it."""
        from ..papers.draw import BlueprintError, draw_paper
        from ..papers.selection import question_count

        blueprint = self.bank.blueprints[name]
        try:
            paper = draw_paper(self.bank, blueprint, 0)
        except BlueprintError:
            return None
        return PaperSummary(blueprint.title, len(paper.sections), question_count(self.bank, blueprint),
                            paper.total, pass_marks(paper.total, paper.pass_mark), paper.duration)

    def unfinished_exam(self) -> ExamRecord | None:
        return self.store.unfinished_exam()

    def exam_left(self, record: ExamRecord) -> float:
        """Seconds left of a stored exam; <= 0 when its time is up."""
        return record.started_at.timestamp() + record.duration_s - self.clock().timestamp()

    def start_exam(self, name: str) -> tuple[MockExam, int]:
        """Draw a paper from blueprint `name` and start its clock; raises ExamUnavailable."""
        from ..papers.draw import BlueprintError, draw_paper

        if self.store.unfinished_exam() is not None:
            raise ExamBusy("还有一场未完成的考试，请先继续并交卷。")
        blueprint = self.bank.blueprints[name]
        seed = self.next_seed()
        try:
            paper = draw_paper(self.bank, blueprint, seed)
        except BlueprintError as err:
            raise ExamUnavailable(f"无法组卷：{err.message}") from err
        started = self.clock()
        try:
            exam_id = self.store.start_exam(name, paper.title, seed, paper.variant, started, paper.duration * 60)
        except StoreWriteError as err:
            raise ExamUnavailable(f"无法开始考试：{err}") from err
        return MockExam(paper, started, self.clock), exam_id

    def resume_exam(self) -> tuple[MockExam, int] | None:
        """The unfinished exam, drawn again with its answers; None when there is none. One that
        cannot be drawn again is abandoned (it must never lock exams out) and ExamUnavailable raised."""
        record = self.store.unfinished_exam()
        if record is None:
            return None
        try:
            exam = self.rebuild(record)
        except Exception as err:  # whatever broke it, a stored exam must never lock exams out
            self.store.abandon_exam(record.id, self.clock())
            reason = getattr(err, "message", None) or str(err) or type(err).__name__
            raise ExamUnavailable(f"这场考试无法继续，已放弃：{reason}") from err
        return exam, record.id

    def rebuild(self, record: ExamRecord) -> MockExam:
        """A stored exam drawn again with its answers; raises when it cannot be."""
        from ..papers.draw import BlueprintError, draw_paper

        blueprint = self.bank.blueprints.get(record.blueprint)
        if blueprint is None:
            raise BlueprintError("", 0, f"试卷蓝图 {record.blueprint} 已不在题库中")
        paper = draw_paper(self.bank, blueprint, record.seed, record.variant)
        exam = MockExam(paper, record.started_at, self.clock)
        exam.remaining()  # a clock that cannot be computed (an absurd duration) fails here, not later
        stored = self.store.exam_answers(record.id)
        for item in paper.items:
            if item.id in stored:
                value = item.question.decode(stored[item.id])
                if value is not None:
                    exam.answers[item.id] = value
        return exam

    def save_exam_answers(self, exam_id: int, exam: MockExam, question_ids: set[str]) -> None:
        """Write the answers of `question_ids` as they stand now (a blank one is cleared)."""
        questions = {item.id: item.question for item in exam.paper.items}
        for qid in sorted(question_ids):
            value = exam.answers.get(qid)
            self.store.save_exam_answer(exam_id, qid, None if value is None else questions[qid].encode(value))

    def finish_exam(self, exam_id: int, exam: MockExam) -> ExamResult:
        """Grade the paper and commit the exam and its answers."""
        result = exam.submit()
        sections = [SectionMarks(s.title, s.earned, s.marks) for s in result.sections]
        self.store.finish_exam(exam_id, result.submitted_at, result.earned, result.marks, exam_records(result),
                               sections, result.marks_to_pass)
        return result

    def exam_history(self) -> list[SatExam]:
        """Every mock exam sat to the end, newest first."""
        return exam_history(self.bank, self.store)

    def abandon_exam(self, record: ExamRecord) -> None:
        """Give up an unfinished exam: no score."""
        self.store.abandon_exam(record.id, self.clock())


def last_marks(question: Question, progress: QuestionProgress) -> float:
    """What the last answer to `question` was awarded in its own marks (graded again: grading is
    deterministic); its stored share of them when that answer cannot be read back."""
    value = question.decode(progress.last_answer)
    if value is None:
        return progress.last_fraction * question.score
    return question.marks_on_paper(question.grade(value), question.score)


def drill_title(bank: Bank, scope: DrillScope, order_title: str) -> str:
    parts = ["练习"]
    if scope.level:
        parts.append(bank.level_title(scope.level).split("/")[0])
    if scope.topic:
        titles = {t.title for (lvl, tid), t in bank.topics.items()
                  if tid == scope.topic and (not scope.level or lvl == scope.level)}
        parts.append("、".join(sorted(titles)) or scope.topic)
    if scope.point and scope.point in bank.points:
        parts.append(bank.points[scope.point].title)
    if scope.types:
        from ..kinds import TYPE_TITLES

        parts.append("、".join(TYPE_TITLES.get(t, t) for t in scope.types))
    parts.append(order_title)
    return " · ".join(parts)
