"""The gap rules R01–R36 (shared/spec/rules.md), evaluated as set-based SQL on the inventory.

Each rule (or small family) is one SELECT in `controls/rules/*.sql` returning FINDING_COLUMNS and
`applies_from`, the first as-of date on which the finding holds, so rules can be read, reviewed and
tested one by one. Nothing here loops over rows: the inventory can hold a million links.

Planning the 24 rules costs DuckDB ~45 ms whatever the inventory's size, and DuckDB re-plans even a
prepared statement (duckdb/duckdb#17237), so the findings are computed once per write, in the
write's transaction (`store`), and a check reads them for its as-of date (`findings`). They are
keyed on the data version and on a hash of the rule and catalog files; when either differs (a
file from an older release, a program with other rules, a database changed outside this program
without raising its data version) the rules are evaluated live (`evaluate`), one UNION ALL per
core. Shared helpers are TEMP macros and the catalog TEMP tables, so evaluating never writes to the
database file (it runs on read-only connections too).
"""
from __future__ import annotations

import datetime
import hashlib
import os
import re
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import yaml

from controls import catalog

RULES_DIR = Path(__file__).parent / "rules"
FINDING_COLUMNS = (
    "rule_id", "severity", "subject_type", "subject_id", "domain", "message", "message_ja", "reference",
)
SEVERITIES = ("critical", "high", "medium", "low")
RULE_IDS = (
    "R01", "R02", "R03", "R04", "R06", "R11", "R12", "R13", "R14", "R16", "R17", "R19",
    "R21", "R23", "R25", "R28", "R29", "R30", "R31", "R32", "R33", "R34", "R35", "R36",
)


def rule_files() -> list[Path]:
    """The rule SQL files in name order (`_macros.sql` is not a rule)."""
    return sorted(RULES_DIR.glob("R*.sql"))


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of everything stored findings depend on besides the inventory: rules, macros, catalog."""
    digest = hashlib.sha256()
    for path in [*sorted(RULES_DIR.glob("*.sql")), catalog.CATALOG]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _union(files: list[Path]) -> str:
    return "\nUNION ALL\n".join(
        f"SELECT * FROM (\n{p.read_text(encoding='utf-8').strip().rstrip(';')}\n)" for p in files)


WORKERS = max(1, min(4, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def _group_sql() -> tuple[str, ...]:
    """The rule files dealt round-robin into one UNION ALL per worker.

    DuckDB binds and optimizes a query on one thread, and for 24 rules that costs more than
    running them on 100k links (bench/run.py); queries on separate cursors plan in parallel.
    Within a group, one UNION ALL is one plan and one round trip.
    """
    files = rule_files()
    groups = [files[i::WORKERS] for i in range(WORKERS)]
    return tuple(f"SELECT * EXCLUDE (applies_from) FROM ({_union(group)}) WHERE applies_from <= $as_of"
                 for group in groups if group)


def prepare(conn: duckdb.DuckDBPyConnection) -> None:
    """Copy the catalog into TEMP tables and (re)create the TEMP macros on this connection.

    TEMP tables rather than registered frames: binding a frame scan takes Python's lock, which
    would serialize the rule groups that plan in parallel. TEMP objects never touch the file.
    """
    domains = pd.DataFrame([(d["id"], d["name_en"], d["name_ja"]) for d in catalog.domains()],
                           columns=["domain", "name", "name_ja"])
    for name, frame in (("catalog_measures", catalog.measures()), ("catalog_domains", domains)):
        conn.register("catalog_frame", frame)
        try:
            conn.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM catalog_frame")
        finally:
            conn.unregister("catalog_frame")
    conn.execute((RULES_DIR / "_macros.sql").read_text(encoding="utf-8"))


class _Evaluator:
    """One prepared cursor per rule group, kept for the life of the connection.

    A cursor is DuckDB's second connection to the same database: it sees committed data, keeps
    the TEMP macros and registrations away from the caller's connection, and is closed with it.
    Keeping them saves re-registering the catalog and re-creating the macros on every check.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection):
        self.cursors = [conn.cursor() for _ in _group_sql()]
        self.ready = [False] * len(self.cursors)
        self.lock = threading.Lock()  # a cursor serves one query at a time

    def _run(self, index: int, as_of: datetime.date) -> list[tuple]:
        cursor = self.cursors[index]
        if not self.ready[index]:
            prepare(cursor)
            self.ready[index] = True
        return cursor.execute(_group_sql()[index], {"as_of": as_of}).fetchall()

    def rows(self, as_of: datetime.date) -> list[tuple]:
        with self.lock:
            if len(self.cursors) == 1:
                return self._run(0, as_of)
            with ThreadPoolExecutor(len(self.cursors)) as pool:
                parts = pool.map(self._run, range(len(self.cursors)), [as_of] * len(self.cursors))
                return [row for part in parts for row in part]

    def stored(self, as_of: datetime.date) -> pd.DataFrame | None:
        """The stored findings that hold as of `as_of`, in order, or None when they are not current.

        Two statements, but no gap between them matters: a write that commits in between stores
        findings for its own version, and those are as current as the ones checked. Fetched as
        columns (fetchnumpy), which at 56k findings costs half of building tuples.
        """
        with self.lock:
            cursor = self.cursors[0]
            current = cursor.execute(
                "SELECT findings_version = data_version AND rules_version = ? FROM inventory_state",
                [rules_version()]).fetchall()
            if not current or not current[0][0]:
                return None
            columns = cursor.execute(_STORED, [as_of]).fetchnumpy()
        return pd.DataFrame({name: _with_none(values) for name, values in columns.items()},
                            columns=list(FINDING_COLUMNS), dtype=object)


