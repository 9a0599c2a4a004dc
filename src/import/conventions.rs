//! How each of the six languages writes the parts of a resolution that carry metadata:
//! the agenda line, the adoption line, the committee line, the closing plenary meeting,
//! the chapeau and the annex heading.
//!
//! English and Chinese are taken from real documents (the English General Assembly texts
//! and the Chinese seed); French, Spanish, Russian and Arabic follow the UN's published
//! editorial conventions for the same lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Lang;

/// The patterns of one language. Every pattern is matched against one trimmed line, or
/// against a block of lines joined with single spaces where the UN wraps the line.
pub struct Conventions {
    pub lang: Lang,
    /// "Agenda item 99 (w)": the group `items` holds the numbers and letters.
    pub agenda: Regex,
    /// "Resolution adopted by the General Assembly on": the date is near it.
    pub adoption: Regex,
    /// "[without reference to a Main Committee (A/78/L.1)]".
    pub without_committee: Regex,
    /// "42nd plenary meeting": the group `n` is the number.
    pub plenary_meeting: Regex,
    /// "The General Assembly,".
    pub assembly_chapeau: Regex,
    /// "The Security Council,".
    pub council_chapeau: Regex,
    /// "Annex", "Annex II".
    pub annex: Regex,
    /// The six Main Committees, as the committee line names them, each with the English
    /// key the front matter uses.
    pub committees: Vec<(&'static str, Regex)>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("convention pattern compiles")
}

const COMMITTEE_KEYS: [&str; 6] = [
    "First Committee",
    "Second Committee",
    "Third Committee",
    "Fourth Committee",
    "Fifth Committee",
    "Sixth Committee",
];

fn committees(patterns: [&str; 6]) -> Vec<(&'static str, Regex)> {
    COMMITTEE_KEYS
        .into_iter()
        .zip(patterns)
        .map(|(key, p)| (key, re(p)))
        .collect()
}

static ALL: LazyLock<Vec<Conventions>> = LazyLock::new(|| {
    vec![
        Conventions {
            lang: Lang::En,
            agenda: re(r"^Agenda items?\s+(?P<items>\d.*)$"),
            adoption: re(r"(?i)Resolution adopted by the General Assembly"),
            without_committee: re(r"(?i)without reference to a Main Committee"),
            plenary_meeting: re(r"^(?P<n>\d+)\s*(?:st|nd|rd|th)\s+plenary meeting\.?$"),
            assembly_chapeau: re(r"^The General Assembly\s*,?$"),
            council_chapeau: re(r"^The Security Council\s*,?$"),
            annex: re(r"^Annex(?:es)?(?:\s+[IVXLC]+)?$"),
            committees: committees([
                r"\bFirst Committee\b",
                r"\bSecond Committee\b",
                r"\bThird Committee\b",
                r"\bFourth Committee\b",
                r"\bFifth Committee\b",
                r"\bSixth Committee\b",
            ]),
        },
        Conventions {
            lang: Lang::Fr,
            agenda: re(r"^Points?\s+(?P<items>\d.*?)\s+de l[’']ordre du jour$"),
            adoption: re(r"(?i)Résolution adoptée par l[’']Assemblée générale"),
            without_committee: re(r"(?i)sans renvoi"),
            plenary_meeting: re(r"^(?P<n>\d+)\s*(?:e|re|er|ème)\s+séance plénière\.?$"),
            assembly_chapeau: re(r"^L[’']Assemblée générale\s*,?$"),
            council_chapeau: re(r"^Le Conseil de sécurité\s*,?$"),
            annex: re(r"^Annexes?(?:\s+[IVXLC]+)?$"),
            committees: committees([
                r"(?i)Première Commission",
                r"(?i)Deuxième Commission",
                r"(?i)Troisième Commission",
                r"(?i)Quatrième Commission",
                r"(?i)Cinquième Commission",
                r"(?i)Sixième Commission",
            ]),
        },
        Conventions {
            lang: Lang::Es,
            agenda: re(r"^Temas?\s+(?P<items>\d.*?)\s+del programa$"),
            adoption: re(r"(?i)Resolución aprobada por la Asamblea General"),
            without_committee: re(r"(?i)sin remisión previa"),
            plenary_meeting: re(r"^(?P<n>\d+)\s*(?:ª|a|\.ª|\.a)?\s+sesión plenaria\.?$"),
            assembly_chapeau: re(r"^La Asamblea General\s*,?$"),
            council_chapeau: re(r"^El Consejo de Seguridad\s*,?$"),
            annex: re(r"^Anexos?(?:\s+[IVXLC]+)?$"),
            committees: committees([
                r"(?i)Primera Comisión",
                r"(?i)Segunda Comisión",
                r"(?i)Tercera Comisión",
                r"(?i)Cuarta Comisión",
                r"(?i)Quinta Comisión",
                r"(?i)Sexta Comisión",
            ]),
        },
        Conventions {
            lang: Lang::Ru,
            agenda: re(r"^Пункты?\s+(?P<items>\d.*?)\s+повестки дня$"),
            adoption: re(r"(?i)Резолюция,?\s+принятая Генеральной Ассамблеей"),
            without_committee: re(r"(?i)без передачи"),
            plenary_meeting: re(r"^(?P<n>\d+)\s*-?\s*(?:е|й|ое)?\s+пленарное заседание\.?$"),
            assembly_chapeau: re(r"^Генеральная Ассамблея\s*,?$"),
            council_chapeau: re(r"^Совет Безопасности\s*,?$"),
            annex: re(r"^Приложени[ея](?:\s+[IVXLC]+)?$"),
            committees: committees([
                r"(?i)Перв\w*\s+комитет",
                r"(?i)Втор\w*\s+комитет",
                r"(?i)Трет\w*\s+комитет",
                r"(?i)Четв[её]рт\w*\s+комитет",
                r"(?i)Пят\w*\s+комитет",
                r"(?i)Шест\w*\s+комитет",
            ]),
        },
        Conventions {
            lang: Lang::Ar,
            agenda: re(r"^(?:البند|البنود)\s+(?P<items>\d.*?)\s+من جدول الأعمال$"),
            adoption: re(r"قرار اتخذته الجمعية العامة"),
            without_committee: re(r"دون\s+(?:ال)?إحالة"),
            plenary_meeting: re(r"^الجلسة العامة\s+(?P<n>\d+)\.?$"),
            assembly_chapeau: re(r"^(?:إن\s+)?الجمعية العامة\s*[،,]?$"),
            council_chapeau: re(r"^(?:إن\s+)?مجلس الأمن\s*[،,]?$"),
            annex: re(r"^المرفق(?:ات)?(?:\s+\S+)?$"),
            committees: committees([
                r"اللجنة الأولى",
                r"اللجنة الثانية",
                r"اللجنة الثالثة",
                r"اللجنة الرابعة",
                r"اللجنة الخامسة",
                r"اللجنة السادسة",
            ]),
        },
        Conventions {
            lang: Lang::Zh,
            agenda: re(r"^议程项目\s*(?P<items>\d.*)$"),
            adoption: re(r"大会决议"),
            without_committee: re(r"未经发交"),
            plenary_meeting: re(r"^第\s*(?P<n>\d+)\s*次全体会议$"),
            assembly_chapeau: re(r"^大会\s*[，,]?$"),
            council_chapeau: re(r"^安全理事会\s*[，,]?$"),
            annex: re(r"^附件[一二三四五六七八九十]*$"),
            committees: committees([
                r"第一委员会",
                r"第二委员会",
                r"第三委员会",
                r"第四委员会",
                r"第五委员会",
                r"第六委员会",
            ]),
        },
    ]
});

/// The conventions of one language.
pub fn of(lang: Lang) -> &'static Conventions {
    ALL.iter()
        .find(|c| c.lang == lang)
        .expect("every language has conventions")
}

