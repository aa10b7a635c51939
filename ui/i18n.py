"""The reader's language: the sidebar switch (kept in the URL as ?lang=ja so a reload, a link and
every page keep it) and the lookups that turn keys, table and column names, domains and statuses into
English or Japanese words. The words themselves are in `ui/labels.py`."""
from __future__ import annotations

import streamlit as st

from controls import catalog
from inventory.tables import BY_NAME
from ui.labels import LABELS

LANGS = {"en": "English", "ja": "日本語"}
KEY = "lang"


def lang() -> str:
    """The chosen language: the switch's state once it exists, else the URL's ?lang=."""
    value = st.session_state.get(KEY) or st.query_params.get(KEY, "en")
    return value if value in LANGS else "en"


def t(key: str, **values) -> str:
    text = LABELS[key][1 if lang() == "ja" else 0]
    return text.format(**values) if values else text


def pick(en: str | None, ja: str | None) -> str:
    """The Japanese text when reading Japanese and it exists, else the English."""
    return (ja or en or "") if lang() == "ja" else (en or ja or "")


def bilingual(message: str) -> str:
    """One side of an "English / 日本語" message, as the inventory's errors are written."""
    en, sep, ja = message.partition(" / ")
    return (ja if lang() == "ja" else en) if sep else message


def language_switch() -> None:
    """The English / 日本語 radio in the sidebar. Its state lives for the session (the frame draws
    it on every page), and the frame writes it back to the URL as ?lang=ja on every run, so a
    page switch, a link or a reload keeps it; English is the default and leaves the URL clean."""
    if KEY not in st.session_state:
        wanted = st.query_params.get(KEY, "en")
        st.session_state[KEY] = wanted if wanted in LANGS else "en"
    st.sidebar.radio(t("language"), list(LANGS), format_func=LANGS.get, horizontal=True, key=KEY)
    if st.session_state[KEY] == "en":
        st.query_params.pop(KEY, None)
    elif st.query_params.get(KEY) != st.session_state[KEY]:
        st.query_params[KEY] = st.session_state[KEY]


def table_label(name: str) -> str:
    table = BY_NAME[name]
    return pick(table.label_en, table.label_ja)


def column_label(table_name: str, column: str) -> str:
    """Japanese column labels come from the table metadata; English readers see the CSV name."""
    col = BY_NAME[table_name].col(column)
    return (col.label_ja or column) if lang() == "ja" else column


def domain_name(domain: str | None) -> str:
    names = {d["id"]: pick(d["name_en"], d["name_ja"]) for d in catalog.domains()}
    return names.get(domain or "", domain or "—")


def value_label(value: str | None) -> str:
    """An enumerated value (status, severity, route, basis ...) in the reader's language."""
    if value is None or value == "":
        return "—"
    entry = LABELS.get(f"v_{value}")
    return entry[1 if lang() == "ja" else 0] if entry else str(value)
