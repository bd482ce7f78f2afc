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
            out.push_str(&format!(
                "  {} [{}] {}: {}\n",
                d.path,
                supplier,
                status_str(d.status),
                d.message.as_deref().unwrap_or("")
            ));
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
