//! A poll's life: draft → scheduled → open → closed → results published → archived.
//!
//! The allowed steps are enforced here so that the web layer, the CLI and the job runner cannot
//! disagree about them. Once a poll is scheduled its questions are frozen: a change is a new copy.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Where a poll is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollState {
    Draft,
    Scheduled,
    Open,
    Closed,
    ResultsPublished,
    Archived,
}

/// A step that the lifecycle does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a poll cannot go from {from} to {to}")]
pub struct TransitionError {
    pub from: PollState,
    pub to: PollState,
}

/// A state name that is not one of the lifecycle's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown poll state {0:?}")]
pub struct UnknownState(pub String);

impl PollState {
    /// Every state, in lifecycle order.
    pub const ALL: [PollState; 6] = [
        PollState::Draft,
        PollState::Scheduled,
        PollState::Open,
        PollState::Closed,
        PollState::ResultsPublished,
        PollState::Archived,
    ];

    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            PollState::Draft => "draft",
            PollState::Scheduled => "scheduled",
            PollState::Open => "open",
            PollState::Closed => "closed",
            PollState::ResultsPublished => "results_published",
            PollState::Archived => "archived",
        }
    }

    /// Whether the lifecycle allows the step from `self` to `to`.
    ///
    /// A scheduled poll may go back to draft (the schedule is withdrawn); every other step moves
    /// forward. An open poll may be closed early; a closed poll may be archived without publishing.
    pub fn can_become(self, to: PollState) -> bool {
        use PollState::*;
        matches!(
            (self, to),
            (Draft, Scheduled)
                | (Scheduled, Draft)
                | (Scheduled, Open)
                | (Open, Closed)
                | (Closed, ResultsPublished)
                | (Closed, Archived)
                | (ResultsPublished, Archived)
        )
    }

    /// The step to `to`, or why it is not allowed.
    pub fn transition(self, to: PollState) -> Result<PollState, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { from: self, to })
        }
    }

    /// Whether the questions may still change; after scheduling a change needs a copy.
    pub fn is_editable(self) -> bool {
        self == PollState::Draft
    }

    /// Whether the poll counts towards spacing (it holds or held a place in the calendar).
    pub fn occupies_calendar(self) -> bool {
        !matches!(self, PollState::Draft)
    }
}

impl fmt::Display for PollState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PollState {
    type Err = UnknownState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PollState::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownState(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for st in PollState::ALL {
            assert_eq!(st.as_str().parse::<PollState>().unwrap(), st);
            assert_eq!(
                serde_json::to_string(&st).unwrap(),
                format!("\"{}\"", st.as_str())
            );
        }
        assert!("opened".parse::<PollState>().is_err());
    }

    #[test]
    fn only_the_documented_steps_are_allowed() {
        use PollState::*;
        assert!(Draft.transition(Scheduled).is_ok());
        assert!(Draft.transition(Open).is_err());
        assert!(Open.transition(Draft).is_err());
        assert!(ResultsPublished.transition(Open).is_err());
        assert!(Closed.transition(ResultsPublished).is_ok());
        let allowed = PollState::ALL
            .iter()
            .flat_map(|a| PollState::ALL.iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| a.can_become(*b))
            .count();
        assert_eq!(allowed, 7);
        assert!(Draft.is_editable() && !Scheduled.is_editable());
    }
}
