"""The trainer and `stats` open the store `--db` or EXAMPREP_DB names (SQLite or PostgreSQL), and the
data folder's file when neither is given, exactly as before."""

from __future__ import annotations

import pytest

from examprep.cli import main
from examprep.practice.records import AnswerRecord
from examprep.practice.store import LOCAL_ACCOUNT, open_store
from examprep.tui.app import ExamPrepApp

from conftest import T0
from test_practice_fixtures import write_sample_root


@pytest.fixture()
def root(tmp_path):
    return write_sample_root(tmp_path / "content")


@pytest.fixture()
def opened(monkeypatch):
    seen = []
    monkeypatch.setattr(ExamPrepApp, "run", lambda self: seen.append(
        (self.trainer.store.account, self.trainer.store.engine, self.trainer.store.answer_count())))
    return seen


def db_args(where) -> list[str]:
    return ["--db", where] if isinstance(where, str) else ["--data", str(where)]


def test_the_trainer_and_stats_use_the_named_store(store_where, root, capsys, opened):
    store, _ = open_store(store_where)
    store.record_answer(AnswerRecord("q.single", T0, 1, 1, True, '"B"'))
    store.close()
    assert main(["--content", str(root), *db_args(store_where), "stats"]) == 0
    out = capsys.readouterr().out
    assert "共作答 1 次，正确率 100%" in out
    assert main(["--content", str(root), *db_args(store_where), "drill"]) == 0
    engine = "postgresql" if isinstance(store_where, str) else "sqlite"
    assert opened == [(LOCAL_ACCOUNT, engine, 1)]


def test_the_variable_names_the_store_when_no_option_does(postgres_url, root, tmp_path, capsys, monkeypatch):
    store, _ = open_store(postgres_url)
    store.record_answer(AnswerRecord("q.single", T0, 0, 1, False, '"A"'))
    store.close()
    monkeypatch.setenv("EXAMPREP_DB", postgres_url)
    assert main(["--content", str(root), "--data", str(tmp_path / "unused"), "stats"]) == 0
    out = capsys.readouterr().out
    assert "共作答 1 次，正确率 0%" in out and "127.0.0.1" in out
    assert not (tmp_path / "unused").exists()
