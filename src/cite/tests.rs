use super::*;

/// The targets found, as strings: symbols for resolutions and documents, a word for the
/// unlinkable ones.
fn targets(text: &str, lang: Lang) -> Vec<String> {
    find(text, lang)
        .into_iter()
        .map(|c| match c.target {
            Target::Resolution(s) => s.to_string(),
            Target::Document(d) => format!("doc:{d}"),
            Target::Unlinkable(u) => format!("no:{u:?}"),
        })
        .collect()
}

fn spans(text: &str, lang: Lang) -> Vec<&str> {
    find(text, lang)
        .into_iter()
        .map(|c| &text[c.span])
        .collect()
}

#[test]
fn a_modern_resolution_with_its_date() {
    let t = "Recalling its resolution 65/230 of 21 December 2010, in which it endorsed";
    assert_eq!(targets(t, Lang::En), ["A/RES/65/230"]);
    assert_eq!(spans(t, Lang::En), ["65/230"]);
}

#[test]
fn each_number_of_a_list_is_a_citation() {
    assert_eq!(
        targets(
            "Recalling its resolutions 53/70, 54/49 and 55/28,",
            Lang::En
        ),
        ["A/RES/53/70", "A/RES/54/49", "A/RES/55/28"]
    );
}

#[test]
fn a_list_with_dates_between_its_numbers() {
    let t = "Recalling its resolutions 69/32 of 2 December 2014, 70/27 of 7 December 2015, 71/32 of 5 December 2016, 72/27 of 4 December 2017, 73/31 of 5 December 2018, 74/33 of 12 December 2019, 75/37 of 7 December 2020, 76/23 of 6 December 2021, 77/42 of 7 December 2022 and 78/21 of 4 December 2023, and its resolutions 45/55 B of 4 December 1990 and 48/74 B of 16 December 1993, which, inter alia, confirm";
    let found = targets(t, Lang::En);
    assert_eq!(found.len(), 12, "{found:?}");
    assert_eq!(found[0], "A/RES/69/32");
    assert_eq!(found[9], "A/RES/78/21");
    assert_eq!(found[10], "A/RES/45/55 B");
    assert_eq!(found[11], "A/RES/48/74 B");
}

#[test]
fn lettered_resolutions() {
    assert_eq!(
        targets("resolution 50/70 Q of 12 December 1995", Lang::En),
        ["A/RES/50/70 Q"]
    );
    assert_eq!(
        targets("its resolutions 66/253 A and B,", Lang::En),
        ["A/RES/66/253 A", "A/RES/66/253 B"]
    );
    assert_eq!(
        spans("its resolutions 66/253 A and B,", Lang::En),
        ["66/253 A", "B"]
    );
    assert_eq!(
        targets(
            "resolutions 36/87 A and B of 9 December 1981, 37/75 of 9 December 1982",
            Lang::En
        )
        .len(),
        3
    );
}

#[test]
fn old_style_and_special_session_numbers() {
    assert_eq!(
        targets(
            "resolutions 2625 (XXV) of 24 October 1970 and 3201 (S-VI) of 1 May 1974",
            Lang::En
        ),
        ["A/RES/2625 (XXV)", "A/RES/3201 (S-VI)"]
    );
    assert_eq!(
        targets("resolution ES-10/19 of 21 December 2017", Lang::En),
        ["A/RES/ES-10/19"]
    );
    assert_eq!(
        targets("resolution S-10/2 of 30 June 1978", Lang::En),
        ["A/RES/S-10/2"]
    );
    assert_eq!(
        targets("resolution 217 A (III) of 10 December 1948", Lang::En),
        ["A/RES/217 A (III)"]
    );
    assert_eq!(
        targets("its resolution 1 (I) of 24 January 1946", Lang::En),
        ["A/RES/1 (I)"]
    );
    // As many digits as a full symbol may have, as in `A/RES/10010 (XVII)`.
    assert_eq!(
        targets("resolution 10010 (XVII) of 5 December 1962", Lang::En),
        ["A/RES/10010 (XVII)"]
    );
}

