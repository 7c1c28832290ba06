"""Peak memory and time of `examprep mark` on big answer files, and a digest of what it writes.

Usage: python benchmarks/mark_memory.py [--lines 1000000] [--source CHECKOUT] [--timeout 1800]

1. `mark FILE --json -o OUT` and `mark FILE -o OUT` (the table) on --lines generated answer lines over
   the shipped bank (every question type, one line in five free text), as a separate process: its peak
   resident memory (wait4's ru_maxrss), its time, and the SHA-256 of the output file.
2. One 100 MB line between two good ones: the time and memory to refuse it.

--source runs another checkout's `src/` (and its content/ and templates/ beside it) instead (for example the commit before streaming), so the
digests of two runs show the output is byte-identical. Files are written to a temporary folder that is
removed at the end (about 1.2 GB at a million lines); each run is stopped after --timeout seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FREE_TEXT = ["企业决策的基础、客户分类的基础", "微笑服务，主动问候客户", "了解客户的需求、期望和感受",
             "每周拜访一次，做好记录", "不知道"]


def answers_file(path: Path, lines: int) -> None:
    """`lines` answer lines: candidates of 100 answers each, cycling through the bank's questions."""
    from examprep.content import read_bank
    from examprep.locations import shipped_content_dir

    bank, _ = read_bank(shipped_content_dir())
    questions = sorted(bank.questions.values(), key=lambda q: q.id)
    objective = [q for q in questions if q.type not in ("recall", "short", "fill")]
    free = [q for q in questions if q.type in ("recall", "short", "fill")]
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            candidate, k = divmod(n, 100)
            if k % 5 == 4:
                q = free[(candidate * 7 + k) % len(free)]
                answer = FREE_TEXT[(candidate + k) % len(FREE_TEXT)]
            else:
                q = objective[(candidate * 13 + k) % len(objective)]
                answer = {"single": "ABCD"[n % 4], "multiple": "AC", "judge": "对" if n % 2 else "错",
                          "calc": str(n % 100), "order": "ABCD"}.get(q.type, "A")
            out.write(json.dumps({"candidate": f"C{candidate:06d}", "question": q.id, "answer": answer},
                                 ensure_ascii=False) + "\n")


def big_line_file(path: Path, megabytes: int) -> None:
    from examprep.content import read_bank
    from examprep.locations import shipped_content_dir

    bank, _ = read_bank(shipped_content_dir())
    single = min(q.id for q in bank.questions.values() if q.type == "single")
    good = json.dumps({"candidate": "C1", "question": single, "answer": "A"})
    with path.open("w", encoding="utf-8") as out:
        out.write(good + "\n")
        out.write('{"candidate": "C2", "question": "x", "answer": "')
        chunk = "客" * (1 << 20)
        for _ in range(megabytes // 3):
            out.write(chunk)
        out.write('"}\n' + good.replace('"C1"', '"C3"') + "\n")


def run(argv: list[str], source: Path | None, timeout: float) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, last line of stderr) of `python -m examprep ARGV`."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source / "src")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "examprep", *argv], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    err = child.stderr.read().decode("utf-8", "replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    return code, seconds, usage.ru_maxrss / 1024, (err[-1] if err else "")


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--big-line-mb", type=int, default=100)
    parser.add_argument("--source", type=Path, help="a checkout whose src/ to run instead")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mark-memory-") as folder:
        folder = Path(folder)
        answers = folder / "answers.jsonl"
        answers_file(answers, args.lines)
        size = answers.stat().st_size / 1e6
        print(f"{args.lines} lines ({size:.0f} MB), code from {args.source or 'this checkout'}")
        for name, extra in (("json", ["--json"]), ("table", [])):
            out = folder / f"out.{name}"
            code, seconds, peak, last = run(["mark", str(answers), *extra, "-o", str(out)], args.source,
                                            args.timeout)
            sha = digest(out) if out.exists() else "-"
            print(f"  mark {name:5}: exit {code}, {seconds:7.1f} s, peak {peak:7.1f} MB, sha256 {sha}  {last}")
            out.unlink(missing_ok=True)
        big = folder / "big.jsonl"
        big_line_file(big, args.big_line_mb)
        code, seconds, peak, last = run(["mark", str(big), "--json", "-o", str(folder / "big.out")],
                                        args.source, args.timeout)
        print(f"  one {big.stat().st_size / 1e6:.0f} MB line: exit {code}, {seconds:.2f} s, peak {peak:.1f} MB"
              f"  {last}")


if __name__ == "__main__":
    main()
