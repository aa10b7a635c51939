"""The UI's words in English and Japanese, and the language switch that survives a reload."""
from __future__ import annotations

import streamlit as st

LANGS = {"en": "English", "ja": "日本語"}

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("APPI personal-data inventory", "個人情報管理台帳"),
    "language": ("Language", "言語"),
    "findings": ("Findings", "指摘事項"),
    "as_of": ("As of", "基準日"),
    "no_findings": ("No findings: every rule is satisfied.", "指摘事項はありません。"),
    "severity": ("Severity", "重大度"),
    "rule": ("Rule", "ルール"),
    "subject": ("Subject", "対象"),
    "domain": ("Domain", "区分"),
    "message": ("What to fix", "対応内容"),
    "reference": ("Basis", "根拠"),
    "critical": ("Critical", "重大"),
    "high": ("High", "高"),
    "medium": ("Medium", "中"),
    "low": ("Low", "低"),
    "db_created": ("A new empty inventory was created at {path}.", "{path} に空の台帳を作成しました。"),
}


def lang() -> str:
    """The language chosen in the sidebar, kept in the URL (?lang=ja) so a reload keeps it."""
    value = st.query_params.get("lang", "en")
    return value if value in LANGS else "en"


def t(key: str, **values) -> str:
    text = LABELS[key][1 if lang() == "ja" else 0]
    return text.format(**values) if values else text


def language_switch() -> None:
    current = lang()
    choice = st.sidebar.radio(t("language"), list(LANGS), index=list(LANGS).index(current),
                              format_func=LANGS.get, horizontal=True, key="lang_switch")
    if choice != current:
        st.query_params["lang"] = choice
        st.rerun()
