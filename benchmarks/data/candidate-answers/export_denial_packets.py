"""Export packets 11-14: the 80 development questions (those of packets 1-4), fresh from today's bank.

For parts 11-14 (session 13): negated and wrong-fact answers only, to the questions the grader may be
tuned on, so that rules against denials and swapped facts are learned from blind rows and then checked on
the held-out parts 7-10. Same fields as export_packets.py: no keywords, examples or explanations.
Run from the repository root: python benchmarks/data/candidate-answers/export_denial_packets.py [OUT_DIR]
"""

import sys
from pathlib import Path

import yaml

from examprep.content import read_bank
from examprep.locations import shipped_content_dir
from export_packets import write_packet  # the same fields as packets 1-6 (this folder is on sys.path)

HERE = Path(__file__).parent


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    bank, _problems = read_bank(shipped_content_dir())
    ids: set[str] = set()
    for n in range(1, 5):
        ids |= {d["question"] for d in yaml.safe_load((HERE / f"packet-{n}.yaml").read_text("utf-8"))}
    questions = sorted((bank.questions[i] for i in ids), key=lambda q: q.id)
    for n in range(11, 15):
        write_packet(bank, questions[n - 11::4], out_dir / f"packet-{n}.yaml")


if __name__ == "__main__":
    main()
