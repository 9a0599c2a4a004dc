#!/usr/bin/env python3
"""Writes themes/default/countries.toml: the name of every country code the votes of
data/ may carry, in the six official languages.

Source: Debian's iso-codes package (`apt-get install iso-codes`), ISO 3166-1 and, for the
codes of States that no longer exist (CS, DD, YD, YU), ISO 3166-3, with their
translations (/usr/share/locale/*/LC_MESSAGES/iso_3166-{1,3}.mo). iso-codes is licensed
under the LGPL, version 2.1 or later.

Where the United Nations' own short name differs from the ISO name, the UN's wins (the
English short names of the UN Terminology Database, UNTERM): see UN_NAMES below.

Run it again after an update of iso-codes: python3 scripts/countries.py
"""

import gettext
import json
import subprocess
from pathlib import Path

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
# gettext catalogues of iso-codes, per language of the site (Chinese: simplified).
CATALOGUE = {"ar": "ar", "zh": "zh_CN", "fr": "fr", "ru": "ru", "es": "es"}

# The UN's short names (UNTERM) where they differ from those of ISO 3166-1 and its
# translations: in English; in French and Spanish, where the translations invert the name
# ("Russie, Fédération de"); in Chinese and Arabic, where the translations are short
# forms, inverted, or misspelt (柬埔塞 for 柬埔寨); Türkiye and Yugoslavia where iso-codes
# has no translation.
UN_NAMES = {
    "en": {
        "BO": "Bolivia (Plurinational State of)",
        "CD": "Democratic Republic of the Congo",
        "FM": "Micronesia (Federated States of)",
        "GB": "United Kingdom of Great Britain and Northern Ireland",
        "IR": "Iran (Islamic Republic of)",
        "KP": "Democratic People's Republic of Korea",
        "KR": "Republic of Korea",
        "MD": "Republic of Moldova",
        "PS": "State of Palestine",
        "TZ": "United Republic of Tanzania",
        "US": "United States of America",
        "VE": "Venezuela (Bolivarian Republic of)",
        "VA": "Holy See",
        "TW": "Taiwan",
        "CS": "Czechoslovakia",
        "DD": "German Democratic Republic",
        "YD": "Democratic Yemen",
        "YU": "Yugoslavia",
    },
    "ar": {
        "CD": "جمهورية الكونغو الديمقراطية",
        "FM": "ميكرونيزيا (ولايات - الموحدة)",
        "IR": "إيران (جمهورية - الإسلامية)",
        "KP": "جمهورية كوريا الشعبية الديمقراطية",
        "KR": "جمهورية كوريا",
        "TR": "تركيا",
        "TZ": "جمهورية تنزانيا المتحدة",
        "US": "الولايات المتحدة الأمريكية",
        "YU": "يوغوسلافيا",
    },
    "zh": {
        "AE": "阿拉伯联合酋长国",
        "BD": "孟加拉国",
        "BN": "文莱达鲁萨兰国",
        "BO": "多民族玻利维亚国",
        "CF": "中非共和国",
        "FM": "密克罗尼西亚联邦",
        "GB": "大不列颠及北爱尔兰联合王国",
        "GT": "危地马拉",
        "KG": "吉尔吉斯斯坦",
        "KH": "柬埔寨",
        "LC": "圣卢西亚",
        "MT": "马耳他",
        "RU": "俄罗斯联邦",
        "SM": "圣马力诺",
        "TZ": "坦桑尼亚联合共和国",
        "US": "美利坚合众国",
        "YU": "南斯拉夫",
    },
    "fr": {
        "BO": "Bolivie (État plurinational de)",
        "CD": "République démocratique du Congo",
        "CS": "Tchécoslovaquie",
        "FM": "Micronésie (États fédérés de)",
        "GB": "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "IR": "Iran (République islamique d')",
        "KM": "Comores",
        "KP": "République populaire démocratique de Corée",
        "KR": "République de Corée",
        "LA": "République démocratique populaire lao",
        "MD": "République de Moldova",
        "PS": "État de Palestine",
        "RU": "Fédération de Russie",
        "SB": "Îles Salomon",
        "SY": "République arabe syrienne",
        "TR": "Türkiye",
        "TZ": "République-Unie de Tanzanie",
        "US": "États-Unis d'Amérique",
        "VE": "Venezuela (République bolivarienne du)",
        "YD": "Yémen démocratique",
        "YU": "Yougoslavie",
    },
    "ru": {"TR": "Турция", "US": "Соединенные Штаты Америки", "YU": "Югославия"},
    "es": {
        "BO": "Bolivia (Estado Plurinacional de)",
        "CD": "República Democrática del Congo",
        "CS": "Checoslovaquia",
        "DD": "República Democrática Alemana",
        "FM": "Micronesia (Estados Federados de)",
        "GB": "Reino Unido de Gran Bretaña e Irlanda del Norte",
        "IR": "Irán (República Islámica del)",
        "KM": "Comoras",
        "KP": "República Popular Democrática de Corea",
        "KR": "República de Corea",
        "MD": "República de Moldova",
        "PS": "Estado de Palestina",
        "RU": "Federación de Rusia",
        "TR": "Türkiye",
        "TZ": "República Unida de Tanzanía",
        "US": "Estados Unidos de América",
        "VE": "Venezuela (República Bolivariana de)",
        "YD": "Yemen Democrático",
        "YU": "Yugoslavia",
    },
}
WITHDRAWN = {"CSHH": "CS", "DDDE": "DD", "YDYE": "YD", "YUCS": "YU"}


def main():
    root = Path(__file__).resolve().parent.parent
    base = Path("/usr/share/iso-codes/json")
    current = json.loads((base / "iso_3166-1.json").read_text())["3166-1"]
    former = json.loads((base / "iso_3166-3.json").read_text())["3166-3"]
    entries = [(c["alpha_2"], c["name"], "iso_3166-1") for c in current]
    entries += [(WITHDRAWN[c["alpha_4"]], c["name"], "iso_3166-3") for c in former if c["alpha_4"] in WITHDRAWN]
    entries.sort()
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True, text=True
    ).stdout.strip()
    out = [
        "# Country names by ISO 3166-1 alpha-2 code, for the votes of data/.",
        f"# Generated by scripts/countries.py from Debian iso-codes {version} (LGPL-2.1-or-later),",
        "# with the UN's short names where they differ (listed in the script). Do not edit by hand.",
        "",
    ]
    for lang in LANGS:
        out.append(f"[{lang}]")
        tr = None
        if lang != "en":
            tr = {
                domain: gettext.translation(domain, "/usr/share/locale", languages=[CATALOGUE[lang]])
                for domain in ("iso_3166-1", "iso_3166-3")
            }
        for code, name, domain in entries:
            shown = UN_NAMES.get(lang, {}).get(code)
            if shown is None:
                shown = name if tr is None else tr[domain].gettext(name)
            out.append(f"{code} = {json.dumps(shown, ensure_ascii=False)}")
        out.append("")
    (root / "themes/default/countries.toml").write_text("\n".join(out))


if __name__ == "__main__":
    main()
