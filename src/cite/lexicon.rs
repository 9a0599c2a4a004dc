//! The words around citations, in the six languages: what introduces a resolution, what
//! may stand between the numbers of a list, how dates are written, which organ is named.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Lang, Organ, months};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("citation pattern {pattern:?}: {e}"))
}

/// Per-language patterns, compiled once.
pub struct Lexicon {
    /// A word that introduces resolutions ("resolutions", "résolution", "القرار"), also
    /// when a line break cuts it ("reso-\nlutions") or a heading capitalises it.
    pub resolution: Regex,
    /// A word that introduces decisions, which are not resolutions.
    pub decision: Regex,
    /// A date in running text, with the word that introduces it ("of 4 December 2023").
    /// Lists give the year once for several dates: "186 (1964) of 4 March, 187 (1964) of
    /// 13 March", "82 (1950) and 83 (1950) of 25 and 27 June 1950".
    pub date: Regex,
    /// What may join two numbers of a list once dates are removed: commas and "and".
    pub joiner: Regex,
    /// What a list may say of one of its numbers before going on to the next: "63/71 of
    /// 2 December 2008 on the Convention on Cluster Munitions and 70/54". No digits, so
    /// that it cannot swallow a number. None where the language puts it elsewhere.
    pub topic: Option<Regex>,
    /// A word in a list that takes the list back to the text's own organ ("its").
    pub own: Regex,
    /// "paragraph 5 of" just before the keyword (or, in Chinese, "第 5 段" just after).
    pub pinpoint: Regex,
    /// "the most recent of which is" just before the keyword.
    pub most_recent: Regex,
    /// What may stand between the keyword and the first number of its list: the subject and
    /// a word that singles some out ("resolutions on the question of Namibia, particularly
    /// 435 (1978)"). None where the language puts it elsewhere.
    pub lead: Option<Regex>,
}

/// A month broken over two lines ("10 Au-\ngust"), as the Council's scanned texts have
/// them.
const EN_BROKEN_MONTHS: &str =
    r"(?:Jan|Feb|Mar|Apr|Au|Sep|Sept|Oct|Nov|Dec)[a-z]{0,5}-\s*[a-z]{2,7}";

/// A year, also as a scan may space its digits ("1 9 9 0").
const YEAR: &str = r"(?:\d{4}|[12] [09] \d \d)";

/// A language's month names as one alternation, in any case ("December", "décembre",
/// "Octobre"); the names are `model::months`'.
fn months_of(table: &[&str]) -> String {
    format!("(?i:{})", table.join("|"))
}

/// Every month name the finder knows, in the four languages that write them in Latin or
/// Cyrillic letters, for a date standing in a number's brackets ("1783 (Octobre 2007)").
pub fn month_names() -> String {
    months::EN
        .iter()
        .chain(&months::FR)
        .chain(&months::ES)
        .chain(months::ES_VARIANTS.iter().map(|(v, _)| v))
        .chain(&months::RU)
        .copied()
        .collect::<Vec<_>>()
        .join("|")
}