#[test]
fn security_council_resolutions() {
    assert_eq!(
        targets(
            "Security Council resolution 1540 (2004) of 28 April 2004",
            Lang::En
        ),
        ["S/RES/1540 (2004)"]
    );
    assert_eq!(
        targets(
            "Recalling its resolutions 425 (1978) and 426 (1978) of 19 March 1978,",
            Lang::En
        ),
        ["S/RES/425 (1978)", "S/RES/426 (1978)"]
    );
    // Lists wrap over lines in the Council's texts.
    assert_eq!(
        targets(
            "resolutions 696 (1991) of 30 May 1991, 747 (1992) of\n24 March 1992",
            Lang::En
        )
        .len(),
        2
    );
}

#[test]
fn full_symbols_anywhere() {
    assert_eq!(
        targets(
            "See A/RES/73/187, S/RES/2334 (2016), A/HRC/RES/35/1 and E/RES/2013/30.",
            Lang::En
        ),
        [
            "A/RES/73/187",
            "S/RES/2334 (2016)",
            "A/HRC/RES/35/1",
            "E/RES/2013/30"
        ]
    );
}

#[test]
fn other_document_symbols() {
    assert_eq!(
        targets(
            "[on the report of the First Committee (A/78/409, para. 89)]",
            Lang::En
        ),
        ["doc:A/78/409"]
    );
    assert_eq!(
        targets(
            "A/73/590, A/C.3/73/L.9/Rev.1, E/2013/30 and A/78/PV.50.",
            Lang::En
        ),
        [
            "doc:A/73/590",
            "doc:A/C.3/73/L.9/Rev.1",
            "doc:E/2013/30",
            "doc:A/78/PV.50"
        ]
    );
}

#[test]
fn decisions_are_not_resolutions() {
    assert_eq!(
        targets("and its decision 58/520 of 8 December 2003,", Lang::En),
        ["no:Decision"]
    );
    assert_eq!(targets("大会第36/462号决定", Lang::Zh), ["no:Decision"]);
}

#[test]
fn dates_fractions_and_numbers_are_not_citations() {
    assert!(targets("in the biennium 2018/19 and 2020/21", Lang::En).is_empty());
    assert!(targets("about 3/4 of Member States", Lang::En).is_empty());
    assert!(targets("paragraph 5 and page 12/3", Lang::En).is_empty());
    assert!(targets("the resolution of 29 May 1948", Lang::En).is_empty());
}

#[test]
fn pinpoints_and_the_most_recent() {
    let c = find(
        "as requested in paragraph 5 of resolution 72/196,",
        Lang::En,
    );
    assert_eq!(c[0].paragraph, Some(5));
    let c = find(
        "the most recent of which is resolution 78/19 of 4 December 2023",
        Lang::En,
    );
    assert!(c[0].most_recent);
    let c = find("Recalling its resolution 78/19", Lang::En);
    assert!(!c[0].most_recent && c[0].paragraph.is_none());
}

#[test]
fn other_organs_named_before_the_keyword() {
    assert_eq!(
        targets(
            "Recalling Human Rights Council resolution 35/1 of 22 June 2017",
            Lang::En
        ),
        ["A/HRC/RES/35/1"]
    );
    assert_eq!(
        targets(
            "in line with Council resolution 1996/31 of 25 July 1996",
            Lang::En
        ),
        ["E/RES/1996/31"]
    );
    assert_eq!(
        targets(
            "Commission on Crime Prevention and Criminal Justice resolution 26/4 of 26 May 2017",
            Lang::En
        ),
        ["no:OtherBody"]
    );
    // A body named further back, across a clause, says nothing.
    assert_eq!(
        targets(
            "Taking note of the report of the Committee on Information, and recalling its resolution 78/19",
            Lang::En
        ),
        ["A/RES/78/19"]
    );
}

#[test]
fn the_chinese_seed() {
    let t = "回顾其 1998 年 12 月 4 日第 53/70 号、1999 年 12 月 1 日第 54/49 号和 2017 年 12 月 19 日第 72/196 号决议，";
    assert_eq!(
        targets(t, Lang::Zh),
        ["A/RES/53/70", "A/RES/54/49", "A/RES/72/196"]
    );
    assert_eq!(
        targets("第 53/70 号、第 54/49 号和第 55/28 号决议", Lang::Zh).len(),
        3
    );
    assert_eq!(
        targets("回顾大会 2010 年 12 月 21 日第 65/230 号决议，", Lang::Zh),
        ["A/RES/65/230"]
    );
}

