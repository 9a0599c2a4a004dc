//! `plenary serve`: a real server on a free port, real edits, real reload events.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Site;

/// A running `plenary serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(site: &Site) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
            .args(["serve", "--port", "0"])
            .current_dir(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start plenary serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let addr = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                l.strip_prefix("serving http://")
                    .map(|rest| rest.split('/').next().unwrap().to_string())
            })
            .expect("a `serving` line");
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    /// One request: (status line, headers and body as text).
    fn get(&self, path: &str) -> (String, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.lines().next().unwrap_or_default().to_string();
        (status, response)
    }

    /// Opens the event stream and returns a reader for it.
    fn events(&self) -> BufReader<TcpStream> {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET /__plenary/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        BufReader::new(stream)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads events until one named `name` arrives; returns its data.
fn wait_for(events: &mut BufReader<TcpStream>, name: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut current = String::new();
    let mut data = String::new();
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if events.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let l = line.trim_end();
        if let Some(e) = l.strip_prefix("event: ") {
            current = e.to_string();
            data.clear();
        } else if let Some(d) = l.strip_prefix("data: ") {
            data.push_str(d);
            data.push('\n');
        } else if l.is_empty() && current == name {
            return data;
        }
    }
    panic!("no `{name}` event arrived");
}

#[test]
fn a_content_edit_refreshes_the_pages_and_a_settings_edit_reloads_them() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, page) = server.get("/en/A/RES/73/187/");
    assert!(status.contains("200"), "{status}");
    assert!(page.contains("content-type: text/html; charset=utf-8"));
    assert!(
        page.contains("<script src=\"/__plenary/live.js\"></script></body>"),
        "the live script is injected"
    );
    let mut events = server.events();
    // On connecting, a page learns when the site was last built: one that was loading
    // while a reload was sent reloads then.
    let built = |events: &mut BufReader<TcpStream>| -> u128 {
        wait_for(events, "built")
            .trim()
            .parse()
            .expect("milliseconds")
    };
    let first = built(&mut events);
    assert!(first > 0);
    let path = site.root.join("content/ga/73/187.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Noting that", "Noting with appreciation that"),
    )
    .unwrap();
    // Content only: the page is refreshed in place.
    wait_for(&mut events, "refresh");
    assert!(built(&mut server.events()) > first);
    assert!(
        server
            .get("/en/A/RES/73/187/")
            .1
            .contains("Noting with appreciation that")
    );
    // Settings, a theme or static files may change every page and its styles: pages
    // load again.
    let settings = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", format!("{settings}\n# edited\n"));
    wait_for(&mut events, "reload");
    // A published build never carries the script.
    site.build().assert_ok();
    assert!(!site.page("en/A/RES/73/187/index.html").contains("live.js"));
}

#[test]
fn a_bad_edit_keeps_the_last_good_site_and_says_why() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    site.write(
        "content/bad.md",
        "---\nsymbol: A/RES/73/1\ntitle: [unclosed\n---\n",
    );
    let problems = wait_for(&mut events, "problems");
    assert!(
        problems.contains("content/bad.md:4:1: error: the front matter is not valid YAML"),
        "{problems}"
    );
    assert!(
        server.get("/en/A/RES/73/187/").0.contains("200"),
        "the last good site is still served"
    );
    // A page opened now is told at once.
    let mut late = server.events();
    assert!(wait_for(&mut late, "problems").contains("content/bad.md"));
    std::fs::remove_file(site.root.join("content/bad.md")).unwrap();
    wait_for(&mut events, "refresh");
}

#[test]
fn only_the_site_is_served() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    for attack in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e%5c%2e%2e%5csite.toml",
    ] {
        let (status, body) = server.get(attack);
        assert!(status.contains("404"), "{attack}: {status}");
        assert!(!body.contains("root:"), "{attack}");
    }
    let (status, response) = server.get("/en/A/RES/73/187");
    assert!(status.contains("301"), "{status}");
    assert!(
        response
            .to_lowercase()
            .contains("location: /en/a/res/73/187/")
    );
    assert!(
        server
            .get("/style.css")
            .1
            .contains("content-type: text/css; charset=utf-8")
    );
    let (status, body) = server.get("/no/such/page/");
    assert!(status.contains("404"));
    assert!(
        body.contains("live.js"),
        "a 404 page still reloads when the site changes"
    );
}

