"""Reads of the inventory as pandas frames: what export and pages consume."""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.tables import Table


def table_frame(conn: duckdb.DuckDBPyConnection, table: Table) -> pd.DataFrame:
    """All rows of one table in interchange column order, sorted by key for stable output."""
    cols = ", ".join(table.column_names)
    order = ", ".join(table.key) if table.key else cols
    return conn.execute(f"select {cols} from {table.name} order by {order}").df()
