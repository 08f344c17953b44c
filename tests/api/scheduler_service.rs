//! The scheduling service (`flits_scheduling::Scheduling`), as the staff API and the CLI call it:
//! success, every kind of spacing conflict with its details and next free slot, overrides in the
//! audit log, bad input.

use flits::schedule_cli::render_scheduled;
use flits_i18n::Locale;
use flits_schedule::{ConflictFacts, QuietPeriod, RuleKind};
use flits_scheduling::text::conflict_text;
use flits_scheduling::{ScheduleCommand, ScheduleFailure, Scheduled};
use flits_staff::scheduling::status;
use flits_survey::PollState;

use crate::on_both_backends;
use crate::scheduler_support::*;

fn command(slug: &str, opens: &str, closes: &str) -> ScheduleCommand {
    ScheduleCommand {
        slug: slug.into(),
        opens_at: at(opens),
        closes_at: at(closes),
        channels: Vec::new(),
        override_reason: None,
        actor: Some("comms@velsen.example".into()),
        scope: flits_schedule::TargetScope::Any,
    }
}

fn conflicts(
    result: Result<Scheduled, ScheduleFailure>,
) -> (
    Vec<flits_schedule::Conflict>,
    Option<chrono::DateTime<chrono::Utc>>,
) {
    match result {
        Err(ScheduleFailure::Conflicts {
            conflicts,
            next_free,
        }) => (conflicts, next_free),
        other => panic!("expected spacing conflicts, got {other:?}"),
    }
}

on_both_backends!(schedules_a_draft_and_reschedules_it, |backend| async move {
    let s = setup(backend).await;
    draft(&s.store, "fietsparkeren", &["velsen"]).await;
    // A poll for a sibling municipality at the same time is no conflict.
    placed(
        &s.store,
        "beverwijk-zelfde-tijd",
        &["beverwijk"],
        PollState::Scheduled,
        at("2031-06-01T09:00:00+02:00"),
        at("2031-06-15T09:00:00+02:00"),
        &[],
    )
    .await;
    let mut cmd = command(
        "fietsparkeren",
        "2031-06-01T09:00:00+02:00",
        "2031-06-15T17:00:00+02:00",
    );
    cmd.channels = flits_scheduling::channel_ids(["mastodon-velsen", "webhook-velsen"]).unwrap();
    let done = schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
    assert!(!done.rescheduled && done.overridden.is_empty());
    assert_eq!(done.audiences, vec!["velsen".to_owned()]);

    let poll = s
        .store
        .poll_by_slug("fietsparkeren")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(poll.state, PollState::Scheduled);
    assert_eq!(poll.opens_at, Some(at("2031-06-01T07:00:00Z")));
    assert_eq!(poll.closes_at, Some(at("2031-06-15T15:00:00Z")));
    assert_eq!(
        s.store.poll_channels(poll.id).await.unwrap(),
        vec!["mastodon-velsen".to_owned(), "webhook-velsen".to_owned()]
    );
    assert_eq!(
        s.store.poll_audiences(poll.id).await.unwrap(),
        vec!["velsen".to_owned()]
    );
    let audit = s.store.audit_entries(10).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "poll.scheduled");
    assert_eq!(audit[0].poll_slug.as_deref(), Some("fietsparkeren"));
    assert_eq!(
        audit[0].actor_email.as_deref(),
        Some("comms@velsen.example")
    );
    assert_eq!(audit[0].details["override"], false);

    // Moving it: its own old slot does not get in the way; channels are replaced.
    let mut cmd = command(
        "fietsparkeren",
        "2031-06-05T09:00:00+02:00",
        "2031-06-19T17:00:00+02:00",
    );
    cmd.channels = flits_scheduling::channel_ids(["mastodon-velsen"]).unwrap();
    let moved = schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
    assert!(moved.rescheduled);
    let poll = s
        .store
        .poll_by_slug("fietsparkeren")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(poll.opens_at, Some(at("2031-06-05T07:00:00Z")));
    assert_eq!(
        s.store.poll_channels(poll.id).await.unwrap(),
        vec!["mastodon-velsen".to_owned()]
    );
    assert_eq!(s.store.audit_entries(10).await.unwrap().len(), 2);
});