/// "Distr.: General", "Distr. générale", "Distr. general": the distribution, as the
/// English key the front matter uses. Chinese, Russian and Arabic covers print it in
/// English.
pub fn distribution(text: &str) -> Option<&'static str> {
    static DISTR: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bDistr\.?\s*:?\s*(?P<d>general|générale|limited|limitée|limitada|restricted|restreinte|reservada)\b",
        )
    });
    let caps = DISTR.captures(text)?;
    Some(match caps["d"].to_lowercase().as_str() {
        "general" | "générale" => "General",
        "limited" | "limitée" | "limitada" => "Limited",
        _ => "Restricted",
    })
}

/// Arabic letters that number sub-items, in the UN's (abjad) order, with the Latin letter
/// of the same rank: "البند 99 (ث)" is item 99 (w).
const ARABIC_LETTERS: [(char, char); 26] = [
    ('أ', 'a'),
    ('ب', 'b'),
    ('ج', 'c'),
    ('د', 'd'),
    ('ه', 'e'),
    ('و', 'f'),
    ('ز', 'g'),
    ('ح', 'h'),
    ('ط', 'i'),
    ('ي', 'j'),
    ('ك', 'k'),
    ('ل', 'l'),
    ('م', 'm'),
    ('ن', 'n'),
    ('س', 'o'),
    ('ع', 'p'),
    ('ف', 'q'),
    ('ص', 'r'),
    ('ق', 's'),
    ('ر', 't'),
    ('ش', 'u'),
    ('ت', 'v'),
    ('ث', 'w'),
    ('خ', 'x'),
    ('ذ', 'y'),
    ('ض', 'z'),
];

