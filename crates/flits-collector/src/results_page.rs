//! `GET /p/{slug}/results`: what came of a poll, for everyone (README.md, "Public routes").
//!
//! Live once staff published the results (the poll is `results_published`, or later `archived`
//! with its publication); before that `404`. In order: the "you said, we did" text, the later
//! updates (newest first), the figures of each topic question under the small-cell rule (a bar
//! chart that is an image with a text alternative, and a table with the same numbers for screen
//! readers; nothing at all when the poll had fewer than `k` responses), the quotes staff picked,
//! and apart from all of that, clearly labelled, the votes of the platforms' own polls, which are
//! not answers to this poll.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_results::{Aggregates, QuestionResult};
use flits_store::{OutboxPost, Poll, Publication};
use flits_survey::{PollState, Question, QuestionKind};
use serde::Serialize;

use crate::bar_chart::{BarChart, BarInput, lay_out};
use crate::chrome::{Chrome, ChromeOf, LinkPreview, chrome, html};
use crate::figures::{count_text, decimal_text, excerpt, percent_text};
use crate::language::{language_links, offered_locales, og_locale, remember};
use crate::local_time::local_moment;
use crate::notices::{Notice, render_notice, unavailable_page};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_page::{find_poll, page_locale};
use crate::state::CollectorState;

/// How long the link preview's description may be.
const DESCRIPTION_CHARS: usize = 200;

#[derive(Serialize)]
struct UpdateView {
    /// `YYYY-MM-DD`, for `<time datetime>`.
    iso: String,
    date: String,
    paragraphs: Vec<String>,
}

#[derive(Serialize)]
struct TableRow {
    label: String,
    count: String,
    share: String,
}

#[derive(Serialize)]
struct QuestionView {
    anchor: String,
    text: String,
    /// "33 people answered this question".
    answered: String,
    chart: BarChart,
    /// The chart's text alternative.
    alt: String,
    rows: Vec<TableRow>,
    /// Several answers were possible, so shares add up to more than 100%.
    multi: bool,
    /// Mean and median of a scale, in words.
    scale: Option<String>,
    /// Whether a count is shown as `<k`.
    below: bool,
}

#[derive(Serialize)]
struct QuoteGroup {
    question: String,
    quotes: Vec<String>,
}

#[derive(Serialize)]
struct NativeRow {
    title: String,
    votes: String,
}

#[derive(Serialize)]
struct NativeView {
    caption: String,
    status: String,
    rows: Vec<NativeRow>,
    voters: Option<String>,
}

#[derive(Serialize)]
struct ResultsView {
    #[serde(flatten)]
    chrome: Chrome,
    title: String,
    published: String,
    summary: Vec<String>,
    updates: Vec<UpdateView>,
    /// "33 people took part", or why no numbers are shown.
    responses: String,
    withheld: bool,
    questions: Vec<QuestionView>,
    /// The explanation of `<k`, when a count on the page is one.
    below_note: Option<String>,
    quotes: Vec<QuoteGroup>,
    natives: Vec<NativeView>,
    poll_link: String,
}

/// Whether `poll` may show results at all (its publication is looked up next).
fn published_state(poll: &Poll) -> bool {
    matches!(
        poll.state,
        PollState::ResultsPublished | PollState::Archived
    )
}

/// `GET /p/{slug}/results`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let poll = find_poll(&state, &req, &slug, None).await?;
    let locale = page_locale(&req, poll.as_deref(), None);
    let page = match poll.as_deref() {
        Some(p) if published_state(p) => match state.store.publication(p.id).await {
            Ok(Some(publication)) => results_page(&state, p, &publication, locale).await,
            Ok(None) => not_yet_page(&state, p, locale).await,
            Err(e) => Err(e.into()),
        },
        Some(p) if p.state != PollState::Draft => not_yet_page(&state, p, locale).await,
        _ => unavailable_page(&state, None, locale).await,
    };
    let mut res = page.map_err(|f| page_error(&state, &req, locale, f))?;
    if let Some(cookie) = remember(&req, locale, state.is_https())
        && let Err(e) = res.add_cookie(&cookie)
    {
        tracing::warn!(error = %e, "language cookie not set");
    }
    Ok(res)
}

