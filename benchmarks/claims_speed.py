"""How fast claims are kept and listed, on the shipped bank with a large history.

    .venv/bin/python benchmarks/claims_speed.py [--answers 100000] [--claims 2000]

Builds a progress file of --answers answers spread over the bank's free-text questions (about 90
distinct texts per question), with --claims of them claimed (a missed point each), then times:
- one claim in the trainer (`Trainer.set_claims`: the claim written, the question folded again);
- a removal from the 错题本 by hand and its undo;
- `examprep claims` and `examprep claims --json` end to end (every claimed answer graded again);
- a rebuild of every schedule (`rebuild_progress`), claims and removals folded in.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
# Answers vary like real ones (a point's opening words, then something the rubric may not know), so
# that grading each distinct text once does not flatter the listing.
PHRASES = ("其他说法", "大概是这样", "要因人而异", "按规定办理", "多和客户沟通", "还要注意细节", "及时跟进")
EXAMPREP = TOP / ".venv" / "bin" / "examprep"


def build(data: Path, answers: int, claims: int) -> None:
    from examprep.content.cache import read_bank_cached
    from examprep.locations import shipped_content_dir
    from examprep.practice.records import AnswerRecord
    from examprep.practice.store import open_store

    bank, _ = read_bank_cached(shipped_content_dir(), None)
    free = [q for q in bank.questions.values() if q.is_free_text and getattr(q, "rubric", ())]
    rng = random.Random(1)
    store, _ = open_store(data)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    db = store._db
    db.execute("BEGIN")
    for i in range(answers):
        q = rng.choice(free)
        when = start + timedelta(minutes=10 * i)
        db.execute("INSERT INTO answers (account, question_id, answered_at, day, score, max, correct, answer,"
                   " mode, kind) VALUES ('', ?, ?, ?, ?, ?, 0, ?, 'drill', 0)",
                   (q.id, when.isoformat(timespec="microseconds"), when.date().isoformat(), 0.0, q.score,
                    f'"{q.rubric[i % len(q.rubric)].point[:8]}，{PHRASES[i % len(PHRASES)]}{i % 13}"'))
    ids = [r[0] for r in db.execute("SELECT id, question_id FROM answers ORDER BY random() LIMIT ?", (claims,))]
    for answer_id in ids:
        qid = db.execute("SELECT question_id FROM answers WHERE id = ?", (answer_id,)).fetchone()[0]
        point = bank.questions[qid].rubric[-1]
        db.execute("INSERT INTO claims (account, answer_id, question_id, point_id, direction, made_at, point,"
                   " grader_earned, grader_matched) VALUES ('', ?, ?, ?, 'claim', ?, ?, 0, NULL)",
                   (answer_id, qid, point.id, start.isoformat(), point.point))
    db.execute("COMMIT")
    store.rebuild_progress()
    store.record_answer(AnswerRecord(free[0].id, datetime.now(timezone.utc), 0, free[0].score, False, '"x"'))
    store.close()


def timed(fn, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=2_000)
    args = parser.parse_args()
    from examprep.content.cache import read_bank_cached
    from examprep.locations import shipped_content_dir
    from examprep.practice.store import open_store
    from examprep.practice.trainer import Trainer

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        t = time.perf_counter()
        build(data, args.answers, args.claims)
        print(f"history: {args.answers} answers, {args.claims} claims (built in {time.perf_counter() - t:.1f} s)")
        bank, _ = read_bank_cached(shipped_content_dir(), None)
        store, _ = open_store(data)
        trainer = Trainer(bank, store)
        question = next(q for q in bank.questions.values() if q.is_free_text and q.case_id)
        graded = trainer.record(question, "首先要清晰期望", "case")
        missed = [p.id for p in graded.grading.points if p.earned == 0]
        flip = [False]

        def claim():
            flip[0] = not flip[0]
            trainer.set_claims(graded, {missed[0]: flip[0]})

        med, best = timed(claim, 9)
        print(f"one claim (write + refold the question): median {med * 1000:.1f} ms, best {best * 1000:.1f} ms")

        def remove_and_undo():
            trainer.remove_from_book(question.id)
            trainer.undo_removal(question.id)

        med, best = timed(remove_and_undo, 9)
        print(f"移出 and its undo: median {med * 1000:.1f} ms, best {best * 1000:.1f} ms")
        med, best = timed(store.rebuild_progress, 3)
        print(f"rebuild every schedule: median {med:.2f} s, best {best:.2f} s")
        store.close()
        for extra in ([], ["--json"]):
            def listing(extra=extra):
                subprocess.run([str(EXAMPREP), "--data", str(data), "claims", *extra], check=True,
                               stdout=subprocess.DEVNULL)
            med, best = timed(listing, 3)
            print(f"examprep claims {' '.join(extra)}: median {med:.2f} s, best {best:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
