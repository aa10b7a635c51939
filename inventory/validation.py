"""From raw text frames to typed frames, or a complete list of what is wrong.

Every write path goes through the same models: an import validates whole tables together
(`validate`); a save of a few rows (workspace page, restore, added row) judges just those rows
with `check_rows`, given the IDs they name as looked up in the stored tables. So a value that an
import would refuse can never be typed into the editor either.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from controls.catalog import measures
from inventory import models
from inventory.export import unescape_formulas
from inventory.errors import CellError, ValidationFailed
from inventory.tables import BY_NAME, TABLES, Table


@dataclass
class RawTable:
    """A table as read from a file: every cell a string, index = row number in that file."""

    label: str  # how errors name the file: "categories.csv" or "book.xlsx[categories]"
    frame: pd.DataFrame


MSG_DUPLICATE_LINK = "duplicate link / 同じ組み合わせが重複しています"
MSG_STORED_ID = "duplicate ID: already in the table / このIDは既に登録されています"
MSG_STORED_LINK = "duplicate link: already in the table / この組み合わせは既に登録されています"


def normalize(table: Table, frame: pd.DataFrame, *, from_file: bool = True) -> pd.DataFrame:
    """Trim cells and fold the spellings the format accepts (country case, UK, enum case).

    The `'` that our exports put before a formula-like cell is removed only from files: what an
    officer types in the editor (or a stored `'=x` shown there) is taken as it stands.
    """
    frame = frame.fillna("").astype(str).apply(lambda s: s.str.strip())
    if from_file:
        frame = frame.apply(unescape_formulas)
    frame.columns = [str(c).strip() for c in frame.columns]
    for col in table.columns:
        if col.name not in frame.columns:
            if not col.required:  # an absent optional column is an empty one, so row checks still run
                frame[col.name] = ""
            continue
        if col.kind == "country":
            frame[col.name] = frame[col.name].str.upper().replace(models.COUNTRY_ALIASES)
        elif col.kind == "enum":
            frame[col.name] = frame[col.name].str.upper() if col.name == "domain" else frame[col.name].str.lower()
    return frame


def _reference_sets(raw: dict[str, RawTable]) -> dict[str, set[str]]:
    refs = {}
    for table in TABLES:
        if len(table.key) == 1 and table.name in raw:
            refs[table.name] = set(raw[table.name].frame.get(table.key[0], pd.Series(dtype=str)))
    return refs


def _cell_errors(label: str, frame: pd.DataFrame, exc: pa.errors.SchemaErrors) -> list[CellError]:
    errors = []
    for case in exc.failure_cases.itertuples(index=False):
        if case.check == "column_in_schema":
            errors.append(CellError(label, 1, str(case.failure_case), str(case.failure_case),
                                    "unknown column / 不明な列です"))
        elif case.check == "column_in_dataframe":
            errors.append(CellError(label, 1, str(case.failure_case), None,
                                    "required column is missing / 必須の列がありません"))
        else:
            row = None if pd.isna(case.index) else int(case.index)
            message = models.MSG_UNIQUE if case.check == "field_uniqueness" else str(case.check)
            value = None if row is None else str(frame.at[row, case.column])
            errors.append(CellError(label, row, case.column, value, message))
    return errors


def too_many_rows(table: Table, label: str, rows: int) -> list[CellError]:
    if table.max_rows is None or rows <= table.max_rows:
        return []
    return [CellError(label, None, None, None, f"at most {table.max_rows} row(s) allowed / 最大 {table.max_rows} 行です")]


def check_rows(table: Table, item: RawTable, refs: dict[str, set[str]]) -> list[CellError]:
    """The model's errors in some normalized rows of one table, references resolved against
    exactly `refs` (a save of a few rows brings the IDs they name; see references.resolvable)."""
    try:
        models.schema(table, item.frame, refs, set(measures()["measure_id"])).validate(item.frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _cell_errors(item.label, item.frame, exc)
    return []


def check(raw: dict[str, RawTable]) -> list[CellError]:
    """Every error in a set of whole tables validated together (references resolve among them)."""
    refs = _reference_sets(raw)
    errors: list[CellError] = []
    for table in TABLES:
        if table.name in raw:
            item = raw[table.name]
            errors += too_many_rows(table, item.label, len(item.frame)) + check_rows(table, item, refs)
    return errors


def duplicate_keys(table: Table, label: str, keys: pd.Series, frame: pd.DataFrame,
                   stored: set[tuple[str, ...]] = frozenset()) -> list[CellError]:
    """Rows whose key (a tuple per row of `frame`) repeats among them or is already `stored`:
    an ID twice, or a link twice. Blamed on the last key column, as the models blame an ID."""
    column = table.key[-1]
    repeated = keys.duplicated(keep=False)
    errors = []
    for row, key in keys.items():
        if repeated[row] or key in stored:
            message = (MSG_DUPLICATE_LINK if table.link else models.MSG_UNIQUE) if repeated[row] else \
                (MSG_STORED_LINK if table.link else MSG_STORED_ID)
            errors.append(CellError(label, row, column, str(frame.at[row, column]), message))
    return errors


def _typed_column(col, s: pd.Series) -> pd.Series:
    empty = s == ""
    if col.kind == "bool":
        return s.str.lower().isin(models.TRUE_WORDS).where(~empty, bool(col.default)).astype(bool)
    if col.kind == "int":
        filled = s.where(~empty, None if col.default is None else str(col.default))
        return pd.to_numeric(filled, errors="raise").astype("Int64")
    if col.kind == "date":
        return pd.to_datetime(s.where(~empty), format="%Y-%m-%d")  # NaT where empty; DuckDB casts to DATE
    return s.where(~empty, col.default)  # stays Arrow text, which DuckDB scans without Python objects


def typed(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A validated raw frame as the database stores it; absent columns take their defaults."""
    out = {}
    for col in table.columns:
        s = frame[col.name] if col.name in frame.columns else pd.Series("", index=frame.index, dtype=object)
        out[col.name] = _typed_column(col, s.astype(str))
    result = pd.DataFrame(out, index=frame.index)
    if table.link:
        result = result.drop_duplicates()
    return result.reset_index(drop=True)


def validate(raw: dict[str, RawTable]) -> dict[str, pd.DataFrame]:
    """Typed frames for every table, absent tables empty; raises ValidationFailed with all errors."""
    raw = {name: RawTable(item.label, normalize(BY_NAME[name], item.frame)) for name, item in raw.items()}
    errors = check(raw)
    if errors:
        raise ValidationFailed(errors)
    empty = pd.DataFrame(dtype=str)
    return {t.name: typed(t, raw[t.name].frame if t.name in raw else empty) for t in TABLES}
