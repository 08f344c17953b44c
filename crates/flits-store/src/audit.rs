//! The audit log: who did what and when (scheduling, overrides, tokens, users…). Rows are only
//! ever added.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entity::audit_log;
use crate::{Store, StoreError};

/// An audit event to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    /// Who acted: the staff user's e-mail address, or `cli:NAME` for the operator who ran a
    /// command (their login on the server); `None` for the system itself (the job runner).
    pub actor_email: Option<String>,
    /// A dotted, stable name such as `poll.scheduled`.
    pub action: String,
    pub poll_slug: Option<String>,
    /// Particulars as a JSON object. Never put answers, residents' addresses or tokens here.
    pub details: serde_json::Value,
}

/// A recorded audit event.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub action: String,
    pub poll_slug: Option<String>,
    pub details: serde_json::Value,
}

impl From<audit_log::Model> for AuditEntry {
    fn from(m: audit_log::Model) -> Self {
        AuditEntry {
            id: m.id,
            at: m.at,
            actor_email: m.actor_email,
            action: m.action,
            poll_slug: m.poll_slug,
            details: serde_json::from_str(&m.details)
                .unwrap_or(serde_json::Value::String(m.details)),
        }
    }
}

/// Which audit events to show: every field that is set narrows the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Who: an exact actor (`jan@velsen.nl`, `cli:beheer`), or [`AuditFilter::SYSTEM`] for the
    /// system's own events.
    pub actor: Option<String>,
    /// What: an exact action (`poll.cancelled`) or a family ending in a dot (`poll.`).
    pub action: Option<String>,
    /// When: from this moment on, inclusive.
    pub from: Option<DateTime<Utc>>,
    /// When: before this moment.
    pub until: Option<DateTime<Utc>>,
}

impl AuditFilter {
    /// The `actor` that asks for the system's own events (no actor stored).
    pub const SYSTEM: &'static str = "system";
}

/// Records an audit event at `at` on `db` (a connection or a transaction, so that an action and
/// its audit row are written together).
pub(crate) async fn insert_audit_on<C: ConnectionTrait>(
    db: &C,
    new: NewAudit,
    at: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    let id = Uuid::new_v4();
    audit_log::Entity::insert(audit_log::ActiveModel {
        id: Set(id),
        at: Set(at),
        actor_email: Set(new.actor_email),
        action: Set(new.action),
        poll_slug: Set(new.poll_slug),
        details: Set(new.details.to_string()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

impl Store {
    /// Records an audit event now; returns its id.
    pub async fn insert_audit(&self, new: NewAudit) -> Result<Uuid, StoreError> {
        insert_audit_on(&self.db, new, Utc::now()).await
    }

    /// Who scheduled the poll `slug` last (the `poll.scheduled` audit event's staff user): the
    /// poll's owner for reminders. Schedules from the command line (actor `cli:…`, the operator's
    /// login on the server, not an e-mail address) are passed over; `None` when every schedule
    /// came from there.
    pub async fn poll_owner(&self, slug: &str) -> Result<Option<String>, StoreError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        Ok(audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("poll.scheduled"))
            .filter(audit_log::Column::PollSlug.eq(slug))
            .filter(audit_log::Column::ActorEmail.is_not_null())
            .filter(audit_log::Column::ActorEmail.not_like("cli:%"))
            .order_by_desc(audit_log::Column::At)
            .one(&self.db)
            .await?
            .and_then(|m| m.actor_email))
    }

    /// The latest `limit` audit events that pass `filter`, newest first.
    pub async fn audit_entries_where(
        &self,
        filter: &AuditFilter,
        limit: u64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        let mut query = audit_log::Entity::find();
        match filter.actor.as_deref() {
            Some(AuditFilter::SYSTEM) => {
                query = query.filter(audit_log::Column::ActorEmail.is_null());
            }
            Some(actor) => query = query.filter(audit_log::Column::ActorEmail.eq(actor)),
            None => {}
        }
        match filter.action.as_deref() {
            Some(family) if family.ends_with('.') => {
                // A family is a prefix; `_` and `%` never occur in action names.
                query = query.filter(audit_log::Column::Action.starts_with(family));
            }
            Some(action) => query = query.filter(audit_log::Column::Action.eq(action)),
            None => {}
        }
        if let Some(from) = filter.from {
            query = query.filter(audit_log::Column::At.gte(from));
        }
        if let Some(until) = filter.until {
            query = query.filter(audit_log::Column::At.lt(until));
        }
        Ok(query
            .order_by_desc(audit_log::Column::At)
            .order_by_desc(audit_log::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(AuditEntry::from)
            .collect())
    }

    /// Every actor in the audit log, sorted (the system's own events have none): the choices of
    /// the log's "who" filter.
    pub async fn audit_actors(&self) -> Result<Vec<String>, StoreError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        let actors: Vec<Option<String>> = audit_log::Entity::find()
            .select_only()
            .column(audit_log::Column::ActorEmail)
            .filter(audit_log::Column::ActorEmail.is_not_null())
            .distinct()
            .order_by_asc(audit_log::Column::ActorEmail)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(actors.into_iter().flatten().collect())
    }

    /// The latest `limit` audit events, newest first.
    pub async fn audit_entries(&self, limit: u64) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(audit_log::Entity::find()
            .order_by_desc(audit_log::Column::At)
            .order_by_desc(audit_log::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(AuditEntry::from)
            .collect())
    }
}
