//! The pages of series: one per series (every member with its date and vote, and a chart
//! of the votes), one list of every series per language, and one page per resolution that
//! has a predecessor in its language, showing what changed since it.
//!
//! The paragraphs of each pair are aligned once per build, on all cores, before any page
//! is rendered: the resolution and series pages show what the alignment counts. The words
//! are compared when the changes page is rendered.

use std::sync::Arc;

use minijinja::Value;
use serde::Serialize;

use super::resolution_view::ResolutionView;
use super::views::{self, VoteView};
use crate::cite::Target;
use crate::diagnostic::Diagnostic;
use crate::diff::{self, Change, Op, Segment, Summary};
use crate::model::{Lang, Symbol};
use crate::output::urls;
use crate::render::Linker;
use crate::render::{Body, Place};
use crate::site::Site;
use crate::site::alignments::{Side, sides};
use crate::theme::{Theme, to_value};

/// One part of a text compared: the places of its paragraphs on both sides, and the
/// changes by position in those lists.
struct Part {
    old: Vec<Place>,
    new: Vec<Place>,
    changes: Vec<Change>,
}

impl Part {
    fn new(old: Side, new: Side, ops: &[Op]) -> Part {
        Part {
            changes: diff::changes(&old.1, &new.1, ops.to_vec()),
            old: old.0,
            new: new.0,
        }
    }
}

/// The URL of a series page in the language a page in `lang` links to.
pub fn series_url(site: &Site, work: usize, lang: Lang) -> Option<String> {
    let k = site.series.index.of(work)?;
    let key = &site.series.index.series[k].key;
    Some(site.urls.url(&urls::series(site.nav_lang(lang), key)))
}

/// Where a resolution page links for what changed: its own language's comparison, else
/// the site's default language's, else the first language that has one.
#[derive(Serialize)]
pub struct ChangesLink {
    url: String,
    lang: &'static str,
    lang_name: &'static str,
    previous: String,
    summary: Summary,
}

pub fn changes_link(site: &Site, index: usize) -> Option<ChangesLink> {
    let r = site.archive.resolution(index);
    let own = site.series.changes(index).map(|c| (index, c));
    let versions = site.archive.versions(&r.symbol);
    let (i, c) = own
        .or_else(|| {
            versions
                .iter()
                .filter(|&&v| site.archive.resolution(v).lang == site.config.default_language)
                .find_map(|&v| site.series.changes(v).map(|c| (v, c)))
        })
        .or_else(|| {
            versions
                .iter()
                .find_map(|&v| site.series.changes(v).map(|c| (v, c)))
        })?;
    let v = site.archive.resolution(i);
    Some(ChangesLink {
        url: site.urls.url(&urls::changes(v.lang, &v.symbol)),
        lang: v.lang.code(),
        lang_name: v.lang.endonym(),
        previous: site.archive.resolution(c.old).symbol.as_str().to_string(),
        summary: Summary::of_ops(&c.text),
    })
}

/// A paragraph named for the reader: its kind, its number and a link to it.
#[derive(Serialize)]
struct PlaceValue {
    /// `chapeau`, `pp`, `op` or `fn`.
    kind: &'static str,
    n: u32,
    url: Option<String>,
}

fn place_value(place: &Place, page_url: &str) -> PlaceValue {
    let (kind, n) = match place {
        Place::Chapeau => ("chapeau", 0),
        Place::Preambular(n) => ("pp", *n),
        Place::Operative(n) => ("op", *n),
        Place::Footnote { n, .. } => ("fn", *n),
    };
    PlaceValue {
        kind,
        n,
        url: place.id().map(|id| format!("{page_url}#{id}")),
    }
}

#[derive(Serialize)]
struct SegmentValue<'a> {
    /// `equal`, `insert` or `delete`.
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct Row<'a> {
    /// `unchanged`, `changed`, `moved`, `split`, `merged`, `added` or `removed`.
    kind: &'static str,
    /// Whether the words differ (a moved paragraph may be the same word for word).
    changed: bool,
    old: Vec<PlaceValue>,
    new: Vec<PlaceValue>,
    segments: Vec<SegmentValue<'a>>,
}

/// Consecutive rows shown together: a run of unchanged paragraphs, or one change.
#[derive(Serialize)]
struct Block<'a> {
    unchanged: bool,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct PartSummary {
    /// `preamble`, `operative` or `footnotes`.
    key: &'static str,
    summary: Summary,
}

