//! What the law asks of a government site, per organisation (and per region, for regional
//! polls): the privacy page that GDPR article 13 requires (`/privacy/{id}`) and the accessibility
//! statement in the government's model (`/toegankelijkheid/{id}`, digitoegankelijk.nl). Every
//! resident page links both in its footer; `/privacy` and `/toegankelijkheid` list them all.
//!
//! The privacy page states the real settings (how long answers and e-mail addresses are kept,
//! how long each cookie lives, the small-cell rule), so it cannot promise what Flits does not do.
//! Its Dutch texts are written in B1 and pass the project's own plain-language checker (a test
//! below).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_resident_pages::{Chrome, Footer, LanguageLink};
use serde::Serialize;

use crate::chrome::{ChromeOf, chrome, html};
use crate::language::{LANGUAGE_COOKIE_DAYS, choose, remember};
use crate::notices::{Notice, render_notice};
use crate::page_failure::{PageFailure, page_error};
use crate::sender::{Contact, Sender, SenderKind};
use crate::state::CollectorState;

/// A link in a document.
#[derive(Debug, Serialize)]
struct Link {
    href: String,
    text: String,
}

/// One part of a document: a heading, paragraphs, then links.
#[derive(Debug, Serialize)]
struct Section {
    heading: String,
    paragraphs: Vec<String>,
    links: Vec<Link>,
}

#[derive(Serialize)]
struct DocumentView {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    intro: Vec<String>,
    sections: Vec<Section>,
}

/// Which of the two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Document {
    Privacy,
    Accessibility,
}

impl Document {
    fn path(self) -> &'static str {
        match self {
            Document::Privacy => "/privacy",
            Document::Accessibility => "/toegankelijkheid",
        }
    }
}

fn section(heading: String, paragraphs: Vec<String>) -> Section {
    Section {
        heading,
        paragraphs,
        links: Vec::new(),
    }
}

/// The ways to reach `name` at `contact`, as links (what is configured of them).
fn contact_links(name: &str, contact: &Contact, locale: Locale) -> Vec<Link> {
    let mut links = Vec::new();
    if let Some(e) = &contact.email {
        links.push(Link {
            href: format!("mailto:{e}"),
            text: t!(
                locale,
                "about-contact-email",
                org = name,
                email = e.as_str()
            ),
        });
    }
    if let Some(p) = &contact.phone {
        let digits: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        links.push(Link {
            href: format!("tel:{digits}"),
            text: t!(
                locale,
                "about-contact-phone",
                org = name,
                phone = p.as_str()
            ),
        });
    }
    if let Some(w) = &contact.website {
        links.push(Link {
            href: w.clone(),
            text: t!(locale, "about-contact-website", org = name),
        });
    }
    links
}

