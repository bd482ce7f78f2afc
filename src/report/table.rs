//! `--format table` (the default): the gap table a procurement officer reads at a glance. Suppliers
//! are rows; each requirement family is one column holding one symbol per requirement (in groups of
//! five, numbered in the header), so 29 requirements and long supplier names fit 120 columns. A
//! legend maps the numbers to requirement IDs; unreadable documents and their reasons follow.

use comfy_table::{presets, Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{families, problem_documents, short_id, skipped_summary, status_str, Counts};
use crate::model::{ScanResult, Severity, Verdict};

/// Rendering choices that depend on where the output goes, not on the result.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle {
    pub colour: bool,
    /// Total width to fit; `None` for the terminal's width (120 when there is none).
    pub width: Option<u16>,
}

impl Default for TableStyle {
    fn default() -> Self {
        TableStyle {
            colour: false,
            width: Some(120),
        }
    }
}

/// Symbols in groups of five, so position 7 is easy to find by eye.
fn grouped<I: IntoIterator<Item = String>>(items: I) -> String {
    let mut out = String::new();
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push(' ');
        }
        out.push_str(&s);
    }
    out
}

fn verdict_colour(v: Verdict) -> Color {
    match v {
        Verdict::Covered => Color::Green,
        Verdict::Partial => Color::Yellow,
        Verdict::Missing => Color::Red,
        Verdict::Conflict => Color::Magenta,
        Verdict::Unknown => Color::Blue,
    }
}

