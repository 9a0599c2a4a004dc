//! The header's search box without JavaScript: `/{lang}/search/?q=…&go=1` answered with a
//! redirect (303) to the one resolution whose symbol the query is, found in the built
//! search index as the search page's script finds it (`search::Reader`).

use std::path::Path;

use percent_encoding::percent_decode_str;

use crate::model::Lang;
use crate::search::Reader;

/// Where a request for the search page leads instead, if anywhere: the path of the one
/// resolution its query names, for a query that asks to go there (`go=1`).
pub fn target(root: &Path, path: &str, query: Option<&str>) -> Option<String> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let lang = match segments[..] {
        [code, "search"] | [code, "search", "index.html"] => {
            Lang::parse(code).filter(|l| l.code() == code)?
        }
        _ => return None,
    };
    let params = parameters(query?);
    if !params.iter().any(|(k, v)| k == "go" && v == "1") {
        return None;
    }
    let (_, q) = params.iter().find(|(k, _)| k == "q")?;
    let mut reader = Reader::open(&root.join("search").join(lang.code())).ok()?;
    let page = reader.only_resolution(q).ok()??;
    Some(format!("/{page}"))
}

/// The parameters of a query string, `+` as a space and percent-decoded.
fn parameters(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| {
                percent_decode_str(&s.replace('+', " "))
                    .decode_utf8()
                    .ok()
                    .map(|c| c.into_owned())
            };
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded() {
        assert_eq!(
            parameters("q=res+78%2F7&go=1&x"),
            [
                ("q".to_string(), "res 78/7".to_string()),
                ("go".into(), "1".into()),
                ("x".into(), String::new())
            ]
        );
        assert_eq!(parameters("q=%FF"), []);
    }

    #[test]
    fn only_the_search_page_of_a_language_with_go_leads_elsewhere() {
        let root = Path::new("/nonexistent");
        assert_eq!(target(root, "/en/A/RES/78/7/", Some("q=78/7&go=1")), None);
        assert_eq!(target(root, "/xx/search/", Some("q=78/7&go=1")), None);
        assert_eq!(target(root, "/EN/search/", Some("q=78/7&go=1")), None);
        assert_eq!(target(root, "/../search/", Some("q=78/7&go=1")), None);
        assert_eq!(target(root, "/en/search/", Some("q=78/7")), None);
        assert_eq!(target(root, "/en/search/", None), None);
        // No index there: no redirect, the page is served.
        assert_eq!(target(root, "/en/search/", Some("q=78/7&go=1")), None);
    }
}