fn rows<'a>(part: &'a Part, old_url: &str, new_url: &str) -> Vec<Row<'a>> {
    let old = |is: &[usize]| {
        is.iter()
            .map(|&i| place_value(&part.old[i], old_url))
            .collect()
    };
    let new = |js: &[usize]| {
        js.iter()
            .map(|&j| place_value(&part.new[j], new_url))
            .collect()
    };
    part.changes
        .iter()
        .map(|c| {
            let (kind, changed, o, n): (&str, bool, Vec<PlaceValue>, Vec<PlaceValue>) = match &c.op
            {
                Op::Kept {
                    old: i,
                    new: j,
                    changed,
                } => (
                    if *changed { "changed" } else { "unchanged" },
                    *changed,
                    old(&[*i]),
                    new(&[*j]),
                ),
                Op::Moved {
                    old: i,
                    new: j,
                    changed,
                } => ("moved", *changed, old(&[*i]), new(&[*j])),
                Op::Split { old: i, new: js } => ("split", true, old(&[*i]), new(js)),
                Op::Merged { old: is, new: j } => ("merged", true, old(is), new(&[*j])),
                Op::Added { new: j } => ("added", true, Vec::new(), new(&[*j])),
                Op::Removed { old: i } => ("removed", true, old(&[*i]), Vec::new()),
            };
            Row {
                kind,
                changed,
                old: o,
                new: n,
                segments: c
                    .segments
                    .iter()
                    .map(|s| SegmentValue {
                        op: match s {
                            Segment::Equal(_) => "equal",
                            Segment::Insert(_) => "insert",
                            Segment::Delete(_) => "delete",
                        },
                        text: s.text(),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn blocks(rows: Vec<Row<'_>>) -> Vec<Block<'_>> {
    let mut out: Vec<Block<'_>> = Vec::new();
    for row in rows {
        let unchanged = row.kind == "unchanged";
        match out.last_mut() {
            Some(b) if unchanged && b.unchanged => b.rows.push(row),
            _ => out.push(Block {
                unchanged,
                rows: vec![row],
            }),
        }
    }
    out
}

/// Which part of the text a change belongs to: the new paragraph's, else the old one's.
fn part_of(part: &Part, change: &Change) -> &'static str {
    let place = match &change.op {
        Op::Kept { new, .. }
        | Op::Moved { new, .. }
        | Op::Merged { new, .. }
        | Op::Added { new } => &part.new[*new],
        Op::Split { new, .. } => &part.new[new[0]],
        Op::Removed { old } => &part.old[*old],
    };
    match place {
        Place::Operative(_) => "operative",
        Place::Footnote { .. } => "footnotes",
        _ => "preamble",
    }
}

/// The page of what changed in resolution `index` since its predecessor.
pub fn render_changes(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    index: usize,
) -> Result<String, Diagnostic> {
    let c = site
        .series
        .changes(index)
        .expect("a changes page is planned only for a compared resolution");
    let [old_text, old_notes] = sides(&bodies[c.old]);
    let [new_text, new_notes] = sides(&bodies[index]);
    let text = Part::new(old_text, new_text, &c.text);
    let footnotes = Part::new(old_notes, new_notes, &c.footnotes);
    let (r, o) = (
        site.archive.resolution(index),
        site.archive.resolution(c.old),
    );
    let new_url = site.urls.url(&urls::resolution(r.lang, &r.symbol));
    let old_url = site.urls.url(&urls::resolution(o.lang, &o.symbol));
    let switcher = views::switcher_where(site, r.lang, |l| {
        let v = site
            .archive
            .versions(&r.symbol)
            .iter()
            .copied()
            .find(|&v| site.archive.resolution(v).lang == l)?;
        site.series.changes(v)?;
        Some(urls::changes(l, &r.symbol))
    });
    let parts: Vec<PartSummary> = ["preamble", "operative"]
        .into_iter()
        .map(|key| PartSummary {
            key,
            summary: Summary::of(text.changes.iter().filter(|ch| part_of(&text, ch) == key)),
        })
        .collect();
    let work = site.archive.work_of(&r.symbol);
    let ctx = Value::from_pairs(
        views::common(site, theme, r.lang, switcher)
            .into_iter()
            .chain([
                (
                    "page",
                    Value::from_object(ResolutionView {
                        site: Arc::clone(site),
                        index,
                    }),
                ),
                (
                    "previous",
                    Value::from_object(ResolutionView {
                        site: Arc::clone(site),
                        index: c.old,
                    }),
                ),
                ("summary", to_value(Summary::of(&text.changes))),
                (
                    "compared_whole",
                    Value::from(
                        text.changes
                            .iter()
                            .chain(&footnotes.changes)
                            .filter(|ch| ch.whole)
                            .count(),
                    ),
                ),
                ("parts", to_value(&parts)),
                ("blocks", to_value(blocks(rows(&text, &old_url, &new_url)))),
                (
                    "footnotes_summary",
                    to_value(Summary::of(&footnotes.changes)),
                ),
                (
                    "footnote_blocks",
                    to_value(blocks(rows(&footnotes, &old_url, &new_url))),
                ),
                (
                    "series_url",
                    Value::from(work.and_then(|w| series_url(site, w, r.lang))),
                ),
            ]),
    );
    theme.render("changes.html", ctx)
}

/// A member of a series as its page lists it.
#[derive(Serialize)]
struct Member<'a> {
    symbol: &'a str,
    title: Option<&'a str>,
    /// The member's page, or the resolver's link for one the archive lacks.
    url: Option<String>,
    in_archive: bool,
    lang: Option<&'static str>,
    lang_name: Option<&'static str>,
    dir: Option<&'static str>,
    adopted: Option<String>,
    vote: Option<VoteView>,
    changes: Option<ChangesLink>,
}

/// The vote of a work, from the first language version that records one, or else from
/// `data/`.
fn vote_of(site: &Site, work: usize) -> Option<VoteView> {
    site.archive.works()[work].1.iter().find_map(|&i| {
        site.vote_of(site.archive.resolution(i))
            .as_ref()
            .map(views::vote_view)
    })
}

/// A series in a list of series, or the one a page is about.
#[derive(Serialize)]
struct SeriesValue<'a> {
    key: &'a str,
    title: &'a str,
    title_lang: &'static str,
    title_dir: &'static str,
    url: String,
    count: usize,
    first: Option<String>,
    last: Option<String>,
}

fn series_value<'a>(site: &'a Site, k: usize, lang: Lang) -> SeriesValue<'a> {
    let s = &site.series.index.series[k];
    let latest = *s.works.last().expect("a series has works");
    let r = site
        .archive
        .resolution(site.archive.best_version(latest, lang));
    let key = &s.key;
    let first = s
        .recalled
        .first()
        .filter(|x| x.symbol < site.archive.works()[s.works[0]].0)
        .map_or_else(
            || {
                Some(
                    site.archive
                        .resolution(site.archive.works()[s.works[0]].1[0])
                        .adopted
                        .to_string(),
                )
            },
            |x| x.adopted.map(|d| d.to_string()),
        );
    SeriesValue {
        key: key.as_str(),
        title: &r.title,
        title_lang: r.lang.code(),
        title_dir: r.lang.dir(),
        url: site.urls.url(&urls::series(lang, key)),
        count: s.works.len() + s.recalled.len(),
        first,
        last: Some(r.adopted.to_string()),
    }
}

/// The geometry of the chart of votes, in SVG user units.
#[derive(Serialize)]
struct Chart<'a> {
    width: u32,
    height: u32,
    left: u32,
    top: u32,
    bottom: u32,
    ticks: Vec<Tick>,
    bars: Vec<Bar<'a>>,
}

