//! Each spacing rule on its own, the stricter-of rule, the regional poll counting for each
//! municipality, rescheduling, errors, and the next free slot, on the IJmond region.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::*;
use flits_schedule::{Calendar, ConflictFacts, GapSide, RuleKind, ScheduleError, SpacingPolicy};

// ---------------------------------------------------------------- overlapping open periods

#[test]
fn overlapping_open_periods_always_conflict_even_without_a_gap_rule() {
    let cal = calendar(
        policy(rule(0, 10, 30)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        )],
    );
    let r = request(
        "new",
        &["ijmond"],
        "2027-05-16T08:00:00Z",
        "2027-05-20T08:00:00Z",
    );
    let conflicts = cal.check(&r).unwrap();
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.rule(), RuleKind::OverlappingOpenPeriod);
    assert_eq!(c.other_poll.as_deref(), Some("a"));
    assert_eq!(
        c.audience, "velsen",
        "the audience inside the other, whose residents get both"
    );
    assert_eq!(
        c.facts,
        ConflictFacts::OverlappingOpenPeriod {
            opens_at: utc("2027-05-16T08:00:00Z"),
            closes_at: utc("2027-05-20T08:00:00Z"),
            other_opens_at: utc("2027-05-10T08:00:00Z"),
            other_closes_at: utc("2027-05-17T08:00:00Z"),
        }
    );
}

#[test]
fn open_periods_that_only_touch_do_not_overlap() {
    let cal = calendar(
        policy(rule(0, 10, 30)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        )],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-05-17T08:00:00Z",
        "2027-05-20T08:00:00Z",
    );
    assert!(cal.check(&r).unwrap().is_empty());
    let r = request(
        "new",
        &["velsen"],
        "2027-05-03T08:00:00Z",
        "2027-05-10T08:00:00Z",
    );
    assert!(cal.check(&r).unwrap().is_empty());
}

#[test]
fn polls_for_audiences_that_do_not_overlap_may_run_at_the_same_time() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        )],
    );
    for other in ["beverwijk", "heemskerk", "haarlem", "kennemerland"] {
        let r = request(
            "new",
            &[other],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        );
        assert!(cal.check(&r).unwrap().is_empty(), "{other}");
    }
}

// ---------------------------------------------------------------- min_gap_days

#[test]
fn min_gap_counts_calendar_days_in_amsterdam() {
    // Closes on 10 May at 23:30 Amsterdam time; 21 days later is 31 May, at any time of day.
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-01T08:00:00Z",
            "2027-05-10T21:30:00Z",
        )],
    );
    let ok = request(
        "new",
        &["velsen"],
        "2027-05-30T22:00:00Z",
        "2027-06-05T08:00:00Z",
    );
    assert!(cal.check(&ok).unwrap().is_empty(), "31 May 00:00 Amsterdam");
    let early = request(
        "new",
        &["velsen"],
        "2027-05-30T21:59:00Z",
        "2027-06-05T08:00:00Z",
    );
    let conflicts = cal.check(&early).unwrap();
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.other_poll.as_deref(), Some("a"));
    assert_eq!(c.audience, "velsen");
    assert_eq!(
        c.facts,
        ConflictFacts::MinGapDays {
            min_gap_days: 21,
            days: 20,
            side: GapSide::AfterOther,
            other_at: utc("2027-05-10T21:30:00Z"),
            at: utc("2027-05-30T21:59:00Z"),
        }
    );
    assert_eq!(c.reason, None);
}

#[test]
fn min_gap_applies_in_either_order() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-01T08:00:00Z",
            "2027-05-10T08:00:00Z",
        )],
    );
    let before = request(
        "new",
        &["jongeren-velsen"],
        "2027-04-01T08:00:00Z",
        "2027-04-15T08:00:00Z",
    );
    let conflicts = cal.check(&before).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].facts,
        ConflictFacts::MinGapDays {
            min_gap_days: 21,
            days: 16,
            side: GapSide::BeforeOther,
            other_at: utc("2027-05-01T08:00:00Z"),
            at: utc("2027-04-15T08:00:00Z"),
        }
    );
    assert_eq!(conflicts[0].audience, "jongeren-velsen");
    let fine = request(
        "new",
        &["jongeren-velsen"],
        "2027-04-01T08:00:00Z",
        "2027-04-10T08:00:00Z",
    );
    assert!(cal.check(&fine).unwrap().is_empty());
}

