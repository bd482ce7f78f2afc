//! Rendering list counters the way word processors display them (decimal, letters, roman
//! numerals), shared by the DOCX and ODT readers to rebuild clause numbers such as "7.2" or "(b)".

/// A number style of a list level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumStyle {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumStyle {
    /// From a DOCX `w:numFmt/@w:val`.
    pub fn from_docx(v: &str) -> NumStyle {
        match v {
            "decimalZero" => NumStyle::DecimalZero,
            "lowerLetter" => NumStyle::LowerLetter,
            "upperLetter" => NumStyle::UpperLetter,
            "lowerRoman" => NumStyle::LowerRoman,
            "upperRoman" => NumStyle::UpperRoman,
            "bullet" => NumStyle::Bullet,
            "none" => NumStyle::None,
            _ => NumStyle::Decimal,
        }
    }

    /// From an ODF `style:num-format` ("1", "a", "A", "i", "I", "").
    pub fn from_odf(v: &str) -> NumStyle {
        match v {
            "a" => NumStyle::LowerLetter,
            "A" => NumStyle::UpperLetter,
            "i" => NumStyle::LowerRoman,
            "I" => NumStyle::UpperRoman,
            "" => NumStyle::None,
            _ => NumStyle::Decimal,
        }
    }

    /// `n` in this style; bullets and `None` give an empty string.
    pub fn format(self, n: u32) -> String {
        match self {
            NumStyle::Decimal => n.to_string(),
            NumStyle::DecimalZero => format!("{n:02}"),
            NumStyle::LowerLetter => letters(n, b'a'),
            NumStyle::UpperLetter => letters(n, b'A'),
            NumStyle::LowerRoman => roman(n).to_lowercase(),
            NumStyle::UpperRoman => roman(n),
            NumStyle::Bullet | NumStyle::None => String::new(),
        }
    }
}

/// 1 → a, 26 → z, 27 → aa (Word repeats the letter: 27 → aa, 28 → bb).
fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return "0".into();
    }
    let idx = ((n - 1) % 26) as u8;
    let reps = ((n - 1) / 26 + 1).min(10) as usize;
    std::iter::repeat_n((base + idx) as char, reps).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(NumStyle::LowerLetter.format(2), "b");
        assert_eq!(NumStyle::LowerLetter.format(28), "bb");
        assert_eq!(NumStyle::UpperRoman.format(14), "XIV");
        assert_eq!(NumStyle::LowerRoman.format(4), "iv");
        assert_eq!(NumStyle::DecimalZero.format(7), "07");
    }
}