#[derive(Serialize)]
struct Tick {
    y: u32,
    value: u32,
}

#[derive(Serialize)]
struct Bar<'a> {
    x: u32,
    width: u32,
    center: u32,
    symbol: &'a str,
    year: i16,
    /// In favour, against, abstentions, from the baseline up.
    segments: Vec<BarSegment>,
}

#[derive(Serialize)]
struct BarSegment {
    class: &'static str,
    y: u32,
    height: u32,
    value: u32,
}

const PLOT_HEIGHT: u32 = 160;
const BAR: u32 = 28;
const GAP: u32 = 20;
const LEFT: u32 = 40;
const TOP: u32 = 10;
const BOTTOM: u32 = 40;

/// A member of a series as its chart draws it: its symbol, its year and its vote.
struct Charted<'a> {
    symbol: &'a Symbol,
    year: i16,
    vote: VoteView,
}

/// The members of series `k` with a recorded vote, oldest first: those in the archive, and
/// those only recalled whose vote is in `data/` (with the year of the data's date).
fn charted(site: &Site, k: usize) -> Vec<Charted<'_>> {
    let s = &site.series.index.series[k];
    let mut out: Vec<Charted<'_>> = s
        .works
        .iter()
        .filter_map(|&w| {
            let r = site.archive.resolution(site.archive.works()[w].1[0]);
            Some(Charted {
                symbol: &r.symbol,
                year: r.year(),
                vote: vote_of(site, w).filter(|v| v.recorded)?,
            })
        })
        .chain(s.recalled.iter().filter_map(|x| {
            let vote = site.data_vote(&x.symbol)?;
            let date = x.adopted.or_else(|| site.vote_date(&x.symbol))?;
            Some(Charted {
                symbol: &x.symbol,
                year: date.year(),
                vote: views::vote_view(&vote),
            })
        }))
        .collect();
    out.sort_by(|a, b| a.symbol.cmp(b.symbol));
    out
}

