//! The `plenary` command: parses arguments, calls the library, prints diagnostics and sets
//! the exit code. No logic of its own.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mimalloc::MiMalloc;
use plenary::import::{ImportOptions, Outcome};
use plenary::model::Lang;
use plenary::progress::{Bar, Progress, Silent};
use plenary::{BuildError, BuildOptions, Diagnostic};

// Rendering and comparing allocate many short-lived strings: mimalloc's thread-local free
// lists cut the build's CPU by about a fifth (BENCHMARKS.md, "The allocator").
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

#[derive(Parser)]
#[command(
    name = "plenary",
    version,
    about = "A static site generator for archives of United Nations resolutions, in the six official languages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How many threads build on [default: one per core].
    #[arg(long, short = 'j', global = true, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/, site.toml and the theme into public/.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: ROOT/public]. It is replaced as a whole, and
        /// only once the build has succeeded.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check the site for errors, as `build` does, without writing anything.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// How to print the report: `text` for people, `json` for machines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build the site, serve it on this computer, and rebuild and reload on every save.
    Serve {
        /// The site's folder, which holds site.toml and content/.
        #[arg(long, short, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, short, default_value_t = 1946)]
        port: u16,
        /// The address to listen on. Anything but a loopback address shows the preview to
        /// your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Include resolutions marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new site with settings and three real resolutions to start from.
    Init {
        /// The folder to create; it must not exist yet, or be empty.
        dir: PathBuf,
    },
    /// Turn raw resolution texts (as issued, or extracted from PDF) into resolution files.
    Import {
        /// Text files, or folders whose .txt files are imported.
        #[arg(required = true, value_name = "SRC")]
        sources: Vec<PathBuf>,
        /// The content folder to write into: each file goes to DIR/<organ>/<session or year>/<number>.<lang>.md.
        #[arg(long, value_name = "DIR", default_value = "content")]
        into: PathBuf,
        /// The language of the texts (ar, zh, en, fr, ru, es), instead of detecting it.
        #[arg(long, value_name = "xx", value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Replace files that exist.
        #[arg(long)]
        force: bool,
    },
}

fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::parse(tag).ok_or_else(|| format!("`{tag}` is not one of ar, zh, en, fr, ru, es"))
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
struct SiteArgs {
    /// The site's folder, which holds site.toml and content/.
    #[arg(long, short, default_value = ".")]
    root: PathBuf,
    /// The URL the site will be published at, e.g. https://example.org/archive/ (overrides
    /// base_url in site.toml).
    #[arg(long)]
    base_url: Option<String>,
    /// Include resolutions marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Write every link relative to its page, with index.html after folder links, so the
    /// site works opened from disk and on any host (as relative_links = true in site.toml).
    #[arg(long)]
    relative_links: bool,
    /// Leave out the search index and the search pages (as [search] enabled = false in
    /// site.toml).
    #[arg(long)]
    no_search: bool,
}

impl SiteArgs {
    fn options(self, output: Option<PathBuf>, dry_run: bool) -> BuildOptions {
        BuildOptions {
            root: self.root,
            output,
            base_url: self.base_url,
            drafts: self.drafts,
            dry_run,
            live_reload: false,
            relative_links: self.relative_links,
            no_search: self.no_search,
        }
    }
}

fn print_all(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

/// A bar on a terminal; in CI, or when output goes to a file, only the summary.
fn progress() -> Box<dyn Progress> {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() {
        Box::new(Bar::new())
    } else {
        Box::new(Silent)
    }
}

fn run_build(opts: BuildOptions) -> ExitCode {
    let dry_run = opts.dry_run;
    let bar = progress();
    let result = plenary::build_with(&opts, bar.as_ref());
    bar.finish();
    match result {
        Ok(report) => {
            print_all(&report.warnings);
            let ms = report.elapsed.as_millis();
            match (&report.output, dry_run) {
                (Some(out), _) => println!(
                    "built {} resolutions into {} pages ({} files) in {} in {ms} ms ({}; {} thread{})",
                    report.resolutions,
                    report.pages,
                    report.files,
                    out.display(),
                    report.timings,
                    report.threads,
                    if report.threads == 1 { "" } else { "s" },
                ),
                _ => {
                    let check = plenary::report::CheckReport::new(&Ok(report));
                    if let Some(summary) = check.not_in_archive_summary(10) {
                        println!("{summary}");
                    }
                    if let Some(summary) = check.votes_not_in_archive_summary(10) {
                        println!("{summary}");
                    }
                    println!(
                        "checked {} resolutions and {} pages in {ms} ms: no errors",
                        check.resolutions, check.pages
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid(diagnostics)) => {
            print_all(&diagnostics);
            let errors = plenary::diagnostic::error_count(&diagnostics);
            let files: std::collections::BTreeSet<_> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| &d.path)
                .collect();
            let what = if dry_run { "" } else { "; nothing was written" };
            eprintln!(
                "error: {errors} problem(s) in {} file(s){what}",
                files.len()
            );
            ExitCode::FAILURE
        }
        Err(e @ BuildError::Output(_)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_import(sources: &[PathBuf], opts: &ImportOptions) -> ExitCode {
    let report = match plenary::import::import(sources, opts) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for file in &report.files {
        let source = file.source.display();
        match &file.outcome {
            Outcome::Written { path, symbol, lang } => {
                println!("{source} -> {} ({symbol}, {lang})", path.display())
            }
            Outcome::Replaced { path, symbol, lang } => {
                println!(
                    "{source} -> {} ({symbol}, {lang}; replaced)",
                    path.display()
                )
            }
            Outcome::Exists { path } => println!(
                "{source}: not written: {} exists (--force replaces it)",
                path.display()
            ),
            Outcome::Duplicate { path, first } => println!(
                "{source}: not written: {} already comes from {}",
                path.display(),
                first.display()
            ),
            Outcome::Failed => println!("{source}: not imported"),
        }
        print_all(&file.diagnostics);
    }
    println!(
        "imported {} of {} files ({} warnings)",
        report.written(),
        report.files.len(),
        report.warnings()
    );
    if report.not_written() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(jobs) = cli.jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.get())
            .build_global()
    {
        eprintln!("error: cannot start {jobs} threads: {e}");
        return ExitCode::FAILURE;
    }
    match cli.command {
        Command::Build { site, output } => run_build(site.options(output, false)),
        Command::Check {
            site,
            format: Format::Text,
        } => run_build(site.options(None, true)),
        Command::Check {
            site,
            format: Format::Json,
        } => {
            let report =
                plenary::report::CheckReport::new(&plenary::build(&site.options(None, true)));
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(e) => eprintln!("error: {e}"),
            }
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
        } => {
            if !bind.is_loopback() {
                eprintln!(
                    "warning: listening on {bind}: other computers on your network can see the preview"
                );
            }
            let opts = plenary::serve::ServeOptions {
                root,
                drafts,
                bind,
                port,
            };
            let result = plenary::serve::serve(opts, |addr| {
                let url = format!("http://{addr}/");
                println!("serving {url} (Ctrl-C to stop)");
                if open && let Err(e) = opener::open(&url) {
                    eprintln!("warning: cannot open a browser: {e}");
                }
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Init { dir } => match plenary::init::init(&dir) {
            Ok(files) => {
                println!(
                    "created a new site in {} ({} files)",
                    dir.display(),
                    files.len()
                );
                println!("next: cd {} && plenary build", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Import {
            sources,
            into,
            lang,
            force,
        } => run_import(&sources, &ImportOptions { into, lang, force }),
    }
}
