//! Post texts: one handlebars template per channel kind (`templates/posts/{kind}.hbs`), with the
//! words from the catalogue (`locales/*/resident-posts.ftl`) in the poll's language.
//!
//! A text that is too long for its platform loses words from the end of the intro first, then of
//! the title; the link and the catalogue's words are never cut, since a post without a working
//! link is worse than no post.

pub mod length;

use handlebars::Handlebars;
use serde::Serialize;

pub use length::{LengthRule, shorten};

use crate::post::{Post, PostKind};
use crate::setting::ChannelKind;

/// The templates, compiled once per process (see [`PostTexts::shared`]).
#[derive(Debug)]
pub struct PostTexts {
    registry: Handlebars<'static>,
}

/// A text that cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("post template {kind} cannot be rendered: {reason}")]
    Render { kind: &'static str, reason: String },
    /// Even without intro and title the text is longer than the platform allows.
    #[error("a {kind} post cannot be made short enough: {length} > {max}")]
    TooLong {
        kind: &'static str,
        length: usize,
        max: usize,
    },
}

const TEMPLATES: [(ChannelKind, &str); 5] = [
    (
        ChannelKind::Mastodon,
        include_str!("../../../../templates/posts/mastodon.hbs"),
    ),
    (
        ChannelKind::X,
        include_str!("../../../../templates/posts/x.hbs"),
    ),
    (
        ChannelKind::Facebook,
        include_str!("../../../../templates/posts/facebook.hbs"),
    ),
    (
        ChannelKind::Webhook,
        include_str!("../../../../templates/posts/webhook.hbs"),
    ),
    (
        ChannelKind::Email,
        include_str!("../../../../templates/posts/email.hbs"),
    ),
];

#[derive(Serialize)]
struct Data<'a> {
    lang: &'static str,
    announcement: bool,
    reminder: bool,
    results: bool,
    /// A later update of the results: the results' text with its own lead.
    update: bool,
    /// The notice of an early close: a text of its own, with the poll's link.
    closed: bool,
    title: &'a str,
    intro: &'a str,
    question: &'a str,
    link: &'a str,
}

