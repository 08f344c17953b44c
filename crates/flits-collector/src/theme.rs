//! Theming per organisation through design tokens (CSS custom properties), so Beverwijk's poll
//! looks like Beverwijk. The tokens come from `[[collector.themes]]` in the configuration, or else
//! from the organisation's `theme` column (JSON of the same fields); they are served as a small
//! stylesheet (`/assets/theme/{organisation}.css`) because the CSP forbids inline styles.
//!
//! Colours are checked against WCAG 2.1 AA (4.5:1 for normal text): a configured theme that fails
//! stops start-up; a stored theme that fails is ignored with a warning and the default look is used.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::state::CollectorState;

/// The default primary colour (the stylesheet's `--flits-color-primary`).
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x01, 0x68, 0x9b);
/// The page background every theme is checked against.
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// WCAG 2.1 AA for normal text.
pub const AA_CONTRAST: f64 = 4.5;

fn default_primary_text() -> String {
    "#ffffff".to_owned()
}
fn default_text() -> String {
    "#1a1a1a".to_owned()
}

/// One organisation's design tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    /// The organisation id (e.g. `beverwijk`). Filled in from the row for stored themes.
    #[serde(default)]
    pub organisation: String,
    /// Header, buttons, links and selected options: `#rrggbb`; at least 4.5:1 on white.
    pub color_primary: String,
    /// Text on the primary colour; at least 4.5:1 on it.
    #[serde(default = "default_primary_text")]
    pub color_primary_text: String,
    /// Body text; at least 4.5:1 on white.
    #[serde(default = "default_text")]
    pub color_text: String,
    /// A CSS font stack of fonts residents already have (no web fonts are fetched).
    #[serde(default)]
    pub font_family: Option<String>,
    /// The logo: a path on this site (e.g. `/assets/logo/beverwijk.svg`, served by the proxy in
    /// front) or a `data:image/svg+xml;base64,…` / `data:image/png;base64,…` URL; other origins
    /// are blocked by the CSP.
    #[serde(default)]
    pub logo_url: Option<String>,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(
                u8::from_str_radix(hex.get(0..2)?, 16).ok()?,
                u8::from_str_radix(hex.get(2..4)?, 16).ok()?,
                u8::from_str_radix(hex.get(4..6)?, 16).ok()?,
            )),
            _ => None,
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn safe_font(s: &str) -> bool {
    !s.trim().is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " ,-_'\"".contains(c))
}

/// Whether a logo URL is one the CSP lets through and a stylesheet can hold safely.
pub fn safe_logo(s: &str) -> bool {
    let path = s.starts_with('/')
        && !s.starts_with("//")
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
    let data = ["data:image/svg+xml;base64,", "data:image/png;base64,"]
        .iter()
        .find_map(|prefix| s.strip_prefix(prefix))
        .is_some_and(|b64| {
            !b64.is_empty()
                && b64.len() <= 64 * 1024
                && b64
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        });
    path || data
}

impl ThemeConfig {
    /// What is wrong with this theme (empty when it is usable).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut colour = |name: &str, value: &str| match Rgb::parse(value) {
            Some(c) => Some(c),
            None => {
                problems.push(format!(
                    "`{name}` must be a colour like #01689b, found {value:?}"
                ));
                None
            }
        };
        let primary = colour("color_primary", &self.color_primary);
        let primary_text = colour("color_primary_text", &self.color_primary_text);
        let text = colour("color_text", &self.color_text);
        let mut low = |what: &str, a: Rgb, b: Rgb| {
            let ratio = contrast(a, b);
            if ratio < AA_CONTRAST {
                problems.push(format!(
                    "{what}: contrast {ratio:.2}:1 is below the 4.5:1 that WCAG 2.1 AA requires"
                ));
            }
        };
        if let (Some(p), Some(pt)) = (primary, primary_text) {
            low("color_primary_text on color_primary", pt, p);
        }
        if let Some(p) = primary {
            low("color_primary (links, buttons) on white", p, WHITE);
        }
        if let Some(t) = text {
            low("color_text on white", t, WHITE);
        }
        if self.organisation.is_empty() {
            problems.push("`organisation` is missing".to_owned());
        }
        if let Some(f) = &self.font_family
            && !safe_font(f)
        {
            problems.push(
                "`font_family` may hold only letters, digits, spaces, commas, quotes and dashes"
                    .to_owned(),
            );
        }
        if let Some(l) = &self.logo_url
            && !safe_logo(l)
        {
            problems.push(
                "`logo_url` must be a path on this site such as /assets/logo/beverwijk.svg or a base64 data:image/svg+xml or data:image/png URL (the CSP blocks other origins)"
                    .to_owned(),
            );
        }
        problems
    }

    /// The primary colour (falls back to the default when unparsable).
    pub fn primary(&self) -> Rgb {
        Rgb::parse(&self.color_primary).unwrap_or(DEFAULT_PRIMARY)
    }

    /// The stylesheet that sets the design tokens. Only called on themes without problems.
    pub fn css(&self) -> String {
        let mut css = String::from(":root {\n");
        let mut token = |name: &str, value: &str| css.push_str(&format!("  --{name}: {value};\n"));
        if let Some(c) = Rgb::parse(&self.color_primary) {
            token("flits-color-primary", &c.hex());
        }
        if let Some(c) = Rgb::parse(&self.color_primary_text) {
            token("flits-color-primary-text", &c.hex());
        }
        if let Some(c) = Rgb::parse(&self.color_text) {
            token("flits-color-text", &c.hex());
        }
        if let Some(f) = &self.font_family {
            token("flits-font-family", f);
        }
        if let Some(l) = &self.logo_url {
            token("flits-logo-url", &format!("url(\"{l}\")"));
            token("flits-logo-display", "inline-block");
        }
        css.push_str("}\n");
        css
    }
}

