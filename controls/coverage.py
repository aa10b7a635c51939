"""How well each category is covered by safeguards, domain by domain (the Overview heatmap).

The cells are computed in SQL (`coverage.sql`) with R29's definitions of "required" and
"covers", so the heatmap, the coverage KPI and the R29 findings can never disagree. Everything
here aggregates in DuckDB and returns small frames: a page of categories, or counts.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from controls import catalog

DOMAINS = ("RUL", "ORG", "HUM", "PHY", "TEC", "EXT")
STATUSES = ("implemented", "partial", "planned", "missing", "not_required")
SQL = Path(__file__).with_name("coverage.sql")


def prepare(conn: duckdb.DuckDBPyConnection) -> None:
    """Register the catalog domains and (re)create the TEMP macros on this connection."""
    conn.register("coverage_measures", catalog.measures()[["measure_id", "domain"]])
    conn.execute(SQL.read_text(encoding="utf-8"))


def totals(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Required cells and implemented required cells: the coverage KPI."""
    prepare(conn)
    required, implemented = conn.execute(
        "select count(*) filter (required), count(*) filter (status = 'implemented') from coverage_cells()"
    ).fetchall()[0]
    return {"required": required, "implemented": implemented}


def by_domain(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """domain, status, cells: how many category cells of each domain are in each status."""
    prepare(conn)
    return conn.execute(
        "select domain, status, count(*) as cells from coverage_cells() group by domain, status, position "
        "order by position, status"
    ).df()


def grid(conn: duckdb.DuckDBPyConnection, offset: int = 0, limit: int = 25) -> pd.DataFrame:
    """The cells of one page of categories, worst first (most missing, then most unfinished).

    Columns: category_id, name, name_ja, domain, status, rank (the category's position on the page).
    """
    prepare(conn)
    return conn.execute(
        """
        with worst as (
            select category_id,
                   count(*) filter (status = 'missing') as missing,
                   count(*) filter (status in ('partial', 'planned')) as unfinished
            from coverage_cells() group by category_id
            order by missing desc, unfinished desc, category_id
            limit ? offset ?
        )
        select w.category_id, c.name, c.name_ja, x.domain, x.status,
               row_number() over (partition by x.domain order by w.missing desc, w.unfinished desc, w.category_id) as rank
        from worst w
        join coverage_cells() x on x.category_id = w.category_id
        join categories c on c.category_id = w.category_id
        order by rank, x.position
        """,
        [int(limit), int(offset)],
    ).df()


def category_cells(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    """domain, required, status for one category, in domain order."""
    prepare(conn)
    return conn.execute(
        "select domain, required, status from coverage_cells() where category_id = ? order by position", [category_id]
    ).df()


def covering_controls(conn: duckdb.DuckDBPyConnection, category_id: str, domain: str | None = None) -> pd.DataFrame:
    """Every control, whatever its status, that would cover the category (in one domain, or all)."""
    prepare(conn)
    return conn.execute(
        """
        select k.control_id, k.measure, d.domain, k.title, k.scope, k.status, k.owner, k.evidence,
               k.last_reviewed
        from coverage_controls() d
        join controls k on k.control_id = d.control_id
        where (d.scope_kind = 'org' and d.scope_ref is null
               or d.scope_kind = 'category' and d.scope_ref = $category
               or d.scope_kind = 'system' and d.scope_ref in (
                   select l.system_id from category_systems l join systems s on s.system_id = l.system_id
                   where l.category_id = $category))
          and ($domain is null or d.domain = $domain)
        order by d.domain, d.rank desc, k.control_id
        """,
        {"category": category_id, "domain": domain},
    ).df()
