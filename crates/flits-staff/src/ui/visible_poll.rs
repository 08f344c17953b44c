//! The poll a staff page is about, as the caller may see it: a poll of another organisation looks
//! like no poll at all, and both get the same "not found" notice.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use flits_http::PageError;
use flits_i18n::t;
use flits_store::Poll;

use crate::identity::Caller;
use crate::ui::page::StaffPage;

/// The poll at `slug` if the caller's organisation may see it; `None` otherwise.
pub async fn visible(
    page: &StaffPage,
    caller: &Caller,
    slug: &str,
) -> Result<Option<Poll>, PageError> {
    let poll = page
        .state
        .store
        .poll_by_slug(slug)
        .await
        .map_err(|e| page.unavailable(&e))?;
    Ok(poll.filter(|p| caller.may_access_organisation(&p.organisation_id)))
}

/// The notice for a poll the caller cannot see.
pub fn not_found(page: &StaffPage) -> HttpResponse {
    page.notice(
        StatusCode::NOT_FOUND,
        t!(page.locale, "staff-posts-not-found-heading"),
        t!(page.locale, "staff-posts-not-found-text"),
    )
}
