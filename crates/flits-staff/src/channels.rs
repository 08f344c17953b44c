//! The configured channels (`[[channels]]`, README.md "Channels") as the staff service sees them:
//! their settings without secrets, to list them, offer them when scheduling and preview what each
//! would post, and the public address the posted links point to.

use std::sync::Arc;

use flits_bridge::ChannelSetting;
use url::Url;

/// The configured channels and the public URL of the links they post.
#[derive(Debug, Clone)]
pub struct Channels {
    settings: Arc<[ChannelSetting]>,
    public_url: Url,
}

impl Channels {
    /// The channels of the configuration, in its order, with links on `public_url`.
    pub fn new(settings: Vec<ChannelSetting>, public_url: Url) -> Channels {
        Channels {
            settings: settings.into(),
            public_url,
        }
    }

    /// Every configured channel, in the configuration's order.
    pub fn all(&self) -> &[ChannelSetting] {
        &self.settings
    }

    /// The channel with this id, when it is configured.
    pub fn get(&self, id: &str) -> Option<&ChannelSetting> {
        self.settings.iter().find(|c| c.id.as_str() == id)
    }

    /// Whether a channel with this id is configured.
    pub fn is_configured(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Where the posted links point (`FLITS_PUBLIC_URL`).
    pub fn public_url(&self) -> &Url {
        &self.public_url
    }
}