// ---------------------------------------------------------------- max_polls per window_days

#[test]
fn max_polls_in_a_rolling_window() {
    let cal = calendar(
        policy(rule(0, 2, 30)),
        vec![],
        vec![
            poll(
                "a",
                &["velsen"],
                "2027-05-01T08:00:00Z",
                "2027-05-02T08:00:00Z",
            ),
            poll(
                "b",
                &["velsen"],
                "2027-05-20T08:00:00Z",
                "2027-05-21T08:00:00Z",
            ),
        ],
    );
    let third = request(
        "new",
        &["velsen"],
        "2027-05-25T08:00:00Z",
        "2027-05-26T08:00:00Z",
    );
    let conflicts = cal.check(&third).unwrap();
    assert_eq!(conflicts.len(), 1);
    let c = &conflicts[0];
    assert_eq!(c.audience, "velsen");
    assert_eq!(c.other_poll, None);
    assert_eq!(
        c.facts,
        ConflictFacts::MaxPolls {
            max_polls: 2,
            window_days: 30,
            window_from: NaiveDate::from_ymd_opt(2027, 5, 1).unwrap(),
            polls: vec!["a".into(), "b".into()],
        }
    );

    // The window rolls: from 31 May (Amsterdam) the poll of 1 May no longer counts.
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-05-30T22:00:00Z",
            "2027-05-31T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-05-30T21:59:00Z",
                "2027-05-31T08:00:00Z"
            )
        ),
        ["max_polls"]
    );
    // And backwards: 22 April, 1 May and 20 May fall within 30 days; 20 April does not.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-04-22T08:00:00Z",
                "2027-04-23T08:00:00Z"
            )
        ),
        ["max_polls"]
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-04-20T08:00:00Z",
            "2027-04-21T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
}

