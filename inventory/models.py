"""pandera models of the interchange tables: the one place where cell values are judged.

Import, the workspace editor and every other write validate raw text frames (index = row
number in the file) with these schemas. Checks are vectorised so a 100k-row link table costs
a few column operations, not 100k Python calls. Reference checks need the IDs of the other
tables, so a schema is built per validation from the frames being validated together.
"""
from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.compute as pc
import pycountry

from inventory.tables import SCOPE_KINDS, Col, Table

TRUE_WORDS = {"true", "yes", "1", "○", "〇", "◯"}
FALSE_WORDS = {"false", "no", "0", "×", "✕", "✖"}
COUNTRY_ALIASES = {"UK": "GB"}
COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

MAX_CELL = 10_000  # characters; a ledger cell longer than this is a paste accident, not data
MSG_REQUIRED = "required value is empty / 必須項目が空です"
MSG_UNIQUE = "duplicate ID / IDが重複しています"


def isin(s: pd.Series, values) -> pd.Series:
    """Membership through Arrow's hash set. pandas' isin on Arrow strings turns the value set into
    Python scalars one by one on every call: ten times slower for 5,000 IDs over 100k links."""
    found = pc.is_in(arrow.array(s, type=arrow.string()), value_set=arrow.array(list(values), type=arrow.string()))
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=s.index)


def _filled(s: pd.Series) -> pd.Series:
    return s != ""


def is_bool(s: pd.Series) -> pd.Series:
    low = s.str.lower()
    return ~_filled(s) | low.isin(TRUE_WORDS) | low.isin(FALSE_WORDS)


def is_int(s: pd.Series) -> pd.Series:
    return ~_filled(s) | s.str.fullmatch(r"[0-9]+").fillna(False)


def is_date(s: pd.Series) -> pd.Series:
    shaped = s.str.fullmatch(_DATE.pattern).fillna(False)
    parsed = pd.to_datetime(s.where(shaped), format="%Y-%m-%d", errors="coerce")
    return ~_filled(s) | (shaped & parsed.notna())


def is_country(s: pd.Series) -> pd.Series:
    return ~_filled(s) | isin(s, COUNTRIES)


def _checks(col: Col, refs: dict[str, set[str]]) -> list[pa.Check]:
    checks = [pa.Check(lambda s: s.str.len() <= MAX_CELL,
                       error=f"cell longer than {MAX_CELL} characters / {MAX_CELL} 文字を超えるセルです")]
    if col.required and not col.empty_ok:
        checks.append(pa.Check(_filled, error=MSG_REQUIRED))
    if col.kind == "bool":
        checks.append(pa.Check(is_bool, error="not a boolean (true/false, yes/no, 1/0, ○/×) / 真偽値ではありません"))
    elif col.kind == "int":
        checks.append(pa.Check(is_int, error="not a whole number (digits only) / 整数（数字のみ）ではありません"))
        if col.minimum:
            checks.append(pa.Check(
                lambda s, m=col.minimum: ~_filled(s) | ~is_int(s) | (pd.to_numeric(s.where(is_int(s) & _filled(s)), errors="coerce").fillna(m) >= m),
                error=f"must be at least {col.minimum} / {col.minimum} 以上にしてください"))
    elif col.kind == "date":
        checks.append(pa.Check(is_date, error="not a date YYYY-MM-DD / 日付（YYYY-MM-DD）ではありません"))
    elif col.kind == "country":
        checks.append(pa.Check(is_country, error="unknown ISO 3166-1 alpha-2 country code / 不明な国コードです"))
    elif col.kind == "enum":
        allowed = set(col.choices)
        checks.append(pa.Check(lambda s, a=allowed: ~_filled(s) | isin(s, a),
                               error=f"not one of {', '.join(col.choices)} / 選択肢にない値です"))
    elif col.kind == "ref":
        known = refs.get(col.ref, set())
        checks.append(pa.Check(lambda s, k=known: ~_filled(s) | isin(s, k),
                               error=f"no such ID in {col.ref} / {col.ref} に存在しないIDです"))
    elif col.kind == "scope":
        checks.append(pa.Check(lambda s: _scope_ok(s, refs),
                               error="scope must be org, category:<id>, system:<id> or processor:<id> naming an existing ID "
                                     "/ 対象範囲は org または category:/system:/processor: と既存のIDです"))
    return checks


def _scope_ok(s: pd.Series, refs: dict[str, set[str]]) -> pd.Series:
    # Regex replacements run inside Arrow; str.split would call Python once per row.
    kind = s.str.replace(r"(?s):.*", "", regex=True)
    ident = s.str.replace(r"(?s)^[^:]*:?", "", regex=True)
    ok = s == "org"
    for prefix, table in SCOPE_KINDS.items():
        ok |= (kind == prefix) & isin(ident, refs.get(table, set()))
    return ~_filled(s) | ok


def _frame_checks(table: Table, frame: pd.DataFrame, refs: dict[str, set[str]], catalog_ids: set[str]) -> dict[str, list[pa.Check]]:
    """Checks that need a second column of the same row, attached to the column they blame."""
    extra: dict[str, list[pa.Check]] = {}
    if table.name == "transfers" and {"party_type", "party_id"} <= set(frame.columns):
        ptype = frame["party_type"]
        processors, recipients = refs.get("processors", set()), refs.get("recipients", set())

        def party_exists(s: pd.Series) -> pd.Series:
            kind = ptype.loc[s.index]
            found = ((kind == "processor") & isin(s, processors)) | ((kind == "recipient") & isin(s, recipients))
            return ~_filled(s) | ~kind.isin(["processor", "recipient"]) | found

        extra["party_id"] = [pa.Check(party_exists, error="no such processor or recipient (per party_type) / 相手先IDが存在しません")]
    if table.name == "controls" and "measure" in frame.columns:
        measure = frame["measure"]
        extra["domain"] = [pa.Check(
            lambda s: _filled(s) | isin(measure.loc[s.index], catalog_ids) | ~_filled(measure.loc[s.index]),
            error="domain is required for a measure that is not a catalog ID / カタログ外の措置には区分が必要です")]
    if table.name == "processors" and "processor_id" in frame.columns:
        own = frame["processor_id"]
        extra["parent_id"] = [pa.Check(lambda s: ~_filled(s) | (s != own.loc[s.index]),
                                       error="a processor cannot be its own parent / 自身を再委託元にできません")]
    return extra


def schema(table: Table, frame: pd.DataFrame, refs: dict[str, set[str]], catalog_ids: set[str]) -> pa.DataFrameSchema:
    """The schema of one table, given the IDs of every table validated with it."""
    extra = _frame_checks(table, frame, refs, catalog_ids)
    columns = {}
    for col in table.columns:
        # A column with a ★ must be present; an optional one may be absent and takes its default.
        # No dtype: every cell is text by construction (validation.normalize), and pandera's
        # element-wise test of Arrow text cost more than all the checks of a 100k-row table.
        columns[col.name] = pa.Column(
            None, checks=_checks(col, refs) + extra.get(col.name, []), required=col.required,
            unique=col.unique, report_duplicates="all")
    return pa.DataFrameSchema(columns, strict=True, name=table.name)
