"""The store on both engines: two sessions of one candidate writing at once lose no answer; on
PostgreSQL a held lock or a lost connection keeps the answer in memory until it can be written;
without psycopg and argon2 installed the terminal's store and every module work as before."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import pytest

from examprep.practice.engines import account_lock, describe_url
from examprep.practice.migrations import SCHEMA_VERSION
from examprep.practice.records import AnswerRecord
from examprep.practice.store import StoreError, open_store

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


def answer(qid: str) -> AnswerRecord:
    return AnswerRecord(qid, T0, 1.0, 1.0, True, '"B"', "drill")


WRITER = """
import sys
from datetime import datetime, timezone
from examprep.practice.records import AnswerRecord
from examprep.practice.store import open_store
where, me, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store, _ = open_store(where, account="c001")
print("ready", flush=True)
sys.stdin.readline()  # both sessions start writing together
for i in range(count):
    ok = store.record_answer(AnswerRecord(f"q.{i % 5}", datetime.now(timezone.utc), i % 2, 1, i % 2 == 1,
                                          f'"{me}-{i}"', "drill"))
    assert ok, store.problem
store.close()
"""


def test_two_sessions_of_one_candidate_at_once_lose_no_answer(store_where):
    count = 60
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(store_where), name, str(count)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for name in "ab"]
    for w in writers:
        assert w.stdout.readline().strip() == "ready"
    for w in writers:
        w.stdin.write("go\n")
        w.stdin.flush()
    for w in writers:
        assert w.wait(timeout=60) == 0
    store, _ = open_store(store_where, account="c001")
    given = sorted(a.answer for a in store.answers())
    assert given == sorted(f'"{me}-{i}"' for me in "ab" for i in range(count))
    # each question's cached schedule is the fold of all its answers in the order they were stored
    folded = store.progress()
    assert sum(p.card.reviews for p in folded.values()) == 2 * count
    store.rebuild_progress()
    assert store.progress() == folded
    store.close()


def test_a_held_lock_keeps_the_answer_in_memory_on_postgres(postgres_url):
    import psycopg

    store, _ = open_store(postgres_url, account="c001")
    store._db.execute("SET lock_timeout = 50")  # the real one waits 5 s
    other = psycopg.connect(postgres_url, autocommit=True)
    other.execute("BEGIN")
    other.execute(f"SELECT {account_lock('c001')}")
    told = []
    store.on_problem = told.append
    assert store.record_answer(answer("q.a")) is False
    assert store.pending == 1 and "等待锁超时" in store.problem and told
    other.execute("ROLLBACK")
    other.close()
    assert store.flush() is True
    assert store.answer_count() == 1
    store.close()


def test_a_lost_connection_keeps_the_answer_and_reconnects(postgres_url):
    import psycopg

    store, _ = open_store(postgres_url, account="c001")
    store.record_answer(answer("q.a"))
    pid = store._db.info.backend_pid
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    assert store.record_answer(answer("q.b")) is False
    assert "连接已断开" in store.problem
    assert store.flush() is True  # a new connection
    assert [a.question_id for a in store.answers()] == ["q.a", "q.b"]
    store.close()


def test_a_database_from_a_newer_examprep_is_refused(postgres_url):
    store, _ = open_store(postgres_url)
    store._db.execute("INSERT INTO examprep_schema (version, title) VALUES (%s, 'future')", (SCHEMA_VERSION + 5,))
    store.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(postgres_url)


def test_a_server_out_of_reach_is_said_without_the_password():
    url = "postgresql://someone:hunter2@127.0.0.1:1/nothing"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "无法连接数据库" in str(caught.value) and "hunter2" not in str(caught.value)
    assert describe_url(url) == "postgresql://someone:***@127.0.0.1:1/nothing"


WITHOUT_EXTRAS = """
import importlib, pkgutil, sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("psycopg", "psycopg_binary", "argon2"):
            raise ImportError(f"{name} is not installed")

sys.meta_path.insert(0, Refuse())
import examprep
for info in pkgutil.walk_packages(examprep.__path__, "examprep."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)  # no module needs them to load
from datetime import datetime, timezone
from examprep.practice.records import AnswerRecord
from examprep.practice.store import StoreError, open_store, open_store_read_only
from examprep.practice.accounts import AccountError, Accounts
store, _ = open_store(sys.argv[1])
store.record_answer(AnswerRecord("q.a", datetime.now(timezone.utc), 1, 1, True, '"B"'))
store.close()
assert open_store_read_only(sys.argv[1]).answer_count() == 1
try:
    open_store("postgresql://127.0.0.1/x")
except StoreError as err:
    print(err)
from examprep.practice.store import open_database
try:
    Accounts(open_database(sys.argv[1])[0]).add("c001", "张三")
except AccountError as err:
    print(err)
assert not [m for m in sys.modules if m.split(".")[0] in ("psycopg", "argon2")]
"""


def test_the_terminal_store_works_without_psycopg_and_argon2(tmp_path):
    done = subprocess.run([sys.executable, "-c", WITHOUT_EXTRAS, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert said == ["使用 PostgreSQL（postgresql://127.0.0.1/x）需要 psycopg：pip install 'examprep[serve]'",
                    "账户功能需要 argon2-cffi：pip install 'examprep[serve]'"]
