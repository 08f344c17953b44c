//! Reading a query string leniently: a malformed query is the same as a missing parameter, so a
//! mistyped link still shows a page.

/// One parameter of a query string, without failing on anything malformed.
pub fn url_query_param(query: &str, name: &str) -> Option<String> {
    actix_web::web::Query::<Vec<(String, String)>>::from_query(query)
        .ok()?
        .into_inner()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_one_parameter_decoded() {
        assert_eq!(
            url_query_param("view=month&lang=en", "lang").as_deref(),
            Some("en")
        );
        assert_eq!(
            url_query_param("title=a%20b", "title").as_deref(),
            Some("a b")
        );
        assert_eq!(url_query_param("lang=en", "month"), None);
        assert_eq!(url_query_param("", "lang"), None);
    }
}
