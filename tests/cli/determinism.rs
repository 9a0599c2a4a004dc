//! Two builds of the same input are byte for byte the same: every list is sorted, and no
//! page carries a time or anything else that changes from one run to the next.

use crate::harness::Site;

#[test]
fn two_builds_of_the_same_input_are_identical() {
    let site = Site::sample();
    site.build().assert_ok();
    let first = site.snapshot("public");
    // A second process: another hash seed, another order of threads.
    site.run(&["build", "--output", "again"]).assert_ok();
    let second = site.snapshot("again");
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{} differs", path.display());
    }
    // A page that lists, cites and is cited, to be sure there was something to order.
    let page = String::from_utf8_lossy(&first[std::path::Path::new("en/A/RES/79/20/index.html")])
        .into_owned();
    assert!(page.contains("class=\"cite"), "{page}");
}