static LEXICONS: LazyLock<[Lexicon; 6]> = LazyLock::new(|| {
    let en_months = months_of(&months::EN);
    let fr_months = months_of(&months::FR);
    let es_variants: Vec<&str> = months::ES_VARIANTS.iter().map(|(v, _)| *v).collect();
    let es_months = months_of(&[&months::ES[..], &es_variants].concat());
    let ru_months = months_of(&months::RU);
    let ar_months = months::AR_LEVANTINE
        .iter()
        .chain(months::AR_EGYPTIAN.iter().flat_map(|v| v.iter()))
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    Lang::ALL.map(|lang| match lang {
        Lang::En => Lexicon {
            resolution: re(r"\b(?:[Rr]eso-\s*lutions?|[Rr]esolu-\s*tions?|[Rr]esolutions?|RESOLUTIONS?)\b"),
            decision: re(r"\b[Dd]ecisions?\b"),
            date: re(&format!(r"^\s*,?\s*(?:of|dated|adopted on|on)?\s*\d{{1,2}}(?:\s*(?:,|and|-|–)\s*\d{{1,2}})*\s+(?:{en_months}|{EN_BROKEN_MONTHS})(?:\s+{YEAR})?")),
            joiner: re(r"^\s*(?:,|;)?\s*(?:and|as\s+well\s+as|or)?\s*,?\s*(?:also|in\s+particular|particularly|notably|including|especially)?\s*,?\s*(?:its|the)?\s*(?:General\s+Assembly|Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council|Council)?\s*(?:resolutions?)?\s*$"),
            topic: Some(re(r"^\s*,?\s*(?:on|entitled|concerning|regarding|containing|in\s+which|by\s+which)\s[^\d;:()/]{0,150}?(?:,\s*and|,|\s+and|\s+as\s+well\s+as)\s*(?:its\s+)?(?:resolutions?\s+)?$")),
            own: re(r"\bits\b"),
            pinpoint: re(r"\bparagraphs?\s+(\d{1,3})(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|to)\s*\d{1,3})*\s+of\s+(?:its\s+|the\s+)?(?:General Assembly\s+|Security Council\s+)?$"),
            most_recent: re(r"(?:most recent|latest|last) of which (?:is|was|being)\s+(?:its\s+)?$"),
            lead: Some(re(r"^\s*(?:on|concerning|relating\s+to|regarding)\s[^\d;:()/]{0,120}?,?\s+(?:particularly|in\s+particular|including|notably|especially)\s*(?:its\s+)?(?:resolutions?\s*)?$")),
        },
        Lang::Fr => Lexicon {
            resolution: re(r"\b(?:[Rr]ésolutions?|RÉSOLUTIONS?)\b"),
            decision: re(r"\b[Dd]écisions?\b"),
            // "du 1er décembre", "du 1 er décembre" as a scan splits the superscript, "d’août
            // 1990" with no day.
            date: re(&format!(r"^\s*,?\s*(?:(?:du|en date du|adoptée le|le)?\s*\d{{1,2}}(?:\s?er)?(?:\s*(?:,|et|-|–)\s*\d{{1,2}}(?:\s?er)?)*\s+|(?:d['’]\s*|de\s+))(?:{fr_months})(?:\s+{YEAR})?")),
            joiner: re(r"^\s*(?:,|;)?\s*(?:et|ainsi que|ou)?\s*(?:sa|ses|la|les)?\s*(?:résolutions?)?\s*$"),
            topic: Some(re(r"^\s*,?\s*(?:sur|intitulée|concernant|relative à)\s[^\d;:()/]{0,150}?(?:,\s*et|,|\s+et|\s+ainsi\s+que)\s*(?:sa\s+|ses\s+)?(?:résolutions?\s+)?$")),
            own: re(r"\b(?:sa|ses)\b"),
            pinpoint: re(r"\bparagraphes?\s+(\d{1,3})(?:\s*\([a-z]{1,4}\))?\s+de\s+(?:la\s+|sa\s+)?$"),
            most_recent: re(r"dont la (?:plus récente|dernière)(?: en date)? (?:est|était)\s+(?:la\s+|sa\s+)?$"),
            lead: Some(re(r"^\s*(?:sur|concernant|relatives?\s+à)\s[^\d;:()/]{0,120}?,?\s+(?:en\s+particulier|notamment|y\s+compris)\s*(?:sa\s+|ses\s+)?(?:résolutions?\s*)?$")),
        },
        Lang::Es => Lexicon {
            resolution: re(r"\b(?:[Rr]esoluci(?:ón|ones)|RESOLUCI(?:ÓN|ONES))\b"),
            decision: re(r"\b[Dd]ecisi(?:ón|ones)\b"),
            // "de 26 de marzo 2004": the last "de" is sometimes left out.
            date: re(&format!(r"^\s*,?\s*(?:de|del|aprobada el)?\s*\d{{1,2}}(?:\s*(?:,|y|-|–)\s*\d{{1,2}})*\s+de\s+(?:{es_months})(?:\s+(?:de\s+)?{YEAR})?")),
            joiner: re(r"^\s*(?:,|;)?\s*(?:y|e|así como|o)?\s*(?:su|sus|la|las)?\s*(?:resoluci(?:ón|ones))?\s*$"),
            topic: Some(re(r"^\s*,?\s*(?:sobre|titulada|relativa a)\s[^\d;:()/]{0,150}?(?:,\s*y|,|\s+y|\s+así\s+como)\s*(?:su\s+|sus\s+)?(?:resoluci(?:ón|ones)\s+)?$")),
            own: re(r"\b(?:su|sus)\b"),
            pinpoint: re(r"\bpárrafos?\s+(\d{1,3})(?:\s*\([a-z]{1,4}\))?\s+de\s+(?:la\s+|su\s+)?$"),
            most_recent: re(r"la (?:más reciente|última) de las cuales (?:es|fue|era)\s+(?:la\s+|su\s+)?$"),
            lead: Some(re(r"^\s*(?:sobre|relativas?\s+a)\s[^\d;:()/]{0,120}?,?\s+(?:en\s+particular|especialmente|incluidas?)\s*(?:sus?\s+)?(?:resoluci(?:ón|ones)\s*)?$")),
        },
        Lang::Ru => Lexicon {
            resolution: re(r"(?:[Рр]езолюци(?:я|и|ю|ей|ях|ям|ями)|РЕЗОЛЮЦИ(?:Я|И|Ю|ЕЙ|ЯХ|ЯМ|ЯМИ))\b"),
            decision: re(r"[Рр]ешени(?:е|я|ю|ем|и|ях|ям|ями)\b"),
            date: re(&format!(r"^\s*,?\s*(?:от)?\s*\d{{1,2}}(?:\s*(?:,|и|-|–)\s*\d{{1,2}})*\s+(?:{ru_months})(?:\s+{YEAR}(?:\s*(?:года|г\.))?)?")),
            joiner: re(r"^\s*(?:,|;)?\s*(?:и|а также|или)?\s*(?:своей|своих|в)?\s*(?:резолюци(?:я|и|ю|ей|ях|ям|ями))?\s*$"),
            topic: Some(re(r"^\s*,?\s*(?:о|об|озаглавленн\w+)\s[^\d;:()/]{0,150}?(?:,\s*и|,|\s+и|\s+а\s+также)\s*(?:резолюци\w*\s+)?$")),
            own: re(r"\bсво(?:ей|их|ю|и|ими)\b"),
            pinpoint: re(r"\bпункт(?:а|е|у|ом|ы|ов)?\s+(\d{1,3})(?:\s*\([а-яa-z]{1,4}\))?\s+(?:своей\s+)?$"),
            most_recent: re(r"последн(?:ей|яя|юю) из (?:которых|них) (?:является|была)\s+(?:резолюция\s+)?$"),
            lead: Some(re(r"^\s*(?:по|о|об|касающиеся)\s[^\d;:()/]{0,120}?,?\s+(?:в\s+частности|включая|особенно)\s*(?:резолюци\w*\s*)?$")),
        },
        Lang::Ar => Lexicon {
            resolution: re(r"(?:^|[\s(«])(?:[وبلف]{0,2})(?:ال)?قرار(?:ات|ا|ي|ين|يها|يه)?(?:ها|ه)?(?:\s|$)"),
            decision: re(r"(?:^|[\s(«])(?:[وبلف]{0,2})(?:ال)?مقرر(?:ات|ا|ي|ين|يها|يه)?(?:ها|ه)?(?:\s|$)"),
            // "كانون الأول/ديسمبر", also with spaces round the slash ("تموز / يوليو") or the
            // second name in brackets ("كانون الأول (ديسمبر)").
            // A month must be named: "و 1377 (2001)" is no date.
            date: re(&format!(r"^\s*[،,]?\s*(?:(?:المؤرخ(?:ة|ين|تين|ان)?|المعتمد)(?:\s+في)?\s*)?(?:\d{{1,2}}\s+)?(?:{ar_months})(?:\s*/\s*(?:{ar_months})|\s*\((?:{ar_months})\))?(?:\s+(?:عام\s+)?\d{{4}})?")),
            joiner: re(r"^\s*[،,؛;]?\s*(?:و|وكذلك|أو)?\s*(?:(?:ال)?قرار(?:ات|ها|يها)?)?\s*$"),
            topic: Some(re(r"^\s*[،,]?\s*(?:بشأن|المعنون\w*)\s[^\d;:()/]{0,150}?(?:[،,]\s*و|[،,]|\s+و)\s*$")),
            own: re(r"قرار(?:ها|يها|اتها)"),
            pinpoint: re(r"الفقر(?:ة|تين|ات)\s+(\d{1,3})(?:\s*\([\p{Arabic}a-z]{1,4}\))?\s+من\s+$"),
            most_recent: re(r"(?:وآخرها|آخرها|وأحدثها|أحدثها)\s*$"),
            lead: Some(re(r"^\s*(?:بشأن|المتعلقة\s+ب)[^\d;:()/]{0,120}?[،,]?\s+(?:ولا\s+سيما|لا\s+سيما|بما\s+فيها|وخاصة)\s*(?:قرار\w*\s*)?$")),
        },
        Lang::Zh => Lexicon {
            resolution: re(r"决议"),
            decision: re(r"决定"),
            date: re(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),
            joiner: re(r"^\s*(?:、|，|,|和|及|以及|与|或)?\s*(?:其|大会)?\s*$"),
            topic: None,
            own: re(r"其"),
            pinpoint: re(r"^\s*第\s*(\d{1,3})\s*段"),
            most_recent: re(r"(?:最近一项|最近的一项|最新一项|最近一次)(?:决议)?(?:是|为)\s*$"),
            lead: None,
        },
    })
});

