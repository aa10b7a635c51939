"""Findings: every open gap, worst first, in the reader's language."""
import datetime as dt

import streamlit as st

from ui.data import findings
from ui.i18n import lang, t

st.title(t("findings"))
as_of = st.date_input(t("as_of"), value=dt.date.today(), key="findings_as_of")
found = findings(as_of)
if found.empty:
    st.success(t("no_findings"))
else:
    counts = found["severity"].value_counts()
    cols = st.columns(4)
    for col, severity in zip(cols, ("critical", "high", "medium", "low")):
        col.metric(t(severity), int(counts.get(severity, 0)))
    shown = found.assign(message=found["message_ja"] if lang() == "ja" else found["message"])
    st.dataframe(
        shown[["severity", "rule_id", "subject_type", "subject_id", "domain", "message", "reference"]],
        hide_index=True, width="stretch",
        column_config={"severity": t("severity"), "rule_id": t("rule"), "subject_id": t("subject"),
                       "domain": t("domain"), "message": t("message"), "reference": t("reference")})
