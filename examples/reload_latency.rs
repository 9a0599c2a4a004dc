//! Times what an editor sees: from the save of one resolution's text to the new text on
//! the page, in a real browser (headless Chromium), through `plenary serve` and its
//! reload. Prints each edit and the median.
//!
//! cargo build --release && cargo run --release --example reload_latency -- SITE_ROOT [EDITS]
//!
//! Needs Chromium and chromedriver (Debian: chromium, chromium-driver).

#[allow(dead_code)]
#[path = "../tests/cli/tools.rs"]
mod tools;

#[allow(dead_code)]
#[path = "../tests/cli/browser.rs"]
mod browser;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("SITE_ROOT"));
    let edits: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let plenary = std::env::current_exe()
        .expect("this program's path")
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/examples")
        .join("plenary");
    assert!(
        plenary.is_file(),
        "build the binary first: cargo build --release"
    );

    let file = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().to_string_lossy().ends_with(".en.md"))
        .expect("an English resolution file")
        .into_path();
    let (resolution, _) = plenary::content::load_file(&file, &file);
    let resolution = resolution.expect("the file is a valid resolution");
    let page = plenary::output::urls::resolution(resolution.lang, &resolution.symbol);
    let original = std::fs::read_to_string(&file).expect("readable");

    let started = Instant::now();
    let mut server = Command::new(&plenary)
        .arg("serve")
        .arg("--root")
        .arg(&root)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start plenary serve");
    let mut lines = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("serving http://")
                .map(|rest| rest.split('/').next().unwrap_or_default().to_string())
        })
        .expect("a `serving` line");
    println!(
        "serve: first build and start in {} ms",
        started.elapsed().as_millis()
    );
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            println!("  serve: {line}");
        }
    });

    let browser = browser::Browser::start().expect("Chromium and chromedriver");
    let url = format!("http://{addr}/{page}");
    let mut times = Vec::new();
    browser.run(async {
        let c = &browser.client;
        c.goto(&url).await.expect("the page opens");
        for n in 0..edits {
            wait_for(
                &browser,
                "return document.documentElement.dataset.plenaryLive === 'open'",
            )
            .await;
            let mark = format!("plenarymark{n}");
            // A word more at the end of the body's last line, which ends the last
            // paragraph: the same paragraphs and citations, so the save is the common one,
            // of text alone. (A word after "The General Assembly," would make it a paragraph.)
            let end = original.trim_end().len();
            let edited = format!("{} {mark}{}", &original[..end], &original[end..]);
            let saved = Instant::now();
            std::fs::write(&file, edited).expect("writable");
            wait_for(
                &browser,
                &format!("return document.body.innerText.includes('{mark}')"),
            )
            .await;
            let shown = saved.elapsed();
            println!("edit {n}: shown {} ms after the save", shown.as_millis());
            times.push(shown);
            // Let the watcher settle before the next save.
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    });
    std::fs::write(&file, &original).expect("writable");
    drop(browser);
    let _ = server.kill();
    let _ = server.wait();
    times.sort_unstable();
    println!(
        "save to page, median of {edits}: {} ms (fastest {} ms, slowest {} ms)",
        times[times.len() / 2].as_millis(),
        times[0].as_millis(),
        times[times.len() - 1].as_millis()
    );
}

async fn wait_for(browser: &browser::Browser, script: &str) {
    let started = Instant::now();
    loop {
        if let Ok(serde_json::Value::Bool(true)) = browser.client.execute(script, vec![]).await {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the page never showed it: {script}"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}
