//! `flits poll schedule`, as staff run it: exit 0 with Amsterdam times, exit 1 with every conflict
//! and the next free slot, exit 2 for bad input; in Dutch, or in English with `--lang en`.

use std::process::Output;

use flits_survey::PollState;

use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::*;

fn schedule(db: &TestDb, args: &[&str]) -> Output {
    flits_command()
        .env("FLITS_DATABASE_URL", &db.url)
        .env(
            "FLITS_SPACING__MAX_MONTHS_AHEAD",
            FAR_AHEAD_MONTHS.to_string(),
        )
        .args(["poll", "schedule"])
        .args(args)
        .output()
        .unwrap()
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

on_both_backends!(
    cli_schedules_and_shows_amsterdam_time,
    |backend| async move {
        let s = setup(backend).await;
        draft(&s.store, "fietsparkeren", &["velsen"]).await;
        // Opens just after summer time starts (30 March 2031, 02:00 → 03:00), given in UTC.
        let out = schedule(
            &s.db,
            &[
                "fietsparkeren",
                "--opens",
                "2031-03-30T01:30:00Z",
                "--closes",
                "2031-04-06T09:00:00+02:00",
                "--channel",
                "mastodon-velsen",
                "--channel",
                "webhook-velsen",
            ],
        );
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        assert!(stdout.contains("Ingepland: fietsparkeren"), "{stdout}");
        assert!(stdout.contains("kanalen:"), "Dutch by default: {stdout}");
        assert!(
            stdout.contains("2031-03-30 03:30 CEST (+02:00)"),
            "{stdout}"
        );
        assert!(stdout.contains("2031-03-30T03:30:00+02:00"), "{stdout}");
        assert!(stdout.contains("2031-04-06 09:00 CEST"), "{stdout}");
        assert!(
            stdout.contains("mastodon-velsen, webhook-velsen"),
            "{stdout}"
        );
        let poll = s
            .store
            .poll_by_slug("fietsparkeren")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, PollState::Scheduled);
        assert_eq!(poll.opens_at, Some(at("2031-03-30T01:30:00Z")));
        assert_eq!(s.store.poll_channels(poll.id).await.unwrap().len(), 2);
        let audit = s.store.audit_entries(5).await.unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].action, "poll.scheduled");
        // The operator who ran the command, by their login on the machine.
        assert_eq!(
            audit[0].actor_email,
            Some(flits::operator::cli_actor()),
            "the CLI names its operator"
        );
        assert!(audit[0].actor_email.as_deref().unwrap().starts_with("cli:"));
    }
);

on_both_backends!(
    cli_prints_each_conflict_and_the_next_free_slot,
    |backend| async move {
        let s = setup(backend).await;
        placed(
            &s.store,
            "regio-oktober",
            &["ijmond"],
            PollState::Scheduled,
            at("2031-10-13T09:00:00+02:00"),
            at("2031-10-20T09:00:00+02:00"),
            &[],
        )
        .await;
        draft(&s.store, "velsen-november", &["velsen"]).await;
        let out = schedule(
            &s.db,
            &[
                "velsen-november",
                "--opens",
                "2031-10-25T09:00:00+02:00",
                "--closes",
                "2031-11-01T09:00:00+01:00",
                "--lang",
                "en",
            ],
        );
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
        for part in [
            "Cannot schedule velsen-november: 1 spacing conflict.",
            "1. For velsen, at least 21 days must pass between the close of 'regio-oktober'",
            "   rule:       min_gap_days",
            "   other poll: regio-oktober",
            "   audience:   velsen",
            "   required:   21 days between polls",
            "   requested:  opens 5 days after 'regio-oktober' closes",
            // 20 October + 21 days = 10 November, midnight winter time (after 26 October).
            "Next free slot: 2031-11-10 00:00 CET (+01:00)  = 2031-11-10T00:00:00+01:00",
        ] {
            assert!(stdout.contains(part), "missing {part:?} in\n{stdout}");
        }
        assert!(stderr.contains("breaks a spacing rule"), "{stderr}");
        // The same refusal in Dutch, the default.
        let out = schedule(
            &s.db,
            &[
                "velsen-november",
                "--opens",
                "2031-10-25T09:00:00+02:00",
                "--closes",
                "2031-11-01T09:00:00+01:00",
            ],
        );
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
        for part in [
            "velsen-november kan niet worden ingepland: 1 botsing met de afspraken over tussenruimte.",
            "1. Voor velsen moet er minstens 21 dagen zitten tussen het sluiten van 'regio-oktober'",
            "regel:",
            "andere peiling: regio-oktober",
            "vereist:        21 dagen tussen peilingen",
            "gevraagd:       opent 5 dagen nadat 'regio-oktober' sluit",
            "Eerste vrije moment: 2031-11-10 00:00 CET (+01:00)",
        ] {
            assert!(stdout.contains(part), "missing {part:?} in\n{stdout}");
        }
        assert_eq!(
            s.store
                .poll_by_slug("velsen-november")
                .await
                .unwrap()
                .unwrap()
                .state,
            PollState::Draft
        );

        // With an override (the operator acts as admin) it is scheduled and audit-logged.
        let out = schedule(
            &s.db,
            &[
                "velsen-november",
                "--opens",
                "2031-10-25T09:00:00+02:00",
                "--closes",
                "2031-11-01T09:00:00+01:00",
                "--override-reason",
                "Raadsbesluit in november",
            ],
        );
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("1 botsing met de afspraken over tussenruimte genegeerd"),
            "{stdout}"
        );
        let audit = s.store.audit_entries(5).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "poll.schedule_override"
            && e.details["reason"] == "Raadsbesluit in november"));
    }
);

on_both_backends!(cli_bad_input_exits_2, |backend| async move {
    let s = setup(backend).await;
    draft(&s.store, "fietsparkeren", &["velsen"]).await;
    for args in [
        // No offset: Amsterdam local time must say +01:00 or +02:00.
        [
            "fietsparkeren",
            "--opens",
            "2031-06-01T09:00:00",
            "--closes",
            "2031-06-08T09:00:00+02:00",
        ],
        [
            "fietsparkeren",
            "--opens",
            "morgen",
            "--closes",
            "2031-06-08T09:00:00+02:00",
        ],
        [
            "bestaat-niet",
            "--opens",
            "2031-06-01T09:00:00+02:00",
            "--closes",
            "2031-06-08T09:00:00+02:00",
        ],
        [
            "fietsparkeren",
            "--opens",
            "2031-06-08T09:00:00+02:00",
            "--closes",
            "2031-06-01T09:00:00+02:00",
        ],
        [
            "fietsparkeren",
            "--opens",
            "2021-06-01T09:00:00+02:00",
            "--closes",
            "2021-06-08T09:00:00+02:00",
        ],
    ] {
        let out = schedule(&s.db, &args);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}\n{stdout}\n{stderr}");
        assert!(!stderr.is_empty());
    }
    let out = schedule(
        &s.db,
        &[
            "fietsparkeren",
            "--opens",
            "2031-06-01T09:00:00",
            "--closes",
            "2031-06-08T09:00:00+02:00",
        ],
    );
    assert!(
        text(&out).1.contains("+02:00") && text(&out).1.contains("zomertijd"),
        "the message shows how to write the offset, in Dutch"
    );
    assert_eq!(
        s.store
            .poll_by_slug("fietsparkeren")
            .await
            .unwrap()
            .unwrap()
            .state,
        PollState::Draft
    );
});
