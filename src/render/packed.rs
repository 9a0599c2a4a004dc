//! A body's HTML, held packed between rendering the bodies and rendering the pages.
//!
//! Every body is rendered before any page (a page shows who cites it, which needs every
//! body's citations), so a build holds them all at once: at archive scale the largest
//! thing in memory. HTML packs to a fraction of its size with LZ4, which unpacks faster
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

#[cfg(test)]
mod tests {
    use super::*;

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
