"""The store's schema as numbered migrations, the same list for SQLite and PostgreSQL.

A database at version N runs migrations N+1, N+2, ... in order, each in its own transaction with its
version recorded in the same commit (SQLite: the file's user_version; PostgreSQL: a row of the
`examprep_schema` table), so an interrupted upgrade leaves the last whole version and is taken up
again next time. A file from an older examprep is upgraded in place, losing nothing.

Adding a migration: append `Migration(<last version + 1>, "what and why", (statements...))` to
MIGRATIONS. Never edit or renumber one already on main (databases out there have run it). Write
portable SQL: `?` placeholders, TEXT / INTEGER / BIGINT / DOUBLE PRECISION (never REAL: that is
4 bytes in PostgreSQL), `{id}` for an autoincrement integer primary key, `account TEXT NOT NULL` on
every row a candidate owns, `ALTER TABLE ... ADD COLUMN` for new columns (with a DEFAULT when NOT
NULL); to change a primary key, build the new table, copy, drop the old and rename (as 2 does). A
step may also be a function of the engine, for data changes SQL alone cannot say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .engines import Engine

Step = str | Callable[[Engine], None]


@dataclass(frozen=True)
class Migration:
    version: int
    title: str
    steps: tuple[Step, ...]


def _rebuild(table: str, columns: str, keys: str, copied: str) -> tuple[str, ...]:
    """Give `table` the account column as the first part of its primary key, keeping every row
    (they belong to the terminal's local account, '')."""
    new = f"{table}_v2"
    return (
        f"CREATE TABLE {new} (account TEXT NOT NULL, {columns}, PRIMARY KEY (account, {keys}))",
        f"INSERT INTO {new} (account, {copied}) SELECT '', {copied} FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {new} RENAME TO {table}",
    )


_PROGRESS_COLUMNS = """question_id TEXT NOT NULL,
    due TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability DOUBLE PRECISION NOT NULL,
    difficulty DOUBLE PRECISION NOT NULL,
    last_review TEXT NOT NULL,
    reviews INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    in_book INTEGER NOT NULL,
    wrong_count INTEGER NOT NULL,
    last_wrong_day TEXT,
    correct_days TEXT NOT NULL,
    last_fraction DOUBLE PRECISION NOT NULL,
    last_answer TEXT"""
_PROGRESS_NAMES = ("question_id, due, state, step, stability, difficulty, last_review, reviews, lapses,"
                   " in_book, wrong_count, last_wrong_day, correct_days, last_fraction, last_answer")

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "the single-user progress file (answers, progress, favourites, settings, exams)", (
        """CREATE TABLE IF NOT EXISTS answers (
            id {id},
            question_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            day TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            max DOUBLE PRECISION NOT NULL,
            correct INTEGER NOT NULL,
            answer TEXT NOT NULL,
            mode TEXT NOT NULL,
            kind INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id, id)",
        "CREATE INDEX IF NOT EXISTS answers_by_day ON answers (day)",
        f"CREATE TABLE IF NOT EXISTS progress ({_PROGRESS_COLUMNS}, PRIMARY KEY (question_id))",
        "CREATE TABLE IF NOT EXISTS favourites (question_id TEXT PRIMARY KEY, added_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS exams (
            id {id},
            blueprint TEXT NOT NULL,
            title TEXT NOT NULL,
            seed BIGINT NOT NULL,
            variant TEXT NOT NULL,
            started_at TEXT NOT NULL,
            duration_s INTEGER NOT NULL,
            submitted_at TEXT,
            score DOUBLE PRECISION,
            max DOUBLE PRECISION)""",
        """CREATE TABLE IF NOT EXISTS exam_answers (
            exam_id BIGINT NOT NULL,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (exam_id, question_id))""",
    )),
    Migration(2, "every progress row carries its account ('' is the terminal's local account)", (
        "ALTER TABLE answers ADD COLUMN account TEXT NOT NULL DEFAULT ''",
        "DROP INDEX answers_by_question",
        "CREATE INDEX answers_by_account_question ON answers (account, question_id, id)",
        "CREATE INDEX answers_by_account_day ON answers (account, day)",
        *_rebuild("progress", _PROGRESS_COLUMNS, "question_id", _PROGRESS_NAMES),
        *_rebuild("favourites", "question_id TEXT NOT NULL, added_at TEXT NOT NULL", "question_id",
                  "question_id, added_at"),
        *_rebuild("settings", "key TEXT NOT NULL, value TEXT NOT NULL", "key", "key, value"),
        "ALTER TABLE exams ADD COLUMN account TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX exams_by_account ON exams (account, id)",
        "ALTER TABLE exam_answers ADD COLUMN account TEXT NOT NULL DEFAULT ''",
    )),
    Migration(3, "accounts (hashed passwords, roles) and failed-login counters shared by every server", (
        """CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            must_change INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            password_set_at TEXT NOT NULL)""",
        """CREATE TABLE login_failures (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            failures INTEGER NOT NULL,
            first_at TEXT NOT NULL,
            locked_until TEXT,
            PRIMARY KEY (scope, key))""",
    )),
    Migration(4, "claims on rubric points (kept with their answer, which counts at its corrected score)"
                 " and removals from the 错题本 by hand, folded with the answers", (
        "ALTER TABLE answers ADD COLUMN claimed_score DOUBLE PRECISION",
        """CREATE TABLE claims (
            id {id},
            account TEXT NOT NULL,
            answer_id BIGINT NOT NULL,
            question_id TEXT NOT NULL,
            point_id TEXT NOT NULL,
            direction TEXT NOT NULL,
            made_at TEXT NOT NULL,
            point TEXT NOT NULL,
            grader_earned DOUBLE PRECISION NOT NULL,
            grader_matched TEXT,
            UNIQUE (answer_id, point_id))""",
        "CREATE INDEX claims_by_account_question ON claims (account, question_id, point_id)",
        "CREATE INDEX claims_by_question ON claims (question_id, point_id)",
        """CREATE TABLE book_removals (
            id {id},
            account TEXT NOT NULL,
            question_id TEXT NOT NULL,
            removed_at TEXT NOT NULL,
            day TEXT NOT NULL,
            after_answer BIGINT NOT NULL)""",
        "CREATE INDEX book_removals_by_account_question ON book_removals (account, question_id, id)",
    )),
    Migration(5, "mock-exam history: the pass mark each exam was sat under and its marks per section", (
        "ALTER TABLE exams ADD COLUMN pass_mark DOUBLE PRECISION",
        """CREATE TABLE exam_sections (
            account TEXT NOT NULL,
            exam_id BIGINT NOT NULL,
            section_no INTEGER NOT NULL,
            title TEXT NOT NULL,
            earned DOUBLE PRECISION NOT NULL,
            marks DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (exam_id, section_no))""",
        "CREATE INDEX exam_sections_by_account ON exam_sections (account, exam_id)",
    )),
    Migration(6, "背题 (study mode): questions seen with their answer shown, kept apart from the answers"
                 " (seen, not reviewed: they never touch the schedule)", (
        """CREATE TABLE study_views (
            id {id},
            account TEXT NOT NULL,
            question_id TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            day TEXT NOT NULL)""",
        "CREATE INDEX study_views_by_account_question ON study_views (account, question_id)",
    )),
    Migration(7, "failed logins: when the latest one was, so a count is forgotten only after a quiet window", (
        "ALTER TABLE login_failures ADD COLUMN last_at TEXT",
    )),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


class NewerSchema(Exception):
    """The database was written by a newer examprep (its version is past the last migration)."""

    def __init__(self, version: int):
        self.version = version


def check_version(engine: Engine) -> int:
    version = engine.read_version()
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    return version


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Bring the database up to the last migration; returns how many ran (0: nothing written)."""
    check_version(engine)
    ran = 0
    for migration in migrations:
        if engine.read_version() >= migration.version:
            continue
        engine.begin_migration()
        try:
            # Read again under the lock: another process may have run it meanwhile.
            current = engine.read_version()
            if current > SCHEMA_VERSION:
                raise NewerSchema(current)
            if current < migration.version:
                for step in migration.steps:
                    if callable(step):
                        step(engine)
                    else:
                        engine.execute(step.replace("{id}", engine.id_column()))
                engine.write_version(migration.version, migration.title)
                ran += 1
            engine.commit()
        except BaseException:
            engine.rollback()
            raise
    return ran
