//! A phone is a first-class reader: the bundled archive in headless Chromium at 390x844.
//! The text of a resolution begins within the first screen, no element is wider than the
//! screen (tables reflow), the six languages fit on one line, the details open from their
//! summary and the header's search box has a visible label.

use fantoccini::Locator;
use serde_json::Value;

use crate::browser::{Browser, Files};
use crate::harness::Site;

const WIDTH: u32 = 390;
const HEIGHT: u32 = 844;

/// What the page measures: the viewport, the elements that stick out of it (outside any
/// clipped, visually hidden box), the top of the first element matching `arguments[0]` in
/// the page, the tops of the switcher's languages and the size of the search box's label.
const MEASURE: &str = r#"
const w = window.innerWidth;
const clipped = new Set();
const wide = [];
for (const el of document.body.querySelectorAll('*')) {
  if (clipped.has(el.parentElement) || getComputedStyle(el).clipPath !== 'none') {
    clipped.add(el);
    continue;
  }
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.left < -1 || r.right > w + 1) {
    wide.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
}
const first = arguments[0] ? document.querySelector(arguments[0]) : null;
const label = document.querySelector('label[for="site-search-q"]');
return {
  width: w,
  height: window.innerHeight,
  scroll_width: document.documentElement.scrollWidth,
  wide: wide.slice(0, 10),
  first_top: first ? first.getBoundingClientRect().top + window.scrollY : null,
  switcher_tops: [...document.querySelectorAll('.lang-switcher li')].map(li => Math.round(li.getBoundingClientRect().top)),
  label: label ? [label.getBoundingClientRect().width, label.getBoundingClientRect().height] : null,
};
"#;

/// Opens `path` at 390x844 and measures it.
async fn measure(browser: &Browser, files: &Files, path: &str, first: &str) -> Value {
    let c = &browser.client;
    c.goto(&files.url(path)).await.unwrap();
    browser.text_of("main").await;
    c.execute(MEASURE, vec![Value::from(first)]).await.unwrap()
}

/// Sizes the window so that the page's viewport is 390x844 (a window may count borders).
async fn phone_window(browser: &Browser, files: &Files) {
    let c = &browser.client;
    c.set_window_size(WIDTH, HEIGHT).await.unwrap();
    c.goto(&files.url("/en/")).await.unwrap();
    let inner = c
        .execute("return [window.innerWidth, window.innerHeight]", vec![])
        .await
        .unwrap();
    let extra = |i: usize, want: u32| want + want.saturating_sub(inner[i].as_u64().unwrap() as u32);
    c.set_window_size(extra(0, WIDTH), extra(1, HEIGHT))
        .await
        .unwrap();
}

#[test]
fn on_a_phone_a_resolution_reads_from_the_first_screen_and_nothing_is_wider_than_it() {
    let site = Site::shared_sample(&["build"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    let files = Files::serve(&site.root.join("public"));
    browser.run(async {
        phone_window(&browser, &files).await;
        // (page, the element that must start within the first screen, if any)
        let pages = [
            ("/en/A/RES/79/20/", ".body p"),
            ("/ar/A/RES/217A(III)/", ".body p"),
            ("/en/A/RES/217A(III)/", ".body p"),
            ("/en/series/A/RES/69/32/", ""),
            ("/ar/series/A/RES/69/32/", ""),
            ("/en/countries/FR/", ""),
            ("/ar/countries/FR/", ""),
            ("/en/agenda-items/", ""),
            ("/ar/sessions/", ""),
        ];
        for (path, first) in pages {
            let m = measure(&browser, &files, path, first).await;
            assert_eq!(m["width"], WIDTH, "{path}: the viewport {m}");
            assert_eq!(m["height"], HEIGHT, "{path}: the viewport {m}");
            let scroll = m["scroll_width"].as_u64().unwrap();
            assert!(scroll <= u64::from(WIDTH), "{path} scrolls sideways: {m}");
            assert_eq!(
                m["wide"],
                Value::Array(vec![]),
                "{path}: wider than the screen"
            );
            if !first.is_empty() {
                let top = m["first_top"].as_f64().expect("the text's first paragraph");
                assert!(
                    top < f64::from(HEIGHT) - 30.0,
                    "{path}: the text starts at {top} px"
                );
            }
            let tops = m["switcher_tops"].as_array().unwrap();
            assert_eq!(tops.len(), 6, "{path}: {m}");
            assert!(
                tops.iter().all(|t| t == &tops[0]),
                "{path}: the languages wrap: {m}"
            );
            let label = m["label"].as_array().expect("the header's search label");
            assert!(
                label[0].as_f64().unwrap() > 20.0,
                "{path}: label hidden: {m}"
            );
        }
    });
}

#[test]
fn on_a_phone_the_details_of_a_resolution_open_from_a_summary_of_its_essentials() {
    let site = Site::shared_sample(&["build"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    let files = Files::serve(&site.root.join("public"));
    browser.run(async {
        phone_window(&browser, &files).await;
        let c = &browser.client;
        c.goto(&files.url("/en/A/RES/217A(III)/")).await.unwrap();
        // The front matter: adopted 1948-12-10, 48 in favour, none against, 8 abstentions.
        let summary = browser.text_of(".metadata summary").await;
        assert_eq!(
            summary,
            "Details A/RES/217 A (III) · 10 December 1948 · 48 in favour, 0 against, 8 abstentions"
        );
        let committee = c
            .find(Locator::Css(
                ".metadata dd a[href$='/committees/third-committee/']",
            ))
            .await;
        let shown = |e: &fantoccini::elements::Element| {
            let e = e.clone();
            async move { e.is_displayed().await.unwrap() }
        };
        let committee = committee.expect("the committee's link in the details");
        assert!(!shown(&committee).await, "the details start folded");
        c.find(Locator::Css(".metadata summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert!(shown(&committee).await, "the summary opens the details");
    });
}
