//! Staff roles.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Rules, audiences, channels, users, spacing overrides.
    Admin,
    /// Builds, schedules and publishes the polls of their organisation.
    Comms,
    /// Reads results and downloads anonymised exports.
    Analyst,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Comms, Role::Analyst];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Comms => "comms",
            Role::Analyst => "analyst",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("unknown role {0:?} (use admin, comms or analyst)")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}