/// The words a reader types around a resolution's number, in the six languages, as
/// typed (lowercase): before it ("resolution 78/7", "res 78/7", "القرار 78/7", "第 78/7
/// 号决议") or after it (号决议). Each full word is one the language's `resolution`
/// pattern reads (a test checks it); the abbreviations are the UN's own. Search takes
/// them off a query to read the symbol left.
pub const RESOLUTION_WORDS: [(Lang, &[&str]); 6] = [
    (Lang::En, &["resolutions", "resolution", "res"]),
    (Lang::Fr, &["résolutions", "résolution", "rés", "res"]),
    (Lang::Es, &["resoluciones", "resolución", "res"]),
    (Lang::Ru, &["резолюция", "резолюции", "резолюцию", "рез"]),
    (Lang::Ar, &["القرارات", "القرار", "قرار"]),
    (Lang::Zh, &["号决议", "决议", "第"]),
];

pub fn lexicon(lang: Lang) -> &'static Lexicon {
    let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(2);
    &LEXICONS[i]
}

/// What a citation's context says about who adopted the cited resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Organ(Organ),
    /// "the Council" without its full name: in the Assembly's texts ECOSOC, whose
    /// resolutions are numbered by year ("Council resolution 1996/31"), or the Human Rights
    /// Council, whose resolutions are numbered by session ("the subsequent Council
    /// resolution 57/26").
    Council,
    /// Another body: a commission, a board, a conference. Its resolutions are not in the
    /// UN's resolution series, so they are never linked.
    OtherBody,
}