#[test]
fn a_window_too_full_for_a_region_is_reported_once_not_for_everything_inside_it() {
    let cal = calendar(
        policy(rule(0, 1, 365)),
        vec![],
        vec![poll(
            "i",
            &["ijmond"],
            "2027-01-10T08:00:00Z",
            "2027-01-12T08:00:00Z",
        )],
    );
    let conflicts = cal
        .check(&request(
            "new",
            &["ijmond"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].audience, "ijmond");
    let conflicts = cal
        .check(&request(
            "new",
            &["velsen"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].audience, "velsen");
}

// ---------------------------------------------------------------- the stricter-of rule

#[test]
fn between_overlapping_audiences_the_stricter_gap_applies() {
    let mut p = policy(rule(21, 6, 365));
    p.rules.push(audience_rule("velsen", Some(28), None, None));
    let cal = calendar(
        p,
        vec![],
        vec![
            poll(
                "v",
                &["velsen"],
                "2027-05-01T08:00:00Z",
                "2027-05-10T10:00:00Z",
            ),
            poll(
                "b",
                &["beverwijk"],
                "2027-05-01T08:00:00Z",
                "2027-05-10T10:00:00Z",
            ),
        ],
    );
    // 22 days after both closed: enough for Beverwijk (21), not for Velsen (28).
    let conflicts = cal
        .check(&request(
            "new",
            &["ijmond"],
            "2027-06-01T10:00:00Z",
            "2027-06-05T10:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].other_poll.as_deref(), Some("v"));
    assert!(matches!(
        conflicts[0].facts,
        ConflictFacts::MinGapDays {
            min_gap_days: 28,
            ..
        }
    ));
    // A later Velsen-only rule does not reach Beverwijk.
    assert!(
        cal.check(&request(
            "new",
            &["beverwijk"],
            "2027-06-01T10:00:00Z",
            "2027-06-05T10:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    // A target group inside Velsen gets Velsen's stricter gap against Velsen's poll.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["jongeren-velsen"],
                "2027-06-01T10:00:00Z",
                "2027-06-05T10:00:00Z"
            )
        ),
        ["min_gap_days"]
    );
}

#[test]
fn between_overlapping_audiences_the_stricter_maximum_applies_both_ways() {
    // Young people in Velsen were promised at most one poll a year.
    let mut p = policy(rule(21, 6, 365));
    p.rules
        .push(audience_rule("jongeren-velsen", None, Some(1), None));
    let velsen_first = calendar(
        p.clone(),
        vec![],
        vec![poll(
            "v",
            &["velsen"],
            "2027-01-10T08:00:00Z",
            "2027-01-12T08:00:00Z",
        )],
    );
    let conflicts = velsen_first
        .check(&request(
            "new",
            &["jongeren-velsen"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].audience, "jongeren-velsen");
    assert!(
        matches!(
            conflicts[0].facts,
            ConflictFacts::MaxPolls {
                max_polls: 1,
                window_days: 365,
                ..
            }
        ),
        "{:?}",
        conflicts[0]
    );

    // A poll for all of Velsen reaches them too.
    let young_first = calendar(
        p.clone(),
        vec![],
        vec![poll(
            "j",
            &["jongeren-velsen"],
            "2027-01-10T08:00:00Z",
            "2027-01-12T08:00:00Z",
        )],
    );
    let conflicts = young_first
        .check(&request(
            "new",
            &["velsen"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].audience, "jongeren-velsen");
    // But not the older residents of Velsen, nor Beverwijk.
    assert!(
        young_first
            .check(&request(
                "new",
                &["ouderen-velsen"],
                "2027-06-01T08:00:00Z",
                "2027-06-02T08:00:00Z"
            ))
            .unwrap()
            .is_empty()
    );
    assert!(
        young_first
            .check(&request(
                "new",
                &["beverwijk"],
                "2027-06-01T08:00:00Z",
                "2027-06-02T08:00:00Z"
            ))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_stricter_maximum_only_counts_in_windows_holding_a_poll_it_applies_to() {
    // Young people in Velsen: at most 2 polls in 24 days; everyone else 3.
    let mut p = policy(rule(0, 3, 24));
    p.rules
        .push(audience_rule("jongeren-velsen", None, Some(2), None));
    let velsen = |slug: &str, day: u32| {
        poll(
            slug,
            &["velsen"],
            &format!("2027-03-{day:02}T08:00:00Z"),
            &format!("2027-03-{day:02}T09:00:00Z"),
        )
    };
    let request = request(
        "new",
        &["velsen"],
        "2027-03-28T08:00:00Z",
        "2027-03-28T09:00:00Z",
    );
    // Three Velsen polls within 24 days are fine, and the young people's own poll is too far
    // from the first two to share a 24-day window with them.
    let far = calendar(
        p.clone(),
        vec![],
        vec![
            velsen("a", 15),
            velsen("b", 20),
            poll(
                "j",
                &["jongeren-velsen"],
                "2027-04-20T08:00:00Z",
                "2027-04-20T09:00:00Z",
            ),
        ],
    );
    assert!(far.check(&request).unwrap().is_empty());
    // Closer, it makes a window of three polls that reach the young people: one too many.
    let near = calendar(
        p,
        vec![],
        vec![
            velsen("a", 15),
            velsen("b", 20),
            poll(
                "j",
                &["jongeren-velsen"],
                "2027-04-05T08:00:00Z",
                "2027-04-05T09:00:00Z",
            ),
        ],
    );
    let conflicts = near.check(&request).unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].audience, "jongeren-velsen");
    assert!(
        matches!(
            conflicts[0].facts,
            ConflictFacts::MaxPolls {
                max_polls: 2,
                window_days: 24,
                ..
            }
        ),
        "{:?}",
        conflicts[0]
    );
    assert_eq!(
        near.next_free(&request).unwrap(),
        Some(utc("2027-04-12T22:00:00Z"))
    );
}

#[test]
fn a_lenient_rule_for_an_audience_applies_among_its_own_polls() {
    let mut p = policy(rule(21, 6, 365));
    p.rules
        .push(audience_rule("jongeren-velsen", Some(7), None, None));
    let cal = calendar(
        p,
        vec![],
        vec![poll(
            "j",
            &["jongeren-velsen"],
            "2027-05-01T10:00:00Z",
            "2027-05-10T10:00:00Z",
        )],
    );
    let young = request(
        "new",
        &["jongeren-velsen"],
        "2027-05-18T10:00:00Z",
        "2027-05-20T10:00:00Z",
    );
    assert!(
        cal.check(&young).unwrap().is_empty(),
        "8 days is enough between two polls for young people"
    );
    let velsen = request(
        "new",
        &["velsen"],
        "2027-05-18T10:00:00Z",
        "2027-05-20T10:00:00Z",
    );
    let conflicts = cal.check(&velsen).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert!(
        matches!(
            conflicts[0].facts,
            ConflictFacts::MinGapDays {
                min_gap_days: 21,
                ..
            }
        ),
        "Velsen's default is stricter: {:?}",
        conflicts[0]
    );
}

// ---------------------------------------------------------------- regions and municipalities

#[test]
fn a_regional_poll_counts_for_each_municipality() {
    let existing = vec![
        poll(
            "v1",
            &["velsen"],
            "2027-02-01T08:00:00Z",
            "2027-02-03T08:00:00Z",
        ),
        poll(
            "b1",
            &["beverwijk"],
            "2027-03-01T08:00:00Z",
            "2027-03-03T08:00:00Z",
        ),
        poll(
            "h1",
            &["heemskerk"],
            "2027-04-01T08:00:00Z",
            "2027-04-03T08:00:00Z",
        ),
    ];
    let regional = request(
        "new",
        &["ijmond"],
        "2027-05-01T08:00:00Z",
        "2027-05-03T08:00:00Z",
    );
    // Two a year: each municipality would get its own poll and the regional one.
    let cal = calendar(policy(rule(0, 2, 365)), vec![], existing.clone());
    assert!(
        cal.check(&regional).unwrap().is_empty(),
        "polls for different municipalities are not added up"
    );

    let mut more = existing.clone();
    more.push(poll(
        "v2",
        &["velsen"],
        "2027-03-15T08:00:00Z",
        "2027-03-17T08:00:00Z",
    ));
    let cal = calendar(policy(rule(0, 2, 365)), vec![], more);
    let conflicts = cal.check(&regional).unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].audience, "velsen", "Velsen would get three");
    match &conflicts[0].facts {
        ConflictFacts::MaxPolls { polls, .. } => {
            assert!(polls.contains(&"v1".to_owned()) && polls.contains(&"v2".to_owned()))
        }
        other => panic!("expected max_polls, got {other:?}"),
    }
    // Beverwijk alone still has room.
    assert!(
        cal.check(&request(
            "new",
            &["beverwijk"],
            "2027-05-01T08:00:00Z",
            "2027-05-03T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );

    // The other way round: after a regional poll, each municipality has one left.
    let cal = calendar(
        policy(rule(0, 2, 365)),
        vec![],
        vec![
            poll(
                "i",
                &["ijmond"],
                "2027-01-15T08:00:00Z",
                "2027-01-17T08:00:00Z",
            ),
            existing[1].clone(),
        ],
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    let conflicts = cal
        .check(&request(
            "new",
            &["beverwijk"],
            "2027-06-01T08:00:00Z",
            "2027-06-02T08:00:00Z",
        ))
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].audience, "beverwijk");
}

#[test]
fn a_target_group_in_velsen_overlaps_velsen_and_ijmond_but_not_beverwijk() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "j",
            &["jongeren-velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-20T08:00:00Z",
        )],
    );
    let at = |audience: &str| {
        request(
            "new",
            &[audience],
            "2027-05-12T08:00:00Z",
            "2027-05-14T08:00:00Z",
        )
    };
    for overlapping in ["velsen", "ijmond", "jongeren-velsen"] {
        let conflicts = cal.check(&at(overlapping)).unwrap();
        assert_eq!(conflicts.len(), 1, "{overlapping}");
        assert_eq!(conflicts[0].rule(), RuleKind::OverlappingOpenPeriod);
        assert_eq!(conflicts[0].audience, "jongeren-velsen");
    }
    for apart in ["beverwijk", "heemskerk", "ouderen-velsen", "haarlem"] {
        assert!(cal.check(&at(apart)).unwrap().is_empty(), "{apart}");
    }
}

#[test]
fn a_poll_for_several_audiences_is_checked_for_each() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "b",
            &["beverwijk"],
            "2027-05-10T08:00:00Z",
            "2027-05-20T08:00:00Z",
        )],
    );
    let both = request(
        "new",
        &["velsen", "beverwijk"],
        "2027-05-12T08:00:00Z",
        "2027-05-14T08:00:00Z",
    );
    assert_eq!(rules_broken(&cal, &both), ["overlapping_open_period"]);
    let velsen = request(
        "new",
        &["velsen", "heemskerk"],
        "2027-05-12T08:00:00Z",
        "2027-05-14T08:00:00Z",
    );
    assert!(cal.check(&velsen).unwrap().is_empty());
}