#[test]
fn commission_resolutions_in_the_chinese_seed_are_not_the_assemblys() {
    let t = "回顾预防犯罪和刑事司法委员会 2013 年 4 月 26 日第 22/8 号决议，¹ 其中委员会欢迎";
    let c = find(t, Lang::Zh);
    assert_eq!(c.len(), 1);
    assert!(matches!(c[0].target, Target::Unlinkable(_)), "{:?}", c[0]);
    let t = "又表示注意到预防犯罪和刑事司法委员会 2017 年 5 月 26 日第 26/4 号决议，";
    assert!(matches!(
        find(t, Lang::Zh)[0].target,
        Target::Unlinkable(Unlinkable::OtherBody)
    ));
    // Even without the Commission's name, 22/8 is no Assembly number.
    assert_eq!(targets("第 22/8 号决议", Lang::Zh), ["no:NoSuchSeries"]);
}

#[test]
fn chinese_pinpoints_and_security_council() {
    let c = find("大会第 72/196 号决议第 5 段", Lang::Zh);
    assert_eq!(c[0].paragraph, Some(5));
    assert_eq!(
        targets("安全理事会第 1540 (2004) 号决议", Lang::Zh),
        ["S/RES/1540 (2004)"]
    );
    assert_eq!(
        targets("人权理事会第 35/1 号决议", Lang::Zh),
        ["A/HRC/RES/35/1"]
    );
}

#[test]
fn french() {
    assert_eq!(
        targets("sa résolution 65/230 du 21 décembre 2010", Lang::Fr),
        ["A/RES/65/230"]
    );
    assert_eq!(
        targets(
            "ses résolutions 53/70 du 4 décembre 1998, 54/49 du 1er décembre 1999 et 55/28",
            Lang::Fr
        ),
        ["A/RES/53/70", "A/RES/54/49", "A/RES/55/28"]
    );
    assert_eq!(
        targets(
            "la résolution 35/1 du Conseil des droits de l’homme",
            Lang::Fr
        ),
        ["A/HRC/RES/35/1"]
    );
    assert_eq!(
        find("le paragraphe 5 de la résolution 72/196", Lang::Fr)[0].paragraph,
        Some(5)
    );
}

#[test]
fn spanish() {
    assert_eq!(
        targets("la resolución 65/230, de 21 de diciembre de 2010", Lang::Es),
        ["A/RES/65/230"]
    );
    assert_eq!(
        targets(
            "sus resoluciones 53/70, de 4 de diciembre de 1998, 54/49 y 55/28",
            Lang::Es
        ),
        ["A/RES/53/70", "A/RES/54/49", "A/RES/55/28"]
    );
    assert_eq!(
        targets(
            "la resolución 35/1 del Consejo de Derechos Humanos",
            Lang::Es
        ),
        ["A/HRC/RES/35/1"]
    );
}

#[test]
fn russian() {
    assert_eq!(
        targets("резолюция 65/230 от 21 декабря 2010 года", Lang::Ru),
        ["A/RES/65/230"]
    );
    assert_eq!(
        targets("свои резолюции 53/70 и 54/49", Lang::Ru),
        ["A/RES/53/70", "A/RES/54/49"]
    );
    assert_eq!(
        targets("резолюцию 35/1 Совета по правам человека", Lang::Ru),
        ["A/HRC/RES/35/1"]
    );
}

#[test]
fn arabic() {
    assert_eq!(
        targets("القرار 65/230 المؤرخ 21 كانون الأول/ديسمبر 2010", Lang::Ar),
        ["A/RES/65/230"]
    );
    assert_eq!(
        targets("وإذ تشير إلى قراريها 53/70 و 54/49", Lang::Ar),
        ["A/RES/53/70", "A/RES/54/49"]
    );
    assert_eq!(
        targets("قرار مجلس الأمن 1540 (2004)", Lang::Ar),
        ["S/RES/1540 (2004)"]
    );
    assert_eq!(
        targets("قرار مجلس حقوق الإنسان 35/1", Lang::Ar),
        ["A/HRC/RES/35/1"]
    );
}

