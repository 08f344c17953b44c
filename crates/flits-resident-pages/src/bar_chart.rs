//! The geometry of the results page's bar charts, which `templates/poll/results.hbs` draws as
//! inline SVG: no JavaScript, no chart library, nothing fetched.
//!
//! Each option gets its label on one or more lines (wrapped here, since SVG text does not wrap),
//! then its bar with the value beside it. Horizontal positions are percentages of the chart's
//! width, so one chart fits 360 px and 1280 px alike while its text keeps its size; right-to-left
//! pages get bars that grow from the right, labels on the right and values on the left. The chart
//! is an image with a text alternative for screen readers, and the page has the same numbers in
//! a real table beside it.

use serde::Serialize;

/// The height of a label line, in px (labels are drawn at 16 px).
const LINE: u32 = 20;
/// Room between a label's baseline and the bottom of its line, for descenders.
const DESCENT: u32 = 5;
/// The height of a bar.
const BAR: u32 = 18;
/// Space between a label and its bar, and between one option and the next.
const GAP: u32 = 4;
const ROW_GAP: u32 = 14;
/// The part of the width bars may take, in percent; the rest holds the value.
const SPAN: f64 = 76.0;
/// Labels are wrapped at about this many characters: what fits 328 px (a 360 px screen less the
/// page's margins) at 16 px.
const WRAP: usize = 32;

/// One option to draw.
#[derive(Debug, Clone)]
pub struct BarInput {
    pub label: String,
    /// What the bar's end says ("40%", "<10").
    pub value: String,
    /// Between 0 and 1; `None` draws no bar (a count under `k` has no share).
    pub share: Option<f64>,
}

/// A line of a label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelLine {
    pub y: u32,
    pub text: String,
}

/// One option as drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarRow {
    pub lines: Vec<LabelLine>,
    /// The top of the bar and of its track.
    pub bar_y: u32,
    /// The baseline of the value.
    pub value_y: u32,
    pub value: String,
    /// Whether there is a bar to draw.
    pub has_bar: bool,
    pub bar_x: String,
    pub bar_width: String,
}

/// A whole chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    pub height: u32,
    pub bar_height: u32,
    pub rows: Vec<BarRow>,
    /// Where labels start, and how they are anchored and run.
    pub label_x: &'static str,
    pub label_direction: &'static str,
    /// The track behind each bar (its full length).
    pub track_x: String,
    pub track_width: String,
    /// Where values sit (always written left to right: numbers and percent signs).
    pub value_x: &'static str,
    pub value_anchor: &'static str,
}

/// Breaks `text` into lines of about [`WRAP`] characters at spaces; a longer word keeps its own
/// line.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let len = current.chars().count() + 1 + word.chars().count();
        if !current.is_empty() && len > WRAP {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

fn pct(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

/// Lays out `bars`, right to left when `rtl`.
pub fn lay_out(bars: &[BarInput], rtl: bool) -> BarChart {
    let mut y = 0;
    let mut rows = Vec::with_capacity(bars.len());
    for bar in bars {
        let lines = wrap(&bar.label)
            .into_iter()
            .map(|text| {
                y += LINE;
                LabelLine {
                    y: y - DESCENT,
                    text,
                }
            })
            .collect();
        let bar_y = y + GAP;
        // A share above zero always shows a sliver, so "some" never looks like "none".
        let width = bar.share.map(|s| (s.clamp(0.0, 1.0) * SPAN).max(0.5));
        let has_bar = bar.share.is_some_and(|s| s > 0.0);
        let width = width.unwrap_or(0.0);
        rows.push(BarRow {
            lines,
            bar_y,
            value_y: bar_y + BAR - 4,
            value: bar.value.clone(),
            has_bar,
            bar_x: if rtl { pct(100.0 - width) } else { pct(0.0) },
            bar_width: pct(width),
        });
        y = bar_y + BAR + ROW_GAP;
    }
    BarChart {
        height: y.saturating_sub(ROW_GAP).max(1),
        bar_height: BAR,
        rows,
        label_x: if rtl { "100%" } else { "0" },
        label_direction: if rtl { "rtl" } else { "ltr" },
        track_x: if rtl { pct(100.0 - SPAN) } else { pct(0.0) },
        track_width: pct(SPAN),
        value_x: if rtl { "0" } else { "100%" },
        value_anchor: if rtl { "start" } else { "end" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, share: Option<f64>) -> BarInput {
        BarInput {
            label: label.into(),
            value: "x".into(),
            share,
        }
    }

    #[test]
    fn bars_are_as_long_as_their_share_and_grow_from_the_reading_side() {
        let chart = lay_out(&[bar("Ja", Some(0.5)), bar("Nee", Some(0.0))], false);
        assert_eq!(chart.rows[0].bar_width, "38%");
        assert_eq!(chart.rows[0].bar_x, "0%");
        assert!(!chart.rows[1].has_bar);
        assert!(chart.rows[1].bar_y > chart.rows[0].bar_y + BAR);
        let rtl = lay_out(&[bar("نعم", Some(0.5))], true);
        assert_eq!(rtl.rows[0].bar_x, "62%");
        assert_eq!((rtl.label_x, rtl.value_x), ("100%", "0"));
    }

    #[test]
    fn long_labels_wrap_and_push_the_rest_down() {
        let long = "Met de fiets of met de elektrische step naar het station en verder";
        let chart = lay_out(&[bar(long, Some(0.2)), bar("Bus", None)], false);
        assert!(chart.rows[0].lines.len() >= 3);
        assert!(
            chart.rows[0]
                .lines
                .iter()
                .all(|l| l.text.chars().count() <= WRAP)
        );
        assert!(chart.rows[0].bar_y > chart.rows[0].lines.last().unwrap().y);
        assert!(!chart.rows[1].has_bar, "a hidden count has no bar");
        assert_eq!(chart.height, chart.rows[1].bar_y + BAR);
    }
}