// ---------------------------------------------------------------- quiet periods

#[test]
fn a_quiet_period_covers_everything_inside_its_audience() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet(
            "2027-03-01",
            "2027-03-18",
            "Verkiezingen",
            &["ijmond"],
        )],
        vec![],
    );
    for audience in ["ijmond", "velsen", "jongeren-velsen", "beverwijk"] {
        let conflicts = cal
            .check(&request(
                "new",
                &[audience],
                "2027-03-10T08:00:00Z",
                "2027-03-12T08:00:00Z",
            ))
            .unwrap();
        assert_eq!(conflicts.len(), 1, "{audience}");
        let c = &conflicts[0];
        assert_eq!(c.reason.as_deref(), Some("Verkiezingen"));
        assert_eq!(c.audience, "ijmond");
        assert_eq!(c.other_poll, None);
        assert_eq!(
            c.facts,
            ConflictFacts::QuietPeriod {
                from: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2027, 3, 18).unwrap(),
                opens_at: utc("2027-03-10T08:00:00Z"),
                closes_at: utc("2027-03-12T08:00:00Z"),
            }
        );
    }
    assert!(
        cal.check(&request(
            "new",
            &["haarlem"],
            "2027-03-10T08:00:00Z",
            "2027-03-12T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    // Open before the period, still open when it starts.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-02-20T08:00:00Z",
                "2027-03-01T08:00:00Z"
            )
        ),
        ["quiet_period"]
    );
    // Closing at the very start (1 March 00:00 Amsterdam) is fine; opening on 19 March too.
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-02-20T08:00:00Z",
            "2027-02-28T23:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-03-18T23:00:00Z",
            "2027-03-25T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
}

