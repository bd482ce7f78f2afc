//! CSV in and out: the `--format csv` report (one row per supplier × requirement, RFC 4180, UTF-8
//! with BOM and CRLF so Excel opens Dutch text right), and the small RFC 4180 reader that the
//! manifest and CSV baselines share.

use crate::model::ScanResult;

/// The report's columns, in order.
pub const HEADER: [&str; 10] = [
    "supplier",
    "requirement",
    "title",
    "severity",
    "verdict",
    "note",
    "evidence_path",
    "page",
    "clause",
    "sentence",
];

pub fn render(result: &ScanResult) -> String {
    // The BOM makes Excel read the file as UTF-8 (otherwise "geëist" turns into mojibake);
    // every other CSV reader ignores or strips it.
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for s in &result.suppliers {
        for r in &s.results {
            let info = result.requirements.iter().find(|q| q.id == r.id);
            let first = r.evidence.first();
            push_row(
                &mut out,
                [
                    s.name.clone(),
                    r.id.clone(),
                    info.map(|i| i.title.clone()).unwrap_or_default(),
                    info.map(|i| severity_str(i.severity).to_string())
                        .unwrap_or_default(),
                    r.verdict.as_str().to_string(),
                    r.note.clone().unwrap_or_default(),
                    first.map(|e| e.path.clone()).unwrap_or_default(),
                    first
                        .and_then(|e| e.page)
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    first.and_then(|e| e.clause.clone()).unwrap_or_default(),
                    first.map(|e| e.text.clone()).unwrap_or_default(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

fn severity_str(s: crate::model::Severity) -> &'static str {
    match s {
        crate::model::Severity::Must => "must",
        crate::model::Severity::Should => "should",
    }
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let mut first = true;
    for f in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&quote(&f));
    }
    out.push_str("\r\n");
}

/// RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled. A leading
/// `=`, `+`, `-` or `@` is kept as is: the text is the contract's, and these are data, not macros.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A CSV record with the 1-based line on which it starts.
pub type Record = (usize, Vec<String>);

/// Reads RFC 4180 CSV (also `;`-less, comma only; a leading BOM is ignored; LF or CRLF). Returns
/// each record with the 1-based line on which it starts, or `(line, message)` for malformed input.
pub fn parse(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut in_quotes = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
            }
            '"' => return Err((line, "stray quote inside an unquoted field".to_string())),
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
                records.push((start_line, std::mem::take(&mut record)));
                line += 1;
                start_line = line;
            }
            _ if was_quoted => {
                return Err((line, "text after a closing quote".to_string()));
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err((start_line, "unterminated quoted field".to_string()));
    }
    if !field.is_empty() || !record.is_empty() || was_quoted {
        record.push(field);
        records.push((start_line, record));
    }
    // Blank lines are not records.
    records.retain(|(_, r)| !(r.len() == 1 && r.first().is_some_and(|f| f.is_empty())));
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_quoting() {
        let fields = ["plain", "a, b", "say \"hi\"", "two\r\nlines", "geëist"];
        let mut out = String::new();
        push_row(&mut out, fields.iter().map(|s| s.to_string()));
        let parsed = parse(&out).unwrap_or_default();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].1, fields);
    }

    #[test]
    fn lines_and_errors() {
        let parsed =
            parse("\u{feff}path,supplier\n\na.pdf,acme\r\n\"b\nc.pdf\",beta\n").unwrap_or_default();
        let lines: Vec<usize> = parsed.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4]);
        assert_eq!(parse("a,\"b\nc").err().map(|e| e.0), Some(1));
        assert!(parse("a,b\"c\n").is_err());
    }
}
