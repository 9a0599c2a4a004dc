//! Open data: each resolution as JSON beside its page, a catalogue of the whole archive
//! (JSON Lines and CSV, one resolution per line), and the schema.org `Legislation`
//! JSON-LD of each resolution page. The formats are documented in `docs/open-data.md`;
//! a change to them is a change of `FORMAT_VERSION`.

use serde::Serialize;

use super::citation;
use super::terms;
use crate::cite::Target;
use crate::model::{Lang, Resolution, Vote};
use crate::output::urls;
use crate::render::{Body, Linker};
use crate::site::Site;
use crate::theme::Strings;

/// The version of the data formats; it changes only when a field changes meaning or goes.
pub const FORMAT_VERSION: u32 = 1;

/// How a resolution was adopted.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum VoteData {
    WithoutVote,
    Recorded {
        in_favour: u32,
        against: u32,
        abstentions: u32,
    },
}

fn vote(v: Option<&Vote>) -> Option<VoteData> {
    Some(match v? {
        Vote::WithoutAVote => VoteData::WithoutVote,
        Vote::Recorded {
            in_favour,
            against,
            abstentions,
        } => VoteData::Recorded {
            in_favour: *in_favour,
            against: *against,
            abstentions: *abstentions,
        },
    })
}

/// A language version of a resolution, as `/{lang}/{symbol}/index.json`.
#[derive(Serialize)]
struct ResolutionData<'a> {
    format_version: u32,
    symbol: &'a str,
    lang: &'static str,
    title: &'a str,
    url: String,
    organ: &'static str,
    session: Option<String>,
    adopted: String,
    issued: Option<String>,
    meeting: Option<u32>,
    agenda_items: &'a [String],
    /// Each agenda item's title and heading in the session's agenda, from `data/`.
    agenda: Vec<terms::AgendaItemData<'a>>,
    committee: Option<&'a str>,
    report: Option<&'a str>,
    distribution: Option<&'a str>,
    vote: Option<VoteData>,
    /// How each Member State voted, from `data/`, by country code.
    member_votes: Option<Vec<MemberVoteData<'a>>>,
    subjects: &'a [String],
    /// Each subject's UNBIS concept, from `data/`.
    subject_terms: Vec<terms::SubjectData<'a>>,
    draft: bool,
    citation: String,
    translations: Vec<Translation<'a>>,
    previous: Option<&'a str>,
    next: Option<&'a str>,
    paragraphs: Vec<ParagraphData<'a>>,
    citations: Vec<CitationData>,
    cited_by: Vec<CitedBy<'a>>,
}

#[derive(Serialize)]
struct MemberVoteData<'a> {
    /// ISO 3166-1 alpha-2.
    country: &'a str,
    /// `yes`, `no`, `abstain` or `absent`.
    vote: &'static str,
}

/// How each Member State voted on a resolution, when `data/` says.
fn member_votes<'a>(site: &'a Site, r: &Resolution) -> Option<Vec<MemberVoteData<'a>>> {
    let votes = site.votes.get(&r.symbol)?;
    Some(
        votes
            .ballots
            .iter()
            .map(|(country, ballot)| MemberVoteData {
                country,
                vote: ballot.key(),
            })
            .collect(),
    )
}

#[derive(Serialize)]
struct Translation<'a> {
    lang: &'static str,
    title: &'a str,
    url: String,
    data: String,
}

#[derive(Serialize)]
struct ParagraphData<'a> {
    id: Option<&'a str>,
    text: &'a str,
}

/// A citation in the text, where it stands and where it leads.
#[derive(Serialize, PartialEq)]
struct CitationData {
    /// The symbol cited: `A/RES/65/230`, `A/73/590`.
    target: String,
    /// `resolution` or `document`.
    kind: &'static str,
    /// The paragraph of this resolution it stands in (`pp-3`, `op-2`).
    paragraph: Option<String>,
    /// The operative paragraph of the cited resolution it points at.
    pinpoint: Option<u32>,
    /// The page in the archive, or the resolver's URL; none when neither has it.
    url: Option<String>,
    in_archive: bool,
}

#[derive(Serialize)]
struct CitedBy<'a> {
    symbol: &'a str,
    lang: &'static str,
    title: &'a str,
    /// The citing paragraph.
    paragraph: Option<&'a str>,
    url: String,
}

/// Turns a root-relative URL of the site into the full one when the host is known.
fn full(site: &Site, url: String) -> String {
    match url.strip_prefix(site.urls.base()) {
        Some(rest) if site.urls.has_host() => site.urls.best(rest),
        _ => url,
    }
}

