//! What the public overview and its Atom feed list (README.md, "Public routes"): the open polls
//! and the published results of the region and its municipalities, newest first.
//!
//! `?org=ORG` narrows the list to what concerns one organisation's residents: its own polls, and
//! every poll whose audience overlaps one of the organisation's audiences, the rule spacing uses
//! (`flits_schedule::AudienceTree::overlaps`). So a poll for the whole region shows under each of
//! its municipalities, and a poll for a target group inside a municipality under that
//! municipality, but a neighbour's poll does not.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use flits_schedule::{Audience, AudienceTree};
use flits_store::entity::{organisation, region};
use flits_store::{Poll, Publication, Store, StoreError};
use flits_survey::PollState;

use crate::availability::{Availability, availability};

/// An open poll as listed.
#[derive(Debug, Clone)]
pub struct ListedPoll {
    pub poll: Poll,
    /// The audience ids it is for.
    pub audiences: Vec<String>,
}

/// A published result as listed.
#[derive(Debug, Clone)]
pub struct ListedResult {
    pub poll: Poll,
    pub audiences: Vec<String>,
    pub publication: Publication,
}

impl ListedResult {
    /// When the results last changed: published, or the newest "what we did" update.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.publication
            .updates
            .iter()
            .map(|u| u.at)
            .chain([self.publication.published_at])
            .max()
            .unwrap_or(self.publication.published_at)
    }
}

/// Everything the overview may list, read in a few queries and kept briefly (`cache.rs`).
#[derive(Debug)]
pub struct Listing {
    /// Polls in the `open` state, newest opening first (whether each still takes answers is
    /// decided when shown, like on the poll page).
    open: Vec<ListedPoll>,
    /// Published results, newest first.
    published: Vec<ListedResult>,
    /// Every region.
    pub regions: Vec<region::Model>,
    /// Every organisation, by name.
    pub organisations: Vec<organisation::Model>,
    /// Audience names by id.
    audience_names: HashMap<String, String>,
    /// The audiences of each organisation.
    org_audiences: HashMap<String, Vec<String>>,
    /// The hierarchy, when it is well-formed (without it only an organisation's own polls and
    /// polls for its own audiences are listed under it).
    tree: Option<AudienceTree>,
}

impl Listing {
    /// Reads the polls, audiences and organisations.
    pub async fn load(store: &Store) -> Result<Listing, StoreError> {
        let polls = store
            .polls_in_states(&[
                PollState::Open,
                PollState::ResultsPublished,
                PollState::Archived,
            ])
            .await?;
        let ids: Vec<_> = polls.iter().map(|p| p.id).collect();
        let mut audiences_of: HashMap<uuid::Uuid, Vec<String>> = HashMap::new();
        for (poll, audience) in store.audiences_of_polls(&ids).await? {
            audiences_of.entry(poll).or_default().push(audience);
        }
        let mut publications: HashMap<uuid::Uuid, Publication> = store
            .publications_of(&ids)
            .await?
            .into_iter()
            .map(|p| (p.poll_id, p))
            .collect();
        let mut open = Vec::new();
        let mut published = Vec::new();
        for poll in polls {
            let audiences = audiences_of.remove(&poll.id).unwrap_or_default();
            match poll.state {
                PollState::Open => open.push(ListedPoll { poll, audiences }),
                _ => {
                    if let Some(publication) = publications.remove(&poll.id) {
                        published.push(ListedResult {
                            poll,
                            audiences,
                            publication,
                        });
                    }
                }
            }
        }
        open.sort_by_key(|p| std::cmp::Reverse(p.poll.opens_at.unwrap_or(p.poll.created_at)));
        published.sort_by_key(|r| std::cmp::Reverse(r.publication.published_at));

        let audiences = store.audiences().await?;
        let tree = AudienceTree::new(
            audiences
                .iter()
                .map(|a| match &a.parent_id {
                    Some(parent) => Audience::child(&a.id, parent),
                    None => Audience::root(&a.id),
                })
                .collect(),
        )
        .map_err(|e| tracing::warn!(error = %e, "the audience hierarchy is not usable"))
        .ok();
        let mut org_audiences: HashMap<String, Vec<String>> = HashMap::new();
        for a in &audiences {
            if let Some(org) = &a.organisation_id {
                org_audiences
                    .entry(org.clone())
                    .or_default()
                    .push(a.id.clone());
            }
        }
        let mut organisations = store.organisations().await?;
        organisations.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Listing {
            regions: store.regions().await?,
            open,
            published,
            organisations,
            audience_names: audiences.into_iter().map(|a| (a.id, a.name)).collect(),
            org_audiences,
            tree,
        })
    }

    /// Whether a poll of `owner` for `audiences` concerns the residents of `org` (module docs).
    fn concerns(&self, owner: &str, audiences: &[String], org: &str) -> bool {
        if owner == org {
            return true;
        }
        let Some(own) = self.org_audiences.get(org) else {
            return false;
        };
        audiences.iter().any(|a| {
            own.iter().any(|o| match &self.tree {
                Some(tree) => tree.overlaps(a, o),
                None => a == o,
            })
        })
    }

    /// The polls that take answers at `now`, for everyone or for `org`.
    pub fn open(&self, org: Option<&str>, now: DateTime<Utc>) -> Vec<&ListedPoll> {
        self.open
            .iter()
            .filter(|p| availability(&p.poll, now) == Availability::Open)
            .filter(|p| org.is_none_or(|o| self.concerns(&p.poll.organisation_id, &p.audiences, o)))
            .collect()
    }

    /// The published results, for everyone or for `org`.
    pub fn published(&self, org: Option<&str>) -> Vec<&ListedResult> {
        self.published
            .iter()
            .filter(|r| org.is_none_or(|o| self.concerns(&r.poll.organisation_id, &r.audiences, o)))
            .collect()
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&organisation::Model> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The names of the audiences, as staff named them, in the order given.
    pub fn audience_names(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| self.audience_names.get(id).unwrap_or(id).clone())
            .collect()
    }
}
