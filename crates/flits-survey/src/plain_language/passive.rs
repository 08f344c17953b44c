//! Spotting the passive voice (lijdende vorm) in a Dutch sentence.
//!
//! B1 guidelines ask for active sentences: say who does what ("wij leggen een fietspad aan", not "er
//! wordt een fietspad aangelegd"). Without a parser this is a heuristic; it looks for:
//! 1. `er` next to a form of *worden* (`er wordt`, `wordt er`, `er werden`): the impersonal passive;
//! 2. a form of *worden* with a past participle after it in the sentence, or just before it (the
//!    word order of a subordinate clause: `… dat gemaakt wordt`);
//! 3. `door` followed by an agent, in a sentence with a form of *zijn* or *worden* and a past
//!    participle (`het plan is door de gemeente gemaakt`).
//!
//! A past participle is recognised by its shape: `ge…d/t/en` (`gemaakt`, `genomen`), a separable
//! particle before `ge` (`aangelegd`, `ingevuld`, `afgesloten`), or an inseparable prefix (`be-`, `ver-`,
//! `ont-`, `her-`, `er-`, `onder-`) with a `-d`/`-t` ending (`verbeterd`, `besteld`) or from a short list of
//! strong verbs (`besproken`, `ontvangen`). Common nouns and infinitives of that shape (`gemeente`,
//! `gebied`, `geven`) are excluded. It misses some passives and flags the odd active sentence; that is
//! acceptable for a hint that never blocks saving.

const WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden", "geworden"];
const ZIJN: &[&str] = &["is", "zijn", "was", "waren", "ben", "bent", "geweest"];

/// Separable particles that can come before `ge` in a past participle (`aan-ge-legd`).
const PARTICLES: &[&str] = &[
    "aan", "af", "bij", "dicht", "door", "in", "mee", "na", "neer", "om", "op", "open", "over",
    "samen", "schoon", "tegen", "terug", "toe", "uit", "vast", "voor", "vrij", "weg",
];

/// Inseparable prefixes of verbs whose participle has no `ge` (`be-taald`, `ver-beterd`).
const PREFIXES: &[&str] = &["be", "ver", "ont", "her", "er", "onder"];

/// Strong participles with an inseparable prefix (ending in `-en`, so not caught by the shape rule).
const STRONG_PREFIXED: &[&str] = &[
    "besproken",
    "besloten",
    "beschreven",
    "bewezen",
    "bevonden",
    "bevolen",
    "begonnen",
    "bedreven",
    "ontvangen",
    "ontworpen",
    "ontnomen",
    "ontstaan",
    "ontdaan",
    "verboden",
    "verbonden",
    "vergeten",
    "verkregen",
    "verloren",
    "verzonden",
    "verschenen",
    "vertrokken",
    "verworven",
    "verheven",
    "herschreven",
    "herzien",
    "herkozen",
    "erkend",
];

/// Words shaped like a participle that are not one.
const NOT_PARTICIPLES: &[&str] = &[
    "gemeente",
    "gemeenten",
    "gebied",
    "gebieden",
    "gebouw",
    "gebouwen",
    "geld",
    "gelden",
    "gezin",
    "gezinnen",
    "geven",
    "gebruiken",
    "gebeuren",
    "geloven",
    "genieten",
    "gewoon",
    "genoeg",
    "geleden",
    "gesprekken",
    "gedachten",
    "gevolgen",
    "geluiden",
    "gemiddeld",
    "gezond",
    "gedicht",
    "gerecht",
    "geheugen",
    "getuigen",
    "gewicht",
    "gezicht",
    "gevecht",
    "gebed",
    "gebit",
    "gedeelte",
    "gedeelten",
    "bericht",
    "berichten",
    "besluit",
    "beleid",
    "bestand",
    "verband",
    "verstand",
    "verkeer",
    "verschillend",
    "bestaand",
    "belangrijk",
    "verleden",
    "betalen",
    "beginnen",
    "bellen",
    "beslissen",
    "bespreken",
    "verbeteren",
    "verbouwen",
    "vergaderen",
    "vertellen",
    "verwachten",
    "ontmoeten",
    "ontwikkelen",
    "herinneren",
    "bent",
    "erg",
    "ergens",
    "ertoe",
    "eten",
    "erven",
];

