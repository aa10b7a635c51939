"""The guards change how fast a pattern runs, never what it matches."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy.lexicon import FLAGS, load, union
from policy.prefilter import LiteralGuarded, guarded

HERE = Path(__file__).parent
TRICKY = [
    "",
    "Made in Italy frames. We store data in the United States.",
    "米国からのアクセス、及び中国製の部品。当社は提供しません",
    "FOREIGN exchange and Overseas remittances; OVERSEAS servers",
    "ＡＢＣ 全角 and ſtrange ǅ letters, Kelvin K sign",
]


def _texts() -> list[str]:
    paths = [*sorted((HERE / "corpus").iterdir()), *sorted((HERE / "blind").glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in paths if p.suffix in {".txt", ".md", ".html"}] + TRICKY


def _alternative_lists(node, found: list[list[str]]) -> list[list[str]]:
    """Every list of phrases in lexicon.yaml, the form union() receives."""
    if isinstance(node, dict):
        for value in node.values():
            _alternative_lists(value, found)
    elif isinstance(node, list) and all(isinstance(x, str) for x in node):
        found.append([x for x in node if "{party}" not in x])
    return found


@pytest.mark.parametrize("phrases", _alternative_lists(load().raw, []), ids=lambda p: p[0][:30] if p else "empty")
def test_every_lexicon_pattern_matches_exactly_as_unguarded(phrases):
    if not phrases:
        pytest.skip("placeholder-only list")
    plain = re.compile("|".join(f"(?:{p})" for p in phrases), FLAGS)
    fast = union(phrases)
    for text in _texts():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert fast.sub("_", text) == plain.sub("_", text)
        for line in text.splitlines():
            assert bool(fast.search(line)) == bool(plain.search(line)), line


def test_first_character_guard_is_added_when_the_first_characters_can_be_listed():
    pattern = guarded(r"\b(?:safety|security) measures|安全管理", FLAGS)
    assert pattern.pattern.startswith("(?=[")
    assert pattern.search("SECURITY MEASURES are taken").span() == (0, 17)
    assert pattern.search("当社の安全管理").group() == "安全管理"


def test_a_clause_mask_runs_only_when_its_keyword_is_in_the_text():
    mask = guarded(r"[^。、]{0,30}から(の)?輸入", FLAGS)
    assert isinstance(mask, LiteralGuarded)
    assert mask.search("当社は個人情報を提供しません") is None
    assert mask.sub(" ", "イタリアからの輸入品") == " 品"
    assert [m.group() for m in mask.finditer("ドイツから輸入。米国から輸入")] == ["ドイツから輸入", "米国から輸入"]


def test_a_pattern_that_can_match_nothing_is_left_as_it_is():
    pattern = guarded(r"(?:we )?", FLAGS)
    assert isinstance(pattern, re.Pattern) and pattern.pattern == r"(?:we )?"
    assert guarded(r"\w+ data", FLAGS).pattern == r"\w+ data"


def test_ignorecase_literal_guard_finds_upper_case_text():
    mask = guarded(r"[^.]{0,20}imported goods", FLAGS)
    assert isinstance(mask, LiteralGuarded)
    assert mask.search("We sell IMPORTED GOODS.").group() == "We sell IMPORTED GOODS"
