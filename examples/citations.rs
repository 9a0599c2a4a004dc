//! Lists the citations plenary finds in plain texts, one per line, with their context:
//! a tool for checking the citation finder by eye, and for counting what it finds.
//!
//! cargo run --example citations -- [--lang en] [--organ ga|sc|hrc|ecosoc] [--count] PATH...
//!
//! A PATH may be a directory, read with the texts under it (`.md`, `.txt`, `.html`, not
//! its READMEs). Without `--lang`, each file's
//! language comes from its name (`30.fr.md`, `S_RES_0001_1946_EN_GOLD.txt`,
//! `un_charter.ar.txt`), English if it says none. Output (tab-separated): file, line, the
//! cited text, the target, the context; with `--count`, the number of citations under each
//! PATH instead.

use std::path::{Path, PathBuf};

use plenary::cite::{self, Target};
use plenary::model::{Lang, Organ};

fn main() {
    let mut lang: Option<Lang> = None;
    let mut organ: Option<Organ> = None;
    let mut count = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                lang = Some(
                    args.next()
                        .and_then(|l| Lang::parse(&l))
                        .expect("--lang ar|zh|en|fr|ru|es"),
                )
            }
            "--organ" => {
                organ = Some(match args.next().as_deref() {
                    Some("sc") => Organ::SecurityCouncil,
                    Some("hrc") => Organ::HumanRightsCouncil,
                    Some("ecosoc") => Organ::EconomicAndSocialCouncil,
                    _ => Organ::GeneralAssembly,
                })
            }
            "--count" => count = true,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    for path in paths {
        let mut files = Vec::new();
        walk(&path, &mut files);
        files.sort();
        let mut total = 0;
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                eprintln!("cannot read {}", file.display());
                continue;
            };
            let name = file.display().to_string();
            let lang = lang.unwrap_or_else(|| lang_of(&name));
            // Security Council texts are named S_RES_… or lie under sc/; their "its
            // resolution" is the Council's.
            let own = organ.unwrap_or(if name.contains("S_RES_") || name.contains("/sc/") {
                Organ::SecurityCouncil
            } else {
                Organ::GeneralAssembly
            });
            let found = cite::find_in(&text, lang, own);
            total += found.len();
            if !count {
                for c in found {
                    print_citation(&name, &text, &c);
                }
            }
        }
        if count {
            println!("{}\t{total}", path.display());
        }
    }
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for e in entries.flatten() {
                walk(&e.path(), out);
            }
        }
        // Texts only: no data files, no folder's README.
        Err(_) => {
            let name = path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into());
            let text = [".md", ".txt", ".html"].iter().any(|e| name.ends_with(e));
            if text && !name.starts_with("README") {
                out.push(path.to_path_buf());
            }
        }
    }
}

/// The language a file's name gives: "….fr.md", "…_EN_GOLD.txt", "un_charter.ar.txt".
fn lang_of(name: &str) -> Lang {
    let lower = name.to_lowercase();
    Lang::ALL
        .into_iter()
        .find(|l| {
            let code = l.code();
            lower.contains(&format!(".{code}.")) || lower.contains(&format!("_{code}_"))
        })
        .unwrap_or(Lang::En)
}

fn print_citation(file: &str, text: &str, c: &cite::Citation) {
    let line = text[..c.span.start].matches('\n').count() + 1;
    let target = match &c.target {
        Target::Resolution(s) => s.to_string(),
        Target::Document(d) => format!("document {d}"),
        Target::Unlinkable(u) => format!("unlinked: {u:?}"),
    };
    let start = floor(text, c.span.start.saturating_sub(70));
    let end = floor(text, (c.span.end + 40).min(text.len()));
    let context = format!(
        "{}[{}]{}",
        &text[start..c.span.start],
        &text[c.span.clone()],
        &text[c.span.end..end]
    )
    .replace(['\n', '\t'], " ");
    let cited = text[c.span.clone()].replace('\n', " ");
    println!("{file}\t{line}\t{cited}\t{target}\t{context}");
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
