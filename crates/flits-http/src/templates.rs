//! The handlebars templates of `templates/`, compiled into the binary so it runs from anywhere.

use handlebars::Handlebars;
use rust_embed::RustEmbed;
use serde::Serialize;

#[derive(RustEmbed)]
#[folder = "../../templates/"]
#[include = "*.hbs"]
struct TemplateFiles;

/// The template registry. Strict mode: a missing variable is an error, found by the tests.
#[derive(Debug)]
pub struct Templates {
    registry: Handlebars<'static>,
}

/// A template that failed to load or render.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("template could not be loaded: {0}")]
    Load(#[from] Box<handlebars::TemplateError>),
    #[error("template could not be rendered: {0}")]
    Render(#[from] Box<handlebars::RenderError>),
}

/// Escapes text for an HTML text node or a quoted attribute (`& < > " '`). Handlebars' default
/// also escapes `=` and backticks, which makes URLs in attributes (`?lang=nl`) unreadable to people
/// and tools that read the source, without making anything safer inside quotes.
pub fn escape_html(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

impl Templates {
    /// Loads every embedded template; named by path without `.hbs` (`poll/page`, `layout`).
    pub fn load() -> Result<Templates, TemplateError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        // `{{t "id" name=value}}`: every word comes from the catalogue, in the data's `lang`.
        flits_templates::register(&mut registry);
        registry.register_escape_fn(escape_html);
        registry
            .register_embed_templates_with_extension::<TemplateFiles>(".hbs")
            .map_err(Box::new)?;
        Ok(Templates { registry })
    }

    /// Renders a template with data.
    pub fn render<T: Serialize>(&self, name: &str, data: &T) -> Result<String, TemplateError> {
        Ok(self.registry.render(name, data).map_err(Box::new)?)
    }
}
