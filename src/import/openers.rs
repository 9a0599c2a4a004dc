//! How the paragraphs of a resolution begin, in the six languages: a preambular paragraph
//! with a participle or an adjective ("Recalling", "Deeply concerned", "Rappelant",
//! "Recordando", "ссылаясь", "وإذ تشير", "回顾"), an unnumbered operative paragraph with
//! a verb in the third person ("Decides", "Décide", "Decide", "постановляет", "تقرر",
//! "决定"). Extractions that leave no blank line between paragraphs (pdftotext) are cut
//! where such an opening follows a line that ends a clause.

use crate::model::Lang;

/// Whether `text`, a line's text, begins as a paragraph of a resolution does.
pub fn opens_paragraph(text: &str, lang: Lang) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches([',', ':', ';']);
    let second = words.next().unwrap_or("");
    match lang {
        Lang::En => english(first, second),
        Lang::Fr => french(first, second),
        Lang::Es => spanish(first, second),
        Lang::Ru => russian(first, second),
        Lang::Ar => arabic(first, second),
        Lang::Zh => chinese(text),
    }
}

fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

fn lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// "Recalling", "Convinced", "Deeply concerned", "Aware", "Decides".
fn english(first: &str, second: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "Aware",
        "Mindful",
        "Conscious",
        "Cognizant",
        "Desirous",
        "Confident",
        "Keen",
        "Anxious",
        "Grateful",
        "Appreciative",
        "Fully",
        "Further",
        "Also",
    ];
    // Proper names that end as participles do.
    const NAMES: &[&str] = &["United", "Beijing", "Nanjing", "Kunming", "Red"];
    const VERBS: &[&str] = &[
        "Decides",
        "Requests",
        "Calls",
        "Urges",
        "Encourages",
        "Invites",
        "Welcomes",
        "Notes",
        "Takes",
        "Reaffirms",
        "Reiterates",
        "Stresses",
        "Emphasizes",
        "Underlines",
        "Expresses",
        "Recognizes",
        "Acknowledges",
        "Endorses",
        "Adopts",
        "Approves",
        "Authorizes",
        "Appeals",
        "Commends",
        "Condemns",
        "Deplores",
        "Demands",
        "Supports",
        "Affirms",
        "Recommends",
        "Proclaims",
        "Designates",
        "Declares",
        "Agrees",
        "Reminds",
        "Renews",
        "Extends",
        "Insists",
        "Resolves",
        "Considers",
        "Believes",
        "Confirms",
        "Regrets",
        "Recalls",
    ];
    // A title in title case after a comma: "the Secretary-General's disarmament agenda,
    // Securing Our Common Future".
    const TITLE_WORDS: &[&str] = &["Our", "The", "A", "An", "Its", "Their", "Of", "For", "In"];
    if !capitalised(first) || NAMES.contains(&first) || TITLE_WORDS.contains(&second) {
        return false;
    }
    let participle = first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed"));
    // Not any word in "-ly" ("Assembly noted that").
    const ADVERBS: &[&str] = &[
        "Deeply",
        "Gravely",
        "Strongly",
        "Seriously",
        "Profoundly",
        "Firmly",
        "Fully",
        "Greatly",
        "Sincerely",
        "Highly",
        "Keenly",
        "Increasingly",
        "Extremely",
        "Duly",
        "Particularly",
        "Recently",
    ];
    let adverb = ADVERBS.contains(&first)
        && lower(second)
        && (second.ends_with("ed") || second.ends_with("ing"));
    participle || adverb || ADJECTIVES.contains(&first) || VERBS.contains(&first)
}

