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
    pub privacy: Vec<&'static str>,
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
            privacy: vec![
                "Uw antwoorden zijn anoniem. We vragen niet om uw naam of e-mailadres.",
                "We bewaren uw antwoorden, de taal, de dag waarop u meedeed en via welk kanaal u kwam (bijvoorbeeld Facebook of een poster). We bewaren niet uw IP-adres of wie u bent.",
                "Om te zorgen dat iemand niet heel vaak meedoet, zetten we een cookie in uw browser en houden we een onherkenbare code van uw netwerkadres bij. Die code verandert elke dag en is niet terug te rekenen naar u.",
                "Alleen medewerkers van de gemeente zien de antwoorden. Als we ze delen, halen we eerst alles weg waaraan iemand te herkennen is.",
            ],
            other_lang_label: "English",
        },
        Lang::En => UiTexts {
            skip_to_content: "Go to the questions",
            required: "required",
            optional: "you may skip this",
            submit: "Send my answers",
            error_summary: "Something went wrong. Please check the questions below.",
            privacy_heading: "What happens to your answers?",
            privacy: vec![
                "Your answers are anonymous. We do not ask for your name or e-mail address.",
                "We keep your answers, the language, the day you took part and the channel you came from (for example Facebook or a poster). We do not keep your IP address or who you are.",
                "To stop one person from taking part many times, we set a cookie in your browser and keep an unrecognisable code of your network address. This code changes every day and cannot be traced back to you.",
                "Only municipal staff see the answers. When we share them, we first remove anything that could identify someone.",
            ],
            other_lang_label: "Nederlands",
        },
    }
}
