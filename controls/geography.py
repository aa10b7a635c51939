"""Where personal data goes, country by country, and how sound each country's transfers are.

A country's transfer status is read off the findings rather than recomputed, so the world map
always agrees with `check`: a foreign party there without a legal route (R01) is the worst, then
a route with missing evidence (R02–R04), then a regime not assessed (R06); Japan is domestic.
"Where data is handled" is R06's: the country of a linked system, processor or recipient.
"""
from __future__ import annotations

import gettext
from functools import lru_cache

import duckdb
import pandas as pd
import pycountry

# Worst first. The map colours a country by the first of these that applies to it.
STATUSES = ("no_route", "route_incomplete", "not_assessed", "covered", "domestic")
RULE_STATUS = {"R01": "no_route", "R02": "route_incomplete", "R03": "route_incomplete",
               "R04": "route_incomplete", "R06": "not_assessed"}
_NAME_JA = {"TW": "台湾"}  # pycountry's Japanese catalogue says 中国領・台湾; use the everyday name

PLACES_SQL = """
    select s.country, 'system' as kind, s.system_id as id, l.category_id
    from category_systems l join systems s on s.system_id = l.system_id
    join categories c on c.category_id = l.category_id
    union all
    select p.country, 'processor', p.processor_id, l.category_id
    from category_processors l join processors p on p.processor_id = l.processor_id
    join categories c on c.category_id = l.category_id
    union all
    select r.country, 'recipient', r.recipient_id, l.category_id
    from category_recipients l join recipients r on r.recipient_id = l.recipient_id
    join categories c on c.category_id = l.category_id
"""


def places(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """country, systems, processors, recipients, categories: counts of what is handled where."""
    return conn.execute(f"""
        select country,
               count(distinct id) filter (kind = 'system') as systems,
               count(distinct id) filter (kind = 'processor') as processors,
               count(distinct id) filter (kind = 'recipient') as recipients,
               count(distinct category_id) as categories
        from ({PLACES_SQL}) group by country order by country
    """).df()


def parties_in(conn: duckdb.DuckDBPyConnection, country: str) -> pd.DataFrame:
    """kind, id, categories (comma-separated): what is handled in one country."""
    return conn.execute(f"""
        select kind, id, string_agg(distinct category_id, ', ' order by category_id) as categories
        from ({PLACES_SQL}) where country = ? group by kind, id order by kind, id
    """, [country]).df()


def locate(conn: duckdb.DuckDBPyConnection, found: pd.DataFrame) -> pd.Series:
    """The country each finding is about (its party's, its transfer's, or its own), else None."""
    subjects = found[["subject_type", "subject_id"]].drop_duplicates()
    subjects = subjects[subjects["subject_type"].isin(["processor", "recipient", "transfer", "country"])]
    if subjects.empty:
        return pd.Series([None] * len(found), index=found.index, dtype=object)
    conn.register("geo_subjects", subjects.astype(str))
    try:
        located = conn.execute("""
            select f.subject_type, f.subject_id,
                   coalesce(p.country, r.country, tp.country, tr.country,
                            case when f.subject_type = 'country' then f.subject_id end) as country
            from geo_subjects f
            left join processors p on f.subject_type = 'processor' and p.processor_id = f.subject_id
            left join recipients r on f.subject_type = 'recipient' and r.recipient_id = f.subject_id
            left join transfers t on f.subject_type = 'transfer' and t.transfer_id = f.subject_id
            left join processors tp on t.party_type = 'processor' and tp.processor_id = t.party_id
            left join recipients tr on t.party_type = 'recipient' and tr.recipient_id = t.party_id
        """).df()
    finally:
        conn.unregister("geo_subjects")
    where = dict(zip(zip(located["subject_type"], located["subject_id"]), located["country"]))
    keys = zip(found["subject_type"], found["subject_id"])
    return pd.Series([where.get(k) for k in keys], index=found.index, dtype=object)


def countries(conn: duckdb.DuckDBPyConnection, found: pd.DataFrame) -> pd.DataFrame:
    """Every country where data is handled with its counts, worst transfer status and findings."""
    table = places(conn)
    located = found.assign(country=locate(conn, found)).dropna(subset=["country"])
    located = located.assign(status=located["rule_id"].map(RULE_STATUS))
    rank = {s: i for i, s in enumerate(STATUSES)}
    worst = located.dropna(subset=["status"]).groupby("country")["status"].agg(lambda s: min(s, key=rank.get))
    table["status"] = table["country"].map(worst)
    table.loc[table["status"].isna(), "status"] = "covered"
    table.loc[table["country"] == "JP", "status"] = "domestic"
    table["findings"] = table["country"].map(located.groupby("country").size()).fillna(0).astype(int)
    table["iso3"] = table["country"].map(iso3)
    return table


def iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@lru_cache(maxsize=1)
def _japanese():
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)


def country_name(alpha2: str, lang: str = "en") -> str:
    """The everyday name of a country in English or Japanese; the code itself when unknown."""
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return alpha2
    if lang == "ja":
        return _NAME_JA.get(alpha2) or _japanese().gettext(country.name)
    return getattr(country, "common_name", None) or country.name
