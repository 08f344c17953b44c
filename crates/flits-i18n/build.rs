//! The catalogue is embedded at compile time from `locales/`. Cargo tracks the files the macro
//! read, but not a file that is new; watching the directory makes a new `.ftl` file rebuild the
//! catalogue too, instead of leaving its messages missing until something else changes.

fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