/// Waits until `script` returns true in the page, or fails with what it returned.
async fn until(browser: &crate::browser::Browser, script: &str, what: &str) {
    let started = Instant::now();
    loop {
        let value = browser.client.execute(script, vec![]).await;
        if matches!(value, Ok(serde_json::Value::Bool(true))) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{what}: the page never showed it ({value:?})"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[test]
fn in_a_browser_a_save_reloads_the_open_page_and_a_bad_one_shows_over_it() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let Some(browser) = crate::browser::Browser::start() else {
        return;
    };
    let path = site.root.join("content/ga/73/187.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let connected = "return document.documentElement.dataset.plenaryLive === 'open'";
    browser.run(async {
        let c = &browser.client;
        c.goto(&format!("http://{}/en/A/RES/73/187/", server.addr))
            .await
            .unwrap();
        until(&browser, connected, "the live connection").await;
        // Marks on the page as loaded: a new body clears the first, a reload both.
        c.execute(
            "document.body.dataset.mark = 1; window.plenaryTestMark = 1; return true;",
            vec![],
        )
        .await
        .unwrap();

        std::fs::write(&path, text.replace("Noting that", "Noting with zeal that")).unwrap();
        until(
            &browser,
            "return !document.body.dataset.mark && document.body.innerText.includes('Noting with zeal that')",
            "the saved text, in place of the old",
        )
        .await;
        // Put in place, not reloaded: the page's state and the reader's place are kept.
        until(
            &browser,
            "return window.plenaryTestMark === 1 && document.title.includes('73/187')",
            "the same page, refreshed",
        )
        .await;
        until(&browser, connected, "the live connection").await;
        std::fs::write(&path, text.replace("adopted: 2018-12-17", "adopted: 2018-13-17")).unwrap();
        until(
            &browser,
            "const o = document.querySelector('[role=alert]'); return !!o && o.textContent.includes('187.en.md:5:10')",
            "the problem over the page",
        )
        .await;
        // The last good page is still what is shown and served.
        assert!(server.get("/en/A/RES/73/187/").1.contains("Noting with zeal that"));

        std::fs::write(&path, text.replace("Noting that", "Noting with fresh zeal that")).unwrap();
        until(
            &browser,
            "return !document.querySelector('[role=alert]') && document.body.innerText.includes('Noting with fresh zeal that')",
            "the fixed page, without the problem",
        )
        .await;
    });
}

#[test]
fn the_header_box_without_javascript_is_redirected_to_the_resolution_a_symbol_names() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let location = |response: &str| {
        response
            .lines()
            .find_map(|l| l.strip_prefix("location: "))
            .map(str::to_string)
    };
    let (status, response) = server.get("/en/search/?q=A%2FRES%2F73%2F187&go=1");
    assert!(status.contains("303"), "{status}");
    assert_eq!(location(&response).as_deref(), Some("/en/A/RES/73/187/"));
    let (status, response) = server.get("/en/search/?q=res+242+%281967%29&go=1");
    assert!(status.contains("303"), "{status}");
    assert_eq!(location(&response).as_deref(), Some("/en/S/RES/242(1967)/"));
    let (status, response) =
        server.get("/zh/search/index.html?go=1&q=%E7%AC%AC73/187%E5%8F%B7%E5%86%B3%E8%AE%AE");
    assert!(status.contains("303"), "{status}");
    assert_eq!(location(&response).as_deref(), Some("/zh/A/RES/73/187/"));
    // Without go=1, or with words, the search page itself.
    for path in [
        "/en/search/?q=A%2FRES%2F73%2F187",
        "/en/search/?q=criminal+purposes&go=1",
        "/en/search/?q=99/99&go=1",
    ] {
        let (status, _) = server.get(path);
        assert!(status.contains("200"), "{path}: {status}");
    }
}
