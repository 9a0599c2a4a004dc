use super::*;
use crate::content::data::Problems;
use crate::model::Ballot;

const ROLL_CALLS: &str = include_str!("../../../../tests/fixtures/unvotes/roll_calls.csv");
const VOTES: &str = include_str!("../../../../tests/fixtures/unvotes/votes.csv");

fn sym(s: &str) -> Symbol {
    Symbol::parse(s).unwrap()
}

#[test]
fn the_dataset_spellings_become_symbols() {
    let at = |u, s| symbol_of(u, s).map(|x| x.to_string());
    assert_eq!(at("R/29/3281", 29).as_deref(), Some("A/RES/3281 (XXIX)"));
    assert_eq!(at("R/29/3255A", 29).as_deref(), Some("A/RES/3255 A (XXIX)"));
    assert_eq!(at("R/73/187", 73).as_deref(), Some("A/RES/73/187"));
    assert_eq!(at("A/RES/74/38", 74).as_deref(), Some("A/RES/74/38"));
    assert_eq!(at("R/31/6A", 31).as_deref(), Some("A/RES/31/6 A"));
    assert_eq!(at("A/RES/ES-10/19", 72).as_deref(), Some("A/RES/ES-10/19"));
    assert_eq!(at("R/42/209/A", 42).as_deref(), Some("A/RES/42/209 A"));
    assert_eq!(at("SS/1/59", 2), None);
    assert_eq!(at("", 20), None);
}

#[test]
fn votes_on_sections_are_told_from_parts() {
    assert!(is_section_vote("R/36/235/IV"));
    assert!(is_section_vote("R/34/233/XI"));
    assert!(is_section_vote("R/36/235/I"));
    assert!(!is_section_vote("R/42/209/A"));
    assert!(!is_section_vote("R/42/209/D"));
    assert!(!is_section_vote("R/31/6I"));
    assert!(!is_section_vote("A/RES/ES-10/19"));
}

#[test]
fn only_whole_votes_from_session_31_join_and_the_first_of_several_wins() {
    let mut problems = Problems::default();
    let joined = roll_calls(
        ROLL_CALLS.as_bytes(),
        Path::new("data/unvotes/roll_calls.csv"),
        &mut problems,
    );
    assert!(problems.finish().is_empty());
    let mut got: Vec<(u32, String, usize)> = joined
        .into_iter()
        .map(|(rcid, r)| (rcid, r.symbol.to_string(), r.line))
        .collect();
    got.sort();
    // Not rcid 3 (session 1, an amendment), 1506 and 1551 (session 29), nor 5838 and
    // 5841, later votes on motions about 63/191.
    let want = [
        (1653, "A/RES/31/6 A", 6),
        (3586, "A/RES/45/188", 12),
        (4889, "A/RES/63/191", 7),
        (5324, "A/RES/69/32", 8),
        (6138, "A/RES/73/187", 11),
    ];
    assert_eq!(got, want.map(|(r, s, l)| (r, s.to_string(), l)));
}

#[test]
fn the_votes_of_73_187_join_by_country() {
    let mut problems = Problems::default();
    let joined = roll_calls(ROLL_CALLS.as_bytes(), Path::new("r.csv"), &mut problems);
    let votes = votes(
        VOTES.as_bytes(),
        &joined,
        (Path::new("data/unvotes/votes.csv"), Path::new("r.csv")),
        &mut problems,
    );
    assert!(problems.finish().is_empty());
    let of = |s: &str| {
        votes
            .iter()
            .find(|(x, _)| *x == sym(s))
            .map(|(_, v)| v.ballots.clone())
            .unwrap()
    };
    use Ballot::*;
    let want: Vec<(String, Ballot)> = [
        ("CN", Yes),
        ("DE", No),
        ("FR", No),
        ("GB", No),
        ("IR", Yes),
        // Serbia, which the dataset calls Yugoslavia (YU) after 2006 too.
        ("RS", Yes),
        ("RU", Yes),
        ("TR", Abstain),
        ("US", No),
    ]
    .map(|(c, b)| (c.to_string(), b))
    .to_vec();
    assert_eq!(of("A/RES/73/187"), want);
    // Before session 61, YU is Yugoslavia.
    assert_eq!(
        of("A/RES/31/6 A"),
        vec![
            ("FR".to_string(), Yes),
            ("US".to_string(), Abstain),
            ("YU".to_string(), Yes)
        ]
    );
    // The Federal Republic of Germany, without a code in the dataset, votes as DE.
    assert_eq!(of("A/RES/45/188"), vec![("DE".to_string(), Yes)]);
    assert_eq!(of("A/RES/63/191").len(), 3);
    // The roll call is where a resolution's votes are said to be.
    let (_, v) = votes
        .iter()
        .find(|(s, _)| *s == sym("A/RES/73/187"))
        .unwrap();
    assert_eq!((v.source.to_str(), v.line), (Some("r.csv"), 11));
    assert_eq!(votes.len(), 5);
}

