"""Everything about one category, for the category card: its links, parties, routes and places.

"Linked" is the rules' meaning (the three link tables); re-consignees are reached through
`parent_id` from a linked processor, because an officer supervising a processor must see its
chain even though the rules do not treat a re-consignee as linked.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory import browse


def search(conn: duckdb.DuckDBPyConnection, text: str = "", limit: int = 200) -> pd.DataFrame:
    """category_id, name, name_ja of categories whose ID or names contain `text`, at most `limit`."""
    return conn.execute("""
        select category_id, name, coalesce(name_ja, '') as name_ja from categories
        where ? = '' or category_id || ' ' || name || ' ' || coalesce(name_ja, '') ilike '%' || ? || '%'
        order by category_id limit ?
    """, [text.strip(), text.strip(), int(limit)]).df()


def category(conn: duckdb.DuckDBPyConnection, category_id: str) -> dict[str, str] | None:
    """The category's row as text cells, or None when there is no such category."""
    return browse.record(conn, "categories", category_id)


def purposes(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    return conn.execute("""
        select p.purpose_id, p.description, p.description_ja, p.published, p.third_party_provision
        from category_purposes l join purposes p on p.purpose_id = l.purpose_id
        where l.category_id = ? order by p.purpose_id
    """, [category_id]).df()


def systems(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    return conn.execute("""
        select s.system_id, s.name, s.medium, s.country, s.hosting, s.processor_id
        from category_systems l join systems s on s.system_id = l.system_id
        where l.category_id = ? order by s.system_id
    """, [category_id]).df()


def processors(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    """Linked processors and, below each, the re-consignees in its chain (`via` names the parent)."""
    return conn.execute("""
        with recursive chain(processor_id, via, depth) as (
            select l.processor_id, null::varchar, 0 from category_processors l
            join processors p on p.processor_id = l.processor_id where l.category_id = ?
            union
            select p.processor_id, p.parent_id, c.depth + 1 from processors p
            join chain c on p.parent_id = c.processor_id where c.depth < 10
        )
        select p.processor_id, c.via, p.name, p.country, p.service, p.contract_date,
               p.contract_security_terms, p.last_supervised, p.reconsignment_approved
        from (select processor_id, min(via) as via, min(depth) as depth from chain group by processor_id) c
        join processors p on p.processor_id = c.processor_id
        order by coalesce(c.via, p.processor_id), c.depth, p.processor_id
    """, [category_id]).df()


def recipients(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    return conn.execute("""
        select r.recipient_id, r.name, r.country, coalesce(r.basis, 'none') as basis, r.record_kept, r.last_provided
        from category_recipients l join recipients r on r.recipient_id = l.recipient_id
        where l.category_id = ? order by r.recipient_id
    """, [category_id]).df()


def transfers(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    """Transfer rows that apply to this category: for a party it is given to, naming it or none."""
    return conn.execute("""
        with parties as (
            select 'processor' as party_type, processor_id as party_id from category_processors where category_id = $c
            union
            select 'recipient', recipient_id from category_recipients where category_id = $c
        )
        select t.transfer_id, t.party_type, t.party_id, coalesce(p.country, r.country) as country, t.route,
               t.info_provided, t.contract_on_file, t.last_checked
        from transfers t join parties x on x.party_type = t.party_type and x.party_id = t.party_id
        left join processors p on t.party_type = 'processor' and p.processor_id = t.party_id
        left join recipients r on t.party_type = 'recipient' and r.recipient_id = t.party_id
        where t.category_id is null or t.category_id = $c
        order by t.transfer_id
    """, {"c": category_id}).df()


def countries(conn: duckdb.DuckDBPyConnection, category_id: str) -> pd.DataFrame:
    """country, via (what is there), regime_assessed: the places this category is handled."""
    return conn.execute("""
        with here as (
            select s.country, 'system:' || s.system_id as via from category_systems l
            join systems s on s.system_id = l.system_id where l.category_id = $c
            union all
            select p.country, 'processor:' || p.processor_id from category_processors l
            join processors p on p.processor_id = l.processor_id where l.category_id = $c
            union all
            select r.country, 'recipient:' || r.recipient_id from category_recipients l
            join recipients r on r.recipient_id = l.recipient_id where l.category_id = $c
        )
        select h.country, string_agg(h.via, ', ' order by h.via) as via, any_value(k.regime_assessed) as regime_assessed
        from here h left join countries k on k.country = h.country
        group by h.country order by h.country <> 'JP', h.country
    """, {"c": category_id}).df()


def related_subjects(conn: duckdb.DuckDBPyConnection, category_id: str) -> set[tuple[str, str]]:
    """(subject_type, subject_id) of the findings that concern this category: itself, its
    processors (with their chain), recipients, transfers and foreign countries."""
    subjects = {("category", category_id)}
    subjects |= {("processor", x) for x in processors(conn, category_id)["processor_id"]}
    subjects |= {("recipient", x) for x in recipients(conn, category_id)["recipient_id"]}
    subjects |= {("transfer", x) for x in transfers(conn, category_id)["transfer_id"]}
    subjects |= {("country", x) for x in countries(conn, category_id)["country"] if x != "JP"}
    return subjects
