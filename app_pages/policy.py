"""Privacy policy: paste or upload the published policy; see what it declares with the evidence
highlighted in its text, the P-rules against the inventory, and add to the inventory the declared
categories and purposes it lacks (after the officer confirms)."""
import streamlit as st

from controls import triage
from ui import drill, policy_view as pv
from ui.i18n import t, value_label

st.title(t("policy"))
pv.write_result()
sources = {s: t(f"pol_{s}") for s in ("paste", "upload")}
source = st.segmented_control(t("pol_source"), list(sources), default="paste", key="pol_source", format_func=sources.get)
text, kind = "", "txt"
if source == "upload":
    upload = st.file_uploader(t("pol_upload_label"), type=["txt", "md", "html", "htm"], key="pol_file",
                              help=t("pol_upload_help", mb=pv.MAX_BYTES // 1_000_000))
    if upload is not None:
        try:
            text, kind = pv.read_upload(upload)
        except ValueError as exc:
            st.error(str(exc), icon=":material/error:")
else:
    left, right = st.columns([5, 1])
    text = left.text_area(t("pol_text"), key="pol_text", height=200, max_chars=pv.MAX_CHARS,
                          placeholder=t("pol_text_hint"))
    kinds = {k: t(f"pol_kind_{k}") for k in pv.KINDS}  # none chosen: detected from the text
    chosen_kind = right.selectbox(t("pol_kind"), list(kinds), index=None, key="pol_kind", placeholder=t("pol_kind_auto"),
                                  format_func=kinds.get)
    kind = chosen_kind or pv.guess_kind(text)
if not text.strip():
    st.info(t("pol_empty"), icon=":material/policy:")
    st.stop()

key = pv.digest(text) + kind
with st.spinner(t("pol_reading")):
    result, plain = pv.scan(text, kind)
st.header(t("pol_declares"))
pv.summary(result)

st.header(t("pol_text_title"))
st.caption(t("pol_text_note", n=len(result["evidence"])))
chosen = pv.evidence_choice(result)
if chosen:
    st.html(pv.sentences_html(result, chosen))
st.html(pv.highlighted_html(plain, result["evidence"], chosen))

st.header(t("pol_findings"))
found = pv.findings(text, kind)
counts = triage.severity_counts(found)
for col, severity in zip(st.columns(4), triage.SEVERITIES):
    col.metric(value_label(severity), counts[severity], border=True)
if found.empty:
    st.success(t("pol_no_findings"), icon=":material/verified:")
else:
    with st.container(border=True):
        drill.finding_list(found)

st.header(t("pol_adopt"))
st.caption(t("pol_adopt_note"))
pv.adopt_panel(key, result, found)
