//! UN document symbols of resolutions: parsing, normalising, ordering.
//!
//! A symbol is the identity of a resolution across its language versions. Editors write
//! them in many ways (`A/RES/2625(XXV)`, `a/res/73/187`, `S/RES/242 (1967)`); the archive
//! keeps one canonical spelling so that every version, link and index agrees.

use std::cmp::Ordering;
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// The body that adopted a resolution, read from the symbol's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    HumanRightsCouncil,
}

impl Organ {
    /// Short, stable key used in URLs and data (`ga`, `sc`, `ecosoc`, `hrc`).
    pub fn key(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "ga",
            Organ::SecurityCouncil => "sc",
            Organ::EconomicAndSocialCouncil => "ecosoc",
            Organ::HumanRightsCouncil => "hrc",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "A/RES",
            Organ::SecurityCouncil => "S/RES",
            Organ::EconomicAndSocialCouncil => "E/RES",
            Organ::HumanRightsCouncil => "A/HRC/RES",
        }
    }
}

/// A session of a deliberative organ. The Security Council has none; ECOSOC's modern
/// resolutions are numbered by year instead (see [`Symbol::year`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Session {
    Regular(u16),
    Special(u16),
    EmergencySpecial(u16),
}

impl Session {
    /// The session as the UN writes it in modern symbols: `73`, `S-10`, `ES-10`.
    pub fn key(self) -> String {
        match self {
            Session::Regular(n) => n.to_string(),
            Session::Special(n) => format!("S-{n}"),
            Session::EmergencySpecial(n) => format!("ES-{n}"),
        }
    }

    /// Parses `73`, `XXV`, `S-10`, `S-VI`, `ES-10`, `ES-I` (arabic or roman numerals).
    pub fn parse(text: &str) -> Option<Session> {
        let text = text.trim().to_ascii_uppercase();
        let (make, rest): (fn(u16) -> Session, &str) = if let Some(r) = text.strip_prefix("ES-") {
            (Session::EmergencySpecial, r)
        } else if let Some(r) = text.strip_prefix("S-") {
            (Session::Special, r)
        } else {
            (Session::Regular, text.as_str())
        };
        let n = if rest.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() {
            rest.parse().ok()?
        } else {
            from_roman(rest)?
        };
        (1..=MAX_SESSION).contains(&n).then(|| make(n))
    }
}

/// The highest session number: the highest a canonical roman numeral can spell
/// (MMMCMXCIX), since old-style symbols spell their session in roman numerals.
pub const MAX_SESSION: u16 = 3999;

impl fmt::Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// A parsed, normalised resolution symbol.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Symbol {
    canonical: String,
    organ: Organ,
    session: Option<Session>,
    year: Option<u16>,
    number: u32,
    part: Option<char>,
}

/// Why a text is not a resolution symbol.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a resolution symbol: {reason}")]
pub struct SymbolError {
    pub input: String,
    pub reason: &'static str,
}

impl SymbolError {
    /// The forms an editor can copy from.
    pub const HINT: &'static str = "write it as the UN does, for example A/RES/73/187, \
        A/RES/2625 (XXV), A/RES/ES-10/19, S/RES/242 (1967), A/HRC/RES/35/1 or E/RES/2013/30";
}

static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<prefix>A/HRC/RES|A/RES|S/RES|E/RES)/(?:(?P<kind>ES-|S-)?(?P<session>\d{1,4})/)?(?P<number>\d{1,5})(?: ?(?P<part>[A-Z]))?(?: ?\((?P<paren>[A-Z0-9-]+)\))?$",
    )
    .expect("symbol pattern compiles")
});