on_both_backends!(
    a_poll_too_soon_after_a_regional_one_gets_min_gap_and_next_free,
    |backend| async move {
        let s = setup(backend).await;
        placed(
            &s.store,
            "regio-eerder",
            &["ijmond"],
            PollState::Scheduled,
            at("2031-05-01T09:00:00+02:00"),
            at("2031-05-10T17:00:00+02:00"),
            &[],
        )
        .await;
        draft(&s.store, "beverwijk-later", &["beverwijk"]).await;
        let (found, next_free) = conflicts(
            schedule_poll(
                &s.store,
                &s.settings,
                command(
                    "beverwijk-later",
                    "2031-05-20T09:00:00+02:00",
                    "2031-05-27T09:00:00+02:00",
                ),
            )
            .await,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let c = &found[0];
        assert_eq!(c.rule(), RuleKind::MinGapDays);
        assert_eq!(c.other_poll.as_deref(), Some("regio-eerder"));
        assert_eq!(c.audience, "beverwijk");
        let text = conflict_text(c, Locale::En);
        assert!(text.required.contains("21"), "{text:?}");
        assert!(!text.requested.is_empty() && !text.message.is_empty());
        // 21 Amsterdam calendar days after 10 May: 31 May, 00:00 summer time.
        assert_eq!(next_free, Some(at("2031-05-31T00:00:00+02:00")));
        // Nothing was stored, and the poll is still a draft.
        let poll = s
            .store
            .poll_by_slug("beverwijk-later")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, PollState::Draft);
        assert!(s.store.audit_entries(10).await.unwrap().is_empty());

        // The proposed slot is accepted.
        let free = next_free.unwrap();
        let mut cmd = command(
            "beverwijk-later",
            "2031-05-20T09:00:00+02:00",
            "2031-05-27T09:00:00+02:00",
        );
        cmd.closes_at = free + (cmd.closes_at - cmd.opens_at);
        cmd.opens_at = free;
        schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
    }
);

on_both_backends!(
    overlapping_open_periods_with_a_target_group_conflict,
    |backend| async move {
        let s = setup(backend).await;
        placed(
            &s.store,
            "jongeren-enquete",
            &["jongeren-velsen"],
            PollState::Open,
            at("2031-06-01T09:00:00+02:00"),
            at("2031-06-15T09:00:00+02:00"),
            &[],
        )
        .await;
        draft(&s.store, "velsen-breed", &["velsen"]).await;
        let (found, next_free) = conflicts(
            schedule_poll(
                &s.store,
                &s.settings,
                command(
                    "velsen-breed",
                    "2031-06-10T09:00:00+02:00",
                    "2031-06-20T09:00:00+02:00",
                ),
            )
            .await,
        );
        let overlap = found
            .iter()
            .find(|c| c.rule() == RuleKind::OverlappingOpenPeriod)
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(overlap.other_poll.as_deref(), Some("jongeren-enquete"));
        assert_eq!(overlap.audience, "jongeren-velsen");
        assert_eq!(next_free, Some(at("2031-07-06T00:00:00+02:00")));
    }
);

on_both_backends!(
    too_many_polls_in_the_window_conflict,
    |backend| async move {
        let mut s = setup(backend).await;
        s.settings.spacing.min_gap_days = 0;
        s.settings.spacing.max_polls = 2;
        s.settings.spacing.window_days = 365;
        for (slug, opens, closes) in [
            (
                "velsen-feb",
                "2031-02-01T09:00:00+01:00",
                "2031-02-03T09:00:00+01:00",
            ),
            (
                "velsen-mrt",
                "2031-03-01T09:00:00+01:00",
                "2031-03-03T09:00:00+01:00",
            ),
        ] {
            placed(
                &s.store,
                slug,
                &["velsen"],
                PollState::Scheduled,
                at(opens),
                at(closes),
                &[],
            )
            .await;
        }
        draft(&s.store, "velsen-apr", &["velsen"]).await;
        let (found, next_free) = conflicts(
            schedule_poll(
                &s.store,
                &s.settings,
                command(
                    "velsen-apr",
                    "2031-04-01T09:00:00+02:00",
                    "2031-04-03T09:00:00+02:00",
                ),
            )
            .await,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].audience, "velsen");
        assert!(
            matches!(&found[0].facts, ConflictFacts::MaxPolls { polls, .. } if polls.contains(&"velsen-feb".to_owned())),
            "{:?}",
            found[0]
        );
        let free = next_free.unwrap();
        assert!(free > at("2032-01-01T00:00:00Z"), "{free}");
        let mut cmd = command(
            "velsen-apr",
            "2031-04-01T09:00:00+02:00",
            "2031-04-03T09:00:00+02:00",
        );
        cmd.opens_at = free;
        cmd.closes_at = free + chrono::TimeDelta::days(2);
        schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
    }
);

