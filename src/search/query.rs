//! A query over a written index, read from disk the way the browser's script reads it
//! over HTTP: the same files, in the same order, with the same ranking. It is how the
//! tests check an index, and how the benchmarks count the bytes a query downloads.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::index::hash;
use super::symbols;
use super::tokenize::{self, Token};

/// One result: the page, and the paragraph holding most of the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub path: String,
    pub symbol: String,
    pub title: String,
    pub date: String,
    /// The element id of the best paragraph, if it has one.
    pub anchor: Option<String>,
    pub score: f64,
}

#[derive(Deserialize)]
struct Meta {
    lang: String,
    per_file: u32,
    documents: u32,
    terms: u32,
    /// The first word form of each shard of forms; empty where words are not stemmed.
    words: Vec<String>,
    symbols: SymbolMeta,
}

/// The symbol table's shards (its `strip` words are for the browser: this reader has
/// them from `symbols` itself).
#[derive(Deserialize, Default)]
struct SymbolMeta {
    shards: Vec<String>,
}

/// How a query names a document by symbol, in the order results show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SymbolMatch {
    /// The query is the resolution's symbol.
    Own,
    /// The query is a document the resolution records or cites.
    Document,
    /// A key of the resolution begins with the query (`78/`, `S/RES/24`).
    Prefix,
}

/// Per document: how many paragraphs hold the term, and the first of them.
type Postings = BTreeMap<u32, (u32, Vec<u32>)>;

/// An index folder (`public/search/en/`) and the files read from it so far.
pub struct Reader {
    dir: PathBuf,
    meta: Meta,
    read: BTreeMap<String, u64>,
    cache: HashMap<String, Vec<u8>>,
}

impl Reader {
    pub fn open(dir: &Path) -> io::Result<Reader> {
        let mut reader = Reader {
            dir: dir.to_path_buf(),
            meta: Meta {
                lang: String::new(),
                per_file: 1,
                documents: 0,
                terms: 1,
                words: Vec::new(),
                symbols: SymbolMeta::default(),
            },
            read: BTreeMap::new(),
            cache: HashMap::new(),
        };
        let bytes = reader.file("meta.json")?.unwrap_or_default();
        reader.meta = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
        Ok(reader)
    }

    /// Every file read so far, with its size.
    pub fn files_read(&self) -> &BTreeMap<String, u64> {
        &self.read
    }

    pub fn bytes_read(&self) -> u64 {
        self.read.values().sum()
    }

