"""The audit trail as people read it: each change as field, before, after; a record's versions
with "restore this version"; and a refused save's conflicts row by row.

Every value reaches the screen through st.dataframe or `md()`, so a name holding HTML or
Markdown is shown as the characters it is.
"""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from inventory import audit, store
from inventory.access import PermissionDenied
from inventory.errors import InventoryError, ValidationFailed
from inventory.tables import BY_NAME
from ui import auth, data
from ui.i18n import bilingual, column_label, t, table_label
from ui.text import md

SUMMARY_CHARS = 160


def entries(conn, table: str | None, actor: str | None, limit: int, offset: int) -> pd.DataFrame:
    """`audit.entries` with positional arguments, for `data.read` (cached by data version)."""
    return audit.entries(conn, table=table, actor=actor, limit=limit, offset=offset)


def _fields(value) -> dict | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return json.loads(value) if isinstance(value, str) else dict(value)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def changes(before, after) -> list[tuple[str, str, str]]:
    """(field, before, after) for every field that differs; all filled fields of an insert or delete."""
    old, new = _fields(before), _fields(after)
    names = list(dict.fromkeys([*(new or {}), *(old or {})]))
    rows = [(n, _text((old or {}).get(n)), _text((new or {}).get(n))) for n in names]
    return [r for r in rows if r[1] != r[2]]


def summary(before, after) -> str:
    """One line: `field: before → after; …`, cut at SUMMARY_CHARS."""
    text = "; ".join(f"{f}: {b or '∅'} → {a or '∅'}" for f, b, a in changes(before, after))
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def _field_label(table: str, field: str) -> str:
    return column_label(table, field) if table in BY_NAME and field in BY_NAME[table].column_names else field


def where_label(table: str) -> str:
    return table_label(table) if table in BY_NAME else t("au_accounts") if table == "accounts" else table


def change_label(change: str) -> str:
    return t(f"au_change_{change}") if change in ("insert", "update", "delete") else change


def action_label(action: str) -> str:
    return t(f"au_action_{action}") if action in ("import", "edit", "restore", "account") else action


def diff_table(table: str, before, after) -> None:
    rows = changes(before, after)
    if not rows:
        st.caption(t("au_no_difference"))
        return
    st.dataframe(pd.DataFrame({t("au_field"): [_field_label(table, f) for f, _, _ in rows],
                               t("au_before"): [b for _, b, _ in rows], t("au_after"): [a for _, _, a in rows]}),
                 hide_index=True, width="stretch")


def listing(entries: pd.DataFrame, with_record: bool = True) -> None:
    """Audit rows, newest first, each with a one-line summary of what changed."""
    shown = pd.DataFrame({
        t("au_id"): entries["audit_id"], t("au_when"): entries["changed_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        t("au_who"): entries["actor"], t("au_action"): entries["action"].map(action_label),
        **({t("au_table"): entries["table_name"].map(where_label), t("au_key"): entries["record_key"]} if with_record else {}),
        t("au_change"): entries["change"].map(change_label),
        t("au_summary"): [summary(b, a) for b, a in zip(entries["before"], entries["after"])]})
    st.dataframe(shown, hide_index=True, width="stretch")


def restore_button(audit_id: int, key: str) -> None:
    """"Restore this version" for editors: the record back as it was right after `audit_id`."""
    if not auth.allows("editor"):
        return
    if not st.button(t("hi_restore"), key=key, icon=":material/restore:", help=t("hi_restore_help")):
        return
    try:
        store.restore_version(data.conn(), int(audit_id), actor=data.actor())
    except ValidationFailed as exc:
        st.error(t("hi_not_restored", n=len(exc.errors)), icon=":material/error:")
        st.dataframe(pd.DataFrame({t("ws_err_table"): [e.file for e in exc.errors], t("ws_err_value"): [e.value or "" for e in exc.errors],
                                   t("ws_err_problem"): [bilingual(e.message) for e in exc.errors]}), hide_index=True, width="stretch")
        return
    except (PermissionDenied, InventoryError) as exc:
        st.error(md(bilingual(str(exc).splitlines()[0])), icon=":material/block:")
        return
    st.session_state["hi_flash"] = t("hi_restored", id=audit_id)
    st.rerun()


def record_history(table: str, key: str, widget_key: str) -> None:
    """Every version of one record, newest first; pick one to see its change and restore it."""
    if flash := st.session_state.pop("hi_flash", None):
        st.success(flash, icon=":material/check_circle:")
    versions = data.read(audit.history, table, key)
    if versions.empty:
        st.caption(t("hi_none"))
        return
    st.caption(t("hi_versions", n=len(versions)))
    listing(versions, with_record=False)
    by_id = {int(r.audit_id): r for r in versions.itertuples(index=False)}
    labels = {i: version_label(r) for i, r in by_id.items()}  # words fixed now, in the reader's language
    chosen = st.selectbox(t("hi_pick"), list(by_id), key=widget_key, format_func=labels.get)
    if chosen is None:
        return
    row = by_id[chosen]
    diff_table(table, row.before, row.after)
    if table in BY_NAME:
        restore_button(chosen, f"{widget_key}_restore")


def version_label(row) -> str:
    """A selectbox option (plain text, never Markdown): `#id · when · who · change`."""
    return f"#{row.audit_id} · {row.changed_at:%Y-%m-%d %H:%M:%S} · {row.actor} · {change_label(row.change)}"


def conflict_rows(exc: store.EditConflict) -> pd.DataFrame:
    """One row per field that differs between what this editor loaded and what the row is now."""
    rows = []
    for c in exc.conflicts:
        loaded, now = c.get("yours_loaded"), c.get("theirs_now")
        names = [n for n in dict.fromkeys([*(loaded or {}), *(now or {})]) if (loaded or {}).get(n) != (now or {}).get(n)]
        for name in names or [""]:
            rows.append({t("ws_conflict_key"): c["key"], t("ws_err_column"): _field_label(exc.table, name) if name else "",
                         t("ws_conflict_yours"): t("ws_conflict_absent") if loaded is None else _text(loaded.get(name)),
                         t("ws_conflict_theirs"): t("ws_conflict_deleted") if now is None else _text(now.get(name)),
                         t("ws_conflict_by"): c.get("by") or "", t("ws_conflict_at"): str(c.get("at") or "")[:19]})
    return pd.DataFrame(rows)
