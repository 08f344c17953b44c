//! Every text a person reads, from one catalogue, in the language they read.
//!
//! The texts live in `locales/{lang}/*.ftl` (Project Fluent), embedded at compile time. Rust code
//! never holds a sentence: domain crates return codes and arguments, and the web and command-line
//! layers turn them into text with [`t!`] or [`Catalogue::format`], templates with the `{{t "id"}}`
//! helper of `flits-http` (this crate stays free of any web or template library).
//!
//! Residents are served in Dutch, English, Turkish, Polish and Arabic ([`Locale::RESIDENT`]); staff in
//! Dutch and English ([`Locale::STAFF`]). Files named `resident*.ftl` must hold the same messages in
//! all five languages, every other file the same messages in Dutch and English; the catalogue test
//! (`tests/catalogue.rs`) checks that, and that every argument a translation uses is passed where the
//! message is used.

mod catalogue;
mod locale;
mod negotiate;

pub use catalogue::{Arg, Catalogue, FormatError, catalogue};
pub use locale::{Locale, UnknownLocale};
pub use negotiate::negotiate;

/// Formats a message of the catalogue: `t!(locale, "id")` or `t!(locale, "id", name = value, …)`.
///
/// Values may be anything that converts into an [`Arg`] (strings and numbers).
#[macro_export]
macro_rules! t {
    ($locale:expr, $id:literal) => {
        $crate::catalogue().format($locale, $id, &[])
    };
    ($locale:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::catalogue().format(
            $locale,
            $id,
            &[$((stringify!($name), $crate::Arg::from($value))),+],
        )
    };
}