/// The usable theme of an organisation: the configured one, else a valid stored one (`stored` is
/// the organisation's `theme` column).
pub fn usable_theme(
    state: &CollectorState,
    organisation: &str,
    stored: Option<&str>,
) -> Option<ThemeConfig> {
    if let Some(t) = state
        .config
        .themes
        .iter()
        .find(|t| t.organisation == organisation)
    {
        return Some(t.clone());
    }
    let stored = stored?;
    let mut theme: ThemeConfig = match serde_json::from_str(stored) {
        Ok(t) => t,
        Err(e) => {
            tracing::warn!(organisation, error = %e, "stored theme is not valid JSON of design tokens: ignored");
            return None;
        }
    };
    theme.organisation = organisation.to_owned();
    let problems = theme.problems();
    if problems.is_empty() {
        Some(theme)
    } else {
        tracing::warn!(organisation, problems = ?problems, "stored theme fails WCAG AA or is unsafe: ignored");
        None
    }
}

/// [`usable_theme`], reading the stored theme from the database.
pub async fn theme_for(state: &CollectorState, organisation: &str) -> Option<ThemeConfig> {
    let configured = state
        .config
        .themes
        .iter()
        .any(|t| t.organisation == organisation);
    if configured {
        return usable_theme(state, organisation, None);
    }
    match state.caches.organisation(&state.store, organisation).await {
        Ok(org) => usable_theme(
            state,
            organisation,
            org.as_ref().and_then(|o| o.theme.as_deref()),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "theme lookup failed");
            None
        }
    }
}

/// `GET /assets/theme/{organisation}.css`: the organisation's design tokens (empty when none).
pub async fn stylesheet(
    state: web::Data<CollectorState>,
    organisation: web::Path<String>,
) -> HttpResponse {
    let css = theme_for(&state, &organisation)
        .await
        .map(|t| t.css())
        .unwrap_or_default();
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .body(css)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(primary: &str) -> ThemeConfig {
        ThemeConfig {
            organisation: "beverwijk".into(),
            color_primary: primary.into(),
            color_primary_text: default_primary_text(),
            color_text: default_text(),
            font_family: Some("\"Fira Sans\", Arial, sans-serif".into()),
            logo_url: Some("/assets/logo/beverwijk.svg".into()),
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 just-passing grey.
        let grey = contrast(Rgb::parse("#767676").unwrap(), WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse("01689b"), None);
    }

    #[test]
    fn good_themes_pass_and_pale_or_unsafe_ones_are_refused() {
        assert!(theme("#01689b").problems().is_empty());
        assert!(theme("#c00000").problems().is_empty());
        let pale = theme("#ffcc00").problems();
        assert_eq!(pale.len(), 2, "{pale:?}");
        let mut sneaky = theme("#01689b");
        sneaky.font_family = Some("x; } body { display: none".into());
        sneaky.logo_url = Some("https://tracker.example/pixel.gif".into());
        assert_eq!(sneaky.problems().len(), 2);
        let css = theme("#01689B").css();
        assert!(css.contains("--flits-color-primary: #01689b;"));
        assert!(css.contains("--flits-logo-url: url(\"/assets/logo/beverwijk.svg\");"));
    }
}
