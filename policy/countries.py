"""Country names (English and Japanese) to ISO 3166 alpha-2 codes.

English names come from pycountry (name, common and official names) so that any country a policy
names is found; a few names that are also ordinary words or person names are left out. Japanese
policies name destinations in katakana or kanji (米国, シンガポール), which pycountry does not know,
hence the explicit table. "EU"/"EEA" are regions, not countries: they count as adequacy wording
in the scanner but are never reported as a code.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Names that read as common words or given names in a policy ("Jersey", "Chad", "Turkey", "Georgia").
_AMBIGUOUS = {"Jersey", "Georgia", "Chad", "Jordan", "Turkey", "Guinea", "Niger", "Man", "Chile", "Panama",
              "Dominica", "Mali", "Togo", "Guernsey", "Samoa", "Cuba"}

_EXTRA_EN = {
    "U.S.A.": "US", "U.S.": "US", "USA": "US", "United States of America": "US", "United States": "US",
    "America": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "Northern Ireland": "GB", "South Korea": "KR", "Republic of Korea": "KR", "Korea": "KR", "Taiwan": "TW",
    "Vietnam": "VN", "Viet Nam": "VN", "Russia": "RU", "Hong Kong": "HK", "Macau": "MO", "Macao": "MO",
    "Czech Republic": "CZ", "Holland": "NL", "the Netherlands": "NL", "Türkiye": "TR", "Republic of Turkey": "TR",
    "Iran": "IR", "Laos": "LA", "Syria": "SY", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Moldova": "MD", "Brunei": "BN", "UAE": "AE", "Philippines": "PH", "Japan": "JP",
    "the US": "US",  # with its article; a bare "US" is also "CONTACT US"
}

_JA = {
    "アメリカ合衆国": "US", "アメリカ": "US", "米国": "US", "中華人民共和国": "CN", "中国": "CN", "大韓民国": "KR",
    "韓国": "KR", "台湾": "TW", "香港": "HK", "マカオ": "MO", "シンガポール": "SG", "英国": "GB", "イギリス": "GB",
    "連合王国": "GB", "ドイツ": "DE", "フランス": "FR", "オランダ": "NL", "アイルランド": "IE", "ベルギー": "BE",
    "イタリア": "IT", "スペイン": "ES", "スウェーデン": "SE", "デンマーク": "DK", "フィンランド": "FI",
    "ポーランド": "PL", "オーストリア": "AT", "ポルトガル": "PT", "ルクセンブルク": "LU", "チェコ": "CZ",
    "ギリシャ": "GR", "ハンガリー": "HU", "ルーマニア": "RO", "ブルガリア": "BG", "クロアチア": "HR",
    "スロバキア": "SK", "スロベニア": "SI", "エストニア": "EE", "ラトビア": "LV", "リトアニア": "LT", "マルタ": "MT",
    "キプロス": "CY", "スイス": "CH", "ノルウェー": "NO", "アイスランド": "IS", "リヒテンシュタイン": "LI",
    "カナダ": "CA", "オーストラリア": "AU", "ニュージーランド": "NZ", "インドネシア": "ID", "インド": "IN",
    "ベトナム": "VN", "タイ": "TH", "フィリピン": "PH", "マレーシア": "MY", "ブラジル": "BR", "メキシコ": "MX",
    "ロシア": "RU", "イスラエル": "IL", "アラブ首長国連邦": "AE", "ミャンマー": "MM", "カンボジア": "KH",
    "バングラデシュ": "BD", "日本国": "JP", "日本": "JP",
    # Further destinations of outsourcing and provision; チリ, トルコ, ジョージア are left out (チリ紙,
    # トルコ石, a coffee brand), as the English table leaves out "Chile" and "Turkey".
    "南アフリカ": "ZA", "サウジアラビア": "SA", "カタール": "QA", "エジプト": "EG", "ケニア": "KE",
    "ナイジェリア": "NG", "アルゼンチン": "AR", "チリ共和国": "CL", "ペルー": "PE", "コロンビア": "CO",
    "スリランカ": "LK", "ネパール": "NP", "パキスタン": "PK", "モンゴル": "MN", "ウクライナ": "UA",
    "カザフスタン": "KZ", "ウズベキスタン": "UZ", "ラオス": "LA", "ブルネイ": "BN", "セルビア": "RS",
    "トルコ共和国": "TR",
}


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value or "," in value or len(value) < 4 or value in _AMBIGUOUS:
                continue
            names.setdefault(value, country.alpha_2)
    names.update(_EXTRA_EN)
    english = sorted(names, key=len, reverse=True)
    en = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in english) + r")(?![\w])")
    kata = r"\u30a1-\u30fa\u30fc-\u30ff"  # katakana letters; the middle dot ・ separates names (台湾・台北市)
    ja_names = sorted(_JA, key=len, reverse=True)
    ja = re.compile(
        rf"(?<![{kata}])(?:" + "|".join(re.escape(n) for n in ja_names) + rf")(?![{kata}])(?!語|地方|人|銀行|電力|料理)")
    names.update(_JA)
    return en, ja, names


def find(text: str) -> list[tuple[str, int, int]]:
    """(alpha-2, start, end) for every country named in `text`, in order."""
    en, ja, names = _table()
    hits = [(names[m.group()], m.start(), m.end()) for m in en.finditer(text)]
    hits += [(names[m.group()], m.start(), m.end()) for m in ja.finditer(text)]
    return sorted(hits, key=lambda h: h[1])
