"""How fast the grader is: `mark` throughput, `grade` start-up, and the time to grade huge answers.

    .venv/bin/python benchmarks/grading_speed.py [--content DIR] [--answers N] [--long CHARS]

Throughput is measured in-process over the work `mark` does per line (parse the JSON line, grade,
write the JSON line out) on N distinct answers to every question of the bank, after start-up (imports
and loading the bank); the first pass, which also prepares each question's rubric, is shown apart.
Each figure is also given as a ratio to a floor measured in the same run, so that a busy machine
does not change the verdict: for marking, plain exact-substring search of every keyword on the same
lines; for start-up, `python -c "import examprep"`.
Targets (issue 14): `examprep mark` on 50,000 answers at >= 10,000 answers/s for the whole process;
`grade` start-up under 0.5 s; an answer of 1,000,000 characters of any shape in under 3 s.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from examprep.content import load_bank
from examprep.kinds import grade_answer
from examprep.papers.batch import mark_answers, read_answers
from examprep.locations import shipped_content_dir

LABELLED = Path(__file__).parent / "data" / "labelled_answers.yaml"
FILLER = ["我认为", "首先", "另外", "总之，", "在实际工作中", "比如说", "客户经理要", "这一点很重要。", "不要忘记",
          "而且", "还有就是", "所以"]


def sample_texts(bank) -> dict[str, list[str]]:
    """Answers to start from: the bank's examples and the labelled answers, by question."""
    texts: dict[str, list[str]] = {}
    for q in bank.questions.values():
        texts[q.id] = [e.answer for e in getattr(q, "examples", ())]
    if LABELLED.exists():
        for row in yaml.safe_load(LABELLED.read_text(encoding="utf-8")) or []:
            texts.setdefault(row["q"], []).append(row["a"])
    return texts


def vary(rng: random.Random, text: str) -> str:
    """A distinct answer like `text`: fillers added, a character dropped or doubled, clauses cut."""
    parts = [p for p in text.replace("；", "，").split("，") if p]
    rng.shuffle(parts)
    parts = parts[: rng.randint(1, len(parts))] if parts else [text]
    out = []
    for part in parts:
        if rng.random() < 0.3:
            out.append(rng.choice(FILLER))
        if len(part) > 4 and rng.random() < 0.2:
            i = rng.randrange(len(part))
            part = part[:i] + part[i + 1:] if rng.random() < 0.5 else part[:i] + part[i] + part[i:]
        out.append(part)
    return "，".join(out) + f"。（{rng.randrange(10**6)}）"


def objective_answer(rng: random.Random, q):
    if q.type == "fill":
        return "|".join(rng.choice(list(blank)) for blank in q.answer)
    if q.type == "single":
        return rng.choice([k for k, _ in q.options] + ["E", "b"])
    if q.type == "multiple":
        keys = [k for k, _ in q.options]
        return "".join(sorted(rng.sample(keys, rng.randint(1, len(keys)))))
    if q.type == "judge":
        return rng.choice(["对", "错", "√", "×", "true", "F"])
    if q.type == "calc":
        return f"{q.answer + rng.choice([0, 0, 1, -2.5]):g}{q.unit or ''}"
    if q.type == "fill":
        return "|".join(rng.choice(alternatives) for alternatives in q.answer)
    order = list(range(len(q.items)))
    rng.shuffle(order)
    return "".join("ABCDEFGHIJ"[i] for i in order)


