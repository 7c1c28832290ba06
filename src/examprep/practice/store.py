"""The progress store: one SQLite file in the data folder holding every answer a candidate gives.

WAL mode and one transaction per answer, so an answer is on disk the moment it is given; Ctrl-C or
kill -9 loses nothing already answered. Each question's schedule and 错题本 state are folded from its
answers and cached beside them in the same transaction. Only a file SQLite reports as malformed (or
as no database) is moved aside and a fresh one started; a full disk, a read-only folder, a held lock
or an I/O error leave the file as it is. A write the disk or the lock refuses is kept in memory and
tried again before the next one (`flush`). Answers to questions no longer in the bank are kept and
simply ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .mistakes import MistakeState, Outcome, next_mistake_state
from .records import NEW, AnswerRecord, QuestionProgress, StoredAnswer
from .scheduler import SCHEDULER_VERSION, CardState, Review, next_state

FILE_NAME = "progress.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    day TEXT NOT NULL,
    score REAL NOT NULL,
    max REAL NOT NULL,
    correct INTEGER NOT NULL,
    answer TEXT NOT NULL,
    mode TEXT NOT NULL,
    kind INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id, id);
CREATE INDEX IF NOT EXISTS answers_by_day ON answers (day);
CREATE TABLE IF NOT EXISTS progress (
    question_id TEXT PRIMARY KEY,
    due TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    last_review TEXT NOT NULL,
    reviews INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    in_book INTEGER NOT NULL,
    wrong_count INTEGER NOT NULL,
    last_wrong_day TEXT,
    correct_days TEXT NOT NULL,
    last_fraction REAL NOT NULL,
    last_answer TEXT
);
CREATE TABLE IF NOT EXISTS favourites (
    question_id TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exams (
    id INTEGER PRIMARY KEY,
    blueprint TEXT NOT NULL,
    title TEXT NOT NULL,
    seed INTEGER NOT NULL,
    variant TEXT NOT NULL,
    started_at TEXT NOT NULL,
    duration_s INTEGER NOT NULL,
    submitted_at TEXT,
    score REAL,
    max REAL
);
CREATE TABLE IF NOT EXISTS exam_answers (
    exam_id INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (exam_id, question_id)
);
"""


class StoreError(Exception):
    """The progress file can be neither used nor replaced; the message says why, in Chinese."""


class StoreWriteError(StoreError):
    """A write the disk or the lock refused; the message says why, in Chinese."""


# SQLite's primary result codes (sqlite3.h) for a file that is damaged, as opposed to one that cannot
# be reached or written just now (full, read-only, locked, I/O error, cannot open).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_FULL = 13
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14
_SQLITE_PERM = 3


def _primary_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)  # Python 3.11+
    return None if code is None else code & 0xFF


def _is_damaged(err: sqlite3.Error) -> bool:
    """True only when SQLite says the file itself is malformed or is not a database."""
    if isinstance(err, _DamagedFile):
        return True
    code = _primary_code(err)
    if code is not None:
        return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


def _is_busy(err: sqlite3.Error) -> bool:
    code = _primary_code(err)
    if code is not None:
        return code in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(err).lower()
    return "locked" in text or "busy" in text


def unreachable_reason(path: Path | None, err: sqlite3.Error) -> str:
    """Why a healthy progress file cannot be opened or written just now, in Chinese."""
    code = _primary_code(err)
    if _is_busy(err):
        why = "正被另一个 examprep 使用（写锁未释放）"
    elif code == _SQLITE_FULL or "full" in str(err).lower():
        why = "所在磁盘已满"
    elif code in (_SQLITE_READONLY, _SQLITE_PERM):
        why = "所在位置只读或没有写入权限"
    elif code == _SQLITE_CANTOPEN:
        why = "无法打开（文件夹只读、没有权限或磁盘已满）"
    else:
        why = f"读写出错（{err}）"
    return f"进度文件 {path} {why}"


def _stamp(moment: datetime) -> str:
    # Fixed-width UTC text sorts like the moments it names, so SQL can compare due dates as text.
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class ExamRecord:
    id: int
    blueprint: str
    title: str
    seed: int
    variant: str
    started_at: datetime
    duration_s: int
    submitted_at: datetime | None
    score: float | None
    max: float | None


