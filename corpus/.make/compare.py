#!/usr/bin/env python3
"""Compare a `clausescan scan corpus --profile all --format json` output with corpus/expected.json.

Prints overall agreement, the confusion matrix (expected → got), per requirement the precision and recall of
'covered' (a wrong 'covered' is the costly error), and every disagreement with the tool's note.
Suppliers that are not in expected.json (e.g. 'EXPECTED' from corpus/EXPECTED.md) are ignored.
Run: clausescan scan corpus --profile all --format json -o /tmp/scan.json; python3 corpus/.make/compare.py /tmp/scan.json
"""
import json, os, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
exp = json.load(open(os.path.join(os.path.dirname(HERE), "expected.json"), encoding="utf-8"))["suppliers"]
got = json.load(open(sys.argv[1], encoding="utf-8"))
V = ["covered", "partial", "missing", "conflict", "unknown"]
conf, per = Counter(), defaultdict(Counter)
diffs = []
seen = set()
for s in got.get("suppliers", []):
    name = s["name"]
    if name not in exp:
        continue
    seen.add(name)
    for r in s["results"]:
        e, g = exp[name].get(r["id"]), r["verdict"]
        if e is None:
            continue
        conf[(e, g)] += 1
        c = per[r["id"]]
        c["tp"] += e == "covered" and g == "covered"
        c["fp"] += e != "covered" and g == "covered"
        c["fn"] += e == "covered" and g != "covered"
        c["ok"] += e == g
        c["n"] += 1
        if e != g:
            diffs.append(f"{name} {r['id']}: expected {e}, got {g} — {r.get('note') or ''}")
tot = sum(conf.values())
print(f"agreement {sum(v for (e, g), v in conf.items() if e == g)}/{tot}; suppliers missing from the output: {sorted(set(exp) - seen) or 'none'}")
print("expected \\ got  " + " ".join(f"{v:>9}" for v in V))
for e in V:
    print(f"{e:>14}  " + " ".join(f"{conf[(e, g)]:>9}" for g in V))
print(f"\n{'requirement':22} {'agree':>6} {'P(cov)':>7} {'R(cov)':>7}")
for rid, c in sorted(per.items()):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
    print(f"{rid:22} {c['ok']:>3}/{c['n']:<2} {p:7.2f} {r:7.2f}")
print("\n" + "\n".join(diffs))
