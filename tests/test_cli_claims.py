"""`examprep claims`: the candidates' claims grouped by rubric point, with the answers' text and what
the grader matched then and now, in Chinese or as JSON; the progress file is only read."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from examprep.cli import main
from examprep.content import read_bank
from examprep.practice.store import FILE_NAME, open_store
from examprep.practice.trainer import Trainer

from test_practice_fixtures import write_sample_root

T0 = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)  # 10:00 in China


@pytest.fixture()
def claimed(tmp_path):
    """A content root and a data folder where two accounts claimed points."""
    root = write_sample_root(tmp_path / "content")
    bank, problems = read_bank(root)
    assert not problems
    data = tmp_path / "data"
    for account, answer, view, minutes in (
            ("", "企业决策，XY法", {"classify": True}, 0),
            ("c001", "XY法的依据，企业决策", {"classify": True, "decision": False}, 5)):
        store, _ = open_store(data, account=account)
        trainer = Trainer(bank, store, lambda m=minutes: T0 + timedelta(minutes=m))
        trainer.set_claims(trainer.record(bank.questions["q.recall"], answer, "drill"), view)
        store.close()
    return root, data


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_claims_are_listed_by_point_with_the_answers(capsys, claimed):
    root, data = claimed
    before = (data / FILE_NAME).read_bytes()
    code, out, _ = run(capsys, "claims", "--content", str(root), "--data", str(data))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("共 3 条申诉，涉及 1 道题")
    assert "q.recall  请写出客户信息的重要性。（3 条）" in lines
    decision = lines.index("  要点 decision：客户信息是企业决策的基础")
    classify = lines.index("  要点 classify：客户信息是客户分类的基础")
    assert decision < classify  # in the rubric's order
    assert lines[classify + 1] == "    申诉得分 2 条"
    assert lines[decision + 1] == "    认为不应得分 1 条"
    assert "      答案：企业决策，XY法" in lines and "      答案：XY法的依据，企业决策" in lines
    assert any("认为不应得分  考生 c001  评分 1/3 分，考生认为 1 分" in line for line in lines)
    assert "      评分当时：已得「企业决策」；现在：已得「企业决策」" in lines
    assert lines.count("      评分当时：未得；现在：未得") == 2
    assert (data / FILE_NAME).read_bytes() == before  # only read


def test_json_keys_and_one_question(capsys, claimed):
    root, data = claimed
    code, out, _ = run(capsys, "claims", "--content", str(root), "--data", str(data), "--json",
                       "--question", "q.recall")
    assert code == 0
    report = json.loads(out)
    assert report["claims"] == 3
    [question] = report["questions"]
    assert (question["question"], question["in_bank"]) == ("q.recall", True)
    classify = next(p for p in question["points"] if p["id"] == "classify")
    assert (classify["claims"], classify["concedes"], classify["settled"]) == (2, 0, 0)
    first = classify["answers"][0]
    assert set(first) == {"answer_id", "account", "direction", "answer", "answered_at", "claimed_at", "score",
                          "max", "claimed_score", "grader_earned", "grader_matched", "now_earned",
                          "now_matched", "settled"}
    assert (first["account"], first["direction"], first["answer"], first["score"], first["claimed_score"]) == (
        "", "claim", "企业决策，XY法", 1.0, 2.0)
    assert first["grader_earned"] is False and first["now_earned"] is False


def test_no_claims_and_an_unknown_question(capsys, claimed, tmp_path):
    root, data = claimed
    code, out, _ = run(capsys, "claims", "--content", str(root), "--data", str(tmp_path / "empty"))
    assert code == 0 and out.startswith("还没有申诉记录")
    code, out, _ = run(capsys, "claims", "--content", str(root), "--data", str(data), "--question", "q.short")
    assert code == 0 and out.strip() == "题目 q.short 还没有申诉记录。"
    code, _, err = run(capsys, "claims", "--content", str(root), "--data", str(data), "--question", "q.recal")
    assert code == 1 and "未知的题目 'q.recal'" in err and "q.recall" in err
    assert not (tmp_path / "empty").exists()  # reading made no folder
