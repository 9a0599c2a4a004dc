//! The index of one language, written as static files that a browser fetches a few at a
//! time: the files a query needs are found by hashing its terms, so no file lists all
//! terms and no query reads the whole index.
//!
//! ```text
//! meta.json        counts, shard counts, facet values: read once per page
//! w/N.bin          word forms → stems, in order: meta.json lists the first form of each
//! t/N.bin          terms → postings, by hash of the term; long postings apart:
//! p/N-I.bin        the I-th long postings list of term shard N
//! d/K.json         documents 16K … 16K+15: URL, symbol, title, date, paragraph anchors
//! x/N-K.json       document N's paragraphs 16K … 16K+15 as plain text, for snippets
//! s/KK.json        the symbol table: keys of shard KK → documents (see `symbols`)
//! ```
//!
//! Binary files are sequences of unsigned LEB128 numbers (`varint`) and UTF-8 strings
//! prefixed by their length. A word shard entry is `form, stem`, the stem empty when it is
//! the form itself; forms are sorted by their UTF-8 bytes, so that a form the archive
//! does not have stands beside the forms that share its beginning. A term shard entry is
//! `term, df, x`, followed by `x/2` bytes of postings when `x` is even; when `x` is odd,
//! the postings are the file `p/N-((x-1)/2).bin`. Postings are, per document in
//! increasing order: the gap from the previous document (the first from -1), the number
//! of paragraphs holding the term, and the first [`MAX_PARAGRAPHS`] of them as gaps (the
//! first from -1). Facets are terms `session:KEY`, `year:KEY`, `subject:KEY`,
//! `committee:KEY` with no paragraphs. A term's shard is the FNV-1a hash of its UTF-8
//! bytes modulo the shard count of `meta.json`.
//!
//! Documents are analysed on all cores, then merged in order into one language's postings
//! in memory; document files are written as they fill. Only one language is held at a
//! time, and the output depends only on the documents and their order.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::entry;
use super::symbols::{self, KeyKind};
use super::tokenize::{self, Stemmer, Token};
use crate::model::Lang;

/// Documents per document file: a page of results reads at most one file per result.
pub const DOCS_PER_FILE: u32 = 16;
/// Paragraph texts per file of a document's texts: a snippet reads one file, however
/// long the resolution.
pub const TEXTS_PER_FILE: usize = 16;
/// Paragraphs listed per document and term: enough to point at the best one.
pub const MAX_PARAGRAPHS: usize = 8;
/// Postings longer than this go to a file of their own, so shards stay small.
pub const LONG_POSTINGS: usize = 4 * 1024;
/// The size a shard of terms or of word forms aims at.
pub const SHARD_TARGET: usize = 16 * 1024;

/// Writes a file at a path relative to the language's index folder.
pub type Write<'a> = dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync + 'a;

/// Why an index could not be written.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot write the search index file {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// A paragraph of a document: its element id in the page, if any, and its plain text.
#[derive(Debug, Clone)]
pub struct Paragraph<'a> {
    pub anchor: Option<&'a str>,
    pub text: &'a str,
}

/// One page to index.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The page's site path (`en/A/RES/73/187/`).
    pub path: String,
    pub symbol: &'a str,
    pub title: &'a str,
    /// The date as the page shows it.
    pub date: String,
    /// Facet terms: `session:ga-73`, `year:2018`, …
    pub facets: Vec<String>,
    /// The paragraphs in page order; their positions are what postings point at.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The keys of its own symbol ([`super::symbols::keys`]).
    pub symbol_keys: Vec<String>,
    /// The keys of the documents it records or cites ([`super::symbols::document_key`]).
    pub document_keys: Vec<String>,
}

/// A row of a shard of the symbol table: key, document number, [`KeyKind`] as a number.
type SymbolRow = (String, u32, u8);

