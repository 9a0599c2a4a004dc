//! Plural forms of the six languages, for UI strings with a count: "1 paragraph added",
//! "3 paragraphs added", "2 пункта добавлены", "5 пунктов добавлено", "أضيفت فقرتان".
//! The categories are CLDR's for whole numbers.

use crate::model::Lang;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub fn key(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The plural category of a whole number in a language.
pub fn category(lang: Lang, n: u64) -> Category {
    match lang {
        Lang::En | Lang::Es => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        Lang::Fr => {
            if n <= 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => Category::One,
            (2..=4, r) if !(12..=14).contains(&r) => Category::Few,
            _ => Category::Many,
        },
        Lang::Ar => match (n, n % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        Lang::Zh => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::*;

    #[test]
    fn categories_of_each_language() {
        let c = |l, n| category(l, n);
        assert_eq!(
            [c(Lang::En, 0), c(Lang::En, 1), c(Lang::En, 2)],
            [Other, One, Other]
        );
        assert_eq!(
            [c(Lang::Fr, 0), c(Lang::Fr, 1), c(Lang::Fr, 2)],
            [One, One, Other]
        );
        assert_eq!(
            [1, 2, 5, 11, 12, 21, 22, 25, 111].map(|n| c(Lang::Ru, n)),
            [One, Few, Many, Many, Many, One, Few, Many, Many]
        );
        assert_eq!(
            [0, 1, 2, 3, 10, 11, 99, 100, 102, 103].map(|n| c(Lang::Ar, n)),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few]
        );
        assert_eq!(c(Lang::Zh, 1), Other);
    }
}
