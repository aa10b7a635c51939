"""References between stored tables, for saving one table without re-reading the inventory.

A workspace save validates the edited table against the IDs stored in the others, and a row
that removes an ID is refused while other rows still name it — the two directions an import
checks by validating every table together, at the cost of a few key scans instead of all rows.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.errors import CellError
from inventory.tables import SCOPE_KINDS, TABLES, Table

PARTY_TYPES = {"processors": "processor", "recipients": "recipient"}


def known_ids(conn: duckdb.DuckDBPyConnection, skip: str) -> dict[str, set[str]]:
    """The stored IDs of every keyed table except `skip`."""
    return {t.name: {r[0] for r in conn.execute(f"select {t.key[0]} from {t.name}").fetchall()}
            for t in TABLES if len(t.key) == 1 and t.name != skip}


def _order(table: Table) -> str:
    return ", ".join(table.key) if table.key else ", ".join(table.column_names)


def dangling(conn: duckdb.DuckDBPyConnection, target: Table, removed: set[str]) -> list[CellError]:
    """Rows of other tables that still name one of the `removed` IDs of `target`."""
    if not removed:
        return []
    conn.register("removed_ids", pd.DataFrame({"id": sorted(removed)}, dtype=object))
    errors = []
    message = f"no such ID in {target.name} / {target.name} に存在しないIDです"
    try:
        for table in TABLES:
            numbered = f"(select *, row_number() over (order by {_order(table)}) as rn from {table.name})"
            for col in table.columns:
                if col.kind == "ref" and col.ref == target.name:
                    where, params = f"{col.name} in (select id from removed_ids)", []
                elif col.kind == "scope" and target.name in SCOPE_KINDS.values():
                    prefix = next(k for k, v in SCOPE_KINDS.items() if v == target.name)
                    where = "split_part(scope, ':', 1) = ? and substr(scope, length(?) + 2) in (select id from removed_ids)"
                    params = [prefix, prefix]
                elif table.name == "transfers" and col.name == "party_id" and target.name in PARTY_TYPES:
                    where, params = "party_type = ? and party_id in (select id from removed_ids)", [PARTY_TYPES[target.name]]
                else:
                    continue
                sql = f"select rn, {col.name} from {numbered} where {where} order by rn"
                for rn, value in conn.execute(sql, params).fetchall():
                    errors.append(CellError(table.name, int(rn), col.name, value, message))
    finally:
        conn.unregister("removed_ids")
    return errors
