"""Writes to the inventory. Every write checks the actor's role, validates with the import
models, and commits in one transaction together with its audit rows and a raised data version
(cached readers key on it).

An import replaces every table. Everything else — a page saved in the workspace, a whole table
saved, a version restored, a row added — is a change set (edits.py): only the rows it adds,
changes or removes are judged and written, so its cost follows the rows changed, not the table.
"""
from __future__ import annotations

import json
from collections.abc import Callable

import duckdb
import pandas as pd

from inventory import audit, edits, export
from inventory.access import Actor, require
from inventory.errors import InventoryError
from inventory.tables import BY_NAME, TABLES, Table


class EditConflict(InventoryError):
    """Rows this editor changed were changed by someone else since they were loaded."""

    def __init__(self, table: str, conflicts: list[dict]):
        self.table = table
        self.conflicts = conflicts  # each: key, yours_loaded (dict), theirs_now (dict | None), by, at
        lines = []
        for c in conflicts:
            who = f" by {c['by']} at {c['at']}" if c.get("by") else ""
            now = "deleted" if c["theirs_now"] is None else json.dumps(c["theirs_now"], ensure_ascii=False)
            lines.append(f"{table} {c['key']}: changed{who} to {now}")
        super().__init__("someone else changed the same rows since you loaded them; nothing was saved — reload "
                         "and apply your edit again / 読み込み後に他の利用者が同じ行を変更したため保存しませんでした。"
                         "再読み込みしてからもう一度編集してください\n" + "\n".join(lines))


def data_version(conn: duckdb.DuckDBPyConnection) -> int:
    return conn.execute("select data_version from inventory_state").fetchall()[0][0]


def _replace(conn: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame | None,
             actor: Actor, action: str, version: int) -> int:
    """Audit the difference between the table and its next content, then swap the content in.

    The next content is read straight from the registered frame, cast to the table's types.
    (Staging it in a TEMP table first lost every row past DuckDB 2.0's first row group inside
    the transaction: 150k-row tables came out empty. The count check below guards the class.)
    """
    cols = ", ".join(table.column_names)
    rows = frame[table.column_names] if frame is not None else pd.DataFrame(columns=table.column_names, dtype=object)
    conn.register("incoming", rows)
    try:
        staged = edits.staged(conn, table, "incoming")
        audit.record_diff(conn, table, staged, actor, action, version)
        conn.execute(f"delete from {table.name}")
        conn.execute(f"insert into {table.name} ({cols}) select * from {staged}")
    finally:
        conn.unregister("incoming")
    stored = conn.execute(f"select count(*) from {table.name}").fetchall()[0][0]
    if stored != len(rows):
        raise InventoryError(f"{table.name}: wrote {stored} rows instead of {len(rows)}; nothing was saved "
                             f"/ 書き込み件数が一致しないため保存しませんでした")
    return len(rows)


def replace_all(conn: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame], *,
                actor: Actor | None = None, action: str = "import") -> dict[str, int]:
    """Replace the whole inventory with validated typed frames: all tables or none.

    There are no foreign keys (see migration 0001), so deleting parents and children in the
    same transaction is allowed; references were checked by validation before we got here.
    """
    who = require(conn, actor, "editor" if action == "import" else "admin")
    with audit.write(conn, who, action) as version:
        return {t.name: _replace(conn, t, frames.get(t.name), who, action, version) for t in TABLES}


def _conflicts(conn: duckdb.DuckDBPyConnection, changes: edits.Changes) -> None:
    """EditConflict if a row the save deletes or rewrites is no longer as it was loaded."""
    table = changes.table
    now = edits.current(conn, table, changes.gone)
    clashes = [k for k in sorted(changes.gone) if now.get(k) != changes.loaded[k]]
    if clashes:
        raise EditConflict(table.name, [_conflict(conn, table.name, edits.key_text(k), changes.loaded[k], now.get(k))
                                        for k in clashes])


