"""Export free-text questions without keywords, examples or explanations, for blind labelling."""
import random, json, sys
from collections import defaultdict
from examprep.content import read_bank
from examprep.locations import shipped_content_dir

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
rest = [q for q in qs if not q.case_id]
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
def packet(q):
    pts = []
    for pid in q.points:
        p = bank.points.get(pid)
        if p:
            pts.append({"id": p.id, "title": p.title, "items": list(p.items), "ordered": p.ordered,
                        "text": p.text, "source": p.source})
    d = {"question": q.id, "type": q.type, "level": q.level, "stem": q.stem, "score": q.score,
         "rubric_points": [{"id": r.id, "point": r.point, "weight": r.weight} for r in q.rubric],
         "knowledge_points": pts}
    if q.case_id:
        c = bank.cases[q.case_id]
        d["case_title"] = c.title
        d["case_scenario"] = c.scenario
        d["case_source"] = c.source
    return d
chosen.sort(key=lambda q: q.id)
groups = [chosen[i::4] for i in range(4)]
for i, g in enumerate(groups, 1):
    with open(f"/work/labelling/packet-{i}.yaml", "w", encoding="utf-8") as f:
        import yaml
        yaml.safe_dump([packet(q) for q in g], f, allow_unicode=True, sort_keys=False, width=200)
    print(i, len(g), sum(len(q.rubric) for q in g), file=sys.stderr)
