"""Generate a large content root (1,000 points, 5,000 questions) and time loading and validating it.

Usage: python benchmarks/load_bank.py [--points 1000] [--questions 5000] [--runs 3]
The root is written to benchmarks/_generated/large-bank (ignored by git) and reused when it exists.
Target (issue 2): validate in under 3 seconds.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

import yaml

from examprep.content.loader import read_bank
from examprep.checks import validate

HERE = Path(__file__).resolve().parent
TYPES = ["single", "multiple", "judge", "order", "calc", "recall", "short"]


def _question(i: int, point_id: str, rng: random.Random) -> dict:
    qtype = TYPES[i % len(TYPES)]
    q = {"id": f"q.primary.gen.q{i}", "type": qtype, "level": "primary", "points": [point_id],
         "stem": f"第{i}题：客户信息的重要性体现在哪些方面？" * 2, "score": 2,
         "explanation": "考点：客户信息的重要性。" * 3}
    if qtype in ("single", "multiple"):
        q["options"] = {k: f"选项{k}{rng.randint(0, 999)}" for k in "ABCD"}
        q["answer"] = "B" if qtype == "single" else ["A", "C"]
    elif qtype == "judge":
        q["answer"] = bool(i % 2)
    elif qtype == "calc":
        q.update(answer=62.5, tolerance=0.1, unit="%")
    elif qtype == "order":
        q["items"] = [f"第{k}步操作{i}" for k in range(1, 6)]
    else:
        q["rubric"] = [{"id": f"r{k}", "point": f"要点{k}：客户信息是企业决策的基础",
                        "keywords": ["企业决策", f"决策依据{k}", "决策的基础"]} for k in range(4)]
        q["examples"] = [{"answer": "客户信息是企业决策的基础", "score": 0.5}]
    return q


def generate(root: Path, n_points: int, n_questions: int) -> None:
    rng = random.Random(7)
    if root.exists():
        shutil.rmtree(root)
    (root / "points" / "primary").mkdir(parents=True)
    (root / "questions").mkdir()
    (root / "cases").mkdir()
    per_file = 20
    point_ids = []
    for f in range(n_points // per_file):
        topic = f"gen{f}"
        points = []
        for k in range(per_file):
            pid = f"primary.{topic}.p{k}"
            point_ids.append(pid)
            points.append({"id": pid, "title": f"考点{f}-{k}", "items": [f"要点{j}" for j in range(4)],
                           "ordered": k % 3 == 0, "tags": ["生成"]})
        doc = {"topic": topic, "title": f"主题{f}", "level": "primary", "source": "生成", "points": points}
        (root / "points" / "primary" / f"{topic}.yaml").write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    per_qfile = 250
    for f in range(n_questions // per_qfile):
        qs = [_question(f * per_qfile + k, point_ids[(f * per_qfile + k) % len(point_ids)], rng)
              for k in range(per_qfile)]
        (root / "questions" / f"gen{f}.yaml").write_text(
            yaml.safe_dump({"questions": qs}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = HERE / "_generated" / "large-bank"
    generate(root, args.points, args.questions)
    size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
    print(f"generated {args.points} points, {args.questions} questions, {size / 1e6:.1f} MB of YAML in {root}")
    for label, fn in (("read_bank", read_bank), ("validate (incl. examples)", validate)):
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = fn(root)
            times.append(time.perf_counter() - started)
        problems = result[1] if isinstance(result, tuple) else result.problems
        print(f"{label:28s} median {statistics.median(times):.2f} s  (min {min(times):.2f}, "
              f"max {max(times):.2f}; {len(problems)} problems)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
