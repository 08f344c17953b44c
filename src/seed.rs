//! Writing the configured regions, organisations and audiences to the database on start.

use flits_store::Store;

use crate::settings::{AudienceSetting, OrganisationSetting, RegionSetting, Settings};

/// Upserts the structure declared in the configuration, parents before children.
pub async fn write_configured_structure(
    store: &Store,
    settings: &Settings,
) -> Result<(), flits_store::StoreError> {
    write_structure(
        store,
        &settings.regions,
        &settings.organisations,
        &settings.audiences,
    )
    .await
}

/// Upserts regions, organisations and audiences as a configuration declares them (the demo's
/// too), parents before children.
pub async fn write_structure(
    store: &Store,
    regions: &[RegionSetting],
    organisations: &[OrganisationSetting],
    audiences: &[AudienceSetting],
) -> Result<(), flits_store::StoreError> {
    for r in regions {
        store.upsert_region(&r.id, &r.name).await?;
    }
    for o in organisations {
        store
            .upsert_organisation(o.id.as_str(), &o.region, &o.name)
            .await?;
    }
    // Parents first: repeat passes until every audience whose parent exists is written.
    let mut pending: Vec<_> = audiences.iter().collect();
    let mut written: std::collections::HashSet<String> =
        store.audiences().await?.into_iter().map(|a| a.id).collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut rest = Vec::new();
        for a in pending {
            if a.parent
                .as_ref()
                .is_none_or(|p| written.contains(p.as_str()))
            {
                store
                    .upsert_audience(
                        a.id.as_str(),
                        &a.name,
                        a.parent.as_ref().map(|p| p.as_str()),
                        a.organisation.as_ref().map(|o| o.as_str()),
                    )
                    .await?;
                written.insert(a.id.to_string());
            } else {
                rest.push(a);
            }
        }
        if rest.len() == before {
            let missing: Vec<_> = rest
                .iter()
                .map(|a| {
                    let parent = a.parent.as_ref().map_or("", |p| p.as_str());
                    format!("{} (parent {parent})", a.id)
                })
                .collect();
            return Err(flits_store::StoreError::NotFound(format!(
                "parent audience of {}",
                missing.join(", ")
            )));
        }
        pending = rest;
    }
    Ok(())
}
