//! The route pattern of a request (`/p/{slug}`), worked out once per request.
//!
//! actix-web finds a request's pattern by matching its path against every route again, and both
//! the request log and the metrics want it. Matching is a good share of a cheap request's cost,
//! so the first caller keeps the answer in the request's extensions for the others.

use std::rc::Rc;

use actix_web::{HttpMessage, HttpRequest};

/// The label of a path that matched no route.
pub const UNMATCHED: &str = "unmatched";

#[derive(Clone)]
struct RoutePattern(Rc<str>);

/// The pattern of the route the request's path matches, or [`UNMATCHED`].
pub fn of(req: &HttpRequest) -> Rc<str> {
    if let Some(RoutePattern(known)) = req.extensions().get::<RoutePattern>() {
        return known.clone();
    }
    let pattern: Rc<str> = req.match_pattern().as_deref().unwrap_or(UNMATCHED).into();
    req.extensions_mut().insert(RoutePattern(pattern.clone()));
    pattern
}

#[cfg(test)]
mod tests {
    use actix_web::{App, HttpResponse, test, web};

    use super::*;

    #[actix_web::test]
    async fn names_the_pattern_and_remembers_it() {
        let app = test::init_service(App::new().route(
            "/p/{slug}",
            web::get().to(|req: HttpRequest| async move {
                let first = of(&req);
                let again = of(&req);
                assert!(Rc::ptr_eq(&first, &again));
                HttpResponse::Ok().body(first.to_string())
            }),
        ))
        .await;
        let res =
            test::call_service(&app, test::TestRequest::get().uri("/p/demo").to_request()).await;
        assert_eq!(test::read_body(res).await, "/p/{slug}");
    }

    #[actix_web::test]
    async fn an_unknown_path_is_unmatched() {
        let req = test::TestRequest::get().uri("/nowhere").to_http_request();
        assert_eq!(&*of(&req), UNMATCHED);
    }
}
