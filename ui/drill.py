"""Drill-downs and finding lists shared by the overview, the category card and the findings page.

A chart click arrives as Plotly selection points carrying the record's ID in `customdata`; the
pickers under each chart do the same job for keyboards, screen readers and tests.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from controls import coverage, geography
from inventory.tables import BY_NAME
from ui import auth, data
from ui.i18n import column_label, domain_name, lang, pick, t, value_label
from ui.links import CARD, CONTROLS, fix_links
from ui.text import md

BADGE = {"critical": "red", "high": "orange", "medium": "yellow", "low": "gray"}
MAX_ROWS = 200  # a category linked to thousands of systems still ships a bounded table
STATUS_BADGE = {"implemented": "green", "partial": "yellow", "planned": "blue", "not_applicable": "gray",
                "missing": "red", "not_required": "gray"}


def badge(value: str, colors: dict[str, str]) -> str:
    return f":{colors.get(value, 'gray')}-badge[{value_label(value)}]"


def row_labels(grid: pd.DataFrame) -> dict[str, str]:
    """A short, unique row label per category: its name in the reader's language."""
    labels = {}
    for cid, name, name_ja in grid[["category_id", "name", "name_ja"]].drop_duplicates("category_id").itertuples(index=False):
        text = pick(name, name_ja if isinstance(name_ja, str) else None)
        text = text if len(text) <= 30 else text[:29] + "…"
        labels[cid] = text if text not in labels.values() else f"{text} ({cid})"
    return labels


def _points(picked) -> list[dict]:
    try:
        return list(picked.selection.points)
    except (AttributeError, KeyError, TypeError):
        return []


def picked_cell(picked, grid: pd.DataFrame, labels: dict[str, str]) -> tuple[str, str] | None:
    """The clicked heatmap cell, else the one chosen in the pickers under the chart."""
    for point in _points(picked):
        custom = point.get("customdata")
        if custom and len(custom) == 2:
            return str(custom[0]), str(custom[1])
    left, right = st.columns(2)
    category = left.selectbox(t("ov_pick_category"), list(labels), index=None, format_func=labels.get,
                              key="ov_pick_category", placeholder=t("ov_pick_hint"))
    domain = right.selectbox(t("ov_pick_domain"), coverage.DOMAINS, index=None, key="ov_pick_domain",
                             format_func=lambda d: f"{d} {domain_name(d)}", placeholder=t("ov_pick_hint"))
    return (category, domain) if category and domain else None


def cell_panel(category_id: str, domain: str, found: pd.DataFrame) -> None:
    """The controls and findings behind one heatmap cell."""
    with st.container(border=True):
        st.subheader(t("ov_cell_title", category=md(category_id), domain=f"{domain} {domain_name(domain)}"))
        controls = data.read(coverage.covering_controls, category_id, domain)
        st.markdown(f"**{t('ov_cell_controls')}**")
        controls_table(controls)
        mine = found[(found["subject_type"] == "category") & (found["subject_id"] == category_id)]
        mine = mine[mine["domain"].isna() | (mine["domain"] == domain)]
        st.markdown(f"**{t('ov_cell_findings', n=len(mine))}**")
        finding_list(mine)
        if not mine.empty:  # each finding already links to where to fix it
            return
        left, right = st.columns(2)
        left.page_link(CARD, label=t("open_card"), query_params={"category": category_id}, icon=":material/folder_shared:")
        if auth.can_open(CONTROLS):
            right.page_link(CONTROLS, label=t("add_control"), query_params={"scope": f"category:{category_id}", "domain": domain},
                            icon=":material/add_moderator:")


def controls_table(controls: pd.DataFrame) -> None:
    if controls.empty:
        st.caption(t("none_recorded"))
        return
    if len(controls) > MAX_ROWS:
        st.caption(t("first_rows", n=MAX_ROWS, total=len(controls)))
    controls = controls.head(MAX_ROWS)
    shown = controls.assign(status=controls["status"].map(value_label), domain=controls["domain"].map(domain_name))
    st.dataframe(shown[["control_id", "measure", "domain", "title", "scope", "status", "owner", "last_reviewed"]],
                 hide_index=True, width="stretch", column_config={
                     "control_id": t("col_control"), "measure": t("col_measure"), "domain": t("domain"),
                     "title": t("col_title"), "scope": t("col_scope"), "status": t("col_status"),
                     "owner": t("col_owner"), "last_reviewed": t("col_last_reviewed")})