/// "Rappelant", "Consciente", "Profondément préoccupée", "Se félicitant", "Décide".
fn french(first: &str, second: &str) -> bool {
    const WORDS: &[&str] = &[
        "Consciente",
        "Convaincue",
        "Résolue",
        "Déterminée",
        "Préoccupée",
        "Alarmée",
        "Sachant",
        "Ayant",
        "Gardant",
        "Se",
        "Prenant",
        "Décide",
        "Prie",
        "Demande",
        "Engage",
        "Invite",
        "Exhorte",
        "Encourage",
        "Souligne",
        "Réaffirme",
        "Note",
        "Prend",
        "Condamne",
        "Accueille",
        "Approuve",
        "Recommande",
        "Constate",
        "Rappelle",
        "Reconnaît",
        "Salue",
        "Affirme",
        "Estime",
        "Insiste",
        "Exprime",
        "Déplore",
        "Proclame",
        "Autorise",
        "Considère",
    ];
    if !capitalised(first) {
        return false;
    }
    let gerund = first.chars().count() > 5 && first.ends_with("ant");
    let adverb = first.ends_with("ment") && lower(second);
    gerund || adverb || WORDS.contains(&first)
}

/// "Recordando", "Consciente", "Profundamente preocupada", "Teniendo presente", "Decide".
fn spanish(first: &str, second: &str) -> bool {
    const WORDS: &[&str] = &[
        "Consciente",
        "Convencida",
        "Preocupada",
        "Alarmada",
        "Decidida",
        "Resuelta",
        "Guiada",
        "Habiendo",
        "Decide",
        "Pide",
        "Solicita",
        "Exhorta",
        "Insta",
        "Alienta",
        "Invita",
        "Acoge",
        "Reafirma",
        "Reitera",
        "Toma",
        "Observa",
        "Encomia",
        "Condena",
        "Expresa",
        "Destaca",
        "Subraya",
        "Reconoce",
        "Recomienda",
        "Exige",
        "Aprueba",
        "Afirma",
        "Exhorta",
        "Recuerda",
        "Proclama",
        "Autoriza",
        "Deplora",
        "Considera",
    ];
    if !capitalised(first) {
        return false;
    }
    let gerund = first.chars().count() > 5 && (first.ends_with("ando") || first.ends_with("iendo"));
    let adverb = first.ends_with("mente") && lower(second);
    gerund || adverb || WORDS.contains(&first)
}

/// Russian preambular paragraphs begin in lower case with a verbal adverb ("ссылаясь",
/// "вновь подтверждая", "будучи убеждена") or a participle ("глубоко обеспокоенная");
/// operative ones with a verb ("постановляет", "просит").
fn russian(first: &str, second: &str) -> bool {
    const WORDS: &[&str] = &[
        "будучи",
        "рассмотрев",
        "приняв",
        "исходя",
        "вновь",
        "глубоко",
        "с",
        "далее",
        "постановляет",
        "просит",
        "призывает",
        "предлагает",
        "приветствует",
        "подтверждает",
        "настоятельно",
        "принимает",
        "выражает",
        "подчеркивает",
        "одобряет",
        "поощряет",
        "рекомендует",
        "осуждает",
        "отмечает",
        "признает",
        "требует",
        "заявляет",
        "напоминает",
        "решает",
        "утверждает",
        "считает",
        "вновь",
        "особо",
    ];
    let first_lower = first.to_lowercase();
    if !first
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'а'..='я' | 'ё' | 'А'..='Я' | 'Ё'))
    {
        return false;
    }
    // Verbal adverbs in "-я" look like feminine adjectives ("международная"), so they
    // are named; those in "-ясь" are no adjectives.
    const ADVERBS: &[&str] = &[
        "ссылаясь",
        "подтверждая",
        "признавая",
        "отмечая",
        "учитывая",
        "приветствуя",
        "подчеркивая",
        "сознавая",
        "напоминая",
        "выражая",
        "принимая",
        "констатируя",
        "осуждая",
        "считая",
        "желая",
        "стремясь",
        "сожалея",
        "руководствуясь",
        "опираясь",
        "заявляя",
        "признав",
    ];
    let verbal_adverb = ADVERBS.contains(&first_lower.as_str()) || first_lower.ends_with("ясь");
    let participle = first_lower.ends_with("енная") || first_lower.ends_with("анная");
    let _ = second;
    verbal_adverb || participle || WORDS.contains(&first_lower.as_str())
}