#[test]
fn placeholders_read_on_their_own() {
    let t = |s| parse_reference(s, Organ::GeneralAssembly);
    assert_eq!(
        t("65/230"),
        Some(Target::Resolution(Symbol::parse("A/RES/65/230").unwrap()))
    );
    assert_eq!(t("A/65/201"), Some(Target::Document("A/65/201".into())));
    assert_eq!(
        t("S/RES/242 (1967)"),
        Some(Target::Resolution(
            Symbol::parse("S/RES/242 (1967)").unwrap()
        ))
    );
    assert_eq!(
        t("26/4"),
        Some(Target::Unlinkable(Unlinkable::NoSuchSeries))
    );
    assert_eq!(
        t("10010 (XVII)"),
        Some(Target::Resolution(
            Symbol::parse("A/RES/10010 (XVII)").unwrap()
        ))
    );
    assert_eq!(t("see below"), None);
}

#[test]
fn security_council_documents_have_five_digit_numbers() {
    assert_eq!(
        targets(
            "2. Commends the Peace Plan for the Republic of Bosnia and Herzegovina as\ncontained in document S/25479;",
            Lang::En
        ),
        ["doc:S/25479"]
    );
    assert_eq!(
        targets("24 Ibid., document S/26576.", Lang::En),
        ["doc:S/26576"]
    );
}

#[test]
fn scanned_symbols_with_a_space_after_the_slash_or_dot() {
    let t = "42 Ibid., document S/ 13637.";
    assert_eq!(targets(t, Lang::En), ["doc:S/13637"]);
    assert_eq!(spans(t, Lang::En), ["S/ 13637"]);
    assert_eq!(
        targets("as contained in document S/Agenda/2329/Rev. 1,", Lang::En),
        ["doc:S/Agenda/2329/Rev.1"]
    );
}

#[test]
fn addenda_named_by_their_last_segment() {
    assert_eq!(
        targets(
            "Having considered the report of the Secretary-General dated 30 August 1993\n(S/26385 and Add.1),",
            Lang::En
        ),
        ["doc:S/26385", "doc:S/26385/Add.1"]
    );
    assert_eq!(
        targets(
            "as contained in documents S/7930/Add.64 and Add.65, 22",
            Lang::En
        ),
        ["doc:S/7930/Add.64", "doc:S/7930/Add.65"]
    );
    let t = "in particular documents S/11353/Add.24 and 25, that casualties";
    assert_eq!(
        targets(t, Lang::En),
        ["doc:S/11353/Add.24", "doc:S/11353/Add.25"]
    );
    assert_eq!(spans(t, Lang::En), ["S/11353/Add.24", "25"]);
    assert_eq!(
        targets("96 Ibid., documents S/26470 and Add. 1.", Lang::En),
        ["doc:S/26470", "doc:S/26470/Add.1"]
    );
    // A number after a symbol that ends in no part is not one.
    assert_eq!(
        targets("see A/78/409 and 12 other reports", Lang::En),
        ["doc:A/78/409"]
    );
}

#[test]
fn dates_without_their_year_inside_a_list() {
    let t = "1. Reaffirms its resolutions 186 (1964) of 4 March,\n187 (1964) of 13 March, 192 (1964) of 20 June, 193\n(1964) of 9 August, 194 (1964) of 25 September and\n198 (1964) of 18 December 1964, 201 (1965) of 19\nMarch, 206 (1965) of 15 June,";
    let found = targets(t, Lang::En);
    assert_eq!(found.len(), 8, "{found:?}");
    assert_eq!(found[3], "S/RES/193 (1964)");
    assert_eq!(found[7], "S/RES/206 (1965)");
    assert_eq!(
        targets(
            "Further recalling its resolutions 326 (1973) of\n2 February 1973, 403 (1977) of 14 January, 406\n(1977) of 25 May and 411 (1977) of 30 June 1977,",
            Lang::En
        )
        .len(),
        4
    );
    assert_eq!(
        targets(
            "given to its resolutions 82 (1950) and 83 (1950) of 25 and 27 June 1950 to assist",
            Lang::En
        ),
        ["S/RES/82 (1950)", "S/RES/83 (1950)"]
    );
}

