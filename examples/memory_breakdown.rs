//! What a site's rendered bodies hold in memory between the link and render stages, part
//! by part: the Markdown (which a build lets go of), the HTML (packed), the plain texts
//! for comparing versions and for search and open data, and the citations.
//!
//! cargo run --release --example memory_breakdown -- SITE_ROOT

use plenary::BuildOptions;
use plenary::site::Generation;

fn main() {
    let root = std::env::args().nth(1).expect("SITE_ROOT");
    let g = match Generation::new(&BuildOptions::new(root)) {
        Ok(g) => g,
        Err(problems) => {
            problems.iter().for_each(|d| eprintln!("{d}"));
            std::process::exit(1);
        }
    };
    let (mut md, mut html, mut texts, mut citations) = (0, 0, 0, 0);
    for (r, b) in g.site.archive.resolutions().iter().zip(&g.bodies) {
        md += r.body.capacity();
        html += b.html.held();
        texts += b.texts_held();
        citations += b.citations.len() * size_of::<plenary::cite::graph::Found>();
    }
    let mb = |x: usize| x as f64 / 1e6;
    println!(
        "{} resolutions: Markdown {:.1} MB, HTML packed {:.1} MB, plain texts packed {:.1} MB, citations {:.1} MB",
        g.bodies.len(),
        mb(md),
        mb(html),
        mb(texts),
        mb(citations)
    );
}
