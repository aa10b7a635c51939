"""Paged, filtered reads of one table as text cells, for the workspace editor.

The editor must never receive a whole 100k-row table, so it reads one page at a time and saves
through `store.apply_edits`, which writes only the rows the page changed (inventory/edits.py).
Cells are `export.text_columns`, the spelling export uses, so a page goes back unchanged.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory import edits, export
from inventory.tables import BY_NAME, Table


def _select(table: Table) -> str:
    return f"select {export.text_columns(table)} from {table.name}"


def _order(table: Table) -> str:
    return ", ".join(table.key) if table.key else ", ".join(table.column_names)


def _where(table: Table, search: str) -> tuple[str, list]:
    """Rows where any cell contains the search text (case-insensitive); the text is a bound value."""
    if not search.strip():
        return "", []
    haystack = " || ' ' || ".join(f"coalesce(cast({c} as varchar), '')" for c in table.column_names)
    return f" where ({haystack}) ilike ?", [f"%{search.strip()}%"]


def count(conn: duckdb.DuckDBPyConnection, name: str, search: str = "") -> int:
    table = BY_NAME[name]
    where, params = _where(table, search)
    return conn.execute(f"select count(*) from {table.name}{where}", params).fetchall()[0][0]


def page(conn: duckdb.DuckDBPyConnection, name: str, search: str = "", offset: int = 0, limit: int = 50) -> pd.DataFrame:
    """One page of text rows in key order (a plain 0..n-1 index)."""
    table = BY_NAME[name]
    where, params = _where(table, search)
    frame = conn.execute(f"{_select(table)}{where} order by {_order(table)} limit ? offset ?",
                         [*params, int(limit), int(offset)]).df()
    return frame.astype(str) if not frame.empty else pd.DataFrame({c: pd.Series(dtype=str) for c in table.column_names})


def record(conn: duckdb.DuckDBPyConnection, name: str, key: str) -> dict[str, str] | None:
    """One row of a one-key table as text cells, or None."""
    table = BY_NAME[name]
    frame = conn.execute(f"{_select(table)} where {table.key[0]} = ?", [key]).df()
    return None if frame.empty else frame.iloc[0].astype(str).to_dict()


def ids(conn: duckdb.DuckDBPyConnection, name: str, limit: int = 500) -> list[str] | None:
    """The IDs of a one-key table in order, or None when there are more than `limit` to list."""
    table = BY_NAME[name]
    (key,) = table.key
    found = [r[0] for r in conn.execute(f"select {key} from {table.name} order by {key} limit ?", [limit + 1]).fetchall()]
    return None if len(found) > limit else found


def row_key(table: Table, row: dict) -> str:
    """A row's record key as the audit trail spells it: the ID, 'a|b' for a link, 'org'."""
    return edits.key_text(edits.row_key(table, row))
