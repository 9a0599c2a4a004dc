//! Turning citations into links inside a parsed body: citations in text become links,
//! placeholder links (`[65/230](#)`) get their target, and every citation is recorded
//! with the paragraph it stands in.

use std::collections::HashMap;

use comrak::Arena;
use comrak::nodes::{AstNode, NodeLink, NodeValue, Sourcepos};

use super::anchors::{self, Anchors};
use crate::cite::graph::Found;
use crate::cite::{self, Target};
use crate::model::{Lang, Organ};

/// Where a citation leads. `None` leaves it as text.
pub trait Linker: Sync {
    fn href(&self, target: &Target, paragraph: Option<u32>, lang: Lang) -> Option<Href>;
}

/// A link for a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Href {
    pub url: String,
    /// Set when the link leads to another language version than the page's.
    pub hreflang: Option<Lang>,
    /// Outside the archive (the external resolver).
    pub external: bool,
}

/// Something in a body an editor should look at, with its place in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
    pub error: bool,
}

/// A stretch of a block's text and the node it came from.
struct Segment<'a> {
    start: usize,
    len: usize,
    /// The text node, when the stretch may be linked or cited.
    node: Option<&'a AstNode<'a>>,
    /// The link the text stands in, if any.
    link: Option<&'a AstNode<'a>>,
    /// A soft line break, which a citation may span ("1373\n(2001)").
    soft_break: Option<&'a AstNode<'a>>,
}

pub struct Pass<'a> {
    pub lang: Lang,
    pub organ: Organ,
    pub linker: &'a dyn Linker,
}

/// What the pass did: citations found, problems, and the attributes of the links it made.
#[derive(Default)]
pub struct Linked {
    pub found: Vec<Found>,
    pub problems: Vec<Problem>,
    pub hrefs: HashMap<usize, Href>,
}

fn is_link(node: &AstNode<'_>) -> bool {
    matches!(node.data().value, NodeValue::Link(_))
}

fn link_url(node: &AstNode<'_>) -> Option<String> {
    match &node.data().value {
        NodeValue::Link(l) => Some(l.url.clone()),
        _ => None,
    }
}

fn linkable(target: &Target) -> bool {
    !matches!(target, Target::Unlinkable(_))
}

