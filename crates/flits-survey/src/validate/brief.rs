//! Rules about the brief: why the poll is held, for whom, and what residents hear back.
//!
//! A poll may be drafted without a complete brief (then each missing part is a `brief_incomplete`
//! hint), but not scheduled (then each missing part is an error). Unknown audiences are always errors,
//! because a poll for an audience that does not exist cannot be spaced or scheduled.

use std::collections::HashSet;

use super::{Findings, ValidationOptions};
use crate::definition::PollDefinition;

/// One missing part of the brief: reported as an error when scheduling, as a hint otherwise.
fn missing(
    out: &mut Findings,
    required: bool,
    location: &str,
    error_code: &str,
    nl: &str,
    en: &str,
) {
    if required {
        out.error(
            location,
            error_code,
            format!("{nl} Dat is nodig voordat u de peiling inplant."),
            format!("{en} This is needed before you schedule the poll."),
        );
    } else {
        out.hint(
            location,
            "brief_incomplete",
            format!("{nl} Vul dit aan voordat u de peiling inplant."),
            format!("{en} Add this before you schedule the poll."),
        );
    }
}

/// The known audiences for a message: the first few, so the message stays readable.
fn known_list(known: &[String]) -> String {
    const SHOWN: usize = 10;
    if known.is_empty() {
        return "-".to_owned();
    }
    let mut list = known
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if known.len() > SHOWN {
        list.push_str(", …");
    }
    list
}

pub(super) fn check_brief(def: &PollDefinition, opts: &ValidationOptions, out: &mut Findings) {
    let required = opts.require_brief;
    let Some(brief) = &def.brief else {
        missing(
            out,
            required,
            "brief",
            "brief_missing",
            "Er is nog geen brief: het doel, de doelgroep en wat inwoners terughoren.",
            "There is no brief yet: the purpose, the audience and what residents will hear back.",
        );
        return;
    };

    if brief.purpose.as_deref().is_none_or(|p| p.trim().is_empty()) {
        missing(
            out,
            required,
            "brief.purpose",
            "brief_purpose_missing",
            "Het doel ontbreekt: schrijf op wat u met de antwoorden wilt weten of beslissen.",
            "The purpose is missing: say what you want to learn or decide with the answers.",
        );
    }
    if brief.audiences.is_empty() {
        missing(
            out,
            required,
            "brief.audiences",
            "brief_audiences_missing",
            "De doelgroep ontbreekt: noem minstens één doelgroep, zoals een gemeente.",
            "The audience is missing: name at least one audience, such as a municipality.",
        );
    }
    if brief.feedback_promise.is_none() {
        missing(
            out,
            required,
            "brief.feedback_promise",
            "brief_feedback_promise_missing",
            "De belofte van terugkoppeling ontbreekt: vertel inwoners wanneer en waar ze horen wat u met hun antwoorden doet.",
            "The feedback promise is missing: tell residents when and where they will hear what you do with their answers.",
        );
    }

    let mut seen = HashSet::new();
    for (i, audience) in brief.audiences.iter().enumerate() {
        let location = format!("brief.audiences[{i}]");
        if !seen.insert(audience.as_str()) {
            out.error(
                location.clone(),
                "audience_duplicate",
                format!("De doelgroep \"{audience}\" staat er twee keer in. Haal er één weg."),
                format!("The audience \"{audience}\" is listed twice. Remove one."),
            );
            continue;
        }
        if let Some(known) = &opts.known_audiences
            && !known.iter().any(|k| k == audience)
        {
            let list = known_list(known);
            out.error(
                location,
                "audience_unknown",
                format!("De doelgroep \"{audience}\" bestaat niet. Bekende doelgroepen: {list}."),
                format!("The audience \"{audience}\" does not exist. Known audiences: {list}."),
            );
        }
    }
}