#[test]
fn a_municipal_quiet_period_also_stops_regional_polls_but_not_the_neighbours() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet(
            "2027-03-01",
            "2027-03-18",
            "Herindeling",
            &["velsen"],
        )],
        vec![],
    );
    let at = |audience: &str| {
        request(
            "new",
            &[audience],
            "2027-03-10T08:00:00Z",
            "2027-03-12T08:00:00Z",
        )
    };
    assert_eq!(rules_broken(&cal, &at("ijmond")), ["quiet_period"]);
    assert_eq!(rules_broken(&cal, &at("jongeren-velsen")), ["quiet_period"]);
    assert!(cal.check(&at("beverwijk")).unwrap().is_empty());
}

// ---------------------------------------------------------------- rescheduling, errors, output

#[test]
fn rescheduling_a_poll_ignores_its_own_old_schedule() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        )],
    );
    let moved = request(
        "a",
        &["velsen"],
        "2027-05-12T08:00:00Z",
        "2027-05-19T08:00:00Z",
    );
    assert!(cal.check(&moved).unwrap().is_empty());
    assert_eq!(cal.next_free(&moved).unwrap(), Some(moved.opens_at));
    let other = request(
        "b",
        &["velsen"],
        "2027-05-12T08:00:00Z",
        "2027-05-19T08:00:00Z",
    );
    assert_eq!(rules_broken(&cal, &other), ["overlapping_open_period"]);
}

