//! Folding for matching: NFKC, lower case, diacritics removed (geëist → geeist), quotes and dashes
//! unified, whitespace collapsed, number words to digits; with a map from every folded byte back to
//! the original byte, so evidence shows the original text.

/// Folded text and, for every byte of it, the byte offset in the original it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; `map.len() == text.len() + 1`, the
    /// last entry being the original length.
    pub map: Vec<usize>,
}

impl Folded {
    /// The original byte range for a folded byte range.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.map[start.min(self.map.len() - 1)];
        let e = if end == 0 {
            s
        } else {
            self.map[(end - 1).min(self.map.len() - 1)]
        };
        // extend `e` to the end of the original character that folded byte end-1 came from
        s..e.max(s)
    }
}

pub fn fold(original: &str) -> Folded {
    // placeholder: lower case only
    let mut text = String::with_capacity(original.len());
    let mut map = Vec::with_capacity(original.len() + 1);
    for (i, c) in original.char_indices() {
        for l in c.to_lowercase() {
            let before = text.len();
            text.push(l);
            for _ in before..text.len() {
                map.push(i);
            }
        }
    }
    map.push(original.len());
    Folded { text, map }
}

/// Folding that keeps case (for case-sensitive terms): placeholder until the text module lands.
pub fn fold_cased(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
