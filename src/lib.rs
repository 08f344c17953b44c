//! The `flits` binary's library: configuration, wiring of the services, and the CLI commands.
//! Integration tests build the real application through [`startup::Application`].

pub mod accounts;
pub mod channels;
pub mod cli;
pub mod demo;
pub mod export_cli;
pub mod operator;
pub mod poll_file;
pub mod population_cli;
pub mod schedule_cli;
pub mod seed;
pub mod settings;
pub mod startup;
pub mod stop_cli;
pub mod telemetry;
pub mod user_cli;
