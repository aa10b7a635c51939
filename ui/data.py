"""The app's one database connection and the reads pages share, cached by data version.

Every write raises `inventory_state.data_version`, and every cached read takes that version as
part of its key, so a page after an edit recomputes instead of showing a stale result. Nothing
here holds inventory data in session state; only the cursor and the as-of date live there.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from controls import geography, rules
from inventory import db, store
from inventory.access import Actor
from ui.i18n import t

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


def new_cursor() -> duckdb.DuckDBPyConnection:
    """A cursor of its own, for work on another thread (a deferred download)."""
    return _open(db_path()).cursor()


def actor() -> Actor | None:
    """Who writes: the signed-in account once sign-in exists; None means local single-user mode."""
    return st.session_state.get("actor")


def version() -> int:
    return store.data_version(conn())


def as_of_picker() -> None:
    """The evaluation date in the sidebar, shared by every page (a rule result is as of a date)."""
    st.sidebar.date_input(t("as_of"), value=dt.date.today(), key="as_of", format="YYYY-MM-DD")


def as_of() -> dt.date:
    return st.session_state.get("as_of") or dt.date.today()


@st.cache_data(max_entries=128, show_spinner=False)
def _read(path: str, data_version: int, name: str, args: tuple, _func):
    return _func(conn(), *args)


def read(func, *args):
    """`func(conn, *args)`, cached under the data version, so any write invalidates it."""
    return _read(db_path(), version(), f"{func.__module__}.{func.__qualname__}", args, func)


@st.cache_data(max_entries=16, show_spinner=False)
def _findings(path: str, data_version: int, as_of: dt.date) -> pd.DataFrame:
    return rules.findings(conn(), as_of)


def findings(as_of: dt.date | None = None) -> pd.DataFrame:
    return _findings(db_path(), version(), as_of or dt.date.today())


@st.cache_data(max_entries=16, show_spinner=False)
def _located(path: str, data_version: int, as_of: dt.date) -> pd.DataFrame:
    found = findings(as_of)
    return found.assign(country=geography.locate(conn(), found))


def located_findings(as_of: dt.date) -> pd.DataFrame:
    """The findings with the country each is about (None for most), for the world map."""
    return _located(db_path(), version(), as_of)


@st.cache_data(max_entries=16, show_spinner=False)
def _countries(path: str, data_version: int, as_of: dt.date) -> pd.DataFrame:
    return geography.countries(conn(), findings(as_of))


def countries(as_of: dt.date) -> pd.DataFrame:
    return _countries(db_path(), version(), as_of)