def answer_lines(bank, count: int, seed: int = 7, free_text_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    texts = sample_texts(bank)
    questions = sorted((q for q in bank.questions.values() if q.is_free_text or not free_text_only),
                       key=lambda q: q.id)
    lines = []
    for i in range(count):
        q = questions[i % len(questions)]
        if q.is_free_text:
            base = rng.choice(texts.get(q.id) or [q.rubric[0].point])
            answer = vary(rng, base)
        else:
            answer = objective_answer(rng, q)
        lines.append(json.dumps({"candidate": f"C{i // 50:04d}", "question": q.id, "answer": answer},
                                ensure_ascii=False))
    return lines


def floor_pass(text: str, bank) -> float:
    """The floor: read each line and look for every keyword as written, nothing more."""
    start = time.perf_counter()
    for line in text.splitlines():
        entry = json.loads(line)
        q = bank.questions[entry["question"]]
        answer = str(entry["answer"])
        sum(1 for p in getattr(q, "rubric", ()) for k in p.keywords if k in answer)
    return time.perf_counter() - start


def mark_pass(text: str, bank) -> tuple[float, int]:
    start = time.perf_counter()
    good, problems = read_answers(text, "bench.jsonl", bank)
    marked = mark_answers(good, bank)
    out = "".join(json.dumps(m.to_json(), ensure_ascii=False) + "\n" for m in marked)
    elapsed = time.perf_counter() - start
    assert not problems and len(out) > 0
    return elapsed, len(marked)


def long_answers(bank, size: int = 1_000_000) -> dict[str, str]:
    """Huge answers: a rambling real one, and patterns that stress each search."""
    texts = sample_texts(bank)
    real = "".join(t for ts in texts.values() for t in ts)
    keywords = [k for q in bank.questions.values() for p in getattr(q, "rubric", ()) for k in p.keywords]
    patterns = {
        "rambling (real answers)": real,
        "every keyword negated": "".join(f"不要{k}，" for k in keywords),
        "every keyword one typo away": "".join(k[:-1] + "啊" for k in keywords),
        "keyword halves only": "".join(k[: len(k) // 2] for k in keywords),
        "lists of fragments": "".join(k[:2] + "、" for k in keywords),
        "one word repeated": "客户",
    }
    patterns["fragments, 、-separated"] = "".join(k[:1] + "、" for k in keywords)
    patterns["clauses of concept words"] = "，".join(
        p.point[:6] for q in bank.questions.values() for p in getattr(q, "rubric", ()))
    return {name: (unit * (size // max(1, len(unit)) + 1))[:size] for name, unit in patterns.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(shipped_content_dir()))
    parser.add_argument("--answers", type=int, default=50_000)
    parser.add_argument("--long", type=int, default=1_000_000, help="characters of the huge answers")
    parser.add_argument("--long-questions", type=int, default=12, help="questions each huge answer is graded on")
    args = parser.parse_args(argv)
    bank = load_bank(args.content)
    free = [q for q in bank.questions.values() if q.is_free_text]
    print(f"bank: {len(bank.questions)} questions ({len(free)} free text)")

    lines = answer_lines(bank, args.answers)
    text = "\n".join(lines) + "\n"
    first, n = mark_pass(text, bank)
    second_text = "\n".join(answer_lines(bank, args.answers, seed=8)) + "\n"
    steady, n2 = mark_pass(second_text, bank)
    floor = floor_pass(second_text, bank)
    print(f"mark, first pass (prepares every rubric): {n / first:,.0f} answers/s ({n} in {first:.2f} s)")
    print(f"mark, after start-up:                     {n2 / steady:,.0f} answers/s ({n2} in {steady:.2f} s),"
          f" {steady / floor:.1f}x the exact-substring floor ({n2 / floor:,.0f}/s)")
    free_text = "\n".join(answer_lines(bank, args.answers, seed=9, free_text_only=True)) + "\n"
    hard, n3 = mark_pass(free_text, bank)
    print(f"mark, free-text answers only:             {n3 / hard:,.0f} answers/s ({n3} in {hard:.2f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.jsonl"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "examprep", "mark", str(path), "--content", args.content,
                        "--json", "-o", str(Path(tmp) / "out.jsonl")], check=True)
        wall = time.perf_counter() - start
    print(f"examprep mark as a command, start-up included: {n / wall:,.0f} answers/s ({n} in {wall:.2f} s)"
          "   target >= 10,000")

    qid = free[0].id
    commands = {"python -c 'import examprep' (floor)": [sys.executable, "-c", "import examprep"],
                "examprep grade (free text)": [sys.executable, "-m", "examprep", "grade", qid, "--answer",
                                               "客户信息是企业决策的基础", "--content", args.content]}
    times = {}
    for name, command in commands.items():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - start)
        times[name] = sorted(runs)[2]
    floor_s = times["python -c 'import examprep' (floor)"]
    grade_s = times["examprep grade (free text)"]
    print(f"\ngrade start-up, median of 5: {grade_s:.3f} s ({grade_s / floor_s:.1f}x the floor of {floor_s:.3f} s)"
          "   target < 0.5 s")

    sample = free[::max(1, len(free) // args.long_questions)]
    print(f"\n{args.long:,}-character answers, the slowest of {len(sample)} free-text questions spread over the "
          "bank for each (target < 3 s):")
    for name, answer in long_answers(bank, args.long).items():
        worst, worst_q = 0.0, ""
        for q in sample:
            start = time.perf_counter()
            grade_answer(q, answer)
            elapsed = time.perf_counter() - start
            if elapsed > worst:
                worst, worst_q = elapsed, q.id
        print(f"  {name:<30} {worst:6.3f} s  ({worst_q})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
