//! `GET /api/v1/admin/me`: who the token belongs to.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::identity::Caller;

/// The caller's account.
pub async fn show(caller: web::ReqData<Caller>) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "email": caller.user.email,
        "role": caller.role,
        "organisation": caller.user.organisation_id,
    }))
}