/// Arabic preambular paragraphs begin "وإذ" ("and as"), operative ones with a verb in
/// the third person feminine ("تقرر", "تطلب", "تهيب").
fn arabic(first: &str, second: &str) -> bool {
    const WORDS: &[&str] = &[
        "وإذ",
        "إذ",
        "تقرر",
        "تطلب",
        "تهيب",
        "تدعو",
        "ترحب",
        "تؤكد",
        "تعيد",
        "تحث",
        "تشجع",
        "تلاحظ",
        "تحيط",
        "تعرب",
        "تدين",
        "تشدد",
        "تسلم",
        "تعترف",
        "توصي",
        "تطالب",
        "تؤيد",
        "تقر",
        "تعلن",
        "تشير",
        "تأذن",
        "توافق",
        "تعتمد",
        "تشيد",
        "تكرر",
    ];
    let _ = second;
    WORDS.contains(&first)
}

/// Chinese paragraphs begin with their verb, with no space after it: "回顾其", "又重申".
fn chinese(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "回顾",
        "又回顾",
        "还回顾",
        "重申",
        "又重申",
        "还重申",
        "注意到",
        "又注意到",
        "关切地",
        "深为关切",
        "严重关切",
        "关切",
        "深信",
        "确信",
        "确认",
        "又确认",
        "认识到",
        "又认识到",
        "承认",
        "欢迎",
        "又欢迎",
        "强调",
        "又强调",
        "铭记",
        "考虑到",
        "意识到",
        "申明",
        "表示",
        "赞扬",
        "满意地",
        "遗憾地",
        "感谢",
        "鼓励",
        "决定",
        "请",
        "吁请",
        "促请",
        "敦促",
        "邀请",
        "核可",
        "赞赏",
        "谴责",
        "呼吁",
        "深感",
        "震惊",
        "希望",
        "认为",
        "宣布",
        "核准",
        "建议",
    ];
    WORDS.iter().any(|w| text.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_openings() {
        for line in [
            "Recalling its resolutions 51/53 of 10 December 1996 and 56/17 of 29 November",
            "Reaffirming also its resolution 55/33 D of 20 November 2000, in which the",
            "Deeply concerned about the",
            "Bearing in mind its resolution 2373 (XXII) of 12 June 1968, the annex to which",
            "Convinced that",
            "Aware of",
            "Decides to include in the provisional agenda of its eighty-first session, under the",
        ] {
            assert!(opens_paragraph(line, Lang::En), "{line}");
        }
        for line in [
            "United Nations, as well as",
            "States parties to the Treaty",
            "Treaty, principles and objectives",
            "Assembly noted that",
            "Beijing Declaration",
            "Securing Our Common Future: An Agenda for Disarmament,",
        ] {
            assert!(!opens_paragraph(line, Lang::En), "{line}");
        }
    }

    #[test]
    fn openings_in_the_other_languages() {
        assert!(opens_paragraph("Rappelant ses résolutions", Lang::Fr));
        assert!(opens_paragraph("Profondément préoccupée par", Lang::Fr));
        assert!(opens_paragraph("Se félicitant de", Lang::Fr));
        assert!(!opens_paragraph("Nations Unies,", Lang::Fr));
        assert!(opens_paragraph("Recordando sus resoluciones", Lang::Es));
        assert!(opens_paragraph("Profundamente preocupada por", Lang::Es));
        assert!(!opens_paragraph("Naciones Unidas", Lang::Es));
        assert!(opens_paragraph("ссылаясь на свои резолюции", Lang::Ru));
        assert!(opens_paragraph("вновь подтверждая", Lang::Ru));
        assert!(opens_paragraph("будучи убеждена", Lang::Ru));
        assert!(!opens_paragraph("Организации Объединенных Наций", Lang::Ru));
        assert!(opens_paragraph("وإذ تشير إلى قراراتها", Lang::Ar));
        assert!(opens_paragraph("تقرر أن تدرج", Lang::Ar));
        assert!(!opens_paragraph("الأمم المتحدة", Lang::Ar));
        assert!(opens_paragraph("回顾其以往各项决议，", Lang::Zh));
        assert!(!opens_paragraph("联合国", Lang::Zh));
    }
}
