"""The dashboard's house rules, checked: pages hold no SQL, the logic packages never import
Streamlit, and every word the UI asks for exists in English and Japanese."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from controls import coverage, geography, rules
from inventory.tables import SOURCES, STATUSES
from ui.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]


@pytest.mark.parametrize("page", sorted((ROOT / "app_pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_are_scripts_without_sql_or_duckdb(page):
    text = page.read_text(encoding="utf-8")
    assert "duckdb" not in text
    assert not re.search(r"\b(select|insert|update|delete)\b[^\n]*\b(from|into|set)\b", text, re.IGNORECASE)
    assert len(text.splitlines()) <= 120


@pytest.mark.parametrize("package", ["inventory", "controls"])
def test_logic_packages_never_import_streamlit(package):
    offenders = [p.name for p in (ROOT / package).rglob("*.py") if re.search(r"^\s*(import|from)\s+streamlit",
                                                                               p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_modules_stay_small():
    mine = [*UI_FILES, *(ROOT / "controls").glob("[cgrt]*.py"), *(ROOT / "inventory").glob("*.py")]
    assert [p.name for p in mine if len(p.read_text(encoding="utf-8").splitlines()) > 400] == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_both_languages_with_the_same_placeholders():
    for key, (en, ja) in LABELS.items():
        assert en.strip() and ja.strip(), key
        assert _fields(en) == _fields(ja), key


def test_every_label_the_ui_asks_for_exists():
    used = set()
    for path in UI_FILES:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    used |= {f"v_{v}" for v in (*coverage.STATUSES, *rules.SEVERITIES, *geography.STATUSES, *STATUSES, *SOURCES)}
    used |= {f"dom_{d}" for d in coverage.DOMAINS}
    used |= {f"node_{k}" for k in ("category", "purpose", "processor", "recipient", "country", "system")}
    used |= {f"subject_{s}" for s in ("category", "purpose", "processor", "recipient", "transfer", "country",
                                      "control", "organization", "term")}
    used |= {"open_card", "open_record", "open_party", "add_control", "col_via", "col_country"}  # ui/links.py, card
    assert sorted(used - set(LABELS)) == []


def test_no_html_is_ever_rendered_unescaped():
    assert [p.name for p in UI_FILES if "unsafe_allow_html" in p.read_text(encoding="utf-8")] == []


def test_server_settings_keep_uploads_bounded_and_data_on_the_machine():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] <= 50
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] in ("type", "none", False)
    assert config["client"]["toolbarMode"] in ("viewer", "minimal")
