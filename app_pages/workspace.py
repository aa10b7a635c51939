"""Inventory workspace: every table of the inventory, one tab each, edited in place.

`?table=<name>&q=<text>` opens a table filtered to a record (the findings link here)."""
import streamlit as st

from inventory.tables import TABLES
from ui.editor import table_editor
from ui.i18n import lang, t, table_label

st.title(t("workspace"))
if flash := st.session_state.pop("ws_flash", None):
    st.success(flash, icon=":material/check_circle:")
names = [table.name for table in TABLES]
wanted = st.query_params.get("table", "categories")
labels = [table_label(name) for name in names]
tabs = st.tabs(labels, key=f"ws_tabs_{lang()}", on_change="rerun",
               default=table_label(wanted) if wanted in names else labels[1])
for name, tab in zip(names, tabs):
    if tab.open:
        if name != wanted:  # keep the URL pointing at the open table, so a reload stays here
            st.query_params["table"] = name
            st.query_params.pop("q", None)
        with tab:
            table_editor(name, st.query_params.get("q", "") if name == wanted else "")
