"""How well the grader marks free text, against answers an examiner marked per rubric point.

    .venv/bin/python benchmarks/grading_accuracy.py [--content DIR] [--set NAME] [--verbose]

Two labelled sets: `existing` (data/labelled_answers.yaml, written close to the keywords) and
`candidates` (data/candidate-answers/, written blind from the stems, point texts and sources; parts 1-6
are the development set, parts 7-8, on 51 questions no other part uses, held out; parts 9-10 (held out)
and 11-18 (development; 19-22 too, once written) hold only negated and wrong-fact answers: see that
folder's README; `--set development` reads only parts 1-6 and 11-22, for working on the grader without seeing the held-out
rows). For each set, and each part of the second, it prints
point-level precision, recall and F1, and the quadratic weighted kappa of the number of points each
answer earns, for the grader and for two baselines on the same answers: exact substring search of the
keywords, and rapidfuzz partial_ratio >= 80; then the same per kind of answer, with the grader's false
awards and misses. Rows whose question or rubric ids are no longer in the bank are skipped with a warning.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from examprep.content import read_bank
from examprep.content.model import Question
from examprep.kinds import grade_answer
from examprep.locations import shipped_content_dir

DATA = Path(__file__).parent / "data" / "labelled_answers.yaml"
CANDIDATES = Path(__file__).parent / "data" / "candidate-answers"
DEVELOPMENT_PARTS, HELD_OUT_PARTS = (1, 2, 3, 4, 5, 6), (7, 8)
# session 12: only negated and wrong-fact answers, to the questions of parts 7-8, written after that session's
# rules; reported on their own, beside (not inside) the whole set, so its figures stay comparable
DENIAL_PARTS = (9, 10)
# session 13: only negated and wrong-fact answers, to the development questions (those of parts 1-4), for
# learning rules against denials and swapped facts from blind rows; each batch reported as a development set
# of its own (15-18 were written after the grader had learned from 11-14, 19-22 after 15-18)
DEVELOPMENT_DENIAL_PARTS = {"11-14": (11, 12, 13, 14), "15-18": (15, 16, 17, 18), "19-22": (19, 20, 21, 22)}
PARTIAL_RATIO_CUTOFF = 80


@dataclass(frozen=True)
class Row:
    number: int
    question: Question
    answer: str
    earned: frozenset[str]
    tags: tuple[str, ...]


def load_rows(path: Path, bank) -> list[Row]:
    """Rows of one labelled file; a `kind` (the blind set) is read as the row's one tag."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    rows = []
    gone: dict[str, int] = defaultdict(int)
    for number, entry in enumerate(entries, start=1):
        question = bank.questions.get(entry["q"])
        if question is None:
            gone[entry["q"]] += 1
            continue
        ids = {p.id for p in question.rubric}
        unknown = set(entry["earned"]) - ids
        if unknown:
            print(f"warning: row {number}: {entry['q']} has no rubric point {', '.join(sorted(unknown))}; "
                  "skipped", file=sys.stderr)
            continue
        tags = (entry["kind"],) if "kind" in entry else tuple(entry.get("tags", ()))
        rows.append(Row(number, question, entry["a"], frozenset(entry["earned"]), tags))
    for qid, count in gone.items():
        print(f"warning: question {qid} is not in the bank; its {count} row(s) skipped", file=sys.stderr)
    return rows


def grader(row: Row) -> set[str]:
    return {p.id for p in grade_answer(row.question, row.answer).points if p.hit}


def exact_substring(row: Row) -> set[str]:
    return {p.id for p in row.question.rubric if any(k in row.answer for k in p.keywords)}


def partial_ratio(row: Row) -> set[str]:
    return {p.id for p in row.question.rubric
            if any(fuzz.partial_ratio(k, row.answer) >= PARTIAL_RATIO_CUTOFF for k in p.keywords)}


METHODS = {"grader": grader, "exact substring": exact_substring,
           f"partial_ratio >= {PARTIAL_RATIO_CUTOFF}": partial_ratio}