impl Symbol {
    /// Parses a symbol, tolerating case, spacing and a missing space before `(`.
    pub fn parse(input: &str) -> Result<Symbol, SymbolError> {
        let err = |reason| SymbolError {
            input: input.to_string(),
            reason,
        };
        let squeezed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        let upper = squeezed.to_ascii_uppercase().replace(" / ", "/");
        if upper.is_empty() {
            return Err(err("it is empty"));
        }
        let Some(caps) = SHAPE.captures(&upper) else {
            return Err(err(
                "it does not have the shape of a GA, Security Council, ECOSOC or Human Rights Council resolution symbol",
            ));
        };
        let organ = match &caps["prefix"] {
            "A/RES" => Organ::GeneralAssembly,
            "S/RES" => Organ::SecurityCouncil,
            "E/RES" => Organ::EconomicAndSocialCouncil,
            _ => Organ::HumanRightsCouncil,
        };
        let number: u32 = caps["number"].parse().map_err(|_| err("bad number"))?;
        if number == 0 {
            return Err(err("resolution numbers start at 1"));
        }
        let part = caps
            .name("part")
            .map(|m| m.as_str().chars().next().unwrap_or('A'));
        let kind = caps.name("kind").map(|m| m.as_str());
        let session_digits = caps.name("session").map(|m| m.as_str());
        let paren = caps.name("paren").map(|m| m.as_str());

        let (session, year) = session_and_year(organ, session_digits, kind, paren).map_err(err)?;

        let mut symbol = Symbol {
            canonical: String::new(),
            organ,
            session,
            year,
            number,
            part,
        };
        symbol.canonical = symbol.spell();
        Ok(symbol)
    }

    fn spell(&self) -> String {
        let mut s = String::from(self.organ.prefix());
        s.push('/');
        let old_style = matches!(
            (self.organ, self.year),
            (
                Organ::GeneralAssembly | Organ::EconomicAndSocialCouncil,
                None
            )
        ) && !self.modern_session();
        if !old_style {
            match (self.session, self.year) {
                (Some(session), _) if self.organ != Organ::SecurityCouncil => {
                    s.push_str(&session.key());
                    s.push('/');
                }
                (None, Some(year)) if self.organ == Organ::EconomicAndSocialCouncil => {
                    s.push_str(&year.to_string());
                    s.push('/');
                }
                _ => {}
            }
        }
        s.push_str(&self.number.to_string());
        if let Some(part) = self.part {
            s.push(' ');
            s.push(part);
        }
        if old_style {
            if let Some(session) = self.session {
                s.push_str(" (");
                s.push_str(&roman_session(session));
                s.push(')');
            }
        } else if self.organ == Organ::SecurityCouncil {
            if let Some(year) = self.year {
                s.push_str(&format!(" ({year})"));
            }
        }
        s
    }

    /// Modern symbols put the session first (A/RES/31/1 onwards; the HRC always).
    fn modern_session(&self) -> bool {
        match (self.organ, self.session) {
            (Organ::HumanRightsCouncil, _) => true,
            (Organ::GeneralAssembly, Some(Session::Regular(n))) => n >= 31 && self.number < 1000,
            (Organ::GeneralAssembly, Some(Session::Special(n))) => n >= 8 && self.number < 1000,
            (Organ::GeneralAssembly, Some(Session::EmergencySpecial(n))) => {
                n >= 6 && self.number < 1000
            }
            _ => false,
        }
    }

    /// The canonical spelling: `A/RES/2625 (XXV)`, `S/RES/242 (1967)`.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    /// The symbol as a relative path: slashes kept as folders, spaces dropped
    /// (`A/RES/217A(III)`). Every character is from `[A-Z0-9/()-]`, so it cannot
    /// climb out of the folder it is joined to.
    pub fn path(&self) -> String {
        self.canonical.replace(' ', "")
    }

    pub fn organ(&self) -> Organ {
        self.organ
    }

    pub fn session(&self) -> Option<Session> {
        self.session
    }

    /// The year in the symbol, for the Security Council and modern ECOSOC resolutions.
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    pub fn number(&self) -> u32 {
        self.number
    }

    pub fn part(&self) -> Option<char> {
        self.part
    }

    /// The short form used in running text: `73/187`, `2625 (XXV)`, `242 (1967)`.
    pub fn short(&self) -> &str {
        let prefix_len = self.organ.prefix().len() + 1;
        &self.canonical[prefix_len..]
    }