    fn file(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        if let Some(b) = self.cache.get(rel) {
            return Ok(Some(b.clone()));
        }
        match std::fs::read(self.dir.join(rel)) {
            Ok(b) => {
                self.read.insert(rel.to_string(), b.len() as u64);
                self.cache.insert(rel.to_string(), b.clone());
                Ok(Some(b))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The terms of a query: word forms looked up in the table of forms, Chinese runs cut
    /// into bigrams.
    pub fn terms(&mut self, query: &str) -> io::Result<Vec<String>> {
        let mut pieces = Vec::new();
        tokenize::tokens(query, |t| match t {
            Token::Word(w) => pieces.push((w, true)),
            Token::Han(run) => pieces.extend(
                tokenize::han_query_terms(run)
                    .into_iter()
                    .map(|s| (s.to_string(), false)),
            ),
        });
        let mut out = Vec::new();
        for (piece, is_word) in pieces {
            let term = if is_word {
                self.stem_of(&piece)?
            } else {
                piece
            };
            if !out.contains(&term) {
                out.push(term);
            }
        }
        Ok(out)
    }

    /// The forms of the shard where `form` is, or would be, with their stems.
    fn forms_near(&mut self, form: &str) -> io::Result<Vec<(String, String)>> {
        let shard = self
            .meta
            .words
            .partition_point(|first| first.as_str() <= form)
            .saturating_sub(1);
        let bytes = self.file(&format!("w/{shard}.bin"))?.unwrap_or_default();
        let mut r = Bytes(&bytes);
        let mut out = Vec::new();
        while !r.0.is_empty() {
            let f = r.string()?;
            let s = r.string()?;
            let s = if s.is_empty() { f.clone() } else { s };
            out.push((f, s));
        }
        Ok(out)
    }

    /// The term of a normalised word: its stem, from the table of the forms the archive
    /// has. A form it lacks takes the longest stem of a neighbouring form that begins it
    /// and covers at least half of it (in Arabic, also once a proclitic is taken off);
    /// failing that, the form itself.
    pub fn stem_of(&mut self, form: &str) -> io::Result<String> {
        if self.meta.words.is_empty() {
            return Ok(form.to_string());
        }
        let mut variants = vec![form.to_string()];
        if self.meta.lang == "ar" {
            variants.extend(tokenize::without_proclitics(form).map(str::to_string));
        }
        let mut near = Vec::new();
        for v in &variants {
            let forms = self.forms_near(v)?;
            if let Some((_, stem)) = forms.iter().find(|(f, _)| f == v) {
                return Ok(stem.clone());
            }
            near.push(forms);
        }
        let mut best: Option<&str> = None;
        for (v, forms) in variants.iter().zip(&near) {
            let len = v.chars().count();
            for (_, stem) in forms {
                let n = stem.chars().count();
                if n >= 2
                    && n * 2 >= len
                    && v.starts_with(stem.as_str())
                    && best.is_none_or(|b| b.len() < stem.len())
                {
                    best = Some(stem);
                }
            }
        }
        Ok(best.unwrap_or(form).to_string())
    }

    fn postings(&mut self, term: &str) -> io::Result<Option<(u32, Postings)>> {
        let shard = hash(term) % self.meta.terms;
        let bytes = self.file(&format!("t/{shard}.bin"))?.unwrap_or_default();
        let mut r = Bytes(&bytes);
        while !r.0.is_empty() {
            let t = r.string()?;
            let df = r.varint()? as u32;
            let x = r.varint()? as usize;
            let inline = if x % 2 == 0 {
                Some(r.take(x / 2)?)
            } else {
                None
            };
            if t != term {
                continue;
            }
            let list = match inline {
                Some(b) => b.to_vec(),
                None => self
                    .file(&format!("p/{shard}-{}.bin", (x - 1) / 2))?
                    .unwrap_or_default(),
            };
            return Ok(Some((df, decode(&list)?)));
        }
        Ok(None)
    }

    /// The documents a query names by symbol, in the order shown: those whose own
    /// symbol it is, those that record or cite a document it is, then, for a query that
    /// lists prefixes, those with a key that begins with it; each in the order of
    /// symbols. The query is read by [`symbols::query_key`].
    pub fn symbol_matches(&mut self, query: &str) -> io::Result<Vec<(u32, SymbolMatch)>> {
        let Some(key) = symbols::query_key(query) else {
            return Ok(Vec::new());
        };
        let Some(shard) = symbols::shard(&key).filter(|s| self.meta.symbols.shards.contains(s))
        else {
            return Ok(Vec::new());
        };
        let bytes = self.file(&format!("s/{shard}.json"))?.unwrap_or_default();
        let rows: Vec<(String, u32, u8)> =
            serde_json::from_slice(&bytes).map_err(io::Error::other)?;
        let prefixes = symbols::lists_prefixes(&key);
        let mut found: Vec<(SymbolMatch, u32)> = rows
            .iter()
            .filter_map(|(k, doc, kind)| {
                let how = if *k == key && *kind == 0 {
                    SymbolMatch::Own
                } else if *k == key {
                    SymbolMatch::Document
                } else if prefixes && k.starts_with(&key) {
                    SymbolMatch::Prefix
                } else {
                    return None;
                };
                Some((how, *doc))
            })
            .collect();
        found.sort();
        let mut seen = std::collections::HashSet::new();
        Ok(found
            .into_iter()
            .filter(|(_, doc)| seen.insert(*doc))
            .map(|(how, doc)| (doc, how))
            .collect())
    }

    /// The page a query leads straight to: the one resolution whose symbol it is.
    pub fn only_resolution(&mut self, query: &str) -> io::Result<Option<String>> {
        let own: Vec<u32> = self
            .symbol_matches(query)?
            .into_iter()
            .filter(|(_, how)| *how == SymbolMatch::Own)
            .map(|(doc, _)| doc)
            .collect();
        match own[..] {
            [doc] => Ok(Some(self.entry(doc)?.u)),
            _ => Ok(None),
        }
    }

    /// The best `limit` pages for `query` among those holding every facet term of
    /// `facets` (`session:ga-73`), best first: the resolutions it names by symbol
    /// ([`Reader::symbol_matches`]), then those holding every term of it.
    pub fn search(&mut self, query: &str, facets: &[String], limit: usize) -> io::Result<Vec<Hit>> {
        let mut facet_lists = Vec::new();
        for f in facets {
            match self.postings(f)? {
                Some((_, p)) => facet_lists.push(p),
                None => return Ok(Vec::new()),
            }
        }
        let named: Vec<u32> = self
            .symbol_matches(query)?
            .into_iter()
            .map(|(doc, _)| doc)
            .filter(|doc| facet_lists.iter().all(|l| l.contains_key(doc)))
            .collect();
        let mut found: Vec<(u32, f64, Option<u32>)> =
            named.iter().map(|&doc| (doc, 0.0, None)).collect();
        let text = self.text_search(query, facets)?;
        found.extend(text.into_iter().filter(|(doc, _, _)| !named.contains(doc)));
        found.truncate(limit);
        let mut hits = Vec::with_capacity(found.len());
        for (doc, score, best) in found {
            let e = self.entry(doc)?;
            hits.push(Hit {
                anchor: best.and_then(|p| super::entry::anchor_at(&e.a, p)),
                path: e.u,
                symbol: e.s,
                title: e.t,
                date: e.d,
                score,
            });
        }
        Ok(hits)
    }

    /// The entry of document `doc`, from its document file.
    fn entry(&mut self, doc: u32) -> io::Result<super::entry::DocEntry> {
        let file = doc / self.meta.per_file;
        let bytes = self
            .file(&format!("d/{file}.json"))?
            .ok_or_else(|| io::Error::other(format!("no document file {file}")))?;
        let mut entries: Vec<super::entry::DocEntry> =
            serde_json::from_slice(&bytes).map_err(io::Error::other)?;
        let i = (doc % self.meta.per_file) as usize;
        if i >= entries.len() {
            return Err(io::Error::other(format!("no document {doc}")));
        }
        Ok(entries.swap_remove(i))
    }

    /// The documents holding every term of `query` and every facet term, by BM25 over
    /// paragraphs, best first, with the paragraph holding most of the query.
    fn text_search(
        &mut self,
        query: &str,
        facets: &[String],
    ) -> io::Result<Vec<(u32, f64, Option<u32>)>> {
        let terms = self.terms(query)?;
        if terms.is_empty() && facets.is_empty() {
            return Ok(Vec::new());
        }
        let n = self.meta.documents as f64;
        let mut lists: Vec<(f64, Postings)> = Vec::new();
        for (term, scored) in terms
            .iter()
            .map(|t| (t, true))
            .chain(facets.iter().map(|f| (f, false)))
        {
            let Some((df, postings)) = self.postings(term)? else {
                return Ok(Vec::new());
            };
            let df = df as f64;
            let idf = if scored {
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            } else {
                0.0
            };
            lists.push((idf, postings));
        }
        lists.sort_by_key(|(_, p)| p.len());
        let mut found: Vec<(u32, f64, Option<u32>)> = Vec::new();
        'doc: for &doc in lists[0].1.keys() {
            let mut score = 0.0;
            let mut weight: BTreeMap<u32, f64> = BTreeMap::new();
            for (idf, list) in &lists {
                let Some((tf, paragraphs)) = list.get(&doc) else {
                    continue 'doc;
                };
                let tf = *tf as f64;
                score += idf * tf * 2.2 / (tf + 1.2);
                for &p in paragraphs {
                    *weight.entry(p).or_default() += idf;
                }
            }
            // The paragraph holding most of the query; on a tie the first, but a
            // paragraph of the text before the heading (0).
            let best = weight
                .iter()
                .fold(None, |best: Option<(u32, f64)>, (&p, &w)| match best {
                    Some((bp, bw)) if bw > w || (bw == w && bp != 0) => best,
                    _ => Some((p, w)),
                })
                .map(|(p, _)| p);
            found.push((doc, score, best));
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        Ok(found)
    }
}

fn decode(bytes: &[u8]) -> io::Result<Postings> {
    let mut out = Postings::new();
    let mut r = Bytes(bytes);
    let mut doc: i64 = -1;
    while !r.0.is_empty() {
        doc += r.varint()? as i64;
        let n = r.varint()? as u32;
        let mut p: i64 = -1;
        let mut paragraphs = Vec::new();
        for _ in 0..(n as usize).min(super::index::MAX_PARAGRAPHS) {
            p += r.varint()? as i64;
            paragraphs.push(p as u32);
        }
        out.insert(doc as u32, (n, paragraphs));
    }
    Ok(out)
}

struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn varint(&mut self) -> io::Result<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let (&b, rest) = self
                .0
                .split_first()
                .ok_or_else(|| io::Error::other("truncated number"))?;
            self.0 = rest;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    fn take(&mut self, n: usize) -> io::Result<&'a [u8]> {
        if n > self.0.len() {
            return Err(io::Error::other("truncated entry"));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }

    fn string(&mut self) -> io::Result<String> {
        let n = self.varint()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(io::Error::other)
    }
}