fn sc_targets(text: &str) -> Vec<String> {
    find_in(text, Lang::En, Organ::SecurityCouncil)
        .into_iter()
        .map(|c| match c.target {
            Target::Resolution(s) => s.to_string(),
            Target::Document(d) => format!("doc:{d}"),
            Target::Unlinkable(u) => format!("no:{u:?}"),
        })
        .collect()
}

#[test]
fn a_body_established_by_a_resolution_did_not_adopt_it() {
    assert_eq!(
        sc_targets(
            "meanwhile requests the Security Council Committee established in\npursuance of resolution 253 (1968) concerning the question of Southern Rhodesia"
        ),
        ["S/RES/253 (1968)"]
    );
    assert_eq!(
        sc_targets(
            "7. Requests the Security Council Committee established under resolution 661 (1990) concerning the situation between Iraq and Kuwait"
        ),
        ["S/RES/661 (1990)"]
    );
    assert_eq!(
        sc_targets(
            "Commission and the Agency inspection teams mandated under resolution 687 (1991),"
        ),
        ["S/RES/687 (1991)"]
    );
    assert_eq!(
        sc_targets(
            "the Commission and regretting its formal rejection of resolutions 446 (1979) and 452 (1979),"
        ),
        ["S/RES/446 (1979)", "S/RES/452 (1979)"]
    );
    // A body whose name runs on up to the keyword still adopted it.
    assert_eq!(
        targets(
            "the Conference of the States Parties to the United Nations Convention against Corruption resolution 8/4 on safeguarding sport from corruption",
            Lang::En
        ),
        ["no:OtherBody"]
    );
}

#[test]
fn the_organ_changes_inside_a_list() {
    assert_eq!(
        sc_targets(
            "Recalling its resolutions 530 (1983) of 19 May 1983 and 562 (1985) of 10 May 1985 and General Assembly resolutions 38/10 of 11 November 1983, 39/4 of 26 October 1984,"
        ),
        [
            "S/RES/530 (1983)",
            "S/RES/562 (1985)",
            "A/RES/38/10",
            "A/RES/39/4"
        ]
    );
    assert_eq!(
        targets(
            "Recalling the Human Rights Council resolution 51/35 of 7 October 2022 on technical assistance, the subsequent Council resolution\n57/26 of 10 October 2024, and General Assembly resolution 78/142 of 19 December\n2023,",
            Lang::En
        ),
        ["A/HRC/RES/51/35", "A/HRC/RES/57/26", "A/RES/78/142"]
    );
    assert_eq!(
        targets(
            "Security Council resolution 1540 (2004) and its resolution 65/230",
            Lang::En
        ),
        ["S/RES/1540 (2004)", "A/RES/65/230"]
    );
}

#[test]
fn numbers_by_session_in_the_councils_texts_are_the_assemblys() {
    assert_eq!(
        sc_targets(
            "the General Assembly that, further to the decisions taken in resolution 47/1, it decide"
        ),
        ["A/RES/47/1"]
    );
    assert_eq!(
        sc_targets(
            "Recalling General Assembly resolutions 1514 (XV) of 14\nDecember 1960 and 2145 (XXI) of 27 October 1966 as well\nas resolution S-14/1 of 20 September 1986,"
        ),
        ["A/RES/1514 (XV)", "A/RES/2145 (XXI)", "A/RES/S-14/1"]
    );
    assert_eq!(
        sc_targets("Recalling also resolution 40/61 of 9 December 1985 of the General Assembly,"),
        ["A/RES/40/61"]
    );
}

#[test]
fn a_list_goes_on_past_what_it_says_of_a_number() {
    assert_eq!(
        targets(
            "Recalling its resolutions 63/71 of 2 December 2008 on the Convention on \nCluster Munitions and 70/54 of 7 December 2015, 71/45 of 5 December 2016,",
            Lang::En
        ),
        ["A/RES/63/71", "A/RES/70/54", "A/RES/71/45"]
    );
    assert_eq!(
        targets(
            "use of Assembly resolutions 377 A (V) of 3 November 1950 on uniting for peace and \n76/262 of 26 April 2022 on the veto initiative;",
            Lang::En
        ),
        ["A/RES/377 A (V)", "A/RES/76/262"]
    );
    // A topic that holds a number ends the list.
    assert_eq!(
        targets(
            "resolution 65/230 on the work of its 12 sessions and 2/3 of the members",
            Lang::En
        ),
        ["A/RES/65/230"]
    );
}