    fn order_key(&self) -> (Organ, u8, u16, u32, Option<char>) {
        let (rank, n) = match (self.session, self.year) {
            (Some(Session::Regular(n)), _) => (0, n),
            (Some(Session::Special(n)), _) => (1, n),
            (Some(Session::EmergencySpecial(n)), _) => (2, n),
            (None, Some(y)) => (0, y),
            (None, None) => (0, 0),
        };
        (self.organ, rank, n, self.number, self.part)
    }
}

impl Ord for Symbol {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}

impl std::str::FromStr for Symbol {
    type Err = SymbolError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symbol::parse(s)
    }
}

/// The session or the year a symbol's parts give, or why they give none.
fn session_and_year(
    organ: Organ,
    session_digits: Option<&str>,
    kind: Option<&str>,
    paren: Option<&str>,
) -> Result<(Option<Session>, Option<u16>), &'static str> {
    let err = |reason: &'static str| reason;
    Ok(match (organ, session_digits, paren) {
        // A/RES/73/187, A/RES/ES-10/19, A/RES/S-10/2, A/HRC/RES/35/1, A/HRC/RES/S-30/1
        (Organ::GeneralAssembly | Organ::HumanRightsCouncil, Some(s), None) => {
            let n: u16 = s.parse().map_err(|_| err("bad session"))?;
            if n == 0 {
                return Err(err("sessions start at 1"));
            }
            if n > MAX_SESSION {
                return Err(err("sessions are numbered up to 3999"));
            }
            let session = match kind {
                Some("ES-") => Session::EmergencySpecial(n),
                Some(_) => Session::Special(n),
                None => Session::Regular(n),
            };
            (Some(session), None)
        }
        // A/RES/2625 (XXV), A/RES/3201 (S-VI), A/RES/997 (ES-I)
        (Organ::GeneralAssembly, None, Some(p)) => {
            let session = parse_roman_session(p)
                .ok_or_else(|| err("the session in brackets must be a roman numeral such as (XXV), (S-VI) or (ES-I)"))?;
            (Some(session), None)
        }
        (Organ::GeneralAssembly, None, None) => {
            return Err(err(
                "the session is missing: A/RES/<session>/<number> or A/RES/<number> (<roman session>)",
            ));
        }
        (Organ::HumanRightsCouncil, _, _) => {
            return Err(err(
                "Human Rights Council symbols are A/HRC/RES/<session>/<number>",
            ));
        }
        // S/RES/242 (1967)
        (Organ::SecurityCouncil, None, Some(p)) => {
            let year = parse_year(p)
                .ok_or_else(|| err("the year in brackets must be four digits, 1946 or later"))?;
            (None, Some(year))
        }
        (Organ::SecurityCouncil, _, _) => {
            return Err(err(
                "Security Council symbols carry the year of adoption: S/RES/242 (1967)",
            ));
        }
        // E/RES/2013/30
        (Organ::EconomicAndSocialCouncil, Some(y), None) if kind.is_none() => {
            let year = parse_year(y).ok_or_else(|| {
                err("ECOSOC symbols are E/RES/<year>/<number>, the year with four digits")
            })?;
            (None, Some(year))
        }
        // E/RES/1503 (XLVIII)
        (Organ::EconomicAndSocialCouncil, None, Some(p)) => {
            let session = parse_roman_session(p)
                .filter(|s| matches!(s, Session::Regular(_)))
                .ok_or_else(|| {
                    err("the session in brackets must be a roman numeral such as (XLVIII)")
                })?;
            (Some(session), None)
        }
        (Organ::EconomicAndSocialCouncil, _, _) => {
            return Err(err(
                "ECOSOC symbols are E/RES/<year>/<number> or E/RES/<number> (<roman session>)",
            ));
        }
        (Organ::GeneralAssembly, Some(_), Some(_)) => {
            return Err(err(
                "a symbol has either a session before the number or a session in brackets, not both",
            ));
        }
    })
}

fn parse_year(text: &str) -> Option<u16> {
    let year: u16 = (text.len() == 4).then(|| text.parse().ok())??;
    (1946..=2200).contains(&year).then_some(year)
}

