"""Export free-text questions without keywords, examples or explanations, for blind labelling.

Wrote packets 1-4 (session 8); `packet` is shared with export_unseen_packets.py (packets 7-8)."""
import random
import sys
from collections import defaultdict

from examprep.content import read_bank
from examprep.locations import shipped_content_dir


def packet(bank, q) -> dict:
    """One question as a labeller sees it: stem, rubric point texts and weights, knowledge points,
    and for a case question its scenario; no keywords, examples or explanations."""
    points = []
    for pid in q.points:
        p = bank.points.get(pid)
        if p:
            points.append({"id": p.id, "title": p.title, "items": list(p.items), "ordered": p.ordered,
                           "text": p.text, "source": p.source})
    d = {"question": q.id, "type": q.type, "level": q.level, "stem": q.stem, "score": q.score,
         "rubric_points": [{"id": r.id, "point": r.point, "weight": r.weight} for r in q.rubric],
         "knowledge_points": points}
    if q.case_id:
        c = bank.cases[q.case_id]
        d |= {"case_title": c.title, "case_scenario": c.scenario, "case_source": c.source}
    return d


def write_packet(bank, questions, out) -> None:
    """One packet file: the questions as a labeller sees them (packets 7 and 8, 11 to 14)."""
    import yaml
    out.write_text(yaml.safe_dump([packet(bank, q) for q in questions], allow_unicode=True, sort_keys=False,
                                  width=200), "utf-8")
    print(out.name, len(questions), "questions", sum(len(q.rubric) for q in questions), "points")


def main() -> None:
    bank, _problems = read_bank(shipped_content_dir())
    qs = [q for q in bank.questions.values() if q.is_free_text and len(q.rubric) >= 1]
    print(len(qs), "free text questions", file=sys.stderr)
    # prefer spreading over topics; take cases' questions all
    by_topic = defaultdict(list)
    for q in qs:
        by_topic[bank.topic_of(q) or "?"].append(q)
    rng = random.Random(14)
    chosen = []
    case_qs = [q for q in qs if q.case_id]
    chosen.extend(case_qs)
    # round-robin over topics
    for t in by_topic:
        rng.shuffle(by_topic[t])
    order = sorted(by_topic)
    while len(chosen) < 80:
        progressed = False
        for t in order:
            cand = [q for q in by_topic[t] if q not in chosen]
            if cand and len(chosen) < 80:
                chosen.append(cand[0]); progressed = True
        if not progressed:
            break
    print(len(chosen), "chosen", len(case_qs), "case qs", file=sys.stderr)
    chosen.sort(key=lambda q: q.id)
    groups = [chosen[i::4] for i in range(4)]
    for i, g in enumerate(groups, 1):
        with open(f"/work/labelling/packet-{i}.yaml", "w", encoding="utf-8") as f:
            import yaml
            yaml.safe_dump([packet(bank, q) for q in g], f, allow_unicode=True, sort_keys=False, width=200)
        print(i, len(g), sum(len(q.rubric) for q in g), file=sys.stderr)


if __name__ == "__main__":
    main()