def record_table(container, frame: pd.DataFrame, table_name: str) -> None:
    """Rows of one inventory table (or a join led by it) with column names in the reader's language."""
    if frame.empty:
        container.caption(t("none_recorded"))
        return
    names = BY_NAME[table_name].column_names
    for column in [c for c in frame.columns if f"{c}_ja" in frame.columns]:  # one language at a time
        chosen = frame[f"{column}_ja"].where(frame[f"{column}_ja"].notna() & (lang() == "ja"), frame[column])
        frame = frame.assign(**{column: chosen}).drop(columns=f"{column}_ja")
    config = {c: column_label(table_name, c) if c in names else t(f"col_{c}") for c in frame.columns}
    container.dataframe(frame.head(MAX_ROWS), hide_index=True, width="stretch", column_config=config)
    if len(frame) > MAX_ROWS:
        container.caption(t("first_rows", n=MAX_ROWS, total=len(frame)))


def country_names(codes) -> dict[str, str]:
    return {c: geography.country_name(c, lang()) for c in codes}


def picked_country(picked, places: pd.DataFrame, names: dict[str, str]) -> str | None:
    """The clicked country, else the one chosen in the picker under the map."""
    by_iso3 = dict(zip(places["iso3"], places["country"]))
    for point in _points(picked):
        custom = point.get("customdata")
        if custom:
            return str(custom[0])
        if point.get("location") in by_iso3:
            return by_iso3[point["location"]]
    return st.selectbox(t("ov_pick_country"), list(places["country"]), index=None, key="ov_pick_country",
                        format_func=lambda c: f"{names.get(c, c)} ({c})", placeholder=t("ov_pick_hint"))


def country_panel(country: str, name: str, as_of: dt.date) -> None:
    """What is handled in one country and the findings about it."""
    with st.container(border=True):
        st.subheader(t("ov_country_title", name=md(name), code=md(country)))
        parties = data.read(geography.parties_in, country)
        parties = parties.assign(kind=parties["kind"].map(lambda k: t(f"node_{k}")))
        st.dataframe(parties, hide_index=True, width="stretch", column_config={
            "kind": t("col_kind"), "id": t("col_id"), "categories": t("kpi_categories")})
        located = data.located_findings(as_of)
        mine = located[located["country"] == country].drop(columns="country")
        st.markdown(f"**{t('ov_cell_findings', n=len(mine))}**")
        finding_list(mine)


def finding_list(found: pd.DataFrame, limit: int | None = None, here: str | None = None) -> None:
    """Each finding in plain words, in the reader's language, with links to where to fix it
    (except to `here`, the page already shown)."""
    if found.empty:
        st.caption(t("no_findings_here"))
        return
    message = "message_ja" if lang() == "ja" else "message"
    for n, f in enumerate(found.head(limit).itertuples(index=False) if limit else found.itertuples(index=False)):
        domain = f" · {f.domain} {domain_name(f.domain)}" if isinstance(f.domain, str) else ""
        st.markdown(f"{badge(f.severity, BADGE)} **{f.rule_id}**{domain} · {md(f'{f.subject_type}:{f.subject_id}')}  \n"
                    f"{md(getattr(f, message))}  \n:gray[{t('reference')}: {md(f.reference)}]")
        links = [link for link in fix_links(f.rule_id, f.subject_type, f.subject_id,
                                            f.domain if isinstance(f.domain, str) else None)
                 if link[0] != here and auth.can_open(link[0])]  # a viewer has no workspace to link to
        for column, (page, params, label) in zip(st.columns(max(len(links), 1) + 2), links):
            column.page_link(page, label=t(label), query_params={k: v for k, v in params.items() if v},
                             icon=":material/arrow_forward:")
