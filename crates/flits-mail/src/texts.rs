//! The message's subject and its two bodies, plain text and HTML, from the templates of
//! `templates/mail/` and the catalogue's words (`{{t}}`) in the resident's language.

use flits_i18n::t;
use handlebars::Handlebars;
use serde::Serialize;

use crate::ResultsMessage;

const TEXT: &str = include_str!("../../../templates/mail/results.txt.hbs");
const HTML: &str = include_str!("../../../templates/mail/results.html.hbs");

/// A template that did not compile or render (a broken build: the tests render every language).
#[derive(Debug, thiserror::Error)]
#[error("mail template {template} cannot be used: {reason}")]
pub struct RenderError {
    pub template: &'static str,
    pub reason: String,
}

/// The templates, compiled once: the plain-text one without escaping, the HTML one escaping every
/// value (the summary and the title are written by staff, and the link is ours).
#[derive(Debug)]
pub struct MailTexts {
    text: Handlebars<'static>,
    html: Handlebars<'static>,
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Serialize)]
struct Data<'a> {
    lang: &'static str,
    dir: &'static str,
    subject: &'a str,
    title: &'a str,
    /// The summary's paragraphs (split on blank lines), for the HTML part.
    paragraphs: Vec<&'a str>,
    summary: &'a str,
    link: &'a str,
}

fn registry(
    name: &'static str,
    source: &str,
    escape: fn(&str) -> String,
) -> Result<Handlebars<'static>, RenderError> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(escape);
    flits_templates::register(&mut registry);
    registry
        .register_template_string(name, source)
        .map_err(|e| RenderError {
            template: name,
            reason: e.to_string(),
        })?;
    Ok(registry)
}

fn escape_html(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

impl MailTexts {
    /// Compiles both templates.
    pub fn load() -> Result<MailTexts, RenderError> {
        Ok(MailTexts {
            text: registry("results.txt", TEXT, handlebars::no_escape)?,
            html: registry("results.html", HTML, escape_html)?,
        })
    }

    /// The subject and both bodies of `message`.
    pub fn render(&self, message: &ResultsMessage) -> Result<Rendered, RenderError> {
        let locale = message.locale;
        let title = message.title.trim();
        let summary = message.summary.trim();
        let subject = t!(locale, "mail-results-subject", title = title);
        let data = Data {
            lang: locale.code(),
            dir: locale.dir(),
            subject: &subject,
            title,
            paragraphs: summary
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect(),
            summary,
            link: &message.link,
        };
        let render = |registry: &Handlebars<'static>, name: &'static str| {
            registry.render(name, &data).map_err(|e| RenderError {
                template: name,
                reason: e.to_string(),
            })
        };
        Ok(Rendered {
            text: render(&self.text, "results.txt")?,
            html: render(&self.html, "results.html")?,
            subject,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use flits_i18n::Locale;

    fn message(locale: Locale) -> ResultsMessage {
        ResultsMessage {
            to: "inwoner@example.nl".parse().unwrap(),
            locale,
            title: "Het <plein>".to_owned(),
            summary: "U wilde meer bomen.\n\nWij planten er tien & meer.".to_owned(),
            link: "https://peiling.example.nl/p/plein/results?lang=nl".to_owned(),
            key: "k".to_owned(),
        }
    }

    #[test]
    fn every_resident_language_renders_both_parts_with_the_link_and_the_summary() {
        let texts = MailTexts::load().unwrap();
        for locale in Locale::RESIDENT {
            let r = texts.render(&message(locale)).unwrap();
            assert!(r.subject.contains("Het <plein>"), "{locale}: {}", r.subject);
            assert!(
                !r.subject.contains("mail-results"),
                "{locale}: {}",
                r.subject
            );
            assert!(
                r.text
                    .contains("https://peiling.example.nl/p/plein/results?lang=nl")
            );
            assert!(
                r.text
                    .contains("U wilde meer bomen.\n\nWij planten er tien & meer.")
            );
            assert!(
                !r.text.contains("&amp;"),
                "plain text is not escaped: {}",
                r.text
            );
            assert!(
                r.html
                    .contains(r#"href="https://peiling.example.nl/p/plein/results?lang=nl""#),
                "{}",
                r.html
            );
            assert!(
                r.html.contains("<p>Wij planten er tien &amp; meer.</p>"),
                "{}",
                r.html
            );
            assert!(r.html.contains("Het &lt;plein&gt;") && !r.html.contains("<plein>"));
            assert!(r.html.contains(&format!(
                r#"lang="{}" dir="{}""#,
                locale.code(),
                locale.dir()
            )));
            assert!(!r.text.contains("mail-results") && !r.html.contains("mail-results"));
        }
    }
}
