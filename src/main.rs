//! `flits`: flash polls for municipalities that work together as a region.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = flits::cli::Cli::parse();
    flits::cli::run(cli).await
}
