"""Writes to the inventory. Every write checks the actor's role, validates with the import
models, and commits in one transaction together with its audit rows and a raised data version
(cached readers key on it)."""
from __future__ import annotations

import json

import duckdb
import pandas as pd

from inventory import audit, export, references, validation
from inventory.access import Actor, require
from inventory.errors import InventoryError, ValidationFailed
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
    types = dict(conn.execute("select column_name, data_type from duckdb_columns() "
                              "where table_name = ? and database_name = current_database()", [table.name]).fetchall())
    rows = frame[table.column_names] if frame is not None else pd.DataFrame(columns=table.column_names, dtype=object)
    conn.register("incoming", rows)
    try:
        staged = "(select " + ", ".join(f"cast({c} as {types[c]}) as {c}" for c in table.column_names) + " from incoming)"
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


def _numbered(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame.index = frame.index + 1  # rows numbered as the editor shows them
    return frame


def save_table(conn: duckdb.DuckDBPyConnection, name: str, rows: pd.DataFrame, *,
               actor: Actor | None = None, action: str = "edit") -> int:
    """Replace one table with edited text rows, validated against the rest of the inventory.

    The same models as import judge the rows, and references are checked both ways: a
    deleted category that links still name is refused, just as in a file. Only the edited
    table is read in full; the others contribute their stored IDs.
    """
    who = require(conn, actor, "editor")
    table = BY_NAME[name]
    edited = _numbered(rows.reindex(columns=table.column_names).fillna("").astype(str))
    frame = validation.validate_table(table, validation.RawTable(name, edited), references.known_ids(conn, name))
    if len(table.key) == 1:
        stored = {r[0] for r in conn.execute(f"select {table.key[0]} from {name}").fetchall()}
        broken = references.dangling(conn, table, stored - set(frame[table.key[0]]))
        if broken:
            raise ValidationFailed(broken)
    with audit.write(conn, who, action) as version:
        return _replace(conn, table, frame, who, action, version)


def _keys(table: Table, frame: pd.DataFrame) -> pd.Series:
    if not table.key:
        return pd.Series(["org"] * len(frame), index=frame.index, dtype=object)
    return frame[list(table.key)].astype(str).agg("|".join, axis=1)


def _by_key(table: Table, frame: pd.DataFrame) -> dict[str, dict]:
    frame = frame.reindex(columns=table.column_names).fillna("").astype(str)
    return dict(zip(_keys(table, frame), frame.to_dict("records")))


def apply_edits(conn: duckdb.DuckDBPyConnection, name: str, base: pd.DataFrame, edited: pd.DataFrame, *,
                actor: Actor | None = None) -> int:
    """Save what an editor changed in the rows it loaded (`base` → `edited`), merged into the
    table as it is now, so other sessions' changes to other rows survive.

    Optimistic check: if any row this editor changed or deleted is no longer as it was loaded,
    or a row it added now exists, the save is refused with the other change; nothing is lost.
    """
    require(conn, actor, "editor")
    table = BY_NAME[name]
    loaded, mine = _by_key(table, base), _by_key(table, edited)
    now = _by_key(table, export.text_frame(conn, table))
    touched = {k for k in loaded if mine.get(k) != loaded[k]} | {k for k in mine if k not in loaded}
    clashes = [k for k in sorted(touched) if now.get(k) != loaded.get(k)]
    if clashes:
        raise EditConflict(name, [_conflict(conn, name, k, loaded.get(k), now.get(k)) for k in clashes])
    merged = {k: v for k, v in now.items() if k not in touched}
    merged.update({k: mine[k] for k in touched if k in mine})
    return save_table(conn, name, pd.DataFrame(list(merged.values()), columns=table.column_names), actor=actor)


def _conflict(conn, name: str, key: str, loaded: dict | None, now: dict | None) -> dict:
    last = conn.execute("select actor, changed_at from audit_log where table_name = ? and record_key = ? "
                        "order by audit_id desc limit 1", [name, key]).fetchall()
    by, at = last[0] if last else (None, None)
    return {"key": key, "yours_loaded": loaded, "theirs_now": now, "by": by, "at": at}


def _json_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def restore_version(conn: duckdb.DuckDBPyConnection, audit_id: int, *, actor: Actor | None = None) -> int:
    """Put one record back as it was right after the audited change `audit_id` (validated)."""
    require(conn, actor, "editor")
    entry = audit.entry(conn, audit_id)
    if entry is None or entry["table_name"] not in BY_NAME:
        raise InventoryError(f"no inventory version {audit_id} / 版 {audit_id} はありません")
    table = BY_NAME[entry["table_name"]]
    rows = _by_key(table, export.text_frame(conn, table))
    after = entry["after"]
    if after is None or (isinstance(after, float) and pd.isna(after)):
        rows.pop(entry["record_key"], None)
    else:
        rows[entry["record_key"]] = {c: _json_text(v) for c, v in json.loads(after).items()}
    frame = pd.DataFrame(list(rows.values()), columns=table.column_names)
    return save_table(conn, table.name, frame, actor=actor, action="restore")


def add_row(conn: duckdb.DuckDBPyConnection, name: str, row: dict[str, str], *, actor: Actor | None = None) -> int:
    """Append one row of text cells to a table (e.g. a control added on the Controls screen).

    Judged exactly like a workspace save of the whole table, so an error in the new row is
    reported as the table's last row (current row count + 1).
    """
    current = export.text_frame(conn, BY_NAME[name])
    added = pd.DataFrame([{k: "" if v is None else str(v) for k, v in row.items()}])
    return save_table(conn, name, pd.concat([current, added], ignore_index=True), actor=actor)
