//! Who a poll speaks for. A resident trusts a poll by its sender: a regional poll (one whose
//! audience is a whole region, such as `ijmond`) speaks for the region ("De IJmond-gemeenten"),
//! not for the municipality whose staff happened to make it; a municipal poll speaks for its
//! municipality. The sender names the header, the link preview, the poster, and the privacy page
//! and accessibility statement the poll page links to.
//!
//! The names and contact details come from `[[regions]]` and `[[organisations]]` of the
//! configuration ([`Publishers`]); regions and organisations that only the database knows (made in
//! the staff UI) get their stored name and no contact details.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use flits_i18n::{Locale, t};
use flits_store::Poll;
use flits_store::entity::{organisation, region};

use crate::state::CollectorState;

/// How residents reach an organisation or region. Every field is optional: a page leaves out what
/// is not configured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// `https://…`: the way back from the thank-you page.
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The data protection officer (functionaris gegevensbescherming).
    pub privacy_email: Option<String>,
    /// The accessibility statement's compliance status, `a` to `d` (digitoegankelijk.nl).
    pub accessibility_status: Option<String>,
    /// When the accessibility statement was last checked.
    pub accessibility_date: Option<NaiveDate>,
}

impl Contact {
    /// What is wrong with these details (empty when usable); `what` names the setting.
    pub fn problems(&self, what: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(w) = &self.website
            && !(w.starts_with("https://") || w.starts_with("http://"))
        {
            problems.push(format!("{what}.website must start with https://"));
        }
        for (name, value) in [
            ("email", &self.email),
            ("privacy_email", &self.privacy_email),
        ] {
            if let Some(v) = value
                && flits_types::Email::parse(v).is_err()
            {
                problems.push(format!("{what}.{name} is not an e-mail address"));
            }
        }
        if let Some(s) = &self.accessibility_status
            && !["a", "b", "c", "d"].contains(&s.as_str())
        {
            problems.push(format!(
                "{what}.accessibility_status must be one of a, b, c, d"
            ));
        }
        problems
    }
}

/// A region's presentation and contact details from the configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegionProfile {
    /// Who a regional poll speaks for ("De IJmond-gemeenten").
    pub resident_name: Option<String>,
    /// The region's logo (checked like a theme's logo).
    pub logo_url: Option<String>,
    pub contact: Contact,
}

/// The configured regions and organisations, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publishers {
    pub regions: HashMap<String, RegionProfile>,
    pub organisations: HashMap<String, Contact>,
}

impl Publishers {
    /// What is wrong with the configured details (empty when usable).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (id, r) in &self.regions {
            problems.extend(r.contact.problems(&format!("regions[{id}]")));
            if let Some(l) = &r.logo_url
                && !crate::theme::safe_logo(l)
            {
                problems.push(format!(
                    "regions[{id}].logo_url must be a path on this site or a base64 data:image/svg+xml or data:image/png URL"
                ));
            }
        }
        for (id, c) in &self.organisations {
            problems.extend(c.problems(&format!("organisations[{id}]")));
        }
        problems
    }
}

/// Whether a sender is an organisation or a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderKind {
    Organisation,
    Region,
}

/// One organisation responsible for a poll's data (a controller under the GDPR).
#[derive(Debug, Clone)]
pub struct Controller {
    pub name: String,
    pub contact: Contact,
}

/// Who a page speaks for.
#[derive(Debug, Clone)]
pub struct Sender {
    pub kind: SenderKind,
    /// The organisation's or region's id: its privacy page is `/privacy/{id}`, its statement
    /// `/toegankelijkheid/{id}`.
    pub id: String,
    /// The name residents see.
    pub name: String,
    /// The logo, when there is one that the CSP lets through.
    pub logo_url: Option<String>,
    pub contact: Contact,
    /// Who is responsible for the data: the organisation, or each organisation of the region.
    pub controllers: Vec<Controller>,
}

impl Sender {
    /// The privacy page.
    pub fn privacy_path(&self) -> String {
        format!("/privacy/{}", self.id)
    }

    /// The accessibility statement.
    pub fn accessibility_path(&self) -> String {
        format!("/toegankelijkheid/{}", self.id)
    }
}