/// A poll residents can see whose results are not out yet: `404` that says so, with the poll's
/// promise of when they will be. An archived poll that never published is as unknown as on its
/// own page.
async fn not_yet_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    if poll.state == PollState::Archived {
        return unavailable_page(state, None, locale).await;
    }
    let mut paragraphs = vec![t!(locale, "results-not-yet-text")];
    paragraphs.extend(
        poll.definition
            .brief
            .as_ref()
            .and_then(|b| b.feedback_promise.as_ref())
            .map(|p| p.get(locale.code()).to_owned()),
    );
    let notice = Notice {
        status: StatusCode::NOT_FOUND,
        heading: t!(locale, "results-not-yet-heading"),
        paragraphs,
        link: Some((
            format!("/p/{}?lang={}", poll.slug, locale.code()),
            t!(locale, "results-to-poll"),
        )),
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// The results page, rendered once per poll and language for the cache's lifetime.
async fn results_page(
    state: &CollectorState,
    poll: &Poll,
    publication: &Publication,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let key = format!("results|{}|{}", poll.id, locale.code());
    if let Some(page) = state.caches.page(&key) {
        return Ok(html(StatusCode::OK, page.as_ref().clone()));
    }
    let figures = state
        .caches
        .aggregates(&state.store, poll, state.k_anonymity)
        .await?;
    let posts = state.store.outbox_posts(poll.id).await?;
    let view = results_view(state, poll, publication, &figures, &posts, locale).await;
    let body = std::sync::Arc::new(state.templates.render("poll/results", &view)?);
    state.caches.put_page(key, body.clone());
    Ok(html(StatusCode::OK, body.as_ref().clone()))
}

/// Paragraphs of a text staff wrote: blank lines separate them.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

async fn results_view(
    state: &CollectorState,
    poll: &Poll,
    publication: &Publication,
    figures: &Aggregates,
    posts: &[OutboxPost],
    locale: Locale,
) -> ResultsView {
    let l = locale.code();
    let def = &poll.definition;
    let title = def.title.get(l).to_owned();
    let summary_text = publication.summary.get(l);
    let offered = offered_locales(def);
    let path = format!("/p/{}/results", poll.slug);
    let mut frame = chrome(
        state,
        ChromeOf {
            poll: Some(poll),
            locale,
            page_title: t!(locale, "results-page-title", title = title.as_str()),
            link_preview: false,
            languages: language_links(&path, &offered, locale, None),
        },
    )
    .await;
    let lang_query = if offered.first() == Some(&locale) {
        String::new()
    } else {
        format!("?lang={l}")
    };
    frame.preview = Some(LinkPreview {
        canonical: state.public_link(&format!("{path}{lang_query}")),
        title: frame.page_title.clone(),
        description: excerpt(summary_text, DESCRIPTION_CHARS),
        site_name: frame.org_name.clone(),
        og_locale: og_locale(locale),
        image: state.public_link(&format!("{path}.png?lang={l}")),
    });

    let mut updates: Vec<_> = publication.updates.iter().collect();
    updates.sort_by_key(|u| std::cmp::Reverse(u.at));
    let updates = updates
        .into_iter()
        .map(|u| UpdateView {
            iso: u
                .at
                .with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d")
                .to_string(),
            date: local_moment(u.at, locale).date,
            paragraphs: paragraphs(u.text.get(l)),
        })
        .collect();

    let questions: Vec<QuestionView> = if figures.withheld {
        Vec::new()
    } else {
        def.topic_questions()
            .filter(|q| q.kind != QuestionKind::OpenText)
            .filter_map(|q| {
                let result = figures.questions.iter().find(|r| r.id == q.id)?;
                Some(question_view(q, result, locale))
            })
            .collect()
    };
    let has_below = questions.iter().any(|q| q.below);
    let responses = if figures.withheld {
        t!(locale, "results-withheld", k = figures.k)
    } else {
        t!(
            locale,
            "results-responses",
            count = count_text(figures.responses, locale)
        )
    };

    let quotes = def
        .questions
        .iter()
        .filter_map(|q| {
            let quotes: Vec<String> = publication
                .quotes
                .iter()
                .filter(|quote| quote.question_id == q.id)
                .map(|quote| quote.text.clone())
                .collect();
            (!quotes.is_empty()).then(|| QuoteGroup {
                question: q.text.get(l).to_owned(),
                quotes,
            })
        })
        .collect();

    ResultsView {
        title,
        published: local_moment(publication.published_at, locale).date,
        summary: paragraphs(summary_text),
        updates,
        responses,
        withheld: figures.withheld,
        below_note: (has_below && !figures.withheld)
            .then(|| t!(locale, "results-below-note", k = figures.k)),
        questions,
        quotes,
        natives: native_views(state, poll, posts, locale),
        poll_link: format!("/p/{}?lang={l}", poll.slug),
        chrome: frame,
    }
}

/// One topic question's figures: chart, text alternative and table.
fn question_view(q: &Question, result: &QuestionResult, locale: Locale) -> QuestionView {
    let l = locale.code();
    let label_of = |value: &str| -> String {
        match q.kind {
            QuestionKind::Scale => {
                let end = q.labels.as_ref().and_then(|labels| {
                    if Some(value) == q.min.map(|m| m.to_string()).as_deref() {
                        labels.min.as_ref()
                    } else if Some(value) == q.max.map(|m| m.to_string()).as_deref() {
                        labels.max.as_ref()
                    } else {
                        None
                    }
                });
                match end {
                    Some(text) => t!(
                        locale,
                        "results-scale-end",
                        value = value,
                        label = text.get(l)
                    ),
                    None => value.to_owned(),
                }
            }
            _ => q
                .options
                .iter()
                .find(|o| o.id == value)
                .map_or_else(|| value.to_owned(), |o| o.text.get(l).to_owned()),
        }
    };
    let mut bars = Vec::new();
    let mut rows = Vec::new();
    for option in &result.options {
        let label = label_of(&option.value);
        let count = count_text(option.count, locale);
        let share = option.share.map(|s| percent_text(s, locale));
        bars.push(BarInput {
            label: label.clone(),
            value: share.clone().unwrap_or_else(|| count.clone()),
            share: option.share,
        });
        rows.push(TableRow {
            label,
            count,
            share: share.unwrap_or_else(|| t!(locale, "results-share-hidden")),
        });
    }
    let text = q.text.get(l).to_owned();
    let values: Vec<String> = bars
        .iter()
        .map(|b| {
            t!(
                locale,
                "results-chart-value",
                label = b.label.as_str(),
                value = b.value.as_str()
            )
        })
        .collect();
    let alt = t!(
        locale,
        "results-chart-alt",
        question = text.as_str(),
        values = values.join(&t!(locale, "results-list-separator"))
    );
    QuestionView {
        anchor: format!("q-{}", q.id),
        answered: t!(
            locale,
            "results-answered",
            count = count_text(result.answered, locale)
        ),
        chart: lay_out(&bars, locale.dir() == "rtl"),
        alt,
        rows,
        multi: q.kind == QuestionKind::MultiChoice,
        below: result
            .options
            .iter()
            .map(|o| o.count)
            .chain([result.answered])
            .any(|c| c.exact().is_none()),
        scale: result.scale.map(|s| {
            t!(
                locale,
                "results-scale-summary",
                mean = decimal_text(s.mean, locale),
                median = decimal_text(s.median, locale)
            )
        }),
        text,
    }
}

/// The native polls' votes, one table per post that carried one.
fn native_views(
    state: &CollectorState,
    poll: &Poll,
    posts: &[OutboxPost],
    locale: Locale,
) -> Vec<NativeView> {
    let question = poll
        .definition
        .topic_questions()
        .find(|q| q.kind == QuestionKind::SingleChoice)
        .map(|q| q.text.get(locale.code()).to_owned())
        .unwrap_or_default();
    posts
        .iter()
        .filter_map(|post| {
            let (tally, at) = post.native_tally.as_ref()?;
            let platform = state
                .channel_kinds
                .get(&post.channel_id)
                .map_or("other", String::as_str);
            let status = if tally.expired {
                t!(locale, "results-native-final")
            } else {
                let m = local_moment(*at, locale);
                t!(
                    locale,
                    "results-native-interim",
                    date = m.date,
                    time = m.time
                )
            };
            Some(NativeView {
                caption: t!(
                    locale,
                    "results-native-caption",
                    platform = platform,
                    question = question.as_str()
                ),
                status,
                rows: tally
                    .options
                    .iter()
                    .map(|o| NativeRow {
                        title: o.title.clone(),
                        votes: o
                            .votes
                            .map_or_else(|| t!(locale, "results-native-hidden"), |v| v.to_string()),
                    })
                    .collect(),
                voters: tally
                    .voters
                    .map(|n| t!(locale, "results-native-voters", count = n)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paragraphs("Eerst dit.\n\n  Dan dat.\nNog meer.\n\n\n"),
            ["Eerst dit.", "Dan dat.\nNog meer."]
        );
    }
}