#[test]
fn bad_rows_are_reported_at_their_lines_and_left_out() {
    let roll = "rcid,session,importantvote,date,unres,amend,para,short,descr\n6138,73,,2018-12-17,R/73/187,,,T,D\nx,73,,2018-12-17,R/73/188,,,T,D\n6140,73,,2018-12-17,R/73/189,,\n";
    let mut problems = Problems::default();
    let joined = roll_calls(
        roll.as_bytes(),
        Path::new("data/u/roll_calls.csv"),
        &mut problems,
    );
    let shown: Vec<String> = problems.finish().iter().map(ToString::to_string).collect();
    assert_eq!(joined.len(), 1);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].starts_with(
            "data/u/roll_calls.csv:3:1: error: `rcid` and `session` must be whole numbers"
        ),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].starts_with(
            "data/u/roll_calls.csv:4:1: error: malformed row: 7 fields where the header has 9"
        ),
        "{}",
        shown[1]
    );

    let votes_csv = "rcid,country,country_code,vote\n6138,China,CN,yes\n6138,Atlantis,XX,yes\n6138,France,FR,maybe\n6138,Russia,RU\n";
    let mut problems = Problems::default();
    let got = votes(
        votes_csv.as_bytes(),
        &joined,
        (
            Path::new("data/u/votes.csv"),
            Path::new("data/u/roll_calls.csv"),
        ),
        &mut problems,
    );
    let shown: Vec<String> = problems.finish().iter().map(ToString::to_string).collect();
    assert_eq!(got[0].1.ballots, vec![("CN".to_string(), Ballot::Yes)]);
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        shown[0].starts_with(
            "data/u/votes.csv:3:1: warning: skipped: `XX` is not a country code plenary knows"
        ),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].starts_with("data/u/votes.csv:4:1: warning: skipped: `maybe` is not a vote"),
        "{}",
        shown[1]
    );
    assert!(
        shown[2].starts_with(
            "data/u/votes.csv:5:1: error: malformed row: 3 fields where the header has 4"
        ),
        "{}",
        shown[2]
    );
}

#[test]
fn a_header_without_the_columns_stops_at_line_one() {
    let mut problems = Problems::default();
    let joined = roll_calls(
        "id,session\n1,73\n".as_bytes(),
        Path::new("data/u/roll_calls.csv"),
        &mut problems,
    );
    let shown: Vec<String> = problems.finish().iter().map(ToString::to_string).collect();
    assert!(joined.is_empty());
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].starts_with("data/u/roll_calls.csv:1:1: error: the header has no column `rcid`"),
        "{}",
        shown[0]
    );
}

#[test]
fn roll_calls_give_the_date_and_the_title_of_the_vote() {
    // The bundled rows of 69/32 (title in `descr`, `short` empty), 71/32 (title in
    // `short`, the agenda item in `descr`) and 74/33 (both the same, with a space after).
    let roll = include_str!("../../../../data/unvotes/roll_calls.csv");
    let mut problems = Problems::default();
    let joined = roll_calls(roll.as_bytes(), Path::new("roll_calls.csv"), &mut problems);
    let title = "No first placement of weapons in outer space";
    for (rcid, date) in [
        (5324, "2014-12-02"),
        (5503, "2016-12-05"),
        (9142, "2019-12-12"),
    ] {
        let r = &joined[&rcid];
        assert_eq!(
            r.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{rcid}"
        );
        assert_eq!(r.title.as_deref(), Some(title), "{rcid}");
    }
    assert_eq!(
        joined[&6138].title.as_deref(),
        Some(
            "Countering the use of information and communications technologies for criminal purposes"
        )
    );
    // A day that is no day is warned of, and the vote still joins without a date.
    let bad = "rcid,session,importantvote,date,unres,amend,para,short,descr\n6138,73,,2018-13-17,R/73/187,,,,T : resolution\n";
    let mut problems = Problems::default();
    let joined = roll_calls(bad.as_bytes(), Path::new("roll_calls.csv"), &mut problems);
    assert_eq!(joined[&6138].date, None);
    assert_eq!(joined[&6138].title.as_deref(), Some("T"));
    let d = problems.finish();
    assert_eq!(d.len(), 1);
    assert!(d[0].to_string().contains("roll_calls.csv:2"), "{}", d[0]);
    assert!(d[0].to_string().contains("`2018-13-17`"), "{}", d[0]);
}
