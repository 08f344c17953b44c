//! The `{{t "id" name=value}}` template helper: every word of a page, an e-mail or a post from the
//! catalogue, in the language of the template data's top-level `lang`.
//!
//! Apart from `flits-i18n` so that the catalogue (which domain crates and storage use) stays free
//! of any template library, and shared by the web pages (`flits-http`) and the adapters that write
//! to the outside world (`flits-bridge`, e-mail).

use flits_i18n::{Arg, Locale};

/// Registers the `{{t "id" name=value}}` helper on a handlebars registry. It reads the language
/// from the template data's top-level `lang` field, so every page passes its [`Locale`] code there.
pub fn register(registry: &mut handlebars::Handlebars<'_>) {
    registry.register_helper("t", Box::new(TemplateHelper));
}

/// The `{{t}}` helper. fluent-templates ships one, but it panics on a page without `lang`; a
/// template mistake must fail that render, never take a server worker down.
struct TemplateHelper;

impl handlebars::HelperDef for TemplateHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        registry: &'reg handlebars::Handlebars<'reg>,
        context: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
        out: &mut dyn handlebars::Output,
    ) -> handlebars::HelperResult {
        use handlebars::RenderErrorReason;
        let id = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let locale = context
            .data()
            .get("lang")
            .and_then(|l| l.as_str())
            .and_then(|l| l.parse::<Locale>().ok())
            .ok_or_else(|| {
                RenderErrorReason::Other(format!("{{{{t {id:?}}}}} needs a top-level `lang`"))
            })?;
        let args: Vec<(&str, Arg)> = h
            .hash()
            .iter()
            .filter_map(|(name, value)| {
                let arg = match value.value() {
                    serde_json::Value::String(s) => Arg::Text(s.clone()),
                    serde_json::Value::Number(n) => Arg::Number(n.as_f64()?),
                    _ => return None,
                };
                Some((*name, arg))
            })
            .collect();
        // Escaped like any other value: arguments may come from what a person typed.
        let text = flits_i18n::catalogue().format(locale, id, &args);
        out.write(&registry.get_escape_fn()(&text))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_helper_reads_the_page_language_and_fails_without_one() {
        let mut hb = handlebars::Handlebars::new();
        register(&mut hb);
        let page = r#"{{t "required"}} / {{t "max-choices" count=n}}"#;
        let tr = hb
            .render_template(page, &serde_json::json!({"lang": "tr", "n": 2}))
            .unwrap();
        assert_eq!(tr, "zorunlu / En fazla 2 seçenek seçin.");
        let alt = hb
            .render_template(
                r#"{{t "poster-qr-alt" link=l}}"#,
                &serde_json::json!({"lang": "en", "l": "<b>x</b>"}),
            )
            .unwrap();
        assert_eq!(alt, "QR code with the link &lt;b&gt;x&lt;/b&gt;");
        assert!(
            hb.render_template(page, &serde_json::json!({"n": 2}))
                .is_err()
        );
        assert!(
            hb.render_template(page, &serde_json::json!({"lang": "xx", "n": 2}))
                .is_err()
        );
    }
}
