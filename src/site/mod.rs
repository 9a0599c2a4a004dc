//! The model every page and file is made from: the archive, its groups, its citation graph,
//! its series and the alignments of their versions, and every rendered body. Built once,
//! in one constructor, and read by every rendering thread; nothing is assigned afterwards.

pub mod alignments;
pub mod bodies;
pub mod linker;
mod load;
mod terms;

use std::collections::HashMap;

use crate::cite::graph::Graph;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{
    Agenda, Archive, Ballot, Group, GroupKind, Lang, Resolution, Symbol, Thesaurus, Vote, Votes,
};
use crate::output::Urls;
use crate::render::Body;
use crate::theme::Theme;
pub use alignments::{Comparison, SeriesData};
pub use linker::SiteLinker;
pub use load::{Generation, host_warning};

/// Everything pages share: built once, read by every rendering thread.
#[derive(Debug)]
pub struct Site {
    pub archive: Archive,
    pub config: Config,
    pub urls: Urls,
    pub groups: HashMap<GroupKind, Vec<Group>>,
    pub graph: Graph,
    /// Series and what changed between their members.
    pub series: SeriesData,
    /// How each Member State voted, from `data/`, by symbol (also for symbols the archive
    /// lacks).
    pub votes: Votes,
    /// The General Assembly's agenda items, from `data/` (empty without them).
    pub agenda: Agenda,
    /// The UNBIS Thesaurus of `data/`, which the subjects were resolved with.
    pub thesaurus: Option<Thesaurus>,
    /// The code of every country with a vote in `data/`, sorted: each has its page.
    pub voters: Vec<String>,
}

/// What a site is built from besides its archive and bodies: the votes, agenda and
/// thesaurus of `data/`, and the groups when they may be carried over from a site with the same metadata.
#[derive(Debug, Default)]
pub struct Carried {
    pub votes: Votes,
    pub agenda: Agenda,
    pub thesaurus: Option<Thesaurus>,
    pub groups: Option<HashMap<GroupKind, Vec<Group>>>,
}

impl Site {
    /// The site of an archive whose bodies are rendered: its graph, groups and series.
    /// `carried.groups` may be carried over from a site with the same resolutions and
    /// metadata.
    pub fn new(
        archive: Archive,
        config: Config,
        urls: Urls,
        bodies: &[Body],
        carried: Carried,
    ) -> Site {
        let groups = carried.groups.unwrap_or_else(|| {
            let mut groups: HashMap<GroupKind, Vec<Group>> = GroupKind::ALL
                .into_iter()
                .map(|k| (k, archive.groups(k)))
                .collect();
            if let Some(items) = groups.get_mut(&GroupKind::AgendaItem) {
                terms::by_heading(items, &carried.agenda);
            }
            groups
        });
        let graph = Graph::new(&archive, |i| &bodies[i].citations);
        let series = SeriesData::new(&archive, &graph, bodies);
        let voters = voters(&carried.votes);
        Site {
            archive,
            config,
            urls,
            groups,
            graph,
            series,
            votes: carried.votes,
            agenda: carried.agenda,
            thesaurus: carried.thesaurus,
            voters,
        }
    }

    /// The site after the texts of resolutions changed and nothing else (the same card,
    /// citations and paragraphs): each edited resolution in place of the old, and the
    /// comparisons that read their bodies made again (`bodies` are the new ones). Returns
    /// the resolutions compared again. The preview makes its next site so, from the one
    /// it holds alone, with no work in proportion to the archive.
    pub fn with_texts(
        mut self,
        edits: Vec<(usize, Resolution)>,
        bodies: &[Body],
    ) -> (Site, Vec<usize>) {
        let mut compared = Vec::new();
        for (i, fresh) in edits {
            self.archive.replace(i, fresh);
            compared.extend(self.series.recompare(&self.archive, &self.graph, bodies, i));
        }
        (self, compared)
    }

    /// How a resolution was adopted: its front matter's `vote:`, which wins, or else the
    /// totals of its votes in `data/`.
    pub fn vote_of(&self, r: &Resolution) -> Option<Vote> {
        r.vote.clone().or_else(|| self.data_vote(&r.symbol))
    }

    /// The totals of the votes in `data/` on a symbol, in the archive or not.
    pub fn data_vote(&self, symbol: &Symbol) -> Option<Vote> {
        let (in_favour, against, abstentions) = self.votes.get(symbol)?.totals();
        Some(Vote::Recorded {
            in_favour,
            against,
            abstentions,
        })
    }

    /// How a country voted on each symbol of `data/` it has a vote on, by symbol.
    pub fn votes_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = (&'a Symbol, Ballot)> {
        self.votes.iter().filter_map(move |(symbol, v)| {
            let at = v
                .ballots
                .binary_search_by(|(c, _)| c.as_str().cmp(code))
                .ok()?;
            Some((symbol, v.ballots[at].1))
        })
    }

    /// The day a symbol was voted on: the archive's date of adoption, else the data's.
    pub fn vote_date(&self, symbol: &Symbol) -> Option<jiff::civil::Date> {
        self.archive
            .work_of(symbol)
            .map(|w| {
                self.archive
                    .resolution(self.archive.works()[w].1[0])
                    .adopted
            })
            .or_else(|| self.votes.get(symbol)?.date)
    }

    /// Where citations lead, for links the templates show outside the body.
    pub fn linker(&self) -> SiteLinker<'_> {
        SiteLinker {
            archive: &self.archive,
            urls: &self.urls,
            resolver: self.config.resolver.as_deref(),
        }
    }

    /// The language whose indexes a page in `lang` links to: itself when the site is built
    /// in it, else the default language.
    pub fn nav_lang(&self, lang: Lang) -> Lang {
        if self.config.languages.contains(&lang) {
            lang
        } else {
            self.config.default_language
        }
    }
}

/// Every country code with a vote, sorted.
fn voters(votes: &Votes) -> Vec<String> {
    let mut codes: Vec<String> = votes
        .values()
        .flat_map(|v| v.ballots.iter().map(|(c, _)| c.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Checks rendered bodies and builds the site around them: every problem found, or the
/// site with its warnings.
pub fn assemble(
    theme: Theme,
    archive: Archive,
    config: Config,
    urls: Urls,
    bodies: Vec<Body>,
    mut warnings: Vec<Diagnostic>,
    carried: Carried,
) -> Result<Generation, Vec<Diagnostic>> {
    warnings.extend(bodies::body_problems(&archive, &bodies));
    if warnings.iter().any(Diagnostic::is_error) {
        return Err(warnings);
    }
    warnings.extend(bodies::pinpoint_problems(&archive, &bodies));
    warnings.extend(crate::content::data::disagreements(
        &archive,
        &carried.votes,
    ));
    let site = Site::new(archive, config, urls, &bodies, carried);
    Ok(Generation {
        theme,
        site: std::sync::Arc::new(site),
        bodies,
        warnings,
    })
}
