//! Taking personal data out of open answers before anyone else reads them: e-mail addresses,
//! phone numbers, Dutch postcodes with a house number, BSNs (citizen service numbers, recognised
//! by the 11-proef) and IBANs (recognised by their check digits). Each is replaced by a tag that
//! names what was removed (`[email]`, `[phone]`, `[address]`, `[bsn]`, `[iban]`), so a reader sees
//! that something was there.
//!
//! Numbers that only look like a BSN or an IBAN but fail its check are left alone: an amount or a
//! reference number is not personal data, and removing it would damage the answer.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// What was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    Email,
    Iban,
    Phone,
    Address,
    Bsn,
}

impl Found {
    /// The tag that replaces it.
    pub fn tag(self) -> &'static str {
        match self {
            Found::Email => "[email]",
            Found::Iban => "[iban]",
            Found::Phone => "[phone]",
            Found::Address => "[address]",
            Found::Bsn => "[bsn]",
        }
    }
}

/// An answer with its personal data replaced, and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scrubbed<'a> {
    pub text: Cow<'a, str>,
    pub found: Vec<Found>,
}

/// The patterns, in the order they are applied: e-mail first (its digits are not a phone
/// number), then IBAN (it contains long digit runs), phone, address, BSN.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
        .unwrap_or_else(|e| panic!("{e}"))
});
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?\b")
        .unwrap_or_else(|e| panic!("{e}"))
});
/// Dutch numbers (`06-12345678`, `020 123 45 67`, `+31 (0)6 1234 5678`, `0031 6…`) and other
/// international numbers with a `+`.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\b0)[1-9](?:[\s.-]?\d){8}\b|\+[1-9]\d{0,2}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d){5,10}\b",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
/// A postcode (`1234 AB`) with a house number after it (`1234 AB 12a`, `1234AB, 12`) or before it
/// (`12, 1234 AB`, `nr 12 1234AB`).
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[1-9]\d{3}\s?[a-z]{2}\b[\s,]*(?:nr\.?\s*|huisnummer\s*)?\d{1,5}(?:\s?[a-z]\b|-\d{1,4})?|\b\d{1,5}[a-z]?[\s,]+[1-9]\d{3}\s?[a-z]{2}\b",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
/// Nine digits, possibly grouped (`123456782`, `1234.56.782`, `123 456 782`).
static BSN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d(?:[ .]?\d){8}\b").unwrap_or_else(|e| panic!("{e}")));

/// Whether nine digits pass the 11-proef of the BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple
/// of 11 (and not zero).
pub fn is_bsn(digits: &str) -> bool {
    let d: Vec<i64> = digits
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    if d.len() != 9 {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(digit, weight)| digit * weight)
        .sum::<i64>()
        - d[8];
    sum != 0 && sum % 11 == 0
}

/// Whether `candidate` (with or without spaces) is an IBAN with valid check digits.
fn is_iban(candidate: &str) -> bool {
    let compact: String = candidate
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    compact.parse::<iban::Iban>().is_ok()
}

/// Replaces what `regex` finds and `accept` accepts by `found`'s tag. One search through the
/// matches (no separate check first), the text copied only when something is replaced.
fn replace<'a>(
    text: Cow<'a, str>,
    regex: &Regex,
    found: Found,
    accept: impl Fn(&str) -> bool,
    log: &mut Vec<Found>,
) -> Cow<'a, str> {
    let replaced = {
        let mut out = String::new();
        let mut last = 0;
        for m in regex.find_iter(&text) {
            if accept(m.as_str()) {
                if out.is_empty() {
                    out.reserve(text.len());
                }
                out.push_str(&text[last..m.start()]);
                out.push_str(found.tag());
                last = m.end();
            }
        }
        (!out.is_empty()).then(|| {
            out.push_str(&text[last..]);
            out
        })
    };
    match replaced {
        None => text,
        Some(out) => {
            log.push(found);
            Cow::Owned(out)
        }
    }
}

/// `text` without personal data; see the module documentation.
pub fn scrub(text: &str) -> Scrubbed<'_> {
    let mut found = Vec::new();
    let mut t = Cow::Borrowed(text);
    // Most answers hold no `@` and no digit; every pattern needs one of them (`\d` is any
    // Unicode digit, which `is_numeric` includes), so such answers skip the regular expressions.
    if text.contains('@') {
        t = replace(t, &EMAIL, Found::Email, |_| true, &mut found);
    }
    if text.chars().any(char::is_numeric) {
        t = replace(t, &IBAN, Found::Iban, is_iban, &mut found);
        t = replace(t, &PHONE, Found::Phone, |_| true, &mut found);
        t = replace(t, &ADDRESS, Found::Address, |_| true, &mut found);
        t = replace(t, &BSN, Found::Bsn, is_bsn, &mut found);
    }
    Scrubbed { text: t, found }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        scrub(text).text.into_owned()
    }

    #[test]
    fn each_kind_is_replaced_by_its_tag() {
        assert_eq!(
            clean("Mail me: jan.de.vries@example.nl!"),
            "Mail me: [email]!"
        );
        assert_eq!(
            clean("Bel 06-12345678 of 020 123 45 67"),
            "Bel [phone] of [phone]"
        );
        assert_eq!(clean("+31 (0)6 1234 5678"), "[phone]");
        assert_eq!(clean("Ik woon op 1971 AB 12a."), "Ik woon op [address].");
        assert_eq!(
            clean("Dorpsstraat 12, 1971AB Velsen"),
            "Dorpsstraat [address] Velsen"
        );
        assert_eq!(clean("BSN 111222333"), "BSN [bsn]");
        assert_eq!(clean("NL91 ABNA 0417 1643 00"), "[iban]");
        assert_eq!(clean("NL91ABNA0417164300."), "[iban].");
    }

    #[test]
    fn numbers_that_fail_their_check_stay() {
        assert_eq!(clean("Bestelnummer 123456789"), "Bestelnummer 123456789");
        assert_eq!(clean("NL91ABNA0417164301"), "NL91ABNA0417164301");
        assert_eq!(
            clean("In 2024 kwamen 1500 mensen"),
            "In 2024 kwamen 1500 mensen"
        );
        assert!(scrub("Gewoon een mening.").found.is_empty());
        assert!(matches!(scrub("Gewoon een mening.").text, Cow::Borrowed(_)));
    }

    #[test]
    fn the_11_proef() {
        assert!(is_bsn("111222333"));
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"));
    }
}
