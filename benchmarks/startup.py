"""How long `examprep` takes to show its home screen, with the full shipped bank.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--answers 100000] [--content DIR] [--out FILE]

Two progress files are measured: an empty data folder, and a generated history of --answers
answers spread over two years across every question of the bank (favourites, a 错题本, mock exams),
built through the store's own API in a temporary data folder. For each, the real command is started
in a pseudo-terminal (80x24) and timed as a whole process until the home screen, with its per-level
counts, has been drawn; the median, best and worst of --runs runs are printed, followed by an
in-process breakdown (imports, bank, store, first paint).

Two floors are measured in the same run, the same way and in turn with examprep's runs (one of each
per round), so a loaded machine shows as a loaded floor:
`python -c pass` (the interpreter alone) and a bare Textual app that draws one line (what any
Textual program costs). The figures go to stdout and to --out (default
benchmarks/results/startup.txt). The goal: under 1 s with 100,000 answers.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
EXAMPREP = TOP / ".venv" / "bin" / "examprep"
SENTINEL = "今日到期"  # a column of the home screen's table, drawn once the counts are in
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*(\x07|\x1b\\)|\x1b.", re.S)
TIMEOUT_S = 20


def time_to_home(data: Path, content: Path | None) -> float:
    """Seconds from exec to the home screen on a pseudo-terminal of 80x24."""
    argv = [str(EXAMPREP), "--data", str(data)]
    if content:
        argv += ["--content", str(content)]
    return time_to_screen(argv)


BARE_TEXTUAL = f"""
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static({SENTINEL!r})


Bare().run()
"""


def time_to_bare_textual() -> float:
    """The floor of any Textual program: a bare app drawing one line, timed like examprep."""
    return time_to_screen([sys.executable, "-c", BARE_TEXTUAL])


def time_python_pass() -> float:
    """The floor of any Python program: the interpreter starting and exiting."""
    import subprocess

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def time_to_screen(argv: list[str]) -> float:
    """Seconds from exec to SENTINEL on screen, for a program on a pseudo-terminal of 80x24 (it is
    then sent Ctrl+Q)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes examprep on the pty
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if SENTINEL in ANSI.sub(b"", seen).decode("utf-8", "replace"):
                elapsed = time.perf_counter() - start
                break
    finally:
        os.write(fd, b"\x11")  # ctrl+q
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                select.select([fd], [], [], 0.05)
                os.read(fd, 65536)
            except OSError:
                pass
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        tail = ANSI.sub(b"", seen).decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"the home screen did not appear within {TIMEOUT_S} s; last output:\n{tail}")
    return elapsed


def generate_history(data: Path, bank, answers: int, seed: int = 7) -> None:
    """A candidate's two years: `answers` graded answers through the store's own API."""
    from examprep.practice.records import AnswerRecord
    from examprep.practice.store import open_store

    rng = random.Random(seed)
    store, _ = open_store(data)
    # Generation only: no fsync per answer, or making a large history would take hours.
    store._db.execute("PRAGMA synchronous=OFF")
    questions = list(bank.questions.values())
    start = datetime.now(timezone.utc) - timedelta(days=730)
    step = timedelta(days=730) / answers
    for i in range(answers):
        q = rng.choice(questions)
        right = rng.random() < 0.7
        score = q.score if right else round(q.score * rng.random(), 1)
        store.record_answer(AnswerRecord(q.id, start + step * i, score, q.score, right, '"A"',
                                         rng.choice(("drill", "drill", "mistakes", "case", "exam"))))
    for q in rng.sample(questions, min(40, len(questions))):
        store.set_favourite(q.id, True)
    store.close()


def breakdown(data: Path, content: Path | None) -> list[tuple[str, float]]:
    """Where the time goes, measured in a fresh interpreter so that nothing is imported yet."""
    code = f"""
import time, asyncio
t = [time.perf_counter()]
from pathlib import Path
import examprep.cli
from examprep.content.cache import read_bank_cached
t.append(time.perf_counter())
from examprep.locations import default_cache_dir, shipped_content_dir
# as the command reads it: from the parsed-bank cache (filled by the timed runs before)
bank, _ = read_bank_cached(Path({str(content)!r}) if {content is not None} else shipped_content_dir(),
                           default_cache_dir())
t.append(time.perf_counter())
from examprep.practice.store import open_store
store, _ = open_store(Path({str(data)!r}))
t.append(time.perf_counter())
from examprep.tui.app import ExamPrepApp
t.append(time.perf_counter())
async def first_paint():
    app = ExamPrepApp(bank, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        t.append(time.perf_counter())
asyncio.run(first_paint())
print(" ".join(f"{{b - a:.4f}}" for a, b in zip(t, t[1:])))
"""
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    parts = [float(x) for x in out.split()[-5:]]
    names = ["imports (cli, content)", "load the bank (cached)", "open the store", "import Textual + app",
             "home screen mounted (headless)"]
    return list(zip(names, parts))


def summary(title: str, times: list[float], floors: dict[str, float] | None = None) -> str:
    line = (f"{title:<44} median {statistics.median(times):.3f} s   best {min(times):.3f} s   "
            f"worst {max(times):.3f} s   ({len(times)} runs)")
    for name, floor in (floors or {}).items():
        line += f"\n{'':<44} = {statistics.median(times) / floor:.1f} x {name}"
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--content", type=Path, default=None, help="default: the shipped bank")
    parser.add_argument("--out", type=Path, default=TOP / "benchmarks" / "results" / "startup.txt")
    args = parser.parse_args()

    from examprep.content import load_bank
    from examprep.locations import shipped_content_dir

    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    bank = load_bank(args.content or shipped_content_dir())
    say(f"startup.py, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    say(f"bank: {len(bank.points)} points, {len(bank.questions)} questions, {len(bank.cases)} cases")
    work = Path(tempfile.mkdtemp(prefix="examprep-startup-"))
    try:
        empty = work / "empty"
        large = work / "large"
        t = time.perf_counter()
        generate_history(large, bank, args.answers)
        size = (large / "progress.sqlite3").stat().st_size / 1e6
        say(f"generated {args.answers} answers ({size:.1f} MB) in {time.perf_counter() - t:.0f} s")
        say()

        # Warm the OS file cache, as on a second launch; then one run of each in turn per round, so a
        # machine that gets busier or quieter mid-run weighs on the floors and examprep alike.
        time_to_bare_textual()
        time_to_home(empty, args.content)
        time_to_home(large, args.content)
        python: list[float] = []
        bare: list[float] = []
        home: dict[Path, list[float]] = {empty: [], large: []}
        for _ in range(args.runs):
            python.append(time_python_pass())
            bare.append(time_to_bare_textual())
            for data, times in home.items():
                times.append(time_to_home(data, args.content))
        say(summary("floor: python -c pass", python))
        say(summary("floor: a bare Textual app, first paint", bare))
        floors = {"python -c pass": statistics.median(python), "the bare Textual app": statistics.median(bare)}
        for name, data in (("empty data folder", empty), (f"{args.answers} answers", large)):
            say(summary(f"examprep to home screen, {name}", home[data], floors))
            for step, seconds in breakdown(data, args.content):
                say(f"    {step:<36} {seconds:.3f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