struct OrganWords {
    lang: Lang,
    /// Names that point to one organ; checked before `other`.
    organs: Vec<(Named, Regex)>,
    other: Regex,
    /// Words that say a body was set up by the resolution that follows, not that it
    /// adopted it ("the Committee established by resolution 661 (1990)").
    created: Regex,
}

static ORGAN_WORDS: LazyLock<Vec<OrganWords>> = LazyLock::new(|| {
    use Organ::*;
    let w =
        |lang, organs: Vec<(Organ, &str)>, council: Option<&str>, other: &str, created: &str| {
            OrganWords {
                lang,
                organs: organs
                    .into_iter()
                    .map(|(o, p)| (Named::Organ(o), re(p)))
                    .chain(council.map(|p| (Named::Council, re(p))))
                    .collect(),
                other: re(other),
                created: re(created),
            }
        };
    vec![
        w(
            Lang::En,
            vec![
                (HumanRightsCouncil, r"Human Rights Council"),
                (
                    EconomicAndSocialCouncil,
                    r"Economic and Social Council|\bECOSOC\b",
                ),
                (SecurityCouncil, r"Security Council"),
                (GeneralAssembly, r"General Assembly"),
            ],
            Some(r"\bCouncil\b"),
            r"\b(?:Commission|Sub-?[Cc]ommission|Board|Conference|Committee|Forum|Assembly of|Health Assembly|Council of|Governing Council|Trusteeship Council|Executive)\b",
            r"\b(?:established|created|set up|mandated|constituted|referred to)\b",
        ),
        w(
            Lang::Fr,
            vec![
                (HumanRightsCouncil, r"Conseil des droits de l[’']homme"),
                (EconomicAndSocialCouncil, r"Conseil économique et social"),
                (SecurityCouncil, r"Conseil de sécurité"),
                (GeneralAssembly, r"Assemblée générale"),
            ],
            Some(r"\bConseil\b"),
            r"\b(?:Commission|Sous-[Cc]ommission|Conférence|Comité|Conseil d[’']administration|Conseil de tutelle|Forum|Assemblée mondiale)\b",
            r"(?:\b(?:créée?s?|établie?s?|constituée?s?|instituée?s?|mise?s? en place|en application|conformément)\b)",
        ),
        w(
            Lang::Es,
            vec![
                (HumanRightsCouncil, r"Consejo de Derechos Humanos"),
                (EconomicAndSocialCouncil, r"Consejo Económico y Social"),
                (SecurityCouncil, r"Consejo de Seguridad"),
                (GeneralAssembly, r"Asamblea General"),
            ],
            Some(r"\bConsejo\b"),
            r"\b(?:Comisión|Subcomisión|Conferencia|Comité|Junta|Foro|Asamblea Mundial|Consejo de Administración Fiduciaria)\b",
            r"\b(?:establecid[oa]s?|cread[oa]s?|constituid[oa]s?|en virtud|de conformidad|con arreglo)\b",
        ),
        w(
            Lang::Ru,
            vec![
                (HumanRightsCouncil, r"Совет(?:а|ом|е)? по правам человека"),
                (
                    EconomicAndSocialCouncil,
                    r"Экономическ(?:ий|ого|им|ом) и Социальн(?:ый|ого|ым|ом) Совет",
                ),
                (SecurityCouncil, r"Совет(?:а|ом|е)? Безопасности"),
                (
                    GeneralAssembly,
                    r"Генеральн(?:ая|ой|ую) Ассамбле(?:я|и|ю|ей)",
                ),
            ],
            None,
            r"(?:Комисси|Подкомисси|Конференци|Комитет|Совет(?:а)? управляющих|Совет(?:а|ом|е)? по [Оо]пеке|Форум|Всемирн(?:ая|ой) ассамбле)",
            r"(?:учрежденн|созданн|в соответствии|согласно)",
        ),
        w(
            Lang::Ar,
            vec![
                (HumanRightsCouncil, r"مجلس حقوق الإنسان"),
                (EconomicAndSocialCouncil, r"المجلس الاقتصادي والاجتماعي"),
                (SecurityCouncil, r"مجلس الأمن"),
                (GeneralAssembly, r"الجمعية العامة"),
            ],
            None,
            r"(?:لجنة|اللجنة|مؤتمر|المؤتمر|المجلس التنفيذي|مجلس الإدارة|مجلس الوصاية|جمعية الصحة)",
            r"(?:المنشأة|المنشأ|عملا|وفقا)",
        ),
        w(
            Lang::Zh,
            vec![
                (HumanRightsCouncil, r"人权理事会"),
                (EconomicAndSocialCouncil, r"经济及社会理事会|经社理事会"),
                (SecurityCouncil, r"安全理事会|安理会"),
                (GeneralAssembly, r"联合国大会|大会"),
            ],
            None,
            r"(?:委员会|小组委员会|会议|执行局|理事会|托管理事会|卫生大会)",
            r"(?:设立|成立|根据)",
        ),
    ]
});

