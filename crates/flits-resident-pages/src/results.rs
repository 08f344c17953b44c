//! The view of the public results page (`templates/poll/results.hbs`), built from plain values:
//! the poll, what staff published (or, in the staff preview, what they drafted), the figures under
//! the small-cell rule, and the native polls' votes.
//!
//! In order the page shows the "you said, we did" text, the later updates (newest first), the
//! figures of each topic question (a bar chart that is an image with a text alternative, and a
//! table with the same numbers for screen readers; nothing at all when the poll had fewer than `k`
//! responses), the quotes staff picked, and apart from all of that, clearly labelled, the votes of
//! the platforms' own polls, which are not answers to this poll.
//!
//! The collector serves and caches the published page; the staff service renders the same view of
//! a draft before it is published, so what staff check is what residents will read.

use std::collections::HashMap;

use flits_i18n::{Locale, t};
use flits_results::{Aggregates, QuestionResult};
use flits_store::{OutboxPost, Poll, Publication};
use flits_survey::{Question, QuestionKind};
use serde::Serialize;

use crate::bar_chart::{BarChart, BarInput, lay_out};
use crate::figures::{count_text, decimal_text, excerpt, percent_text};
use crate::frame::{Chrome, LinkPreview, public_link};
use crate::language::og_locale;
use crate::local_time::local_moment;

/// How long the link preview's description may be.
const DESCRIPTION_CHARS: usize = 200;

#[derive(Debug, Serialize)]
struct UpdateView {
    /// `YYYY-MM-DD`, for `<time datetime>`.
    iso: String,
    date: String,
    paragraphs: Vec<String>,
}

