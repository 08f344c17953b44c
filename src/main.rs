//! `flits`: flash polls for municipalities that work together as a region.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: the export moves a million rows between threads
/// (allocated on one, freed on another), where glibc's allocator spent a quarter of the time
/// (README.md, "Benchmarks").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = flits::cli::Cli::parse();
    flits::cli::run(cli).await
}
