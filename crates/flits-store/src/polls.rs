//! Polls: their definition, state and schedule.

use chrono::{DateTime, Utc};
use flits_survey::{PollDefinition, PollState};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::entity::{poll, poll_audience, poll_channel};
use crate::{Store, StoreError};

/// A stored poll, with its definition parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Poll {
    pub id: Uuid,
    pub slug: String,
    pub organisation_id: String,
    pub state: PollState,
    pub definition: PollDefinition,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<poll::Model> for Poll {
    type Error = StoreError;

    fn try_from(m: poll::Model) -> Result<Self, Self::Error> {
        let state = m
            .state
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("poll {}: {e}", m.slug)))?;
        let definition = PollDefinition::from_json_str(&m.definition)
            .map_err(|e| StoreError::Corrupt(format!("poll {} definition: {e}", m.slug)))?;
        Ok(Poll {
            id: m.id,
            slug: m.slug,
            organisation_id: m.organisation_id,
            state,
            definition,
            opens_at: m.opens_at,
            closes_at: m.closes_at,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// What is needed to store a new poll.
#[derive(Debug, Clone)]
pub struct NewPoll {
    pub organisation_id: String,
    pub state: PollState,
    pub definition: PollDefinition,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub channels: Vec<String>,
}

impl NewPoll {
    /// A new draft of `organisation_id`: not scheduled, on no channel yet. What the builder, the
    /// staff API and `flits poll import` store.
    pub fn draft(organisation_id: String, definition: PollDefinition) -> NewPoll {
        NewPoll {
            organisation_id,
            state: PollState::Draft,
            definition,
            opens_at: None,
            closes_at: None,
            channels: Vec::new(),
        }
    }
}

impl Store {
    /// Stores a new poll with its audiences (from the brief) and channels, in one transaction.
    pub async fn insert_poll(&self, new: NewPoll) -> Result<Poll, StoreError> {
        let now = Utc::now();
        let id = Uuid::new_v4();
        let slug = new.definition.slug.clone();
        let audiences = new
            .definition
            .brief
            .as_ref()
            .map(|b| b.audiences.clone())
            .unwrap_or_default();
        let txn = self.begin_write().await?;
        poll::ActiveModel {
            id: Set(id),
            slug: Set(slug.clone()),
            organisation_id: Set(new.organisation_id),
            state: Set(new.state.as_str().to_owned()),
            definition: Set(new.definition.to_json()),
            opens_at: Set(new.opens_at),
            closes_at: Set(new.closes_at),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        replace_links(&txn, id, &audiences, &new.channels).await?;
        txn.commit().await?;
        self.poll_by_slug(&slug)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("poll {slug}")))
    }

    /// Sets a poll's state and schedule (and its channels), as the demo does.
    pub async fn set_poll_schedule(
        &self,
        id: Uuid,
        state: PollState,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        poll::ActiveModel {
            id: Set(id),
            state: Set(state.as_str().to_owned()),
            opens_at: Set(opens_at),
            closes_at: Set(closes_at),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .update(&self.db)
        .await?;
        Ok(())
    }

    /// The poll with this id.
    pub async fn poll_by_id(&self, id: Uuid) -> Result<Option<Poll>, StoreError> {
        poll::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(Poll::try_from)
            .transpose()
    }

    /// The poll with this slug.
    pub async fn poll_by_slug(&self, slug: &str) -> Result<Option<Poll>, StoreError> {
        poll::Entity::find()
            .filter(poll::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .map(Poll::try_from)
            .transpose()
    }

    /// Every poll, newest first.
    pub async fn polls(&self) -> Result<Vec<Poll>, StoreError> {
        poll::Entity::find()
            .order_by_desc(poll::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(Poll::try_from)
            .collect()
    }

    /// How many polls exist.
    pub async fn count_polls(&self) -> Result<u64, StoreError> {
        Ok(poll::Entity::find().count(&self.db).await?)
    }

    /// The audience ids a poll is for.
    pub async fn poll_audiences(&self, poll_id: Uuid) -> Result<Vec<String>, StoreError> {
        Ok(poll_audience::Entity::find()
            .filter(poll_audience::Column::PollId.eq(poll_id))
            .order_by_asc(poll_audience::Column::AudienceId)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| m.audience_id)
            .collect())
    }

    /// The channel ids a poll is posted to.
    pub async fn poll_channels(&self, poll_id: Uuid) -> Result<Vec<String>, StoreError> {
        Ok(poll_channel::Entity::find()
            .filter(poll_channel::Column::PollId.eq(poll_id))
            .order_by_asc(poll_channel::Column::ChannelId)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| m.channel_id)
            .collect())
    }
}

/// Replaces a poll's audiences and channels (inside the caller's transaction).
pub(crate) async fn replace_links<C: sea_orm::ConnectionTrait>(
    db: &C,
    poll_id: Uuid,
    audiences: &[String],
    channels: &[String],
) -> Result<(), StoreError> {
    poll_audience::Entity::delete_many()
        .filter(poll_audience::Column::PollId.eq(poll_id))
        .exec(db)
        .await?;
    poll_channel::Entity::delete_many()
        .filter(poll_channel::Column::PollId.eq(poll_id))
        .exec(db)
        .await?;
    for audience_id in audiences {
        poll_audience::Entity::insert(poll_audience::ActiveModel {
            poll_id: Set(poll_id),
            audience_id: Set(audience_id.clone()),
        })
        .on_conflict(
            OnConflict::columns([
                poll_audience::Column::PollId,
                poll_audience::Column::AudienceId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    for channel_id in channels {
        poll_channel::Entity::insert(poll_channel::ActiveModel {
            poll_id: Set(poll_id),
            channel_id: Set(channel_id.clone()),
        })
        .on_conflict(
            OnConflict::columns([
                poll_channel::Column::PollId,
                poll_channel::Column::ChannelId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Replaces a poll's definition (and its audiences, from the brief). The caller checks that the
    /// lifecycle allows it.
    pub async fn replace_definition(
        &self,
        id: Uuid,
        definition: &PollDefinition,
    ) -> Result<(), StoreError> {
        let audiences = definition
            .brief
            .as_ref()
            .map(|b| b.audiences.clone())
            .unwrap_or_default();
        let channels = self.poll_channels(id).await?;
        let txn = self.begin_write().await?;
        poll::ActiveModel {
            id: Set(id),
            definition: Set(definition.to_json()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        replace_links(&txn, id, &audiences, &channels).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Deletes a draft and its links. Drafts have no responses or posts.
    pub async fn delete_draft(&self, id: Uuid) -> Result<(), StoreError> {
        let txn = self.begin_write().await?;
        replace_links(&txn, id, &[], &[]).await?;
        poll::Entity::delete_by_id(id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}
