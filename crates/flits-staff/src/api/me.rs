//! `GET /api/v1/admin/me`: who the token belongs to.

use actix_web::{HttpResponse, web};

use crate::api::bodies::Account;
use crate::identity::Caller;

/// The caller's account.
pub async fn show(caller: web::ReqData<Caller>) -> HttpResponse {
    HttpResponse::Ok().json(Account::of(&caller))
}