/// The privacy page of `sender`, GDPR article 13 point by point.
fn privacy_sections(state: &CollectorState, sender: &Sender, locale: Locale) -> Vec<Section> {
    let org = sender.name.as_str();
    let mut sections = Vec::new();

    // Art. 13(1)(a)-(b): who is responsible, and their data protection officer.
    let mut who = match sender.kind {
        SenderKind::Organisation => section(
            t!(locale, "privacy-page-controller-heading"),
            vec![t!(locale, "privacy-page-controller-one", org = org)],
        ),
        SenderKind::Region => {
            let mut s = section(
                t!(locale, "privacy-page-controller-heading"),
                vec![t!(locale, "privacy-page-controller-region", region = org)],
            );
            s.paragraphs
                .extend(sender.controllers.iter().map(|c| c.name.clone()));
            s
        }
    };
    for c in &sender.controllers {
        who.links.extend(contact_links(&c.name, &c.contact, locale));
    }
    sections.push(who);

    // Art. 13(1)(c): the purpose and the legal basis.
    sections.push(section(
        t!(locale, "privacy-page-purpose-heading"),
        vec![
            t!(locale, "privacy-page-purpose"),
            t!(locale, "privacy-page-basis"),
            t!(locale, "privacy-page-basis-email"),
        ],
    ));

    // What is stored, and what is not.
    sections.push(section(
        t!(locale, "privacy-page-stored-heading"),
        vec![
            t!(locale, "privacy-anonymous"),
            t!(locale, "privacy-kept"),
            t!(locale, "privacy-not-kept"),
            t!(locale, "privacy-address"),
        ],
    ));

    // The cookies, each with how long it lives.
    sections.push(section(
        t!(locale, "privacy-page-cookies-heading"),
        vec![
            t!(
                locale,
                "privacy-page-cookie-form",
                hours = state.config.form_token_hours
            ),
            t!(
                locale,
                "privacy-cookie",
                days = state.config.participation_cookie_days
            ),
            t!(
                locale,
                "privacy-page-cookie-language",
                days = LANGUAGE_COOKIE_DAYS
            ),
            t!(locale, "privacy-page-cookies-needed"),
        ],
    ));

    // Art. 13(2)(a): how long, from the settings the runner follows.
    let answers = match state.retention.responses_months {
        0 => t!(locale, "privacy-page-keep-answers-always"),
        months => t!(locale, "privacy-page-keep-answers", months = months),
    };
    sections.push(section(
        t!(locale, "privacy-page-keep-heading"),
        vec![
            answers,
            t!(
                locale,
                "privacy-page-keep-email",
                days = state.retention.email_days
            ),
        ],
    ));

    // Art. 13(1)(e): who receives the data.
    sections.push(section(
        t!(locale, "privacy-page-who-heading"),
        vec![
            t!(locale, "privacy-who"),
            t!(locale, "privacy-page-results", k = state.k_anonymity),
        ],
    ));

    // Art. 13(2)(b)-(d), (f): the resident's rights, automated decisions, complaints.
    let mut rights = section(
        t!(locale, "privacy-page-rights-heading"),
        vec![
            t!(locale, "privacy-page-rights"),
            t!(locale, "privacy-page-rights-anonymous"),
            t!(locale, "privacy-page-no-automated"),
            t!(locale, "privacy-page-complaint"),
        ],
    );
    rights.links.push(Link {
        href: "https://autoriteitpersoonsgegevens.nl".to_owned(),
        text: t!(locale, "privacy-page-authority"),
    });
    sections.push(rights);

    // Whom to contact.
    let mut contact = section(
        t!(locale, "privacy-page-contact-heading"),
        vec![t!(locale, "privacy-page-contact", org = org)],
    );
    contact
        .links
        .extend(contact_links(org, &sender.contact, locale));
    for c in std::iter::once((org, &sender.contact)).chain(
        sender
            .controllers
            .iter()
            .map(|c| (c.name.as_str(), &c.contact)),
    ) {
        if let Some(dpo) = &c.1.privacy_email
            && !contact
                .links
                .iter()
                .any(|l| l.href == format!("mailto:{dpo}"))
        {
            contact.links.push(Link {
                href: format!("mailto:{dpo}"),
                text: t!(
                    locale,
                    "privacy-page-officer",
                    org = c.0,
                    email = dpo.as_str()
                ),
            });
        }
    }
    sections.push(contact);
    sections
}

/// The accessibility statement of `sender`, in the order of the government's model.
fn accessibility_sections(state: &CollectorState, sender: &Sender, locale: Locale) -> Vec<Section> {
    let org = sender.name.as_str();
    let host = state.public_url.host_str().unwrap_or_default();
    let status = sender
        .contact
        .accessibility_status
        .as_deref()
        .unwrap_or("c");
    let mut scope = section(
        t!(locale, "a11y-scope-heading"),
        vec![t!(locale, "a11y-scope", org = org)],
    );
    scope.links.push(Link {
        href: state.public_link("/"),
        text: host.to_owned(),
    });
    let mut sections = vec![
        scope,
        section(
            t!(locale, "a11y-status-heading"),
            vec![t!(locale, "a11y-status", status = status)],
        ),
        section(
            t!(locale, "a11y-checked-heading"),
            vec![t!(locale, "a11y-checked"), t!(locale, "a11y-known")],
        ),
    ];
    if let Some(date) = sender.contact.accessibility_date {
        let at = date
            .and_hms_opt(12, 0, 0)
            .map(|d| d.and_utc())
            .map(|d| flits_resident_pages::local_time::local_moment(d, locale).date)
            .unwrap_or_default();
        sections[2]
            .paragraphs
            .push(t!(locale, "a11y-date", date = at));
    }
    let mut feedback = section(
        t!(locale, "a11y-feedback-heading"),
        vec![t!(locale, "a11y-feedback", org = org)],
    );
    feedback
        .links
        .extend(contact_links(org, &sender.contact, locale));
    if feedback.links.is_empty() {
        for c in &sender.controllers {
            feedback
                .links
                .extend(contact_links(&c.name, &c.contact, locale));
        }
    }
    sections.push(feedback);
    let mut enforcement = section(
        t!(locale, "a11y-enforcement-heading"),
        vec![t!(locale, "a11y-enforcement")],
    );
    enforcement.links.push(Link {
        href: "https://www.nationaleombudsman.nl".to_owned(),
        text: t!(locale, "a11y-ombudsman"),
    });
    enforcement.links.push(Link {
        href: "https://www.digitoegankelijk.nl".to_owned(),
        text: t!(locale, "a11y-more"),
    });
    sections.push(enforcement);
    sections
}