#[test]
fn a_request_that_does_not_open_before_it_closes_is_an_error() {
    let cal = calendar(policy(rule(21, 6, 365)), vec![], vec![]);
    let same = request(
        "x",
        &["velsen"],
        "2027-05-10T08:00:00Z",
        "2027-05-10T08:00:00Z",
    );
    assert!(matches!(
        cal.check(&same),
        Err(ScheduleError::InvalidPeriod { .. })
    ));
    assert!(matches!(
        cal.next_free(&same),
        Err(ScheduleError::InvalidPeriod { .. })
    ));
    let reversed = request(
        "x",
        &["velsen"],
        "2027-05-10T08:00:00Z",
        "2027-05-09T08:00:00Z",
    );
    assert!(matches!(
        cal.check(&reversed),
        Err(ScheduleError::InvalidPeriod { .. })
    ));
}

#[test]
fn unknown_or_missing_audiences_are_errors() {
    let cal = calendar(policy(rule(21, 6, 365)), vec![], vec![]);
    let unknown = request(
        "x",
        &["amsterdam"],
        "2027-05-10T08:00:00Z",
        "2027-05-11T08:00:00Z",
    );
    assert_eq!(
        cal.check(&unknown),
        Err(ScheduleError::UnknownAudience("amsterdam".into()))
    );
    let none = request("x", &[], "2027-05-10T08:00:00Z", "2027-05-11T08:00:00Z");
    assert_eq!(cal.check(&none), Err(ScheduleError::NoAudience("x".into())));
}

#[test]
fn calendar_input_is_validated() {
    let p = || policy(rule(21, 6, 365));
    let a = poll(
        "a",
        &["velsen"],
        "2027-05-10T08:00:00Z",
        "2027-05-11T08:00:00Z",
    );
    let err = Calendar::new(ijmond_tree(), p(), vec![], vec![a.clone(), a.clone()]).unwrap_err();
    assert_eq!(err, ScheduleError::DuplicatePoll("a".into()));
    let lost = poll(
        "lost",
        &["amsterdam"],
        "2027-05-10T08:00:00Z",
        "2027-05-11T08:00:00Z",
    );
    assert!(matches!(
        Calendar::new(ijmond_tree(), p(), vec![], vec![lost]),
        Err(ScheduleError::UnknownAudience(_))
    ));
    let q = quiet("2027-03-01", "2027-03-18", "x", &["amsterdam"]);
    assert!(matches!(
        Calendar::new(ijmond_tree(), p(), vec![q], vec![]),
        Err(ScheduleError::UnknownAudience(_))
    ));
    let mut bad = p();
    bad.default.max_polls = 0;
    assert!(matches!(
        Calendar::new(ijmond_tree(), bad, vec![], vec![]),
        Err(ScheduleError::InvalidRule { .. })
    ));
    let mut cal = Calendar::new(ijmond_tree(), p(), vec![], vec![a.clone()]).unwrap();
    assert_eq!(cal.insert(a), Err(ScheduleError::DuplicatePoll("a".into())));
}

