//! How each Member State voted on a resolution, as its page shows it: the members by
//! vote for the picture, and every member in a table, named in the page's language.

use serde::Serialize;

use super::vote_map::{VoteMap, vote_map};
use crate::model::{Ballot, Lang, RecordedVotes, countries};

#[derive(Serialize, Debug)]
pub struct MemberVotes {
    /// One group per vote cast, in the order yes, no, abstain, absent; empty ones left out.
    pub groups: Vec<BallotGroup>,
    /// Every member, by name.
    pub members: Vec<Member>,
    /// The world map coloured by vote.
    pub map: VoteMap,
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct BallotGroup {
    pub vote: &'static str,
    pub members: Vec<Member>,
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub code: String,
    pub name: String,
    pub vote: &'static str,
    /// The country's page.
    pub url: String,
}

/// The votes of `votes` named in `lang` (in English where the table lacks the language,
/// by code where it lacks the country), sorted by name; `country_url` gives a country's
/// page.
pub fn member_votes(
    votes: &RecordedVotes,
    lang: Lang,
    country_url: &dyn Fn(&str) -> String,
) -> MemberVotes {
    let mut members: Vec<(Ballot, Member)> = votes
        .ballots
        .iter()
        .map(|(code, ballot)| {
            let name = countries::display_name(code, lang);
            let member = Member {
                code: code.clone(),
                name: name.to_string(),
                vote: ballot.key(),
                url: country_url(code),
            };
            (*ballot, member)
        })
        .collect();
    members.sort_by(|a, b| countries::by_name((&a.1.code, &a.1.name), (&b.1.code, &b.1.name)));
    let groups = Ballot::ALL
        .into_iter()
        .map(|ballot| BallotGroup {
            vote: ballot.key(),
            members: members
                .iter()
                .filter(|(b, _)| *b == ballot)
                .map(|(_, m)| m.clone())
                .collect(),
        })
        .filter(|g| !g.members.is_empty())
        .collect();
    MemberVotes {
        groups,
        members: members.into_iter().map(|(_, m)| m).collect(),
        map: vote_map(votes, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_named_in_the_language_and_grouped_by_vote() {
        let votes = RecordedVotes {
            ballots: vec![
                ("CN".into(), Ballot::Yes),
                ("FR".into(), Ballot::No),
                ("RU".into(), Ballot::Yes),
                ("TR".into(), Ballot::Abstain),
            ],
            source: "data/votes.csv".into(),
            line: 2,
            date: None,
            title: None,
        };
        let zh = member_votes(&votes, Lang::Zh, &|c| format!("zh/countries/{c}/"));
        let names: Vec<(&str, &str)> = zh
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.vote))
            .collect();
        // By code point in Chinese: 中 U+4E2D, 俄 U+4FC4, 土 U+571F, 法 U+6CD5.
        assert_eq!(
            names,
            [
                ("中国", "yes"),
                ("俄罗斯联邦", "yes"),
                ("土耳其", "abstain"),
                ("法国", "no")
            ]
        );
        assert_eq!(zh.members[3].url, "zh/countries/FR/");
        let en = member_votes(&votes, Lang::En, &|c| format!("en/countries/{c}/"));
        let groups: Vec<(&str, Vec<&str>)> = en
            .groups
            .iter()
            .map(|g| (g.vote, g.members.iter().map(|m| m.name.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            [
                ("yes", vec!["China", "Russian Federation"]),
                ("no", vec!["France"]),
                ("abstain", vec!["Türkiye"])
            ]
        );
    }
}
