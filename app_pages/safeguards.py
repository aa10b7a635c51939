"""Controls: the safeguard catalog with its status per scope, the register of controls (overdue
reviews first), and a form to add a control to a scope.

`?scope=category:<id>&domain=TEC` or `?scope=org&measure=ORG-4` pre-fills the form (findings link here)."""
import math

import streamlit as st

from controls import register
from inventory.tables import DOMAINS, STATUSES
from ui import control_form, data
from ui.i18n import domain_name, pick, t, value_label

st.title(t("controls"))
if flash := st.session_state.pop("ctl_flash", None):
    st.success(flash, icon=":material/check_circle:")
as_of = data.as_of()

st.header(t("ctl_catalog"))
status = data.read(register.catalog_status)
st.dataframe(
    status.assign(domain=status["domain"].map(domain_name), title=[pick(a, b) for a, b in zip(status["title"], status["title_ja"])],
                  org_status=status["org_status"].map(value_label)).drop(columns=["title_ja", "position"]),
    hide_index=True, width="stretch", height=36 * (len(status) + 1) + 3, column_config={
        "measure_id": t("col_measure"), "domain": t("domain"), "title": t("col_title"), "org_status": t("ctl_org_status"),
        "implemented": t("ctl_n_implemented"), "partial": t("ctl_n_partial"), "planned": t("ctl_n_planned"),
        "not_applicable": t("ctl_n_not_applicable")})
st.caption(t("ctl_catalog_note"))

st.header(t("ctl_register"))
f1, f2, f3 = st.columns(3)
domain = f1.selectbox(t("domain"), DOMAINS, index=None, format_func=lambda d: f"{d} {domain_name(d)}",
                      key="ctl_domain", placeholder=t("all"))
state = f2.selectbox(t("col_status"), STATUSES, index=None, format_func=value_label, key="ctl_status", placeholder=t("all"))
text = f3.text_input(t("ctl_search"), key="ctl_search")
counts = data.read(register.count, as_of, domain, state, text)
st.caption(t("ctl_count", n=counts["rows"], overdue=counts["overdue"], date=as_of.isoformat()))
per_page = 50
pages = max(1, math.ceil(counts["rows"] / per_page))
number = st.pagination(pages, key=f"ctl_page_{domain}_{state}_{text}") if pages > 1 else 1
rows = data.read(register.controls, as_of, domain, state, text, (number - 1) * per_page, per_page)
st.dataframe(
    rows.assign(status=rows["status"].map(value_label), domain=rows["domain"].map(domain_name),
                measure_title=[pick(a, b) for a, b in zip(rows["measure_title"], rows["measure_title_ja"])],
                overdue=rows["overdue"].map({True: "⚠", False: ""})).drop(columns=["measure_title_ja"]),
    hide_index=True, width="stretch", column_order=["overdue", "control_id", "measure", "measure_title", "title", "scope",
                                                    "status", "next_review", "last_reviewed", "owner", "evidence", "domain"],
    column_config={
        "overdue": t("ctl_overdue"), "control_id": t("col_control"), "measure": t("col_measure"), "domain": t("domain"),
        "measure_title": t("ctl_measure_title"), "title": t("col_title"), "scope": t("col_scope"),
        "status": t("col_status"), "owner": t("col_owner"), "evidence": t("col_evidence"),
        "last_reviewed": t("col_last_reviewed"), "next_review": t("ctl_next_review")})
st.page_link("app_pages/workspace.py", label=t("ctl_edit"), query_params={"table": "controls"}, icon=":material/edit:")

st.header(t("ctl_add"))
control_form.add_control_form(st.query_params.get("scope", ""), st.query_params.get("domain", ""),
                              st.query_params.get("measure", ""))
