//! A body's HTML and plain texts, held packed between rendering the bodies and rendering
//! the pages.
//!
//! Every body is rendered before any page (a page shows who cites it, which needs every
//! body's citations), so a build holds them all at once: at archive scale the largest
//! thing in memory. Text packs to a fraction of its size with LZ4, which unpacks faster
//! than a page is rendered.

use std::borrow::Cow;

/// HTML as rendered, or packed.
#[derive(Debug, Clone)]
pub enum Html {
    Plain(String),
    Packed(Box<[u8]>),
}

impl Default for Html {
    fn default() -> Html {
        Html::Plain(String::new())
    }
}

impl Html {
    /// The HTML, unpacked if need be.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Html::Plain(s) => Cow::Borrowed(s),
            Html::Packed(bytes) => {
                let plain = lz4_flex::decompress_size_prepended(bytes)
                    .expect("packed by `pack`, in this process");
                Cow::Owned(String::from_utf8(plain).expect("packed from a String"))
            }
        }
    }

    /// Packs the HTML, to be held until its page is rendered.
    pub fn pack(&mut self) {
        if let Html::Plain(s) = self {
            *self = Html::Packed(lz4_flex::compress_prepend_size(s.as_bytes()).into());
        }
    }

    /// The bytes held.
    pub fn held(&self) -> usize {
        match self {
            Html::Plain(s) => s.len(),
            Html::Packed(bytes) => bytes.len(),
        }
    }
}

/// A list of texts held packed: the plain text of a body's paragraphs, read a few times a
/// build (comparisons, open data, search) and held throughout.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    packed: Box<[u8]>,
    /// Where each text ends in the unpacked string.
    ends: Box<[u32]>,
}

impl Texts {
    pub fn pack<S: AsRef<str>>(texts: &[S]) -> Texts {
        let mut all = String::new();
        let ends = texts
            .iter()
            .map(|t| {
                all.push_str(t.as_ref());
                u32::try_from(all.len()).expect("a body's text is under 4 GB")
            })
            .collect();
        Texts {
            packed: lz4_flex::compress_prepend_size(all.as_bytes()).into(),
            ends,
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every text, in order.
    pub fn unpack(&self) -> Vec<String> {
        let plain = lz4_flex::decompress_size_prepended(&self.packed)
            .expect("packed by `pack`, in this process");
        let all = String::from_utf8(plain).expect("packed from strings");
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let text = all[start..end as usize].to_string();
                start = end as usize;
                text
            })
            .collect()
    }

    /// The bytes held.
    pub fn held(&self) -> usize {
        self.packed.len() + self.ends.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_they_went_in() {
        let texts = [
            "Décide de rester saisi de la question ;",
            "",
            "决定继续处理这个问题。\n(a) 第一；",
            "x\ty",
        ];
        let packed = Texts::pack(&texts);
        assert_eq!(packed.len(), 4);
        assert_eq!(packed.unpack(), texts);
        assert!(Texts::pack::<&str>(&[]).unpack().is_empty());
        let long = vec!["Requests the Secretary-General to report;".repeat(20); 30];
        let held = Texts::pack(&long).held();
        assert!(held < long.concat().len() / 4, "{held}");
    }

    #[test]
    fn packing_keeps_every_byte_and_holds_fewer() {
        let page = "<p id=\"op-1\" class=\"op\"><a class=\"para-anchor\" href=\"#op-1\">¶</a>Décide de rester saisi de la question ; 决定继续处理这个问题。</p>\n"
            .repeat(40);
        let mut html = Html::Plain(page.clone());
        html.pack();
        assert!(matches!(html, Html::Packed(_)));
        assert!(
            html.held() < page.len() / 4,
            "{} of {}",
            html.held(),
            page.len()
        );
        assert_eq!(html.text(), page);
        let mut empty = Html::default();
        empty.pack();
        assert_eq!(empty.text(), "");
    }
}