on_both_backends!(
    a_quiet_period_conflicts_with_its_reason,
    |backend| async move {
        let mut s = setup(backend).await;
        s.settings.quiet_periods.push(QuietPeriod {
            from: "2031-03-01".parse().unwrap(),
            to: "2031-03-18".parse().unwrap(),
            reason: "Verkiezingen".into(),
            audiences: vec!["ijmond".into()],
        });
        draft(&s.store, "velsen-maart", &["velsen"]).await;
        let (found, next_free) = conflicts(
            schedule_poll(
                &s.store,
                &s.settings,
                command(
                    "velsen-maart",
                    "2031-03-10T09:00:00+01:00",
                    "2031-03-12T09:00:00+01:00",
                ),
            )
            .await,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule(), RuleKind::QuietPeriod);
        assert_eq!(found[0].reason.as_deref(), Some("Verkiezingen"));
        assert_eq!(found[0].other_poll, None);
        // The day after the period, at midnight Amsterdam time.
        assert_eq!(next_free, Some(at("2031-03-19T00:00:00+01:00")));
    }
);

on_both_backends!(
    a_channel_gets_at_most_its_posts_per_week,
    |backend| async move {
        let mut s = setup(backend).await;
        s.settings.spacing.channel_posts_per_week = 1;
        // Heemskerk and Beverwijk do not overlap, but they share a social-media account.
        placed(
            &s.store,
            "heemskerk-sept",
            &["heemskerk"],
            PollState::Scheduled,
            at("2031-09-01T09:00:00+02:00"),
            at("2031-09-05T09:00:00+02:00"),
            &["mastodon-ijmond"],
        )
        .await;
        draft(&s.store, "beverwijk-sept", &["beverwijk"]).await;
        let mut cmd = command(
            "beverwijk-sept",
            "2031-09-03T09:00:00+02:00",
            "2031-09-05T09:00:00+02:00",
        );
        cmd.channels = flits_scheduling::channel_ids(["mastodon-ijmond"]).unwrap();
        let (found, next_free) = conflicts(schedule_poll(&s.store, &s.settings, cmd.clone()).await);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule(), RuleKind::ChannelPostsPerWeek);
        assert_eq!(found[0].channel.as_deref(), Some("mastodon-ijmond"));
        assert_eq!(next_free, Some(at("2031-09-08T09:00:00+02:00")));
        // Without that channel the same slot is fine.
        cmd.channels = flits_scheduling::channel_ids(["mastodon-beverwijk"]).unwrap();
        schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
    }
);

on_both_backends!(
    an_override_schedules_anyway_and_is_audit_logged,
    |backend| async move {
        let s = setup(backend).await;
        placed(
            &s.store,
            "regio-eerder",
            &["ijmond"],
            PollState::Scheduled,
            at("2031-05-01T09:00:00+02:00"),
            at("2031-05-10T17:00:00+02:00"),
            &[],
        )
        .await;
        draft(&s.store, "spoed", &["velsen"]).await;
        let mut cmd = command(
            "spoed",
            "2031-05-12T09:00:00+02:00",
            "2031-05-14T09:00:00+02:00",
        );
        cmd.override_reason = Some("   ".into());
        assert!(matches!(
            schedule_poll(&s.store, &s.settings, cmd.clone()).await,
            Err(ScheduleFailure::EmptyOverrideReason)
        ));
        cmd.override_reason = Some("Wateroverlast: bewoners nu horen".into());
        cmd.actor = Some("admin@velsen.example".into());
        let done = schedule_poll(&s.store, &s.settings, cmd).await.unwrap();
        assert_eq!(done.overridden.len(), 1);
        assert_eq!(done.overridden[0].rule(), RuleKind::MinGapDays);
        assert_eq!(
            s.store.poll_by_slug("spoed").await.unwrap().unwrap().state,
            PollState::Scheduled
        );
        let audit = s.store.audit_entries(10).await.unwrap();
        let over = audit
            .iter()
            .find(|e| e.action == "poll.schedule_override")
            .unwrap_or_else(|| panic!("{audit:?}"));
        assert_eq!(over.actor_email.as_deref(), Some("admin@velsen.example"));
        assert_eq!(over.poll_slug.as_deref(), Some("spoed"));
        assert_eq!(over.details["reason"], "Wateroverlast: bewoners nu horen");
        assert_eq!(over.details["conflicts"][0]["rule"], "min_gap_days");
        assert_eq!(over.details["conflicts"][0]["other_poll"], "regio-eerder");
        let scheduled = audit.iter().find(|e| e.action == "poll.scheduled").unwrap();
        assert_eq!(scheduled.details["override"], true);
    }
);

