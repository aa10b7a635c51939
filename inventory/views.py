"""Set-based reads for the management overview: headline counts and the data-flow edges.

Each function aggregates in DuckDB and returns a handful of rows whatever the inventory's size;
the Sankey is limited to the largest categories so the chart stays readable and small.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.tables import TABLES


def headline(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """categories, persons (individuals covered), processors, and foreign countries where data is
    handled (R06's meaning: the country of a linked system, processor or recipient)."""
    categories, persons, processors, foreign = conn.execute("""
        select (select count(*) from categories),
               (select coalesce(sum(persons), 0) from categories),
               (select count(*) from processors),
               (select count(distinct country) from (
                    select s.country from category_systems l join systems s on s.system_id = l.system_id
                    union all
                    select p.country from category_processors l join processors p on p.processor_id = l.processor_id
                    union all
                    select r.country from category_recipients l join recipients r on r.recipient_id = l.recipient_id
               ) where country <> 'JP')
    """).fetchall()[0]
    return {"categories": categories, "persons": int(persons), "processors": processors, "foreign_countries": foreign}


def flows(conn: duckdb.DuckDBPyConnection, limit: int = 12) -> pd.DataFrame:
    """Edges category → purpose, category → processor/recipient, party → country for the `limit`
    categories with most individuals. Columns: source_kind, source, source_name, source_name_ja,
    target_kind, target, target_name, target_name_ja, value (number of links)."""
    return conn.execute("""
        with top as (
            select category_id, name, coalesce(name_ja, name) as name_ja from categories
            order by coalesce(persons, 0) desc, category_id limit ?
        ),
        parties as (
            select t.category_id, 'processor' as kind, p.processor_id as id, p.name, p.country
            from category_processors l join top t on t.category_id = l.category_id
            join processors p on p.processor_id = l.processor_id
            union all
            select t.category_id, 'recipient', r.recipient_id, r.name, r.country
            from category_recipients l join top t on t.category_id = l.category_id
            join recipients r on r.recipient_id = l.recipient_id
        )
        select 'category' as source_kind, t.category_id as source, t.name as source_name, t.name_ja as source_name_ja,
               'purpose' as target_kind, p.purpose_id as target, p.description as target_name,
               coalesce(p.description_ja, p.description) as target_name_ja, 1 as value
        from category_purposes l join top t on t.category_id = l.category_id
        join purposes p on p.purpose_id = l.purpose_id
        union all
        select 'category', x.category_id, t.name, t.name_ja, x.kind, x.id, x.name, x.name, 1
        from parties x join top t on t.category_id = x.category_id
        union all
        select kind, id, any_value(name), any_value(name), 'country', country, country, country, count(*)
        from parties group by kind, id, country
        order by 1, 2, 5, 6
    """, [int(limit)]).df()


def table_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per inventory table, in interchange order."""
    sql = " union all ".join(f"select '{t.name}', count(*) from {t.name}" for t in TABLES)
    return dict(conn.execute(sql).fetchall())
