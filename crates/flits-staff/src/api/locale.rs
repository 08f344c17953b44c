//! The language of the staff API's messages: the best match of `Accept-Language` among
//! [`Locale::STAFF`], Dutch when there is none. Scripts send no cookies and no `?lang=`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::{FromRequest, HttpRequest};
use flits_i18n::{Locale, negotiate};

/// The language of a staff API request.
pub fn api_locale(req: &HttpRequest) -> Locale {
    let accept = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(&Locale::STAFF, None, None, accept)
}

/// Extracts [`api_locale`] in a handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiLocale(pub Locale);

impl FromRequest for ApiLocale {
    type Error = actix_web::Error;
    type Future = Ready<Result<ApiLocale, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(ApiLocale(api_locale(req))))
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn accept_language_or_dutch() {
        let with = |a: &str| {
            api_locale(
                &TestRequest::get()
                    .insert_header((ACCEPT_LANGUAGE, a))
                    .to_http_request(),
            )
        };
        assert_eq!(with("en-US,en;q=0.9"), Locale::En);
        assert_eq!(with("de, nl;q=0.1"), Locale::Nl);
        assert_eq!(with("tr"), Locale::Nl);
        assert_eq!(
            api_locale(&TestRequest::get().to_http_request()),
            Locale::Nl
        );
    }
}