on_both_backends!(
    bad_requests_are_refused_with_their_own_codes,
    |backend| async move {
        let s = setup(backend).await;
        draft(&s.store, "klaar", &["velsen"]).await;
        let no_brief = flits_survey::PollDefinition::from_yaml_str(
        r#"
slug: zonder-brief
title: {nl: "Fietsparkeren", en: "Bike parking"}
questions:
  - {id: q1, kind: single_choice, text: {nl: "Hoe komt u?", en: "How?"}, options: [{id: a, text: {nl: "Fiets", en: "Bike"}}, {id: b, text: {nl: "Bus", en: "Bus"}}]}
"#,
    )
    .unwrap();
        s.store
            .insert_poll(flits_store::NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Draft,
                definition: no_brief,
                opens_at: None,
                closes_at: None,
                channels: Vec::new(),
            })
            .await
            .unwrap();
        placed(
            &s.store,
            "al-open",
            &["beverwijk"],
            PollState::Open,
            at("2020-01-01T09:00:00+01:00"),
            at("2040-01-01T09:00:00+01:00"),
            &[],
        )
        .await;
        let ok = ("2031-06-01T09:00:00+02:00", "2031-06-15T09:00:00+02:00");
        let run = |cmd: ScheduleCommand| {
            let store = s.store.clone();
            let settings = s.settings.clone();
            async move { schedule_poll(&store, &settings, cmd).await.unwrap_err() }
        };
        let e = run(command("bestaat-niet", ok.0, ok.1)).await;
        assert_eq!((e.code(), status(&e).as_u16()), ("not_found", 404));
        let e = run(command(
            "klaar",
            "2020-06-01T09:00:00+02:00",
            "2020-06-15T09:00:00+02:00",
        ))
        .await;
        assert_eq!((e.code(), status(&e).as_u16()), ("opens_in_past", 422));
        let e = run(command("klaar", ok.1, ok.0)).await;
        assert_eq!(e.code(), "closes_before_opens");
        let e = run(command("klaar", ok.0, ok.0)).await;
        assert_eq!(e.code(), "closes_before_opens");
        // A channel that is not a channel id never reaches the service: the callers parse it.
        let bad_channel = flits_scheduling::channel_ids(["Mastodon Velsen"]).unwrap_err();
        assert_eq!(
            (bad_channel.code(), status(&bad_channel).as_u16()),
            ("invalid_channel", 422)
        );
        let e = run(command("zonder-brief", ok.0, ok.1)).await;
        assert_eq!((e.code(), status(&e).as_u16()), ("invalid_poll", 422));
        match e {
            ScheduleFailure::InvalidDefinition { report, .. } => {
                assert!(
                    report.error_codes().contains(&"brief_missing"),
                    "{:?}",
                    report.errors
                )
            }
            other => panic!("{other:?}"),
        }
        let e = run(command("al-open", ok.0, ok.1)).await;
        assert_eq!((e.code(), status(&e).as_u16()), ("not_schedulable", 409));
        assert!(s.store.audit_entries(10).await.unwrap().is_empty());
    }
);

on_both_backends!(
    spacing_counts_amsterdam_days_across_summer_time,
    |backend| async move {
        let s = setup(backend).await;
        // Closes on the Saturday night before summer time starts (30 March 2031, 02:00 → 03:00).
        placed(
            &s.store,
            "voor-zomertijd",
            &["velsen"],
            PollState::Scheduled,
            at("2031-03-20T09:00:00+01:00"),
            at("2031-03-29T23:30:00+01:00"),
            &[],
        )
        .await;
        draft(&s.store, "na-zomertijd", &["velsen"]).await;
        let (_, next_free) = conflicts(
            schedule_poll(
                &s.store,
                &s.settings,
                command(
                    "na-zomertijd",
                    "2031-04-01T09:00:00+02:00",
                    "2031-04-08T09:00:00+02:00",
                ),
            )
            .await,
        );
        // 29 March + 21 days = 19 April, at midnight summer time (22:00 UTC the day before).
        assert_eq!(next_free, Some(at("2031-04-18T22:00:00Z")));

        // A poll that runs across the end of summer time (26 October 2031) shows both offsets.
        let done = schedule_poll(
            &s.store,
            &s.settings,
            command(
                "na-zomertijd",
                "2031-10-20T09:00:00+02:00",
                "2031-10-27T09:00:00+01:00",
            ),
        )
        .await
        .unwrap();
        assert_eq!(
            done.closes_at - done.opens_at,
            chrono::TimeDelta::hours(7 * 24 + 1)
        );
        let text = render_scheduled(&done, Locale::En);
        assert!(text.contains("2031-10-20 09:00 CEST (+02:00)"), "{text}");
        assert!(text.contains("2031-10-27 09:00 CET (+01:00)"), "{text}");
        assert!(text.contains("2031-10-27T09:00:00+01:00"), "{text}");
    }
);
