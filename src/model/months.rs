//! The months as the UN's documents name them, in the five languages that name them (the
//! Chinese write numbers). Reading dates in raw texts and in resolutions both need them.

pub const EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
pub const ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
/// Other Spanish spellings in use, with the month they name: some Latin American texts write
/// "setiembre" for September.
pub const ES_VARIANTS: [(&str, u8); 1] = [("setiembre", 9)];
/// Russian months in the genitive, the case a date uses ("4 декабря").
pub const RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Arabic months as the UN writes them: the Levantine name, a slash, the Egyptian name
/// ("كانون الأول/ديسمبر"). Either half alone is accepted too.
pub const AR_LEVANTINE: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
pub const AR_EGYPTIAN: [&[&str]; 12] = [
    &["يناير"],
    &["فبراير"],
    &["مارس"],
    &["أبريل", "ابريل"],
    &["مايو"],
    &["يونيه", "يونيو"],
    &["يوليه", "يوليو"],
    &["أغسطس", "اغسطس"],
    &["سبتمبر"],
    &["أكتوبر", "اكتوبر"],
    &["نوفمبر"],
    &["ديسمبر"],
];

/// The months as a date in `lang` writes them: "December", "décembre", "diciembre",
/// "декабря", "كانون الأول/ديسمبر", and in Chinese the number ("12").
pub fn written(lang: crate::model::Lang) -> [String; 12] {
    use crate::model::Lang;
    std::array::from_fn(|i| match lang {
        Lang::En => {
            let mut chars = EN[i].chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        Lang::Fr => FR[i].to_string(),
        Lang::Es => ES[i].to_string(),
        Lang::Ru => RU[i].to_string(),
        Lang::Ar => format!("{}/{}", AR_LEVANTINE[i], AR_EGYPTIAN[i][0]),
        Lang::Zh => (i + 1).to_string(),
    })
}

/// The number (1–12) of a month named in any of the five languages: "December",
/// "décembre", "diciembre" (or a variant such as "setiembre"), "декабря", or the Arabic
/// "كانون الأول/ديسمبر", either half of it alone, or a spelling without hamza.
pub fn number(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    if let Some((_, month)) = ES_VARIANTS.iter().find(|(v, _)| *v == lower) {
        return Some(*month);
    }
    let index = [&EN, &FR, &ES, &RU]
        .iter()
        .find_map(|table| table.iter().position(|m| *m == lower))
        .or_else(|| {
            // "كانون الأول/ديسمبر": either part names the month on its own.
            let egyptian = lower.rsplit('/').next().unwrap_or(&lower).trim();
            let levantine = lower.split('/').next().unwrap_or(&lower).trim();
            AR_EGYPTIAN
                .iter()
                .position(|names| names.contains(&egyptian))
                .or_else(|| AR_LEVANTINE.iter().position(|m| *m == levantine))
        })?;
    u8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn every_language_names_its_months() {
        assert_eq!(number("December"), Some(12));
        assert_eq!(number("décembre"), Some(12));
        assert_eq!(number("setiembre"), Some(9));
        assert_eq!(number("декабря"), Some(12));
        assert_eq!(number("كانون الأول/ديسمبر"), Some(12));
        assert_eq!(number("تشرين الثاني"), Some(11));
        assert_eq!(number("اغسطس"), Some(8));
        assert_eq!(number("Decembre"), None);
    }
}