def _conflict(conn, name: str, key: str, loaded: dict | None, now: dict | None) -> dict:
    last = conn.execute("select actor, changed_at from audit_log where table_name = ? and record_key = ? "
                        "order by audit_id desc limit 1", [name, key]).fetchall()
    by, at = last[0] if last else (None, None)
    return {"key": key, "yours_loaded": loaded, "theirs_now": now, "by": by, "at": at}


def _save(conn: duckdb.DuckDBPyConnection, who: Actor, action: str, changes_of: Callable[[], edits.Changes], *,
          optimistic: bool = False) -> int:
    """One change set in one transaction: conflicts (when `optimistic`), judgement, audit, write.

    The change set is made inside the transaction, so what it is measured against (the stored
    rows a restore or a whole-table save starts from) cannot move before it is written.
    """
    with audit.write(conn, who, action) as version:
        changes = changes_of()
        if optimistic:
            _conflicts(conn, changes)
        rows = edits.judge(conn, changes)
        return edits.write(conn, changes, rows, who, action, version)


def apply_edits(conn: duckdb.DuckDBPyConnection, name: str, base: pd.DataFrame, edited: pd.DataFrame, *,
                actor: Actor | None = None) -> int:
    """Save what an editor changed in the rows it loaded (`base` → `edited`, one page of text
    rows): only those rows are judged and written, so other sessions' changes to other rows
    survive and the cost does not grow with the table. Returns the number of records changed.

    Optimistic check: if any row this editor changed or deleted is no longer as it was loaded,
    the save is refused with the other change; nothing is lost. A row it added whose ID is
    stored meanwhile is refused as a duplicate ID. Errors are edits.PageRefused, numbered by
    page row (1 = the page's first row) and located for the editor.
    """
    who = require(conn, actor, "editor")
    changes = edits.diff(BY_NAME[name], base, edited)
    if changes.empty:
        return 0
    return _save(conn, who, "edit", lambda: changes, optimistic=True)


def save_table(conn: duckdb.DuckDBPyConnection, name: str, rows: pd.DataFrame, *,
               actor: Actor | None = None, action: str = "edit") -> int:
    """Make one table hold exactly `rows` (text cells), validated against the rest of the inventory.

    Measured against the table as stored, so only rows that differ are judged and written; errors
    name rows by their position in `rows` (from 1). References are checked both ways: a deleted
    category that links still name is refused, just as in a file.
    """
    who = require(conn, actor, "editor")
    table = BY_NAME[name]
    return _save(conn, who, action, lambda: edits.diff(table, export.text_frame(conn, table), rows))


def _json_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fields(value) -> dict | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return {c: _json_text(v) for c, v in json.loads(value).items()}


def restore_version(conn: duckdb.DuckDBPyConnection, audit_id: int, *, actor: Actor | None = None) -> int:
    """Put one record back as it was right after the audited change `audit_id` (validated like
    an edit of that one record: only it is read, judged and written)."""
    who = require(conn, actor, "editor")
    entry = audit.entry(conn, audit_id)
    if entry is None or entry["table_name"] not in BY_NAME:
        raise InventoryError(f"no inventory version {audit_id} / 版 {audit_id} はありません")
    table = BY_NAME[entry["table_name"]]
    after = _fields(entry["after"])
    key = edits.row_key(table, after or _fields(entry["before"]) or {})

    def changes() -> edits.Changes:
        now = export.text_frame(conn, table) if not table.key else \
            pd.DataFrame(list(edits.current(conn, table, [key]).values()), columns=table.column_names)
        return edits.diff(table, now, pd.DataFrame([after] if after is not None else [], columns=table.column_names))

    return _save(conn, who, "restore", changes)


def add_row(conn: duckdb.DuckDBPyConnection, name: str, row: dict[str, str], *, actor: Actor | None = None) -> int:
    """Append one row of text cells to a table (e.g. a control added on the Controls screen).

    Judged like a page save that adds one row: an ID already stored is a duplicate, and the
    row's errors are numbered as row 1.
    """
    who = require(conn, actor, "editor")
    table = BY_NAME[name]
    added = pd.DataFrame([{k: "" if v is None else str(v) for k, v in row.items()}])
    return _save(conn, who, "edit", lambda: edits.diff(table, pd.DataFrame(columns=table.column_names), added))
