"""The trainer when the store refuses a write (here: another process holds the write lock): the
answer is graded and shown, kept in memory with a notice, and written once the lock is free."""

from __future__ import annotations

import sqlite3

from examprep.practice.session import DrillSession
from examprep.practice.store import FILE_NAME
from examprep.tui.screens.drill_screen import DrillScreen

from conftest import SIZE, feedback_text


async def test_a_held_lock_keeps_the_answer_and_says_so(make_app, store, data_dir):
    store._db.execute("PRAGMA busy_timeout = 50")  # the real one waits 5 s
    other = sqlite3.connect(data_dir / FILE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DrillScreen(DrillSession("drill", "练习", ["q.single", "q.judge"])))
        await pilot.pause()
        await pilot.press("b", "enter")
        await pilot.pause()
        assert feedback_text(app).startswith("✓ 正确")
        assert store.pending >= 1 and store.answer_count() == 0
        assert any("写锁" in str(n.message) and "暂存在内存中" in str(n.message)
                   for n in app._notifications)
        other.execute("ROLLBACK")
        other.close()
        app.retry_writes()
        await pilot.pause()
        assert store.pending == 0
        assert [a.question_id for a in store.answers()] == ["q.single"]
        assert any("已写入进度文件" in str(n.message) for n in app._notifications)