/// Whether `w` (lowercase) looks like a past participle.
pub fn is_participle(w: &str) -> bool {
    let len = w.chars().count();
    // `-heid` nouns and `-eerden` nouns (`geïnteresseerden`) look alike; so do present participles
    // (`verschillend`), but not `ge…end` and `…kend` (`geopend`, `ondertekend`).
    let present_participle = w.ends_with("end") && !w.starts_with("ge") && !w.ends_with("kend");
    if len < 5
        || NOT_PARTICIPLES.contains(&w)
        || present_participle
        || w.ends_with("heid")
        || w.ends_with("eerden")
    {
        return false;
    }
    if STRONG_PREFIXED.contains(&w) || matches!(w, "gedaan" | "gegaan" | "gestaan" | "geslaan") {
        return true;
    }
    let ends_weak = w.ends_with('d') || w.ends_with('t');
    let ends_like_participle = ends_weak || w.ends_with("en");
    if let Some(rest) = w.strip_prefix("ge") {
        return ends_like_participle && rest.chars().count() >= 3;
    }
    for particle in PARTICLES {
        if let Some(rest) = w.strip_prefix(particle).and_then(|r| r.strip_prefix("ge"))
            && rest.chars().count() >= 2
            && ends_like_participle
        {
            return true;
        }
    }
    PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 3)
    }) && ends_weak
}

/// The words of a sentence that make it passive, for the hint (`"er wordt"`, `"wordt … aangelegd"`),
/// or `None` when it reads as active.
pub fn passive_marker(words: &[String]) -> Option<String> {
    let worden_at: Vec<usize> = (0..words.len())
        .filter(|&i| WORDEN.contains(&words[i].as_str()))
        .collect();
    for &i in &worden_at {
        let before_er = i > 0 && words[i - 1] == "er";
        let after_er = words.get(i + 1).is_some_and(|w| w == "er");
        if before_er {
            return Some(format!("er {}", words[i]));
        }
        if after_er {
            return Some(format!("{} er", words[i]));
        }
    }
    for &i in &worden_at {
        if let Some(p) = words.iter().skip(i + 1).find(|w| is_participle(w)) {
            return Some(format!("{} … {p}", words[i]));
        }
        let before = i.saturating_sub(2)..i;
        if let Some(p) = words[before].iter().find(|w| is_participle(w)) {
            return Some(format!("{p} … {}", words[i]));
        }
    }
    let door_at = words.iter().position(|w| w == "door")?;
    let has_agent = words.get(door_at + 1).is_some();
    let has_aux = words
        .iter()
        .any(|w| ZIJN.contains(&w.as_str()) || WORDEN.contains(&w.as_str()));
    let participle = words.iter().find(|w| is_participle(w));
    match participle {
        Some(p) if has_agent && has_aux => Some(format!("{p} door {}", words[door_at + 1])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(s: &str) -> Option<String> {
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        passive_marker(&words)
    }

    #[test]
    fn recognises_participles() {
        for w in [
            "gemaakt",
            "genomen",
            "aangelegd",
            "ingevuld",
            "afgesloten",
            "verbeterd",
            "besproken",
            "gedaan",
            "ondertekend",
        ] {
            assert!(is_participle(w), "{w}");
        }
        for w in [
            "gemeente",
            "gebied",
            "geven",
            "verder",
            "betalen",
            "fiets",
            "bent",
            "belangrijk",
            "verschillend",
            "besluit",
            "geïnteresseerden",
        ] {
            assert!(!is_participle(w), "{w}");
        }
    }

    #[test]
    fn finds_passive_sentences() {
        assert_eq!(
            marker("Er wordt een nieuw fietspad aangelegd.").as_deref(),
            Some("er wordt")
        );
        assert_eq!(
            marker("Daarom wordt er gebouwd.").as_deref(),
            Some("wordt er")
        );
        assert_eq!(
            marker("Het plein wordt volgend jaar opgeknapt.").as_deref(),
            Some("wordt … opgeknapt")
        );
        assert_eq!(
            marker("Het plan dat gemaakt wordt is klaar.").as_deref(),
            Some("gemaakt … wordt")
        );
        assert_eq!(
            marker("Het plan is door de gemeente gemaakt.").as_deref(),
            Some("gemaakt door de")
        );
    }

    #[test]
    fn leaves_active_sentences_alone() {
        for s in [
            "Wij leggen een nieuw fietspad aan.",
            "Het wordt druk op het plein.",
            "U kunt lid worden van het panel.",
            "Wij hebben het plein opgeknapt.",
            "Hoe komt u naar het station?",
            "Wij gaan door met het plan.",
        ] {
            assert_eq!(marker(s), None, "{s}");
        }
    }
}
