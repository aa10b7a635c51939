"""A save of a few rows as a change set: judged and written without reading the rest of the table.

The workspace editor holds one page of a table as loaded and as edited. Keyed by record key, the
two give the change set: rows to write (new or changed) and loaded keys to delete (gone from the
page, or rewritten). Only the rows to write go through the pandera models. What they would need
the whole table for is asked of DuckDB with the keys bound as parameters — a key already stored
elsewhere, whether the IDs they name exist, which rows still name an ID the save removes — so a
save costs the rows changed plus a few key scans, whether the table holds fifty rows or a million.

Errors are numbered as the page numbers its rows (1 = the page's first row), and a refusal
carries where each error is, so the editor needs no second validation pass to point at them.
A table without a key (the organization, at most one row) is one record: any change rewrites it.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from inventory import audit, export, references, validation
from inventory.access import Actor
from inventory.errors import CellError, InventoryError, ValidationFailed
from inventory.tables import Table

Key = tuple[str, ...]
NO_KEY: Key = ("org",)


@dataclass(frozen=True)
class Located:
    """A validation error placed where the officer can find it: a row of the page they edited
    (0-based), or a stored record named by its key (in the table the error names)."""

    error: CellError
    page_row: int | None
    key: str | None


class PageRefused(ValidationFailed):
    """A refused save: every error, and where each one is (`located`, in the errors' order)."""

    def __init__(self, located: list[Located]):
        unique = sorted(set(located), key=lambda x: (x.error.file, x.error.row or 0, x.error.column or "",
                                                       x.error.message, x.key or ""))
        super().__init__([x.error for x in unique])
        self.located = unique


def row_key(table: Table, row: dict) -> Key:
    return tuple(str(row.get(k, "")) for k in table.key) if table.key else NO_KEY


def key_text(key: Key) -> str:
    """A record key as the audit trail spells it: the ID, 'a|b' for a link, 'org'."""
    return "|".join(key)


def text(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows as the store compares them: the table's columns in order, text cells, '' for empty."""
    return frame.reindex(columns=table.column_names).fillna("").astype(str).reset_index(drop=True)


@dataclass
class Changes:
    table: Table
    loaded: dict[Key, dict]  # the page as loaded, by key: what a conflict is measured against
    page: pd.DataFrame  # the edited page, normalized; index = page row number
    page_keys: pd.Series  # each page row's key (as stored if the row is unchanged)
    rows: pd.DataFrame  # the rows to write: page rows that are new or changed
    gone: list[Key]  # loaded keys the save deletes: no longer on the page, or rewritten
    removed: list[Key]  # loaded keys no longer on the page at all (their IDs leave the table)
    first_row: int

    @property
    def empty(self) -> bool:
        return self.rows.empty and not self.gone

    @property
    def row_keys(self) -> list[Key]:
        return list(self.page_keys.loc[self.rows.index])


def diff(table: Table, base: pd.DataFrame, edited: pd.DataFrame, first_row: int = 1) -> Changes:
    """The change from `base` (rows as loaded) to `edited` (the same rows as edited, in page order).

    A row identical to the row loaded under its key is untouched and never rewritten, so an
    edit elsewhere on the page cannot re-normalize it; every other row (and any row whose key
    repeats on the page, so that the repeat is refused rather than dropped) is normalized,
    keyed by its normalized key, and judged for writing.
    """
    base, edited = text(table, base), text(table, edited)
    edited.index = edited.index + first_row
    page = validation.normalize(table, edited.copy(), from_file=False)[table.column_names]
    if not table.key:
        loaded = {NO_KEY: r for r in base.to_dict("records")}
        same = base.to_dict("records") == edited.to_dict("records")
        rows = page.iloc[:0] if same else page
        return Changes(table, loaded, page, pd.Series([NO_KEY] * len(page), index=page.index, dtype=object),
                       rows, [] if same else list(loaded), [], first_row)
    loaded = {row_key(table, r): r for r in base.to_dict("records")}
    raw, normal = edited.to_dict("index"), page.to_dict("index")
    same = {i for i, r in raw.items() if loaded.get(row_key(table, r)) == r}
    keys = pd.Series({i: row_key(table, raw[i] if i in same else normal[i]) for i in raw}, dtype=object)
    untouched = same - set(keys[keys.duplicated(keep=False)].index)  # a repeated key is judged, not dropped
    rows = page.loc[[i for i in page.index if i not in untouched]]
    written, on_page = set(keys.loc[rows.index]), set(keys)
    removed = [k for k in loaded if k not in on_page]
    gone = removed + [k for k in loaded if k in written]
    return Changes(table, loaded, page, keys, rows, gone, removed, first_row)


def current(conn: duckdb.DuckDBPyConnection, table: Table, keys: list[Key]) -> dict[Key, dict]:
    """The stored rows with these keys as text cells (spelled as a page is), read by bound key."""
    if not keys:
        return {}
    where, params = references.key_filter(table, keys, "t")
    found = conn.execute(f"select {export.text_columns(table)} from {table.name} t where {where}", params).fetchall()
    rows = [dict(zip(table.column_names, values)) for values in found]
    return {row_key(table, r): r for r in rows}


def _locate(changes: Changes, error: CellError) -> Located:
    on_page = error.file == changes.table.name and error.row is not None
    return Located(error, error.row - changes.first_row if on_page else None, None)


def judge(conn: duckdb.DuckDBPyConnection, changes: Changes) -> pd.DataFrame:
    """The rows to write as typed rows, or PageRefused with every error.

    The rows are judged by the same models as an import; their references resolve against the
    IDs that will exist after the save; a key may not repeat on the page nor match a stored row
    the save keeps; the table's row limit holds; and no row that stays may name a removed ID.
    """
    table, rows = changes.table, changes.rows
    single = len(table.key) == 1
    gone_ids = {k[0] for k in changes.gone} if single else set()
    written_ids = {k[0] for k in changes.row_keys} if single else set()
    refs = references.resolvable(conn, table, rows, gone_ids, written_ids)
    errors = validation.check_rows(table, validation.RawTable(table.name, rows), refs)
    if table.key:
        stored = references.stored_keys(conn, table, sorted(set(changes.row_keys) - set(changes.gone)))
        errors += validation.duplicate_keys(table, table.name, changes.page_keys, changes.page, stored)
    if table.max_rows is not None:
        count = conn.execute(f"select count(*) from {table.name}").fetchall()[0][0]
        errors += validation.too_many_rows(table, table.name, count - len(changes.gone) + len(rows))
    located = [_locate(changes, e) for e in errors]
    if single:
        removed = {k[0] for k in changes.removed} - written_ids
        located += [Located(e, None, key) for e, key in references.dangling(conn, table, removed, gone_ids)]
    if located:
        raise PageRefused(located)
    return validation.typed(table, rows)


def staged(conn: duckdb.DuckDBPyConnection, table: Table, view: str) -> str:
    """A relation of the registered frame `view`, cast to the table's column types."""
    types = dict(conn.execute("select column_name, data_type from duckdb_columns() "
                              "where table_name = ? and database_name = current_database()", [table.name]).fetchall())
    return "(select " + ", ".join(f"cast({c} as {types[c]}) as {c}" for c in table.column_names) + f" from {view})"


def write(conn: duckdb.DuckDBPyConnection, changes: Changes, rows: pd.DataFrame, actor: Actor, action: str,
          version: int) -> int:
    """Inside the caller's transaction: audit, delete the gone keys, insert the rows; the number
    of records that changed. Counts are checked, so a short write fails the whole save."""
    table = changes.table
    where, params = references.key_filter(table, changes.gone, table.name)
    count = f"select count(*) from {table.name}"
    before = conn.execute(count).fetchall()[0][0]
    conn.register("incoming", rows[table.column_names])
    try:
        relation = staged(conn, table, "incoming")
        changed = audit.record_diff(conn, table, relation, actor, action, version, where, params)
        deleted = conn.execute(f"delete from {table.name} where {where}", params).fetchall()[0][0]
        inserted = conn.execute(f"insert into {table.name} ({', '.join(table.column_names)}) "
                                f"select * from {relation}").fetchall()[0][0] if len(rows) else 0
    finally:
        conn.unregister("incoming")
    after = conn.execute(count).fetchall()[0][0]
    if (table.key and deleted != len(changes.gone)) or inserted != len(rows) or after != before - deleted + inserted:
        raise InventoryError(f"{table.name}: deleted {deleted} of {len(changes.gone)} and wrote {inserted} of {len(rows)} "
                             f"rows; nothing was saved / 書き込み件数が一致しないため保存しませんでした")
    return changed
