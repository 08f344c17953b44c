//! sea-orm entities, one per table. Kept apart from the hand-written queries in the crate root.

pub mod api_token;
pub mod audience;
pub mod audit_log;
pub mod channel_post;
pub mod feedback_subscriber;
pub mod job_run;
pub mod organisation;
pub mod poll;
pub mod poll_audience;
pub mod poll_channel;
pub mod poll_publication;
pub mod population_file;
pub mod population_margin;
pub mod region;
pub mod response;
pub mod staff_session;
pub mod staff_user;