impl Pass<'_> {
    pub fn run<'a>(
        &self,
        arena: &'a Arena<'a>,
        root: &'a AstNode<'a>,
        anchors: &Anchors,
    ) -> Linked {
        let mut out = Linked::default();
        // Placeholder link → the target its context gave it.
        let mut from_context: HashMap<usize, (Target, Option<u32>)> = HashMap::new();
        let blocks: Vec<&AstNode<'_>> = root
            .descendants()
            .filter(|n| n.data().value.contains_inlines())
            .collect();
        for block in blocks {
            let (text, segments) = block_text(block);
            if text.trim().is_empty() {
                continue;
            }
            let found = cite::find_in(&text, self.lang, self.organ);
            // A citation across a line break becomes one link first; the block is then read
            // again, with that citation inside its link.
            let (segments, found) =
                if self.link_across_breaks(arena, &segments, &found, &mut out.hrefs) {
                    let (text, segments) = block_text(block);
                    let found = cite::find_in(&text, self.lang, self.organ);
                    (segments, found)
                } else {
                    (segments, found)
                };
            let anchor = anchor_of(anchors, block);
            let mut splits: HashMap<usize, Vec<(std::ops::Range<usize>, Href)>> = HashMap::new();
            for c in found {
                let segment = segments.iter().find(|s| {
                    s.start <= c.span.start && c.span.end <= s.start + s.len && s.node.is_some()
                });
                let line = segments
                    .iter()
                    .find(|s| s.start <= c.span.start && c.span.start < s.start + s.len)
                    .and_then(|s| s.node.or(s.soft_break))
                    .map_or(block.data().sourcepos.start.line, |n| {
                        n.data().sourcepos.start.line
                    });
                out.found.push(Found {
                    target: c.target.clone(),
                    paragraph: c.paragraph,
                    anchor: anchor.clone(),
                    most_recent: c.most_recent,
                    line,
                });
                let Some(segment) = segment else { continue };
                match segment.link {
                    Some(link) if link_url(link).as_deref() == Some("#") => {
                        from_context.insert(anchors::key(link), (c.target.clone(), c.paragraph));
                    }
                    Some(_) => {}
                    None if linkable(&c.target) => {
                        if let Some(href) = self.linker.href(&c.target, c.paragraph, self.lang) {
                            let node = segment.node.expect("a text node");
                            let local = c.span.start - segment.start..c.span.end - segment.start;
                            splits
                                .entry(anchors::key(node))
                                .or_default()
                                .push((local, href));
                        }
                    }
                    None => {}
                }
            }
            for segment in &segments {
                let Some(node) = segment.node else { continue };
                if let Some(mut cuts) = splits.remove(&anchors::key(node)) {
                    cuts.sort_by_key(|(r, _)| r.start);
                    split_into_links(arena, node, &cuts, &mut out.hrefs);
                }
            }
        }
        self.placeholders(root, anchors, &from_context, &mut out);
        out
    }

    /// Makes each citation that runs across soft line breaks, through text and breaks of one
    /// parent outside any link, into one link around them. Says whether it made any.
    fn link_across_breaks<'a>(
        &self,
        arena: &'a Arena<'a>,
        segments: &[Segment<'a>],
        found: &[cite::Citation],
        hrefs: &mut HashMap<usize, Href>,
    ) -> bool {
        let mut made = false;
        for c in found {
            let covered: Vec<&Segment<'a>> = segments
                .iter()
                .filter(|s| s.start < c.span.end && c.span.start < s.start + s.len)
                .collect();
            let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
                continue;
            };
            let crosses = covered.iter().any(|s| s.soft_break.is_some());
            let plain = covered
                .iter()
                .all(|s| s.link.is_none() && (s.node.is_some() || s.soft_break.is_some()));
            let (Some(head), Some(tail)) = (first.node, last.node) else {
                continue;
            };
            let parent = head.parent().map(anchors::key);
            let siblings = covered
                .iter()
                .filter_map(|s| s.node.or(s.soft_break))
                .all(|n| n.parent().map(anchors::key) == parent);
            if !(crosses && plain && siblings && linkable(&c.target)) {
                continue;
            }
            let Some(href) = self.linker.href(&c.target, c.paragraph, self.lang) else {
                continue;
            };
            let link = wrap_in_link(
                arena,
                head,
                c.span.start - first.start,
                tail,
                c.span.end - last.start,
                &href,
            );
            hrefs.insert(anchors::key(link), href);
            made = true;
        }
        made
    }

    /// Gives every `[text](#)` its target, or unwraps it and says why.
    fn placeholders<'a>(
        &self,
        root: &'a AstNode<'a>,
        anchors: &Anchors,
        from_context: &HashMap<usize, (Target, Option<u32>)>,
        out: &mut Linked,
    ) {
        let placeholders: Vec<&AstNode<'_>> = root
            .descendants()
            .filter(|n| link_url(n).as_deref() == Some("#"))
            .collect();
        for link in placeholders {
            let text = inline_text(link);
            let pos = link.data().sourcepos;
            let (target, paragraph) = match from_context.get(&anchors::key(link)) {
                Some((t, p)) => (Some(t.clone()), *p),
                None => {
                    let t = cite::parse_reference(&text, self.organ);
                    if let Some(Target::Resolution(_)) = &t {
                        out.found.push(Found {
                            target: t.clone().expect("checked"),
                            paragraph: None,
                            anchor: anchor_of(anchors, link),
                            most_recent: false,
                            line: pos.start.line,
                        });
                    }
                    (t, None)
                }
            };
            let href = match &target {
                Some(t) if linkable(t) => self.linker.href(t, paragraph, self.lang),
                Some(Target::Unlinkable(why)) => {
                    out.problems.push(problem(
                        pos,
                        format!(
                            "the placeholder link [{text}](#) is left unlinked: {}",
                            why.reason()
                        ),
                        "if it should link somewhere, give it a real URL: [text](https://…)",
                        false,
                    ));
                    None
                }
                _ => {
                    out.problems.push(problem(
                        pos,
                        format!("the placeholder link [{text}](#) names no resolution or document"),
                        "write a symbol as the link text, such as [65/230](#) or [A/65/201](#), or give the link a real URL",
                        true,
                    ));
                    None
                }
            };
            match href {
                Some(h) => {
                    if let NodeValue::Link(l) = &mut link.data_mut().value {
                        l.url.clone_from(&h.url);
                    }
                    out.hrefs.insert(anchors::key(link), h);
                }
                None => unwrap(link),
            }
        }
    }
}