fn parse_roman_session(text: &str) -> Option<Session> {
    let (make, rest): (fn(u16) -> Session, &str) = if let Some(r) = text.strip_prefix("ES-") {
        (Session::EmergencySpecial, r)
    } else if let Some(r) = text.strip_prefix("S-") {
        (Session::Special, r)
    } else {
        (Session::Regular, text)
    };
    from_roman(rest).map(make)
}

fn roman_session(session: Session) -> String {
    match session {
        Session::Regular(n) => to_roman(n),
        Session::Special(n) => format!("S-{}", to_roman(n)),
        Session::EmergencySpecial(n) => format!("ES-{}", to_roman(n)),
    }
}

/// Reads a roman numeral in its one canonical spelling (`XXV`, not `XXIIIII`).
pub fn from_roman(text: &str) -> Option<u16> {
    if text.is_empty() || text.len() > 15 {
        return None;
    }
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u16>> = text.chars().map(value).collect();
    let digits = digits?;
    let mut sum: i32 = 0;
    for (i, d) in digits.iter().enumerate() {
        let d = i32::from(*d);
        if digits.get(i + 1).is_some_and(|next| i32::from(*next) > d) {
            sum -= d;
        } else {
            sum += d;
        }
    }
    // Canonical numerals end at 3999 (MMMCMXCIX); beyond, a session number would be
    // spelled with five digits, which no symbol has.
    let n = u16::try_from(sum)
        .ok()
        .filter(|n| (1..=MAX_SESSION).contains(n))?;
    (to_roman(n) == text).then_some(n)
}

