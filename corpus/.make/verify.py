#!/usr/bin/env python3
"""Check that every sentence of every source really is in the generated document's text.

Extraction: pdftotext (PDF), pandoc -t plain (DOCX/ODT; tracked changes accepted, so w:del text must be
absent and w:ins text present), the file itself (TXT/MD). The scanned PDF must yield no text at all and the
.doc is only checked for being a Word 97 file. Run: python3 corpus/.make/verify.py
"""
import os, re, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = sys.argv[:1]
build = {"__file__": os.path.join(HERE, "build.py"), "__name__": "build"}
exec(open(os.path.join(HERE, "build.py"), encoding="utf-8").read(), build)

def norm(t):
    t = t.replace("\u00ad", "").replace("-", "")
    t = re.sub(r"[^\w€%]+", " ", t.lower())
    return " ".join(t.split())

def extract(path):
    ext = path.rsplit(".", 1)[-1]
    if ext == "pdf":
        # drop running headers/footers and page numbers so that sentences crossing a page break join up
        txt = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
        keep = [ln for ln in txt.replace("\f", "\n").splitlines()
                if not re.fullmatch(r"\s*(\d{1,3}|(Pagina|Page) \d+|Vertrouwelijk|Confidential|.* — .* — .*)\s*", ln)]
        return "\n".join(keep)
    if ext == "odt":
        # read content.xml directly (pandoc's ODT reader drops table header rows); deletions live in
        # text:tracked-changes, which is not document text
        import zipfile, html
        x = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        x = re.sub(r"<text:tracked-changes>.*?</text:tracked-changes>", "", x, flags=re.S)
        x = re.sub(r"<text:(p|h)\b", "\n<", x)
        x = re.sub(r"<text:s/>", " ", x)
        return html.unescape(re.sub(r"<[^>]+>", "", x))
    if ext == "docx":
        return subprocess.run(["pandoc", path, "-t", "plain", "--wrap=none"], capture_output=True, text=True).stdout
    return open(path, encoding="utf-8").read()

bad = 0
for supplier, src, out, producer in build["DOCUMENTS"]:
    srcp = os.path.join(build["SRC"], supplier, src)
    outp = os.path.join(build["OUT"], supplier, out)
    kind = producer.split(":")[0]
    if kind == "png":
        print(f"ok  {supplier}/{out}: image only (unsupported format)")
        continue
    if kind == "scan":
        txt = extract(outp)
        ok = not txt.strip()
        print(f"{'ok ' if ok else 'BAD'} {supplier}/{out}: no text layer" + ("" if ok else f" ({len(txt)} chars!)"))
        bad += not ok
        continue
    if kind == "word97":
        ok = open(outp, "rb").read(8) == bytes.fromhex("d0cf11e0a1b11ae1")
        print(f"{'ok ' if ok else 'BAD'} {supplier}/{out}: OLE2 Word 97 file")
        bad += not ok
        continue
    if kind == "reportlab-mixed":
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", outp], capture_output=True, text=True).stdout).group(1))
        last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), outp, "-"], capture_output=True, text=True).stdout
        ok = not last.strip()
        print(f"{'ok ' if ok else 'BAD'} {supplier}/{out}: last page (scanned annex) has no text layer")
        bad += not ok
    have = norm(extract(outp))
    raw = open(srcp, encoding="utf-8").read()
    dels = re.findall(r"\{\{(?:DEL|COMMENT):(.*?)\}\}", raw)
    missing = []
    for kind_, payload in build["parse"](srcp):
        texts = payload if kind_ == "table" else [[payload]] if isinstance(payload, str) else []
        for row in texts:
            for cell in row:
                cell = re.sub(r"^\[[ x]\] ", "", cell)  # pandoc renders task-list boxes as ☒/☐
                for sent in re.split(r"(?<=[.;:])\s+", build["plain"](cell)):
                    n = norm(sent)
                    if n and n not in have:
                        missing.append(sent)
    # the title of python-docx/pandoc docs is metadata for pandoc's reader: tolerate a missing first line only
    first = build["parse"](srcp)[0]
    if missing and first[0] == "title" and missing[0] == build["plain"](first[1]):
        missing = missing[1:]
    leaked = [d for d in dels if norm(d) in have]
    ok = not missing and not leaked
    bad += not ok
    print(f"{'ok ' if ok else 'BAD'} {supplier}/{out}" + "".join(f"\n      missing: {m}" for m in missing[:5]) + "".join(f"\n      deleted or comment text present: {d}" for d in leaked))
sys.exit(1 if bad else 0)
