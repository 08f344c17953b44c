//! Who a poll reached (issue 12), on the staff pages: the "who are we missing" panel of an open
//! poll ([`missing`]), weighted next to unweighted shares once it closed ([`weighted`]), and the
//! regional reach dashboard ([`dashboard`]). The numbers come from `flits-reach`; these modules
//! read the responses, match the poll's profile questions to its population's margins, and say
//! the results in the reader's language.

pub mod dashboard;
pub mod missing;
pub mod weighted;

use flits_i18n::{Locale, t};
use flits_reach::Margin;
use flits_reach::representation::Index;
use flits_store::Poll;
use flits_survey::QuestionKind;

/// The margins of `margins` that the poll asks as a single-choice question, in the margins'
/// order: the profile questions its respondents can be compared and weighted on.
pub(crate) fn asked_margins<'a>(poll: &Poll, margins: &'a [Margin]) -> Vec<&'a Margin> {
    margins
        .iter()
        .filter(|m| {
            poll.definition
                .question(m.question())
                .is_some_and(|q| q.kind == QuestionKind::SingleChoice)
        })
        .collect()
}

/// A question's text in `locale`, or its id when the poll does not have it.
pub(crate) fn question_label(poll: &Poll, question: &str, locale: Locale) -> String {
    poll.definition.question(question).map_or_else(
        || question.to_owned(),
        |q| q.text.get(locale.code()).to_owned(),
    )
}

/// An option's text in `locale`, or its id when the question does not have it.
pub(crate) fn option_label(poll: &Poll, question: &str, option: &str, locale: Locale) -> String {
    poll.definition
        .question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map_or_else(
            || option.to_owned(),
            |o| o.text.get(locale.code()).to_owned(),
        )
}

/// A representation index as staff read it: the value, "below …", or a dash.
pub(crate) fn index_text(index: Index, locale: Locale) -> String {
    match index {
        Index::Exact { value } => fraction_text(value, locale),
        Index::Below { bound } => t!(
            locale,
            "staff-reach-index-below",
            bound = fraction_text(bound, locale)
        ),
        Index::Undefined => t!(locale, "staff-reach-no-value"),
    }
}

/// An index or a ratio with two decimals (0,53), with the decimal comma where the language
/// writes one: one decimal is too coarse to see an index move.
pub(crate) fn fraction_text(value: f64, locale: Locale) -> String {
    let text = format!("{value:.2}");
    match locale {
        Locale::Nl | Locale::Tr | Locale::Pl => text.replace('.', ","),
        Locale::En | Locale::Ar => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_have_two_decimals_and_the_language_s_separator() {
        assert_eq!(fraction_text(0.534, Locale::Nl), "0,53");
        assert_eq!(fraction_text(1.0, Locale::En), "1.00");
        assert_eq!(index_text(Index::Exact { value: 0.25 }, Locale::En), "0.25");
    }
}
