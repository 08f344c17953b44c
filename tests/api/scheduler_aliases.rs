//! The names in README.md ("Commands", "Configuration") from before scheduling (spacing polls) and the job runner were
//! told apart keep working: `--only admin` and `--only scheduler`, the `[scheduler]` settings and
//! their `FLITS_SCHEDULER__*` variables.

use clap::Parser;
use flits::cli::{Cli, Command};
use flits::startup::Service;

use crate::helpers::flits_command;

fn effective(cmd: &mut std::process::Command) -> serde_json::Value {
    let out = cmd.arg("config").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn only(args: &[&str]) -> Vec<Service> {
    let mut argv = vec!["flits", "serve"];
    for a in args {
        argv.extend(["--only", a]);
    }
    match Cli::try_parse_from(argv).unwrap().command {
        Command::Serve(serve) => serve.only,
        other => panic!("{other:?}"),
    }
}

#[test]
fn only_admin_and_only_scheduler_mean_staff_and_runner() {
    assert_eq!(only(&["staff"]), [Service::Staff]);
    assert_eq!(only(&["admin"]), [Service::Staff]);
    assert_eq!(only(&["runner"]), [Service::Runner]);
    assert_eq!(only(&["scheduler"]), [Service::Runner]);
    assert_eq!(
        only(&["collector", "admin", "scheduler"]),
        [Service::Collector, Service::Staff, Service::Runner]
    );
    assert!(Cli::try_parse_from(["flits", "serve", "--only", "bridge"]).is_err());
    let help = flits_command().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("staff") && help.contains("runner") && help.contains("admin"),
        "{help}"
    );
}

#[test]
fn defaults_live_under_the_new_names() {
    let defaults = effective(&mut flits_command());
    assert_eq!(defaults["runner"]["tick_seconds"], 15);
    assert_eq!(defaults["spacing"]["channel_posts_per_week"], 2);
    assert!(defaults.get("scheduler").is_none(), "{defaults}");
}

#[test]
fn scheduler_variables_are_read_as_their_new_names() {
    let from_env = effective(
        flits_command()
            .env("FLITS_SCHEDULER__TICK_SECONDS", "3")
            .env("FLITS_SCHEDULER__CHANNEL_POSTS_PER_WEEK", "4"),
    );
    assert_eq!(from_env["runner"]["tick_seconds"], 3);
    assert_eq!(from_env["spacing"]["channel_posts_per_week"], 4);
    // Both names in the environment: the new one wins.
    let both = effective(
        flits_command()
            .env("FLITS_SCHEDULER__TICK_SECONDS", "3")
            .env("FLITS_RUNNER__TICK_SECONDS", "5"),
    );
    assert_eq!(both["runner"]["tick_seconds"], 5);
}

#[test]
fn a_scheduler_section_in_a_file_is_read_as_its_new_places() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    std::fs::write(
        &old,
        "[scheduler]\ntick_seconds = 7\nchannel_posts_per_week = 1\n",
    )
    .unwrap();
    let from_file = effective(flits_command().arg("--config").arg(&old));
    assert_eq!(from_file["runner"]["tick_seconds"], 7);
    assert_eq!(from_file["spacing"]["channel_posts_per_week"], 1);
    assert_eq!(
        from_file["spacing"]["min_gap_days"], 21,
        "the rest of [spacing] keeps its default"
    );
    // The environment beats the file whichever name either uses.
    let env_wins = effective(
        flits_command()
            .arg("--config")
            .arg(&old)
            .env("FLITS_RUNNER__TICK_SECONDS", "9")
            .env("FLITS_SCHEDULER__CHANNEL_POSTS_PER_WEEK", "3"),
    );
    assert_eq!(env_wins["runner"]["tick_seconds"], 9);
    assert_eq!(env_wins["spacing"]["channel_posts_per_week"], 3);
    // In one file with both names, the new one wins.
    let both = dir.path().join("both.toml");
    std::fs::write(
        &both,
        "[scheduler]\ntick_seconds = 7\n[runner]\ntick_seconds = 8\n",
    )
    .unwrap();
    assert_eq!(
        effective(flits_command().arg("--config").arg(&both))["runner"]["tick_seconds"],
        8
    );
}

#[test]
fn mistakes_under_the_old_names_are_reported_under_the_names_used() {
    let out = flits_command()
        .env("FLITS_SCHEDULER__TICK_SECONDS", "soon")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("FLITS_SCHEDULER__TICK_SECONDS"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.toml");
    std::fs::write(&typo, "[scheduler]\ntick_secs = 7\n").unwrap();
    let out = flits_command()
        .arg("--config")
        .arg(&typo)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("scheduler"), "{err}");
}
