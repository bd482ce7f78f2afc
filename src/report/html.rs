//! `--format html`: one self-contained file (inline CSS, no scripts, nothing fetched), every piece
//! of document text escaped: a summary grid with the verdict symbols, then per supplier its
//! documents and its gaps with evidence.

use super::{families, severity_str, skipped_summary, status_str, Counts};
use crate::model::{ScanResult, Verdict};

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}.v{text-align:center;font-weight:bold;width:1.6em}\
.covered{background:#e3f4e1;color:#1b6e1b}.partial{background:#fff4cc;color:#7a5b00}\
.missing{background:#fde2e1;color:#a31515}.conflict{background:#a31515;color:#fff}\
.unknown{background:#e4ecfa;color:#1d4e9e}blockquote{margin:.3em 0 .6em 1em;padding-left:.8em;border-left:3px solid #bbb}\
.loc{color:#666;font-size:90%}.legend span{margin-right:1em}";

pub fn render(result: &ScanResult) -> String {
    let fams = families(&result.requirements);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<title>clausescan report</title>\n<style>");
    h.push_str(CSS);
    h.push_str("</style>\n</head>\n<body>\n<h1>Clause check of supplier documents</h1>\n");
    h.push_str(&format!(
        "<p>Profile <code>{}</code> · {} suppliers · {} requirements · {} {}</p>\n",
        escape(&result.profile),
        result.suppliers.len(),
        result.requirements.len(),
        escape(&result.tool.name),
        escape(&result.tool.version)
    ));
    h.push_str("<p class=\"legend\">");
    for v in Verdict::ALL {
        h.push_str(&format!(
            "<span class=\"{}\">{} {}</span>",
            v.as_str(),
            v.symbol(),
            v.as_str()
        ));
    }
    h.push_str("</p>\n<table>\n<tr><th rowspan=\"2\">Supplier</th>");
    for f in &fams {
        h.push_str(&format!(
            "<th colspan=\"{}\">{}</th>",
            f.members.len(),
            escape(&f.name)
        ));
    }
    h.push_str("<th rowspan=\"2\">✓</th><th rowspan=\"2\">~</th><th rowspan=\"2\">✗</th><th rowspan=\"2\">!</th><th rowspan=\"2\">?</th></tr>\n<tr>");
    for f in &fams {
        for (n, (_, r)) in f.members.iter().enumerate() {
            h.push_str(&format!(
                "<th class=\"v\" title=\"{} — {} ({})\">{}</th>",
                escape(&r.id),
                escape(&r.title),
                severity_str(r.severity),
                n + 1
            ));
        }
    }
    h.push_str("</tr>\n");
    for (si, s) in result.suppliers.iter().enumerate() {
        h.push_str(&format!(
            "<tr><td><a href=\"#s{si}\">{}</a></td>",
            escape(&s.name)
        ));
        for f in &fams {
            for (_, r) in &f.members {
                match s.results.iter().find(|x| x.id == r.id) {
                    Some(x) => h.push_str(&format!(
                        "<td class=\"v {}\" title=\"{}: {}\">{}</td>",
                        x.verdict.as_str(),
                        escape(&r.id),
                        x.verdict.as_str(),
                        x.verdict.symbol()
                    )),
                    None => h.push_str("<td></td>"),
                }
            }
        }
        let c = Counts::of(s);
        for v in Verdict::ALL {
            h.push_str(&format!("<td>{}</td>", c.get(v)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");

    for (si, s) in result.suppliers.iter().enumerate() {
        h.push_str(&format!(
            "<h2 id=\"s{si}\">{}</h2>\n<ul>\n",
            escape(&s.name)
        ));
        for d in &s.documents {
            h.push_str(&format!(
                "<li><code>{}</code> ({}{}) — {}{}</li>\n",
                escape(&d.path),
                escape(&d.format),
                d.pages.map(|p| format!(", {p} pages")).unwrap_or_default(),
                status_str(d.status),
                d.message
                    .as_deref()
                    .map(|m| format!(": {}", escape(m)))
                    .unwrap_or_default()
            ));
        }
        h.push_str("</ul>\n");
        // Results without evidence: one line per verdict and note, as in the Markdown report.
        let mut bare: Vec<(Verdict, Option<String>, Vec<String>)> = Vec::new();
        for info in &result.requirements {
            let Some(r) = s.results.iter().find(|r| r.id == info.id) else {
                continue;
            };
            if r.verdict == Verdict::Covered {
                continue;
            }
            if r.evidence.is_empty() {
                let id = escape(&r.id);
                match bare
                    .iter_mut()
                    .find(|(v, n, _)| *v == r.verdict && *n == r.note)
                {
                    Some((_, _, ids)) => ids.push(id),
                    None => bare.push((r.verdict, r.note.clone(), vec![id])),
                }
                continue;
            }
            h.push_str(&format!(
                "<h3><span class=\"{}\">{} {}</span> {} — {} <small>({})</small></h3>\n",
                r.verdict.as_str(),
                r.verdict.symbol(),
                r.verdict.as_str(),
                escape(&r.id),
                escape(&info.title),
                severity_str(info.severity)
            ));
            if let Some(n) = &r.note {
                h.push_str(&format!("<p>{}</p>\n", escape(n)));
            }
            for e in &r.evidence {
                let mut loc = escape(&e.path);
                if let Some(p) = e.page {
                    loc.push_str(&format!(", p. {p}"));
                }
                loc.push_str(&format!(", ¶ {}", e.paragraph));
                if let Some(c) = &e.clause {
                    loc.push_str(&format!(", clause {}", escape(c)));
                }
                h.push_str(&format!(
                    "<blockquote>{}<br><span class=\"loc\">{} ({})</span></blockquote>\n",
                    escape(&e.text),
                    loc,
                    format!("{:?}", e.role).to_lowercase()
                ));
            }
        }
        for (v, note, ids) in &bare {
            let why = match note {
                Some(n) => escape(n),
                None => super::no_evidence_reason(*v).to_string(),
            };
            h.push_str(&format!(
                "<p><span class=\"{}\">{} {}</span> {}<br><span class=\"loc\">{}</span></p>\n",
                v.as_str(),
                v.symbol(),
                v.as_str(),
                ids.join(", "),
                why
            ));
        }
    }
    if let Some(s) = skipped_summary(result) {
        h.push_str(&format!("<p class=\"loc\">{}</p>\n", escape(&s)));
    }
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
