//! What a build tells while it runs: the stage it is in and how far along it is, and,
//! once done, how long each stage took.
//!
//! The build reports through [`Progress`]; it knows nothing of terminals. The command
//! line shows a bar ([`Bar`]) on a terminal, and nothing until the summary elsewhere.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A stage of a build, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Reading and checking the resolution files.
    Load,
    /// Rendering the texts, linking their citations, and comparing the series.
    Link,
    /// Writing the data files, citations, feeds and sitemap.
    Write,
    /// Indexing every language for search.
    Search,
    /// Rendering the pages through the theme, and writing them.
    Render,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Load,
        Stage::Link,
        Stage::Write,
        Stage::Search,
        Stage::Render,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Link => "link",
            Stage::Write => "write",
            Stage::Search => "search",
            Stage::Render => "render",
        }
    }
}

/// Told of a build's progress, from any thread.
pub trait Progress: Sync {
    /// A stage begins, with `total` steps.
    fn stage(&self, stage: Stage, total: usize);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: usize);
    /// The build is over: whatever was shown goes, before the summary.
    fn finish(&self) {}
}

/// Tells nobody.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: Stage, _: usize) {}
    fn advance(&self, _: usize) {}
}

/// How long each stage of a build took, in the order they ran.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timings(pub Vec<(Stage, Duration)>);

impl std::fmt::Display for Timings {
    /// `load 120 ms, link 340 ms, …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (k, (stage, took)) in self.0.iter().enumerate() {
            if k > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{} {} ms", stage.name(), took.as_millis())?;
        }
        Ok(())
    }
}

/// Passes stages on to a [`Progress`] and times them.
pub(crate) struct Stages<'a> {
    progress: &'a dyn Progress,
    current: Option<(Stage, Instant)>,
    done: Vec<(Stage, Duration)>,
}

impl<'a> Stages<'a> {
    pub(crate) fn new(progress: &'a dyn Progress) -> Stages<'a> {
        Stages {
            progress,
            current: None,
            done: Vec::new(),
        }
    }

    /// Ends the current stage and begins `stage`.
    pub(crate) fn begin(&mut self, stage: Stage, total: usize) -> &'a dyn Progress {
        self.end();
        self.progress.stage(stage, total);
        self.current = Some((stage, Instant::now()));
        self.progress
    }

    /// Where progress goes.
    pub(crate) fn progress(&self) -> &'a dyn Progress {
        self.progress
    }

    pub(crate) fn end(&mut self) {
        if let Some((stage, since)) = self.current.take() {
            self.done.push((stage, since.elapsed()));
        }
    }

    pub(crate) fn finish(mut self) -> Timings {
        self.end();
        Timings(self.done)
    }
}

/// A progress bar on standard error, which shows only once a build has run for a second:
/// quick builds print their summary and nothing else.
pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
}

/// How long a build runs before its bar shows.
const SHOW_AFTER: Duration = Duration::from_secs(1);

impl Bar {
    pub fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template(
                "{prefix:>7.bold} [{bar:30}] {human_pos}/{human_len} {elapsed_precise}",
            )
            .expect("a valid template")
            .progress_chars("=> "),
        );
        Bar {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    fn show_when_due(&self) {
        if self.shown.load(Ordering::Relaxed) || self.started.elapsed() < SHOW_AFTER {
            return;
        }
        // Whichever thread comes first shows it, once.
        if !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Default for Bar {
    fn default() -> Bar {
        Bar::new()
    }
}

impl Progress for Bar {
    fn stage(&self, stage: Stage, total: usize) {
        self.bar.set_prefix(stage.name());
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.show_when_due();
    }

    fn advance(&self, n: usize) {
        self.bar.inc(n as u64);
        self.show_when_due();
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_read_as_a_list_in_the_order_the_stages_ran() {
        let t = Timings(vec![
            (Stage::Load, Duration::from_millis(12)),
            (Stage::Render, Duration::from_micros(3400)),
        ]);
        assert_eq!(t.to_string(), "load 12 ms, render 3 ms");
    }

    #[test]
    fn each_stage_is_timed_once_when_the_next_begins() {
        let mut stages = Stages::new(&Silent);
        stages.begin(Stage::Load, 3);
        stages.begin(Stage::Link, 3);
        stages.begin(Stage::Render, 1);
        let t = stages.finish();
        let order: Vec<Stage> = t.0.iter().map(|(s, _)| *s).collect();
        assert_eq!(order, [Stage::Load, Stage::Link, Stage::Render]);
    }
}