/// `/{lang}/{symbol}/index.json` of the archive's resolution `index`.
pub fn resolution_json(site: &Site, bodies: &[Body], index: usize) -> String {
    let archive = &site.archive;
    let r = archive.resolution(index);
    let body = &bodies[index];
    let paragraphs = body.paragraphs();
    let work = archive.work_of(&r.symbol);
    let linker = site.linker();
    let translations = archive
        .versions(&r.symbol)
        .iter()
        .map(|&i| archive.resolution(i))
        .filter(|v| v.lang != r.lang)
        .map(|v| Translation {
            lang: v.lang.code(),
            title: &v.title,
            url: site.urls.best(&urls::resolution(v.lang, &v.symbol)),
            data: site.urls.best(&urls::resolution_json(v.lang, &v.symbol)),
        })
        .collect();
    let mut citations: Vec<CitationData> = Vec::new();
    for f in &body.citations {
        let (symbol, kind, in_archive) = match &f.target {
            Target::Resolution(s) => (s.as_str(), "resolution", archive.work_of(s).is_some()),
            Target::Document(d) => (d.as_str(), "document", false),
            Target::Unlinkable(_) => continue,
        };
        let c = CitationData {
            target: symbol.to_string(),
            kind,
            paragraph: f.anchor.clone(),
            pinpoint: f.paragraph,
            url: linker
                .href(&f.target, f.paragraph, r.lang)
                .map(|h| full(site, h.url)),
            in_archive,
        };
        if !citations.contains(&c) {
            citations.push(c);
        }
    }
    let symbol_of = |w: usize| archive.works()[w].0.as_str();
    let cited_by = work
        .map(|w| site.graph.cited_by(w))
        .unwrap_or_default()
        .iter()
        .map(|b| {
            let v = archive.resolution(archive.best_version(b.work, r.lang));
            let mut url = site.urls.best(&urls::resolution(v.lang, &v.symbol));
            if let Some(anchor) = &b.anchor {
                url.push('#');
                url.push_str(anchor);
            }
            CitedBy {
                symbol: v.symbol.as_str(),
                lang: v.lang.code(),
                title: &v.title,
                paragraph: b.anchor.as_deref(),
                url,
            }
        })
        .collect();
    let data = ResolutionData {
        format_version: FORMAT_VERSION,
        symbol: r.symbol.as_str(),
        lang: r.lang.code(),
        title: &r.title,
        url: site.urls.best(&urls::resolution(r.lang, &r.symbol)),
        organ: r.symbol.organ().key(),
        session: r.session.map(|s| s.key()),
        adopted: r.adopted.to_string(),
        issued: r.issued.map(|d| d.to_string()),
        meeting: r.meeting,
        agenda_items: &r.agenda_items,
        agenda: terms::agenda(site, r),
        committee: r.committee.as_deref(),
        report: r.report.as_deref(),
        distribution: r.distribution.as_deref(),
        vote: vote(site.vote_of(r).as_ref()),
        member_votes: member_votes(site, r),
        subjects: &r.subjects,
        subject_terms: terms::subjects(site, r),
        draft: r.draft,
        citation: citation::citation(site, Strings::built_in(r.lang), r).text,
        translations,
        previous: work.and_then(|w| site.graph.previous(w)).map(symbol_of),
        next: work.and_then(|w| site.graph.next(w)).map(symbol_of),
        paragraphs: paragraphs
            .iter()
            .map(|p| ParagraphData {
                id: p.id.as_deref(),
                text: &p.text,
            })
            .collect(),
        citations,
        cited_by,
    };
    let mut out = serde_json::to_string_pretty(&data).unwrap_or_default();
    out.push('\n');
    out
}

/// One resolution (all its language versions) in the catalogue.
#[derive(Serialize)]
struct CatalogueEntry<'a> {
    symbol: &'a str,
    organ: &'static str,
    session: Option<String>,
    adopted: String,
    meeting: Option<u32>,
    committee: Option<&'a str>,
    report: Option<&'a str>,
    agenda_items: &'a [String],
    agenda: Vec<terms::AgendaItemData<'a>>,
    vote: Option<VoteData>,
    /// How each Member State voted, from `data/`, by country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    member_votes: Option<Vec<MemberVoteData<'a>>>,
    url: String,
    languages: Vec<&'static str>,
    versions: Vec<CatalogueVersion<'a>>,
}

#[derive(Serialize)]
struct CatalogueVersion<'a> {
    lang: &'static str,
    title: &'a str,
    subjects: &'a [String],
    subject_terms: Vec<terms::SubjectData<'a>>,
    url: String,
    data: String,
}

/// The version whose language-independent fields (date, vote, meeting …) the catalogue
/// shows: the one in the site's default language, else the first.
fn main_version(site: &Site, work: usize) -> &Resolution {
    site.archive.resolution(
        site.archive
            .best_version(work, site.config.default_language),
    )
}