/// What a finished index holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: u32,
    pub terms: usize,
    pub words: usize,
    pub files: usize,
    pub bytes: u64,
    /// Bytes of the symbol table (`s/`) and of the texts for snippets (`x/`).
    pub symbol_bytes: u64,
    pub snippet_bytes: u64,
}

#[derive(Default)]
struct Postings {
    df: u32,
    last: Option<u32>,
    bytes: Vec<u8>,
}

impl Postings {
    fn push(&mut self, doc: u32, paragraphs: &[u16]) {
        let gap = self.last.map_or(doc + 1, |l| doc - l);
        varint(&mut self.bytes, gap as u64);
        varint(&mut self.bytes, paragraphs.len() as u64);
        let mut prev: i64 = -1;
        for &p in paragraphs.iter().take(MAX_PARAGRAPHS) {
            varint(&mut self.bytes, (p as i64 - prev) as u64);
            prev = p as i64;
        }
        self.last = Some(doc);
        self.df += 1;
    }
}

/// A document's words and Chinese terms with the paragraphs they stand in.
#[derive(Default)]
struct Analysed {
    words: BTreeMap<String, Vec<u16>>,
    terms: BTreeMap<String, Vec<u16>>,
}

fn analyse(doc: &Document<'_>) -> Analysed {
    let mut out = Analysed::default();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let i = u16::try_from(i).unwrap_or(u16::MAX);
        let mark = |map: &mut BTreeMap<String, Vec<u16>>, key: &str| match map.get_mut(key) {
            Some(list) => {
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            None => {
                map.insert(key.to_string(), vec![i]);
            }
        };
        tokenize::tokens(p.text, |t| match t {
            Token::Word(w) => mark(&mut out.words, &w),
            Token::Han(run) => tokenize::han_index_terms(run, |s| mark(&mut out.terms, s)),
        });
    }
    out
}

/// The index of one language, being built.
pub struct LanguageIndex<'w> {
    lang: Lang,
    stemmer: Stemmer,
    /// Every word form seen, with its stem.
    stems: HashMap<String, String>,
    terms: HashMap<String, Postings>,
    documents: u32,
    pending: Vec<entry::DocEntry>,
    /// The symbol table, by shard; rows in the order of documents.
    symbols: BTreeMap<String, Vec<SymbolRow>>,
    write: &'w Write<'w>,
    stats: Stats,
}

