"""How many concurrent browser sessions `examprep serve` holds on this machine, the memory each takes,
and the answer-to-feedback latency at 1, 10 and 30 sessions, against the target (30 candidates,
feedback under 1 s).

    .venv/bin/python benchmarks/serve_load.py [--levels 1,10,30] [--answers 5] [--think 0 | --think 3,10]
                                              [--out benchmarks/results/serve-load.txt]

All on 127.0.0.1: one `examprep serve` (the shipped bank, SQLite in a temporary data folder) with one
candidate account per session. Each session speaks textual-serve's websocket protocol itself, as the
browser page does (keys as ["stdin", …], the terminal's bytes back, read with a terminal emulator:
tests/served_terminal.py), rather than 30 browsers: it logs in, opens a drill and answers `--answers`
questions. Latency is from sending the submit key (Ctrl+S) to the feedback (✓ 正确 / ✗ 错误 / 得分) being
on the screen the server sent. `--think MIN,MAX` makes each candidate read the question for a random
MIN-MAX seconds before answering (seeded, the same for every run), as people do; by default (0) they all
answer the moment the question is drawn, a burst no class produces, which is the harder figure.
Memory is the resident set (RSS) and the unique set (USS: what the process alone holds) of every app
process the server started, while all sessions are logged in.

Bounded: at most the largest level's sessions, each with a time limit; the server and every app
process are stopped at the end. The machine has 2 cores shared with other sessions: the load average
is printed beside each level.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from served_terminal import ENTER, WebSession, served  # noqa: E402

FEEDBACK = ("✓ 正确", "✗ 错误", "得分")
NO_ANSWER = "请先作答再提交"
# what the bytes after Ctrl+S hold when one of those is drawn (a styled run keeps its characters together)
RAW_HINTS = tuple(text.encode() for text in ("正确", "错误", "得分", "请先作答"))
TARGET_SESSIONS, TARGET_LATENCY_S = 30, 1.0
SESSION_LIMIT_S = 240  # one session's whole run, at most
PASSWORD = "load-test-2024"


def make_accounts(data: Path, count: int) -> None:
    from examprep.practice.accounts import Accounts
    from examprep.practice.store import open_database

    database, _ = open_database(data)
    accounts = Accounts(database)
    for i in range(count):
        ident = f"c{i:03d}"
        accounts.change_password(ident, accounts.add(ident, f"考生{i}"), PASSWORD)
    database.close()


async def log_in(session: WebSession, ident: str) -> None:
    """As a person does: the id, Enter, and the password once the password box shows the focus."""
    await session.wait_for("考生登录", timeout=120)
    await session.settle()
    for attempt in range(5):
        await session.press(ident + ENTER, quiet=0.3)
        try:
            await wait_for_focus(session, field=1, timeout=30 * (attempt + 1))
            break
        except TimeoutError:
            # the id reached the app before its box had the focus (the box is still empty): again,
            # as a person would; the box draws its focus only once the app has had a key
            if ident in session.screen.text():
                raise
    await session.press(PASSWORD + ENTER, quiet=0.3)
    await session.wait_for("今日概况", timeout=120)


async def answer_questions(session: WebSession, answers: int, think: tuple[float, float] = (0, 0),
                           rng: random.Random | None = None) -> list[float]:
    """Open a drill and answer `answers` questions: 'a' (option A, 对, or the letter a as text) and
    Ctrl+S; each latency from Ctrl+S to the feedback drawn."""
    await session.press("d", quiet=0.3)
    await session.wait_for("开始练习", timeout=60)
    await session.press("\x13", quiet=0.3)  # Ctrl+S: start the drill
    latencies = []
    for number in range(1, answers + 1):
        # as a person does: the next question on the screen and its answer box focused, then type
        await session.wait_for(f"第 {number}/", timeout=60)
        await wait_for_focus(session)
        await session.settle(0.3)
        if think[1] > 0 and rng is not None:
            await asyncio.sleep(rng.uniform(*think))
        for _attempt in range(5):
            await session.press("a", quiet=0.2)
            session.screen_before = session.screen.flat()
            session.screen.mark()
            start = time.monotonic()
            await session.type("\x13")  # Ctrl+S: submit
            if await wait_for_new_feedback(session):
                latencies.append(time.monotonic() - start)
                break
            # the 'a' reached the app before the answer box had the focus ("请先作答再提交"): again,
            # as a person would; only the try that was graded is timed
            await asyncio.sleep(1)
        else:
            raise TimeoutError(f"never graded after 5 tries:\n{session.screen.text()}")
        await session.settle(0.2)
        await session.press("\x0e", quiet=0.3)  # Ctrl+N: the next question
    return latencies


async def wait_for_focus(session: WebSession, field: int | None = None, timeout: float = 60) -> None:
    """Until an input box (the `field`-th from the top, or any) is drawn focused: a person types only
    once the cursor is in the box."""
    deadline = time.monotonic() + timeout
    while (session.screen.focused_field() is None if field is None
           else session.screen.focused_field() != field):
        if time.monotonic() > deadline:
            raise TimeoutError(f"box {field} never took the focus:\n{session.screen.text()}")
        session.changed.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(session.changed.wait(), 0.5)


async def wait_for_new_feedback(session: WebSession, timeout: float = 60) -> bool:
    """True once feedback is drawn; False when the app asked for an answer first. The screen is read
    only once the raw bytes since Ctrl+S hold a piece of one of them."""
    deadline = time.monotonic() + timeout
    wanted = ["".join(f.split()) for f in FEEDBACK]
    while time.monotonic() < deadline:
        if any(piece in session.screen.since_mark for piece in RAW_HINTS):
            flat = session.screen.flat()
        else:
            flat = session.screen_before
        if any(w in flat and w not in session.screen_before for w in wanted):
            return True
        if NO_ANSWER in flat and NO_ANSWER not in session.screen_before:
            return False
        session.changed.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(session.changed.wait(), 0.5)
    raise TimeoutError(f"no feedback after {timeout} s:\n{session.screen.text()}")


def app_processes(server_pid: int):
    import psutil

    # textual-serve starts each app through /bin/sh -c: count the Python processes, not their shells
    found = []
    for p in psutil.Process(server_pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):  # a process that just ended
            if p.name().startswith("python") and "serve" not in p.cmdline():
                found.append(p)
    return found


def memory(server_pid: int) -> tuple[int, list[float], list[float]]:
    rss, uss = [], []
    for p in app_processes(server_pid):
        try:
            info = p.memory_full_info()
        except Exception:  # a process that just ended
            continue
        rss.append(info.rss / 2**20)
        uss.append(info.uss / 2**20)
    return len(rss), rss, uss


async def run_level(url: str, server_pid: int, sessions: int, answers: int,
                    think: tuple[float, float] = (0, 0)) -> dict:
    load_before = os.getloadavg()
    logged_in = asyncio.Event()
    ready = 0

    async def one(i: int):
        nonlocal ready
        async with WebSession(url) as session:
            session.screen_before = ""
            try:
                await log_in(session, f"c{i:03d}")
            finally:  # logged in or failed: the others need not wait for this one any longer
                ready += 1
                if ready == sessions:
                    logged_in.set()
            await logged_in.wait()  # every session logged in before anyone answers: the load is concurrent
            result = await answer_questions(session, answers, think, random.Random(i))
            await session.type("\x11")  # Ctrl+Q: the app process ends, as when a candidate leaves
            return result

    started = time.monotonic()
    tasks = [asyncio.create_task(asyncio.wait_for(one(i), SESSION_LIMIT_S)) for i in range(sessions)]
    await asyncio.wait_for(logged_in.wait(), SESSION_LIMIT_S)
    login_s = time.monotonic() - started
    count, rss, uss = memory(server_pid)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    latencies = [x for r in results if isinstance(r, list) for x in r]
    failed = [r for r in results if isinstance(r, BaseException)]
    await asyncio.sleep(1.5)  # let the app processes end before the next level
    return {"sessions": sessions, "ok": sessions - len(failed), "failed": failed, "login_s": login_s,
            "processes": count, "rss": rss, "uss": uss, "latencies": latencies,
            "load": (load_before, os.getloadavg())}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def report(levels: list[dict], answers: int, think: tuple[float, float]) -> str:
    lines = [f"examprep serve under load: {platform.node()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
             "shipped bank, SQLite store, one account per session; sessions speak textual-serve's websocket "
             f"protocol; {answers} answers each after all are logged in, "
             + (f"each after {think[0]:g}-{think[1]:g} s of reading the question" if think[1] > 0
                else "each the moment its question is drawn (a burst)")
             + "; latency = Ctrl+S to feedback on screen",
             "",
             "sessions  ok  all-logged-in  RSS/session (MiB)  USS/session  latency p50   p90    max   "
             "load avg before -> after"]
    for r in levels:
        lat = r["latencies"]
        rss = statistics.mean(r["rss"]) if r["rss"] else float("nan")
        uss = statistics.mean(r["uss"]) if r["uss"] else float("nan")
        before, after = r["load"]
        figures = (f"{percentile(lat, .5):6.2f} s {percentile(lat, .9):5.2f} s {max(lat):5.2f} s"
                   if lat else "   —")
        lines.append(f"{r['sessions']:>8}  {r['ok']:>2}  {r['login_s']:>11.1f} s  {rss:>17.0f}  {uss:>11.0f}  "
                     f"{figures}   {before[0]:.1f} -> {after[0]:.1f}")
        for error in r["failed"][:3]:
            lines.append(f"          failed: {type(error).__name__}: {str(error).splitlines()[0][:100]}")
    biggest = max(levels, key=lambda r: r["sessions"])
    met = (biggest["sessions"] >= TARGET_SESSIONS and biggest["ok"] == biggest["sessions"]
           and biggest["latencies"] and percentile(biggest["latencies"], .9) < TARGET_LATENCY_S)
    lines += ["", f"target: {TARGET_SESSIONS} concurrent candidates with feedback < {TARGET_LATENCY_S:g} s "
              f"(p90): {'met' if met else 'NOT met'} at {biggest['sessions']} sessions",
              f"memory at {biggest['sessions']} sessions: {sum(biggest['rss']):.0f} MiB RSS in all, "
              f"{sum(biggest['uss']):.0f} MiB unique to the app processes"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,10,30")
    parser.add_argument("--answers", type=int, default=5)
    parser.add_argument("--think", default="0", help="MIN,MAX seconds each candidate reads a question")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    bounds = [float(x) for x in args.think.split(",")]
    think = (bounds[0], bounds[-1])
    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        data = Path(tmp) / "data"
        make_accounts(data, max(levels))
        results = []
        with served(data) as url:
            import psutil

            server = next(p for p in psutil.Process().children() if "serve" in p.cmdline())
            for sessions in levels:
                print(f"{sessions} sessions …", file=sys.stderr, flush=True)
                results.append(asyncio.run(run_level(url, server.pid, sessions, args.answers, think)))
                for error in results[-1]["failed"][:1]:  # what the first failed session's screen showed
                    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    text = report(results, args.answers, think)
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
