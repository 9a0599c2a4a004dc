//! Full-text search without a server: a static index per language, written by the build
//! from the paragraphs it has already rendered, and read by a small script in the
//! browser that fetches only the files a query needs.
//!
//! - `tokenize`: what a text is made of, per language (Snowball stems, Chinese bigrams);
//! - `index`: one language's index, written as shards of terms, word forms and documents;
//! - `query`: a query over a written index, as the browser runs it;
//! - `symbols`: the keys of symbols and what a query becomes to be looked up among them;
//! - `entry`: a document's entry, which `index` writes and `query` and `search.js` read.
//!
//! This module knows nothing of pages or URLs: the build hands it documents with their
//! paths and writes its files where it says.

pub mod entry;
pub mod index;
pub mod query;
pub mod symbols;
pub mod tokenize;

pub use index::{Document, IndexError, LanguageIndex, Paragraph, Stats};
pub use query::{Hit, Reader, SymbolMatch};

#[cfg(test)]
mod tests;