#[test]
fn every_broken_rule_is_reported_and_serialises_for_the_409() {
    let mut p = policy(rule(21, 2, 365));
    p.rules.push(audience_rule("velsen", Some(28), None, None));
    let cal = calendar(
        p,
        vec![quiet(
            "2027-03-01",
            "2027-03-18",
            "Verkiezingen",
            &["ijmond"],
        )],
        vec![
            poll(
                "a",
                &["velsen"],
                "2027-02-01T08:00:00Z",
                "2027-02-25T08:00:00Z",
            ),
            poll(
                "b",
                &["ijmond"],
                "2027-03-12T08:00:00Z",
                "2027-03-14T08:00:00Z",
            ),
        ],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-03-10T08:00:00Z",
        "2027-03-13T08:00:00Z",
    );
    let conflicts = cal.check(&r).unwrap();
    let mut rules: Vec<&str> = conflicts.iter().map(|c| c.rule().as_str()).collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            "max_polls",
            "min_gap_days",
            "overlapping_open_period",
            "quiet_period"
        ]
    );
    let json = serde_json::to_value(&conflicts).unwrap();
    for c in json.as_array().unwrap() {
        for field in ["other_poll", "audience", "rule", "reason"] {
            assert!(c.get(field).is_some(), "{field} missing in {c}");
        }
        let back: flits_schedule::Conflict = serde_json::from_value(c.clone()).unwrap();
        assert!(conflicts.contains(&back), "{c} reads back");
    }
    let gap = conflicts
        .iter()
        .find(|c| c.rule() == RuleKind::MinGapDays)
        .unwrap();
    assert!(
        matches!(
            gap.facts,
            ConflictFacts::MinGapDays {
                min_gap_days: 28,
                days: 13,
                side: GapSide::AfterOther,
                ..
            }
        ),
        "{gap:?}"
    );
}

#[test]
fn insert_gives_the_same_answers_as_building_at_once() {
    let polls = vec![
        poll(
            "c",
            &["ijmond"],
            "2027-07-01T08:00:00Z",
            "2027-07-03T08:00:00Z",
        ),
        poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        ),
        poll(
            "b",
            &["jongeren-velsen"],
            "2027-06-10T08:00:00Z",
            "2027-06-11T08:00:00Z",
        ),
    ];
    let at_once = calendar(policy(rule(14, 2, 60)), vec![], polls.clone());
    let mut one_by_one = calendar(policy(rule(14, 2, 60)), vec![], vec![]);
    for p in polls {
        one_by_one.insert(p).unwrap();
    }
    assert_eq!(one_by_one.len(), 3);
    assert_eq!(one_by_one.poll("b").unwrap().audiences, ["jongeren-velsen"]);
    for day in (1..=31).step_by(3) {
        let r = request(
            "new",
            &["velsen"],
            &format!("2027-06-{:02}T08:00:00Z", day.min(30)),
            "2027-07-15T08:00:00Z",
        );
        if r.opens_at >= r.closes_at {
            continue;
        }
        assert_eq!(at_once.check(&r).unwrap(), one_by_one.check(&r).unwrap());
        assert_eq!(
            at_once.next_free(&r).unwrap(),
            one_by_one.next_free(&r).unwrap()
        );
    }
}

// ---------------------------------------------------------------- next free slot

#[test]
fn next_free_is_the_request_itself_when_it_is_free() {
    let cal = calendar(policy(rule(21, 6, 365)), vec![], vec![]);
    let r = request(
        "new",
        &["velsen"],
        "2027-05-12T08:00:00Z",
        "2027-05-15T08:00:00Z",
    );
    assert_eq!(cal.next_free(&r).unwrap(), Some(r.opens_at));
}

#[test]
fn next_free_after_the_gap_starts_at_midnight_amsterdam() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-01T08:00:00Z",
            "2027-05-10T21:30:00Z",
        )],
    );
    let r = request(
        "new",
        &["ijmond"],
        "2027-05-12T08:00:00Z",
        "2027-05-15T08:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-05-30T22:00:00Z"))
    );
}

