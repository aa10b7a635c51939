"""The form that adds one control to a scope, written through `store.add_row` (validated like
every other write). Hints from the URL pre-fill it when a finding sends the officer here."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from controls import catalog, register
from inventory import browse, store
from inventory.access import PermissionDenied
from inventory.errors import InventoryError, ValidationFailed
from inventory.tables import DOMAINS, STATUSES
from ui import data
from ui.i18n import bilingual, column_label, domain_name, pick, t, value_label
from ui.text import md

OWN = "__own__"
MAX_LISTED = 1000  # beyond this many scopes, type the scope instead of picking it


def _scopes() -> list[str] | None:
    found = ["org"]
    for kind, table in (("category", "categories"), ("system", "systems"), ("processor", "processors")):
        ids = data.read(browse.ids, table, MAX_LISTED)
        if ids is None:
            return None
        found += [f"{kind}:{i}" for i in ids]
    return found if len(found) <= MAX_LISTED else None


def add_control_form(scope_hint: str, domain_hint: str, measure_hint: str) -> None:
    measures = catalog.measures()
    titles = {m: f"{m} {pick(a, b)}" for m, a, b in measures[["measure_id", "title", "title_ja"]].itertuples(index=False)}
    options = list(titles) + [OWN]
    if measure_hint not in titles:
        in_domain = measures.loc[measures["domain"] == domain_hint, "measure_id"]
        measure_hint = in_domain.iloc[0] if len(in_domain) else None
    scopes = _scopes()
    with st.form("ctl_add_form", clear_on_submit=False, border=True):
        a, b = st.columns(2)
        measure = a.selectbox(t("col_measure"), options, index=options.index(measure_hint) if measure_hint else None,
                              format_func=lambda m: t("ctl_own_measure") if m == OWN else titles[m], key="ctl_f_measure",
                              placeholder=t("choose"))
        title = b.text_input(t("col_title"), key="ctl_f_title")
        own_id = a.text_input(t("ctl_own_id"), key="ctl_f_own", help=t("ctl_own_help"))
        own_domain = b.selectbox(t("ctl_own_domain"), DOMAINS, index=None, key="ctl_f_domain",
                                 format_func=lambda d: f"{d} {domain_name(d)}", placeholder=t("choose"))
        if scopes is not None:
            scope = a.selectbox(t("col_scope"), scopes, index=scopes.index(scope_hint) if scope_hint in scopes else 0,
                                key="ctl_f_scope")
        else:
            scope = a.text_input(t("col_scope"), value=scope_hint or "org", key="ctl_f_scope_text", help=t("ctl_scope_help"))
        status = b.selectbox(t("col_status"), STATUSES, format_func=value_label, key="ctl_f_status")
        owner = a.text_input(t("col_owner"), key="ctl_f_owner")
        evidence = b.text_input(t("col_evidence"), key="ctl_f_evidence")
        reviewed = a.date_input(t("col_last_reviewed"), value=None, key="ctl_f_reviewed", format="YYYY-MM-DD")
        months = b.number_input(t("ctl_review_months"), min_value=1, max_value=120, value=12, step=1, key="ctl_f_months")
        control_id = a.text_input(t("col_control"), key="ctl_f_id", help=t("ctl_id_help"))
        submitted = st.form_submit_button(t("ctl_add_button"), type="primary", icon=":material/add_moderator:")
    if not submitted:
        return
    code = (own_id or "").strip() if measure == OWN else (measure or "")
    row = {"control_id": control_id.strip() or register.suggest_id(data.conn(), code or "control", scope or "org"),
           "measure": code, "domain": (own_domain or "") if measure == OWN else "", "title": title.strip(),
           "scope": (scope or "").strip(), "status": status, "owner": owner.strip(), "evidence": evidence.strip(),
           "last_reviewed": reviewed.isoformat() if reviewed else "", "review_months": str(int(months))}
    try:
        store.add_row(data.conn(), "controls", row, actor=data.actor())
    except ValidationFailed as exc:
        st.error(t("ctl_not_added", n=len(exc.errors)), icon=":material/error:")
        st.dataframe(pd.DataFrame({
            t("ws_err_column"): [column_label("controls", e.column) if e.column in row else (e.column or "") for e in exc.errors],
            t("ws_err_value"): [e.value or "" for e in exc.errors],
            t("ws_err_problem"): [bilingual(e.message) for e in exc.errors]}), hide_index=True, width="stretch")
        return
    except (PermissionDenied, InventoryError) as exc:
        st.error(md(bilingual(str(exc).splitlines()[0])))
        return
    st.session_state["ctl_flash"] = t("ctl_added", id=md(row["control_id"]))
    st.rerun()
