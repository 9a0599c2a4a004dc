//! What a build tells while it runs, and the summary it prints when it is done.

use std::collections::HashMap;
use std::sync::Mutex;

use plenary::progress::{Progress, Stage};
use plenary::{BuildOptions, build_with};

use crate::harness::Site;

/// Every stage begun, with its total and the steps reported done.
#[derive(Default)]
struct Recorder {
    stages: Mutex<Vec<(Stage, usize)>>,
    done: Mutex<HashMap<Stage, usize>>,
}

impl Progress for Recorder {
    fn stage(&self, stage: Stage, total: usize) {
        let mut stages = self.stages.lock().unwrap();
        // Loading is begun before the files are counted, then told their number.
        match stages.last_mut() {
            Some(last) if last.0 == stage => last.1 = total,
            _ => stages.push((stage, total)),
        }
    }

    fn advance(&self, n: usize) {
        let stage = self.stages.lock().unwrap().last().expect("a stage begun").0;
        *self.done.lock().unwrap().entry(stage).or_default() += n;
    }
}

#[test]
fn every_stage_is_told_in_order_and_counts_up_to_its_total() {
    let site = Site::sample();
    let files = walkdir::WalkDir::new(site.root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count();
    let recorder = Recorder::default();
    let report = build_with(&BuildOptions::new(&site.root), &recorder).expect("the sample builds");

    let stages = recorder.stages.into_inner().unwrap();
    let order: Vec<Stage> = stages.iter().map(|s| s.0).collect();
    assert_eq!(order, Stage::ALL);
    let done = recorder.done.into_inner().unwrap();
    for (stage, total) in &stages {
        assert_eq!(done.get(stage), Some(total), "{stage:?}");
    }
    let total = |s: Stage| stages.iter().find(|x| x.0 == s).unwrap().1;
    assert_eq!(total(Stage::Load), files);
    assert_eq!(total(Stage::Link), report.resolutions);
    assert_eq!(total(Stage::Render), report.pages);
    let timed: Vec<Stage> = report.timings.0.iter().map(|t| t.0).collect();
    assert_eq!(timed, Stage::ALL);
}

#[test]
fn without_search_the_search_stage_has_nothing_to_do() {
    let site = Site::sample();
    let opts = BuildOptions {
        no_search: true,
        ..BuildOptions::new(&site.root)
    };
    let recorder = Recorder::default();
    build_with(&opts, &recorder).expect("the sample builds");
    let stages = recorder.stages.into_inner().unwrap();
    let total = stages.iter().find(|s| s.0 == Stage::Search).map(|s| s.1);
    // The stage is still named, so the timings line up, but it has nothing to do.
    assert_eq!(total, Some(0));
}

#[test]
fn off_a_terminal_a_build_prints_one_line_with_the_time_of_each_stage() {
    let site = Site::sample();
    let run = site.build();
    run.assert_ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    for stage in Stage::ALL {
        // `load 12 ms,` … `render 70 ms;`
        let shown = format!("{} ", stage.name());
        let at = lines[0]
            .find(&shown)
            .unwrap_or_else(|| panic!("{stage:?}: {}", lines[0]));
        let rest = &lines[0][at + shown.len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        assert!(
            digits > 0 && rest[digits..].starts_with(" ms"),
            "{stage:?}: {}",
            lines[0]
        );
    }
    // No bar was drawn: it would leave carriage returns and escapes behind.
    assert!(
        !run.stderr.contains('\r') && !run.stderr.contains('\u{1b}'),
        "{:?}",
        run.stderr
    );
}

#[test]
fn jobs_sets_the_threads_and_changes_nothing_in_the_site() {
    let site = Site::sample();
    let one = site.run(&["build", "-j", "1", "--output", "one"]);
    one.assert_ok();
    assert!(one.stdout.contains("; 1 thread)"), "{}", one.stdout);
    let three = site.run(&["build", "--jobs", "3", "--output", "three"]);
    three.assert_ok();
    assert!(three.stdout.contains("; 3 threads)"), "{}", three.stdout);
    assert!(site.snapshot("one") == site.snapshot("three"));

    let zero = site.run(&["build", "-j", "0"]);
    assert_ne!(zero.code, 0);
    assert!(zero.stderr.contains("-j"), "{}", zero.stderr);
    assert!(!site.exists("public"), "a refused build wrote public/");
}
