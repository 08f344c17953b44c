//! Who a poll reached, compared with who lives in its audience, computed without I/O (issue 12):
//!
//! - [`population`]: the population margins of an audience (counts per option of a profile
//!   question) read from the import file, with their source, and summed over a region;
//! - [`representation`]: respondents against the population per margin, a representation index
//!   per group and a dissimilarity index per margin, under the small-cell rule of
//!   `flits-results`, and the groups a poll is missing;
//! - [`raking`]: weights fitted to the margins by iterative proportional fitting, trimmed at a
//!   cap, over the distinct patterns of profile values (so a million rows take no more memory
//!   than a hundred), with a convergence report;
//! - [`weights`]: Kish's effective sample size, the design effect, and weighted and unweighted
//!   shares with their 95% margins of error;
//! - [`sources`]: which channels brought the respondents of each group, under the small-cell rule;
//! - [`quarter`]: calendar quarters, for the trend of representation over the last 12 months.
//!
//! The crate returns numbers and codes; the services and the command line say them in the
//! reader's language.

pub mod population;
pub mod quarter;
pub mod raking;
pub mod representation;
pub mod sources;
pub mod weights;

pub use population::{Margin, MarginError, Margins, PopulationError, Provenance};
