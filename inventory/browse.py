"""Paged, filtered reads of one table as text cells, for the workspace editor.

The editor must never receive a whole 100k-row table, so it reads one page at a time; saving
merges the page's edits back into the full table server-side (`merge_edits`). Rows are
identified by DuckDB's `rowid`, which is stable until the next write: the editor is keyed by the
data version, so an edit is never applied to a table that changed under it.

Cells are `coalesce(cast(x as varchar), '')`, which spells booleans, dates and integers exactly
as `export.text_frames` does, so a page can go back through `store.save_table` unchanged.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.tables import BY_NAME, Table


def _select(table: Table) -> str:
    cells = ", ".join(f"coalesce(cast({c} as varchar), '') as {c}" for c in table.column_names)
    return f"select rowid as row_id, {cells} from {table.name}"


def _order(table: Table) -> str:
    return ", ".join(table.key) if table.key else "rowid"


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
    """One page of text rows in key order, indexed by rowid (the index is the row's identity)."""
    table = BY_NAME[name]
    where, params = _where(table, search)
    sql = f"{_select(table)}{where} order by {_order(table)} limit ? offset ?"
    frame = conn.execute(sql, [*params, int(limit), int(offset)]).df()
    return frame.set_index("row_id").astype(str) if not frame.empty else _empty(table)


def rows(conn: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """The whole table as text rows in key order, indexed by rowid."""
    table = BY_NAME[name]
    frame = conn.execute(f"{_select(table)} order by {_order(table)}").df()
    return frame.set_index("row_id").astype(str) if not frame.empty else _empty(table)


def _empty(table: Table) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=str) for c in table.column_names}, index=pd.Index([], name="row_id", dtype="int64"))


def record(conn: duckdb.DuckDBPyConnection, name: str, key: str) -> dict[str, str] | None:
    """One row of a one-key table as text cells, or None."""
    table = BY_NAME[name]
    frame = conn.execute(f"{_select(table)} where {table.key[0]} = ?", [key]).df()
    return None if frame.empty else frame.drop(columns="row_id").iloc[0].astype(str).to_dict()


def ids(conn: duckdb.DuckDBPyConnection, name: str, limit: int = 500) -> list[str] | None:
    """The IDs of a one-key table in order, or None when there are more than `limit` (too many to list)."""
    table = BY_NAME[name]
    (key,) = table.key
    found = [r[0] for r in conn.execute(f"select {key} from {table.name} order by {key} limit ?", [limit + 1]).fetchall()]
    return None if len(found) > limit else found


def merge_edits(full: pd.DataFrame, page_ids: list[int], edits: dict, columns: list[str]) -> tuple[pd.DataFrame, list[tuple]]:
    """Apply a data editor's edit state for one page to the full table.

    `edits` is the editor's state: edited_rows {position: {column: value}}, added_rows
    [{column: value}], deleted_rows [position], positions counted on the page whose rowids are
    `page_ids`. Returns the merged text frame (existing rows in their order, added rows last) and,
    for each of its rows, where it came from: ("row", rowid) or ("new", n), so that an error's row
    number can be shown as the record the officer sees.
    """
    merged = full.copy()
    for position, changes in (edits.get("edited_rows") or {}).items():
        rowid = page_ids[int(position)]
        for column, value in changes.items():
            if column in columns:
                merged.at[rowid, column] = cell_text(value)
    deleted = {page_ids[int(p)] for p in edits.get("deleted_rows") or []}
    merged = merged.drop(index=[r for r in deleted if r in merged.index])
    origin = [("row", int(r)) for r in merged.index]
    added = [{c: cell_text(row.get(c)) for c in columns} for row in edits.get("added_rows") or []]
    if added:
        merged = pd.concat([merged, pd.DataFrame(added, columns=columns)], ignore_index=True)
        origin += [("new", n) for n in range(1, len(added) + 1)]
    return merged.reset_index(drop=True)[columns], origin


def cell_text(value) -> str:
    """An editor cell as interchange text: checkboxes become true/false, empty cells ''."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
