//! The alignment on paragraphs that stay, change, move, split, merge, appear and go.

use super::align::{Op, align, similarity};
use super::{Segment, Summary, compare};

const P: [&str; 6] = [
    "Reaffirms the importance and urgency of the objective of preventing an arms race in outer space;",
    "Reiterates that the Conference on Disarmament has the primary role in the negotiation of a multilateral agreement;",
    "Urges an early commencement of substantive work based on the updated draft treaty;",
    "Stresses that, while such an agreement is not yet concluded, other measures may contribute;",
    "Encourages all States, especially spacefaring nations, to consider upholding a political commitment;",
    "Decides to include in the provisional agenda of its seventy-ninth session the sub-item entitled “No first placement”.",
];

fn kept(old: usize, new: usize) -> Op {
    Op::Kept {
        old,
        new,
        changed: false,
    }
}

#[test]
fn identical_texts_keep_every_paragraph() {
    let ops = align(&P, &P);
    assert_eq!(ops, (0..6).map(|i| kept(i, i)).collect::<Vec<_>>());
    assert!(!Summary::of(&compare(&P, &P)).any());
}

#[test]
fn an_inserted_paragraph_renumbers_without_moving_anything() {
    let mut new = P.to_vec();
    new.insert(
        4,
        "Supports the efforts aimed at globalizing the international initiative not to be the first to place weapons of any kind in outer space;",
    );
    let ops = align(&P, &new);
    assert_eq!(
        ops,
        [
            kept(0, 0),
            kept(1, 1),
            kept(2, 2),
            kept(3, 3),
            Op::Added { new: 4 },
            kept(4, 5),
            kept(5, 6)
        ]
    );
}

#[test]
fn a_removed_paragraph_is_shown_where_it_was() {
    let new = [P[0], P[1], P[3], P[4], P[5]];
    let ops = align(&P, &new);
    assert_eq!(
        ops,
        [
            kept(0, 0),
            kept(1, 1),
            Op::Removed { old: 2 },
            kept(3, 2),
            kept(4, 3),
            kept(5, 4)
        ]
    );
    let first = [P[1], P[2]];
    assert_eq!(
        align(&P[..3], &first),
        [Op::Removed { old: 0 }, kept(1, 0), kept(2, 1)]
    );
}

#[test]
fn a_moved_paragraph_shows_as_moved_not_deleted_and_added() {
    // The fifth paragraph moves to the top.
    let new = [P[4], P[0], P[1], P[2], P[3], P[5]];
    let ops = align(&P, &new);
    assert_eq!(
        ops[0],
        Op::Moved {
            old: 4,
            new: 0,
            changed: false
        }
    );
    assert_eq!(
        &ops[1..],
        [kept(0, 1), kept(1, 2), kept(2, 3), kept(3, 4), kept(5, 5)]
    );
    let s = Summary::of(&compare(&P, &new));
    assert_eq!((s.moved, s.added, s.removed, s.unchanged), (1, 0, 0, 5));
}

#[test]
fn two_swapped_paragraphs_move_one_of_them() {
    let new = [P[0], P[2], P[1], P[3]];
    let ops = align(&P[..4], &new);
    let moved = ops.iter().filter(|o| matches!(o, Op::Moved { .. })).count();
    assert_eq!(moved, 1, "{ops:?}");
    assert!(
        ops.iter()
            .all(|o| !matches!(o, Op::Added { .. } | Op::Removed { .. }))
    );
}

#[test]
fn a_moved_and_changed_paragraph_is_both() {
    let changed = P[4].replace(
        "a political commitment",
        "a political commitment not to be the first",
    );
    let new = [changed.as_str(), P[0], P[1], P[2], P[3], P[5]];
    let ops = align(&P, &new);
    assert_eq!(
        ops[0],
        Op::Moved {
            old: 4,
            new: 0,
            changed: true
        }
    );
}

