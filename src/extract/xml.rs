//! A thin layer over quick-xml for untrusted office XML: it tracks nesting depth against
//! `Limits::max_xml_depth`, checks the time budget, refuses DTDs that declare entities (quick-xml
//! never expands them, but a document that needs them is not an office document) and turns parse
//! errors into `Corrupt` errors that name the part.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::Reader;

use super::{Deadline, ExtractError, Limits};

/// How many events pass between two checks of the time budget.
const DEADLINE_EVERY: u32 = 4096;

/// A streaming XML reader over one package part.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    max_depth: usize,
    deadline: Deadline,
    events: u32,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub fn new(bytes: &'a [u8], part: &'a str, limits: &Limits, deadline: Deadline) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().trim_text(false);
        Xml {
            reader,
            depth: 0,
            max_depth: limits.max_xml_depth,
            deadline,
            events: 0,
            part,
        }
    }

    /// Current element depth (1 inside the root element).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The next event. `End` events come after the depth was decremented, so an element that
    /// started at depth `d` (as reported right after its `Start`) ends when `depth() == d - 1`.
    pub fn next_event(&mut self) -> Result<Event<'a>, ExtractError> {
        self.events += 1;
        if self.events % DEADLINE_EVERY == 0 {
            self.deadline.check()?;
        }
        let event = self.reader.read_event().map_err(|e| {
            ExtractError::Corrupt(format!(
                "bad XML in {} at byte {}: {e}",
                self.part,
                self.reader.buffer_position()
            ))
        })?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    return Err(ExtractError::Limit(format!(
                        "XML nesting in {} deeper than {} levels",
                        self.part, self.max_depth
                    )));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::DocType(d) if d.windows(8).any(|w| w.eq_ignore_ascii_case(b"<!ENTITY")) => {
                return Err(ExtractError::Corrupt(format!(
                    "{} declares XML entities in a DTD (billion laughs?); not an office document",
                    self.part
                )));
            }
            _ => {}
        }
        Ok(event)
    }

    /// Skips to the end of the element whose `Start` was just returned.
    pub fn skip_element(&mut self) -> Result<(), ExtractError> {
        let target = self.depth.saturating_sub(1);
        loop {
            match self.next_event()? {
                Event::End(_) if self.depth == target => return Ok(()),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

/// The value of the attribute with local name `local` (any prefix), unescaped.
pub fn attr<'b>(e: &'b BytesStart<'_>, local: &[u8]) -> Option<Cow<'b, str>> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        if a.key.local_name().as_ref() == local {
            let raw = match a.value {
                Cow::Borrowed(b) => String::from_utf8_lossy(b).into_owned(),
                Cow::Owned(b) => String::from_utf8_lossy(&b).into_owned(),
            };
            match quick_xml::escape::unescape(&raw) {
                Ok(v) => Some(Cow::Owned(v.into_owned())),
                Err(_) => Some(Cow::Owned(raw)),
            }
        } else {
            None
        }
    })
}

/// The text of a text event; undeclared entities stay as written instead of failing the document.
pub fn text<'b>(t: &'b BytesText<'_>) -> Cow<'b, str> {
    match t.unescape() {
        Ok(s) => s,
        Err(_) => Cow::Owned(String::from_utf8_lossy(t.as_ref()).into_owned()),
    }
}

/// Reads `dc:title` (or any element with local name `title`) from a metadata part
/// (DOCX `docProps/core.xml`, ODT `meta.xml`); `None` when absent or blank.
pub fn read_title(
    bytes: &[u8],
    part: &str,
    limits: &Limits,
    deadline: Deadline,
) -> Result<Option<String>, ExtractError> {
    let mut xml = Xml::new(bytes, part, limits, deadline);
    let mut inside = false;
    let mut title = String::new();
    loop {
        match xml.next_event()? {
            Event::Start(e) if e.local_name().as_ref() == b"title" => inside = true,
            Event::End(e) if e.local_name().as_ref() == b"title" => break,
            Event::Text(t) if inside => title.push_str(&text(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((!title.is_empty()).then_some(title))
}
