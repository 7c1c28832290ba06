"""Time drawing, rendering and marking mock papers, and check the item analysis on simulated candidates.

Usage: python benchmarks/paper_speed.py [--content DIR] [--blueprint primary-mock] [--candidates 300]

1. Drawing and rendering: every variant A–Z of the blueprint, drawn and rendered to HTML and Markdown;
   one PDF when WeasyPrint and a Chinese font are installed.
2. Marking: simulated candidates of normally distributed ability answer the paper (a Rasch model:
   P(right) = 1 / (1 + e^(b − θ)) for a question of difficulty b); one question is answered *backwards*
   (the strong get it wrong), as a wrong key would make it. Prints answers marked per second, the
   paper's alpha, and whether the item analysis flags the backwards question.
"""

from __future__ import annotations

import argparse
import math
import random
import time

from examprep.content import load_bank
from examprep.locations import shipped_content_dir
from examprep.papers.draw import LETTERS, draw_paper
from examprep.papers.manifest import manifest_dict, read_manifest
from examprep.papers.render import render_key, render_paper
from examprep.papers.report import AnswerLine, mark_with_manifest
from examprep.papers.report_formats import candidates_csv, report_html, report_json, report_table


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def wrong_answer(item, rng: random.Random):
    if item.type in ("single", "multiple"):
        letters = [letter for letter, _ in item.options]
        choice = rng.choice([x for x in letters if x != item.key] or letters)
        return choice
    if item.type == "judge":
        return "×" if item.key == "√" else "√"
    if item.type == "order":
        return "".join(sorted(item.key))  # printed order, never the right one
    if item.type == "calc":
        return str(float(item.question.answer) * 1.5 + 7)
    return rng.choice(["", "不清楚", item.question.rubric[0].point])  # blank, wrong, or one point


def right_answer(item):
    return item.model_answer if item.question.is_free_text else item.key


def simulate(paper, n: int, seed: int) -> tuple[list[AnswerLine], str]:
    rng = random.Random(seed)
    difficulty = {item.id: rng.uniform(-1.5, 1.5) for item in paper.items}
    backwards = next(i for i in paper.items if i.type == "single").id
    lines = []
    for c in range(1, n + 1):
        ability = rng.gauss(0, 1)
        for item in paper.items:
            p = 1 / (1 + math.exp(difficulty[item.id] - ability))
            if item.id == backwards:
                p = 1 - p
            answer = right_answer(item) if rng.random() < p else wrong_answer(item, rng)
            lines.append(AnswerLine(len(lines) + 1, f"C{c:04d}", item.id, answer, paper.variant))
    return lines, backwards


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", default=str(shipped_content_dir()))
    parser.add_argument("--blueprint", default="primary-mock")
    parser.add_argument("--candidates", type=int, default=300)
    args = parser.parse_args()

    bank, load_time = timed(load_bank, args.content)
    blueprint = bank.blueprints[args.blueprint]
    print(f"bank: {len(bank.questions)} questions, loaded in {load_time * 1000:.0f} ms")

    start = time.perf_counter()
    papers = [draw_paper(bank, blueprint, 1, v) for v in LETTERS]
    draw_time = time.perf_counter() - start
    start = time.perf_counter()
    for paper in papers:
        for fmt in ("html", "md"):
            render_paper(paper, fmt, True)
            render_key(paper, fmt, True)
    render_time = time.perf_counter() - start
    print(f"draw: {draw_time / len(papers) * 1000:.1f} ms a paper ({len(papers[0].items)} questions); "
          f"render paper+key in HTML and Markdown: {render_time / len(papers) * 1000:.1f} ms a paper")

    from examprep.papers.pdf import html_to_pdf, pdf_problems

    if not pdf_problems():
        html = render_paper(papers[0], "html")
        pdf, pdf_time = timed(html_to_pdf, html)
        print(f"pdf: {pdf_time:.2f} s for the paper ({len(pdf) // 1024} KiB)")
    else:
        print("pdf: skipped (", "; ".join(pdf_problems()), ")")

    import json
    import tempfile
    from pathlib import Path

    paper = papers[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifest.json"
        path.write_text(json.dumps(manifest_dict([paper]), ensure_ascii=False), encoding="utf-8")
        manifest = read_manifest(path)
    lines, backwards = simulate(paper, args.candidates, seed=7)
    report, mark_time = timed(mark_with_manifest, lines, manifest, bank, "simulated.jsonl")
    start = time.perf_counter()
    for fmt in (report_table, report_json, candidates_csv, report_html):
        fmt(report)
    format_time = time.perf_counter() - start
    print(f"mark: {len(lines)} answers of {args.candidates} candidates in {mark_time:.2f} s "
          f"({len(lines) / mark_time:,.0f} answers/s, item analysis included); "
          f"all four report formats in {format_time:.2f} s")
    (result,) = report.papers
    stats = result.stats
    flagged = [i for i in result.items if i.stats.flags]
    back = next(i for i in result.items if i.id == backwards)
    print(f"simulated paper: mean {stats.mean:.1f}/{result.total:g}, sd {stats.sd:.1f}, "
          f"alpha {stats.alpha:.3f}; {len(flagged)} of {len(result.items)} questions flagged")
    print(f"backwards question {back.number} ({backwards}): F {back.stats.facility:.2f}, "
          f"D {back.stats.discrimination:.2f}, r {back.stats.item_rest:.2f}, flags {list(back.stats.flags)}")


if __name__ == "__main__":
    main()