#[test]
fn a_changed_paragraph_stays_in_place() {
    let new5 = P[5].replace("seventy-ninth", "eightieth");
    let new = [P[0], P[1], P[2], P[3], P[4], new5.as_str()];
    let changes = compare(&P, &new);
    assert_eq!(
        changes[5].op,
        Op::Kept {
            old: 5,
            new: 5,
            changed: true
        }
    );
    assert!(
        changes[5]
            .segments
            .contains(&Segment::Delete("seventy-ninth".into()))
    );
    assert!(
        changes[5]
            .segments
            .contains(&Segment::Insert("eightieth".into()))
    );
    // The unchanged paragraphs carry no copy of their text.
    assert!(changes[..5].iter().all(|c| c.segments.is_empty()));
    let s = Summary::of(&changes);
    assert_eq!((s.changed, s.unchanged), (1, 5));
}

#[test]
fn a_split_paragraph_is_one_old_and_two_new() {
    let old = [
        P[0],
        "Requests the Secretary-General to seek the views of Member States on the matter and to submit a report thereon to the General Assembly at its eightieth session;",
        P[2],
    ];
    let new = [
        P[0],
        "Requests the Secretary-General to seek the views of Member States on the matter;",
        "Also requests the Secretary-General to submit a report thereon to the General Assembly at its eightieth session;",
        P[2],
    ];
    let changes = compare(&old, &new);
    let ops: Vec<&Op> = changes.iter().map(|c| &c.op).collect();
    assert_eq!(
        ops,
        [
            &kept(0, 0),
            &Op::Split {
                old: 1,
                new: vec![1, 2]
            },
            &kept(2, 3)
        ]
    );
    let s = Summary::of(&changes);
    assert_eq!((s.split, s.added, s.removed), (1, 0, 0));
}

#[test]
fn a_split_into_halves_that_each_match_poorly_is_found() {
    let whole = "Calls upon all States to refrain from actions contrary to the peaceful use of outer space and to contribute actively to transparency and confidence-building measures in outer space activities";
    let old = [P[0], whole, P[2]];
    let new = [
        P[0],
        "Calls upon all States to refrain from actions contrary to the peaceful use of outer space;",
        "Also calls upon all States to contribute actively to transparency and confidence-building measures in outer space activities;",
        P[2],
    ];
    let ops = align(&old, &new);
    assert!(
        ops.contains(&Op::Split {
            old: 1,
            new: vec![1, 2]
        }),
        "{ops:?}"
    );
}

#[test]
fn merged_paragraphs_are_two_old_and_one_new() {
    let old = [
        P[0],
        "Requests the Secretary-General to seek the views of Member States on the matter;",
        "Also requests the Secretary-General to submit a report thereon to the General Assembly at its eightieth session;",
        P[2],
    ];
    let new = [
        P[0],
        "Requests the Secretary-General to seek the views of Member States on the matter and to submit a report thereon to the General Assembly at its eightieth session;",
        P[2],
    ];
    let changes = compare(&old, &new);
    assert_eq!(
        changes[1].op,
        Op::Merged {
            old: vec![1, 2],
            new: 1
        }
    );
    assert_eq!(changes.len(), 3);
    assert_eq!(Summary::of(&changes).merged, 1);
}

#[test]
fn unrelated_paragraphs_are_removed_and_added() {
    let old = [
        P[0],
        "Notes with appreciation the report of the Secretary-General;",
    ];
    let new = [P[0], "Decides to remain seized of the matter."];
    let ops = align(&old, &new);
    // What went comes before what came in its place.
    assert_eq!(
        ops,
        [kept(0, 0), Op::Removed { old: 1 }, Op::Added { new: 1 }]
    );
}