#[derive(Debug, Serialize)]
struct TableRow {
    label: String,
    count: String,
    share: String,
}

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
struct QuoteGroup {
    question: String,
    quotes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct NativeRow {
    title: String,
    votes: String,
}

#[derive(Debug, Serialize)]
struct NativeView {
    caption: String,
    status: String,
    rows: Vec<NativeRow>,
    voters: Option<String>,
}

/// What `templates/poll/results.hbs` renders: the frame and the page's content.
#[derive(Debug, Serialize)]
pub struct ResultsView {
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

/// What the results page is made of, as plain values the caller read from the store.
pub struct ResultsSource<'a> {
    pub poll: &'a Poll,
    /// What was published; for a preview, the draft with the time it would be published.
    pub publication: &'a Publication,
    /// The figures of the poll under the small-cell rule.
    pub figures: &'a Aggregates,
    /// The poll's channel posts, of which those with native-poll votes are shown.
    pub posts: &'a [OutboxPost],
    /// The kind of each configured channel (`mastodon`, `x`…) by channel id, to say on which
    /// platform a native poll's votes were cast.
    pub channel_kinds: &'a HashMap<String, String>,
    /// The absolute base of public links (`FLITS_PUBLIC_URL`), for the link preview.
    pub public_base: &'a str,
}

/// Where the results page of the poll `slug` is.
pub fn path(slug: &str) -> String {
    format!("/p/{slug}/results")
}

/// The results page's title in `locale`.
pub fn page_title(poll: &Poll, locale: Locale) -> String {
    let title = poll.definition.title.get(locale.code());
    t!(locale, "results-page-title", title = title)
}

/// Paragraphs of a text staff wrote: blank lines separate them.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The results page of `source` in `locale`, inside `frame` (which gets the page's link preview).
pub fn results_view(source: &ResultsSource<'_>, mut frame: Chrome, locale: Locale) -> ResultsView {
    let ResultsSource {
        poll,
        publication,
        figures,
        posts,
        channel_kinds,
        public_base,
    } = *source;
    let l = locale.code();
    let def = &poll.definition;
    let title = def.title.get(l).to_owned();
    let summary_text = publication.summary.get(l);
    let offered = def.offered_languages();
    let path = path(&poll.slug);
    let lang_query = if offered.first() == Some(&locale) {
        String::new()
    } else {
        format!("?lang={l}")
    };
    frame.preview = Some(LinkPreview {
        canonical: public_link(public_base, &format!("{path}{lang_query}")),
        title: frame.page_title.clone(),
        description: excerpt(summary_text, DESCRIPTION_CHARS),
        site_name: frame.org_name.clone(),
        og_locale: og_locale(locale),
        image: public_link(public_base, &format!("{path}.png?lang={l}")),
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
        natives: native_views(poll, posts, channel_kinds, locale),
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
    poll: &Poll,
    posts: &[OutboxPost],
    channel_kinds: &HashMap<String, String>,
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
            let platform = channel_kinds
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
    use chrono::{NaiveDate, TimeZone, Utc};
    use flits_results::{ResponseRecord, aggregate, read_answers};
    use flits_store::{NativeOption, NativeTally, Quote};
    use flits_survey::{PollDefinition, PollState};
    use serde_json::{Value, json};

    const DEFINITION: &str = r#"
slug: plein
title: {nl: "Het plein", ar: "الساحة"}
languages: [nl, ar]
questions:
  - {id: bomen, kind: single_choice, text: {nl: "Meer bomen?", ar: "أشجار؟"},
     options: [{id: ja, text: {nl: "Ja", ar: "نعم"}}, {id: nee, text: {nl: "Nee", ar: "لا"}}]}
  - {id: idee, kind: open_text, text: {nl: "Uw idee?", ar: "فكرتك؟"}}
"#;

    fn poll() -> Poll {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        Poll {
            id: Default::default(),
            slug: "plein".into(),
            organisation_id: "velsen".into(),
            state: PollState::Closed,
            definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
            opens_at: None,
            closes_at: None,
            created_at: at,
            updated_at: at,
        }
    }

    /// The view of `poll` with `yes` and `no` answers and one native poll, as JSON.
    fn view(poll: &Poll, yes: usize, no: usize, locale: Locale) -> Value {
        let records: Vec<ResponseRecord> = std::iter::repeat_n("ja", yes)
            .chain(std::iter::repeat_n("nee", no))
            .map(|choice| ResponseRecord {
                channel: None,
                lang: "nl".into(),
                submitted_on: NaiveDate::from_ymd_opt(2026, 2, 20).unwrap(),
                answers: read_answers(&poll.definition, &json!({"bomen": choice})),
            })
            .collect();
        let figures = aggregate(&poll.definition, &records, 10);
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let publication = Publication {
            poll_id: poll.id,
            summary: serde_json::from_value(json!({"nl": "U wilde bomen.\n\nWij planten ze."}))
                .unwrap(),
            quotes: vec![Quote {
                question_id: "idee".into(),
                text: "Een bankje".into(),
            }],
            updates: Vec::new(),
            published_at: at,
            published_by: None,
        };
        let mut post = announcement(poll, at);
        post.native_tally = Some((
            NativeTally {
                options: vec![NativeOption {
                    title: "Ja".into(),
                    votes: Some(40),
                }],
                voters: Some(40),
                expired: true,
            },
            at,
        ));
        let kinds = HashMap::from([("mastodon-velsen".to_owned(), "mastodon".to_owned())]);
        let source = ResultsSource {
            poll,
            publication: &publication,
            figures: &figures,
            posts: &[post],
            channel_kinds: &kinds,
            public_base: "https://flits.example/",
        };
        let frame = Chrome::plain(locale, page_title(poll, locale));
        serde_json::to_value(results_view(&source, frame, locale)).unwrap()
    }

    /// A posted announcement that carried a native poll.
    fn announcement(poll: &Poll, at: chrono::DateTime<Utc>) -> OutboxPost {
        OutboxPost {
            id: Default::default(),
            poll_id: poll.id,
            channel_id: "mastodon-velsen".into(),
            purpose: "announce".into(),
            status: "posted".into(),
            attempts: 1,
            remote_id: Some("1".into()),
            last_error: None,
            next_attempt_at: None,
            created_at: at,
            posted_at: Some(at),
            native_poll_id: Some("7".into()),
            native_tally: None,
        }
    }

    #[test]
    fn the_page_holds_the_text_the_figures_the_quotes_and_the_native_votes() {
        let poll = poll();
        let page = view(&poll, 12, 3, Locale::Nl);
        assert_eq!(
            page["summary"],
            json!(["U wilde bomen.", "Wij planten ze."])
        );
        assert_eq!(page["lang"], "nl");
        assert_eq!(page["withheld"], false);
        let questions = page["questions"].as_array().unwrap();
        assert_eq!(questions.len(), 1, "open questions have no chart");
        let bomen = &questions[0];
        assert_eq!(bomen["anchor"], "q-bomen");
        assert_eq!(bomen["chart"]["rows"].as_array().unwrap().len(), 2);
        assert_eq!(bomen["rows"][0]["count"], "12");
        assert_eq!(bomen["rows"][1]["count"], "<10", "3 is under k");
        assert!(page["below_note"].is_string());
        assert_eq!(
            page["quotes"],
            json!([{"question": "Uw idee?", "quotes": ["Een bankje"]}])
        );
        assert_eq!(page["natives"][0]["rows"][0]["votes"], "40");
        let caption = page["natives"][0]["caption"].as_str().unwrap();
        assert!(caption.starts_with("Stemmen op Mastodon"), "{caption}");
        // The link preview points at the public page: the default language has the bare link.
        assert_eq!(
            page["preview"]["canonical"],
            "https://flits.example/p/plein/results"
        );
        assert_eq!(page["poll_link"], "/p/plein?lang=nl");
    }

    #[test]
    fn other_languages_fall_back_to_dutch_text_and_mirror_the_charts() {
        let poll = poll();
        let page = view(&poll, 12, 3, Locale::Ar);
        assert_eq!(
            (page["lang"].as_str(), page["dir"].as_str()),
            (Some("ar"), Some("rtl"))
        );
        assert_eq!(page["title"], "الساحة");
        assert_eq!(
            page["summary"][0], "U wilde bomen.",
            "no Arabic text: Dutch"
        );
        assert_eq!(page["questions"][0]["chart"]["label_x"], "100%");
        assert_eq!(
            page["preview"]["canonical"],
            "https://flits.example/p/plein/results?lang=ar"
        );
    }

    #[test]
    fn too_few_responses_show_no_figures() {
        let poll = poll();
        let page = view(&poll, 5, 2, Locale::Nl);
        assert_eq!(page["withheld"], true);
        assert_eq!(page["questions"], json!([]));
        assert!(page["below_note"].is_null());
        assert!(page["responses"].as_str().unwrap().contains("10"));
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paragraphs("Eerst dit.\n\n  Dan dat.\nNog meer.\n\n\n"),
            ["Eerst dit.", "Dan dat.\nNog meer."]
        );
    }
}