/// The organ (or other body) whose name ends `text`, the words just before a citation:
/// "Human Rights Council resolution", "the Commission on Crime Prevention and Criminal
/// Justice resolution", "le Conseil des droits de l'homme, dans sa résolution". A name
/// further back, or one cut off by a clause boundary, says nothing about the citation.
pub fn named_before(text: &str, lang: Lang) -> Option<Named> {
    static FILLER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[\s'’]*s?\s*(?:[,،，]\s*)?(?:in|by|through|under|dans|par|en|por|mediante|в|своей|في|بموجب|在|中)?\s*(?:its|their|sa|ses|son|su|sus|свое[йм]?|其)?\s*$",
        )
    });
    let words = ORGAN_WORDS.iter().find(|w| w.lang == lang)?;
    let mut best: Option<(usize, usize, Named)> = None;
    let mut consider = |start: usize, end: usize, named: Named| {
        let better = match best {
            None => true,
            Some((s, e, _)) => end > e || (end == e && start < s),
        };
        if better {
            best = Some((start, end, named));
        }
    };
    for (named, pattern) in &words.organs {
        if let Some(m) = pattern.find_iter(text).last() {
            consider(m.start(), m.end(), *named);
        }
    }
    if let Some(m) = words.other.find_iter(text).last() {
        consider(m.start(), m.end(), Named::OtherBody);
    }
    let (_, end, named) = best?;
    let rest = &text[end..];
    // A number between the name and the keyword is another citation's: "لجنة القرار 1540
    // لفترة سنتين باتخاذ القرار 1673 (2006)" — the committee did not adopt 1673.
    if rest.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if FILLER.is_match(rest) {
        return Some(named);
    }
    let attached = match lang {
        // English names are capitalised: what runs on from a name in capitals and small
        // words is the rest of it ("Commission on Crime Prevention and Criminal Justice").
        Lang::En => FILLER.is_match(&rest[name_tail(rest)..]),
        Lang::Zh => !punctuated(rest) && rest.trim().chars().count() <= 12,
        _ => !punctuated(rest) && rest.split_whitespace().count() <= 8,
    };
    (attached && !words.created.is_match(rest)).then_some(named)
}