/// `data/resolutions.jsonl`: one JSON object per resolution, in symbol order.
pub fn catalogue_jsonl(site: &Site) -> String {
    let archive = &site.archive;
    let mut out = String::new();
    for (w, (symbol, versions)) in archive.works().iter().enumerate() {
        let r = main_version(site, w);
        let versions: Vec<&Resolution> = versions.iter().map(|&i| archive.resolution(i)).collect();
        let entry = CatalogueEntry {
            symbol: symbol.as_str(),
            organ: symbol.organ().key(),
            session: r.session.map(|s| s.key()),
            adopted: r.adopted.to_string(),
            meeting: r.meeting,
            committee: r.committee.as_deref(),
            report: r.report.as_deref(),
            agenda_items: &r.agenda_items,
            agenda: terms::agenda(site, r),
            vote: vote(site.vote_of(r).as_ref()),
            member_votes: member_votes(site, r),
            url: site.urls.best(&urls::symbol(symbol)),
            languages: versions.iter().map(|v| v.lang.code()).collect(),
            versions: versions
                .iter()
                .map(|v| CatalogueVersion {
                    lang: v.lang.code(),
                    title: &v.title,
                    subjects: &v.subjects,
                    subject_terms: terms::subjects(site, v),
                    url: site.urls.best(&urls::resolution(v.lang, &v.symbol)),
                    data: site.urls.best(&urls::resolution_json(v.lang, &v.symbol)),
                })
                .collect(),
        };
        out.push_str(&serde_json::to_string(&entry).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The columns of `data/resolutions.csv`.
pub const CSV_COLUMNS: [&str; 24] = [
    "symbol",
    "organ",
    "session",
    "adopted",
    "meeting",
    "committee",
    "report",
    "agenda_items",
    "agenda_titles",
    "vote",
    "in_favour",
    "against",
    "abstentions",
    "languages",
    "title_ar",
    "title_zh",
    "title_en",
    "title_fr",
    "title_ru",
    "title_es",
    "subjects",
    "subject_uris",
    "url",
    "member_votes",
];

/// `data/resolutions.csv`: RFC 4180, UTF-8, a header line, one resolution per line; lists
/// within a field are separated by `; `.
pub fn catalogue_csv(site: &Site) -> Result<Vec<u8>, csv::Error> {
    let archive = &site.archive;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for (work, (symbol, versions)) in archive.works().iter().enumerate() {
        let r = main_version(site, work);
        let title = |lang: Lang| {
            versions
                .iter()
                .map(|&i| archive.resolution(i))
                .find(|v| v.lang == lang)
                .map_or(String::new(), |v| v.title.clone())
        };
        let (kind, in_favour, against, abstentions) = match &site.vote_of(r) {
            None => (String::new(), String::new(), String::new(), String::new()),
            Some(Vote::WithoutAVote) => (
                "without_vote".into(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Some(Vote::Recorded {
                in_favour,
                against,
                abstentions,
            }) => (
                "recorded".into(),
                in_favour.to_string(),
                against.to_string(),
                abstentions.to_string(),
            ),
        };
        let languages: Vec<&str> = versions
            .iter()
            .map(|&i| archive.resolution(i).lang.code())
            .collect();
        let mut record = vec![
            symbol.as_str().to_string(),
            symbol.organ().key().to_string(),
            r.session.map(|s| s.key()).unwrap_or_default(),
            r.adopted.to_string(),
            r.meeting.map(|m| m.to_string()).unwrap_or_default(),
            r.committee.clone().unwrap_or_default(),
            r.report.clone().unwrap_or_default(),
            r.agenda_items.join("; "),
            terms::agenda(site, r)
                .iter()
                .map(|a| a.title.unwrap_or(""))
                .collect::<Vec<_>>()
                .join("; "),
            kind,
            in_favour,
            against,
            abstentions,
            languages.join("; "),
        ];
        record.extend(Lang::ALL.into_iter().map(title));
        let subjects = terms::subjects(site, r);
        record.push(r.subjects.join("; "));
        record.push(
            subjects
                .iter()
                .map(|s| s.uri.as_deref().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("; "),
        );
        record.push(site.urls.best(&urls::symbol(symbol)));
        record.push(member_votes_field(site, r));
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The `member_votes` field of the CSV catalogue: `AD:no; AE:yes; …`, by country code.
fn member_votes_field(site: &Site, r: &Resolution) -> String {
    member_votes(site, r).map_or(String::new(), |votes| {
        votes
            .iter()
            .map(|m| format!("{}:{}", m.country, m.vote))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

#[derive(Serialize)]
struct JsonLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    url: String,
    name: &'a str,
    #[serde(rename = "legislationIdentifier")]
    identifier: &'a str,
    #[serde(rename = "legislationDate")]
    date: String,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(rename = "legislationPassedBy")]
    passed_by: Organization,
    #[serde(rename = "inLanguage")]
    in_language: &'static str,
    #[serde(rename = "workTranslation", skip_serializing_if = "Vec::is_empty")]
    translations: Vec<JsonLdTranslation<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keywords: &'a [String],
    /// The subjects' UNBIS concepts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    about: Vec<terms::DefinedTerm<'a>>,
    /// The agenda items it was adopted under.
    #[serde(rename = "isPartOf", skip_serializing_if = "Vec::is_empty")]
    agenda: Vec<terms::AgendaPart<'a>>,
    /// The totals of a recorded vote, and the countries that voted each way.
    #[serde(rename = "additionalProperty", skip_serializing_if = "Vec::is_empty")]
    votes: Vec<PropertyValue>,
    #[serde(rename = "encoding")]
    data: MediaObject,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(rename = "parentOrganization", skip_serializing_if = "Option::is_none")]
    parent: Option<Box<Organization>>,
}

#[derive(Serialize)]
struct JsonLdTranslation<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: &'a str,
    #[serde(rename = "inLanguage")]
    in_language: &'static str,
}

#[derive(Serialize)]
struct MediaObject {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "encodingFormat")]
    format: &'static str,
    #[serde(rename = "contentUrl")]
    url: String,
}

/// A schema.org `PropertyValue`: a count, or the codes of the countries that voted one way.
#[derive(Serialize)]
struct PropertyValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "propertyID")]
    id: String,
    value: serde_json::Value,
}

/// The `additionalProperty` values of a resolution's vote: `in_favour`, `against`,
/// `abstentions` (numbers), then `member_votes_yes`, `…_no`, `…_abstain`, `…_absent` (the
/// ISO codes of the countries that voted so, where `data/` has them).
fn vote_properties(site: &Site, r: &Resolution) -> Vec<PropertyValue> {
    let mut out = Vec::new();
    let property = |id: String, value: serde_json::Value| PropertyValue {
        kind: "PropertyValue",
        id,
        value,
    };
    if let Some(Vote::Recorded {
        in_favour,
        against,
        abstentions,
    }) = site.vote_of(r)
    {
        for (id, n) in [
            ("in_favour", in_favour),
            ("against", against),
            ("abstentions", abstentions),
        ] {
            out.push(property(id.to_string(), n.into()));
        }
    }
    if let Some(votes) = site.votes.get(&r.symbol) {
        for ballot in crate::model::Ballot::ALL {
            let codes: Vec<&str> = votes
                .ballots
                .iter()
                .filter(|(_, b)| *b == ballot)
                .map(|(c, _)| c.as_str())
                .collect();
            if !codes.is_empty() {
                out.push(property(
                    format!("member_votes_{}", ballot.key()),
                    codes.into(),
                ));
            }
        }
    }
    out
}

/// The JSON-LD of a resolution page, ready to stand inside `<script>`: `<`, `>` and `&`
/// are written as JSON escapes, so no text can close the element.
pub fn jsonld(site: &Site, index: usize) -> String {
    let archive = &site.archive;
    let r = archive.resolution(index);
    let strings = Strings::built_in(r.lang);
    let un = strings
        .text("united_nations")
        .unwrap_or_else(|| "United Nations".to_string());
    let url = site.urls.best(&urls::resolution(r.lang, &r.symbol));
    let value = JsonLd {
        context: "https://schema.org",
        kind: "Legislation",
        id: url.clone(),
        url,
        name: &r.title,
        identifier: r.symbol.as_str(),
        date: r.adopted.to_string(),
        published: r.issued.map(|d| d.to_string()),
        passed_by: Organization {
            kind: "Organization",
            name: strings
                .organ("organs", r.symbol.organ())
                .unwrap_or_default(),
            parent: Some(Box::new(Organization {
                kind: "Organization",
                name: un,
                parent: None,
            })),
        },
        in_language: r.lang.code(),
        translations: archive
            .versions(&r.symbol)
            .iter()
            .map(|&i| archive.resolution(i))
            .filter(|v| v.lang != r.lang)
            .map(|v| JsonLdTranslation {
                kind: "Legislation",
                id: site.urls.best(&urls::resolution(v.lang, &v.symbol)),
                name: &v.title,
                in_language: v.lang.code(),
            })
            .collect(),
        keywords: &r.subjects,
        about: terms::defined_terms(site, r),
        agenda: terms::agenda_parts(site, r),
        votes: vote_properties(site, r),
        data: MediaObject {
            kind: "MediaObject",
            format: "application/json",
            url: site.urls.best(&urls::resolution_json(r.lang, &r.symbol)),
        },
    };
    script_safe(&serde_json::to_string(&value).unwrap_or_default())
}

/// Escapes the characters that could end a `<script>` element or start markup inside it.
/// They only occur inside JSON strings, where `\u003c` means the same.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let s = script_safe(r#"{"name":"</script><b>&"}"#);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["name"], "</script><b>&");
    }
}
