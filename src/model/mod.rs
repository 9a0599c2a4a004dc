//! The archive's domain model: symbols, languages, resolutions and the archive itself.
//! Pure data, no I/O.

pub mod agenda;
mod archive;
pub mod countries;
mod lang;
pub mod months;
mod resolution;
mod symbol;
pub mod thesaurus;
mod votes;
pub mod world_map;

pub use agenda::Agenda;
pub use archive::{Archive, Group, GroupKind, agenda_item_key, session_key, slug};
pub use lang::Lang;
pub use resolution::{Resolution, Vote, WITHOUT_REFERENCE};
pub use symbol::{Organ, Session, Symbol, SymbolError, from_roman, to_roman};
pub use thesaurus::{Concept, Thesaurus};
pub use votes::{Ballot, RecordedVotes, Votes};