impl PostTexts {
    /// The templates of every kind, compiled. Plain text: nothing is HTML-escaped.
    pub fn load() -> Result<PostTexts, TextError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        flits_templates::register(&mut registry);
        for (kind, source) in TEMPLATES {
            // Templates end with a newline for editors; posts do not.
            registry
                .register_template_string(kind.as_str(), source.trim_end())
                .map_err(|e| TextError::Render {
                    kind: kind.as_str(),
                    reason: e.to_string(),
                })?;
        }
        Ok(PostTexts { registry })
    }

    /// The text of `post` for a channel of `kind`, shortened to fit `rule`. `question` is shown
    /// when the post carries a native poll.
    pub fn render(
        &self,
        kind: ChannelKind,
        post: &Post,
        question: Option<&str>,
        rule: LengthRule,
    ) -> Result<String, TextError> {
        let full_intro = post.intro.trim();
        let full_title = post.title.trim();
        let (mut intro, mut title) = (full_intro.to_owned(), full_title.to_owned());
        let mut intro_budget = full_intro.chars().count();
        let mut title_budget = full_title.chars().count();
        loop {
            let text = self.render_once(kind, post, &title, &intro, question.unwrap_or(""))?;
            let Some(max) = rule.max else {
                return Ok(text);
            };
            let length = rule.count(&text);
            if length <= max {
                return Ok(text);
            }
            let over = length - max;
            if intro_budget > 0 {
                intro_budget = intro_budget.saturating_sub(over.max(1));
                intro = shorten(full_intro, intro_budget);
            } else if title_budget > 0 {
                title_budget = title_budget.saturating_sub(over.max(1));
                title = shorten(full_title, title_budget);
            } else {
                return Err(TextError::TooLong {
                    kind: kind.as_str(),
                    length,
                    max,
                });
            }
        }
    }

    fn render_once(
        &self,
        kind: ChannelKind,
        post: &Post,
        title: &str,
        intro: &str,
        question: &str,
    ) -> Result<String, TextError> {
        let data = Data {
            lang: post.locale.code(),
            announcement: post.kind == PostKind::Announcement,
            reminder: post.kind == PostKind::Reminder,
            results: post.kind.follows_up(),
            update: post.kind == PostKind::Update,
            closed: post.kind == PostKind::Closed,
            title,
            intro,
            question,
            link: post.link.as_str(),
        };
        self.registry
            .render(kind.as_str(), &data)
            .map_err(|e| TextError::Render {
                kind: kind.as_str(),
                reason: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use flits_i18n::Locale;

    fn post(kind: PostKind, locale: Locale, intro: &str) -> Post {
        Post {
            kind,
            idempotency_key: "k".into(),
            slug: "fietsparkeren".into(),
            title: "Fietsparkeren bij het station".into(),
            intro: intro.into(),
            link: url::Url::parse(
                "https://peiling.ijmond.nl/p/fietsparkeren-bij-het-station-beverwijk?c=mastodon-velsen",
            )
            .unwrap(),
            locale,
            native_poll: None,
            in_reply_to: None,
        }
    }

    #[test]
    fn every_kind_renders_every_post_in_every_language() {
        let texts = PostTexts::load().unwrap();
        for (kind, _) in TEMPLATES {
            for locale in Locale::RESIDENT {
                for pk in [
                    PostKind::Announcement,
                    PostKind::Reminder,
                    PostKind::Results,
                    PostKind::Update,
                    PostKind::Closed,
                ] {
                    let p = post(pk, locale, "Drie korte vragen.");
                    let text = texts.render(kind, &p, None, LengthRule::UNLIMITED).unwrap();
                    assert!(text.contains(p.link.as_str()), "{kind} {locale:?}: {text}");
                    assert!(
                        !text.contains("&quot;") && !text.contains("&amp;"),
                        "{text}"
                    );
                    assert_eq!(text, text.trim(), "{kind}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_closing_notice_says_the_poll_ended_and_asks_for_nothing() {
        let texts = PostTexts::load().unwrap();
        for (kind, _) in TEMPLATES {
            let p = post(PostKind::Closed, Locale::Nl, "Drie korte vragen.");
            let text = texts.render(kind, &p, None, LengthRule::UNLIMITED).unwrap();
            assert!(text.contains("eerder gestopt"), "{kind}: {text}");
            assert!(text.contains(&p.title), "{kind}: {text}");
            assert!(!text.contains("Doe mee"), "{kind}: {text}");
            assert!(!text.contains("Drie korte vragen."), "{kind}: {text}");
        }
    }

    #[test]
    fn a_long_intro_is_cut_on_a_word_but_the_link_stays_whole() {
        let texts = PostTexts::load().unwrap();
        let intro = "Wij willen weten hoe u naar het station komt. ".repeat(30);
        for (kind, rule) in [
            (ChannelKind::Mastodon, LengthRule::MASTODON_DEFAULT),
            (ChannelKind::X, LengthRule::X),
            (ChannelKind::Mastodon, LengthRule::mastodon(200, 23)),
        ] {
            let p = post(PostKind::Announcement, Locale::Nl, &intro);
            let text = texts.render(kind, &p, None, rule).unwrap();
            assert!(rule.fits(&text), "{} > {:?}", rule.count(&text), rule.max);
            // Close to the limit: the intro was not cut further than needed.
            assert!(rule.count(&text) + 12 >= rule.max.unwrap(), "{text}");
            assert!(text.contains(p.link.as_str()), "{text}");
            // The kept intro is a whole-word prefix of the real one.
            let kept = text
                .split("\n\n")
                .nth(1)
                .unwrap()
                .strip_suffix('…')
                .unwrap();
            assert!(intro.starts_with(kept), "{text}");
            assert!(intro[kept.len()..].starts_with(' '), "{text}");
            assert!(text.ends_with(p.link.as_str()), "{text}");
        }
    }

    #[test]
    fn a_wide_script_intro_fits_the_weighted_x_limit() {
        let texts = PostTexts::load().unwrap();
        let intro = "自転車 駐輪場 について 教えて ください ".repeat(20);
        let p = post(PostKind::Announcement, Locale::En, &intro);
        let text = texts
            .render(ChannelKind::X, &p, None, LengthRule::X)
            .unwrap();
        assert!(LengthRule::X.count(&text) <= 280, "{text}");
        assert!(text.ends_with(p.link.as_str()));
    }

    #[test]
    fn the_title_is_cut_only_when_the_intro_is_gone_and_too_little_room_is_an_error() {
        let texts = PostTexts::load().unwrap();
        let mut p = post(PostKind::Announcement, Locale::Nl, "Kort.");
        p.title = "Een heel lange titel ".repeat(10);
        let rule = LengthRule::mastodon(80, 23);
        let text = texts.render(ChannelKind::Mastodon, &p, None, rule).unwrap();
        assert!(rule.fits(&text), "{text}");
        assert!(!text.contains("Kort."), "{text}");
        assert!(text.starts_with("Een heel"), "{text}");
        let err = texts
            .render(
                ChannelKind::Mastodon,
                &p,
                None,
                LengthRule::mastodon(20, 23),
            )
            .unwrap_err();
        assert!(matches!(err, TextError::TooLong { .. }), "{err}");
    }
}