#[test]
fn the_bracket_of_a_number_on_the_next_line() {
    assert_eq!(
        targets(
            "notably Security Council resolutions 1540 \n(2004) of 28 April 2004, 1977 (2011) of 20 April 2011, 2325 (2016) of 15 December \n2016 and 2663 (2022) of 30 November 2022, constitute",
            Lang::En
        ),
        [
            "S/RES/1540 (2004)",
            "S/RES/1977 (2011)",
            "S/RES/2325 (2016)",
            "S/RES/2663 (2022)"
        ]
    );
}

#[test]
fn parts_lettered_after_z_keep_the_list_going() {
    let t = "Recalling its resolutions 49/75 I of 15 December 1994, 50/70 F of 12 December \n1995, 51/45 C of 10 December 1996, 52/38 F of 9 December 1997, 53/77 AA of \n4 December 1998, 54/54 U of 1 December 1999, 55/33 M of 20 November 2000,";
    assert_eq!(
        targets(t, Lang::En),
        [
            "A/RES/49/75 I",
            "A/RES/50/70 F",
            "A/RES/51/45 C",
            "A/RES/52/38 F",
            "A/RES/54/54 U",
            "A/RES/55/33 M"
        ]
    );
}

#[test]
fn a_month_broken_over_two_lines() {
    assert_eq!(
        targets(
            "1. Reaffirms its resolutions 186 (1964) of 4 March, 207 (1965) of 10 Au-\ngust and 219 (1965) of 17 December 1965, 220 (1966)",
            Lang::En
        )
        .len(),
        4
    );
}

#[test]
fn special_session_documents_and_verbatim_records() {
    assert_eq!(
        targets(
            "Twelfth Special Session, Supplement No. 2 (A/S-12/2), sect. III.F.",
            Lang::En
        ),
        ["doc:A/S-12/2"]
    );
    assert_eq!(targets("3  See S/PV.7813. ", Lang::En), ["doc:S/PV.7813"]);
}

#[test]
fn a_keyword_cut_at_the_end_of_a_line_or_in_capitals() {
    assert_eq!(
        sc_targets(
            "1. Demands strict compliance by all parties concerned, especially South Africa, with the terms of reso-\nlutions 435 (1978) and 632 (1989),"
        ),
        ["S/RES/435 (1978)", "S/RES/632 (1989)"]
    );
    assert_eq!(
        sc_targets("IN ACCORDANCE WITH SC RESOLUTION 986 (1995)"),
        ["S/RES/986 (1995)"]
    );
}

#[test]
fn lists_that_single_one_out() {
    let found = sc_targets(
        "Recalling its previous relevant resolutions, including resolution 661 (1990) of\n6 August 1990, 986 (1995) of 14 April 1995, 1284 (1999) of 17 December 1999,\n1352 (2001) of 1 June 2001, 1360 (2001) of 3 July 2001, 1382 (2001) of 29\nNovember 2001, 1409 (2002) of 14 May 2002, and in particular, 1447 (2002) of 4\nDecember 2002,",
    );
    assert_eq!(found.len(), 8, "{found:?}");
    assert_eq!(found[7], "S/RES/1447 (2002)");
    assert_eq!(
        sc_targets(
            "Reaffirming its relevant resolutions, in particular, resolutions 431 (1978) of 27 July 1978, 435 (1978) of 29\nSeptember 1978 and also 629 (1989) of 16 January 1989,"
        ),
        ["S/RES/431 (1978)", "S/RES/435 (1978)", "S/RES/629 (1989)"]
    );
}

#[test]
fn the_trusteeship_council_is_another_body() {
    assert_eq!(
        sc_targets(
            "Taking note of Trusteeship Council resolution 2183 (LIII) of 28 May 1986 and of subsequent reports"
        ),
        ["no:OtherBody"]
    );
}

