//! The route pattern of a request (`/p/{slug}`), worked out once per request, and once per path
//! in each worker.
//!
//! actix-web finds a request's pattern by matching its path against every route again, and both
//! the request log and the metrics want it. Matching was a good share of a cheap request's cost
//! (4% of a JSON submit's), so the first caller keeps the answer in the request's extensions for
//! the others, and a worker's [`PatternCache`] remembers it for the next request to the same path:
//! residents send many requests to few paths (`/p/demo`, `/api/v1/polls/demo/responses`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use actix_web::{HttpMessage, HttpRequest};

/// The label of a path that matched no route.
pub const UNMATCHED: &str = "unmatched";

/// Paths longer than this are matched every time, never kept.
const MAX_CACHED_PATH: usize = 128;
/// The most paths a worker keeps; when full it starts over, so a flood of made-up paths costs at
/// most this many short strings and never slows the real ones for long.
const MAX_CACHED_PATHS: usize = 4096;

#[derive(Clone)]
struct RoutePattern(Rc<str>);

/// The patterns one worker's app has found, by path. Give each `App` its own (as `app_data`, in
/// the `HttpServer::new` factory): a path's pattern depends on that app's routes.
#[derive(Default)]
pub struct PatternCache(RefCell<HashMap<Box<str>, Rc<str>>>);

impl PatternCache {
    fn pattern(&self, req: &HttpRequest) -> Rc<str> {
        let path = req.path();
        if let Some(known) = self.0.borrow().get(path) {
            return known.clone();
        }
        let pattern = matched(req);
        if path.len() <= MAX_CACHED_PATH {
            let mut paths = self.0.borrow_mut();
            if paths.len() >= MAX_CACHED_PATHS {
                paths.clear();
            }
            paths.insert(path.into(), pattern.clone());
        }
        pattern
    }
}

/// The pattern by matching the path against the app's routes.
fn matched(req: &HttpRequest) -> Rc<str> {
    req.match_pattern().as_deref().unwrap_or(UNMATCHED).into()
}

/// The pattern of the route the request's path matches, or [`UNMATCHED`].
pub fn of(req: &HttpRequest) -> Rc<str> {
    if let Some(RoutePattern(known)) = req.extensions().get::<RoutePattern>() {
        return known.clone();
    }
    let pattern = match req.app_data::<PatternCache>() {
        Some(cache) => cache.pattern(req),
        None => matched(req),
    };
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

    #[actix_web::test]
    async fn a_worker_remembers_each_path_it_has_matched() {
        let app = test::init_service(App::new().app_data(PatternCache::default()).route(
            "/p/{slug}",
            web::get().to(|req: HttpRequest| async move {
                let cache = req.app_data::<PatternCache>().unwrap();
                let before = cache.0.borrow().len();
                let pattern = of(&req);
                let after = cache.0.borrow().len();
                HttpResponse::Ok().body(format!("{pattern} {before} {after}"))
            }),
        ))
        .await;
        let get = |uri: &str| test::TestRequest::get().uri(uri).to_request();
        let first = test::read_body(test::call_service(&app, get("/p/demo")).await).await;
        assert_eq!(first, "/p/{slug} 0 1");
        let again = test::read_body(test::call_service(&app, get("/p/demo")).await).await;
        assert_eq!(again, "/p/{slug} 1 1");
        let other = test::read_body(test::call_service(&app, get("/p/other")).await).await;
        assert_eq!(other, "/p/{slug} 1 2");
    }

    #[actix_web::test]
    async fn the_cache_stays_bounded_and_skips_long_paths() {
        let cache = PatternCache::default();
        for i in 0..MAX_CACHED_PATHS + 10 {
            let req = test::TestRequest::get()
                .uri(&format!("/made-up/{i}"))
                .to_http_request();
            assert_eq!(&*cache.pattern(&req), UNMATCHED);
            assert!(cache.0.borrow().len() <= MAX_CACHED_PATHS);
        }
        let long = format!("/{}", "x".repeat(MAX_CACHED_PATH));
        let before = cache.0.borrow().len();
        let req = test::TestRequest::get().uri(&long).to_http_request();
        assert_eq!(&*cache.pattern(&req), UNMATCHED);
        assert_eq!(cache.0.borrow().len(), before);
    }
}
