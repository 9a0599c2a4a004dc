//! Times `plenary serve`'s rebuilds on a site: one full build, then edits to one
//! resolution's body, each followed by the partial rebuild a save triggers.
//!
//! cargo run --release --example preview_bench -- SITE_ROOT [EDITS]

use std::path::PathBuf;
use std::time::Instant;

use plenary::BuildOptions;
use plenary::preview::Preview;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("SITE_ROOT"));
    let edits: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let output = std::env::temp_dir().join(format!("plenary-preview-bench-{}", std::process::id()));
    let mut preview = Preview::new(BuildOptions {
        output: Some(output.clone()),
        base_url: Some("/".into()),
        live_reload: true,
        ..BuildOptions::new(root.clone())
    });
    let started = Instant::now();
    let full = preview.rebuild().expect("the site builds");
    println!(
        "full build: {} pages in {} ms",
        full.pages,
        started.elapsed().as_millis()
    );

    let file = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("a resolution file")
        .into_path()
        .canonicalize()
        .expect("canonical path");
    let original = std::fs::read_to_string(&file).expect("readable");
    let mut times = Vec::new();
    for n in 0..edits {
        std::fs::write(&file, format!("{original}\nAn edit, number {n}.\n")).expect("writable");
        let t = Instant::now();
        let update = preview
            .update(std::slice::from_ref(&file))
            .expect("the edit builds");
        times.push(t.elapsed().as_millis());
        println!(
            "edit {n}: {} pages in {} ms",
            update.pages,
            t.elapsed().as_millis()
        );
    }
    std::fs::write(&file, original).expect("writable");
    times.sort_unstable();
    println!(
        "one-file rebuild, median of {edits}: {} ms",
        times[times.len() / 2]
    );
    let _ = std::fs::remove_dir_all(output);
}
