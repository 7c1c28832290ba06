"""Export packets 7 and 8: the shipped free-text questions that no earlier part used.

Their rubrics were never enriched from labelled answers, so parts 7 and 8 measure the grader on questions
whose keywords nobody tuned. Same fields as export_packets.py: no keywords, examples or explanations.
Run from the repository root: python benchmarks/data/candidate-answers/export_unseen_packets.py
"""

from pathlib import Path

import yaml

from examprep.content import read_bank
from examprep.locations import shipped_content_dir
from export_packets import write_packet  # the same fields as packets 1-6 (this folder is on sys.path)

HERE = Path(__file__).parent


def main() -> None:
    bank, _problems = read_bank(shipped_content_dir())
    used = set()
    for n in range(1, 7):
        used |= {d["question"] for d in yaml.safe_load((HERE / f"packet-{n}.yaml").read_text("utf-8"))}
    unseen = sorted((q for q in bank.questions.values()
                     if q.is_free_text and q.rubric and q.id not in used), key=lambda q: q.id)
    for n, group in ((7, unseen[0::2]), (8, unseen[1::2])):
        write_packet(bank, group, HERE / f"packet-{n}.yaml")


if __name__ == "__main__":
    main()
