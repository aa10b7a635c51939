"""Findings: every open gap, worst first, filtered by severity, rule, domain and subject; each
says in plain words what to do and links to the record to fix.

`?rule=R32&q=<text>` pre-sets the filters."""
import math

import streamlit as st

from controls import report, rules, triage
from ui import data, drill
from ui.i18n import domain_name, pick, t, value_label

st.title(t("findings"))
as_of = data.as_of()
found = data.findings(as_of)
counts = triage.severity_counts(found)
for col, severity in zip(st.columns(4), triage.SEVERITIES):
    col.metric(value_label(severity), counts[severity], border=True)
if found.empty:
    st.success(t("no_findings"), icon=":material/verified:")
    st.stop()

catalog = {r["rule_id"]: pick(r["title"], r["title_ja"]) for r in rules.rule_catalog()}
present = sorted(found["rule_id"].unique())
wanted_rule = [r for r in st.query_params.get_all("rule") if r in present]
a, b, c, d = st.columns(4)
severities = a.multiselect(t("severity"), triage.SEVERITIES, format_func=value_label, key="fd_severity",
                           placeholder=t("all"))
chosen_rules = b.multiselect(t("rule"), present, default=wanted_rule, key="fd_rule", placeholder=t("all"),
                             format_func=lambda r: f"{r} {catalog.get(r, '')}")
domains = c.multiselect(t("domain"), sorted(found["domain"].dropna().unique()), key="fd_domain",
                        format_func=lambda x: f"{x} {domain_name(x)}", placeholder=t("all"))
subject_types = d.multiselect(t("fd_subject_type"), sorted(found["subject_type"].unique()), key="fd_subject_type",
                              format_func=lambda s: t(f"subject_{s}"), placeholder=t("all"))
text = st.text_input(t("fd_search"), value=st.query_params.get("q", ""), key="fd_search", placeholder=t("fd_search_hint"))
shown = triage.select(found, severities, chosen_rules, domains, subject_types, text)

per_page = 20
pages = max(1, math.ceil(len(shown) / per_page))
left, right = st.columns([3, 1], vertical_alignment="center")
left.caption(t("fd_count", n=len(shown), total=len(found), date=as_of.isoformat()))
right.download_button(t("fd_download"), lambda: report.render(shown, "csv"), file_name=f"findings-{as_of.isoformat()}.csv",
                      mime="text/csv", key="fd_download", icon=":material/download:")
number = st.pagination(pages, key=f"fd_page_{len(shown)}") if pages > 1 else 1
with st.container(border=True):
    drill.finding_list(shown.iloc[(number - 1) * per_page: number * per_page])
