"""Import / export: download the inventory as .xlsx or a zip of CSVs; upload one, see every
error it has, and import it (replacing the inventory, all or nothing)."""
import datetime as dt

import pandas as pd
import streamlit as st

from inventory import archive, store, validation, views
from inventory.access import PermissionDenied
from inventory.errors import InventoryError, ValidationFailed
from inventory.tables import TABLES
from ui import data
from ui.i18n import bilingual, t, table_label
from ui.text import md

st.title(t("import_export"))
if flash := st.session_state.pop("io_flash", None):
    st.success(flash, icon=":material/check_circle:")

st.header(t("io_export"))
stamp = dt.date.today().strftime("%Y%m%d")
left, right = st.columns(2)
left.download_button(t("io_download_xlsx"), lambda: archive.xlsx(data.new_cursor()), file_name=f"inventory-{stamp}.xlsx",
                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="io_xlsx",
                     icon=":material/table_view:", width="stretch")
right.download_button(t("io_download_zip"), lambda: archive.csv_zip(data.new_cursor()), file_name=f"inventory-{stamp}.zip",
                      mime="application/zip", key="io_zip", icon=":material/folder_zip:", width="stretch")
st.caption(t("io_export_note"))

st.header(t("io_import"))
upload = st.file_uploader(t("io_upload"), type=["xlsx", "zip"], key=f"io_upload_{st.session_state.get('io_gen', 0)}",
                          help=t("io_upload_help"))
if upload is None:
    st.stop()
progress = st.progress(0.0, text=t("io_reading", name=md(upload.name)))
try:
    raw = archive.read_upload(upload.name, upload.getvalue())
    progress.progress(0.4, text=t("io_validating"))
    frames = validation.validate(raw)
except ValidationFailed as exc:
    progress.progress(1.0, text=t("io_checked"))
    st.error(t("io_errors", n=len(exc.errors)), icon=":material/error:")
    st.dataframe(pd.DataFrame({
        t("io_file"): [e.file for e in exc.errors], t("io_row"): [e.row for e in exc.errors],
        t("ws_err_column"): [e.column or "" for e in exc.errors], t("ws_err_value"): [e.value or "" for e in exc.errors],
        t("ws_err_problem"): [bilingual(e.message) for e in exc.errors]}), hide_index=True, width="stretch")
    st.caption(t("io_nothing_imported"))
    st.stop()
progress.progress(1.0, text=t("io_checked"))
st.success(t("io_valid", name=md(upload.name)), icon=":material/task_alt:")
current = data.read(views.table_counts)
st.dataframe(pd.DataFrame({t("io_table"): [table_label(x.name) for x in TABLES],
                           t("io_incoming"): [len(frames[x.name]) for x in TABLES],
                           t("io_current"): [current[x.name] for x in TABLES]}),
             hide_index=True, width="stretch")
st.warning(t("io_replace_warning"), icon=":material/warning:")
if st.button(t("io_import_button"), type="primary", key="io_import", icon=":material/upload:"):
    writing = st.progress(0.5, text=t("io_writing"))
    try:
        counts = store.replace_all(data.conn(), frames, actor=data.actor())
    except (PermissionDenied, InventoryError) as exc:
        st.error(md(bilingual(str(exc).splitlines()[0])))
        st.stop()
    writing.progress(1.0, text=t("io_done"))
    st.session_state["io_flash"] = t("io_imported", n=sum(counts.values()), name=md(upload.name))
    st.session_state["io_gen"] = st.session_state.get("io_gen", 0) + 1  # a fresh, empty uploader
    st.rerun()