def _with_none(values: np.ndarray) -> np.ndarray:
    """NULLs as None, as fetchall gives them (a masked array's filled(None) puts '?' there)."""
    if not isinstance(values, np.ma.MaskedArray):
        return values
    plain = values.data.astype(object)
    plain[values.mask] = None
    return plain


_STORED = f"SELECT {', '.join(FINDING_COLUMNS)} FROM gap_findings WHERE applies_from <= ? ORDER BY position"
# The order of `_order` below, in SQL, for storing: DuckDB compares text byte by byte, which for
# UTF-8 is code-point order, as Python does (the store tests compare both on every date).
_POSITION = """row_number() OVER (ORDER BY
    list_position(['critical', 'high', 'medium', 'low'], severity), rule_id,
    subject_type NULLS FIRST, subject_id NULLS FIRST, domain NULLS FIRST, message)"""

_EVALUATORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_EVALUATORS_LOCK = threading.Lock()


def _evaluator(conn: duckdb.DuckDBPyConnection) -> _Evaluator:
    with _EVALUATORS_LOCK:
        if conn not in _EVALUATORS:
            _EVALUATORS[conn] = _Evaluator(conn)
        return _EVALUATORS[conn]


def _order(row: tuple) -> tuple:
    """cli.md order: severity (critical first), then rule_id, subject_type, subject_id, domain,
    empty first; the message last, so that the order is total. Python string comparison is plain
    code-point order, whatever the collation."""
    rule_id, severity, subject_type, subject_id, domain, message = row[:6]
    return (SEVERITIES.index(severity), rule_id, subject_type is not None, subject_type or "",
            subject_id is not None, subject_id or "", domain is not None, domain or "", message)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    rows.sort(key=_order)  # sorting tuples beats sorting the frame
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS), dtype=object)


def findings(conn: duckdb.DuckDBPyConnection, as_of: datetime.date) -> pd.DataFrame:
    """Every gap finding as of `as_of`, sorted, one row per finding with FINDING_COLUMNS (object dtype).

    The stored findings when they are current, else evaluated live; both give the same frame.
    Runs on the connection's own cursors (see _Evaluator): the caller's connection keeps no macros
    or registrations, a result the caller left unfinished does not get in the way, and threads
    sharing one connection are safe. A cursor sees committed data, so call this outside an open
    transaction.
    """
    evaluator = _evaluator(conn)
    stored = evaluator.stored(as_of)
    return _frame(evaluator.rows(as_of)) if stored is None else stored


def evaluate(conn: duckdb.DuckDBPyConnection, as_of: datetime.date) -> pd.DataFrame:
    """The findings evaluated live from the inventory, whatever is stored (like `findings`)."""
    return _frame(_evaluator(conn).rows(as_of))


def store(conn: duckdb.DuckDBPyConnection, version: int) -> None:
    """Recompute the stored findings for data version `version`, inside the caller's open write.

    It has to run on the writing connection, the only one that sees the uncommitted inventory, and
    in the same transaction, so the findings commit or roll back with the write they describe. The
    rules run as one query there: a write already holds the file, and planning is the same work.
    """
    prepare(conn)
    conn.execute("DELETE FROM gap_findings")
    conn.execute(f"INSERT INTO gap_findings SELECT *, {_POSITION} FROM ({_union(rule_files())})")
    conn.execute("UPDATE inventory_state SET findings_version = ?, rules_version = ?", [version, rules_version()])


@lru_cache(maxsize=1)
def _catalog_entries() -> tuple[dict, ...]:
    data = yaml.safe_load((RULES_DIR / "rules.yaml").read_text(encoding="utf-8"))
    return tuple(
        {
            "rule_id": r["id"], "severity": r["severity"], "escalates": bool(r.get("escalates", False)),
            "subject_type": list(r["subject_type"]), "reference": r["reference"],
            "title": r["title"], "title_ja": r["title_ja"],
            "note": r.get("note"), "note_ja": r.get("note_ja"),
        }
        for r in data["rules"]
    )


def rule_catalog() -> list[dict]:
    """For the dashboard: each rule's base severity, subject types, reference and bilingual title."""
    return [dict(e, subject_type=list(e["subject_type"])) for e in _catalog_entries()]


def rule_ids_in_sql() -> set[str]:
    """The rule ids the SQL files can emit (a literal 'Rnn' in a SELECT list), for consistency tests."""
    return {m for p in rule_files() for m in re.findall(r"'(R\d\d)'", p.read_text(encoding="utf-8"))}