class ProgressStore:
    """A candidate's progress. Open with `open_store`; every write is committed before it returns."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None):
        self._db = connection
        self.path = path
        self._pending: deque[Callable[[], object]] = deque()
        self.problem: str | None = None  # why writes wait in memory (Chinese), while they do
        self.on_problem: Callable[[str], None] | None = None  # told each time a write is refused

    @contextmanager
    def _transaction(self):
        # IMMEDIATE takes the write lock up front, so reading a question's progress and writing
        # the next one cannot interleave with another examprep writing the same file.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")  # a full disk may refuse the commit itself
        except BaseException:
            if self._db.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                    self._db.execute("ROLLBACK")
            raise

    # -- writes the disk or the lock may refuse -----------------------------------------------
    def _write(self, action: Callable[[], object]) -> bool:
        """Run `action` in its own transaction after any writes still waiting, or keep it to retry.

        Returns False (and tells `on_problem`) when the disk is full, the file read-only or the lock
        held too long: the write stays in memory, in order, and `flush` tries again.
        """
        self._pending.append(action)
        return self.flush()

    def flush(self) -> bool:
        """Try the writes kept in memory again, oldest first; True when none is left."""
        while self._pending:
            try:
                with self._transaction():
                    self._pending[0]()
            except sqlite3.OperationalError as err:
                self.problem = unreachable_reason(self.path, err)
                if self.on_problem is not None:
                    self.on_problem(self.problem)
                return False
            self._pending.popleft()
        self.problem = None
        return True

    @property
    def pending(self) -> int:
        """Writes kept in memory because the disk or the lock refused them."""
        return len(self._pending)

    # -- answers -----------------------------------------------------------------------------
    def record_answer(self, record: AnswerRecord) -> bool:
        """Keep one answer and update its question's schedule and 错题本 state, in one commit
        (the answer and its question's progress, or neither). False: kept in memory for `flush`."""
        return self._write(lambda: self._record(record))

    def _record(self, record: AnswerRecord) -> QuestionProgress:
        previous = self._progress_row(record.question_id)
        progress = _fold(previous, record)
        kind = NEW if previous is None else previous.card.state
        self._db.execute(
            "INSERT INTO answers (question_id, answered_at, day, score, max, correct, answer,"
            " mode, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.question_id, _stamp(record.answered_at), record.day, record.score,
             record.max, int(record.correct), record.answer, record.mode, kind),
        )
        self._write_progress(progress)
        return progress

    def answers(self, question_id: str | None = None, since_day: str | None = None) -> list[StoredAnswer]:
        sql = "SELECT * FROM answers"
        where, params = [], []
        if question_id is not None:
            where.append("question_id = ?")
            params.append(question_id)
        if since_day is not None:
            where.append("day >= ?")
            params.append(since_day)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return [_stored_answer(r) for r in rows]

    def answer_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def totals_by_question(self) -> dict[str, tuple[int, int]]:
        """question id -> (answers, correct answers)."""
        rows = self._db.execute(
            "SELECT question_id, COUNT(*), SUM(correct) FROM answers GROUP BY question_id"
        )
        return {q: (n, int(c or 0)) for q, n, c in rows}

    def totals_by_day(self, since_day: str) -> dict[str, tuple[int, int]]:
        """local ISO date -> (answers, correct answers), from `since_day` on."""
        rows = self._db.execute(
            "SELECT day, COUNT(*), SUM(correct) FROM answers WHERE day >= ? GROUP BY day", (since_day,)
        )
        return {d: (n, int(c or 0)) for d, n, c in rows}

    def review_outcomes(self, since_day: str) -> tuple[int, int]:
        """(reviews, correct) among answers to questions already in review, from `since_day` on:
        the measured retention."""
        from .scheduler import REVIEW

        n, c = self._db.execute(
            "SELECT COUNT(*), SUM(correct) FROM answers WHERE day >= ? AND kind = ?", (since_day, REVIEW)
        ).fetchone()
        return n, int(c or 0)

    # -- per-question progress ----------------------------------------------------------------
    def progress(self) -> dict[str, QuestionProgress]:
        rows = self._db.execute("SELECT * FROM progress").fetchall()
        return {r["question_id"]: _progress_from_row(r) for r in rows}

    def due_ids(self, until: datetime) -> set[str]:
        rows = self._db.execute("SELECT question_id FROM progress WHERE due <= ?", (_stamp(until),))
        return {r[0] for r in rows}

    def mistake_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT question_id FROM progress WHERE in_book = 1")}

    def seen_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT question_id FROM progress")}

    def _progress_row(self, question_id: str) -> QuestionProgress | None:
        row = self._db.execute("SELECT * FROM progress WHERE question_id = ?", (question_id,)).fetchone()
        return _progress_from_row(row) if row else None

    def _write_progress(self, p: QuestionProgress) -> None:
        c, m = p.card, p.mistakes
        self._db.execute(
            "INSERT OR REPLACE INTO progress VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p.question_id, _stamp(c.due), c.state, c.step, c.stability, c.difficulty,
             _stamp(c.last_review), c.reviews, c.lapses, int(m.in_book), m.wrong_count,
             m.last_wrong_day, json.dumps(list(m.correct_days)), p.last_fraction, p.last_answer),
        )

    def rebuild_progress(self) -> None:
        """Fold every answer again (after the scheduler changed), in one transaction."""
        with self._transaction():
            self._db.execute("DELETE FROM progress")
            current: dict[str, QuestionProgress] = {}
            for row in self._db.execute("SELECT * FROM answers ORDER BY id").fetchall():
                a = _stored_answer(row)
                record = AnswerRecord(a.question_id, a.answered_at, a.score, a.max, a.correct,
                                      a.answer, a.mode)
                current[a.question_id] = _fold(current.get(a.question_id), record, day=a.day)
            for p in current.values():
                self._write_progress(p)
            self._set("scheduler_version", SCHEDULER_VERSION)

    # -- favourites (收藏) ---------------------------------------------------------------------
    def favourites(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT question_id FROM favourites ORDER BY added_at")]

    def is_favourite(self, question_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM favourites WHERE question_id = ?", (question_id,))
        return row.fetchone() is not None

    def set_favourite(self, question_id: str, on: bool, now: datetime | None = None) -> bool:
        stamp = _stamp(now or now_utc())

        def write():
            if on:
                self._db.execute("INSERT OR IGNORE INTO favourites VALUES (?, ?)", (question_id, stamp))
            else:
                self._db.execute("DELETE FROM favourites WHERE question_id = ?", (question_id,))
        return self._write(write)

    # -- small settings, e.g. where the candidate left off ------------------------------------
    def get_setting(self, key: str, default=None):
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value) -> bool:
        return self._write(lambda: self._set(key, value))

    def _set(self, key: str, value) -> None:
        if value is None:
            self._db.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self._db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)",
                             (key, json.dumps(value, ensure_ascii=False)))

    # -- mock exams ---------------------------------------------------------------------------
    def start_exam(self, blueprint: str, title: str, seed: int, variant: str,
                   started_at: datetime, duration_s: int) -> int:
        """The new exam's id. Raises StoreWriteError when it cannot be written now (an exam
        needs its row before its first answer)."""
        try:
            if not self.flush():
                raise StoreWriteError(self.problem)
            with self._transaction():
                cur = self._db.execute(
                    "INSERT INTO exams (blueprint, title, seed, variant, started_at, duration_s)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (blueprint, title, seed, variant, _stamp(started_at), duration_s),
                )
        except sqlite3.OperationalError as err:
            raise StoreWriteError(unreachable_reason(self.path, err)) from err
        assert cur.lastrowid is not None  # an INSERT gives the row an id
        return cur.lastrowid

    def save_exam_answer(self, exam_id: int, question_id: str, answer: str | None) -> bool:
        return self._write(lambda: self._save_exam_answer(exam_id, question_id, answer))

    def _save_exam_answer(self, exam_id: int, question_id: str, answer: str | None) -> None:
        if answer is None:
            self._db.execute("DELETE FROM exam_answers WHERE exam_id = ? AND question_id = ?",
                             (exam_id, question_id))
        else:
            self._db.execute("INSERT OR REPLACE INTO exam_answers VALUES (?, ?, ?)",
                             (exam_id, question_id, answer))

    def exam_answers(self, exam_id: int) -> dict[str, str]:
        rows = self._db.execute("SELECT question_id, answer FROM exam_answers WHERE exam_id = ?", (exam_id,))
        return {q: a for q, a in rows}

    def finish_exam(self, exam_id: int, submitted_at: datetime, score: float, max_score: float,
                    records: Iterable[AnswerRecord] = ()) -> bool:
        """Close an exam and count its answers towards the schedule, all in one commit."""
        records = tuple(records)

        def write():
            self._db.execute("UPDATE exams SET submitted_at = ?, score = ?, max = ? WHERE id = ?",
                             (_stamp(submitted_at), score, max_score, exam_id))
            for record in records:
                self._record(record)
        return self._write(write)

    def abandon_exam(self, exam_id: int, when: datetime) -> bool:
        """Close an exam that cannot be sat or resumed (its blueprint left the bank, or its paper
        cannot be drawn); no score."""
        stamp = _stamp(when)
        return self._write(
            lambda: self._db.execute("UPDATE exams SET submitted_at = ? WHERE id = ?", (stamp, exam_id)))

    def exams(self) -> list[ExamRecord]:
        rows = self._db.execute("SELECT * FROM exams ORDER BY id").fetchall()
        return [_exam_record(r) for r in rows]

    def unfinished_exam(self) -> ExamRecord | None:
        row = self._db.execute(
            "SELECT * FROM exams WHERE submitted_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return _exam_record(row) if row else None

    def close(self) -> None:
        self._db.close()


def _fold(previous: QuestionProgress | None, record: AnswerRecord, day: str | None = None) -> QuestionProgress:
    card = next_state(previous.card if previous else None, Review(record.answered_at, record.fraction))
    mistakes = next_mistake_state(previous.mistakes if previous else None,
                                  Outcome(day or record.day, record.correct))
    return QuestionProgress(record.question_id, card, mistakes, record.fraction, record.answer)


def _progress_from_row(r: sqlite3.Row) -> QuestionProgress:
    card = CardState(
        due=_moment(r["due"]), state=r["state"], step=r["step"], stability=r["stability"],
        difficulty=r["difficulty"], last_review=_moment(r["last_review"]), reviews=r["reviews"],
        lapses=r["lapses"],
    )
    mistakes = MistakeState(bool(r["in_book"]), r["wrong_count"], r["last_wrong_day"],
                            tuple(json.loads(r["correct_days"])))
    return QuestionProgress(r["question_id"], card, mistakes, r["last_fraction"], r["last_answer"])


def _stored_answer(r: sqlite3.Row) -> StoredAnswer:
    return StoredAnswer(r["id"], r["question_id"], _moment(r["answered_at"]), r["day"], r["score"],
                        r["max"], bool(r["correct"]), r["answer"], r["mode"], r["kind"])


def _exam_record(r: sqlite3.Row) -> ExamRecord:
    return ExamRecord(r["id"], r["blueprint"], r["title"], r["seed"], r["variant"],
                      _moment(r["started_at"]), r["duration_s"],
                      _moment(r["submitted_at"]) if r["submitted_at"] else None, r["score"], r["max"])


# -- opening ------------------------------------------------------------------------------------
def _connect(target: Path | str, uri: bool = False) -> sqlite3.Connection:
    # Autocommit mode: every transaction is opened explicitly by ProgressStore._transaction.
    db = sqlite3.connect(str(target), timeout=5, isolation_level=None, uri=uri)
    db.row_factory = sqlite3.Row
    return db


class _DamagedFile(sqlite3.DatabaseError):
    """SQLite's own integrity check found the file damaged."""


class _NewerFile(Exception):
    def __init__(self, version: int):
        self.version = version


def _check(db: sqlite3.Connection) -> int:
    """The file's format version, after SQLite's integrity check; raises _DamagedFile or _NewerFile."""
    result = db.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise _DamagedFile(f"integrity check failed: {result[0] if result else 'no answer'}")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _NewerFile(version)
    return version


def _prepare(db: sqlite3.Connection) -> None:
    """Check the file is a healthy progress file and bring its tables up to date, writing nothing
    when it is already so (a full disk can still be read)."""
    version = _check(db)
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode=WAL")
    # FULL: each commit reaches the disk, not only the OS, so even a power cut keeps the answer.
    db.execute("PRAGMA synchronous=FULL")
    if version != SCHEMA_VERSION:
        db.executescript(_SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
    os.replace(path, aside)
    for extra in ("-wal", "-shm"):  # the journal belongs to the broken file, not to the fresh one
        side = Path(str(path) + extra)
        if side.exists():
            os.replace(side, Path(str(aside) + extra))
    return aside


def _not_a_folder(data_dir: Path) -> StoreError | None:
    if data_dir.exists() and not data_dir.is_dir():
        return StoreError(f"数据文件夹 {data_dir} 不是文件夹（--data 应指向一个文件夹）。")
    return None


def _newer(path: Path, err: _NewerFile) -> StoreError:
    return StoreError(f"进度文件 {path} 由更新版本的 examprep 写入（格式版本 {err.version}），请升级 examprep。")


def open_store(data_dir: Path, now: datetime | None = None) -> tuple[ProgressStore, str | None]:
    """The store in `data_dir`, and a notice for the candidate when a broken file was moved aside.

    Raises StoreError when the folder or file can be neither used nor replaced, or cannot be
    reached just now (a full disk, a read-only folder, a held lock): then the file is left as it is.
    """
    data_dir = Path(data_dir)
    problem = _not_a_folder(data_dir)
    if problem is not None:
        raise problem
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"无法创建数据文件夹 {data_dir}：{err.strerror or err}") from err
    path = data_dir / FILE_NAME
    notice = None
    db = None
    try:
        db = _connect(path)
        _prepare(db)
    except _NewerFile as err:
        if db is not None:
            db.close()
        raise _newer(path, err) from None
    except sqlite3.Error as err:
        if db is not None:
            db.close()
        if not _is_damaged(err):
            raise StoreError(f"{unreachable_reason(path, err)}，文件未作改动；请处理后重试。") from err
        try:
            aside = _move_aside(path, now or now_utc())
        except OSError as move_err:
            raise StoreError(
                f"进度文件 {path} 已损坏（{err}），也无法移开（{move_err.strerror or move_err}）。"
            ) from err
        notice = f"进度文件已损坏（{err}），已移到 {aside}，并新建了一个空的进度文件。"
        try:
            db = _connect(path)
            _prepare(db)
        except (sqlite3.Error, _NewerFile) as again:
            raise StoreError(f"无法新建进度文件 {path}：{again}") from again
    store = ProgressStore(db, path)
    if store.get_setting("scheduler_version") != SCHEDULER_VERSION:
        try:
            store.rebuild_progress()
        except sqlite3.OperationalError as err:
            store.close()
            raise StoreError(f"{unreachable_reason(path, err)}，无法更新学习进度；文件未作改动。") from err
    return store, notice


def open_store_read_only(data_dir: Path) -> ProgressStore:
    """A copy in memory of the progress file in `data_dir` (a store that writes nothing to disk),
    for reports: works on a full disk and in a read-only folder; a missing file reads as empty.

    Raises StoreError when the file is damaged (it is not moved: that is the trainer's job) or cannot
    be read.
    """
    data_dir = Path(data_dir)
    problem = _not_a_folder(data_dir)
    if problem is not None:
        raise problem
    path = data_dir / FILE_NAME
    if not path.exists():
        return open_memory_store()
    memory = _connect(":memory:")
    try:
        _copy_read_only(path, memory)
    except _NewerFile as err:
        raise _newer(path, err) from None
    except sqlite3.Error as err:
        memory.close()
        if _is_damaged(err):
            raise StoreError(f"进度文件 {path} 已损坏（{err}）；打开训练程序时会把它移开并新建。") from err
        raise StoreError(f"{unreachable_reason(path, err)}，无法读取。") from err
    memory.executescript(_SCHEMA)
    store = ProgressStore(memory, path)
    if store.get_setting("scheduler_version") != SCHEDULER_VERSION:
        store.rebuild_progress()  # in memory only
    return store


def _copy_read_only(path: Path, memory: sqlite3.Connection) -> None:
    uri = path.resolve().as_uri()
    try:
        _backup(f"{uri}?mode=ro", memory)
    except sqlite3.OperationalError as err:
        if _is_busy(err):
            raise
        # A read-only folder lacking the WAL's shared-memory file: read the file as it stands.
        _backup(f"{uri}?immutable=1", memory)


def _backup(uri: str, memory: sqlite3.Connection) -> None:
    source = _connect(uri, uri=True)
    try:
        _check(source)
        source.backup(memory)
    finally:
        source.close()


def open_memory_store() -> ProgressStore:
    """A throwaway store, for tests and previews."""
    db = _connect(":memory:")
    db.executescript(_SCHEMA)
    store = ProgressStore(db, None)
    store.set_setting("scheduler_version", SCHEDULER_VERSION)
    return store