/// The region a poll is for as a whole, when one of its audiences is a region's.
fn regional<'a>(poll: &Poll, regions: &'a [region::Model]) -> Option<&'a region::Model> {
    let audiences = &poll.definition.brief.as_ref()?.audiences;
    regions
        .iter()
        .find(|r| audiences.iter().any(|a| a.as_str() == r.id))
}

fn organisation_sender(
    state: &CollectorState,
    org: &organisation::Model,
    logo_url: Option<String>,
) -> Sender {
    let contact = state
        .publishers
        .organisations
        .get(&org.id)
        .cloned()
        .unwrap_or_default();
    Sender {
        kind: SenderKind::Organisation,
        id: org.id.clone(),
        name: org.name.clone(),
        logo_url,
        controllers: vec![Controller {
            name: org.name.clone(),
            contact: contact.clone(),
        }],
        contact,
    }
}

fn region_sender(
    state: &CollectorState,
    region: &region::Model,
    organisations: &[organisation::Model],
    locale: Locale,
) -> Sender {
    let profile = state
        .publishers
        .regions
        .get(&region.id)
        .cloned()
        .unwrap_or_default();
    let name = profile
        .resident_name
        .clone()
        .unwrap_or_else(|| t!(locale, "sender-region", region = region.name.as_str()));
    let controllers = organisations
        .iter()
        .filter(|o| o.region_id == region.id)
        .map(|o| Controller {
            name: o.name.clone(),
            contact: state
                .publishers
                .organisations
                .get(&o.id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    Sender {
        kind: SenderKind::Region,
        id: region.id.clone(),
        name,
        logo_url: profile.logo_url,
        contact: profile.contact,
        controllers,
    }
}

/// The logo of an organisation's usable theme.
async fn organisation_logo(state: &CollectorState, org: &organisation::Model) -> Option<String> {
    crate::theme::usable_theme(state, &org.id, org.theme.as_deref()).and_then(|t| t.logo_url)
}

/// The regions and organisations, from the overview's cache (they change rarely and every
/// resident page needs them).
async fn structure(state: &CollectorState) -> Option<Arc<crate::listing::Listing>> {
    match state.caches.listing(&state.store).await {
        Ok(l) => Some(l),
        Err(e) => {
            tracing::warn!(error = %e, "regions and organisations lookup failed");
            None
        }
    }
}

/// Who `poll` speaks for; `None` only when the database does not answer.
pub async fn of_poll(state: &CollectorState, poll: &Poll, locale: Locale) -> Option<Sender> {
    let listing = structure(state).await?;
    let orgs = &listing.organisations;
    if let Some(region) = regional(poll, &listing.regions) {
        return Some(region_sender(state, region, orgs, locale));
    }
    let org = orgs.iter().find(|o| o.id == poll.organisation_id)?;
    let logo = organisation_logo(state, org).await;
    Some(organisation_sender(state, org, logo))
}

/// The sender whose id is `id`: an organisation, else a region (the paths of the privacy page and
/// the accessibility statement).
pub async fn by_id(state: &CollectorState, id: &str, locale: Locale) -> Option<Sender> {
    let listing = structure(state).await?;
    let orgs = &listing.organisations;
    if let Some(org) = orgs.iter().find(|o| o.id == id) {
        let logo = organisation_logo(state, org).await;
        return Some(organisation_sender(state, org, logo));
    }
    let region = listing.regions.iter().find(|r| r.id == id)?;
    Some(region_sender(state, region, orgs, locale))
}

/// Every organisation and region, for the pages that list them all.
pub async fn all(state: &CollectorState, locale: Locale) -> Vec<Sender> {
    let Some(listing) = structure(state).await else {
        return Vec::new();
    };
    let orgs = &listing.organisations;
    let mut senders: Vec<Sender> = listing
        .regions
        .iter()
        .map(|r| region_sender(state, r, orgs, locale))
        .collect();
    senders.extend(
        orgs.iter()
            .map(|o| organisation_sender(state, o, None))
            .collect::<Vec<_>>(),
    );
    senders
}