pub fn render(result: &ScanResult, style: TableStyle) -> String {
    let fams = families(&result.requirements);
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    let width = style.width.or_else(|| table.width()).unwrap_or(120);
    table.set_width(width);
    if style.colour {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }

    let mut header = vec![Cell::new("supplier"), Cell::new("docs")];
    for f in &fams {
        // Second header line: the position numbers (mod 10) above the symbols.
        let digits = grouped((1..=f.members.len()).map(|n| (n % 10).to_string()));
        header.push(Cell::new(format!("{} ({})\n{}", f.name, f.short, digits)));
    }
    for v in Verdict::ALL {
        header.push(Cell::new(v.symbol()).set_alignment(CellAlignment::Right));
    }
    table.set_header(header);

    for s in &result.suppliers {
        let readable = s
            .documents
            .iter()
            .filter(|d| d.status == crate::model::DocStatus::Ok)
            .count();
        let docs = if readable == s.documents.len() {
            s.documents.len().to_string()
        } else {
            format!("{readable}/{}", s.documents.len())
        };
        let mut row = vec![Cell::new(&s.name), Cell::new(docs)];
        for f in &fams {
            let symbols = f.members.iter().map(|(_, r)| {
                s.results
                    .iter()
                    .find(|x| x.id == r.id)
                    .map(|x| x.verdict.symbol().to_string())
                    .unwrap_or_else(|| " ".to_string())
            });
            row.push(Cell::new(grouped(symbols)));
        }
        let counts = Counts::of(s);
        for v in Verdict::ALL {
            let n = counts.get(v);
            let mut cell = Cell::new(n).set_alignment(CellAlignment::Right);
            if style.colour && n > 0 {
                cell = cell.fg(verdict_colour(v));
                if v == Verdict::Conflict {
                    cell = cell.add_attribute(Attribute::Bold);
                }
            }
            row.push(cell);
        }
        table.add_row(row);
    }

    let mut out = format!(
        "clausescan — profile {} — {} supplier{}, {} requirement{}\n",
        result.profile,
        result.suppliers.len(),
        plural(result.suppliers.len()),
        result.requirements.len(),
        plural(result.requirements.len())
    );
    out.push_str(&table.to_string());
    out.push('\n');
    out.push_str("✓ covered  ~ partial  ✗ missing  ! conflict (red flag)  ? unknown (a document could not be read)\n");
    out.push_str(
        "docs: documents read / found; numbers in the header are the requirements below\n",
    );

    // Legend: one block per family, `n ID` items wrapped to the width; `*` marks `should`.
    let width = usize::from(width).max(40);
    let mut any_should = false;
    for f in &fams {
        let lead = format!("{} ", f.short);
        let mut line = lead.clone();
        for (n, (_, r)) in f.members.iter().enumerate() {
            let should = r.severity == Severity::Should;
            any_should |= should;
            let item = format!("{}:{}{}", n + 1, short_id(r), if should { "*" } else { "" });
            if line.len() > lead.len() && line.chars().count() + item.chars().count() + 2 > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line = " ".repeat(lead.len());
            }
            line.push_str(&item);
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if any_should {
        out.push_str("* severity should: reported, never fails --fail-on\n");
    }

    let problems = problem_documents(result);
    if !problems.is_empty() {
        out.push_str("\nDocuments not (fully) read:\n");
        for (supplier, d) in problems {
            let reason = format!(
                "{}: {}",
                status_str(d.status),
                d.message.as_deref().unwrap_or("")
            );
            // The supplier is named only when the path does not already show it.
            let who = if d.path.contains(supplier) {
                String::new()
            } else {
                format!(" [{supplier}]")
            };
            let line = format!("  {}{} — {}", d.path, who, reason);
            if line.chars().count() <= width {
                out.push_str(&line);
                out.push('\n');
            } else {
                out.push_str(&format!("  {}{}\n      {}\n", d.path, who, reason));
            }
        }
    }
    if let Some(s) = skipped_summary(result) {
        out.push_str(&format!("\n{s}; --verbose lists them.\n"));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// 29 requirements in three families and 50 suppliers with long names fit 120 columns.
    fn big() -> ScanResult {
        let mut requirements = Vec::new();
        for (family, n) in [("GENAI", 10), ("DP", 10), ("RISK", 9)] {
            for i in 0..n {
                requirements.push(RequirementInfo {
                    id: format!("{family}-REQUIREMENT-{i}"),
                    title: "t".into(),
                    family: family.into(),
                    severity: if i % 4 == 3 {
                        Severity::Should
                    } else {
                        Severity::Must
                    },
                });
            }
        }
        let suppliers = (0..50)
            .map(|s| SupplierResult {
                name: format!("supplier number {s} with a rather long legal name B.V."),
                documents: vec![DocumentInfo {
                    path: format!("corpus/supplier-{s}/a-long-file-name-for-the-agreement.pdf"),
                    format: "pdf".into(),
                    pages: None,
                    status: if s % 10 == 0 {
                        DocStatus::Unreadable
                    } else {
                        DocStatus::Ok
                    },
                    message: (s % 10 == 0)
                        .then(|| "no text layer (scanned image?): OCR needed".into()),
                }],
                results: requirements
                    .iter()
                    .enumerate()
                    .map(|(i, r)| RequirementResult {
                        id: r.id.clone(),
                        verdict: Verdict::ALL[(i + s) % 5],
                        evidence: vec![],
                        note: None,
                    })
                    .collect(),
            })
            .collect();
        ScanResult {
            schema_version: 1,
            tool: ToolInfo {
                name: "clausescan".into(),
                version: "0".into(),
            },
            profile: "p".into(),
            requirements,
            suppliers,
            skipped: vec![],
        }
    }

    #[test]
    fn fits_120_columns_with_29_requirements_and_50_suppliers() {
        let text = render(&big(), TableStyle::default());
        for line in text.lines() {
            assert!(
                line.chars().count() <= 120,
                "{} chars: {line}",
                line.chars().count()
            );
        }
        // One row per supplier, symbols intact (not wrapped).
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("│ supplier number"))
                .count(),
            50
        );
        assert!(text.contains("✓~✗!? ✓~✗!?"));
        assert!(!text.contains('\u{1b}'));
        if std::env::var_os("CLAUSESCAN_SHOW_TABLE").is_some() {
            println!("{text}");
        }
    }

    #[test]
    fn colour_only_on_request() {
        let style = TableStyle {
            colour: true,
            width: Some(120),
        };
        assert!(render(&big(), style).contains('\u{1b}'));
    }
}
