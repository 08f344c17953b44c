//! Showing UTC instants to residents in Europe/Amsterdam, in their language.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_i18n::Locale;

/// A moment as residents read it: the date and the time of day, each already in the page's
/// language and in Amsterdam time. Sentences around them come from the catalogue
/// (`opens-at`, `closed-at`), so each language orders them its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalMoment {
    /// "28 november 2026", "28 listopada 2026"…
    pub date: String,
    /// "14:00".
    pub time: String,
}

/// The calendar conventions of each language, from the CLDR/glibc data chrono ships.
fn date_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::Nl => chrono::Locale::nl_NL,
        Locale::En => chrono::Locale::en_GB,
        Locale::Tr => chrono::Locale::tr_TR,
        Locale::Pl => chrono::Locale::pl_PL,
        // Egyptian Arabic uses the Gregorian month names most Arabic readers in the Netherlands
        // know (the Saudi locale shows Hijri-style names).
        Locale::Ar => chrono::Locale::ar_EG,
    }
}

/// `at` in Amsterdam time, written for a reader of `locale`.
pub fn local_moment(at: DateTime<Utc>, locale: Locale) -> LocalMoment {
    let local = at.with_timezone(&Amsterdam);
    LocalMoment {
        date: local
            .format_localized("%-d %B %Y", date_locale(locale))
            .to_string(),
        time: local.format("%H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn shows_amsterdam_time_across_dst_in_each_language() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let m = local_moment(winter, Locale::Nl);
        assert_eq!(
            (m.date.as_str(), m.time.as_str()),
            ("15 januari 2026", "13:00")
        );
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        assert_eq!(local_moment(summer, Locale::En).date, "1 July 2026");
        assert_eq!(local_moment(summer, Locale::En).time, "14:00");
        assert_eq!(local_moment(summer, Locale::Tr).date, "1 Temmuz 2026");
        let november = Utc.with_ymd_and_hms(2026, 11, 28, 13, 0, 0).unwrap();
        assert_eq!(local_moment(november, Locale::Pl).date, "28 listopada 2026");
        assert!(local_moment(november, Locale::Ar).date.contains("نوفمبر"));
    }
}
