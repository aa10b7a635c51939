"""The controls register: the catalog's status per scope, and the controls due for review first.

"Overdue" is R33's: an implemented control whose last review is empty or older than its
review cycle (default 12 months) as of the chosen date, with the same month arithmetic.
"""
from __future__ import annotations

import datetime as dt
import re

import duckdb
import pandas as pd

from controls import catalog

_FILTER = """
    ($domain is null or d.domain = $domain)
    and ($status is null or k.status = $status)
    and ($text = '' or k.control_id || ' ' || k.measure || ' ' || k.title || ' ' || k.scope || ' '
         || coalesce(k.owner, '') ilike '%' || $text || '%')
"""
_CONTROLS = """
    with d as (
        select k.control_id, coalesce(m.domain, k.domain) as domain, m.title as measure_title,
               m.title_ja as measure_title_ja, coalesce(k.review_months, 12) as cycle
        from controls k left join register_measures m on m.measure_id = k.measure
    )
    select k.control_id, k.measure, d.domain, d.measure_title, d.measure_title_ja, k.title, k.scope, k.status,
           k.owner, k.evidence, k.last_reviewed,
           cast(k.last_reviewed + to_months(cast(d.cycle as integer)) as date) as next_review,
           k.status = 'implemented' and (k.last_reviewed is null
               or k.last_reviewed < cast($as_of - to_months(cast(d.cycle as integer)) as date)) as overdue
    from controls k join d on d.control_id = k.control_id
"""


def _prepare(conn: duckdb.DuckDBPyConnection) -> None:
    measures = catalog.measures()
    conn.register("register_measures", measures.assign(position=range(len(measures))))


def _params(as_of: dt.date, domain: str | None, status: str | None, text: str) -> dict:
    return {"as_of": as_of, "domain": domain, "status": status, "text": (text or "").strip()}


def controls(conn: duckdb.DuckDBPyConnection, as_of: dt.date, domain: str | None = None, status: str | None = None,
             text: str = "", offset: int = 0, limit: int = 50) -> pd.DataFrame:
    """One page of controls, overdue first, then by next review date (never reviewed first)."""
    _prepare(conn)
    return conn.execute(
        f"select * from ({_CONTROLS}) k where {_FILTER.replace('d.domain', 'k.domain')} "
        "order by overdue desc, next_review nulls first, control_id limit $limit offset $offset",
        {**_params(as_of, domain, status, text), "limit": int(limit), "offset": int(offset)},
    ).df()


def count(conn: duckdb.DuckDBPyConnection, as_of: dt.date, domain: str | None = None, status: str | None = None,
          text: str = "") -> dict[str, int]:
    """rows (matching the filters) and overdue (among them)."""
    _prepare(conn)
    rows, overdue = conn.execute(
        f"select count(*), count(*) filter (overdue) from ({_CONTROLS}) k where {_FILTER.replace('d.domain', 'k.domain')}",
        _params(as_of, domain, status, text),
    ).fetchall()[0]
    return {"rows": rows, "overdue": overdue}


def catalog_status(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per catalog measure: its status at organization scope (best of its org controls) and how
    many controls of each status it has at category, system and processor scope."""
    _prepare(conn)
    return conn.execute("""
        with k as (
            select measure, status, scope = 'org' as at_org,
                   case status when 'implemented' then 4 when 'partial' then 3 when 'planned' then 2 else 1 end as rank
            from controls
        )
        select m.measure_id, m.domain, m.title, m.title_ja, m.position,
               case max(k.rank) filter (k.at_org) when 4 then 'implemented' when 3 then 'partial'
                    when 2 then 'planned' when 1 then 'not_applicable' else 'missing' end as org_status,
               count(k.measure) filter (not k.at_org and k.status = 'implemented') as implemented,
               count(k.measure) filter (not k.at_org and k.status = 'partial') as partial,
               count(k.measure) filter (not k.at_org and k.status = 'planned') as planned,
               count(k.measure) filter (not k.at_org and k.status = 'not_applicable') as not_applicable
        from register_measures m left join k on k.measure = m.measure_id
        group by all order by m.position
    """).df()


def suggest_id(conn: duckdb.DuckDBPyConnection, measure: str, scope: str) -> str:
    """A readable, unused control ID such as `tec-1-crm-cloud` for a measure at a scope."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{measure} {scope.split(':', 1)[-1]}".lower()).strip("-") or "control"
    taken = {r[0] for r in conn.execute(
        "select control_id from controls where control_id = ? or control_id like ? || '-%'", [slug, slug]).fetchall()}
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
