//! The "who are we missing" panel of an open poll: per profile question the poll asks and its
//! population has a margin for, the respondents so far against the population, the groups that
//! are under-represented, and the channels that brought most of their responses, with the
//! suggestion to post a reminder there.
//!
//! Only the answers to those profile questions are counted, in aggregate under the small-cell
//! rule: while a poll is open nobody sees how it is going on its topic questions.

use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_reach::representation::{self, Representation, UNDER_REPRESENTED};
use flits_reach::sources::GroupChannels;
use flits_resident_pages::figures::{count_text, percent_text};
use flits_store::Poll;
use flits_survey::Answer;
use futures_util::TryStreamExt;
use serde::Serialize;

use super::{asked_margins, fraction_text, index_text, option_label, question_label};
use crate::ui::page::StaffPage;

/// Channels listed per under-represented group.
const TOP_CHANNELS: usize = 3;

/// The panel, ready for the template.
#[derive(Debug, Serialize)]
pub(crate) struct MissingView {
    /// Why there is nothing to compare, when there is not.
    nothing: Option<String>,
    /// The population figures are illustrative: every comparison says so.
    illustrative: bool,
    intro: String,
    margins: Vec<MarginView>,
    missing: Vec<MissingGroup>,
}

#[derive(Debug, Serialize)]
struct MarginView {
    id: String,
    question: String,
    /// Fewer than `k` answered: the sentence that says so, and no table.
    withheld: Option<String>,
    rows: Vec<CellRow>,
    other: Option<String>,
    dissimilarity: Option<String>,
}

#[derive(Debug, Serialize)]
struct CellRow {
    group: String,
    respondents: String,
    respondent_share: String,
    population_share: String,
    index: String,
    under: bool,
}

#[derive(Debug, Serialize)]
struct MissingGroup {
    id: String,
    group: String,
    question: String,
    index: String,
    channels: Vec<ChannelRow>,
}

#[derive(Debug, Serialize)]
struct ChannelRow {
    channel: String,
    respondents: String,
}

/// The panel for `poll` (an open poll).
pub(crate) async fn missing_panel(page: &StaffPage, poll: &Poll) -> Result<MissingView, PageError> {
    let locale = page.locale;
    let store = &page.state.store;
    let k = page.state.config.k_anonymity as u64;
    let population = store
        .poll_population(poll)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let mut view = MissingView {
        nothing: None,
        illustrative: false,
        intro: t!(locale, "staff-reach-missing-intro", k = k),
        margins: Vec::new(),
        missing: Vec::new(),
    };
    let Some(population) = population else {
        view.nothing = Some(t!(locale, "staff-reach-no-population"));
        return Ok(view);
    };
    view.illustrative = population.margins.illustrative();
    let margins = asked_margins(poll, population.margins.margins());
    if margins.is_empty() {
        let questions = population
            .margins
            .margins()
            .iter()
            .map(|m| m.question())
            .collect::<Vec<_>>()
            .join(", ");
        view.nothing = Some(t!(locale, "staff-reach-no-profile", questions = questions));
        return Ok(view);
    }

    let mut groups = GroupChannels::default();
    let mut rows = store
        .scan_responses(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    while let Some(row) = rows.try_next().await.map_err(|e| page.unavailable(&e))? {
        let answers = flits_results::parse_answers(&poll.definition, &row.answers);
        for margin in &margins {
            if let Some(Answer::Choice(option)) = answers.get(margin.question()) {
                groups.add(margin.question(), option, row.channel.as_deref());
            }
        }
    }

    let representations: Vec<Representation> = margins
        .iter()
        .map(|m| representation::represent(m, groups.options_of(m.question()), k))
        .collect();
    view.margins = representations
        .iter()
        .map(|r| margin_view(poll, r, locale))
        .collect();
    view.missing = representation::missing(&representations, UNDER_REPRESENTED)
        .into_iter()
        .map(|m| MissingGroup {
            id: format!("{}-{}", m.question, m.cell.option),
            group: option_label(poll, m.question, &m.cell.option, locale),
            question: question_label(poll, m.question, locale),
            index: index_text(m.cell.index, locale),
            channels: groups
                .top(m.question, &m.cell.option, k, TOP_CHANNELS)
                .into_iter()
                .map(|c| ChannelRow {
                    channel: c
                        .channel
                        .unwrap_or_else(|| t!(locale, "staff-results-no-channel")),
                    respondents: count_text(c.respondents, locale),
                })
                .collect(),
        })
        .collect();
    Ok(view)
}

fn margin_view(poll: &Poll, r: &Representation, locale: Locale) -> MarginView {
    let question = question_label(poll, &r.question, locale);
    let withheld = r
        .withheld
        .then(|| t!(locale, "staff-reach-withheld", k = r.k));
    let rows = r
        .cells
        .iter()
        .map(|c| CellRow {
            group: option_label(poll, &r.question, &c.option, locale),
            respondents: count_text(c.respondents, locale),
            respondent_share: c.respondent_share.map_or_else(
                || t!(locale, "staff-reach-no-value"),
                |s| percent_text(s, locale),
            ),
            population_share: percent_text(c.population_share, locale),
            index: index_text(c.index, locale),
            under: c.index.is_below(UNDER_REPRESENTED),
        })
        .collect();
    let other = (r.other.exact() != Some(0)).then(|| {
        t!(
            locale,
            "staff-reach-other",
            count = count_text(r.other, locale)
        )
    });
    MarginView {
        id: r.question.clone(),
        question,
        withheld,
        rows,
        other,
        dissimilarity: r.dissimilarity.map(|d| {
            t!(
                locale,
                "staff-reach-dissimilarity",
                value = fraction_text(d, locale)
            )
        }),
    }
}
