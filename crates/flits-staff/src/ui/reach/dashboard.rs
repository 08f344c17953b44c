//! `GET /staff/reach`: the regional reach dashboard. Over the last 12 months, per municipality
//! and for the region: responses, the share of first-time participants, representation by age
//! group, and the dissimilarity index per quarter, the trend that shows whether flash polls widen
//! participation over time (the region's own goal, "verbreding betrokkenheid").
//!
//! Admins see every municipality of their region; other staff their own and the region. A poll
//! counts for a municipality when all of its audiences lie inside it, and for the region when
//! any does. Only profile answers are read, and shown in aggregate under the small-cell rule.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{NaiveDate, Utc};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_reach::quarter::{Quarter, quarters_between, twelve_months_before};
use flits_reach::representation::{self, UNDER_REPRESENTED};
use flits_reach::{Margin, Margins};
use flits_resident_pages::figures::percent_text;
use flits_results::Count;
use flits_store::Poll;
use flits_store::entity::audience;
use flits_survey::{Answer, PollState, QuestionKind, StandardQuestion};
use futures_util::TryStreamExt;
use serde::Serialize;

use super::{fraction_text, index_text};
use crate::identity::Caller;
use crate::role::Role;
use crate::ui::page::StaffPage;

/// Who answered what, for one municipality or the region, over the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReachTally {
    pub(crate) responses: u64,
    pub(crate) first_time_yes: u64,
    pub(crate) first_time_answered: u64,
    /// Profile question → option → respondents.
    pub(crate) profile: BTreeMap<String, BTreeMap<String, u64>>,
    /// The same per quarter.
    pub(crate) quarters: BTreeMap<Quarter, BTreeMap<String, BTreeMap<String, u64>>>,
}

/// The profile questions the dashboard compares with the population.
const COMPARED: [StandardQuestion; 2] =
    [StandardQuestion::AgeGroup, StandardQuestion::Neighbourhood];

impl ReachTally {
    /// Counts one response submitted on `on` with `answers` (only the standard profile answers
    /// are read).
    pub(crate) fn add(&mut self, on: NaiveDate, answers: &BTreeMap<String, Answer>) {
        self.responses += 1;
        if let Some(Answer::Choice(v)) = answers.get(StandardQuestion::FirstTime.id()) {
            self.first_time_answered += 1;
            if v == "yes" {
                self.first_time_yes += 1;
            }
        }
        for question in COMPARED.map(StandardQuestion::id) {
            if let Some(Answer::Choice(option)) = answers.get(question) {
                for counts in [
                    &mut self.profile,
                    self.quarters.entry(Quarter::of(on)).or_default(),
                ] {
                    *counts
                        .entry(question.to_owned())
                        .or_default()
                        .entry(option.clone())
                        .or_default() += 1;
                }
            }
        }
    }
}

/// The municipality (an audience of an organisation directly under the region) that `id` lies
/// in, or `None` for the region itself, a region-wide group, or an audience outside `region`.
pub(crate) fn municipality_of<'a>(
    audiences: &'a [audience::Model],
    region: &str,
    id: &str,
) -> Option<&'a str> {
    let mut current = audiences.iter().find(|a| a.id == id)?;
    for _ in 0..audiences.len() {
        match current.parent_id.as_deref() {
            Some(parent) if parent == region => {
                return current
                    .organisation_id
                    .is_some()
                    .then_some(current.id.as_str());
            }
            Some(parent) => current = audiences.iter().find(|a| a.id == parent)?,
            None => return None,
        }
    }
    None
}

/// Whether `id` is `region` or lies inside it.
pub(crate) fn inside_region(audiences: &[audience::Model], region: &str, id: &str) -> bool {
    let mut current = Some(id);
    for _ in 0..=audiences.len() {
        match current {
            Some(a) if a == region => return true,
            Some(a) => {
                current = audiences
                    .iter()
                    .find(|x| x.id == a)
                    .and_then(|x| x.parent_id.as_deref())
            }
            None => return false,
        }
    }
    false
}

