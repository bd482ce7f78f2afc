#!/usr/bin/env python3
"""Word-level fidelity of PDF text: bag-of-words F1 after NFKC, lower case, joining "-\\n".

usage: pdf_fidelity.py OURS_DIR PDFTOTEXT_DIR [SOURCE_DIR]
For each OURS_DIR/<name>.txt: F1 against SOURCE_DIR/<name>.txt (the fixture's known text) for both
extractors when a source exists, else the agreement F1 between ours and pdftotext."""
import collections, os, re, sys, unicodedata


def words(text):
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"(\w)-\n(\w)", r"\1\2", t)
    return collections.Counter(re.findall(r"\w+", t))


def f1(a, b):
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if common == 0:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def read(p):
    try:
        return open(p, encoding="utf-8", errors="replace").read()
    except OSError:
        return ""


ours_dir, pt_dir = sys.argv[1], sys.argv[2]
src_dir = sys.argv[3] if len(sys.argv) > 3 else None
rows = []
for name in sorted(os.listdir(ours_dir)):
    ours = read(os.path.join(ours_dir, name))
    if ours.startswith("ERROR:"):
        print(f"{name:60} {ours.strip()}")
        continue
    pt = read(os.path.join(pt_dir, name))
    src = read(os.path.join(src_dir, name)) if src_dir else ""
    if src:
        a, b = f1(words(ours), words(src)), f1(words(pt), words(src))
        rows.append((a, b))
        print(f"{name:60} ours {a:.3f}  pdftotext {b:.3f}  (vs source)")
    else:
        a = f1(words(ours), words(pt))
        rows.append((a, None))
        print(f"{name:60} agreement with pdftotext {a:.3f}")
if rows:
    ours_mean = sum(r[0] for r in rows) / len(rows)
    pts = [r[1] for r in rows if r[1] is not None]
    print(f"mean F1 ours {ours_mean:.3f}" + (f", pdftotext {sum(pts)/len(pts):.3f}" if pts else ""))
