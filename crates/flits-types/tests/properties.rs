//! Property tests: every type accepts exactly the strings its rule describes, and what it accepts
//! survives a serde round trip unchanged.

use flits_types::{AudienceId, ChannelId, Email, OrgId, Password, Slug, SubmissionId};
use proptest::prelude::*;

fn lower_ok(s: &str, min: usize, max: usize, underscore: bool) -> bool {
    (min..=max).contains(&s.len())
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || (underscore && b == b'_')
        })
}

proptest! {
    #[test]
    fn slugs_follow_their_rule(s in "[a-zA-Z0-9_\\-é ]{0,70}") {
        prop_assert_eq!(Slug::parse(&s).is_ok(), lower_ok(&s, 3, 64, false));
    }

    #[test]
    fn lowercase_ids_follow_their_rule(s in "[a-zA-Z0-9_\\-é ]{0,70}") {
        let ok = lower_ok(&s, 1, 64, true);
        prop_assert_eq!(ChannelId::parse(&s).is_ok(), ok);
        prop_assert_eq!(AudienceId::parse(&s).is_ok(), ok);
        prop_assert_eq!(OrgId::parse(&s).is_ok(), ok);
    }

    #[test]
    fn submission_ids_follow_their_rule(s in "[a-zA-Z0-9_\\-é ]{0,70}") {
        let ok = (1..=64).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        prop_assert_eq!(SubmissionId::parse(&s).is_ok(), ok);
    }

    #[test]
    fn accepted_values_round_trip(s in "[a-z0-9][a-z0-9_-]{2,40}") {
        let id = ChannelId::parse(&s).unwrap();
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<ChannelId>(&json).unwrap(), id);
    }

    #[test]
    fn emails_are_stored_trimmed_and_lowercase(local in "[a-zA-Z0-9.]{1,20}", domain in "[a-zA-Z]{1,10}\\.[a-z]{2,3}") {
        let raw = format!(" {local}@{domain} ");
        if let Ok(email) = Email::parse(&raw) {
            prop_assert_eq!(email.as_str(), raw.trim().to_lowercase());
            prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email);
        }
    }

    #[test]
    fn passwords_need_twelve_characters(s in "\\PC{0,30}") {
        if s.chars().count() < 12 {
            prop_assert_eq!(Password::parse(&s).unwrap_err().code(), "password_too_short");
        } else if let Err(e) = Password::parse(&s) {
            // Long enough, so only the estimator can refuse it.
            prop_assert_eq!(e.code(), "password_too_weak");
        }
    }

    #[test]
    fn random_passwords_of_sixteen_letters_and_digits_pass(s in "[a-zA-Z0-9]{16,40}") {
        // About 95 bits: far beyond the estimator's bar, unless it is one letter repeated.
        prop_assume!(s.chars().collect::<std::collections::HashSet<_>>().len() > 8);
        prop_assert!(Password::parse(&s).is_ok(), "{}", s);
    }
}