#[derive(Debug, Serialize)]
struct DashboardView {
    intro: String,
    areas: Vec<AreaView>,
    quarters: Vec<String>,
}

#[derive(Debug, Serialize)]
struct AreaView {
    id: String,
    name: String,
    responses: u64,
    first_time: String,
    illustrative: bool,
    /// Why there is no age comparison, when there is none.
    no_age: Option<String>,
    ages: Vec<AgeRow>,
    trend: Vec<TrendCell>,
}

#[derive(Debug, Serialize)]
struct AgeRow {
    group: String,
    respondent_share: String,
    population_share: String,
    index: String,
    under: bool,
}

#[derive(Debug, Serialize)]
struct TrendCell {
    quarter: String,
    value: String,
}

/// The first-time share in words, under the small-cell rule. The share is shown only when
/// both the yes and the no count may be shown: with the number who answered next to it, a
/// shown yes would otherwise give a small no away by subtraction.
fn first_time_text(t: &ReachTally, k: u64, locale: Locale) -> String {
    let n = t.first_time_answered;
    let yes = t.first_time_yes;
    let shown = |c: u64| Count::of(c, k).exact().is_some();
    if n == 0 {
        t!(locale, "staff-reach-first-time-none")
    } else if !shown(n) {
        t!(locale, "staff-reach-first-time-withheld", k = k)
    } else if shown(yes) && shown(n - yes) {
        t!(
            locale,
            "staff-reach-first-time",
            share = percent_text(yes as f64 / n as f64, locale),
            yes = yes,
            answered = n
        )
    } else {
        t!(locale, "staff-reach-first-time-few", k = k, answered = n)
    }
}

/// An age group as the standard question words it in `locale`, or its id when the population
/// file uses a group the standard question does not have.
fn age_label(option: &str, locale: Locale) -> String {
    let id = format!("standard-age-{option}");
    let catalogue = flits_i18n::catalogue();
    if catalogue.has(locale, &id) {
        catalogue.format(locale, &id, &[])
    } else {
        option.to_owned()
    }
}

