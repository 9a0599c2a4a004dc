//! The `plenary` command: parses arguments, calls the library, prints diagnostics and sets
//! the exit code. No logic of its own.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use plenary::{BuildError, BuildOptions, Diagnostic};

#[derive(Parser)]
#[command(
    name = "plenary",
    version,
    about = "A static site generator for archives of United Nations resolutions, in the six official languages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Create a new site with settings and three real resolutions to start from.
    Init {
        /// The folder to create; it must not exist yet, or be empty.
        dir: PathBuf,
    },
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
}

impl SiteArgs {
    fn options(self, output: Option<PathBuf>, dry_run: bool) -> BuildOptions {
        BuildOptions {
            root: self.root,
            output,
            base_url: self.base_url,
            drafts: self.drafts,
            dry_run,
            relative_links: self.relative_links,
        }
    }
}

fn print_all(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

fn run_build(opts: BuildOptions) -> ExitCode {
    let dry_run = opts.dry_run;
    match plenary::build(&opts) {
        Ok(report) => {
            print_all(&report.warnings);
            let ms = report.elapsed.as_millis();
            match (&report.output, dry_run) {
                (Some(out), _) => println!(
                    "built {} resolutions into {} pages ({} files) in {} in {ms} ms",
                    report.resolutions,
                    report.pages,
                    report.files,
                    out.display()
                ),
                _ => {
                    let check = plenary::report::CheckReport::new(&Ok(report));
                    if let Some(summary) = check.not_in_archive_summary(10) {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    }
}
