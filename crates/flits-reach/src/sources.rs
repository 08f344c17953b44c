//! Which channels brought a group's respondents: where to post again to reach the groups a poll
//! is missing (the "who are we missing" panel of an open poll, issue 12).
//!
//! [`GroupChannels`] counts, per option of a profile question, the respondents per channel they
//! came by. [`GroupChannels::top`] lists a group's channels, most respondents first, under the
//! small-cell rule of `flits-results`: a channel that brought fewer than `k` shows `<k`. Hidden
//! channels come after the shown ones in channel order, so their order does not hint at which of
//! them is larger.

use std::collections::BTreeMap;

use flits_results::Count;
use serde::Serialize;

/// Respondents per (profile question, option) and channel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupChannels {
    /// `(question, option)` → channel (`None`: a link without a channel) → respondents.
    counts: BTreeMap<(String, String), BTreeMap<Option<String>, u64>>,
}

/// One channel's respondents in a group, as they may be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelCount {
    /// `None`: links without a channel.
    pub channel: Option<String>,
    pub respondents: Count,
}

impl GroupChannels {
    /// Counts one respondent who answered `option` to `question` and came by `channel`.
    pub fn add(&mut self, question: &str, option: &str, channel: Option<&str>) {
        *self
            .counts
            .entry((question.to_owned(), option.to_owned()))
            .or_default()
            .entry(channel.map(str::to_owned))
            .or_default() += 1;
    }

    /// The respondents per option of `question`, for [`crate::representation::represent`].
    pub fn options_of<'a>(&'a self, question: &'a str) -> impl Iterator<Item = (&'a str, u64)> {
        self.counts
            .iter()
            .filter(move |((q, _), _)| q == question)
            .map(|((_, option), channels)| (option.as_str(), channels.values().sum()))
    }

    /// The channels of the group `(question, option)`, most respondents first (ties and hidden
    /// counts in channel order), at most `limit` of them, under the rule for `k`.
    pub fn top(&self, question: &str, option: &str, k: u64, limit: usize) -> Vec<ChannelCount> {
        let Some(channels) = self.counts.get(&(question.to_owned(), option.to_owned())) else {
            return Vec::new();
        };
        let mut listed: Vec<(Option<&String>, u64)> =
            channels.iter().map(|(c, n)| (c.as_ref(), *n)).collect();
        // Shown counts by size; hidden ones all rank the same, after them.
        let rank = |n: u64| Count::of(n, k).exact().unwrap_or(0);
        listed.sort_by(|a, b| rank(b.1).cmp(&rank(a.1)).then_with(|| a.0.cmp(&b.0)));
        listed
            .into_iter()
            .take(limit)
            .map(|(channel, n)| ChannelCount {
                channel: channel.cloned(),
                respondents: Count::of(n, k),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GroupChannels {
        let mut g = GroupChannels::default();
        for (channel, n) in [
            (Some("mastodon"), 7),
            (Some("x"), 2),
            (None, 12),
            (Some("bieb"), 1),
        ] {
            for _ in 0..n {
                g.add("leeftijd", "15-24", channel);
            }
        }
        for _ in 0..40 {
            g.add("leeftijd", "65plus", Some("x"));
        }
        g.add("wijk", "15-24", Some("x"));
        g
    }

    #[test]
    fn most_respondents_first_and_small_counts_hidden_in_channel_order() {
        let top = sample().top("leeftijd", "15-24", 5, 10);
        let shown: Vec<(Option<&str>, String)> = top
            .iter()
            .map(|c| (c.channel.as_deref(), c.respondents.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                (None, "12".to_owned()),
                (Some("mastodon"), "7".to_owned()),
                (Some("bieb"), "<5".to_owned()),
                (Some("x"), "<5".to_owned()),
            ]
        );
        assert_eq!(sample().top("leeftijd", "15-24", 5, 2).len(), 2);
        assert!(sample().top("leeftijd", "tot15", 5, 3).is_empty());
    }

    #[test]
    fn options_add_up_their_channels_per_question() {
        let g = sample();
        let mut per: Vec<(&str, u64)> = g.options_of("leeftijd").collect();
        per.sort();
        assert_eq!(per, [("15-24", 22), ("65plus", 40)]);
        let wijk: Vec<(&str, u64)> = g.options_of("wijk").collect();
        assert_eq!(wijk, [("15-24", 1)]);
    }
}