/// The id a backlink can point at: the paragraph's, or the footnote's (`fn-1`).
fn anchor_of<'a>(anchors: &Anchors, node: &'a AstNode<'a>) -> Option<String> {
    anchors::enclosing(anchors, node)
        .and_then(anchors::Anchor::id)
        .or_else(|| {
            node.ancestors().find_map(|a| match &a.data().value {
                NodeValue::FootnoteDefinition(f) => Some(format!("fn-{}", f.name)),
                _ => None,
            })
        })
}

fn problem(pos: Sourcepos, message: String, hint: &str, error: bool) -> Problem {
    Problem {
        line: pos.start.line,
        column: pos.start.column,
        message,
        hint: hint.to_string(),
        error,
    }
}

/// The text of a block, as one string (soft breaks as spaces, hard breaks as newlines),
/// with where each piece came from. Code spans count as text for context but are never
/// linked.
fn block_text<'a>(block: &'a AstNode<'a>) -> (String, Vec<Segment<'a>>) {
    let mut text = String::new();
    let mut segments = Vec::new();
    for node in block.descendants().skip(1) {
        let link = node
            .ancestors()
            .skip(1)
            .take_while(|a| !std::ptr::eq(*a, block))
            .find(|a| is_link(a));
        let start = text.len();
        let value = &node.data().value;
        match value {
            NodeValue::Text(t) => {
                text.push_str(t);
                segments.push(Segment {
                    start,
                    len: t.len(),
                    node: Some(node),
                    link,
                    soft_break: None,
                });
            }
            NodeValue::Code(c) => {
                text.push_str(&c.literal);
                segments.push(Segment {
                    start,
                    len: c.literal.len(),
                    node: None,
                    link,
                    soft_break: None,
                });
            }
            // The finder reads a soft break as the space it is in Markdown.
            NodeValue::SoftBreak => {
                text.push(' ');
                segments.push(Segment {
                    start,
                    len: 1,
                    node: None,
                    link,
                    soft_break: Some(node),
                });
            }
            NodeValue::LineBreak => text.push('\n'),
            NodeValue::HtmlInline(_) => text.push(' '),
            _ => {}
        }
    }
    (text, segments)
}

fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        match &d.data().value {
            NodeValue::Text(t) => s.push_str(t),
            NodeValue::Code(c) => s.push_str(&c.literal),
            _ => {}
        }
    }
    s
}

/// Replaces a text node with text and link nodes, one link per cut.
fn split_into_links<'a>(
    arena: &'a Arena<'a>,
    node: &'a AstNode<'a>,
    cuts: &[(std::ops::Range<usize>, Href)],
    hrefs: &mut HashMap<usize, Href>,
) {
    let full = match &node.data().value {
        NodeValue::Text(t) => t.to_string(),
        _ => return,
    };
    let pos = node.data().sourcepos;
    let new = |value: NodeValue| {
        let n: &'a AstNode<'a> = arena.alloc(value.into());
        n.data_mut().sourcepos = pos;
        n
    };
    let mut at = 0;
    for (range, href) in cuts {
        if range.start < at {
            continue;
        }
        if range.start > at {
            node.insert_before(new(NodeValue::Text(
                full[at..range.start].to_string().into(),
            )));
        }
        let link = new(NodeValue::Link(Box::new(NodeLink {
            url: href.url.clone(),
            title: String::new(),
        })));
        link.append(new(NodeValue::Text(full[range.clone()].to_string().into())));
        node.insert_before(link);
        hrefs.insert(anchors::key(link), href.clone());
        at = range.end;
    }
    if at < full.len() {
        node.insert_before(new(NodeValue::Text(full[at..].to_string().into())));
    }
    node.detach();
}