#[test]
fn a_part_letter_on_the_next_line() {
    assert_eq!(
        sc_targets("Taking note of General Assembly resolution 35/122\nF of 11 December 1980,"),
        ["A/RES/35/122 F"]
    );
    // A capital that starts the next word is no part letter.
    assert_eq!(
        targets(
            "as decided in its resolution 65/230\nThe Assembly",
            Lang::En
        ),
        ["A/RES/65/230"]
    );
}

#[test]
fn scan_damage_inside_a_list_does_not_end_it() {
    // A superscript "er" split off by the scan, and a year with spaced digits.
    assert_eq!(
        targets(
            "résolutions 61/98 C du 1 er décembre 2006, 62/15 B du 5 décembre 2007 et 63/40 D du 2 décembre 2008",
            Lang::Fr
        ),
        ["A/RES/61/98 C", "A/RES/62/15 B", "A/RES/63/40 D"]
    );
    assert_eq!(
        targets(
            "resolutions 45/55 B of 4 December 1 9 9 0 and 48/74 B of 16 December 1993",
            Lang::En
        ),
        ["A/RES/45/55 B", "A/RES/48/74 B"]
    );
    // A month with no day: "d’août 1990".
    assert_eq!(
        targets(
            "ses résolutions 661 (1990) d’août 1990, 678 (1990) du 29 novembre 1990",
            Lang::Fr
        ),
        ["S/RES/661 (1990)", "S/RES/678 (1990)"]
    );
}

#[test]
fn a_damaged_keyword_before_a_number_no_date_can_be() {
    assert_eq!(
        targets("its revolution 1803 (XVII) of 14 December 1962", Lang::En),
        ["A/RES/1803 (XVII)"]
    );
    assert_eq!(
        targets("la résolutlon 2625 (XXV)", Lang::Fr),
        ["A/RES/2625 (XXV)"]
    );
    // The same word before a slashed number, a page or a year is left alone.
    assert!(targets("revolution 65/230", Lang::En).is_empty());
    assert!(targets("the revolution of 1917 (p. 12)", Lang::En).is_empty());
}

#[test]
fn dates_and_damaged_years_in_the_brackets() {
    assert_eq!(
        targets(
            "учрежденного резолюцией 1373 (от 28 сентября 2001 года)",
            Lang::Ru
        ),
        ["S/RES/1373 (2001)"]
    );
    assert_eq!(
        targets(
            "les résolutions 1783 (Octobre 2007) et 1813 (avril 2008)",
            Lang::Fr
        ),
        ["S/RES/1783 (2007)", "S/RES/1813 (2008)"]
    );
    assert_eq!(
        targets("resolutions 632 (1989) and 640\n( {989);", Lang::En),
        ["S/RES/632 (1989)", "S/RES/640 (1989)"]
    );
}

#[test]
fn arabic_as_the_un_and_its_scans_write_it() {
    assert_eq!(targets("القرار 52/38 هاء", Lang::Ar), ["A/RES/52/38 E"]);
    assert_eq!(
        targets("وإذ تشير إلى قرارها 37/99 فاء", Lang::Ar),
        ["A/RES/37/99 Q"]
    );
    assert_eq!(
        targets("قراراتها 58 / 41 و 59 / 3", Lang::Ar),
        ["A/RES/58/41", "A/RES/59/3"]
    );
    assert_eq!(targets("القرار ٥٧/١٢٩\u{200F}", Lang::Ar), ["A/RES/57/129"]);
    assert_eq!(
        targets("قرارها 66/253 ألف وباء", Lang::Ar),
        ["A/RES/66/253 A", "A/RES/66/253 B"]
    );
    assert_eq!(
        targets("القرار 217 ألف (د-3)", Lang::Ar),
        ["A/RES/217 A (III)"]
    );
    // The span is the text as written, digits, spaces and letter name included.
    let t = "إلى قرارها ٥١ / ٤٥ قاف المؤرخ";
    assert_eq!(spans(t, Lang::Ar), ["٥١ / ٤٥ قاف"]);
    // Letters are letters only after a number: "ألف" is also a thousand.
    assert!(targets("القرار 15 ألف دولار", Lang::Ar).is_empty());
}

#[test]
fn chinese_without_di_and_in_traditional_characters() {
    assert_eq!(
        targets("第48届联大采纳了48/26号决议", Lang::Zh),
        ["A/RES/48/26"]
    );
    assert_eq!(targets("大會第 65/230 號決議", Lang::Zh), ["A/RES/65/230"]);
    // A number without 第 and without a session is nothing plenary can read.
    assert!(targets("聯大396號決議", Lang::Zh).is_empty());
}