impl<'w> LanguageIndex<'w> {
    pub fn new(lang: Lang, write: &'w Write<'w>) -> LanguageIndex<'w> {
        LanguageIndex {
            lang,
            stemmer: Stemmer::new(lang),
            stems: HashMap::new(),
            terms: HashMap::new(),
            documents: 0,
            pending: Vec::new(),
            symbols: BTreeMap::new(),
            write,
            stats: Stats::default(),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> Result<(), IndexError> {
        (self.write)(path, bytes).map_err(|source| IndexError::Write {
            path: path.to_string(),
            source,
        })?;
        self.stats.files += 1;
        self.stats.bytes += bytes.len() as u64;
        Ok(())
    }

    /// Adds documents, analysed on all cores; they are numbered in the order given.
    pub fn add(&mut self, docs: &[Document<'_>]) -> Result<(), IndexError> {
        let analysed: Vec<Analysed> = docs.par_iter().map(analyse).collect();
        for (doc, a) in docs.iter().zip(analysed) {
            let id = self.documents;
            let mut terms = a.terms;
            for (word, paragraphs) in a.words {
                let stem = match self.stems.get(&word) {
                    Some(s) => s.clone(),
                    None => {
                        let s = self.stemmer.stem(&word);
                        if self.lang == Lang::Ar {
                            for rest in tokenize::without_proclitics(&word) {
                                if !self.stems.contains_key(rest) {
                                    let stem = self.stemmer.stem(rest);
                                    self.stems.insert(rest.to_string(), stem);
                                }
                            }
                        }
                        self.stems.insert(word, s.clone());
                        s
                    }
                };
                match terms.get_mut(&stem) {
                    Some(list) => {
                        list.extend(paragraphs);
                        list.sort_unstable();
                        list.dedup();
                    }
                    None => {
                        terms.insert(stem, paragraphs);
                    }
                }
            }
            for facet in &doc.facets {
                terms.entry(facet.clone()).or_default();
            }
            for (term, paragraphs) in terms {
                self.terms.entry(term).or_default().push(id, &paragraphs);
            }
            self.add_symbols(doc, id);
            self.put_texts(doc, id)?;
            self.pending.push(entry::DocEntry {
                u: doc.path.clone(),
                s: doc.symbol.to_string(),
                t: doc.title.to_string(),
                d: doc.date.clone(),
                a: entry::anchor_runs(&doc.paragraphs),
            });
            self.documents += 1;
            if self.pending.len() == DOCS_PER_FILE as usize {
                self.flush_docs()?;
            }
        }
        Ok(())
    }

    /// Writes a document's paragraph texts, [`TEXTS_PER_FILE`] to a file.
    fn put_texts(&mut self, doc: &Document<'_>, id: u32) -> Result<(), IndexError> {
        for (k, chunk) in doc.paragraphs.chunks(TEXTS_PER_FILE).enumerate() {
            let texts: Vec<&str> = chunk.iter().map(|p| p.text).collect();
            let json = serde_json::to_vec(&texts).expect("texts serialise");
            self.stats.snippet_bytes += json.len() as u64;
            self.put(&format!("x/{id}-{k}.json"), &json)?;
        }
        Ok(())
    }

    fn add_symbols(&mut self, doc: &Document<'_>, id: u32) {
        let own = doc.symbol_keys.iter().map(|k| (k, KeyKind::Own));
        let cited = doc.document_keys.iter().map(|k| (k, KeyKind::Document));
        for (key, kind) in own.chain(cited) {
            let Some(shard) = symbols::shard(key) else {
                continue;
            };
            let rows = self.symbols.entry(shard).or_default();
            let row = (key.clone(), id, kind as u8);
            // Rows come in the order of documents: only this one's can repeat it.
            let mut mine = rows.iter().rev().take_while(|r| r.1 == id);
            if !mine.any(|r| *r == row) {
                rows.push(row);
            }
        }
    }

    /// Writes the shards of the symbol table; returns their names.
    fn write_symbols(&mut self) -> Result<Vec<String>, IndexError> {
        let shards = std::mem::take(&mut self.symbols);
        let names: Vec<String> = shards.keys().cloned().collect();
        for (shard, rows) in shards {
            let json = serde_json::to_vec(&rows).expect("rows serialise");
            self.stats.symbol_bytes += json.len() as u64;
            self.put(&format!("s/{shard}.json"), &json)?;
        }
        Ok(names)
    }

    fn flush_docs(&mut self) -> Result<(), IndexError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let file = (self.documents - 1) / DOCS_PER_FILE;
        let json = serde_json::to_vec(&self.pending).expect("documents serialise");
        self.pending.clear();
        self.put(&format!("d/{file}.json"), &json)
    }

    /// Writes the shards and `meta.json`.
    pub fn finish(mut self) -> Result<Stats, IndexError> {
        self.flush_docs()?;
        let terms = std::mem::take(&mut self.terms);
        let inline_bytes: usize = terms
            .iter()
            .map(|(t, p)| t.len() + 8 + p.bytes.len().min(LONG_POSTINGS))
            .sum();
        let term_shards = shard_count(inline_bytes);
        let mut by_shard: Vec<(u32, String, Postings)> = terms
            .into_iter()
            .map(|(t, p)| (hash(&t) % term_shards, t, p))
            .collect();
        by_shard.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        self.stats.terms = by_shard.len();
        let files = shard_files(&by_shard, term_shards);
        drop(by_shard);
        for (path, bytes) in files {
            self.put(&path, &bytes)?;
        }

        let mut forms: Vec<(String, String)> =
            std::mem::take(&mut self.stems).into_iter().collect();
        forms.sort_unstable();
        self.stats.words = forms.len();
        let mut firsts: Vec<String> = Vec::new();
        if self.stemmer.stems() {
            let mut out = Vec::new();
            for (i, (form, stem)) in forms.iter().enumerate() {
                if out.is_empty() {
                    firsts.push(if i == 0 { String::new() } else { form.clone() });
                }
                string(&mut out, form);
                string(&mut out, if stem == form { "" } else { stem });
                if out.len() >= SHARD_TARGET || i + 1 == forms.len() {
                    let n = firsts.len() - 1;
                    self.put(&format!("w/{n}.bin"), &out)?;
                    out.clear();
                }
            }
        }
        drop(forms);
        let symbol_shards = self.write_symbols()?;

        let meta = serde_json::json!({
            "version": 1,
            "lang": self.lang.code(),
            "documents": self.documents,
            "per_file": DOCS_PER_FILE,
            "texts_per_file": TEXTS_PER_FILE,
            "terms": term_shards,
            "words": firsts,
            "symbols": {
                "shards": symbol_shards,
                "strip": symbols::query_words(),
            },
        });
        self.put("meta.json", meta.to_string().as_bytes())?;
        self.stats.documents = self.documents;
        Ok(self.stats)
    }
}

/// Encodes the shards of terms (sorted by shard, then term): every shard file, and the
/// long postings apart.
fn shard_files(sorted: &[(u32, String, Postings)], shards: u32) -> Vec<(String, Vec<u8>)> {
    let mut starts = Vec::with_capacity(shards as usize + 1);
    let mut i = 0;
    for s in 0..shards {
        starts.push(i);
        while i < sorted.len() && sorted[i].0 == s {
            i += 1;
        }
    }
    starts.push(sorted.len());
    (0..shards as usize)
        .into_par_iter()
        .flat_map_iter(|s| {
            let mut files = Vec::new();
            let mut out = Vec::new();
            for (_, term, postings) in &sorted[starts[s]..starts[s + 1]] {
                string(&mut out, term);
                varint(&mut out, postings.df as u64);
                if postings.bytes.len() > LONG_POSTINGS {
                    let n = files.len();
                    varint(&mut out, (n * 2 + 1) as u64);
                    files.push((format!("p/{s}-{n}.bin"), postings.bytes.clone()));
                } else {
                    varint(&mut out, (postings.bytes.len() * 2) as u64);
                    out.extend_from_slice(&postings.bytes);
                }
            }
            files.push((format!("t/{s}.bin"), out));
            files
        })
        .collect()
}

fn shard_count(bytes: usize) -> u32 {
    u32::try_from(bytes.div_ceil(SHARD_TARGET).max(1)).unwrap_or(u32::MAX)
}

/// FNV-1a, 32 bits, of the UTF-8 bytes: what the browser's script computes too.
pub fn hash(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

pub(super) fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_kept_in_runs() {
        let p = |a: Option<&'static str>| Paragraph {
            anchor: a,
            text: "",
        };
        let runs = entry::anchor_runs(&[
            p(None),
            p(None),
            p(Some("pp-1")),
            p(Some("pp-2")),
            p(Some("op-1")),
            p(Some("op-2")),
            p(Some("op-3")),
            p(Some("fn-note")),
            p(None),
        ]);
        assert_eq!(
            runs,
            [
                (String::new(), 0, 2),
                ("pp".into(), 1, 2),
                ("op".into(), 1, 3),
                ("fn-note".into(), 0, 1),
                (String::new(), 0, 1)
            ]
        );
    }

    #[test]
    fn fnv_hash_is_the_reference_one() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
        assert_eq!(hash("foobar"), 0xbf9c_f968);
    }
}
