"""The audit trail: who changed what and when, written in the same transaction as the change.

A table write is audited set-based: the stored rows and the staged new rows are joined on the
table's key and every difference becomes one audit row with before and after as JSON. That
costs one join per write, not one statement per row, so a 100k-row import stays an import,
and a page save joins only the rows it replaces, so a one-row edit stays one row.
"""
from __future__ import annotations

from contextlib import contextmanager

import duckdb
import pandas as pd

from controls import rules
from inventory.access import Actor
from inventory.errors import InventoryError
from inventory.tables import Table


BUSY = ("someone else was saving at the same moment; nothing was saved — save again "
        "/ 他の利用者が同時に保存していたため保存しませんでした。もう一度保存してください")


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    try:
        conn.execute("rollback")
    except duckdb.TransactionException:  # a failed commit has already ended the transaction
        pass


@contextmanager
def write(conn: duckdb.DuckDBPyConnection, actor: Actor, action: str):
    """One transaction that raises the data version; yields the version the write produces.

    Every write updates the one inventory_state row first, so two sessions saving at once
    collide there and DuckDB refuses the second at once; that is reported as a refused save
    the person can simply repeat, not as a database error. The gap findings are recomputed
    last, in the same transaction, so what is stored always describes what is committed.
    """
    conn.execute("begin transaction")
    try:
        conn.execute("update inventory_state set data_version = data_version + 1, changed_at = now()")
        version = conn.execute("select data_version from inventory_state").fetchall()[0][0]
        yield version
        rules.store(conn, version)
        conn.execute("commit")
    except duckdb.TransactionException as exc:
        _rollback(conn)
        raise InventoryError(BUSY) from exc
    except BaseException:
        _rollback(conn)
        raise


def record(conn, actor: Actor, action: str, table: str, key: str, change: str,
           before: str | None, after: str | None, version: int) -> None:
    conn.execute("insert into audit_log (changed_at, actor, action, table_name, record_key, change, before, after, data_version) "
                 "values (now(), ?, ?, ?, ?, ?, ?, ?, ?)", [actor.name, action, table, key, change, before, after, version])


def key_sql(table: Table, alias: str) -> str:
    """The record key as text: the ID, both IDs of a link ('a|b'), or 'org' for the organization."""
    if not table.key:
        return "'org'"
    return " || '|' || ".join(f"{alias}.{k}" for k in table.key)


def record_diff(conn: duckdb.DuckDBPyConnection, table: Table, staged: str, actor: Actor, action: str, version: int,
                where: str = "true", params: list | tuple = ()) -> int:
    """Audit every difference between the rows of `table` that match `where` (bound `params`;
    all rows by default) and the staged relation of their next content. A save of a few rows
    passes the keys it replaces, so the join reads those rows, not the table."""
    cols = table.column_names
    old, new = key_sql(table, "o"), key_sql(table, "n")
    join = " and ".join(f"o.{k} = n.{k}" for k in table.key) or "true"
    as_json = lambda alias: "to_json(struct_pack(" + ", ".join(f"{c} := {alias}.{c}" for c in cols) + "))"
    row = lambda alias: "row(" + ", ".join(f"{alias}.{c}" for c in cols) + ")"
    sql = f"""
        insert into audit_log (changed_at, actor, action, table_name, record_key, change, before, after, data_version)
        select now(), ?, ?, ?, case when o._present then {old} else {new} end,
               case when o._present is null then 'insert' when n._present is null then 'delete' else 'update' end,
               case when o._present then {as_json("o")} end,
               case when n._present then {as_json("n")} end, ?
        from (select *, true as _present from {table.name} where {where}) o
        full join (select *, true as _present from {staged}) n on {join}
        where o._present is null or n._present is null or {row("o")} is distinct from {row("n")}"""
    return conn.execute(sql, [actor.name, action, table.name, version, *params]).fetchall()[0][0]


def history(conn: duckdb.DuckDBPyConnection, table: str, key: str) -> pd.DataFrame:
    """Every recorded version of one record, newest first."""
    return conn.execute(
        "select audit_id, changed_at, actor, action, change, before, after from audit_log "
        "where table_name = ? and record_key = ? order by audit_id desc", [table, key]).df()


def entries(conn: duckdb.DuckDBPyConnection, *, table: str | None = None, actor: str | None = None,
            limit: int = 200, offset: int = 0) -> pd.DataFrame:
    """A page of the global audit trail, newest first, optionally filtered."""
    return conn.execute(
        "select audit_id, changed_at, actor, action, table_name, record_key, change, before, after from audit_log "
        "where (? is null or table_name = ?) and (? is null or actor = ?) "
        "order by audit_id desc limit ? offset ?", [table, table, actor, actor, limit, offset]).df()


def entry(conn: duckdb.DuckDBPyConnection, audit_id: int) -> dict | None:
    rows = conn.execute("select table_name, record_key, before, after, actor, changed_at from audit_log where audit_id = ?",
                        [audit_id]).df()
    return None if rows.empty else rows.iloc[0].to_dict()
