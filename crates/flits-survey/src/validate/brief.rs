//! Rules about the brief: why the poll is held, for whom, and what residents hear back.
//!
//! A poll may be drafted without a complete brief (then each missing part is a `brief_incomplete`
//! hint naming the part), but not scheduled (then each missing part is an error of its own). Unknown
//! audiences are always errors, because a poll for an audience that does not exist cannot be spaced
//! or scheduled.

use std::collections::HashSet;

use super::{Findings, ValidationOptions};
use crate::args::Args;
use crate::definition::PollDefinition;

/// How many known audiences an `audience_unknown` issue lists, so its message stays readable.
const KNOWN_SHOWN: usize = 10;

/// One missing part of the brief: reported as an error when scheduling, as a hint otherwise.
fn missing(out: &mut Findings, required: bool, location: &str, part: &str, error_code: &str) {
    if required {
        out.error(location, error_code, Args::new());
    } else {
        out.hint(location, "brief_incomplete", Args::new().with("part", part));
    }
}

/// The known audiences for a message: the first few, comma-separated, with `…` when there are more.
fn known_list(known: &[String]) -> String {
    let mut list = known
        .iter()
        .take(KNOWN_SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if known.len() > KNOWN_SHOWN {
        list.push_str(", …");
    }
    list
}

pub(super) fn check_brief(def: &PollDefinition, opts: &ValidationOptions, out: &mut Findings) {
    let required = opts.require_brief;
    let Some(brief) = &def.brief else {
        missing(out, required, "brief", "brief", "brief_missing");
        return;
    };

    if brief.purpose.as_deref().is_none_or(|p| p.trim().is_empty()) {
        missing(
            out,
            required,
            "brief.purpose",
            "purpose",
            "brief_purpose_missing",
        );
    }
    if brief.audiences.is_empty() {
        missing(
            out,
            required,
            "brief.audiences",
            "audiences",
            "brief_audiences_missing",
        );
    }
    if brief.feedback_promise.is_none() {
        missing(
            out,
            required,
            "brief.feedback_promise",
            "feedback_promise",
            "brief_feedback_promise_missing",
        );
    }

    let mut seen = HashSet::new();
    for (i, audience) in brief.audiences.iter().enumerate() {
        let location = format!("brief.audiences[{i}]");
        if !seen.insert(audience.as_str()) {
            out.error(
                location,
                "audience_duplicate",
                Args::new().with("audience", audience),
            );
            continue;
        }
        if let Some(known) = &opts.known_audiences
            && !known.iter().any(|k| k == audience)
        {
            out.error(
                location,
                "audience_unknown",
                Args::new()
                    .with("audience", audience)
                    .with("known", known_list(known))
                    .with("known_count", known.len()),
            );
        }
    }
}
