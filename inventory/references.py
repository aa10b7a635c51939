"""References between stored tables, for saving a few rows without re-reading the inventory.

A workspace save judges only the rows it writes, so the two directions an import checks by
validating every table together become lookups in SQL: the IDs the written rows name must be
stored (or written by the same save), and an ID the save removes must not be named by any row
that stays. Each is a key scan with the IDs bound as one list parameter, never a million IDs
loaded into Python sets.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.errors import CellError
from inventory.tables import BY_NAME, SCOPE_KINDS, TABLES, Table

PARTY_TYPES = {"processors": "processor", "recipients": "recipient"}


def key_filter(table: Table, keys, alias: str) -> tuple[str, list]:
    """A condition on rows of `table` (named `alias`) whose key is one of `keys` (tuples of text),
    and its parameters: one bound list per key column. A table without a key is one record."""
    keys = list(keys)
    if not table.key:
        return ("true" if keys else "false"), []
    columns = ", ".join(f"unnest(?::varchar[]) as {k}" for k in table.key)
    on = " and ".join(f"{alias}.{k} = g.{k}" for k in table.key)
    return f"exists (select 1 from (select {columns}) g where {on})", [[k[i] for k in keys] for i in range(len(table.key))]


def stored_keys(conn: duckdb.DuckDBPyConnection, table: Table, keys) -> set[tuple[str, ...]]:
    """Which of `keys` are stored in `table`."""
    if not table.key or not keys:
        return set()
    where, params = key_filter(table, keys, "t")
    sql = f"select {', '.join(table.key)} from {table.name} t where {where}"
    return {tuple(r) for r in conn.execute(sql, params).fetchall()}


def _wanted(table: Table, frame: pd.DataFrame) -> dict[str, set[str]]:
    """The IDs each other table must hold for `frame`'s references to resolve."""
    wanted: dict[str, set[str]] = {}
    for col in table.columns:
        values = frame[col.name][frame[col.name] != ""] if col.name in frame.columns else pd.Series(dtype=str)
        if col.kind == "ref":
            wanted.setdefault(col.ref, set()).update(values)
        elif col.kind == "scope":
            kind, ident = values.str.split(":", n=1).str[0], values.str.split(":", n=1).str[1].fillna("")
            for prefix, target in SCOPE_KINDS.items():
                wanted.setdefault(target, set()).update(ident[kind == prefix])
        elif table.name == "transfers" and col.name == "party_id":
            for target in PARTY_TYPES:
                wanted.setdefault(target, set()).update(values)
    return wanted


def resolvable(conn: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame,
               gone: set[str], written: set[str]) -> dict[str, set[str]]:
    """The IDs `frame` (rows about to be written to `table`) names that will exist after the save.

    Other tables answer from their stored keys. `table` itself answers from its stored keys less
    the `gone` ones (deleted or rewritten by the save) plus the `written` ones, so a processor may
    name a parent added on the same page and may not name one deleted on it.
    """
    refs = {}
    for target, values in _wanted(table, frame).items():
        found = {k[0] for k in stored_keys(conn, BY_NAME[target], [(v,) for v in sorted(values)])}
        refs[target] = (found - gone) | written if target == table.name else found
    return refs


def _order(table: Table) -> str:
    return ", ".join(table.key) if table.key else ", ".join(table.column_names)


def _naming(table: Table, target: Table, col) -> tuple[str, list] | None:
    """The condition under which a row of `table` names one of the `removed_ids` through `col`."""
    if col.kind == "ref" and col.ref == target.name:
        return f"{col.name} in (select id from removed_ids)", []
    if col.kind == "scope" and target.name in SCOPE_KINDS.values():
        prefix = next(k for k, v in SCOPE_KINDS.items() if v == target.name)
        return "split_part(scope, ':', 1) = ? and substr(scope, length(?) + 2) in (select id from removed_ids)", [prefix, prefix]
    if table.name == "transfers" and col.name == "party_id" and target.name in PARTY_TYPES:
        return "party_type = ? and party_id in (select id from removed_ids)", [PARTY_TYPES[target.name]]
    return None


def dangling(conn: duckdb.DuckDBPyConnection, target: Table, removed: set[str],
             replaced: set[str] = frozenset()) -> list[tuple[CellError, str]]:
    """Rows of any table that still name one of the `removed` IDs of `target`, each with its
    record key. Rows of `target` itself whose key is in `replaced` are deleted or rewritten by
    the same save (rewritten rows have their new references judged with the written rows), so
    they do not count: a processor and its re-consignee may be deleted together.

    The row number (in key order, as export writes the table) costs a window over the whole
    table, so it is computed only for a table where a match was found: a refused save.
    """
    if not removed:
        return []
    message = f"no such ID in {target.name} / {target.name} に存在しないIDです"
    conn.register("removed_ids", pd.DataFrame({"id": sorted(removed)}, dtype=object))
    found = []
    try:
        for table in TABLES:
            for col in table.columns:
                naming = _naming(table, target, col)
                if naming is None:
                    continue
                where, params = naming
                if table.name == target.name and replaced:
                    where, params = f"({where}) and {target.key[0]} not in (select unnest(?::varchar[]))", \
                        [*params, sorted(replaced)]
                if not conn.execute(f"select count(*) from {table.name} where {where}", params).fetchall()[0][0]:
                    continue
                record = " || '|' || ".join(table.key) if table.key else "'org'"
                numbered = f"(select *, row_number() over (order by {_order(table)}) as rn from {table.name})"
                sql = f"select rn, {col.name}, {record} from {numbered} where {where} order by rn"
                for rn, value, key in conn.execute(sql, params).fetchall():
                    found.append((CellError(table.name, int(rn), col.name, value, message), key))
    finally:
        conn.unregister("removed_ids")
    return found