/// The language switch of a page at `path`: every resident language.
fn every_language(path: &str, locale: Locale) -> Vec<LanguageLink> {
    Locale::RESIDENT
        .iter()
        .map(|&other| LanguageLink {
            href: format!("{path}?lang={}", other.code()),
            code: other.code(),
            name: other.native_name(),
            current: other == locale,
        })
        .collect()
}

async fn document_page(
    state: &CollectorState,
    doc: Document,
    id: Option<&str>,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let path = match id {
        Some(i) => format!("{}/{i}", doc.path()),
        None => doc.path().to_owned(),
    };
    let (heading, intro, sections, sender) = match id {
        None => {
            let senders = crate::sender::all(state, locale).await;
            let heading = match doc {
                Document::Privacy => t!(locale, "privacy-index-heading"),
                Document::Accessibility => t!(locale, "a11y-index-heading"),
            };
            let list = Section {
                heading: t!(locale, "about-index-choose"),
                paragraphs: Vec::new(),
                links: senders
                    .iter()
                    .map(|s| Link {
                        href: format!("{}/{}?lang={}", doc.path(), s.id, locale.code()),
                        text: s.name.clone(),
                    })
                    .collect(),
            };
            (heading, Vec::new(), vec![list], None)
        }
        Some(i) => {
            let Some(sender) = crate::sender::by_id(state, i, locale).await else {
                let notice = Notice {
                    status: StatusCode::NOT_FOUND,
                    heading: t!(locale, "page-unknown-heading"),
                    paragraphs: vec![t!(locale, "page-unknown-text")],
                    link: Some((
                        format!("{}?lang={}", doc.path(), locale.code()),
                        t!(locale, "about-index-link"),
                    )),
                };
                return render_notice(state, None, locale, notice).await;
            };
            let org = sender.name.as_str();
            let (heading, intro, sections) = match doc {
                Document::Privacy => (
                    t!(locale, "privacy-page-heading", org = org),
                    vec![t!(locale, "privacy-page-intro")],
                    privacy_sections(state, &sender, locale),
                ),
                Document::Accessibility => (
                    t!(locale, "a11y-heading"),
                    vec![t!(locale, "a11y-intro", org = org), t!(locale, "a11y-law")],
                    accessibility_sections(state, &sender, locale),
                ),
            };
            (heading, intro, sections, Some(sender))
        }
    };
    let mut frame = chrome(
        state,
        ChromeOf {
            poll: None,
            locale,
            page_title: heading.clone(),
            link_preview: false,
            languages: every_language(&path, locale),
        },
    )
    .await;
    if let Some(s) = &sender {
        frame.org_name = s.name.clone();
        frame.logo_url = s.logo_url.clone();
        frame.footer = Footer::of(Some(&s.id), locale);
        if s.kind == SenderKind::Organisation
            && crate::theme::theme_for(state, &s.id).await.is_some()
        {
            frame.theme_css = Some(format!("/assets/theme/{}.css", s.id));
        }
    }
    let view = DocumentView {
        chrome: frame,
        heading,
        intro,
        sections,
    };
    Ok(html(
        StatusCode::OK,
        state.templates.render("about/document", &view)?,
    ))
}

