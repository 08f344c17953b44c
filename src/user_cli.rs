//! `flits user disable|enable|delete|passwd EMAIL`: switching a staff account off and on,
//! deleting it, and setting its password, from the command line (README.md, "Staff accounts").
//!
//! Every change is written to the audit log with the operator as its actor
//! ([`crate::operator::cli_actor`]). Exit codes as elsewhere: 0 done (also when the account
//! already was as asked), 2 an unknown account or a refused password, 3 a failure at run time.

use std::io::Read;

use anyhow::anyhow;
use chrono::Utc;
use flits_i18n::{Locale, t};
use flits_staff::credentials;
use flits_store::{NewAudit, StaffUser, Store};
use flits_types::{Email, Password};
use serde_json::json;

use crate::operator::cli_actor;

/// What to do with the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAction {
    Disable,
    Enable,
    Delete,
}

/// A failure with its exit code.
pub type Refusal = (u8, anyhow::Error);

fn internal(e: impl Into<anyhow::Error>) -> Refusal {
    (3, e.into())
}

/// The account at `email`, or exit 2 with a message.
async fn account(store: &Store, email: &str, locale: Locale) -> Result<StaffUser, Refusal> {
    store
        .staff_user_by_email(email)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            (
                2,
                anyhow!(t!(locale, "accounts-cli-unknown", email = email)),
            )
        })
}

async fn audit(store: &Store, action: &str, details: serde_json::Value) -> Result<(), Refusal> {
    store
        .insert_audit(NewAudit {
            actor_email: Some(cli_actor()),
            action: action.to_owned(),
            poll_slug: None,
            details,
        })
        .await
        .map_err(internal)?;
    Ok(())
}

/// Switches the account off or on, or deletes it, and prints what happened.
pub async fn change(
    store: &Store,
    email: &str,
    action: AccountAction,
    locale: Locale,
) -> Result<(), Refusal> {
    let user = account(store, email, locale).await?;
    let email = user.email.as_str();
    let details = json!({"user_id": user.id, "email": email, "via": "cli"});
    let message = match action {
        AccountAction::Disable => {
            if store
                .disable_staff_user(user.id, Utc::now())
                .await
                .map_err(internal)?
            {
                audit(store, "user.disabled", details).await?;
                t!(locale, "accounts-cli-disabled", email = email)
            } else {
                t!(locale, "accounts-cli-already-disabled", email = email)
            }
        }
        AccountAction::Enable => {
            if store.enable_staff_user(user.id).await.map_err(internal)? {
                audit(store, "user.enabled", details).await?;
                t!(locale, "accounts-cli-enabled", email = email)
            } else {
                t!(locale, "accounts-cli-already-enabled", email = email)
            }
        }
        AccountAction::Delete => {
            store.delete_staff_user(user.id).await.map_err(internal)?;
            let details = json!({
                "user_id": user.id,
                "email": email,
                "role": user.role,
                "organisation": user.organisation_id,
                "via": "cli",
            });
            audit(store, "user.deleted", details).await?;
            t!(locale, "accounts-cli-deleted", email = email)
        }
    };
    println!("{message}");
    Ok(())
}

/// Reads a new password for `email` from standard input (one line; the line break is not part
/// of it) and parses it by the rules of [`Password::parse_for`], before any database is touched.
pub fn read_password(email: &Email, locale: Locale) -> Result<Password, Refusal> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .map_err(|e| (2, anyhow::Error::new(e).context("cannot read the password")))?;
    Password::parse_for(password.trim_end_matches(['\r', '\n']), email)
        .map_err(|e| (2, anyhow!(credentials::password_message(&e, locale))))
}

/// `flits user passwd EMAIL`: a new password (from standard input) for an existing account. Its
/// sessions and calendar feed end (the store does that with the new password).
pub async fn set_password(
    store: &Store,
    email: &Email,
    password: &Password,
    locale: Locale,
) -> Result<(), Refusal> {
    let user = account(store, email.as_str(), locale).await?;
    let hash = crate::accounts::hash_password(password).map_err(internal)?;
    let saved = store
        .save_staff_user(&user.email, &user.organisation_id, &user.role, Some(&hash))
        .await
        .map_err(internal)?;
    let details = json!({
        "email": saved.user.email,
        "role": saved.user.role,
        "organisation": saved.user.organisation_id,
        "password_changed": true,
        "sessions_and_feed_ended": saved.credentials_revoked(),
        "via": "cli",
    });
    audit(store, "user.password_set", details).await?;
    println!(
        "{}",
        t!(
            locale,
            "accounts-cli-password-set",
            email = saved.user.email.as_str()
        )
    );
    Ok(())
}
