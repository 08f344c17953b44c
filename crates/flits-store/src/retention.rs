//! Data retention: a published poll's responses are deleted some months after its results came
//! out. The figures shown on the results page are kept (under the small-cell rule, as published),
//! so the "you said, we did" page outlives the answers behind it.
//!
//! Deleting is one transaction: the publication takes the figures and the time, the responses go,
//! the audit log and `job_runs` record it. The conditional update on the publication is what makes
//! it happen once across runner instances.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, RelationDef,
};
use uuid::Uuid;

use crate::audit::insert_audit_on;
use crate::entity::{poll, poll_publication, response};
use crate::jobs::insert_job_run;
use crate::{JobKind, NewAudit, Store, StoreError};
use flits_survey::PollState;

/// A published poll whose responses are due for deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDeletion {
    pub poll_id: Uuid,
    pub slug: String,
    pub published_at: DateTime<Utc>,
}

/// The figures kept of a poll whose responses were deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetainedFigures {
    /// The figures as JSON, written by whoever deleted the responses.
    pub figures: String,
    pub deleted_at: DateTime<Utc>,
}

fn publication_of_poll() -> RelationDef {
    poll_publication::Entity::belongs_to(poll::Entity)
        .from(poll_publication::Column::PollId)
        .to(poll::Column::Id)
        .into()
}

impl Store {
    /// Published polls whose results came out at or before `published_before` and whose
    /// responses are still kept, oldest publication first, at most `limit`.
    pub async fn due_response_deletions(
        &self,
        published_before: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DueDeletion>, StoreError> {
        let rows: Vec<(Uuid, String, DateTime<Utc>)> = poll_publication::Entity::find()
            .select_only()
            .column(poll_publication::Column::PollId)
            .column(poll::Column::Slug)
            .column(poll_publication::Column::PublishedAt)
            .join(JoinType::InnerJoin, publication_of_poll())
            .filter(poll::Column::State.eq(PollState::ResultsPublished.as_str()))
            .filter(poll_publication::Column::PublishedAt.lte(published_before))
            .filter(poll_publication::Column::ResponsesDeletedAt.is_null())
            .order_by_asc(poll_publication::Column::PublishedAt)
            .limit(limit)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(poll_id, slug, published_at)| DueDeletion {
                poll_id,
                slug,
                published_at,
            })
            .collect())
    }

    /// Deletes the poll's responses and keeps `figures` (JSON) in their place; the number of
    /// responses deleted, or `None` when they were already deleted (by another instance).
    pub async fn delete_responses_keeping_figures(
        &self,
        due: &DueDeletion,
        figures: String,
        months: u32,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, StoreError> {
        let txn = self.begin_write().await?;
        let claimed = poll_publication::Entity::update_many()
            .col_expr(
                poll_publication::Column::RetainedFigures,
                Expr::value(Some(figures)),
            )
            .col_expr(
                poll_publication::Column::ResponsesDeletedAt,
                Expr::value(Some(now)),
            )
            .filter(poll_publication::Column::PollId.eq(due.poll_id))
            .filter(poll_publication::Column::ResponsesDeletedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed != 1 {
            txn.rollback().await?;
            return Ok(None);
        }
        let deleted = response::Entity::delete_many()
            .filter(response::Column::PollId.eq(due.poll_id))
            .exec(&txn)
            .await?
            .rows_affected;
        let details = serde_json::json!({
            "responses": deleted,
            "published_at": due.published_at,
            "after_months": months,
        });
        insert_job_run(
            &txn,
            due.poll_id,
            JobKind::DeleteResponses,
            "done",
            now,
            now,
            details.clone(),
        )
        .await?;
        insert_audit_on(
            &txn,
            NewAudit {
                actor_email: None,
                action: "poll.responses_deleted".to_owned(),
                poll_slug: Some(due.slug.clone()),
                details,
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(Some(deleted))
    }

    /// The figures kept when the poll's responses were deleted; `None` while they are kept.
    pub async fn retained_figures(
        &self,
        poll_id: Uuid,
    ) -> Result<Option<RetainedFigures>, StoreError> {
        let row = poll_publication::Entity::find_by_id(poll_id)
            .one(&self.db)
            .await?;
        Ok(
            row.and_then(|p| match (p.retained_figures, p.responses_deleted_at) {
                (Some(figures), Some(deleted_at)) => Some(RetainedFigures {
                    figures,
                    deleted_at,
                }),
                _ => None,
            }),
        )
    }
}
