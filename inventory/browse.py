"""Paged, filtered reads of one table as text cells, for the workspace editor.

The editor must never receive a whole 100k-row table, so it reads one page at a time and saves
through `store.apply_edits`, which merges the page's edits into the full table server-side.
Cells are `coalesce(cast(x as varchar), '')`, which spells booleans, dates and integers exactly
as `export.text_frames` does, so a page can go back through the store unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from inventory import export, validation
from inventory.errors import CellError, ValidationFailed
from inventory.tables import BY_NAME, Table


def _select(table: Table) -> str:
    return "select " + ", ".join(f"coalesce(cast({c} as varchar), '') as {c}" for c in table.column_names) + f" from {table.name}"


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
    return "|".join(str(row.get(k, "")) for k in table.key) if table.key else "org"


@dataclass(frozen=True)
class Located:
    """A validation error placed where the officer can find it: a row of the page they edited
    (0-based), or another record of the table named by its key, or a row of another table."""

    error: CellError
    page_row: int | None
    key: str | None


def check_edits(conn: duckdb.DuckDBPyConnection, name: str, base: pd.DataFrame, edited: pd.DataFrame) -> list[Located]:
    """Validate a page's edits merged into the whole inventory, without writing anything.

    Used after a refused save to say *which* of the officer's rows each error is in: the merged
    table is laid out as the untouched rows, then the editor's rows in the editor's order, so an
    error's row number maps back to a page row.
    """
    table = BY_NAME[name]
    current = export.text_frames(conn)
    mine = edited.to_dict("records")
    on_page = {row_key(table, r) for r in base.to_dict("records")} | {row_key(table, r) for r in mine}
    untouched = [r for r in current[name].to_dict("records") if row_key(table, r) not in on_page]
    current[name] = pd.DataFrame(untouched + mine, columns=table.column_names)
    raw = {}
    for n, frame in current.items():
        frame = frame.reset_index(drop=True)
        frame.index = frame.index + 1
        raw[n] = validation.RawTable(n, frame)
    try:
        validation.validate(raw)
    except ValidationFailed as exc:
        return [_locate(e, name, table, untouched, len(mine)) for e in exc.errors]
    return []


def _locate(error: CellError, name: str, table: Table, untouched: list[dict], edited_rows: int) -> Located:
    if error.file != name or error.row is None:
        return Located(error, None, None)
    if error.row <= len(untouched):
        return Located(error, None, row_key(table, untouched[error.row - 1]))
    position = error.row - len(untouched) - 1
    return Located(error, position if position < edited_rows else None, None)
