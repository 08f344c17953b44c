//! Channel spacing: a social-media account that posts every poll of every audience it serves
//! would flood its followers, and followers who unfollow are lost for every later poll. So each
//! channel gets at most a few poll posts in any rolling seven days.
//!
//! A poll is posted when it opens, so the times here are opening times. Unlike the audience rules,
//! which count calendar days, the channel window is exactly seven times 24 hours: posts are
//! instants in a feed, and the platforms' own limits are in real time too.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::{Conflict, ConflictFacts};

/// The rolling window for [`ChannelLimit`].
pub const CHANNEL_WINDOW: TimeDelta = TimeDelta::days(7);

/// How many poll posts one channel may get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChannelLimit {
    /// At most this many poll posts (counting the new one) within any seven days. Zero means the
    /// channel takes no poll posts at all.
    pub max_posts_per_week: u32,
}

impl Default for ChannelLimit {
    /// Two a week: enough for a region and a municipality sharing an account, few enough that
    /// followers do not tune out.
    fn default() -> Self {
        ChannelLimit {
            max_posts_per_week: 2,
        }
    }
}

/// The too-full windows for a post at `at`: the latest first post of a block of
/// `max_posts_per_week` existing posts that lie within seven days of each other and of `at`.
fn latest_full_block_start(
    at: DateTime<Utc>,
    sorted: &[DateTime<Utc>],
    max: usize,
) -> Option<(DateTime<Utc>, usize)> {
    if max == 0 {
        return Some((at, 0));
    }
    let from = at
        .checked_sub_signed(CHANNEL_WINDOW)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let to = at
        .checked_add_signed(CHANNEL_WINDOW)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let lo = sorted.partition_point(|&t| t <= from);
    let hi = sorted.partition_point(|&t| t < to);
    let near = &sorted[lo..hi];
    let mut found = None;
    for (i, block) in near.windows(max).enumerate() {
        let first = block[0].min(at);
        let last = block[max - 1].max(at);
        if last - first < CHANNEL_WINDOW {
            found = Some((block[0], lo + i));
        }
    }
    found
}

fn sorted(existing: &[DateTime<Utc>]) -> Vec<DateTime<Utc>> {
    let mut v = existing.to_vec();
    v.sort_unstable();
    v
}

/// The conflict, if any, of posting a poll on `channel` at `at`, given the times of the poll
/// posts already planned or made there. Returns at most one conflict (rule
/// `channel_posts_per_week`), naming the fullest window's posts.
pub fn channel_conflicts(
    channel: &str,
    at: DateTime<Utc>,
    existing_times: &[DateTime<Utc>],
    limit: ChannelLimit,
) -> Vec<Conflict> {
    let sorted = sorted(existing_times);
    let max = limit.max_posts_per_week as usize;
    let Some((_, first_index)) = latest_full_block_start(at, &sorted, max) else {
        return Vec::new();
    };
    let posts = sorted
        .get(first_index..first_index + max)
        .unwrap_or(&[])
        .to_vec();
    vec![Conflict {
        other_poll: None,
        audience: channel.to_owned(),
        reason: None,
        channel: Some(channel.to_owned()),
        facts: ConflictFacts::ChannelPostsPerWeek {
            max_posts_per_week: limit.max_posts_per_week,
            posts,
            at,
        },
    }]
}

