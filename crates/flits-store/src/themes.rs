//! Organisations' design tokens: the `theme` column of `organisations`, as JSON text. What the
//! tokens mean and whether they are usable (contrast, safety) is the collector's business.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::entity::organisation;
use crate::{Store, StoreError};

impl Store {
    /// Stores (or with `None` removes) an organisation's design tokens.
    pub async fn set_organisation_theme(
        &self,
        id: &str,
        theme: Option<&str>,
    ) -> Result<(), StoreError> {
        let found = organisation::Entity::find_by_id(id.to_owned())
            .one(&self.db)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("organisation {id}")))?;
        let mut active: organisation::ActiveModel = found.into();
        active.theme = Set(theme.map(str::to_owned));
        active.update(&self.db).await?;
        Ok(())
    }
}