/// Puts a link around the text from byte `start` of text node `head` to byte `end` of
/// text node `tail`, a later sibling, and the nodes between them. Returns the link.
fn wrap_in_link<'a>(
    arena: &'a Arena<'a>,
    head: &'a AstNode<'a>,
    start: usize,
    tail: &'a AstNode<'a>,
    end: usize,
    href: &Href,
) -> &'a AstNode<'a> {
    let new = |text: &str, pos: Sourcepos| {
        let n: &'a AstNode<'a> = arena.alloc(NodeValue::Text(text.to_string().into()).into());
        n.data_mut().sourcepos = pos;
        n
    };
    let literal = |n: &'a AstNode<'a>| match &n.data().value {
        NodeValue::Text(t) => t.to_string(),
        _ => String::new(),
    };
    let set = |n: &'a AstNode<'a>, text: &str| {
        if let NodeValue::Text(t) = &mut n.data_mut().value {
            *t = text.to_string().into();
        }
    };
    // The text before the citation stays where it is; the citation's part of `head` moves.
    let head_text = literal(head);
    let first = if start == 0 {
        head
    } else {
        let rest = new(&head_text[start..], head.data().sourcepos);
        set(head, &head_text[..start]);
        head.insert_after(rest);
        rest
    };
    let tail_text = literal(tail);
    let last = if end >= tail_text.len() {
        tail
    } else {
        let part = new(&tail_text[..end], tail.data().sourcepos);
        set(tail, &tail_text[end..]);
        tail.insert_before(part);
        part
    };
    let link: &'a AstNode<'a> = arena.alloc(
        NodeValue::Link(Box::new(NodeLink {
            url: href.url.clone(),
            title: String::new(),
        }))
        .into(),
    );
    link.data_mut().sourcepos = first.data().sourcepos;
    first.insert_before(link);
    let mut node = Some(first);
    while let Some(n) = node {
        node = if std::ptr::eq(n, last) {
            None
        } else {
            n.next_sibling()
        };
        n.detach();
        link.append(n);
    }
    link
}

/// Replaces a link with its children.
fn unwrap<'a>(link: &'a AstNode<'a>) {
    let children: Vec<_> = link.children().collect();
    for child in children {
        child.detach();
        link.insert_before(child);
    }
    link.detach();
}

#[cfg(test)]
mod tests {
    use crate::cite::Target;
    use crate::model::{Lang, Organ};
    use crate::render::{AnchorLabels, Context, Href, Linker, RenderOptions, render_body};

    /// Links every resolution to its path, so that the test sees each link.
    struct ByPath;

    impl Linker for ByPath {
        fn href(&self, target: &Target, _: Option<u32>, _: Lang) -> Option<Href> {
            let Target::Resolution(s) = target else {
                return None;
            };
            Some(Href {
                url: format!("/{}", s.path()),
                hreflang: None,
                external: false,
            })
        }
    }

    fn render(md: &str) -> (String, Vec<(String, usize)>) {
        let labels = AnchorLabels::default();
        let ctx = Context {
            options: RenderOptions::default(),
            lang: Lang::En,
            organ: Organ::SecurityCouncil,
            linker: &ByPath,
            labels: &labels,
        };
        let body = render_body(md, &ctx);
        let found = body
            .citations
            .iter()
            .map(|f| {
                let target = match &f.target {
                    Target::Resolution(s) => s.to_string(),
                    t => format!("{t:?}"),
                };
                (target, f.line)
            })
            .collect();
        (body.html.text().into_owned(), found)
    }

    #[test]
    fn a_citation_across_a_line_break_is_one_link() {
        let (html, found) = render(
            "The Security Council,\n\nReaffirming its resolutions 1368 (2001), 1373\n(2001) of 28 September 2001 and\n1377 (2001),\n",
        );
        let p = html
            .lines()
            .skip_while(|l| !l.contains("Reaffirming"))
            .take(3)
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            p,
            "<p id=\"pp-1\" class=\"pp\"><a class=\"para-anchor\" href=\"#pp-1\" aria-label=\"Preambular paragraph 1\"><span aria-hidden=\"true\">¶</span></a>Reaffirming its resolutions <a href=\"/S/RES/1368(2001)\" class=\"cite\">1368 (2001)</a>, <a href=\"/S/RES/1373(2001)\" class=\"cite\">1373\n(2001)</a> of 28 September 2001 and\n<a href=\"/S/RES/1377(2001)\" class=\"cite\">1377 (2001)</a>,</p>"
        );
        // Each citation is recorded once, at the line where it starts.
        assert_eq!(
            found,
            [
                ("S/RES/1368 (2001)".to_string(), 3),
                ("S/RES/1373 (2001)".to_string(), 3),
                ("S/RES/1377 (2001)".to_string(), 5)
            ]
        );
    }

    #[test]
    fn a_break_between_keyword_and_number_leaves_the_link_on_the_number() {
        let (html, _) = render("The Security Council,\n\nRecalling its resolution\n1540 (2004),\n");
        assert!(
            html.contains(
                "resolution\n<a href=\"/S/RES/1540(2004)\" class=\"cite\">1540 (2004)</a>,"
            ),
            "{html}"
        );
    }
}
