//! Serving a built site with nginx and crawling it as a client would: every link of every
//! page followed from the home page, every fragment checked against the ids of its page.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Every `href` and `src` of an HTML page, and every form's `action`, with `&amp;` decoded.
pub fn links(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"\s(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).unwrap();
    re.captures_iter(html)
        .map(|c| {
            c.get(1)
                .or(c.get(2))
                .unwrap()
                .as_str()
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every `id` of an HTML page.
pub fn ids(html: &str) -> BTreeSet<String> {
    let re = regex::Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// The path and fragment a link leads to from the page at `from` (a path starting with
/// `/`); `None` for links to other hosts or schemes.
pub fn resolve(from: &str, href: &str) -> Option<(String, Option<String>)> {
    let (href, fragment) = match href.split_once('#') {
        Some((h, f)) => (h, Some(f.to_string())),
        None => (href, None),
    };
    let href = href.split('?').next().unwrap_or("");
    if href.starts_with("//") {
        return None;
    }
    if let Some(colon) = href.find(':')
        && !href[..colon].contains('/')
    {
        return None;
    }
    let joined = if href.is_empty() {
        from.to_string()
    } else if href.starts_with('/') {
        href.to_string()
    } else {
        format!("{}{href}", &from[..=from.rfind('/').unwrap_or(0)])
    };
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = joined.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." if last => parts.push(""),
            "." => {}
            ".." => {
                // Above the root stays at the root, as browsers do.
                if parts.len() > 1 {
                    parts.pop();
                }
                if last {
                    parts.push("");
                }
            }
            s => parts.push(s),
        }
    }
    let path = parts.join("/");
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    Some((path, fragment))
}

/// A response.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// nginx serving a folder on a free port of 127.0.0.1, as a static host would: folders
/// answer with their `index.html`, a folder asked for without its slash is redirected,
/// and missing files get `error_page`. Stopped when dropped.
pub struct Nginx {
    child: Child,
    pub port: u16,
    dir: TempDir,
}

impl Nginx {
    /// Serves `root`; `not_found` is the URL path of the 404 page. `None` when nginx is
    /// missing and the test may be skipped.
    pub fn serve(root: &Path, not_found: &str) -> Option<Nginx> {
        let nginx = crate::tools::require("nginx", "nginx")?;
        for attempt in 0.. {
            let dir = TempDir::new().unwrap();
            let port = TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let conf = dir.path().join("nginx.conf");
            std::fs::write(&conf, config(dir.path(), root, port, not_found)).unwrap();
            let child = Command::new(&nginx)
                .arg("-p")
                .arg(dir.path())
                .arg("-c")
                .arg(&conf)
                .arg("-e")
                .arg(dir.path().join("error.log"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start nginx");
            let mut server = Nginx { child, port, dir };
            if server.wait_ready() {
                return Some(server);
            }
            let log =
                std::fs::read_to_string(server.dir.path().join("error.log")).unwrap_or_default();
            // Most likely the port was taken in the meantime: try another.
            assert!(attempt < 5, "nginx did not start:\n{log}");
        }
        unreachable!()
    }

    fn wait_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// GET a path (percent-encoding what must be) over HTTP/1.0.
    pub fn get(&self, path: &str) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to nginx");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {} HTTP/1.0\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            encode(path),
            self.port
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
            .collect();
        Response {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn config(dir: &Path, root: &Path, port: u16, not_found: &str) -> String {
    let d = dir.display();
    format!(
        r#"daemon off;
master_process off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
    types {{
        text/html html;
        text/css css;
        image/svg+xml svg;
        application/json json;
        application/xml xml;
        text/plain txt;
        text/csv csv;
    }}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        error_page 404 {not_found};
    }}
}}
"#,
        root = root.display(),
    )
}

/// Percent-encodes bytes that may not stand in a request line.
fn encode(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_graphic() && b != b'%' && b != b'#' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a crawl found.
#[derive(Default, Debug)]
pub struct Crawl {
    /// Every path requested, with its status.
    pub status: BTreeMap<String, u16>,
    /// HTML pages served, by path.
    pub pages: BTreeSet<String>,
    /// Links that failed: `from -> to (status)`, redirects and missing fragments included.
    pub broken: Vec<String>,
}

/// Follows every link from `start`, on the server only.
pub fn crawl(server: &Nginx, start: &str) -> Crawl {
    let mut out = Crawl::default();
    let mut queue: VecDeque<(String, String)> =
        VecDeque::from([(start.to_string(), "(start)".to_string())]);
    let mut queued: BTreeSet<String> = BTreeSet::from([start.to_string()]);
    let mut fragments: Vec<(String, String, String)> = Vec::new();
    let mut page_ids: HashMap<String, BTreeSet<String>> = HashMap::new();
    while let Some((path, from)) = queue.pop_front() {
        let r = server.get(&path);
        out.status.insert(path.clone(), r.status);
        if r.status != 200 {
            let to = r
                .header("Location")
                .map(|l| format!(" to {l}"))
                .unwrap_or_default();
            out.broken
                .push(format!("{from} -> {path} ({}{to})", r.status));
            continue;
        }
        let html = r
            .header("Content-Type")
            .unwrap_or("")
            .starts_with("text/html");
        if !html {
            continue;
        }
        out.pages.insert(page_key(&path));
        let text = r.text();
        page_ids.insert(page_key(&path), ids(&text));
        for href in links(&text) {
            let Some((target, fragment)) = resolve(&path, &href) else {
                continue;
            };
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                fragments.push((path.clone(), target.clone(), f));
            }
            if queued.insert(target.clone()) {
                queue.push_back((target, path.clone()));
            }
        }
    }
    for (from, target, fragment) in fragments {
        if let Some(ids) = page_ids.get(&page_key(&target))
            && !ids.contains(&fragment)
        {
            out.broken
                .push(format!("{from} -> {target}#{fragment} (no such id)"));
        }
    }
    out
}

/// A page's folder URL for `…/index.html`, as servers answer both.
fn page_key(path: &str) -> String {
    path.strip_suffix("index.html").unwrap_or(path).to_string()
}

/// The URL path of every HTML file below `root`, served under `prefix` (`/` or
/// `/archive/`): `en/index.html` is `/en/`.
pub fn html_files(root: &Path, prefix: &str) -> BTreeSet<String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let rel = rel.strip_suffix("index.html").unwrap_or(&rel).to_string();
            format!("{prefix}{rel}")
        })
        .collect()
}

#[test]
fn links_resolve_like_a_browser() {
    let from = "/archive/en/A/RES/73/187/";
    assert_eq!(
        resolve(from, "../../78/19/index.html#op-3"),
        Some((
            "/archive/en/A/RES/78/19/index.html".into(),
            Some("op-3".into())
        ))
    );
    assert_eq!(
        resolve(from, "#pp-1"),
        Some((from.into(), Some("pp-1".into())))
    );
    assert_eq!(
        resolve(from, "/archive/style.css"),
        Some(("/archive/style.css".into(), None))
    );
    assert_eq!(
        resolve("/", "en/index.html"),
        Some(("/en/index.html".into(), None))
    );
    assert_eq!(resolve("/a/b/", "../../../x"), Some(("/x".into(), None)));
    assert_eq!(resolve(from, "https://undocs.org/en/A/73/590"), None);
    assert_eq!(resolve(from, "mailto:x@example.org"), None);
    assert_eq!(resolve(from, "//cdn.example.org/x.js"), None);
}
