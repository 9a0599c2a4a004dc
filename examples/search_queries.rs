//! The bytes typical queries download from a built site's search index: the files the
//! search page fetches for each query (meta.json, word forms, term shards, long postings,
//! and the document files of the first page of 20 results), as `search::Reader` reads
//! them the same way.
//!
//!     cargo run --release --example search_queries -- PUBLIC_DIR

use std::path::PathBuf;

use plenary::search::Reader;

const QUERIES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "digital technologies",
            "human rights",
            "climate",
            "General Assembly",
        ],
    ),
    (
        "fr",
        &["technologies numériques", "droits humains", "climat"],
    ),
    (
        "es",
        &["tecnologías digitales", "derechos humanos", "clima"],
    ),
    ("ru", &["цифровых технологий", "права человека", "климата"]),
    ("ar", &["التكنولوجيات الرقمية", "حقوق الإنسان", "المناخ"]),
    ("zh", &["数字技术", "人权", "气候", "网络犯罪"]),
];

fn main() -> std::io::Result<()> {
    let public: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("public"));
    println!("| lang | query | results | files | bytes |");
    println!("| --- | --- | ---: | ---: | ---: |");
    let mut worst = 0;
    let mut all = Vec::new();
    for (lang, queries) in QUERIES {
        for q in *queries {
            let mut reader = Reader::open(&public.join("search").join(lang))?;
            let hits = reader.search(q, &[], usize::MAX)?.len();
            // The first page shows 20: only their document files are fetched.
            let mut reader = Reader::open(&public.join("search").join(lang))?;
            reader.search(q, &[], 20)?;
            let bytes = reader.bytes_read();
            worst = worst.max(bytes);
            all.push(bytes);
            println!(
                "| {lang} | {q} | {hits} | {} | {bytes} |",
                reader.files_read().len()
            );
        }
    }
    all.sort_unstable();
    println!(
        "\nmedian {} bytes, largest {} bytes over {} queries",
        all[all.len() / 2],
        worst,
        all.len()
    );
    Ok(())
}
