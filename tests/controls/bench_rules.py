"""Benchmark the gap rules on a synthetic inventory (not collected by pytest: run it by hand).

    .venv/bin/python tests/controls/bench_rules.py [--links 100000] [--repeat 3]

Builds a random but deterministic inventory in a temporary DuckDB file, entirely in SQL, with
`--links` category_systems links (and proportionate other links), then times `rules.findings`
(one UNION ALL query) against running the rule files one query each.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from controls import rules  # noqa: E402

AS_OF = dt.date(2026, 3, 31)
COUNTRIES = "['JP','JP','JP','JP','US','SG','DE','GB','FR','IN','CN','KR']"


def build(conn, links: int) -> dict[str, int]:
    """Fill an empty inventory: links category_systems, about 0.6 x that in other links."""
    n_cat = max(links // 10, 10)
    n_sys = max(links // 50, 5)
    n_proc = max(links // 100, 5)
    n_rec = max(links // 100, 5)
    n_pur = max(links // 50, 5)

    def r(salt: str, mod: int) -> str:
        return f"CAST(hash(i::VARCHAR || '{salt}') % {mod} AS BIGINT)"

    conn.execute(f"""
        INSERT INTO categories (category_id, name, name_ja, special_care, special_care_consent, my_number, financial,
                                personally_referable, retention_months, delete_by, access_holders, last_reviewed)
        SELECT 'cat-' || i, 'Category ' || i, '区分' || i,
               {r('sc', 20)} = 0, {r('scc', 2)} = 0, {r('mn', 50)} = 0, {r('fin', 10)} = 0, {r('pr', 10)} = 0,
               CASE WHEN {r('ret', 4)} = 0 THEN NULL ELSE 12 * (1 + {r('ret2', 5)}) END,
               CASE WHEN {r('del', 5)} = 0 THEN DATE '2024-01-01' + CAST({r('del2', 1500)} AS INTEGER) END,
               CASE WHEN {r('acc', 8)} = 0 THEN NULL ELSE 'team ' || {r('acc2', 30)} END,
               CASE WHEN {r('rev', 6)} = 0 THEN NULL ELSE DATE '2024-06-01' + CAST({r('rev2', 700)} AS INTEGER) END
        FROM range({n_cat}) t(i)""")
    conn.execute(f"""
        INSERT INTO purposes (purpose_id, description, published, third_party_provision)
        SELECT 'pur-' || i, 'Purpose ' || i, {r('pub', 10)} <> 0, {r('tpp', 3)} = 0 FROM range({n_pur}) t(i)""")
    conn.execute(f"""
        INSERT INTO systems (system_id, name, medium, country)
        SELECT 'sys-' || i, 'System ' || i, CASE WHEN {r('med', 5)} = 0 THEN 'paper' ELSE 'electronic' END,
               {COUNTRIES}[1 + {r('cty', 12)}]
        FROM range({n_sys}) t(i)""")
    conn.execute(f"""
        INSERT INTO processors (processor_id, name, country, parent_id, selection_checked, contract_date,
                                contract_security_terms, last_supervised, reconsignment_approved)
        SELECT 'proc-' || i, 'Processor ' || i, {COUNTRIES}[1 + {r('cty', 12)}],
               CASE WHEN i > 10 AND {r('par', 5)} = 0 THEN 'proc-' || {r('par2', 10)} END,
               CASE WHEN {r('sel', 10)} = 0 THEN NULL ELSE DATE '2023-01-01' END,
               CASE WHEN {r('con', 10)} = 0 THEN NULL ELSE DATE '2023-02-01' END,
               {r('terms', 8)} <> 0,
               CASE WHEN {r('sup', 5)} = 0 THEN NULL ELSE DATE '2024-06-01' + CAST({r('sup2', 700)} AS INTEGER) END,
               {r('app', 3)} <> 0
        FROM range({n_proc}) t(i)""")
    conn.execute(f"""
        INSERT INTO recipients (recipient_id, name, country, basis, record_kept, links_identifiers)
        SELECT 'rec-' || i, 'Recipient ' || i, {COUNTRIES}[1 + {r('cty', 12)}],
               (['consent','consent','law','opt_out','joint_use',NULL,'none'])[1 + {r('bas', 7)}],
               {r('rk', 4)} <> 0, {r('li', 5)} = 0
        FROM range({n_rec}) t(i)""")
    for table, left, right, count, n_right in [
        ("category_systems", "cat", "sys", links, n_sys),
        ("category_processors", "cat", "proc", links // 4, n_proc),
        ("category_recipients", "cat", "rec", links // 5, n_rec),
        ("category_purposes", "cat", "pur", n_cat * 2, n_pur),
    ]:
        conn.execute(f"""
            INSERT INTO {table}
            SELECT DISTINCT 'cat-' || {r(table + 'a', n_cat)}, '{right}-' || {r(table + 'b', n_right)}
            FROM range({int(count * 1.02)}) t(i)
            LIMIT {count}""")
    conn.execute(f"""
        INSERT INTO transfers (transfer_id, party_type, party_id, category_id, route, info_provided,
                               contract_on_file, last_checked)
        SELECT 'tr-' || i, CASE WHEN i % 2 = 0 THEN 'processor' ELSE 'recipient' END,
               CASE WHEN i % 2 = 0 THEN 'proc-' ELSE 'rec-' END || {r('party', max(n_proc, n_rec))},
               CASE WHEN {r('tc', 3)} = 0 THEN 'cat-' || {r('tc2', n_cat)} END,
               (['consent','standard_measures','adequacy','exception','none'])[1 + {r('route', 5)}],
               {r('info', 2)} = 0, {r('cof', 3)} <> 0,
               CASE WHEN {r('chk', 4)} = 0 THEN NULL ELSE DATE '2024-06-01' + CAST({r('chk2', 700)} AS INTEGER) END
        FROM range({max(n_proc, n_rec)}) t(i)""")
    conn.execute("""
        INSERT INTO countries SELECT DISTINCT country, DATE '2024-01-01' + CAST(hash(country) % 800 AS INTEGER), NULL
        FROM systems WHERE country NOT IN ('FR', 'IN')""")
    measures = "['POL-1','RUL-1','ORG-1','ORG-4','HUM-1','PHY-1','PHY-2','TEC-1','TEC-2','EXT-1','OWN-X']"
    conn.execute(f"""
        INSERT INTO controls (control_id, measure, domain, title, scope, status, last_reviewed, review_months)
        SELECT 'ctl-' || i, {measures}[1 + {r('m', 11)}], CASE WHEN {r('d', 2)} = 0 THEN 'TEC' END, 'Control ' || i,
               CASE WHEN i < 8 THEN 'org'
                    WHEN {r('sc', 3)} = 0 THEN 'category:cat-' || {r('sc2', n_cat)}
                    WHEN {r('sc', 3)} = 1 THEN 'system:sys-' || {r('sc3', n_sys)}
                    ELSE 'processor:proc-' || {r('sc4', n_proc)} END,
               (['implemented','implemented','partial','planned'])[1 + {r('st', 4)}],
               CASE WHEN {r('lr', 5)} = 0 THEN NULL ELSE DATE '2024-06-01' + CAST({r('lr2', 700)} AS INTEGER) END,
               (6 + 6 * {r('rm', 3)})
        FROM range({max(links // 20, 20)}) t(i)""")
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "categories", "category_systems", "category_processors", "category_recipients", "category_purposes",
        "processors", "recipients", "systems", "transfers", "controls")}


def per_file(conn, as_of: dt.date) -> pd.DataFrame:
    """The alternative to rules.findings: one query per rule file, concatenated in Python."""
    cursor = conn.cursor()
    rules.prepare(cursor)
    rows = []
    for path in rules.rule_files():
        sql = path.read_text(encoding="utf-8")
        params = {"as_of": as_of} if "$as_of" in sql else None
        rows += cursor.execute(sql, params).fetchall()
    cursor.close()
    return rules.sort_findings(pd.DataFrame(rows, columns=list(rules.FINDING_COLUMNS), dtype=object))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # The rules need only the initial schema; applying it directly keeps the benchmark independent
        # of later migrations.
        conn = duckdb.connect(str(Path(tmp) / "bench.duckdb"))
        conn.execute((ROOT / "inventory" / "migrations" / "0001_initial.sql").read_text(encoding="utf-8"))
        t = time.perf_counter()
        sizes = build(conn, args.links)
        print(f"built in {time.perf_counter() - t:.1f}s: {sizes}")
        timings: dict[str, list[float]] = {"union (rules.findings)": [], "per file": []}
        results = {}
        for _ in range(args.repeat):
            for name, fn in (("union (rules.findings)", rules.findings), ("per file", per_file)):
                t = time.perf_counter()
                results[name] = fn(conn, AS_OF)
                timings[name].append(time.perf_counter() - t)
        a, b = results.values()
        assert a.equals(b), "the two ways must give the same findings"
        print(f"{len(a)} findings: {a['rule_id'].value_counts().sort_index().to_dict()}")
        for name, ts in timings.items():
            print(f"{name:24s} best {min(ts):.3f}s  runs {', '.join(f'{x:.3f}' for x in ts)}")
        conn.close()


if __name__ == "__main__":
    main()