#[test]
fn a_number_sign_before_the_number() {
    assert_eq!(
        targets("в соответствии с резолюцией № 1373 (2001)", Lang::Ru),
        ["S/RES/1373 (2001)"]
    );
    assert_eq!(
        targets("قرار مجلس الأمن رقم 242 (1967)", Lang::Ar),
        ["S/RES/242 (1967)"]
    );
    assert_eq!(
        targets("la résolution n° 1540 (2004)", Lang::Fr),
        ["S/RES/1540 (2004)"]
    );
    assert_eq!(
        targets("resolution No. 2334 (2016)", Lang::En),
        ["S/RES/2334 (2016)"]
    );
}

#[test]
fn a_full_symbol_cut_after_a_slash() {
    assert_eq!(
        targets("see A/RES/\n65/230 and S/RES/2334\n(2016)", Lang::En)[0],
        "A/RES/65/230"
    );
    assert_eq!(spans("see A/RES/\n65/230.", Lang::En), ["A/RES/\n65/230"]);
    assert_eq!(targets("the report (S/\n12869)", Lang::En), ["doc:S/12869"]);
}

#[test]
fn chinese_full_width_brackets_and_digits() {
    assert_eq!(
        targets(
            "回顾其第1373（2001）号和第１５４０（２００４）号决议，",
            Lang::Zh
        ),
        ["S/RES/1373 (2001)", "S/RES/1540 (2004)"]
    );
}

#[test]
fn an_organ_right_before_a_number_stands_for_a_lost_keyword() {
    assert_eq!(
        targets(
            "in accordance with Security Council 242 (1967) and 338 (1973)",
            Lang::En
        ),
        ["S/RES/242 (1967)", "S/RES/338 (1973)"]
    );
    assert_eq!(
        targets(
            "the General Assembly 2625 (XXV) of 24 October 1970",
            Lang::En
        ),
        ["A/RES/2625 (XXV)"]
    );
    // Not before a slashed number, a year alone or a page.
    assert!(targets("the General Assembly 78/1", Lang::En).is_empty());
    assert!(targets("the Security Council in 1967 (p. 3)", Lang::En).is_empty());
}

#[test]
fn a_range_of_part_letters_keeps_the_list_going() {
    assert_eq!(
        targets(
            "resoluciones 36/226 A y B, 37/123 A a F, 38/180 A a E y 48/58",
            Lang::Es
        ),
        [
            "A/RES/36/226 A",
            "A/RES/36/226 B",
            "A/RES/37/123 A",
            "A/RES/37/123 F",
            "A/RES/38/180 A",
            "A/RES/38/180 E",
            "A/RES/48/58"
        ]
    );
    assert_eq!(
        spans("resolutions 37/123 A to F and 38/180 A–E,", Lang::En),
        ["37/123 A", "F", "38/180 A", "E"]
    );
}

#[test]
fn an_old_number_over_its_session() {
    // The Arabic press writes 2656 (XXV) as "(2656/25)".
    assert_eq!(
        targets("أصدرت الجمعية العامة قرارها رقم (2656/25)،", Lang::Ar),
        ["A/RES/2656 (XXV)"]
    );
    // Elsewhere such a pair is no resolution of any series: not a year of the Economic and
    // Social Council, whose numbers it would otherwise be read as.
    assert_eq!(targets("resolution 2656/25", Lang::En), ["no:NoSuchSeries"]);
    assert_eq!(
        targets("Council resolution 1996/31", Lang::En),
        ["E/RES/1996/31"]
    );
}

#[test]
fn the_words_search_takes_off_a_query_are_the_words_citations_are_read_after() {
    for (lang, words) in RESOLUTION_WORDS {
        for word in words {
            if ["res", "rés", "рез", "第"].contains(word) {
                continue;
            }
            let text = format!("{word} ");
            let matched = lexicon(lang).resolution.is_match(&text)
                || lexicon(lang).resolution.is_match(&format!(" {}", text));
            assert!(matched, "{lang:?}: {word}");
        }
    }
}
