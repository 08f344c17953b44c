//! Why an export did not finish.

/// Why an export did not finish. Its rows may have been partly written: callers that stream to a
/// client end the stream; `flits export` removes the file it was writing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] flits_store::StoreError),
    #[error("writing the export failed: {0}")]
    Write(#[from] std::io::Error),
    #[error("writing a CSV row failed: {0}")]
    Csv(#[from] csv::Error),
    /// The responses were deleted under `[retention]`; only the published figures are left.
    #[error(
        "the responses were deleted on {0} (data retention); only the published figures are kept"
    )]
    ResponsesDeleted(chrono::NaiveDate),
    /// Figures kept at deletion that no longer read (a bug, or an edited database).
    #[error("the figures kept after deleting the responses cannot be read: {0}")]
    RetainedFigures(#[from] serde_json::Error),
}
