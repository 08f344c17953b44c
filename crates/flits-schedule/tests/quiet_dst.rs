//! Quiet periods and day counting around the summer-time changes in Amsterdam (last Sunday of
//! March: 02:00 → 03:00; last Sunday of October: 03:00 → 02:00). In 2027 these are 28 March and
//! 31 October.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn quiet_period_ending_on_the_last_sunday_of_march() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet(
            "2027-03-20",
            "2027-03-28",
            "Verkiezingen",
            &["ijmond"],
        )],
        vec![],
    );
    // Sunday 28 March 23:30 summer time is still quiet; Monday 00:00 summer time (22:00 UTC) is not.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-03-28T21:30:00Z",
                "2027-03-29T21:30:00Z"
            )
        ),
        ["quiet_period"]
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-03-28T22:00:00Z",
            "2027-03-29T22:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    // It started at Saturday 20 March 00:00 winter time (23:00 UTC the day before).
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-03-10T08:00:00Z",
            "2027-03-19T23:00:00Z"
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
                "2027-03-10T08:00:00Z",
                "2027-03-19T23:00:01Z"
            )
        ),
        ["quiet_period"]
    );
    // The next free slot is the first summer-time midnight.
    let r = request(
        "new",
        &["velsen"],
        "2027-03-25T10:00:00Z",
        "2027-03-27T10:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-03-28T22:00:00Z"))
    );
}

#[test]
fn quiet_period_ending_on_the_last_sunday_of_october() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet(
            "2027-10-20",
            "2027-10-31",
            "Verkiezingen",
            &["velsen"],
        )],
        vec![],
    );
    // Sunday 31 October 23:59 winter time is still quiet; Monday 00:00 winter time (23:00 UTC) is not.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["ijmond"],
                "2027-10-31T22:59:00Z",
                "2027-11-02T08:00:00Z"
            )
        ),
        ["quiet_period"]
    );
    assert!(
        cal.check(&request(
            "new",
            &["ijmond"],
            "2027-10-31T23:00:00Z",
            "2027-11-02T08:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    // It started at Wednesday 20 October 00:00 summer time (22:00 UTC the day before).
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-10-10T08:00:00Z",
            "2027-10-19T22:00:00Z"
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
                "2027-10-10T08:00:00Z",
                "2027-10-19T22:30:00Z"
            )
        ),
        ["quiet_period"]
    );
    let r = request(
        "new",
        &["jongeren-velsen"],
        "2027-10-25T10:00:00Z",
        "2027-10-27T10:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-10-31T23:00:00Z"))
    );
    // Beverwijk is not affected by Velsen's quiet period.
    let r = request(
        "new",
        &["beverwijk"],
        "2027-10-25T10:00:00Z",
        "2027-10-27T10:00:00Z",
    );
    assert_eq!(cal.next_free(&r).unwrap(), Some(r.opens_at));
}

#[test]
fn a_quiet_sunday_with_25_hours_covers_both_two_o_clocks() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet("2027-10-31", "2027-10-31", "Telling", &["ijmond"])],
        vec![],
    );
    // 02:30 summer time (00:30 UTC) and 02:30 winter time (01:30 UTC) are both on the 31st.
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-10-31T00:30:00Z",
                "2027-10-31T00:45:00Z"
            )
        ),
        ["quiet_period"]
    );
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-10-31T01:30:00Z",
                "2027-10-31T01:45:00Z"
            )
        ),
        ["quiet_period"]
    );
    // Saturday evening until midnight summer time is fine.
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-10-30T20:00:00Z",
            "2027-10-30T22:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
}

#[test]
fn a_quiet_sunday_with_23_hours() {
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![quiet("2027-03-28", "2027-03-28", "Telling", &["ijmond"])],
        vec![],
    );
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-03-27T23:00:00Z",
                "2027-03-27T23:30:00Z"
            )
        ),
        ["quiet_period"]
    );
    assert_eq!(
        rules_broken(
            &cal,
            &request(
                "new",
                &["velsen"],
                "2027-03-28T21:00:00Z",
                "2027-03-28T21:59:00Z"
            )
        ),
        ["quiet_period"]
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-03-28T22:00:00Z",
            "2027-03-28T23:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-03-27T21:00:00Z",
            "2027-03-27T23:00:00Z"
        ))
        .unwrap()
        .is_empty()
    );
}

#[test]
fn gaps_count_dates_not_hours_across_the_change_to_summer_time() {
    // Closes Saturday 27 March 13:00 winter time; 21 days later is 17 April, in summer time.
    let cal = calendar(
        policy(rule(21, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-03-20T12:00:00Z",
            "2027-03-27T12:00:00Z",
        )],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-04-01T08:00:00Z",
        "2027-04-03T08:00:00Z",
    );
    let t = cal.next_free(&r).unwrap().unwrap();
    assert_eq!(t, utc("2027-04-16T22:00:00Z"), "17 April 00:00 summer time");
    assert!(
        cal.check(&request(
            "new",
            &["velsen"],
            "2027-04-16T22:00:00Z",
            "2027-04-18T22:00:00Z"
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
                "2027-04-16T21:59:00Z",
                "2027-04-18T22:00:00Z"
            )
        ),
        ["min_gap_days"]
    );
}

#[test]
fn gaps_count_dates_not_hours_across_the_change_to_winter_time() {
    // Closes Saturday 30 October 23:30 summer time; 7 days later is 6 November, in winter time.
    let cal = calendar(
        policy(rule(7, 6, 365)),
        vec![],
        vec![poll(
            "a",
            &["velsen"],
            "2027-10-20T12:00:00Z",
            "2027-10-30T21:30:00Z",
        )],
    );
    let r = request(
        "new",
        &["velsen"],
        "2027-11-01T08:00:00Z",
        "2027-11-03T08:00:00Z",
    );
    assert_eq!(
        cal.next_free(&r).unwrap(),
        Some(utc("2027-11-05T23:00:00Z")),
        "6 November 00:00 winter time"
    );
}
