//! The form cookie: the browser half of the poll form's double submit.
//!
//! A poll page sets `flits_form`, a random value that means nothing by itself, as a
//! `SameSite=Strict`, `HttpOnly` cookie on `/p`, and signs the form's one-time token together with
//! that value and the poll ([`crate::fairness`]). The form is taken only when its token and the
//! cookie the browser sends belong together. A browser sends a `SameSite=Strict` cookie only with
//! requests that start on this site: the form of our own page, never a form that another site
//! posts to us. A resident who arrives from a link in a social app or an e-mail (a cross-site
//! visit) gets the cookie with that first page, and their browser sends it when they press
//! "Send" on it; nothing needs JavaScript.
//!
//! The cookie holds no answers and is the same for every poll the browser opens; it lives as long
//! as a form token ([`crate::CollectorConfig::form_token_hours`]) and every poll page renews it.
//! When a form arrives without it (it expired, or the browser blocks cookies) the resident gets
//! the form back with their answers, a fresh token and a fresh cookie, to send again.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

/// The cookie's name.
pub const FORM_COOKIE: &str = "flits_form";

/// The path the cookie is sent on: every poll's pages and forms.
const FORM_COOKIE_PATH: &str = "/p";

/// The random value of one browser's form cookie.
#[derive(Clone, PartialEq, Eq)]
pub struct BrowserKey([u8; 16]);

impl std::fmt::Debug for BrowserKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Half of a double submit: never printed.
        f.write_str("BrowserKey(..)")
    }
}

impl BrowserKey {
    /// A fresh value for a browser that has none.
    pub fn random() -> BrowserKey {
        let mut key = [0u8; 16];
        rand::rng().fill_bytes(&mut key);
        BrowserKey(key)
    }

    /// The value of a cookie, when it has the shape this module gives it (22 characters of
    /// unpadded base64url).
    pub fn parse(value: &str) -> Option<BrowserKey> {
        if value.len() != 22 {
            return None;
        }
        let raw = URL_SAFE_NO_PAD.decode(value).ok()?;
        <[u8; 16]>::try_from(raw.as_slice()).ok().map(BrowserKey)
    }

    /// The form cookie the request carries, if any (and well formed).
    pub fn of_request(req: &HttpRequest) -> Option<BrowserKey> {
        req.cookie(FORM_COOKIE)
            .and_then(|c| BrowserKey::parse(c.value()))
    }

    /// The request's form cookie, or a fresh one for a browser that sent none.
    pub fn of_request_or_new(req: &HttpRequest) -> BrowserKey {
        BrowserKey::of_request(req).unwrap_or_else(BrowserKey::random)
    }

    /// The bytes a token is signed with.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The cookie that (re)sets this value for `hours`, `Secure` when the public base is HTTPS.
    pub fn cookie(&self, hours: u32, secure: bool) -> Cookie<'static> {
        Cookie::build(FORM_COOKIE, URL_SAFE_NO_PAD.encode(self.0))
            .path(FORM_COOKIE_PATH)
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Strict)
            .max_age(actix_web::cookie::time::Duration::hours(i64::from(hours)))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_value_reads_back_and_nothing_else_does() {
        let key = BrowserKey::random();
        let cookie = key.cookie(72, true);
        assert_eq!(BrowserKey::parse(cookie.value()), Some(key.clone()));
        assert_ne!(BrowserKey::random(), key);
        for bad in ["", "short", &"A".repeat(23), "!!!!!!!!!!!!!!!!!!!!!!"] {
            assert_eq!(BrowserKey::parse(bad), None, "{bad:?}");
        }
        let text = cookie.to_string().to_ascii_lowercase();
        for attr in [
            "httponly",
            "samesite=strict",
            "path=/p",
            "max-age=259200",
            "secure",
        ] {
            assert!(text.contains(attr), "{attr} in {text}");
        }
        assert!(!format!("{key:?}").contains(cookie.value()));
    }
}
