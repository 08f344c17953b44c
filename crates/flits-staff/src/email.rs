//! Staff e-mail addresses: the one rule the web UI and `flits user add` share.

/// The longest address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Text that is not a usable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address")]
pub struct InvalidEmail;

/// The address as stored (trimmed, lower case), or why not: it needs a name and a domain around
/// one `@`, no spaces, and at most [`MAX_EMAIL_CHARS`] characters. Whether it receives mail is
/// not ours to know.
pub fn parse_email(raw: &str) -> Result<String, InvalidEmail> {
    let email = raw.trim().to_lowercase();
    let well_formed = email.split_once('@').is_some_and(|(name, domain)| {
        !name.is_empty() && !domain.is_empty() && !domain.contains('@')
    });
    if !well_formed
        || email.chars().count() > MAX_EMAIL_CHARS
        || email.contains(char::is_whitespace)
    {
        return Err(InvalidEmail);
    }
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_lowercases_and_refuses_what_is_not_an_address() {
        assert_eq!(
            parse_email("  Anna@Velsen.NL "),
            Ok("anna@velsen.nl".to_owned())
        );
        for bad in [
            "",
            "anna",
            "@velsen.nl",
            "anna@",
            "an na@velsen.nl",
            "a@b@c",
        ] {
            assert_eq!(parse_email(bad), Err(InvalidEmail), "{bad:?}");
        }
        let long = format!("{}@velsen.nl", "a".repeat(MAX_EMAIL_CHARS));
        assert_eq!(parse_email(&long), Err(InvalidEmail));
    }
}
