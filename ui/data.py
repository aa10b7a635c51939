"""The app's one database connection and the reads pages share, cached by data version.

Every write raises `inventory_state.data_version`, and every cached read takes that version as
part of its key, so a page after an edit recomputes instead of showing a stale result.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from controls import rules
from inventory import db, store

DEFAULT_DB = "data/inventory.duckdb"


def db_path() -> str:
    return os.environ.get("INVENTORY_DB", DEFAULT_DB)


@st.cache_resource
def _open(path: str) -> duckdb.DuckDBPyConnection:
    """One read-write connection per server process (DuckDB allows one writer process)."""
    if not Path(path).exists():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return db.connect(path, create=True)
    return db.connect(path)


def conn() -> duckdb.DuckDBPyConnection:
    """A cursor for this browser session: DuckDB connections are not thread-safe, cursors are."""
    path = db_path()
    if st.session_state.get("db_cursor_path") != path:
        st.session_state["db_cursor"] = _open(path).cursor()
        st.session_state["db_cursor_path"] = path
    return st.session_state["db_cursor"]


def version() -> int:
    return store.data_version(conn())


@st.cache_data(max_entries=16, show_spinner=False)
def _findings(path: str, data_version: int, as_of: dt.date) -> pd.DataFrame:
    return rules.findings(conn(), as_of)


def findings(as_of: dt.date | None = None) -> pd.DataFrame:
    return _findings(db_path(), version(), as_of or dt.date.today())
