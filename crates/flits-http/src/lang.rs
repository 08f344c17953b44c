//! Choosing the language of a page: `?lang=` first, then `Accept-Language`, then Dutch.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;
use serde::Serialize;

/// The languages Flits speaks. Dutch is the default for residents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// The code used in texts, URLs and the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a language code; only the ones Flits speaks.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// Picks a language from an explicit choice, then an `Accept-Language` header (by q-value).
    pub fn negotiate(explicit: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = explicit.and_then(Lang::parse) {
            return lang;
        }
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.unwrap_or("").split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or(Lang::Nl)
    }

    /// The language of a request: `?lang=` or `Accept-Language`.
    pub fn from_request(req: &HttpRequest) -> Lang {
        let explicit = url_query_param(req.query_string(), "lang");
        let accept = req
            .headers()
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Lang::negotiate(explicit.as_deref(), accept)
    }
}

/// One parameter of a query string, without failing on anything malformed.
pub fn url_query_param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded_pairs(query)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn serde_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    actix_web::web::Query::<Vec<(String, String)>>::from_query(query)
        .map(|q| q.into_inner())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_choice_wins_then_q_values() {
        assert_eq!(Lang::negotiate(Some("en"), Some("nl")), Lang::En);
        assert_eq!(
            Lang::negotiate(Some("fr"), Some("en-GB,nl;q=0.5")),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(None, Some("de, en;q=0.4, nl;q=0.8")),
            Lang::Nl
        );
        assert_eq!(Lang::negotiate(None, Some("de")), Lang::Nl);
        assert_eq!(Lang::negotiate(None, None), Lang::Nl);
    }
}