/// Writes a number as a roman numeral.
pub fn to_roman(mut n: u16) -> String {
    const TABLE: [(u16, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        Symbol::parse(s)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_string()
    }

    #[test]
    fn canonical_forms_survive_a_round_trip() {
        for s in [
            "A/RES/73/187",
            "A/RES/2625 (XXV)",
            "A/RES/3201 (S-VI)",
            "A/RES/ES-10/19",
            "A/RES/S-10/2",
            "S/RES/242 (1967)",
            "A/HRC/RES/35/1",
            "A/HRC/RES/S-30/1",
            "E/RES/2013/30",
            "E/RES/1503 (XLVIII)",
            "A/RES/217 A (III)",
            "A/RES/66/253 B",
        ] {
            assert_eq!(canon(s), s);
        }
    }

    #[test]
    fn spelling_variants_normalise() {
        assert_eq!(canon("a/res/73/187"), "A/RES/73/187");
        assert_eq!(canon("A/RES/2625(XXV)"), "A/RES/2625 (XXV)");
        assert_eq!(canon(" S/RES/242  (1967) "), "S/RES/242 (1967)");
        assert_eq!(canon("A/RES/217A(III)"), "A/RES/217 A (III)");
        assert_eq!(canon("A/RES/66/253B"), "A/RES/66/253 B");
        assert_eq!(canon("A / RES / 73 / 187"), "A/RES/73/187");
    }

    #[test]
    fn parts_are_read() {
        let s = Symbol::parse("A/RES/2625 (XXV)").unwrap();
        assert_eq!(s.organ(), Organ::GeneralAssembly);
        assert_eq!(s.session(), Some(Session::Regular(25)));
        assert_eq!(s.number(), 2625);
        assert_eq!(s.short(), "2625 (XXV)");
        let s = Symbol::parse("A/RES/3201 (S-VI)").unwrap();
        assert_eq!(s.session(), Some(Session::Special(6)));
        let s = Symbol::parse("A/RES/ES-10/19").unwrap();
        assert_eq!(s.session(), Some(Session::EmergencySpecial(10)));
        assert_eq!(s.short(), "ES-10/19");
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(
            (s.organ(), s.year(), s.session()),
            (Organ::SecurityCouncil, Some(1967), None)
        );
        let s = Symbol::parse("E/RES/2013/30").unwrap();
        assert_eq!((s.year(), s.number()), (Some(2013), 30));
        let s = Symbol::parse("A/HRC/RES/35/1").unwrap();
        assert_eq!(
            (s.organ(), s.session()),
            (Organ::HumanRightsCouncil, Some(Session::Regular(35)))
        );
        let s = Symbol::parse("A/RES/217 A (III)").unwrap();
        assert_eq!(
            (s.part(), s.session()),
            (Some('A'), Some(Session::Regular(3)))
        );
    }

    #[test]
    fn paths_drop_spaces_and_keep_folders() {
        assert_eq!(
            Symbol::parse("S/RES/242 (1967)").unwrap().path(),
            "S/RES/242(1967)"
        );
        assert_eq!(
            Symbol::parse("A/RES/217 A (III)").unwrap().path(),
            "A/RES/217A(III)"
        );
        assert_eq!(
            Symbol::parse("A/RES/73/187").unwrap().path(),
            "A/RES/73/187"
        );
    }

    #[test]
    fn malformed_symbols_are_refused_with_a_reason() {
        for bad in [
            "",
            "73/187",
            "A/RES/73",
            "S/RES/242",
            "S/RES/242 (67)",
            "A/RES/2625 (XXXXV)",
            "A/RES/2625 (IIII)",
            "A/RES/73/0",
            "A/73/590",
            "A/HRC/RES/35",
            "E/RES/13/30",
            "../../etc/passwd",
            "A/RES/73/187/../../x",
            "A/RES/73/187 (XXV)",
        ] {
            let e = Symbol::parse(bad).expect_err(bad);
            assert!(!e.reason.is_empty());
        }
    }

    #[test]
    fn ordering_follows_sessions_then_numbers() {
        let mut v: Vec<Symbol> = [
            "A/RES/73/187",
            "A/RES/2625 (XXV)",
            "A/RES/73/20",
            "A/RES/217 A (III)",
            "S/RES/242 (1967)",
        ]
        .iter()
        .map(|s| Symbol::parse(s).unwrap())
        .collect();
        v.sort();
        let order: Vec<&str> = v.iter().map(Symbol::as_str).collect();
        assert_eq!(
            order,
            [
                "A/RES/217 A (III)",
                "A/RES/2625 (XXV)",
                "A/RES/73/20",
                "A/RES/73/187",
                "S/RES/242 (1967)"
            ]
        );
    }

    #[test]
    fn roman_numerals_are_strict() {
        assert_eq!(from_roman("XXV"), Some(25));
        assert_eq!(from_roman("XLVIII"), Some(48));
        assert_eq!(from_roman("IIII"), None);
        assert_eq!(from_roman("IC"), None);
        assert_eq!(to_roman(1994), "MCMXCIV");
        assert_eq!(from_roman("MMMCMXCIX"), Some(3999));
        assert_eq!(from_roman("MMMM"), None);
    }

    #[test]
    fn a_session_past_3999_is_not_a_symbol() {
        // Found by fuzzing: it was spelled A/RES/11003/1, which does not parse back.
        assert!(Symbol::parse("A/RES/1(MMMMMMMMMMMIII)").is_err());
        let s = Symbol::parse("A/RES/1 (MMMCMXCIX)").unwrap();
        assert_eq!(s.as_str(), "A/RES/3999/1");
        assert_eq!(Symbol::parse(s.as_str()), Ok(s));
        // Also found by fuzzing: a session in digits past 3999 with a number of 1000 or
        // more was spelled in roman numerals that do not exist.
        assert!(Symbol::parse("A/RES/5774/7387").is_err());
        let s = Symbol::parse("A/RES/3999/7387").unwrap();
        assert_eq!(s.as_str(), "A/RES/7387 (MMMCMXCIX)");
        assert_eq!(Symbol::parse(s.as_str()), Ok(s));
        assert_eq!(Session::parse("4000"), None);
    }

    #[test]
    fn sessions_parse_in_both_numeral_systems() {
        assert_eq!(Session::parse("XXV"), Some(Session::Regular(25)));
        assert_eq!(Session::parse("73"), Some(Session::Regular(73)));
        assert_eq!(Session::parse("S-VI"), Some(Session::Special(6)));
        assert_eq!(Session::parse("es-10"), Some(Session::EmergencySpecial(10)));
        assert_eq!(Session::parse("0"), None);
        assert_eq!(Session::parse("banana"), None);
    }
}
