//! A test that cannot run on this machine says so, and fails where every test must run.
//!
//! Some tests need what a developer's machine may lack: a PostgreSQL server
//! (`FLITS_TEST_POSTGRES_URL`), Chromium with chromedriver and axe-core, Python's `icalendar`, the
//! conformance script of the shared workplace. Without it such a test returns early, after
//! [`skipped`] has written a `SKIPPED` line straight to stderr (not through the test harness's
//! capture, so it shows in the output of a passing test). In CI (`CI=true`) or with
//! `FLITS_TEST_REQUIRE_ALL=1`, which `.ci/run` sets, a skip is a failure instead: there no test is
//! optional.
//!
//! ```ignore
//! if postgres_url().is_none() {
//!     return skip::skipped("my_test", "FLITS_TEST_POSTGRES_URL is not set");
//! }
//! ```

use std::io::Write;

/// Whether every test must run: `CI=true` or `FLITS_TEST_REQUIRE_ALL=1`.
pub fn every_test_must_run() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
        || std::env::var("FLITS_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1")
}

/// Reports that `test` did not run because of `why`: a `SKIPPED` line on stderr, or a failure
/// where every test must run.
#[track_caller]
pub fn skipped(test: &str, why: &str) {
    if every_test_must_run() {
        panic!(
            "{test} cannot run: {why}. With CI=true or FLITS_TEST_REQUIRE_ALL=1 no test may be skipped; .ci/run installs what the tests need."
        );
    }
    // Straight to the process's stderr: the harness captures only the print macros.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}
