//! Staff accounts from the command line: the password rules live in the staff service.

pub use flits_staff::passwords::{generate_password, hash_password, verify_password};

/// The roles a staff account can have.
pub const ROLES: [&str; 3] = ["admin", "comms", "analyst"];
