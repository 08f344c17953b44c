//! Showing UTC instants to residents in Europe/Amsterdam, in their language.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_http::Lang;

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "28 november 2026 om 14:00" / "28 November 2026 at 14:00", in Amsterdam time.
pub fn format_moment(at: DateTime<Utc>, lang: Lang) -> String {
    let local = at.with_timezone(&Amsterdam);
    let month = local.month0() as usize;
    match lang {
        Lang::Nl => format!(
            "{} {} {} om {:02}:{:02}",
            local.day(),
            MONTHS_NL[month],
            local.year(),
            local.hour(),
            local.minute()
        ),
        Lang::En => format!(
            "{} {} {} at {:02}:{:02}",
            local.day(),
            MONTHS_EN[month],
            local.year(),
            local.hour(),
            local.minute()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn shows_amsterdam_time_across_dst() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        assert_eq!(format_moment(winter, Lang::Nl), "15 januari 2026 om 13:00");
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        assert_eq!(format_moment(summer, Lang::En), "1 July 2026 at 14:00");
    }
}
