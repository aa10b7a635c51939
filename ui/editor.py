"""The workspace's table editor: one page of one table, edited in place, saved through the store.

The editor shows a *snapshot* of the page (the rows as loaded, kept in session state as the
editor's own model, at most one page) so that a rerun never shifts an unsaved edit onto another
row. A save hands the snapshot and the edited rows to `store.apply_edits`, which judges the rows
the page added or changed with the import models (checking keys and references against the stored
table in SQL), writes only those, and refuses rows that someone else changed meanwhile. Paging and
search are locked while edits are pending.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from controls import triage
from inventory import browse, store
from inventory.access import PermissionDenied
from inventory.edits import Located
from inventory.errors import InventoryError, ValidationFailed
from inventory.tables import BY_NAME, Table
from ui import audit_view, data
from ui.i18n import bilingual, column_label, lang, t, table_label, value_label
from ui.links import SUBJECT_OF_TABLE

PAGE_SIZE = 50


def _editor_key(name: str, snap: dict) -> str:
    return f"ws_editor_{name}_{snap['gen']}"


def _pending(key: str) -> bool:
    state = st.session_state.get(key) or {}
    return any(state.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def _snapshot(name: str, view: tuple, version: int) -> dict:
    """The page the editor shows; reloaded when the view changes, or when the data changed and
    nothing is pending (so an idle editor follows other people's saves)."""
    key = f"ws_snap_{name}"
    snap = st.session_state.get(key)
    if snap is not None and (snap["view"] == view and (snap["version"] == version or _pending(_editor_key(name, snap)))):
        return snap
    q, number = view
    base = data.read(browse.page, name, q, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    snap = {"view": view, "version": version, "base": base, "gen": (snap or {}).get("gen", 0) + 1}
    st.session_state[key] = snap
    return snap


def _for_editor(table: Table, base: pd.DataFrame) -> pd.DataFrame:
    shown = base.copy()
    for col in table.columns:
        if col.kind == "bool":
            shown[col.name] = shown[col.name].map({"true": True, "false": False}).astype("boolean")
    return shown


def _as_text(table: Table, edited: pd.DataFrame) -> pd.DataFrame:
    return edited.reindex(columns=table.column_names).map(_cell).reset_index(drop=True)


def _cell(value) -> str:
    """An editor cell as interchange text: checkboxes become true/false, empty cells ''."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    return str(value)


def _column_config(table: Table) -> dict:
    config = {}
    for col in table.columns:
        label = column_label(table.name, col.name)
        required = col.required and not col.empty_ok
        if col.kind == "bool":
            config[col.name] = st.column_config.CheckboxColumn(label)
        elif col.kind == "enum":
            config[col.name] = st.column_config.SelectboxColumn(label, options=list(col.choices), required=required)
        elif col.kind == "ref" and (options := data.read(browse.ids, col.ref)) is not None:
            config[col.name] = st.column_config.SelectboxColumn(label, options=options, required=required)
        else:
            config[col.name] = st.column_config.TextColumn(label, required=required)
    return config


def _error_rows(name: str, located: list[Located], edited: pd.DataFrame) -> pd.DataFrame:
    table = BY_NAME[name]
    rows = []
    for item in located:
        e = item.error
        if item.page_row is not None:
            record = t("ws_err_page_row", n=item.page_row + 1, id=browse.row_key(table, edited.iloc[item.page_row].to_dict()))
        elif item.key is not None:
            record = item.key
        else:
            record = "" if e.row is None else t("ws_err_row", n=e.row)
        other = BY_NAME.get(e.file)
        column = column_label(other.name, e.column) if other and e.column in other.column_names else (e.column or "")
        rows.append({t("ws_err_table"): table_label(e.file) if other else e.file, t("ws_err_record"): record,
                     t("ws_err_column"): column, t("ws_err_value"): e.value or "", t("ws_err_problem"): bilingual(e.message)})
    return pd.DataFrame(rows)


def _save(name: str, snap: dict, edited_text: pd.DataFrame) -> None:
    conn = data.conn()
    st.session_state.pop(f"ws_conflict_{name}", None)
    try:
        with st.spinner(t("ws_saving")):  # judges and writes only the rows this page changed
            store.apply_edits(conn, name, snap["base"], edited_text, actor=data.actor())
    except ValidationFailed as exc:  # a page refusal already says which page row each error is on
        located = getattr(exc, "located", None) or [Located(e, None, None) for e in exc.errors]
        st.session_state[f"ws_errors_{name}"] = _error_rows(name, located, edited_text)
        return
    except store.EditConflict as exc:  # every clashing row, field by field, with who changed it and when
        st.session_state[f"ws_errors_{name}"] = audit_view.conflict_rows(exc)
        st.session_state[f"ws_conflict_{name}"] = True
        return
    except (PermissionDenied, InventoryError) as exc:
        st.session_state[f"ws_errors_{name}"] = pd.DataFrame({t("ws_err_problem"): [bilingual(str(exc).splitlines()[0])]})
        return
    st.session_state.pop(f"ws_errors_{name}", None)
    st.session_state.pop(f"ws_snap_{name}", None)
    st.session_state["ws_flash"] = t("ws_saved", table=table_label(name))
    st.rerun()


def _page_findings(name: str, base: pd.DataFrame) -> None:
    """The open findings about the records on this page, so a fix is seen to work at once."""
    table = BY_NAME[name]
    if name in SUBJECT_OF_TABLE:
        subjects = {(SUBJECT_OF_TABLE[name], browse.row_key(table, r)) for r in base.to_dict("records")}
    else:
        subjects = {("category", c) for c in base.get("category_id", [])}
    found = triage.about(data.findings(data.as_of()), subjects)
    st.subheader(t("ws_page_findings", n=len(found)))
    if found.empty:
        st.caption(t("ws_no_page_findings"))
        return
    message = "message_ja" if lang() == "ja" else "message"
    shown = found.assign(severity=found["severity"].map(value_label))[["severity", "rule_id", "subject_id", message]]
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "severity": t("severity"), "rule_id": t("rule"), "subject_id": t("subject"), message: t("message")})


def _page_history(name: str, base: pd.DataFrame) -> None:
    """The versions of one record on this page, with "restore this version" (deleted records: Audit page)."""
    keys = [browse.row_key(BY_NAME[name], r) for r in base.to_dict("records")]
    with st.expander(t("ws_history", n=len(keys)), icon=":material/history:"):
        key = st.selectbox(t("hi_pick_record"), keys, index=None, key=f"ws_hist_{name}", placeholder=t("choose"))
        if key is not None:
            audit_view.record_history(name, key, f"ws_hist_version_{name}_{key}")


def table_editor(name: str, initial_search: str = "") -> None:
    """Search, page, edit, save or discard one table; then the findings about its rows."""
    table = BY_NAME[name]
    snap_key = f"ws_snap_{name}"
    old = st.session_state.get(snap_key)
    pending = old is not None and _pending(_editor_key(name, old))
    search = st.text_input(t("ws_search"), value=initial_search, key=f"ws_q_{name}", disabled=pending,
                           placeholder=t("ws_search_hint"))
    total = data.read(browse.count, name, search)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    number = st.pagination(pages, key=f"ws_page_{name}_{search}", disabled=pending) if pages > 1 else 1
    snap = _snapshot(name, (search, number), data.version())
    first = (number - 1) * PAGE_SIZE
    st.caption(t("ws_showing", first=min(first + 1, total), last=min(first + PAGE_SIZE, total), total=total))
    key = _editor_key(name, snap)
    edited = st.data_editor(_for_editor(table, snap["base"]), key=key, num_rows="dynamic", hide_index=True,
                            width="stretch", column_config=_column_config(table))
    pending = _pending(key)
    left, right, note = st.columns([1, 1, 4], vertical_alignment="center")
    if left.button(t("ws_save"), key=f"ws_save_{name}", type="primary", disabled=not pending, icon=":material/save:"):
        _save(name, snap, _as_text(table, edited))
    if right.button(t("ws_discard"), key=f"ws_discard_{name}", disabled=not pending):
        st.session_state.pop(snap_key, None)
        st.session_state.pop(f"ws_errors_{name}", None)
        st.session_state.pop(f"ws_conflict_{name}", None)
        st.rerun()
    if pending:
        note.caption(t("ws_pending"))
    if snap["version"] != data.version():
        note.caption(t("ws_changed_meanwhile"))
    errors = st.session_state.get(f"ws_errors_{name}")
    if errors is not None and pending:
        if st.session_state.get(f"ws_conflict_{name}"):
            st.error(t("ws_conflict", n=errors[t("ws_conflict_key")].nunique()), icon=":material/sync_problem:")
        else:
            st.error(t("ws_not_saved", n=len(errors)), icon=":material/error:")
        st.dataframe(errors, hide_index=True, width="stretch")
    _page_findings(name, snap["base"])
    _page_history(name, snap["base"])
    st.caption(t("ws_columns_note", file=table.file))