def quadratic_weighted_kappa(truth: list[int], predicted: list[int]) -> float:
    top = max(truth + predicted) if truth else 0
    if top == 0:
        return 1.0
    size = top + 1
    observed = [[0] * size for _ in range(size)]
    for t, p in zip(truth, predicted):
        observed[t][p] += 1
    n = len(truth)
    hist_t = [sum(row) for row in observed]
    hist_p = [sum(observed[i][j] for i in range(size)) for j in range(size)]
    num = den = 0.0
    for i in range(size):
        for j in range(size):
            weight = (i - j) ** 2 / top ** 2
            num += weight * observed[i][j]
            den += weight * hist_t[i] * hist_p[j] / n
    return 1.0 - num / den if den else 1.0


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(rows: list[Row], method) -> tuple[Score, float, dict[str, Score], list]:
    total = Score()
    by_tag: dict[str, Score] = defaultdict(Score)
    truth_counts, predicted_counts, disagreements = [], [], []
    for row in rows:
        predicted = method(row)
        tp = len(predicted & row.earned)
        fp = len(predicted - row.earned)
        fn = len(row.earned - predicted)
        for score in [total] + [by_tag[t] for t in row.tags]:
            score.tp += tp
            score.fp += fp
            score.fn += fn
        truth_counts.append(len(row.earned))
        predicted_counts.append(len(predicted))
        if fp or fn:
            disagreements.append((row, sorted(predicted - row.earned), sorted(row.earned - predicted)))
    return total, quadratic_weighted_kappa(truth_counts, predicted_counts), by_tag, disagreements


def labelled_sets(bank, which: str) -> dict[str, list[Row]]:
    sets: dict[str, list[Row]] = {}
    if which in ("all", "existing"):
        sets["existing set"] = load_rows(DATA, bank)
    if which in ("all", "candidates", "development"):
        wanted = DEVELOPMENT_PARTS + (HELD_OUT_PARTS if which != "development" else ())
        parts = {n: load_rows(CANDIDATES / f"part-{n}.yaml", bank) for n in wanted}
        if which != "development":
            sets["candidate set, all"] = [r for n in sorted(parts) for r in parts[n]]
        sets["candidate set, development (parts 1-6)"] = [r for n in DEVELOPMENT_PARTS for r in parts[n]]
        for name, numbers in DEVELOPMENT_DENIAL_PARTS.items():
            development_denials = optional_parts(numbers, bank)
            if development_denials:
                sets[f"candidate set, development, negated and wrong-fact only (parts {name})"] = development_denials
        if which != "development":
            sets["candidate set, held out (parts 7-8)"] = [r for n in HELD_OUT_PARTS for r in parts[n]]
            denials = optional_parts(DENIAL_PARTS, bank)
            if denials:
                sets["candidate set, held out, negated and wrong-fact only (parts 9-10)"] = denials
    return sets


def optional_parts(numbers: tuple[int, ...], bank) -> list[Row]:
    """The rows of those parts that exist: a part written after the others is reported only once it is there."""
    return [r for n in numbers if (CANDIDATES / f"part-{n}.yaml").is_file()
            for r in load_rows(CANDIDATES / f"part-{n}.yaml", bank)]


def report(title: str, rows: list[Row], verbose: bool) -> None:
    points = sum(len(r.question.rubric) for r in rows)
    print(f"== {title}: {len(rows)} answers, {len({r.question.id for r in rows})} questions, "
          f"{points} rubric points ({sum(len(r.earned) for r in rows)} earned)")
    print(f"{'method':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'QWK':>10}")
    results = {}
    for name, method in METHODS.items():
        score, kappa, by_tag, disagreements = evaluate(rows, method)
        results[name] = (score, by_tag, disagreements)
        print(f"{name:<24}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>10.3f}{kappa:>10.3f}")
    score, by_tag, disagreements = results["grader"]
    names = list(METHODS)
    print("by kind: grader precision / recall / F1, then F1 of each baseline, and the grader's "
          "false awards / misses")
    print(f"  {'kind':<12}{'n':>5}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{n[:16]:>18}" for n in names[1:])
          + "   fp/fn")
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for tag in row.tags:
            counts[tag] += 1
    for tag in sorted(by_tag):
        s = by_tag[tag]
        cells = "".join(f"{results[n][1][tag].f1:>18.3f}" for n in names[1:])
        print(f"  {tag:<12}{counts[tag]:>5}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{cells}   {s.fp}/{s.fn}")
    if verbose:
        print("disagreements (grader):")
        for row, extra, missed in disagreements:
            print(f"  row {row.number} [{','.join(row.tags)}] {row.question.id}: {row.answer}")
            if extra:
                print(f"    awarded but not earned: {', '.join(extra)}")
            if missed:
                print(f"    earned but missed: {', '.join(missed)}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(shipped_content_dir()))
    parser.add_argument("--set", default="all", choices=("all", "existing", "candidates", "development"),
                        help="development: only the parts of the blind set that the grader may be tuned on")
    parser.add_argument("--verbose", action="store_true", help="list every answer the grader marks differently")
    args = parser.parse_args(argv)
    bank, _ = read_bank(args.content)
    for title, rows in labelled_sets(bank, args.set).items():
        report(title, rows, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
