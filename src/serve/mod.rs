//! `plenary serve`: builds the site into a private folder, serves it on 127.0.0.1,
//! rebuilds on every save and reloads the open pages.

mod files;
mod jump;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostic::Diagnostic;
use crate::options::BuildOptions;
use crate::output::live;
use crate::preview::{Preview, SearchFollow, Update, summary};
use files::Resolved;

const LIVE_JS: &str = include_str!("live.js");
/// The page served for a missing path before the site has a 404 page of its own.
const NOT_FOUND: &str = include_str!("not_found.html");

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub drafts: bool,
    pub bind: IpAddr,
    /// 0 lets the system choose a free port.
    pub port: u16,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot watch {path} for changes: {why}")]
    Watch { path: PathBuf, why: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What the browser is told.
#[derive(Debug, Clone)]
pub enum Signal {
    /// Everything was rebuilt (theme, settings, static files): pages load again.
    Reload,
    /// Only content changed: pages put the new version in place of the old.
    Refresh,
    /// When the last good build finished (ms since the Unix epoch), told on connecting.
    Built(u128),
    Problems(String),
}

/// State shared by the server, the watcher and the rebuilds.
pub struct Live {
    /// The built site being served (canonical path).
    output: PathBuf,
    signals: broadcast::Sender<Signal>,
    /// The problems of the last build, shown to every page that connects until fixed.
    problems: Mutex<Option<String>>,
    /// When the last good build finished, in milliseconds since the Unix epoch: a page
    /// that was loading while a reload was sent learns from it, when it connects, that
    /// it is older than the site.
    built: Mutex<u128>,
}

impl Live {
    fn report(&self, result: Result<(String, Signal), Vec<Diagnostic>>) {
        match result {
            Ok((summary, signal)) => {
                println!("{summary}");
                *self.problems.lock().unwrap_or_else(|e| e.into_inner()) = None;
                *self.built.lock().unwrap_or_else(|e| e.into_inner()) = now_millis();
                let _ = self.signals.send(signal);
            }
            Err(diagnostics) => {
                let text: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
                eprint!("{text}");
                eprintln!(
                    "the site still shows the last good build; fix the problems above and save"
                );
                *self.problems.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
                let _ = self.signals.send(Signal::Problems(text));
            }
        }
    }
}

/// The preview build: base URL `/`, the live script in every page, written in place.
fn preview(opts: &ServeOptions, output: &Path) -> Preview {
    Preview::new(BuildOptions {
        root: opts.root.clone(),
        output: Some(output.to_path_buf()),
        base_url: Some("/".to_string()),
        drafts: opts.drafts,
        dry_run: false,
        live_reload: true,
        relative_links: false,
        no_search: false,
    })
}

fn outcome(update: Result<Update, Vec<Diagnostic>>) -> Result<(String, Signal), Vec<Diagnostic>> {
    update.map(|u| {
        let signal = if u.full {
            Signal::Reload
        } else {
            Signal::Refresh
        };
        (summary(&u), signal)
    })
}

/// Serves until interrupted. `ready` is called with the address once the server listens.
pub fn serve(opts: ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let output = std::env::temp_dir().join(format!("plenary-serve-{}", std::process::id()));
    let (signals, _) = broadcast::channel(16);
    std::fs::create_dir_all(&output)?;
    let mut site = preview(&opts, &output);
    let first = outcome(site.rebuild());
    let live = Arc::new(Live {
        output: output.canonicalize()?,
        signals,
        problems: Mutex::new(None),
        built: Mutex::new(0),
    });
    live.report(first);

    let watching = Arc::clone(&live);
    let mut told_behind = false;
    let _watcher = watch::start(&opts, move |changed| {
        watching.report(outcome(site.update(changed)));
        // The pages show first; then the search index, which takes longer to make.
        match site.follow_search() {
            Ok(SearchFollow::Behind) if !told_behind => {
                told_behind = true;
                println!(
                    "search shows the site as it was when serve started: its index takes too long to make again on each save (`plenary build` makes it whole)"
                );
            }
            Ok(_) => {}
            Err(problems) => watching.report(Err(problems)),
        }
    })?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(async {
        let addr = SocketAddr::new(opts.bind, opts.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        let app = Router::new()
            .route("/__plenary/live.js", get(live_js))
            .route("/__plenary/events", get(events))
            .fallback(get(file))
            .with_state(Arc::clone(&live));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&output);
    result
}

fn now_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

async fn live_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVE_JS,
    )
}

async fn events(State(live): State<Arc<Live>>) -> impl IntoResponse {
    let current = live
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let built = *live.built.lock().unwrap_or_else(|e| e.into_inner());
    let first = tokio_stream::iter(
        std::iter::once(Signal::Built(built)).chain(current.map(Signal::Problems)),
    );
    let later = BroadcastStream::new(live.signals.subscribe()).filter_map(Result::ok);
    let stream = first.chain(later).map(|signal| {
        Ok::<_, std::convert::Infallible>(match signal {
            Signal::Reload => Event::default().event("reload").data("reload"),
            Signal::Refresh => Event::default().event("refresh").data("refresh"),
            Signal::Built(millis) => Event::default().event("built").data(millis.to_string()),
            Signal::Problems(text) => Event::default().event("problems").data(text),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(State(live): State<Arc<Live>>, uri: Uri) -> Response {
    let (output, path, query) = (
        live.output.clone(),
        uri.path().to_string(),
        uri.query().map(str::to_string),
    );
    let jump = tokio::task::spawn_blocking(move || jump::target(&output, &path, query.as_deref()));
    if let Ok(Some(page)) = jump.await {
        let mut response = StatusCode::SEE_OTHER.into_response();
        if let Ok(value) = HeaderValue::from_str(&page) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    match files::resolve(&live.output, uri.path()) {
        Resolved::File(path) => match tokio::fs::read(&path).await {
            Ok(bytes) => {
                ([(header::CONTENT_TYPE, files::content_type(&path))], bytes).into_response()
            }
            Err(_) => not_found(&live).await,
        },
        Resolved::Redirect(location) => {
            let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Resolved::NotFound => not_found(&live).await,
    }
}

/// The site's own 404 page, or a bare one that still carries the live script.
async fn not_found(live: &Live) -> Response {
    let page = match tokio::fs::read(live.output.join("404.html")).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let mut page = NOT_FOUND.to_string();
            live::inject(&mut page);
            page.into_bytes()
        }
    };
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}