/// The chart of the recorded votes of a series' members, oldest first; none when no member
/// has a recorded vote.
fn chart<'a>(voted: &[Charted<'a>]) -> Option<Chart<'a>> {
    if voted.is_empty() {
        return None;
    }
    let most = voted
        .iter()
        .map(|c| c.vote.in_favour + c.vote.against + c.vote.abstentions)
        .max()
        .unwrap_or(0)
        .max(1);
    // Round the scale up to a multiple of 50 and tick every 50.
    let scale = most.div_ceil(50) * 50;
    let y_of = |value: u32| TOP + PLOT_HEIGHT - value * PLOT_HEIGHT / scale;
    let bars = voted
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let v = &c.vote;
            let x = LEFT + GAP / 2 + u32::try_from(k).unwrap_or(0) * (BAR + GAP);
            let mut base = 0;
            let segments = [
                ("in-favour", v.in_favour),
                ("against", v.against),
                ("abstentions", v.abstentions),
            ]
            .into_iter()
            .map(|(class, value)| {
                let (bottom, top) = (y_of(base), y_of(base + value));
                base += value;
                BarSegment {
                    class,
                    y: top,
                    height: bottom - top,
                    value,
                }
            })
            .collect();
            Bar {
                x,
                width: BAR,
                center: x + BAR / 2,
                symbol: c.symbol.short(),
                year: c.year,
                segments,
            }
        })
        .collect::<Vec<_>>();
    let width = LEFT + u32::try_from(bars.len()).unwrap_or(0) * (BAR + GAP) + GAP;
    Some(Chart {
        width,
        height: TOP + PLOT_HEIGHT + BOTTOM,
        left: LEFT,
        top: TOP,
        bottom: TOP + PLOT_HEIGHT,
        ticks: (0..=scale / 50)
            .map(|t| Tick {
                y: y_of(t * 50),
                value: t * 50,
            })
            .collect(),
        bars,
    })
}

/// The page of series `k` in `lang`.
pub fn render_series(
    site: &Arc<Site>,
    theme: &Theme,
    lang: Lang,
    k: usize,
) -> Result<String, Diagnostic> {
    let s = &site.series.index.series[k];
    let key = &s.key;
    let switcher = views::switcher_all(site, Some(lang), |l| urls::series(l, key));
    let mut members: Vec<(&crate::model::Symbol, Member<'_>)> = s
        .works
        .iter()
        .map(|&w| {
            let r = site.archive.resolution(site.archive.best_version(w, lang));
            let changes = changes_link(site, site.archive.best_version(w, lang));
            (
                &r.symbol,
                Member {
                    symbol: r.symbol.as_str(),
                    title: Some(&r.title),
                    url: Some(site.urls.url(&urls::resolution(r.lang, &r.symbol))),
                    in_archive: true,
                    lang: Some(r.lang.code()),
                    lang_name: Some(r.lang.endonym()),
                    dir: Some(r.lang.dir()),
                    adopted: Some(r.adopted.to_string()),
                    vote: vote_of(site, w),
                    changes,
                },
            )
        })
        .collect();
    for x in &s.recalled {
        members.push((
            &x.symbol,
            Member {
                symbol: x.symbol.as_str(),
                title: None,
                url: site
                    .linker()
                    .href(&Target::Resolution(x.symbol.clone()), None, lang)
                    .map(|h| h.url),
                in_archive: false,
                lang: None,
                lang_name: None,
                dir: None,
                adopted: x
                    .adopted
                    .or_else(|| site.vote_date(&x.symbol))
                    .map(|d| d.to_string()),
                vote: site.data_vote(&x.symbol).as_ref().map(views::vote_view),
                changes: None,
            },
        ));
    }
    members.sort_by(|a, b| a.0.cmp(b.0));
    let members: Vec<Member<'_>> = members.into_iter().map(|(_, m)| m).collect();
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([
                ("series", to_value(series_value(site, k, lang))),
                ("members", to_value(&members)),
                ("chart", to_value(chart(&charted(site, k)))),
                (
                    "index_url",
                    Value::from(site.urls.url(&urls::series_index(lang))),
                ),
            ]),
    );
    theme.render("series.html", ctx)
}

/// The list of every series, in `lang`.
pub fn render_series_index(
    site: &Arc<Site>,
    theme: &Theme,
    lang: Lang,
) -> Result<String, Diagnostic> {
    let switcher = views::switcher_all(site, Some(lang), urls::series_index);
    let mut all: Vec<SeriesValue<'_>> = (0..site.series.index.series.len())
        .map(|k| series_value(site, k, lang))
        .collect();
    // Newest first, then by title.
    all.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.title.cmp(b.title)));
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([("all_series", to_value(&all))]),
    );
    theme.render("series_index.html", ctx)
}