fn punctuated(text: &str) -> bool {
    text.contains([',', ';', '.', ':', '،', '؛', '，', '；', '。', '(', ')'])
}

/// The length of the rest of an English name at the start of `text`: capitalised words and
/// the small words between them.
fn name_tail(text: &str) -> usize {
    static TAIL: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:\s+(?:\p{Lu}[\w’'.-]*|of|on|and|for|the|to|against|in|at)\b)*"));
    TAIL.find(text).map_or(0, |m| m.end())
}

/// The organ named first in `text`, for the words that follow a citation in languages
/// that name the organ after the number ("la résolution 35/1 du Conseil des droits de
/// l'homme", "resolution 40/61 of 9 December 1985 of the General Assembly"). Only a name
/// at the very start counts.
pub fn named_after(text: &str, lang: Lang) -> Option<Named> {
    static LEADS: LazyLock<Vec<(Lang, Regex)>> = LazyLock::new(|| {
        [
            (Lang::En, r"^\s*(?:,\s*)?of\s+the\s+"),
            (Lang::Fr, r"^\s*(?:,\s*)?(?:du|de la|de l[’']|des|de)\s+"),
            (Lang::Es, r"^\s*(?:,\s*)?(?:del|de la|de los|de)\s+"),
            (Lang::Ru, r"^\s*"),
        ]
        .into_iter()
        .map(|(l, p)| (l, re(p)))
        .collect()
    });
    let lead = &LEADS.iter().find(|(l, _)| *l == lang)?.1;
    let m = lead.find(text)?;
    let rest = &text[m.end()..];
    let head: String = rest.chars().take(60).collect();
    let words = ORGAN_WORDS.iter().find(|w| w.lang == lang)?;
    for (named, pattern) in &words.organs {
        if pattern.find(&head).is_some_and(|m| m.start() == 0) {
            return Some(*named);
        }
    }
    if words.other.find(&head).is_some_and(|m| m.start() == 0) {
        return Some(Named::OtherBody);
    }
    None
}
