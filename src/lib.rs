//! The `flits` binary's library: configuration, wiring of the services, and the CLI commands.
//! Integration tests build the real application through [`startup::Application`].

pub mod accounts;
pub mod channels;
pub mod cli;
pub mod demo;
pub mod poll_file;
pub mod scheduling;
pub mod seed;
pub mod settings;
pub mod staff_scheduler;
pub mod startup;
pub mod telemetry;
