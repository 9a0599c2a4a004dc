//! Lists the citations plenary finds in plain texts, one per line, with their context:
//! a tool for checking the citation finder by eye.
//!
//! cargo run --example citations -- [--lang en] [--organ ga|sc|hrc|ecosoc] FILE...
//!
//! Output (tab-separated): file, line, the cited text, the target, the context.

use plenary::cite::{self, Target};
use plenary::model::{Lang, Organ};

fn main() {
    let mut lang = Lang::En;
    let mut organ: Option<Organ> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                lang = args
                    .next()
                    .and_then(|l| Lang::parse(&l))
                    .expect("--lang ar|zh|en|fr|ru|es")
            }
            "--organ" => {
                organ = Some(match args.next().as_deref() {
                    Some("sc") => Organ::SecurityCouncil,
                    Some("hrc") => Organ::HumanRightsCouncil,
                    Some("ecosoc") => Organ::EconomicAndSocialCouncil,
                    _ => Organ::GeneralAssembly,
                })
            }
            _ => files.push(arg),
        }
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            eprintln!("cannot read {file}");
            continue;
        };
        // Security Council texts are named S_RES_…; their "its resolution" is the Council's.
        let own = organ.unwrap_or(if file.contains("S_RES_") {
            Organ::SecurityCouncil
        } else {
            Organ::GeneralAssembly
        });
        for c in cite::find_in(&text, lang, own) {
            let line = text[..c.span.start].matches('\n').count() + 1;
            let target = match &c.target {
                Target::Resolution(s) => s.to_string(),
                Target::Document(d) => format!("document {d}"),
                Target::Unlinkable(u) => format!("unlinked: {u:?}"),
            };
            let start = floor(&text, c.span.start.saturating_sub(70));
            let end = floor(&text, (c.span.end + 40).min(text.len()));
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
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
