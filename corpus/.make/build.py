#!/usr/bin/env python3
"""Regenerate the clausescan corpus documents from the sources in src/.

Each source is a small Markdown dialect (see README.md). documents.py says which
producer renders which source into which file under corpus/<supplier>/.
Run from anywhere:  python3 corpus/.make/build.py
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.dirname(HERE)  # corpus/
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# (supplier, source file, output file name, producer)
DOCUMENTS = []

def doc(supplier, src, out, producer):
    DOCUMENTS.append((supplier, src, out, producer))

# ---------------------------------------------------------------- parsing
def parse(path):
    """Return a list of blocks: (kind, payload). kinds: title, h1, h2, p, li, oli, table, pagebreak."""
    blocks = []
    lines = open(path, encoding="utf-8").read().splitlines()
    i = 0
    para = []
    def flush():
        if para:
            blocks.append(("p", " ".join(s.strip() for s in para)))
            para.clear()
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            flush(); i += 1; continue
        if s == "\\pagebreak":
            flush(); blocks.append(("pagebreak", None)); i += 1; continue
        if s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                r = lines[i].strip()
                cells = [c.strip() for c in r.strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows)); continue
        m = re.match(r"^(#{1,3}) (.*)$", s)
        if m:
            flush()
            blocks.append(({1: "title", 2: "h1", 3: "h2"}[len(m.group(1))], m.group(2)))
            i += 1; continue
        if s.startswith("- "):
            flush(); blocks.append(("li", s[2:])); i += 1; continue
        m = re.match(r"^(\d+)\. (.*)$", s)
        if m and not re.match(r"^\d+\.\d", s):
            flush(); blocks.append(("oli", m.group(2))); i += 1; continue
        para.append(line); i += 1
    flush()
    return blocks

def plain(text):
    """Strip inline markers for producers that do not support tracked changes."""
    text = re.sub(r"\{\{DEL:(.*?)\}\}", "", text)
    text = re.sub(r"\{\{INS:(.*?)\}\}", r"\1", text)
    text = re.sub(r"\{\{COMMENT:(.*?)\}\}", "", text).replace("{{AUTO}}", "")
    return text.replace("**", "")

# ---------------------------------------------------------------- producers
def run(cmd, cwd=None):
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def pandoc(src, out):
    run(["pandoc", "-f", "markdown-smart", src, "-o", out])

def soffice(src, fmt, outdir):
    # soffice writes <stem>.<fmt> into outdir
    run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src])

def via_libreoffice(src, out, fmt):
    with tempfile.TemporaryDirectory() as td:
        stem = os.path.splitext(os.path.basename(out))[0]
        odt = os.path.join(td, stem + ".odt")
        pandoc(src, odt)
        conv = os.path.join(td, "conv")
        os.mkdir(conv)
        soffice(odt, fmt, conv)
        ext = fmt.split(":")[0]
        shutil.copy(os.path.join(conv, stem + "." + ext), out)

def python_docx(src, out):
    import docx
    from docx.shared import Pt
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    d = docx.Document()
    d.core_properties.author = "clausescan corpus"
    d.core_properties.title = ""
    rev = [0]
    auto = []
    def auto_num_id():
        if not auto:
            from docx.oxml import parse_xml
            from docx.oxml.ns import nsdecls
            numbering = d.part.numbering_part.element
            absn = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Artikel %1."/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>')
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(absn)
            else:
                numbering.append(absn)
            numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
            auto.append(90)
        return auto[0]
    def add_runs(p, text):
        # **bold**, {{DEL:..}} (w:del), {{INS:..}} (w:ins)
        for part in re.split(r"(\{\{DEL:.*?\}\}|\{\{INS:.*?\}\}|\{\{COMMENT:.*?\}\}|\*\*.*?\*\*)", text):
            if not part:
                continue
            c = re.match(r"\{\{COMMENT:(.*)\}\}", part)
            if c:
                # a Word comment anchored on the paragraph's runs so far (comments are not document text)
                if p.runs:
                    d.add_comment(p.runs, text=c.group(1), author="Jurist Opdrachtgever", initials="JO")
                continue
            m = re.match(r"\{\{(DEL|INS):(.*)\}\}", part)
            if m:
                rev[0] += 1
                tag = "w:del" if m.group(1) == "DEL" else "w:ins"
                el = OxmlElement(tag)
                el.set(qn("w:id"), str(100 + rev[0]))
                el.set(qn("w:author"), "Jurist Opdrachtgever")
                el.set(qn("w:date"), "2026-03-02T10:00:00Z")
                r = OxmlElement("w:r")
                t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = m.group(2)
                r.append(t)
                el.append(r)
                p._p.append(el)
            elif part.startswith("**"):
                p.add_run(part[2:-2]).bold = True
            else:
                p.add_run(part)
    for kind, payload in parse(src):
        if kind == "title":
            p = d.add_heading("", level=0); add_runs(p, payload)
        elif kind == "h1":
            p = d.add_heading("", level=1)
            if payload.startswith("{{AUTO}}"):
                # real Word numbering: the "Artikel N." label comes from numbering.xml, not from the text
                payload = payload[len("{{AUTO}}"):]
                numPr = p._p.get_or_add_pPr().get_or_add_numPr()
                numPr.get_or_add_ilvl().val = 0
                numPr.get_or_add_numId().val = auto_num_id()
            add_runs(p, payload)
        elif kind == "h2":
            p = d.add_heading("", level=2); add_runs(p, payload)
        elif kind == "li":
            p = d.add_paragraph(style="List Bullet"); add_runs(p, payload)
        elif kind == "oli":
            p = d.add_paragraph(style="List Number"); add_runs(p, payload)
        elif kind == "table":
            t = d.add_table(rows=len(payload), cols=len(payload[0]))
            t.style = "Table Grid"
            for r, row in enumerate(payload):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = ""
                    add_runs(t.cell(r, c).paragraphs[0], cell)
        elif kind == "pagebreak":
            d.add_page_break()
        else:
            p = d.add_paragraph(); add_runs(p, payload)
    d.save(out)

def reportlab_pdf(src, out, header):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak
    from reportlab.lib import colors
    from xml.sax.saxutils import escape
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    base = ParagraphStyle("b", fontName="DejaVu", fontSize=9.5, leading=13, spaceAfter=5)
    st = {
        "title": ParagraphStyle("t", parent=base, fontName="DejaVu-Bold", fontSize=15, leading=19, spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=base, fontName="DejaVu-Bold", fontSize=11, leading=15, spaceBefore=8),
        "h2": ParagraphStyle("h2", parent=base, fontName="DejaVu-Bold", fontSize=10, spaceBefore=4),
        "p": base,
        "li": ParagraphStyle("li", parent=base, leftIndent=14, bulletIndent=4),
    }
    def esc(t):
        t = escape(plain_keep_bold(t))
        return re.sub(r"\*\*(.*?)\*\*", r"<font name='DejaVu-Bold'>\1</font>", t)
    flow = []
    n = 0
    for kind, payload in parse(src):
        if kind in ("title", "h1", "h2", "p"):
            flow.append(Paragraph(esc(payload), st[kind]))
        elif kind == "li":
            flow.append(Paragraph(esc(payload), st["li"], bulletText="•"))
        elif kind == "oli":
            n += 1
            flow.append(Paragraph(esc(payload), st["li"], bulletText=f"{n}."))
        elif kind == "table":
            data = [[Paragraph(esc(c), base) for c in row] for row in payload]
            w = (A4[0] - 50 * mm) / len(payload[0])
            t = Table(data, colWidths=[w] * len(payload[0]))
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(t); flow.append(Spacer(1, 6))
        elif kind == "pagebreak":
            flow.append(PageBreak())
        if kind != "oli":
            n = 0 if kind in ("h1", "h2", "title") else n
    def deco(canvas, docu):
        canvas.saveState()
        canvas.setFont("DejaVu", 7.5)
        canvas.drawString(25 * mm, A4[1] - 14 * mm, header)
        canvas.line(25 * mm, A4[1] - 15.5 * mm, A4[0] - 25 * mm, A4[1] - 15.5 * mm)
        canvas.drawRightString(A4[0] - 25 * mm, 12 * mm, f"Pagina {docu.page}" if LANG_NL[0] else f"Page {docu.page}")
        canvas.drawString(25 * mm, 12 * mm, "Vertrouwelijk" if LANG_NL[0] else "Confidential")
        canvas.restoreState()
    d = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                          bottomMargin=22 * mm, title=header, author="clausescan corpus")
    d.build(flow, onFirstPage=deco, onLaterPages=deco)

LANG_NL = [True]

def plain_keep_bold(text):
    text = re.sub(r"\{\{DEL:(.*?)\}\}", "", text)
    return re.sub(r"\{\{INS:(.*?)\}\}", r"\1", text)

def scanned_pdf(src, out):
    """Render the text to page images and wrap them in a PDF with no text layer."""
    from PIL import Image, ImageDraw, ImageFont
    import textwrap
    font = ImageFont.truetype(FONT, 22)
    bold = ImageFont.truetype(FONT_BOLD, 26)
    W, H, M = 1240, 1754, 110  # A4 at 150 dpi
    pages = []
    img = Image.new("L", (W, H), 255); dr = ImageDraw.Draw(img); y = M
    def newpage():
        nonlocal img, dr, y
        pages.append(img)
        img = Image.new("L", (W, H), 255); dr = ImageDraw.Draw(img); y = M
    for kind, payload in parse(src):
        text = plain(payload) if isinstance(payload, str) else ""
        f = bold if kind in ("title", "h1", "h2") else font
        prefix = "• " if kind == "li" else ""
        for ln in textwrap.wrap(prefix + text, 88 if f is font else 70) or [""]:
            if y > H - M:
                newpage()
            dr.text((M, y), ln, font=f, fill=30)
            y += 32
        y += 14
    pages.append(img)
    # slight rotation and 1-bit conversion, like a photocopier
    pages = [p.rotate(0.4, fillcolor=255).point(lambda v: 0 if v < 150 else 255, "1") for p in pages]
    if out.endswith(".png"):
        pages[0].save(out, "PNG", optimize=True)
    else:
        pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])

def word97(src, out):
    with tempfile.TemporaryDirectory() as td:
        stem = os.path.splitext(os.path.basename(out))[0]
        odt = os.path.join(td, stem + ".odt")
        pandoc(src, odt)
        soffice(odt, 'doc:MS Word 97', td)
        shutil.copy(os.path.join(td, stem + ".doc"), out)

def odt_tracked(src, out):
    """pandoc ODT, then turn {{DEL:text}} markers into ODF tracked deletions (text:tracked-changes)."""
    from xml.sax.saxutils import escape
    with tempfile.TemporaryDirectory() as td:
        tmp = os.path.join(td, "t.odt")
        pandoc(src, tmp)
        zin = zipfile.ZipFile(tmp)
        content = zin.read("content.xml").decode("utf-8")
        regions = []
        def repl(m):
            cid = f"ct{len(regions) + 1}"
            regions.append(
                f'<text:changed-region text:id="{cid}"><text:deletion><office:change-info>'
                f'<dc:creator>Inkoopadviseur</dc:creator><dc:date>2026-02-11T09:30:00</dc:date>'
                f'</office:change-info><text:p>{m.group(1)}</text:p></text:deletion></text:changed-region>')
            return f'<text:change text:change-id="{cid}"/>'
        content = re.sub(r"\{\{DEL:(.*?)\}\}", repl, content)
        content = content.replace("<office:text>", "<office:text><text:tracked-changes>" + "".join(regions) + "</text:tracked-changes>", 1)
        with zipfile.ZipFile(out, "w") as zout:
            for item in zin.infolist():
                data = content.encode("utf-8") if item.filename == "content.xml" else zin.read(item.filename)
                comp = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
                zout.writestr(item, data, compress_type=comp)

def text_copy(src, out):
    shutil.copy(src, out)

def build_one(supplier, src, out, producer):
    srcp = os.path.join(SRC, supplier, src)
    outdir = os.path.join(OUT, supplier)
    os.makedirs(outdir, exist_ok=True)
    outp = os.path.join(outdir, out)
    kind = producer.split(":")[0]
    if kind == "pandoc":
        pandoc(srcp, outp)
    elif kind == "lo-pdf":
        via_libreoffice(srcp, outp, "pdf")
    elif kind == "lo-docx":
        via_libreoffice(srcp, outp, "docx:MS Word 2007 XML")
    elif kind == "lo-odt":
        via_libreoffice(srcp, outp, "odt")
    elif kind == "python-docx":
        python_docx(srcp, outp)
    elif kind in ("reportlab", "reportlab-mixed"):
        _, lang, header = producer.split(":", 2)
        LANG_NL[0] = lang == "nl"
        reportlab_pdf(srcp, outp, header)
        if kind == "reportlab-mixed":
            # append image-only pages (a scanned, signed annex) rendered from <stem>.scan.md
            with tempfile.TemporaryDirectory() as td:
                scan = os.path.join(td, "scan.pdf")
                scanned_pdf(srcp[:-3] + ".scan.md", scan)
                both = os.path.join(td, "both.pdf")
                run(["qpdf", "--empty", "--pages", outp, scan, "--", both])
                shutil.copy(both, outp)
    elif kind in ("scan", "png"):
        scanned_pdf(srcp, outp)
    elif kind == "word97":
        word97(srcp, outp)
    elif kind == "odt-tracked":
        odt_tracked(srcp, outp)
    elif kind == "copy":
        text_copy(srcp, outp)
    else:
        raise SystemExit(f"unknown producer {producer}")
    print(f"{producer.split(':')[0]:12} {os.path.relpath(outp, OUT)}  ({os.path.getsize(outp)} bytes)")

exec(open(os.path.join(HERE, "documents.py"), encoding="utf-8").read())

if __name__ == "__main__":
    only = sys.argv[1:]
    for d in DOCUMENTS:
        if not only or d[0] in only:
            build_one(*d)