fn area_view(
    id: &str,
    name: &str,
    tally: &ReachTally,
    population: Option<&Margins>,
    quarters: &[Quarter],
    k: u64,
    locale: Locale,
) -> AreaView {
    let age_id = StandardQuestion::AgeGroup.id();
    let counts = |c: Option<&BTreeMap<String, BTreeMap<String, u64>>>, q: &str| {
        c.and_then(|c| c.get(q))
            .map(|m| m.iter().map(|(o, n)| (o.clone(), *n)).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let mut view = AreaView {
        id: id.to_owned(),
        name: name.to_owned(),
        responses: tally.responses,
        first_time: first_time_text(tally, k, locale),
        illustrative: population.is_some_and(Margins::illustrative),
        no_age: None,
        ages: Vec::new(),
        trend: Vec::new(),
    };
    let Some(margins) = population else {
        view.no_age = Some(t!(locale, "staff-reach-area-no-population"));
        return view;
    };
    match margins.get(age_id) {
        Some(age) => {
            let r = representation::represent(age, counts(Some(&tally.profile), age_id), k);
            if r.withheld {
                view.no_age = Some(t!(locale, "staff-reach-withheld", k = k));
            }
            view.ages = r
                .cells
                .iter()
                .map(|c| AgeRow {
                    group: age_label(&c.option, locale),
                    respondent_share: c.respondent_share.map_or_else(
                        || t!(locale, "staff-reach-no-value"),
                        |s| percent_text(s, locale),
                    ),
                    population_share: percent_text(c.population_share, locale),
                    index: index_text(c.index, locale),
                    under: c.index.is_below(UNDER_REPRESENTED),
                })
                .collect();
        }
        None => view.no_age = Some(t!(locale, "staff-reach-area-no-age")),
    }
    let compared: Vec<&Margin> = COMPARED
        .iter()
        .filter_map(|q| margins.get(q.id()))
        .collect();
    view.trend = quarters
        .iter()
        .map(|q| {
            let reps: Vec<_> = compared
                .iter()
                .map(|m| {
                    representation::represent(m, counts(tally.quarters.get(q), m.question()), k)
                })
                .collect();
            TrendCell {
                quarter: q.to_string(),
                value: representation::overall(&reps).map_or_else(
                    || t!(locale, "staff-reach-trend-too-few"),
                    |d| fraction_text(d, locale),
                ),
            }
        })
        .collect();
    view
}

/// Whether `poll` may have responses in the window from `from` on.
fn in_window(poll: &Poll, from: NaiveDate) -> bool {
    !matches!(poll.state, PollState::Draft | PollState::Scheduled)
        && poll.closes_at.is_none_or(|c| c.date_naive() >= from)
}

/// `GET /staff/reach`.
pub async fn show(
    page: StaffPage,
    caller: web::ReqData<Caller>,
) -> Result<HttpResponse, PageError> {
    let locale = page.locale;
    let store = &page.state.store;
    let k = page.state.config.k_anonymity as u64;
    let today = Utc::now().date_naive();
    let from = twelve_months_before(today);
    let quarters = quarters_between(from, today);
    let audiences = store.audiences().await.map_err(|e| page.unavailable(&e))?;
    let organisation = store
        .organisation(&caller.user.organisation_id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let region = organisation.map(|o| o.region_id).unwrap_or_default();
    let region_name = audiences
        .iter()
        .find(|a| a.id == region)
        .map_or_else(|| region.clone(), |a| a.name.clone());
    // The municipalities shown: all of the region for admins, else the caller's own.
    let municipalities: Vec<&audience::Model> = audiences
        .iter()
        .filter(|a| a.parent_id.as_deref() == Some(region.as_str()))
        .filter(|a| match (&a.organisation_id, caller.role) {
            (Some(_), Role::Admin) => true,
            (Some(org), _) => *org == caller.user.organisation_id,
            (None, _) => false,
        })
        .collect();

    let mut tallies: BTreeMap<String, ReachTally> = BTreeMap::new();
    let polls = store.polls().await.map_err(|e| page.unavailable(&e))?;
    for poll in polls.iter().filter(|p| in_window(p, from)) {
        let wanted = poll
            .definition
            .brief
            .as_ref()
            .map(|b| b.audiences.clone())
            .unwrap_or_default();
        if !wanted.iter().any(|a| inside_region(&audiences, &region, a)) {
            continue;
        }
        let places: Vec<Option<&str>> = wanted
            .iter()
            .map(|a| municipality_of(&audiences, &region, a))
            .collect();
        let municipality = match places.split_first() {
            Some((first, rest)) if rest.iter().all(|p| p == first) => *first,
            _ => None,
        }
        .filter(|m| municipalities.iter().any(|a| a.id == *m));
        let profile_asked = COMPARED
            .iter()
            .chain([&StandardQuestion::FirstTime])
            .any(|q| {
                poll.definition
                    .question(q.id())
                    .is_some_and(|q| q.kind == QuestionKind::SingleChoice)
            });
        let mut rows = store
            .scan_responses(poll.id)
            .await
            .map_err(|e| page.unavailable(&e))?;
        while let Some(row) = rows.try_next().await.map_err(|e| page.unavailable(&e))? {
            if row.submitted_on < from || row.submitted_on > today {
                continue;
            }
            let answers = if profile_asked {
                flits_results::parse_answers(&poll.definition, &row.answers)
            } else {
                BTreeMap::new()
            };
            tallies
                .entry(region.clone())
                .or_default()
                .add(row.submitted_on, &answers);
            if let Some(m) = municipality {
                tallies
                    .entry(m.to_owned())
                    .or_default()
                    .add(row.submitted_on, &answers);
            }
        }
    }

    let mut areas = Vec::new();
    let empty = ReachTally::default();
    for (id, name) in municipalities
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .chain([(region.as_str(), region_name.as_str())])
    {
        let population = store
            .population_for(&[id.to_owned()])
            .await
            .map_err(|e| page.unavailable(&e))?;
        areas.push(area_view(
            id,
            name,
            tallies.get(id).unwrap_or(&empty),
            population.as_ref().map(|p| &p.margins),
            &quarters,
            k,
            locale,
        ));
    }
    let view = DashboardView {
        intro: t!(
            locale,
            "staff-reach-dashboard-intro",
            from = from.format("%d-%m-%Y").to_string(),
            to = today.format("%d-%m-%Y").to_string(),
            k = k
        ),
        areas,
        quarters: quarters.iter().map(Quarter::to_string).collect(),
    };
    let title = t!(locale, "staff-reach-dashboard-title");
    page.render(StatusCode::OK, "staff/reach", &title, &view)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn a(id: &str, parent: Option<&str>, org: Option<&str>) -> audience::Model {
        audience::Model {
            id: id.into(),
            name: id.into(),
            parent_id: parent.map(Into::into),
            organisation_id: org.map(Into::into),
        }
    }

    fn ijmond() -> Vec<audience::Model> {
        vec![
            a("ijmond", None, None),
            a("velsen", Some("ijmond"), Some("velsen")),
            a("jongeren-velsen", Some("velsen"), Some("velsen")),
            a("jongeren-ijmond", Some("ijmond"), None),
            a("elders", None, None),
        ]
    }

    #[test]
    fn audiences_map_to_their_municipality_and_region() {
        let all = ijmond();
        assert_eq!(municipality_of(&all, "ijmond", "velsen"), Some("velsen"));
        assert_eq!(
            municipality_of(&all, "ijmond", "jongeren-velsen"),
            Some("velsen")
        );
        assert_eq!(municipality_of(&all, "ijmond", "jongeren-ijmond"), None);
        assert_eq!(municipality_of(&all, "ijmond", "ijmond"), None);
        assert!(inside_region(&all, "ijmond", "jongeren-velsen"));
        assert!(inside_region(&all, "ijmond", "ijmond"));
        assert!(!inside_region(&all, "ijmond", "elders"));
        assert!(!inside_region(&all, "ijmond", "onbekend"));
    }

    #[test]
    fn a_tally_counts_first_timers_and_profile_answers_per_quarter() {
        let mut t = ReachTally::default();
        let day = NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
        let later = NaiveDate::from_ymd_opt(2025, 5, 3).unwrap();
        let answers = |first: Option<&str>, age: &str| {
            let mut m = BTreeMap::new();
            if let Some(f) = first {
                m.insert("first_time".to_owned(), Answer::Choice(f.to_owned()));
            }
            m.insert("leeftijd".to_owned(), Answer::Choice(age.to_owned()));
            m.insert("bomen".to_owned(), Answer::Choice("ja".to_owned()));
            m
        };
        t.add(day, &answers(Some("yes"), "15-24"));
        t.add(day, &answers(Some("no"), "65plus"));
        t.add(later, &answers(None, "65plus"));
        assert_eq!(
            (t.responses, t.first_time_yes, t.first_time_answered),
            (3, 1, 2)
        );
        assert_eq!(t.profile["leeftijd"]["65plus"], 2);
        assert!(!t.profile.contains_key("bomen"));
        assert_eq!(t.quarters[&Quarter::of(day)]["leeftijd"].len(), 2);
        assert_eq!(t.quarters[&Quarter::of(later)]["leeftijd"]["65plus"], 1);
        assert_eq!(
            first_time_text(&t, 10, Locale::En),
            t!(Locale::En, "staff-reach-first-time-withheld", k = 10)
        );
        // 12 yes of 13: the one "no" would follow by subtraction.
        t.first_time_yes = 12;
        t.first_time_answered = 13;
        assert_eq!(
            first_time_text(&t, 10, Locale::En),
            "fewer than 10 said yes or no, of the 13 who answered"
        );
        t.first_time_answered = 22;
        assert_eq!(
            first_time_text(&t, 10, Locale::En),
            "55% (12 of the 22 who answered)"
        );
    }
}
