//! `GET /staff/calendar`: every poll of the region with its audiences, and the quiet periods, as a
//! list or a month; `POST /staff/calendar/feed` makes a (new) personal feed link for calendar apps.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::{Locale, t};
use flits_schedule::QuietPeriod;
use serde::Serialize;
use serde_json::json;

use crate::calendar::{CalendarEntry, calendar_polls};
use crate::identity::Caller;
use crate::secrets::{hash_secret, random_secret};
use crate::ui::Checked;
use crate::ui::login::CsrfOnly;
use crate::ui::page::{StaffPage, local};
use crate::ui::tokens::audit;

/// The weekdays from Monday, as `sched-calendar-weekday` selects them.
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A poll in the list view.
#[derive(Debug, Serialize)]
struct ListedPoll {
    slug: String,
    title: String,
    organisation: String,
    audiences: String,
    state: String,
    opens: Option<String>,
    closes: Option<String>,
}

/// A poll open on a day of the month view.
#[derive(Debug, Serialize)]
struct DayPoll {
    slug: String,
    title: String,
    audiences: String,
}

/// A quiet period on a day of the month view.
#[derive(Debug, Serialize)]
struct DayQuiet {
    reason: String,
}

/// One cell of the month view.
#[derive(Debug, Serialize)]
struct Day {
    /// The day of the month; empty outside the month.
    day: String,
    in_month: bool,
    polls: Vec<DayPoll>,
    quiet: Vec<DayQuiet>,
    weekend: bool,
}

/// One row of the month view.
#[derive(Debug, Serialize)]
struct Week {
    days: Vec<Day>,
}

/// A quiet period in the list under the calendar.
#[derive(Debug, Serialize)]
struct ListedQuiet {
    from: String,
    to: String,
    reason: String,
    audiences: String,
}

/// The view of `staff/calendar`.
#[derive(Debug, Serialize)]
struct CalendarView {
    month_view: bool,
    polls: Vec<ListedPoll>,
    quiet_periods: Vec<ListedQuiet>,
    month: String,
    prev_month: String,
    next_month: String,
    weekdays: Vec<String>,
    weeks: Vec<Week>,
    feed_url: Option<String>,
}

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

fn month_grid(polls: &[CalendarEntry], quiet: &[QuietPeriod], first: NaiveDate) -> Vec<Week> {
    let next = add_months(first, 1);
    let mut day = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let mut weeks = Vec::new();
    while day < next {
        let mut days = Vec::new();
        for _ in 0..7 {
            let in_month = day >= first && day < next;
            days.push(Day {
                day: if in_month {
                    day.day().to_string()
                } else {
                    String::new()
                },
                in_month,
                polls: polls
                    .iter()
                    .filter(|p| in_month && p.open_on(day))
                    .map(|p| DayPoll {
                        slug: p.slug.clone(),
                        title: p.title.clone(),
                        audiences: p.audiences.join(", "),
                    })
                    .collect(),
                quiet: quiet
                    .iter()
                    .filter(|q| in_month && q.from <= day && day <= q.to)
                    .map(|q| DayQuiet {
                        reason: q.reason.clone(),
                    })
                    .collect(),
                weekend: matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            });
            day += Duration::days(1);
        }
        weeks.push(Week { days });
    }
    weeks
}

fn listed(p: &CalendarEntry, locale: Locale) -> ListedPoll {
    ListedPoll {
        slug: p.slug.clone(),
        title: p.title.clone(),
        organisation: p.organisation.clone(),
        audiences: p.audiences.join(", "),
        state: t!(locale, "sched-calendar-state", state = p.state.as_str()),
        opens: local(Some(p.opens_at)),
        closes: local(Some(p.closes_at)),
    }
}

fn listed_quiet(q: &QuietPeriod) -> ListedQuiet {
    ListedQuiet {
        from: q.from.format("%d-%m-%Y").to_string(),
        to: q.to.format("%d-%m-%Y").to_string(),
        reason: q.reason.clone(),
        audiences: q.audiences.join(", "),
    }
}

impl CalendarView {
    /// The calendar as `req` asks for it (`?view=month&month=YYYY-MM`), in `locale`.
    fn new(
        req: &HttpRequest,
        locale: Locale,
        polls: &[CalendarEntry],
        quiet: &[QuietPeriod],
        feed_url: Option<String>,
    ) -> CalendarView {
        let first = month_of(req);
        CalendarView {
            month_view: url_query_param(req.query_string(), "view").as_deref() == Some("month"),
            polls: polls.iter().map(|p| listed(p, locale)).collect(),
            quiet_periods: quiet.iter().map(listed_quiet).collect(),
            month: first.format("%Y-%m").to_string(),
            prev_month: add_months(first, -1).format("%Y-%m").to_string(),
            next_month: add_months(first, 1).format("%Y-%m").to_string(),
            weekdays: WEEKDAYS
                .iter()
                .map(|&day| t!(locale, "sched-calendar-weekday", day = day))
                .collect(),
            weeks: month_grid(polls, quiet, first),
            feed_url,
        }
    }
}

async fn calendar_page(
    page: &StaffPage,
    feed_url: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let polls = calendar_polls(&page.state.store, page.locale.code())
        .await
        .map_err(|e| page.unavailable(&e))?;
    let quiet = &page.state.scheduling.policy().quiet_periods;
    let view = CalendarView::new(&page.req, page.locale, &polls, quiet, feed_url);
    let title = t!(page.locale, "sched-calendar-title");
    page.render(status, "staff/calendar", &title, &view)
}

/// `GET /staff/calendar[?view=month&month=YYYY-MM]`.
pub async fn show(page: StaffPage) -> Result<HttpResponse, PageError> {
    calendar_page(&page, None, StatusCode::OK).await
}

/// `POST /staff/calendar/feed`: a new personal feed link, shown once; the old link stops working.
pub async fn new_feed(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    _form: Checked<web::Form<CsrfOnly>>,
) -> Result<HttpResponse, PageError> {
    let secret = random_secret();
    page.state
        .store
        .set_calendar_token(caller.user.id, &hash_secret(&secret))
        .await
        .map_err(|e| page.unavailable(&e))?;
    audit(
        &page.state,
        &caller,
        "calendar_feed.created",
        json!({"user": caller.user.email}),
    )
    .await;
    // On the public URL, never on what the request says its host is: a forged Host or
    // X-Forwarded-Host must not be able to send the secret link somewhere else.
    let url = {
        let base = page
            .state
            .channels
            .public_url()
            .as_str()
            .trim_end_matches('/');
        format!("{base}/calendar.ics?token={secret}")
    };
    calendar_page(&page, Some(url), StatusCode::CREATED).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_roll_over_years_and_the_grid_starts_on_monday() {
        let march = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(add_months(march, -3).to_string(), "2026-12-01");
        assert_eq!(add_months(march, 10).to_string(), "2028-01-01");
        let quiet = [QuietPeriod {
            from: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
            reason: "Verkiezingen".into(),
            audiences: vec!["ijmond".into()],
        }];
        let weeks = month_grid(&[], &quiet, march);
        // 1 March 2027 is a Monday; March has 31 days: five rows.
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0].days[0].day, "1");
        assert_eq!(weeks[0].days[0].quiet.len(), 1);
        assert!(weeks[0].days[2].quiet.is_empty());
        assert!(weeks[0].days[5].weekend && !weeks[0].days[4].weekend);
    }
}