#[test]
fn chinese_paragraphs_align_by_character() {
    let old = [
        "重申防止外空军备竞赛这一目标的重要性和紧迫性；",
        "决定将题为“不首先在外空放置武器”的分项目列入大会第七十九届会议临时议程。",
    ];
    let new = [
        "重申防止外空军备竞赛这一目标的重要性和紧迫性；",
        "支持旨在使不首先在外空放置任何武器的国际倡议全球化的努力；",
        "决定将题为“不首先在外空放置武器”的分项目列入大会第八十届会议临时议程。",
    ];
    let changes = compare(&old, &new);
    assert_eq!(changes[1].op, Op::Added { new: 1 });
    assert_eq!(
        changes[2].op,
        Op::Kept {
            old: 1,
            new: 2,
            changed: true
        }
    );
    assert!(
        changes[2]
            .segments
            .contains(&Segment::Delete("七十九".into()))
    );
    assert!(
        changes[2]
            .segments
            .contains(&Segment::Insert("八十".into()))
    );
    assert!(similarity(old[1], new[2]) > 0.9);
}

#[test]
fn boilerplate_twins_pair_by_position() {
    let twin = "Requests the Secretary-General to report thereon;";
    let old = [P[0], twin, P[2], twin];
    let new = [P[0], twin, P[2], twin];
    assert_eq!(
        align(&old, &new),
        (0..4).map(|i| kept(i, i)).collect::<Vec<_>>()
    );
}

#[test]
fn empty_sides() {
    assert_eq!(
        align(&[], &P[..2]),
        [Op::Added { new: 0 }, Op::Added { new: 1 }]
    );
    assert_eq!(
        align(&P[..2], &[]),
        [Op::Removed { old: 0 }, Op::Removed { old: 1 }]
    );
    assert_eq!(align(&[] as &[&str], &[]), []);
}

#[test]
fn short_paragraphs_compare_by_character() {
    // Footnotes that cite this year's report instead of last year's.
    let old = [
        "Resolution S-10/2.",
        "A/51/218, annex.",
        "A/78/118.",
        "A/56/400, para. 3.",
    ];
    let new = [
        "Resolution S-10/2.",
        "A/51/218, annex.",
        "A/79/137.",
        "A/56/400, para. 3.",
    ];
    let changes = compare(&old, &new);
    assert_eq!(
        changes[2].op,
        Op::Kept {
            old: 2,
            new: 2,
            changed: true
        }
    );
    let s = Summary::of(&changes);
    assert_eq!((s.changed, s.added, s.removed), (1, 0, 0));
    // Short but unrelated: a replacement.
    let ops = align(&["Resolution 55/2."], &["See CD/1839."]);
    assert_eq!(ops, [Op::Removed { old: 0 }, Op::Added { new: 0 }]);
}

#[test]
fn a_paragraph_that_grew_around_its_words_is_the_same_paragraph() {
    // 78/35 → 79/38: the Scientific Advisory Group paragraph grew, and moved below the
    // one that followed it.
    let old = [
        P[0],
        "Welcomes the establishment of the Treaty’s Scientific Advisory Group;",
        "Also welcomes the participation of States signatories, as well as of other States not party to the Treaty, as observers;",
    ];
    let new = [
        P[0],
        "Further welcomes the participation of States signatories, as well as of other States not party to the Treaty, as observers;",
        "Welcomes the ongoing work of the Treaty’s Scientific Advisory Group and its report on the status and developments regarding nuclear weapons, nuclear weapon risks and related issues;",
    ];
    let ops = align(&old, &new);
    assert_eq!(
        ops,
        [
            kept(0, 0),
            Op::Kept {
                old: 2,
                new: 1,
                changed: true
            },
            Op::Moved {
                old: 1,
                new: 2,
                changed: true
            }
        ]
    );
    // A few words in common are not enough.
    let ops = align(
        &["Decides to remain seized of the matter."],
        &["Decides to convene a conference on the matter in 2026 and to remain seized of it."],
    );
    assert!(
        ops.contains(&Op::Kept {
            old: 0,
            new: 0,
            changed: true
        }) || ops.len() == 2,
        "{ops:?}"
    );
}
