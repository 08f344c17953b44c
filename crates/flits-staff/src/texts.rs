//! The words of the schedule and calendar pages (`templates/staff/schedule.hbs` and
//! `calendar.hbs`, as `t.…`), until those pages take their texts from the catalogue like every
//! other staff page (`locales/*/staff.ftl`). Delete this file then.

use flits_http::Lang;
use serde_json::{Value, json};

/// The texts of the schedule and calendar pages for one language, as template data (`t.…`).
pub fn ui_texts(lang: Lang) -> Value {
    match lang {
        Lang::Nl => json!({
            "schedule": "Inplannen",
            "opens_label": "Opent op (Nederlandse tijd)",
            "closes_label": "Sluit op (Nederlandse tijd)",
            "channels_label": "Kanalen (ids, gescheiden door spaties)",
            "override_label": "Reden om de afspraken over tussenruimte te negeren (alleen beheerders; komt in het logboek)",
            "conflicts_heading": "Waarom dit niet kan",
            "use_suggestion": "Gebruik de eerste vrije periode",
            "calendar_heading": "Kalender van de regio",
            "calendar_intro": "Alle peilingen in de regio met hun doelgroepen, en de stille perioden. Zo ziet u wat andere gemeenten plannen.",
            "view_list": "Lijst",
            "view_month": "Maand",
            "prev": "Vorige maand",
            "next": "Volgende maand",
            "col_audiences": "Doelgroepen",
            "col_state": "Status",
            "quiet_heading": "Stille perioden",
            "quiet": "stil",
            "feed_heading": "In uw eigen agenda",
            "feed_intro": "Maak een persoonlijke link voor Outlook of een andere agenda. De link geeft alleen leesrechten; een nieuwe link maakt de oude ongeldig.",
            "feed_button": "Maak een agendalink",
            "feed_new": "Uw agendalink (wordt niet nog eens getoond):",
            "col_poll": "Peiling",
            "col_opens": "Opent",
            "col_closes": "Sluit",
            "col_org": "Organisatie",
            "states": {"draft": "Concept", "scheduled": "Ingepland", "open": "Open", "closed": "Gesloten", "results_published": "Uitkomsten gepubliceerd", "archived": "Gearchiveerd"},
        }),
        Lang::En => json!({
            "schedule": "Schedule",
            "opens_label": "Opens at (Dutch time)",
            "closes_label": "Closes at (Dutch time)",
            "channels_label": "Channels (ids, separated by spaces)",
            "override_label": "Reason to override the spacing rules (admins only; written to the audit log)",
            "conflicts_heading": "Why this is not possible",
            "use_suggestion": "Use the first free period",
            "calendar_heading": "Calendar of the region",
            "calendar_intro": "Every poll in the region with its audiences, and the quiet periods, so you see what other municipalities plan.",
            "view_list": "List",
            "view_month": "Month",
            "prev": "Previous month",
            "next": "Next month",
            "col_audiences": "Audiences",
            "col_state": "State",
            "quiet_heading": "Quiet periods",
            "quiet": "quiet",
            "feed_heading": "In your own calendar",
            "feed_intro": "Make a personal link for Outlook or another calendar app. The link can only read; a new link makes the old one stop working.",
            "feed_button": "Make a calendar link",
            "feed_new": "Your calendar link (it will not be shown again):",
            "col_poll": "Poll",
            "col_opens": "Opens",
            "col_closes": "Closes",
            "col_org": "Organisation",
            "states": {"draft": "Draft", "scheduled": "Scheduled", "open": "Open", "closed": "Closed", "results_published": "Results published", "archived": "Archived"},
        }),
    }
}
