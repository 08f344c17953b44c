//! Regions, organisations and audiences: written idempotently, because both the configuration file
//! and `flits demo` declare them on every start.

use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, QueryOrder, Set};

use crate::entity::{audience, organisation, region};
use crate::{Store, StoreError};

impl Store {
    /// Creates or renames a region.
    pub async fn upsert_region(&self, id: &str, name: &str) -> Result<(), StoreError> {
        region::Entity::insert(region::ActiveModel {
            id: Set(id.into()),
            name: Set(name.into()),
        })
        .on_conflict(
            OnConflict::column(region::Column::Id)
                .update_column(region::Column::Name)
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        Ok(())
    }

    /// Creates or updates an organisation (municipality) of a region.
    pub async fn upsert_organisation(
        &self,
        id: &str,
        region_id: &str,
        name: &str,
    ) -> Result<(), StoreError> {
        organisation::Entity::insert(organisation::ActiveModel {
            id: Set(id.into()),
            region_id: Set(region_id.into()),
            name: Set(name.into()),
            theme: Set(None),
        })
        .on_conflict(
            OnConflict::column(organisation::Column::Id)
                .update_columns([organisation::Column::RegionId, organisation::Column::Name])
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        Ok(())
    }

    /// Creates or updates an audience. A parent must exist before its children.
    pub async fn upsert_audience(
        &self,
        id: &str,
        name: &str,
        parent_id: Option<&str>,
        organisation_id: Option<&str>,
    ) -> Result<(), StoreError> {
        audience::Entity::insert(audience::ActiveModel {
            id: Set(id.into()),
            name: Set(name.into()),
            parent_id: Set(parent_id.map(Into::into)),
            organisation_id: Set(organisation_id.map(Into::into)),
        })
        .on_conflict(
            OnConflict::column(audience::Column::Id)
                .update_columns([
                    audience::Column::Name,
                    audience::Column::ParentId,
                    audience::Column::OrganisationId,
                ])
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await?;
        Ok(())
    }

    /// Every region.
    pub async fn regions(&self) -> Result<Vec<region::Model>, StoreError> {
        Ok(region::Entity::find()
            .order_by_asc(region::Column::Id)
            .all(&self.db)
            .await?)
    }

    /// Every organisation.
    pub async fn organisations(&self) -> Result<Vec<organisation::Model>, StoreError> {
        Ok(organisation::Entity::find()
            .order_by_asc(organisation::Column::Id)
            .all(&self.db)
            .await?)
    }

    /// One organisation by id.
    pub async fn organisation(&self, id: &str) -> Result<Option<organisation::Model>, StoreError> {
        Ok(organisation::Entity::find_by_id(id.to_owned())
            .one(&self.db)
            .await?)
    }

    /// Every audience (the whole hierarchy).
    pub async fn audiences(&self) -> Result<Vec<audience::Model>, StoreError> {
        Ok(audience::Entity::find()
            .order_by_asc(audience::Column::Id)
            .all(&self.db)
            .await?)
    }
}