/// The earliest time at or after `at` at which the channel can take one more post; `None` if it
/// takes no poll posts at all.
pub fn channel_next_free(
    at: DateTime<Utc>,
    existing_times: &[DateTime<Utc>],
    limit: ChannelLimit,
) -> Option<DateTime<Utc>> {
    let max = limit.max_posts_per_week as usize;
    if max == 0 {
        return None;
    }
    let sorted = sorted(existing_times);
    let mut t = at;
    // Each step passes at least one existing post.
    for _ in 0..=sorted.len() {
        match latest_full_block_start(t, &sorted, max) {
            None => return Some(t),
            Some((first, _)) => t = first.checked_add_signed(CHANNEL_WINDOW)?,
        }
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleKind;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const LIMIT: ChannelLimit = ChannelLimit {
        max_posts_per_week: 2,
    };

    #[test]
    fn at_most_the_limit_in_any_seven_days() {
        let existing = [utc("2027-05-03T09:00:00Z"), utc("2027-05-06T09:00:00Z")];
        let c = channel_conflicts(
            "mastodon-velsen",
            utc("2027-05-09T09:00:00Z"),
            &existing,
            LIMIT,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].rule(), RuleKind::ChannelPostsPerWeek);
        assert_eq!(c[0].channel.as_deref(), Some("mastodon-velsen"));
        assert_eq!(
            c[0].facts,
            ConflictFacts::ChannelPostsPerWeek {
                max_posts_per_week: 2,
                posts: existing.to_vec(),
                at: utc("2027-05-09T09:00:00Z"),
            }
        );
        // Exactly seven days after the first post, that post has left the window.
        assert!(channel_conflicts("m", utc("2027-05-10T09:00:00Z"), &existing, LIMIT).is_empty());
        assert!(!channel_conflicts("m", utc("2027-05-10T08:59:59Z"), &existing, LIMIT).is_empty());
        // Before the existing posts, counting the other way.
        assert!(!channel_conflicts("m", utc("2027-04-30T09:00:00Z"), &existing, LIMIT).is_empty());
        assert!(channel_conflicts("m", utc("2027-04-29T09:00:00Z"), &existing, LIMIT).is_empty());
        // Two posts seven days apart with the new one between them are not in one window.
        let apart = [utc("2027-05-01T09:00:00Z"), utc("2027-05-08T09:00:00Z")];
        assert!(channel_conflicts("m", utc("2027-05-04T09:00:00Z"), &apart, LIMIT).is_empty());
        assert!(
            !channel_conflicts(
                "m",
                utc("2027-05-04T09:00:00Z"),
                &apart,
                ChannelLimit {
                    max_posts_per_week: 1
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn order_of_existing_times_does_not_matter() {
        let existing = [utc("2027-05-06T09:00:00Z"), utc("2027-05-03T09:00:00Z")];
        assert_eq!(
            channel_conflicts("m", utc("2027-05-09T09:00:00Z"), &existing, LIMIT).len(),
            1
        );
    }

    #[test]
    fn next_free_post_time() {
        let existing = [
            utc("2027-05-03T09:00:00Z"),
            utc("2027-05-06T09:00:00Z"),
            utc("2027-05-11T09:00:00Z"),
        ];
        // 05-09 clashes with 05-03 and 05-06; 05-10 09:00 with 05-06 and 05-11; 05-13 09:00 is free.
        let t = channel_next_free(utc("2027-05-09T09:00:00Z"), &existing, LIMIT).unwrap();
        assert_eq!(t, utc("2027-05-13T09:00:00Z"));
        assert!(channel_conflicts("m", t, &existing, LIMIT).is_empty());
        assert_eq!(
            channel_next_free(utc("2027-06-01T00:00:00Z"), &existing, LIMIT),
            Some(utc("2027-06-01T00:00:00Z"))
        );
        assert_eq!(
            channel_next_free(
                utc("2027-06-01T00:00:00Z"),
                &[],
                ChannelLimit {
                    max_posts_per_week: 0
                }
            ),
            None
        );
    }

    #[test]
    fn a_channel_without_poll_posts_always_conflicts() {
        let c = channel_conflicts(
            "intranet",
            utc("2027-05-09T09:00:00Z"),
            &[],
            ChannelLimit {
                max_posts_per_week: 0,
            },
        );
        assert_eq!(c.len(), 1);
        assert!(matches!(
            &c[0].facts,
            ConflictFacts::ChannelPostsPerWeek { max_posts_per_week: 0, posts, .. } if posts.is_empty()
        ));
    }
}