#[test]
fn next_free_right_after_an_overlapping_poll_without_gap() {
    let cal = calendar(
        policy(rule(0, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-05-10T08:00:00Z",
            "2027-05-17T08:00:00Z",
        )],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-05-12T08:00:00Z",
        "2027-05-13T08:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-05-17T08:00:00Z"))
    );
    // A poll that would run into it from before has to move past it too.
    let r = request(
        "new",
        &["velsen"],
        "2027-05-09T08:00:00Z",
        "2027-05-11T08:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-05-17T08:00:00Z"))
    );
}

#[test]
fn next_free_when_the_window_has_room_again() {
    let cal = calendar(
        policy(rule(0, 2, 30)),
        vec![],
        vec![
            poll(
                "a",
                &["velsen"],
                "2027-05-01T08:00:00Z",
                "2027-05-02T08:00:00Z",
            ),
            poll(
                "b",
                &["velsen"],
                "2027-05-20T08:00:00Z",
                "2027-05-21T08:00:00Z",
            ),
        ],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-05-21T10:00:00Z",
        "2027-05-22T10:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-05-30T22:00:00Z"))
    );
}

#[test]
fn next_free_jumps_over_several_obstacles() {
    let cal = calendar(
        policy(rule(5, 6, 365)),
        vec![quiet(
            "2027-06-01",
            "2027-06-10",
            "Verkiezingen",
            &["ijmond"],
        )],
        vec![poll(
            "p",
            &["velsen"],
            "2027-06-11T08:00:00Z",
            "2027-06-14T08:00:00Z",
        )],
    );
    // Quiet until 11 June 00:00; then it would run into 'p'; then 5 days after 'p' closes.
    let r = request(
        "new",
        &["velsen"],
        "2027-06-05T08:00:00Z",
        "2027-06-07T08:00:00Z",
    );
    let t = cal.next_free(&r).unwrap().unwrap();
    assert_eq!(t, utc("2027-06-18T22:00:00Z"));
    let moved = request(
        "new",
        &["velsen"],
        "2027-06-18T22:00:00Z",
        "2027-06-20T22:00:00Z",
    );
    assert!(cal.check(&moved).unwrap().is_empty());
}

#[test]
fn next_free_gives_up_beyond_five_years() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet("2027-01-01", "2033-12-31", "Moratorium", &["ijmond"])],
        vec![],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-05-12T08:00:00Z",
        "2027-05-15T08:00:00Z",
    );
    assert_eq!(cal.next_free(&r).unwrap(), None);
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet("2027-01-01", "2031-12-31", "Moratorium", &["ijmond"])],
        vec![],
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2031-12-31T23:00:00Z"))
    );
}

#[test]
fn the_shipped_default_allows_six_polls_a_year_three_weeks_apart() {
    let cal = calendar(SpacingPolicy::default(), vec![], vec![]);
    let mut cal2 = cal.clone();
    let mut r = request(
        "p0",
        &["velsen"],
        "2027-01-04T08:00:00Z",
        "2027-01-11T08:00:00Z",
    );
    let mut opened = Vec::new();
    for i in 0..7 {
        r.slug = format!("p{i}");
        let t = cal2.next_free(&r).unwrap().unwrap();
        let d = r.closes_at - r.opens_at;
        r.opens_at = t;
        r.closes_at = t + d;
        assert!(cal2.check(&r).unwrap().is_empty());
        cal2.insert(r.clone().into()).unwrap();
        opened.push(t);
    }
    // Six polls, each opening at midnight three weeks after the previous one closed (a week
    // open), then the seventh waits until a year after the first opened.
    let dates: Vec<String> = opened
        .iter()
        .map(|&t| flits_schedule::days::local_date(t).to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2027-01-04",
            "2027-02-01",
            "2027-03-01",
            "2027-03-29",
            "2027-04-26",
            "2027-05-24",
            "2028-01-04"
        ]
    );
    assert_eq!(
        opened[3],
        utc("2027-03-28T22:00:00Z"),
        "midnight in summer time"
    );
    assert_eq!(opened[6], utc("2028-01-03T23:00:00Z"));
    assert!(cal.is_empty());
}
