//! What the public overview (`GET /`, `GET /feed.atom`, README.md "Public routes") reads: the polls
//! residents may see listed, their audiences and their publications, each in one query, so the
//! overview costs three queries however many polls there are.

use flits_survey::PollState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entity::{poll, poll_audience, poll_publication};
use crate::{Poll, Publication, Store, StoreError};

impl Store {
    /// The polls in any of `states`, newest first.
    pub async fn polls_in_states(&self, states: &[PollState]) -> Result<Vec<Poll>, StoreError> {
        poll::Entity::find()
            .filter(poll::Column::State.is_in(states.iter().map(|s| s.as_str())))
            .order_by_desc(poll::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(Poll::try_from)
            .collect()
    }

    /// The `(poll, audience)` pairs of the given polls.
    pub async fn audiences_of_polls(
        &self,
        poll_ids: &[Uuid],
    ) -> Result<Vec<(Uuid, String)>, StoreError> {
        if poll_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(poll_audience::Entity::find()
            .filter(poll_audience::Column::PollId.is_in(poll_ids.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| (m.poll_id, m.audience_id))
            .collect())
    }

    /// The publications of the given polls (polls without one are left out).
    pub async fn publications_of(&self, poll_ids: &[Uuid]) -> Result<Vec<Publication>, StoreError> {
        if poll_ids.is_empty() {
            return Ok(Vec::new());
        }
        poll_publication::Entity::find()
            .filter(poll_publication::Column::PollId.is_in(poll_ids.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(Publication::try_from)
            .collect()
    }
}
