"""Audit trail: every change to the inventory and the accounts, newest first, filtered by table
and by who made it; pick a change to see it field by field, the record's other versions, and
(for editors) restore it."""
import streamlit as st

from inventory.tables import TABLES
from ui import audit_view, data
from ui.i18n import t

PER_PAGE = 50

st.title(t("audit"))
st.caption(t("au_intro"))
a, b = st.columns(2)
tables = {x: audit_view.where_label(x) for x in [x.name for x in TABLES] + ["accounts"]}
table = a.selectbox(t("au_table"), list(tables), index=None, key="au_table", format_func=tables.get,
                    placeholder=t("all"))
who = b.text_input(t("au_who"), key="au_actor", placeholder=t("au_actor_hint")).strip() or None
offset_key = f"au_offset_{table}_{who}"  # a new filter starts at the newest change
offset = st.session_state.get(offset_key, 0)
rows = data.read(audit_view.entries, table, who, PER_PAGE + 1, offset)
if rows.empty:
    st.info(t("au_none"), icon=":material/info:")
    st.stop()
more, rows = len(rows) > PER_PAGE, rows.head(PER_PAGE)
left, middle, right = st.columns([1, 4, 1], vertical_alignment="center")
if left.button(t("au_newer"), key="au_newer", disabled=offset == 0, icon=":material/chevron_left:"):
    st.session_state[offset_key] = max(0, offset - PER_PAGE)
    st.rerun()
middle.caption(t("au_showing", first=offset + 1, last=offset + len(rows)))
if right.button(t("au_older"), key="au_older", disabled=not more, icon=":material/chevron_right:"):
    st.session_state[offset_key] = offset + PER_PAGE
    st.rerun()
audit_view.listing(rows)

by_id = {int(r.audit_id): r for r in rows.itertuples(index=False)}
labels = {i: f"{audit_view.version_label(r)} · {audit_view.where_label(r.table_name)} {r.record_key}" for i, r in by_id.items()}
chosen = st.selectbox(t("au_pick"), list(by_id), index=None, key="au_pick", placeholder=t("choose"), format_func=labels.get)
if chosen is None:
    st.stop()
row = by_id[chosen]
with st.container(border=True):
    st.subheader(t("au_detail"))
    st.text(f"{audit_view.where_label(row.table_name)} · {row.record_key}")
    audit_view.diff_table(row.table_name, row.before, row.after)
    if row.table_name in {x.name for x in TABLES}:
        audit_view.restore_button(chosen, "au_restore")
    with st.expander(t("hi_title")):
        audit_view.record_history(row.table_name, row.record_key, f"au_history_{chosen}")
