//! The collector's own words (not the poll's), in Dutch and English, at B1 level.

use flits_http::Lang;
use serde::Serialize;

/// Interface texts of the resident pages.
#[derive(Debug, Clone, Serialize)]
pub struct UiTexts {
    pub skip_to_content: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub submit: &'static str,
    pub error_summary: &'static str,
    pub privacy_heading: &'static str,
    pub privacy: Vec<String>,
    pub other_lang_label: &'static str,
}

/// The texts in one language.
pub fn ui_texts(lang: Lang) -> UiTexts {
    match lang {
        Lang::Nl => UiTexts {
            skip_to_content: "Naar de vragen",
            required: "verplicht",
            optional: "mag u overslaan",
            submit: "Verstuur mijn antwoorden",
            error_summary: "Er ging iets mis. Kijk de vragen hieronder na.",
            privacy_heading: "Wat gebeurt er met uw antwoorden?",
            privacy: privacy_texts(Lang::Nl, 180),
            other_lang_label: "English",
        },
        Lang::En => UiTexts {
            skip_to_content: "Go to the questions",
            required: "required",
            optional: "you may skip this",
            submit: "Send my answers",
            error_summary: "Something went wrong. Please check the questions below.",
            privacy_heading: "What happens to your answers?",
            privacy: privacy_texts(Lang::En, 180),
            other_lang_label: "Nederlands",
        },
    }
}

/// The privacy statement in plain words: exactly what is kept, what is not, and who sees it.
/// `cookie_days` is how long the participation cookie lasts (`collector.participation_cookie_days`).
pub fn privacy_texts(lang: Lang, cookie_days: u32) -> Vec<String> {
    match lang {
        Lang::Nl => vec![
            "Uw antwoorden zijn anoniem. We vragen niet om uw naam of e-mailadres.".to_owned(),
            "We bewaren alleen: uw antwoorden, de taal van de pagina, de datum (niet het tijdstip) en via welk kanaal u kwam, bijvoorbeeld Facebook of een poster. We bewaren niet uw IP-adres, niet uw browser en niet wie u bent.".to_owned(),
            format!("Iedereen kan één keer meedoen. Daarom zet deze website na het versturen een cookie in uw browser. Dat cookie zegt alleen dat er met deze browser aan deze peiling is meegedaan. Er staat niets van uw antwoorden in. Het verdwijnt na {cookie_days} dagen."),
            "Zodat niemand de peiling kan overspoelen, tellen we hoe vaak er vanaf één netwerkadres (IP-adres) is meegedaan. Het adres zelf bewaren we niet: we maken er een code van met een geheime sleutel die alleen in het geheugen van de server staat. Elke nacht komt er een nieuwe sleutel en verdwijnen de codes. Niemand kan een code terugrekenen naar uw adres, ook wij niet.".to_owned(),
            "Alleen medewerkers van de gemeente zien de antwoorden. Als we ze delen, halen we eerst alles weg waaraan iemand te herkennen is.".to_owned(),
        ],
        Lang::En => vec![
            "Your answers are anonymous. We do not ask for your name or e-mail address.".to_owned(),
            "We keep only: your answers, the language of the page, the date (not the time) and the channel you came from, for example Facebook or a poster. We do not keep your IP address, your browser or who you are.".to_owned(),
            format!("Everyone can take part once. So after you send your answers, this website sets a cookie in your browser. The cookie only says that this browser took part in this poll. It holds nothing of your answers. It disappears after {cookie_days} days."),
            "So that nobody can flood the poll, we count how often people took part from one network address (IP address). We do not keep the address itself: we turn it into a code with a secret key that exists only in the server's memory. Every night there is a new key and the codes disappear. Nobody can trace a code back to your address, not even us.".to_owned(),
            "Only municipal staff see the answers. When we share them, we first remove anything that could identify someone.".to_owned(),
        ],
    }
}