/// A sub-item letter as the Latin letter the archive keys on: `b`, `gg`, `ث` → `w`.
fn latin_letters(letters: &str) -> Option<String> {
    letters
        .chars()
        .filter(|c| *c != 'ـ')
        .map(|c| {
            if c.is_ascii_lowercase() {
                Some(c)
            } else {
                ARABIC_LETTERS
                    .iter()
                    .find(|(a, _)| *a == c)
                    .map(|(_, l)| *l)
            }
        })
        .collect()
}

/// Reads the items of an agenda line: "96 (b)" → `["96b"]`, "13 and 117" → `["13", "117"]`,
/// "99 w)" → `["99w"]`, "20 (a) and (b)" → `["20a", "20b"]`.
pub fn agenda_items(items: &str) -> Vec<String> {
    static TOKEN: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?P<n>\d+)|\(\s*(?P<l>\p{L}{1,2})\s*\)|\b(?P<r>\p{Ll}{1,2})\)"));
    let mut out: Vec<String> = Vec::new();
    let mut number: Option<String> = None;
    let mut lettered = false;
    for caps in TOKEN.captures_iter(items) {
        if let Some(n) = caps.name("n") {
            number = Some(n.as_str().to_string());
            out.push(n.as_str().to_string());
            lettered = false;
        } else if let Some(l) = caps.name("l").or_else(|| caps.name("r")) {
            let (Some(n), Some(letters)) = (&number, latin_letters(l.as_str())) else {
                continue;
            };
            let item = format!("{n}{letters}");
            if lettered {
                out.push(item);
            } else if let Some(last) = out.last_mut() {
                *last = item;
            }
            lettered = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_keep_their_letters() {
        assert_eq!(agenda_items("96 (b)"), ["96b"]);
        assert_eq!(agenda_items("99 (gg)"), ["99gg"]);
        assert_eq!(agenda_items("13 and 117"), ["13", "117"]);
        assert_eq!(agenda_items("99 w)"), ["99w"]);
        assert_eq!(agenda_items("20 (a) and (b)"), ["20a", "20b"]);
        assert_eq!(agenda_items("109"), ["109"]);
        assert_eq!(agenda_items("99 (ث)"), ["99w"]);
        assert_eq!(agenda_items("12, 14 et 15 a)"), ["12", "14", "15a"]);
    }

    #[test]
    fn agenda_lines_in_every_language() {
        let cases = [
            (Lang::En, "Agenda item 96 (b)", "96 (b)"),
            (Lang::Fr, "Point 99 w) de l’ordre du jour", "99 w)"),
            (Lang::Es, "Tema 99 w) del programa", "99 w)"),
            (Lang::Ru, "Пункт 99 (w) повестки дня", "99 (w)"),
            (Lang::Ar, "البند 99 (ث) من جدول الأعمال", "99 (ث)"),
            (Lang::Zh, "议程项目 109", "109"),
        ];
        for (lang, line, items) in cases {
            let caps = of(lang).agenda.captures(line).expect(line);
            assert_eq!(&caps["items"], items, "{line}");
        }
    }

    #[test]
    fn plenary_meetings_in_every_language() {
        let cases = [
            (Lang::En, "42nd plenary meeting"),
            (Lang::Fr, "42e séance plénière"),
            (Lang::Es, "42ª sesión plenaria"),
            (Lang::Ru, "42-е пленарное заседание"),
            (Lang::Ar, "الجلسة العامة 42"),
            (Lang::Zh, "第 42 次全体会议"),
        ];
        for (lang, line) in cases {
            let caps = of(lang).plenary_meeting.captures(line).expect(line);
            assert_eq!(&caps["n"], "42", "{line}");
        }
    }

    #[test]
    fn committees_are_named_by_their_english_key() {
        let cases = [
            (
                Lang::Fr,
                "[sur la base du rapport de la Première Commission (A/79/406, par. 20)]",
            ),
            (
                Lang::Es,
                "[sobre la base del informe de la Primera Comisión (A/79/406, párr. 20)]",
            ),
            (Lang::Ru, "[по докладу Первого комитета (A/79/406, п. 20)]"),
            (
                Lang::Ar,
                "[بناء على تقرير اللجنة الأولى (A/79/406، الفقرة 20)]",
            ),
            (Lang::Zh, "[根据第一委员会的报告(A/79/406，第 20 段)通过]"),
        ];
        for (lang, line) in cases {
            let found: Vec<&str> = of(lang)
                .committees
                .iter()
                .filter(|(_, re)| re.is_match(line))
                .map(|(k, _)| *k)
                .collect();
            assert_eq!(found, ["First Committee"], "{line}");
        }
    }

    #[test]
    fn distribution_is_read_in_any_language() {
        assert_eq!(distribution("Distr.: General"), Some("General"));
        assert_eq!(distribution("Distr. générale"), Some("General"));
        assert_eq!(distribution("Distr. limitada"), Some("Limited"));
        assert_eq!(distribution("General Assembly"), None);
    }
}
