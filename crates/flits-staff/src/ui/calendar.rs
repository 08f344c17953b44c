//! `GET /staff/calendar`: every poll of the region with its audiences, and the quiet periods, as a
//! list or a month; `POST /staff/calendar/feed` makes a (new) personal feed link for calendar apps.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;
use flits_http::Lang;
use flits_http::lang::url_query_param;
use serde_json::{Value, json};

use crate::calendar::{CalendarPoll, calendar_polls};
use crate::identity::Caller;
use crate::secrets::{hash_secret, random_secret};
use crate::state::StaffState;
use crate::texts::ui_texts;
use crate::ui::login::CsrfOnly;
use crate::ui::page::{lang_of, local, render};
use crate::ui::tokens::audit;
use crate::ui::{csrf_ok, csrf_refused};

const WEEKDAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The month asked for (`?month=2027-03`), or the current one in Amsterdam.
fn month_of(req: &HttpRequest) -> NaiveDate {
    url_query_param(req.query_string(), "month")
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .unwrap_or_else(|| {
            let today = Utc::now().with_timezone(&Amsterdam).date_naive();
            today.with_day(1).unwrap_or(today)
        })
}

fn add_months(first: NaiveDate, months: i32) -> NaiveDate {
    let total = first.year() * 12 + first.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(first)
}

fn month_grid(polls: &[CalendarPoll], state: &StaffState, first: NaiveDate) -> Vec<Value> {
    let next = add_months(first, 1);
    let mut day = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let mut weeks = Vec::new();
    while day < next {
        let mut cells = Vec::new();
        for _ in 0..7 {
            let in_month = day >= first && day < next;
            let polls_today: Vec<Value> = polls
                .iter()
                .filter(|p| in_month && p.open_on(day))
                .map(|p| json!({"slug": p.slug, "title": p.title, "audiences": p.audiences.join(", ")}))
                .collect();
            let quiet: Vec<Value> = state
                .config
                .quiet_periods
                .iter()
                .filter(|q| in_month && q.from <= day && day <= q.to)
                .map(|q| json!({"reason": q.reason}))
                .collect();
            cells.push(json!({
                "day": if in_month { day.day().to_string() } else { String::new() },
                "in_month": in_month,
                "polls": polls_today,
                "quiet": quiet,
                "weekend": matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            }));
            day += Duration::days(1);
        }
        weeks.push(json!({"days": cells}));
    }
    weeks
}

async fn page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    feed_url: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    let lang = lang_of(req);
    let polls = match calendar_polls(&state.store, lang.code()).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "reading the calendar failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let month_view = url_query_param(req.query_string(), "view").as_deref() == Some("month");
    let first = month_of(req);
    let texts = ui_texts(lang);
    let list: Vec<Value> = polls
        .iter()
        .map(|p| {
            json!({
                "slug": p.slug,
                "title": p.title,
                "organisation": p.organisation,
                "audiences": p.audiences.join(", "),
                "state": texts["states"][p.state.as_str()],
                "opens": local(Some(p.opens_at)),
                "closes": local(Some(p.closes_at)),
            })
        })
        .collect();
    let quiet: Vec<Value> = state
        .config
        .quiet_periods
        .iter()
        .map(|q| json!({"from": q.from.format("%d-%m-%Y").to_string(), "to": q.to.format("%d-%m-%Y").to_string(), "reason": q.reason, "audiences": q.audiences.join(", ")}))
        .collect();
    let data = json!({
        "month_view": month_view,
        "polls": list,
        "quiet_periods": quiet,
        "month": first.format("%Y-%m").to_string(),
        "prev_month": add_months(first, -1).format("%Y-%m").to_string(),
        "next_month": add_months(first, 1).format("%Y-%m").to_string(),
        "weekdays": if lang == Lang::Nl { WEEKDAYS_NL } else { WEEKDAYS_EN },
        "weeks": month_grid(&polls, state, first),
        "feed_url": feed_url,
    });
    let title = if lang == Lang::Nl {
        "Kalender"
    } else {
        "Calendar"
    };
    render(
        state,
        req,
        Some(caller),
        status,
        "staff/calendar",
        title,
        data,
    )
}

/// `GET /staff/calendar[?view=month&month=YYYY-MM]`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    page(&state, &req, &caller, None, StatusCode::OK).await
}

/// `POST /staff/calendar/feed`: a new personal feed link, shown once; the old link stops working.
pub async fn new_feed(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    form: web::Form<CsrfOnly>,
) -> HttpResponse {
    if !csrf_ok(&caller, &form.csrf) {
        return csrf_refused(&state, &req);
    }
    let secret = random_secret();
    if let Err(e) = state
        .store
        .set_calendar_token(caller.user.id, &hash_secret(&secret))
        .await
    {
        tracing::error!(error = %e, "saving a calendar feed token failed");
        return HttpResponse::ServiceUnavailable().finish();
    }
    audit(
        &state,
        &caller,
        "calendar_feed.created",
        json!({"user": caller.user.email}),
    )
    .await;
    let base = req.connection_info().scheme().to_owned() + "://" + req.connection_info().host();
    let url = format!("{base}/calendar.ics?token={secret}");
    page(&state, &req, &caller, Some(url), StatusCode::CREATED).await
}
