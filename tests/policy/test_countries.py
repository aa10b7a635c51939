"""Country names in English and Japanese policies, and words that only look like them."""
from __future__ import annotations

import pytest

from policy import countries


@pytest.mark.parametrize("text, code", [
    ("業務委託先はウクライナに所在します。", "UA"), ("開発はスリランカの委託先が行います。", "LK"),
    ("サーバーは南アフリカにあります。", "ZA"), ("チリ共和国の代理店に提供します。", "CL"),
    ("Your data is stored in the US.", "US"), ("Our vendor in Kenya processes it.", "KE"),
])
def test_countries_are_found_in_either_language(text, code):
    assert [c for c, _, _ in countries.find(text)] == [code]


@pytest.mark.parametrize("text", ["CONTACT US", "チリ紙を備えています。", "トルコ石の指輪", "中国地方の店舗", "Turkey sandwiches"])
def test_words_that_only_look_like_countries_are_not(text):
    assert countries.find(text) == []
