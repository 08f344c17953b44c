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

/// One cell of the month view's row of day numbers.
#[derive(Debug, Serialize)]
struct Day {
    /// The day of the month; empty outside the month.
    day: String,
    in_month: bool,
    /// Whether a quiet period covers it (the cell is tinted; the bar says why).
    quiet: bool,
    weekend: bool,
}

/// What a bar stands for: a poll across the days it is open, or a quiet period.
#[derive(Debug, Serialize)]
struct Bar {
    /// `poll` or `quiet`.
    kind: &'static str,
    slug: Option<String>,
    title: String,
    /// The audiences (of a poll or a quiet period).
    audiences: String,
    /// The whole span in words, for screen readers and the tooltip: "03-12 – 17-12".
    dates: String,
    /// It started before this week (or month) / goes on after it.
    continues_before: bool,
    continues_after: bool,
}

/// A cell of a lane: empty days, or a bar across `span` days.
#[derive(Debug, Serialize)]
struct LaneCell {
    span: usize,
    bar: Option<Bar>,
}

/// One row of the month view: its days, and under them the bars, each lane a row of cells.
#[derive(Debug, Serialize)]
struct Week {
    days: Vec<Day>,
    lanes: Vec<Vec<LaneCell>>,
}

/// A bar's place in a week: from column `from` to `to` (inclusive, Monday = 0).
struct Segment {
    from: usize,
    to: usize,
    bar: Bar,
}

/// Puts the segments of one week into as few lanes as fit without overlap (first fit, by start),
/// and makes each lane a row of cells that together span the seven days.
fn lanes(mut segments: Vec<Segment>) -> Vec<Vec<LaneCell>> {
    segments.sort_by_key(|s| (s.bar.kind != "quiet", s.from, std::cmp::Reverse(s.to)));
    let mut rows: Vec<Vec<Segment>> = Vec::new();
    for seg in segments {
        match rows
            .iter_mut()
            .find(|row| row.last().is_some_and(|last| last.to < seg.from))
        {
            Some(row) => row.push(seg),
            None => rows.push(vec![seg]),
        }
    }
    rows.into_iter()
        .map(|row| {
            let mut cells = Vec::new();
            let mut col = 0;
            for seg in row {
                if seg.from > col {
                    cells.push(LaneCell {
                        span: seg.from - col,
                        bar: None,
                    });
                }
                cells.push(LaneCell {
                    span: seg.to - seg.from + 1,
                    bar: Some(seg.bar),
                });
                col = seg.to + 1;
            }
            if col < 7 {
                cells.push(LaneCell {
                    span: 7 - col,
                    bar: None,
                });
            }
            cells
        })
        .collect()
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
    let last_of_month = next - Duration::days(1);
    let short = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    let mut monday = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let mut weeks = Vec::new();
    while monday < next {
        let sunday = monday + Duration::days(6);
        // Only the days of this month carry bars.
        let (shown_from, shown_to) = (monday.max(first), sunday.min(last_of_month));
        let column = |d: NaiveDate| d.weekday().num_days_from_monday() as usize;
        let mut segments = Vec::new();
        let mut place = |start: NaiveDate, end: NaiveDate, bar: Bar| {
            let (from, to) = (start.max(shown_from), end.min(shown_to));
            if from <= to {
                segments.push(Segment {
                    from: column(from),
                    to: column(to),
                    bar: Bar {
                        continues_before: start < from,
                        continues_after: end > to,
                        ..bar
                    },
                });
            }
        };
        for p in polls {
            let start = p.opens_at.with_timezone(&Amsterdam).date_naive();
            let end = p.closes_at.with_timezone(&Amsterdam).date_naive();
            place(
                start,
                end,
                Bar {
                    kind: "poll",
                    slug: Some(p.slug.clone()),
                    title: p.title.clone(),
                    audiences: p.audiences.join(", "),
                    dates: format!("{} – {}", short(start), short(end)),
                    continues_before: false,
                    continues_after: false,
                },
            );
        }
        for q in quiet {
            place(
                q.from,
                q.to,
                Bar {
                    kind: "quiet",
                    slug: None,
                    title: q.reason.clone(),
                    audiences: q.audiences.join(", "),
                    dates: format!("{} – {}", short(q.from), short(q.to)),
                    continues_before: false,
                    continues_after: false,
                },
            );
        }
        let days = (0..7)
            .map(|i| {
                let day = monday + Duration::days(i);
                let in_month = day >= first && day < next;
                Day {
                    day: if in_month {
                        day.day().to_string()
                    } else {
                        String::new()
                    },
                    in_month,
                    quiet: in_month && quiet.iter().any(|q| q.from <= day && day <= q.to),
                    weekend: matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                }
            })
            .collect();
        weeks.push(Week {
            days,
            lanes: lanes(segments),
        });
        monday += Duration::days(7);
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
        // The feed's texts follow the language of the page the link was made on: calendar apps
        // send no language of their own worth following.
        format!(
            "{base}/calendar.ics?token={secret}&lang={}",
            page.locale.code()
        )
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
        assert!(weeks[0].days[0].quiet);
        assert!(!weeks[0].days[2].quiet);
        assert!(weeks[0].days[5].weekend && !weeks[0].days[4].weekend);
        // The quiet period is one bar over its two days.
        assert_eq!(weeks[0].lanes.len(), 1);
        assert_eq!(weeks[0].lanes[0][0].span, 2);
        assert_eq!(weeks[0].lanes[0][0].bar.as_ref().unwrap().kind, "quiet");
        assert_eq!(weeks[0].lanes[0][1].span, 5);
    }

    #[test]
    fn a_poll_is_one_bar_per_week_across_its_days() {
        use chrono::TimeZone;
        let march = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let at = |d: u32, h: u32| {
            Amsterdam
                .with_ymd_and_hms(2027, 3, d, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        let poll = |slug: &str, from: u32, to: u32| CalendarEntry {
            slug: slug.into(),
            title: slug.into(),
            organisation: "velsen".into(),
            state: flits_survey::PollState::Scheduled,
            audiences: vec!["velsen".into()],
            opens_at: at(from, 9),
            closes_at: at(to, 17),
        };
        // Wednesday 3 to Wednesday 10 March, and one on Thursday 4 to Friday 5 beside it.
        let weeks = month_grid(&[poll("lang", 3, 10), poll("kort", 4, 5)], &[], march);
        let bars = |w: usize| -> Vec<(usize, String, bool, bool)> {
            weeks[w]
                .lanes
                .iter()
                .flat_map(|lane| {
                    let mut col = 0;
                    lane.iter()
                        .filter_map(move |c| {
                            let here = col;
                            col += c.span;
                            c.bar.as_ref().map(|b| {
                                (here, b.title.clone(), b.continues_before, b.continues_after)
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert_eq!(weeks[0].lanes.len(), 2, "the two overlap: two lanes");
        assert_eq!(
            bars(0),
            [
                (2, "lang".into(), false, true),
                (3, "kort".into(), false, false)
            ]
        );
        assert_eq!(weeks[0].lanes[0][1].span, 5, "Wednesday to Sunday");
        assert_eq!(bars(1), [(0, "lang".into(), true, false)]);
        assert_eq!(weeks[1].lanes[0][0].span, 3, "Monday to Wednesday");
        assert!(weeks[2].lanes.is_empty());
        for w in &weeks {
            for lane in &w.lanes {
                assert_eq!(lane.iter().map(|c| c.span).sum::<usize>(), 7);
            }
        }
    }
}