async fn serve(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    doc: Document,
    id: Option<String>,
) -> Result<HttpResponse, PageError> {
    let locale = choose(&req, &Locale::RESIDENT, None);
    let page = document_page(&state, doc, id.as_deref(), locale).await;
    let mut res = page.map_err(|f| page_error(&state, &req, locale, f))?;
    if let Some(cookie) = remember(&req, locale, state.is_https())
        && let Err(e) = res.add_cookie(&cookie)
    {
        tracing::warn!(error = %e, "language cookie not set");
    }
    Ok(res)
}

/// `GET /privacy`: every organisation's and region's privacy page.
pub async fn privacy_index(
    req: HttpRequest,
    state: web::Data<CollectorState>,
) -> Result<HttpResponse, PageError> {
    serve(req, state, Document::Privacy, None).await
}

/// `GET /privacy/{id}`: the privacy page of an organisation or region.
pub async fn privacy(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    serve(req, state, Document::Privacy, Some(id.into_inner())).await
}

/// `GET /toegankelijkheid`: every organisation's and region's accessibility statement.
pub async fn accessibility_index(
    req: HttpRequest,
    state: web::Data<CollectorState>,
) -> Result<HttpResponse, PageError> {
    serve(req, state, Document::Accessibility, None).await
}

/// `GET /toegankelijkheid/{id}`: the accessibility statement of an organisation or region.
pub async fn accessibility(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    serve(req, state, Document::Accessibility, Some(id.into_inner())).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Dutch text of the privacy page and the accessibility statement, with arguments.
    fn dutch_texts() -> Vec<String> {
        let nl = Locale::Nl;
        vec![
            t!(nl, "privacy-page-heading", org = "Gemeente Velsen"),
            t!(nl, "privacy-page-intro"),
            t!(nl, "privacy-page-controller-one", org = "Gemeente Velsen"),
            t!(
                nl,
                "privacy-page-controller-region",
                region = "De IJmond-gemeenten"
            ),
            t!(nl, "privacy-page-purpose"),
            t!(nl, "privacy-page-basis"),
            t!(nl, "privacy-page-basis-email"),
            t!(nl, "privacy-anonymous"),
            t!(nl, "privacy-kept"),
            t!(nl, "privacy-not-kept"),
            t!(nl, "privacy-address"),
            t!(nl, "privacy-page-cookie-form", hours = 72u32),
            t!(nl, "privacy-cookie", days = 180u32),
            t!(nl, "privacy-page-cookie-language", days = 365i64),
            t!(nl, "privacy-page-cookies-needed"),
            t!(nl, "privacy-page-keep-answers", months = 24u32),
            t!(nl, "privacy-page-keep-answers-always"),
            t!(nl, "privacy-page-keep-email", days = 90u32),
            t!(nl, "privacy-who"),
            t!(nl, "privacy-page-results", k = 10u64),
            t!(nl, "privacy-page-rights"),
            t!(nl, "privacy-page-rights-anonymous"),
            t!(nl, "privacy-page-no-automated"),
            t!(nl, "privacy-page-complaint"),
            t!(nl, "privacy-page-contact", org = "Gemeente Velsen"),
            t!(nl, "privacy-summary-anonymous"),
            t!(
                nl,
                "privacy-summary-use-until",
                org = "Gemeente Velsen",
                months = 24u32
            ),
            t!(nl, "a11y-intro", org = "Gemeente Velsen"),
            t!(nl, "a11y-law"),
            t!(nl, "a11y-scope", org = "Gemeente Velsen"),
            t!(nl, "a11y-status", status = "a"),
            t!(nl, "a11y-status", status = "b"),
            t!(nl, "a11y-status", status = "c"),
            t!(nl, "a11y-status", status = "d"),
            t!(nl, "a11y-checked"),
            t!(nl, "a11y-known"),
            t!(nl, "a11y-feedback", org = "Gemeente Velsen"),
            t!(nl, "a11y-enforcement"),
        ]
    }

    #[test]
    fn the_dutch_privacy_and_accessibility_texts_get_no_plain_language_hints() {
        let hinted: Vec<_> = dutch_texts()
            .into_iter()
            .map(|text| (flits_survey::plain_language::check(&text), text))
            .filter(|(hints, _)| !hints.is_empty())
            .collect();
        assert!(hinted.is_empty(), "{hinted:#?}");
    }
}
