//! The world map of a recorded vote: every country of the built-in map coloured by how it
//! voted, named in the page's language, and the former States of the vote, which the map
//! cannot show.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::world_map::world_map;
use crate::model::{Ballot, Lang, RecordedVotes, countries};

#[derive(Serialize, Debug)]
pub struct VoteMap {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
    pub dots: Vec<Dot>,
    /// The members of the vote the map has no place for (YU, CS, DD, YD), by name.
    pub former: Vec<Former>,
}

/// A country's outline. `vote` is a ballot's key, or `none` where the data has no vote.
#[derive(Serialize, Debug)]
pub struct Shape {
    pub d: &'static str,
    pub vote: &'static str,
    pub name: Option<&'static str>,
}

#[derive(Serialize, Debug)]
pub struct Dot {
    pub x: u32,
    pub y: u32,
    pub vote: &'static str,
    pub name: &'static str,
}

#[derive(Serialize, Debug)]
pub struct Former {
    pub code: String,
    pub name: String,
    pub vote: &'static str,
}

/// The class of a country that has no vote in the data: not a member then, or not voting.
pub const NO_VOTE: &str = "none";

pub fn vote_map(votes: &RecordedVotes, lang: Lang) -> VoteMap {
    let map = world_map();
    let by_code: HashMap<&str, Ballot> = votes
        .ballots
        .iter()
        .map(|(c, b)| (c.as_str(), *b))
        .collect();
    let vote = |code: &str| by_code.get(code).map_or(NO_VOTE, |b| b.key());
    let name = |code: &str| countries::name(code, lang).or_else(|| countries::name(code, Lang::En));
    let shapes = map
        .shapes
        .iter()
        .map(|(code, d)| Shape {
            d: d.as_str(),
            vote: vote(code),
            name: name(code),
        })
        .collect();
    let dots = map
        .dots
        .iter()
        .map(|(code, [x, y])| Dot {
            x: *x,
            y: *y,
            vote: vote(code),
            name: name(code).unwrap_or(code),
        })
        .collect();
    let mut former: Vec<Former> = votes
        .ballots
        .iter()
        .filter(|(code, _)| !map.shows(code))
        .map(|(code, ballot)| Former {
            code: code.clone(),
            name: countries::display_name(code, lang).to_string(),
            vote: ballot.key(),
        })
        .collect();
    former.sort_by(|a, b| countries::by_name((&a.code, &a.name), (&b.code, &b.name)));
    VoteMap {
        width: map.width,
        height: map.height,
        shapes,
        dots,
        former,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(ballots: &[(&str, Ballot)]) -> RecordedVotes {
        RecordedVotes {
            ballots: ballots.iter().map(|(c, b)| (c.to_string(), *b)).collect(),
            source: "data/votes.csv".into(),
            line: 2,
            date: None,
            title: None,
        }
    }

    #[test]
    fn countries_take_their_vote_and_their_name_in_the_language() {
        let m = vote_map(
            &votes(&[
                ("FR", Ballot::No),
                ("MC", Ballot::Abstain),
                ("YU", Ballot::Yes),
                ("CN", Ballot::Yes),
            ]),
            Lang::Fr,
        );
        let shape = |name: &str| m.shapes.iter().find(|s| s.name == Some(name)).unwrap();
        assert_eq!(shape("France").vote, "no");
        assert_eq!(shape("Chine").vote, "yes");
        assert_eq!(shape("Allemagne").vote, NO_VOTE);
        let monaco = m.dots.iter().find(|d| d.name == "Monaco").unwrap();
        assert_eq!(monaco.vote, "abstain");
        let former: Vec<(&str, &str)> =
            m.former.iter().map(|f| (f.name.as_str(), f.vote)).collect();
        assert_eq!(former, [("Yougoslavie", "yes")]);
    }
}
