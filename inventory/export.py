"""Writing the inventory in the interchange format: a CSV folder (UTF-8 with BOM) or an .xlsx.

Values are written in their canonical spelling (true/false, ISO dates, plain digits), so that
export → import → export gives identical files.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from inventory.tables import TABLES, Table

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(s: pd.Series) -> pd.Series:
    rest = s.str.lstrip("'")
    return rest.str[:1].isin(FORMULA_TRIGGERS) & (rest != "")


def escape_formulas(s: pd.Series) -> pd.Series:
    """Prefix ' to cells a spreadsheet would run as a formula (CSV/formula injection).

    Cells that already start with ' before a trigger get one more, so that `unescape_formulas`
    on import gives back exactly what was stored: export → import stays lossless.
    """
    return s.where(~_needs_guard(s), "'" + s)


def unescape_formulas(s: pd.Series) -> pd.Series:
    quoted = s.str.startswith("'")
    if not quoted.any():  # nearly every column of an import: skip the costlier guard test
        return s
    return s.where(~(quoted & _needs_guard(s)), s.str[1:])


def file_frames(conn: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every table as the cells written to a file: text, with formula triggers escaped."""
    return {name: frame.apply(escape_formulas) if not frame.empty else frame
            for name, frame in text_frames(conn).items()}


def text_columns(table: Table) -> str:
    """The select list of a table as text cells: DuckDB's cast spells booleans (true/false),
    dates (ISO) and integers (plain digits) canonically, and NULL becomes ''. Done in SQL, since
    a per-cell Python call costs seconds on a million-row table."""
    return ", ".join(f"coalesce(cast({c} as varchar), '') as {c}" for c in table.column_names)


def text_frame(conn: duckdb.DuckDBPyConnection, table: Table) -> pd.DataFrame:
    """One table as text cells, exactly as they are written to a file, in key order."""
    order = ", ".join(table.key) if table.key else ", ".join(table.column_names)
    frame = conn.execute(f"select {text_columns(table)} from {table.name} order by {order}").df()
    return frame.astype(str) if not frame.empty else pd.DataFrame({c: pd.Series(dtype=str) for c in table.column_names})


def text_frames(conn: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every table as text cells."""
    return {table.name: text_frame(conn, table) for table in TABLES}


def write_csv_folder(conn: duckdb.DuckDBPyConnection, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in file_frames(conn).items():
        path = dest / f"{name}.csv"
        # Written beside the target and renamed, so a crash never leaves a half file.
        fd, tmp = tempfile.mkstemp(dir=dest, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            frame.to_csv(fh, index=False, lineterminator="\r\n")
        os.replace(tmp, path)
        written.append(path)
    return written


def write_xlsx(conn: duckdb.DuckDBPyConnection, dest: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    def literal(sheet, value: str):
        # Escaped values still start with ', but every cell is also typed text, never a formula.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    book = Workbook(write_only=True)
    for name, frame in file_frames(conn).items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append([literal(sheet, v) for v in row])
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, suffix=".xlsx.tmp")
    os.close(fd)
    book.save(tmp)
    os.replace(tmp, dest)
    return dest


def export(conn: duckdb.DuckDBPyConnection, dest: str | Path) -> Path:
    """To an .xlsx when dest ends in .xlsx, else to a folder of CSVs."""
    dest = Path(dest)
    if dest.suffix.lower() == ".xlsx":
        return write_xlsx(conn, dest)
    write_csv_folder(conn, dest)
    return dest
