//! How each Member State voted on a resolution, as its page shows it: the members by
//! vote for the picture, and every member in a table, named in the page's language.

use serde::Serialize;

use crate::model::{Ballot, Lang, RecordedVotes, countries};

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct MemberVotes {
    /// One group per vote cast, in the order yes, no, abstain, absent; empty ones left out.
    pub groups: Vec<BallotGroup>,
    /// Every member, by name.
    pub members: Vec<Member>,
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
}

/// The votes of `votes` named in `lang` (in English where the table lacks the language,
/// by code where it lacks the country), sorted by name.
pub fn member_votes(votes: &RecordedVotes, lang: Lang) -> MemberVotes {
    let mut members: Vec<(Ballot, Member)> = votes
        .ballots
        .iter()
        .map(|(code, ballot)| {
            let name = countries::name(code, lang)
                .or_else(|| countries::name(code, Lang::En))
                .unwrap_or(code);
            let member = Member {
                code: code.clone(),
                name: name.to_string(),
                vote: ballot.key(),
            };
            (*ballot, member)
        })
        .collect();
    members.sort_by(|a, b| {
        a.1.name
            .to_lowercase()
            .cmp(&b.1.name.to_lowercase())
            .then_with(|| a.1.code.cmp(&b.1.code))
    });
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
        };
        let zh = member_votes(&votes, Lang::Zh);
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
        let en = member_votes(&votes, Lang::En);
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
