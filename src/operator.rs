//! Who runs a command: the operator's account on the machine. Every command that writes an audit
//! entry names them as its actor, `cli:NAME` (README.md, "Audit log"), where staff actions name the
//! staff member's e-mail address. An actor with a `cli:` prefix can never be an e-mail address
//! that is a staff account's login, so the two never mix.

/// The prefix of an operator's actor in the audit log.
pub const CLI_ACTOR_PREFIX: &str = "cli:";

/// The operator as the audit log names them: `cli:` and the login name of the process's user,
/// looked up by the process's user id (`getpwuid`) rather than read from `$USER`, which anyone
/// can set. A container's user id often has no entry in the user database: then `$USER`, and
/// failing that `cli:unknown`.
pub fn cli_actor() -> String {
    let non_empty = |n: String| Some(n.trim().to_owned()).filter(|n| !n.is_empty());
    let name = whoami::fallible::username()
        .ok()
        .and_then(non_empty)
        .or_else(|| std::env::var("USER").ok().and_then(non_empty))
        .unwrap_or_else(|| "unknown".to_owned());
    format!("{CLI_ACTOR_PREFIX}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_operator_with_the_cli_prefix() {
        let actor = cli_actor();
        let name = actor.strip_prefix(CLI_ACTOR_PREFIX).unwrap();
        assert!(!name.is_empty());
        assert!(flits_types::Email::parse(&actor).is_err(), "{actor}");
    }
}
