//! The one table of staff routes: method, path, who may use it, and the handler.
//!
//! Registering a route means adding it here, with its access rule; the access middleware refuses
//! anything that is not in this table, and the access test walks the table with every role.

use actix_web::middleware::from_fn;
use actix_web::{Route, web};

use crate::access::{ADMIN, ANY_STAFF, Access, EDITORS, READERS};
use crate::{api, ui};

/// One staff route.
pub struct RouteRule {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    pub handler: fn() -> Route,
}

/// Every staff route (web UI and JSON API).
pub static ROUTES: &[RouteRule] = &[
    RouteRule {
        method: "GET",
        path: "/staff/assets/staff.css",
        access: Access::Public,
        handler: || web::get().to(ui::page::stylesheet),
    },
    RouteRule {
        method: "GET",
        path: "/staff/login",
        access: Access::Public,
        handler: || web::get().to(ui::login::show),
    },
    RouteRule {
        method: "POST",
        path: "/staff/login",
        access: Access::Public,
        handler: || web::post().to(ui::login::submit),
    },
    RouteRule {
        method: "POST",
        path: "/staff/logout",
        access: ANY_STAFF,
        handler: || web::post().to(ui::login::logout),
    },
    RouteRule {
        method: "GET",
        path: "/staff",
        access: ANY_STAFF,
        handler: || web::get().to(ui::dashboard::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/new",
        access: EDITORS,
        handler: || web::get().to(ui::builder::new_form),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/new",
        access: EDITORS,
        handler: || web::post().to(ui::builder::create),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}",
        access: ANY_STAFF,
        handler: || web::get().to(ui::poll::show),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/cancel",
        access: EDITORS,
        handler: || web::post().to(ui::poll::cancel),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/close",
        access: EDITORS,
        handler: || web::post().to(ui::poll::close),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/share",
        access: ANY_STAFF,
        handler: || web::get().to(ui::share::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/edit",
        access: EDITORS,
        handler: || web::get().to(ui::builder::edit_form),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/edit",
        access: EDITORS,
        handler: || web::post().to(ui::builder::update),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/schedule",
        access: EDITORS,
        handler: || web::get().to(ui::schedule::show),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/schedule",
        access: EDITORS,
        handler: || web::post().to(ui::schedule::submit),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/posts",
        access: ANY_STAFF,
        handler: || web::get().to(ui::posts::show),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/posts/{id}/retry",
        access: EDITORS,
        handler: || web::post().to(ui::posts::retry),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/reminders",
        access: EDITORS,
        handler: || web::post().to(ui::posts::remind),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/results",
        access: ANY_STAFF,
        handler: || web::get().to(ui::results::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/polls/{slug}/export",
        access: READERS,
        handler: || web::get().to(ui::results::export),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/results",
        access: EDITORS,
        handler: || web::post().to(ui::results::publish),
    },
    // The public results page with a draft, before publishing: nothing is stored.
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/results/preview",
        access: EDITORS,
        handler: || web::post().to(ui::results_preview::preview),
    },
    RouteRule {
        method: "POST",
        path: "/staff/polls/{slug}/results/updates",
        access: EDITORS,
        handler: || web::post().to(ui::results::update),
    },
    RouteRule {
        method: "GET",
        path: "/staff/calendar",
        access: ANY_STAFF,
        handler: || web::get().to(ui::calendar::show),
    },
    RouteRule {
        method: "POST",
        path: "/staff/calendar/feed",
        access: ANY_STAFF,
        handler: || web::post().to(ui::calendar::new_feed),
    },
    // Public as far as sessions go: the feed checks its own secret and answers 401 without it.
    RouteRule {
        method: "GET",
        path: "/calendar.ics",
        access: Access::Public,
        handler: || web::get().to(crate::feed::ics),
    },
    RouteRule {
        method: "GET",
        path: "/staff/reach",
        access: ANY_STAFF,
        handler: || web::get().to(ui::reach::dashboard::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/population",
        access: EDITORS,
        handler: || web::get().to(ui::population::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/users",
        access: ADMIN,
        handler: || web::get().to(ui::users::list),
    },
    RouteRule {
        method: "POST",
        path: "/staff/users",
        access: ADMIN,
        handler: || web::post().to(ui::users::add),
    },
    RouteRule {
        method: "POST",
        path: "/staff/users/{id}/disable",
        access: ADMIN,
        handler: || web::post().to(ui::users::disable),
    },
    RouteRule {
        method: "POST",
        path: "/staff/users/{id}/enable",
        access: ADMIN,
        handler: || web::post().to(ui::users::enable),
    },
    RouteRule {
        method: "POST",
        path: "/staff/users/{id}/delete",
        access: ADMIN,
        handler: || web::post().to(ui::users::delete),
    },
    // Every account's API tokens, for admins to see and revoke.
    RouteRule {
        method: "GET",
        path: "/staff/users/tokens",
        access: ADMIN,
        handler: || web::get().to(ui::users::all_tokens),
    },
    RouteRule {
        method: "POST",
        path: "/staff/users/tokens/{id}/revoke",
        access: ADMIN,
        handler: || web::post().to(ui::users::revoke_token),
    },
    RouteRule {
        method: "GET",
        path: "/staff/audit",
        access: ADMIN,
        handler: || web::get().to(ui::audit::show),
    },
    RouteRule {
        method: "GET",
        path: "/staff/tokens",
        access: ANY_STAFF,
        handler: || web::get().to(ui::tokens::list),
    },
    RouteRule {
        method: "POST",
        path: "/staff/tokens",
        access: ANY_STAFF,
        handler: || web::post().to(ui::tokens::create),
    },
    RouteRule {
        method: "POST",
        path: "/staff/tokens/{id}/revoke",
        access: ANY_STAFF,
        handler: || web::post().to(ui::tokens::revoke),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/me",
        access: ANY_STAFF,
        handler: || web::get().to(api::me::show),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/tokens",
        access: ADMIN,
        handler: || web::get().to(api::tokens::list),
    },
    RouteRule {
        method: "DELETE",
        path: "/api/v1/admin/tokens/{id}",
        access: ADMIN,
        handler: || web::delete().to(api::tokens::revoke),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls",
        access: ANY_STAFF,
        handler: || web::get().to(api::polls::list),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls",
        access: EDITORS,
        handler: || web::post().to(api::polls::create),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}",
        access: ANY_STAFF,
        handler: || web::get().to(api::polls::read),
    },
    RouteRule {
        method: "PUT",
        path: "/api/v1/admin/polls/{slug}",
        access: EDITORS,
        handler: || web::put().to(api::polls::replace),
    },
    RouteRule {
        method: "DELETE",
        path: "/api/v1/admin/polls/{slug}",
        access: EDITORS,
        handler: || web::delete().to(api::polls::delete),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/copy",
        access: EDITORS,
        handler: || web::post().to(api::polls::copy),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/schedule",
        access: EDITORS,
        handler: || web::post().to(api::polls::schedule),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/cancel",
        access: EDITORS,
        handler: || web::post().to(api::stop::cancel),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/close",
        access: EDITORS,
        handler: || web::post().to(api::stop::close),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/export",
        access: READERS,
        handler: || web::get().to(api::exports::export),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/results/publish",
        access: EDITORS,
        handler: || web::post().to(api::publish::publish),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/results/updates",
        access: EDITORS,
        handler: || web::post().to(api::publish::update),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/results",
        access: READERS,
        handler: || web::get().to(api::exports::results),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/channels",
        access: ANY_STAFF,
        handler: || web::get().to(api::channels::list),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/population",
        access: ANY_STAFF,
        handler: || web::get().to(api::population::list),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/posts",
        access: ANY_STAFF,
        handler: || web::get().to(api::posts::list),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/posts/{id}/retry",
        access: EDITORS,
        handler: || web::post().to(api::posts::retry),
    },
    RouteRule {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/reminders",
        access: EDITORS,
        handler: || web::post().to(api::posts::remind),
    },
    RouteRule {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/post-previews",
        access: ANY_STAFF,
        handler: || web::get().to(api::channels::previews),
    },
];

/// The rule for a method and route pattern.
pub fn find_rule(method: &str, path: &str) -> Option<&'static RouteRule> {
    ROUTES.iter().find(|r| r.method == method && r.path == path)
}

/// Mounts every route of the table, each resource behind the access check.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut paths: Vec<&'static str> = Vec::new();
    for r in ROUTES {
        if !paths.contains(&r.path) {
            paths.push(r.path);
        }
    }
    cfg.app_data(api::json_config());
    for path in paths {
        let mut resource = web::resource(path);
        for rule in ROUTES.iter().filter(|r| r.path == path) {
            resource = resource.route((rule.handler)());
        }
        let resource = resource.wrap(from_fn(crate::access::enforce));
        if path.starts_with("/staff") {
            // Pages remember a `?lang=` choice; the API follows Accept-Language only.
            cfg.service(resource.wrap(from_fn(crate::ui::locale::remember)));
        } else if path.starts_with("/api/") {
            // The staff API's answers are personal and current: never kept by any cache.
            cfg.service(resource.wrap(from_fn(flits_http::headers::no_store)));
        } else {
            cfg.service(resource);
        }
    }
}
