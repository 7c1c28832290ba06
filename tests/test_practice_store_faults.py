"""The progress store under faults: a full disk, a held write lock, a read-only folder. Only a file
SQLite reports as damaged is moved aside; refused writes wait in memory and are written later."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import contextmanager
from datetime import datetime, timezone

import pytest

from examprep.commands.app import close_store
from examprep.practice.records import AnswerRecord
from examprep.practice.store import (FILE_NAME, StoreError, StoreWriteError, open_store,
                                     open_store_read_only)

T0 = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


def answer(qid: str, text: str = '"B"') -> AnswerRecord:
    return AnswerRecord(qid, T0, 1.0, 1.0, True, text, "drill")


def cap_size(store) -> None:
    """SQLite's own "database or disk is full": no page may be added to the file."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def uncap(store) -> None:
    store._db.execute("PRAGMA max_page_count = 1073741823")


def fill_one_page(store) -> None:
    # Answers big enough that the next one needs a new page whatever the free space left.
    for i in range(3):
        store.record_answer(answer(f"q.fill{i}", "x" * 3000))


def test_a_full_disk_keeps_the_answer_in_memory_until_there_is_room(tmp_path):
    store, _ = open_store(tmp_path)
    told = []
    store.on_problem = told.append
    cap_size(store)
    assert store.record_answer(answer("q.a", "y" * 5000)) is False
    assert store.set_favourite("q.a", True) is False  # later writes queue behind it, in order
    assert store.pending == 2
    assert told and "磁盘已满" in told[-1] and "磁盘已满" in store.problem
    assert store.answer_count() == 0
    uncap(store)
    assert store.flush() is True
    assert store.pending == 0 and store.problem is None
    assert [a.question_id for a in store.answers()] == ["q.a"]
    assert store.favourites() == ["q.a"]
    store.close()


def test_an_exam_cannot_start_while_writes_wait(tmp_path):
    store, _ = open_store(tmp_path)
    cap_size(store)
    store.record_answer(answer("q.a", "y" * 5000))
    with pytest.raises(StoreWriteError, match="磁盘已满"):
        store.start_exam("primary-mock", "模拟", 1, "A", T0, 60)
    assert store.exams() == []
    store.close()


def test_a_held_write_lock_keeps_the_answer_in_memory(tmp_path):
    store, _ = open_store(tmp_path)
    store._db.execute("PRAGMA busy_timeout = 50")  # the real one waits 5 s
    other = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    assert store.record_answer(answer("q.a")) is False
    assert "写锁" in store.problem
    other.execute("ROLLBACK")
    other.close()
    assert store.flush() is True
    assert store.answer_count() == 1
    store.close()


def test_closing_with_writes_still_refused_says_so(tmp_path, capsys):
    store, _ = open_store(tmp_path)
    cap_size(store)
    store.record_answer(answer("q.a", "y" * 5000))
    assert close_store(store) is False
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "1 条记录未能保存" in err
    store, notice = open_store(tmp_path)  # the file itself is healthy
    assert notice is None and store.answer_count() == 0
    store.close()


def test_data_naming_a_file_is_an_error(tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(StoreError, match="不是文件夹"):
        open_store(target)
    with pytest.raises(StoreError, match="不是文件夹"):
        open_store_read_only(target)


def test_reading_a_damaged_file_leaves_it_where_it_is(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database" * 300)
    with pytest.raises(StoreError, match="已损坏"):
        open_store_read_only(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_reading_writes_nothing(tmp_path):
    store, _ = open_store(tmp_path)
    store.record_answer(answer("q.a"))
    store.close()
    before = (tmp_path / FILE_NAME).read_bytes()
    reader = open_store_read_only(tmp_path)
    assert reader.answer_count() == 1
    reader.record_answer(answer("q.b"))  # a copy in memory: nothing reaches the file
    reader.close()
    assert (tmp_path / FILE_NAME).read_bytes() == before
    empty = open_store_read_only(tmp_path / "nothing-yet")
    assert empty.answer_count() == 0
    assert not (tmp_path / "nothing-yet").exists()


# -- a real full disk and a real read-only folder: a 1 MiB tmpfs (needs root, as CI has) ----------
@contextmanager
def mounted(point, *options):
    point.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(("size=1m", *options)), "tmpfs",
                           str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def fill_disk(point) -> None:
    subprocess.run(["dd", "if=/dev/zero", f"of={point / 'filler'}", "bs=4k"], capture_output=True)


def store_with_one_answer(folder) -> None:
    store, _ = open_store(folder)
    store.record_answer(answer("q.a"))
    store.close()


def test_a_full_disk_is_not_taken_for_corruption(tmp_path):
    with mounted(tmp_path / "disk") as disk:
        store_with_one_answer(disk)
        fill_disk(disk)
        reader = open_store_read_only(disk)  # what `examprep stats` opens
        assert reader.answer_count() == 1
        reader.close()
        try:
            store, notice = open_store(disk)  # the trainer: may open, or refuse with a message
        except StoreError as err:
            assert "未作改动" in str(err)
        else:
            assert notice is None and store.answer_count() == 1
            store.close()
        assert not [p for p in disk.iterdir() if ".corrupt-" in p.name]
        (disk / "filler").unlink()
        store, notice = open_store(disk)
        assert notice is None and store.answer_count() == 1
        store.close()


def test_a_read_only_folder_can_be_read(tmp_path):
    with mounted(tmp_path / "disk") as disk:
        store_with_one_answer(disk)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        reader = open_store_read_only(disk)
        assert reader.answer_count() == 1
        reader.close()
        try:
            store, _ = open_store(disk)
        except StoreError as err:
            assert "未作改动" in str(err)
        else:
            assert store.record_answer(answer("q.b")) is False
            assert "只读" in store.problem
            store.close()
        assert sorted(p.name for p in disk.iterdir()) == [FILE_NAME]


def test_the_trainer_cannot_make_a_file_in_a_read_only_folder(tmp_path):
    with mounted(tmp_path / "disk", "ro") as disk:
        with pytest.raises(StoreError, match="未作改动"):
            open_store(disk)
