"""Category card: everything about one category of personal data on one screen.

`?category=<id>` opens a category directly (the findings and the overview link here)."""
import streamlit as st

from controls import coverage, triage
from inventory import card
from ui import audit_view, auth, data, drill
from ui.i18n import column_label, domain_name, pick, t, value_label
from ui.links import CARD, WORKSPACE
from ui.text import md

st.title(t("category_card"))
wanted = st.query_params.get("category", "")
search = st.text_input(t("card_search"), key="card_search", placeholder=t("card_search_hint"))
options = data.read(card.search, search, 200)
ids = list(options["category_id"])
if wanted and wanted not in ids:
    ids.insert(0, wanted)
names = {c: pick(n, j) for c, n, j in options.itertuples(index=False)}
chosen = st.selectbox(t("card_pick"), ids, index=ids.index(wanted) if wanted in ids else None, key="card_pick",
                      format_func=lambda c: f"{names.get(c, c)} ({c})", placeholder=t("card_pick_hint"))
if not chosen:
    st.info(t("card_none") if ids else t("card_empty"), icon=":material/info:")
    st.stop()
if chosen != wanted:
    st.query_params["category"] = chosen
row = data.read(card.category, chosen)
if row is None:
    st.warning(t("card_missing", id=md(chosen)))
    st.stop()

st.header(f"{md(pick(row['name'], row['name_ja']))}  ·  {md(chosen)}")
flags = [f for f in ("special_care", "my_number", "financial", "personally_referable", "pseudonymized", "anonymized",
                     "eu_origin", "retained") if row[f] == "true"]
st.markdown(" ".join(f":{'red' if f in ('special_care', 'my_number', 'financial') else 'blue'}-badge[{column_label('categories', f)}]"
                     for f in flags) or " ")
found = data.findings(data.as_of())
mine = found[(found["subject_type"] == "category") & (found["subject_id"] == chosen)]
cells = data.read(coverage.category_cells, chosen)
required = cells[cells["required"]]
m = st.columns(4)
m[0].metric(t("card_persons"), row["persons"] or "—", border=True)
m[1].metric(t("card_retention"), t("card_months", n=row["retention_months"]) if row["retention_months"] else row["delete_by"] or "—", border=True)
m[2].metric(t("kpi_coverage"), f"{(required['status'] == 'implemented').sum()}/{len(required)}", border=True)
m[3].metric(t("card_findings"), len(mine), border=True)
details = ["data_subjects", "items", "source", "owner", "access_holders", "disposal_method", "last_reviewed", "special_care_consent"]
st.dataframe({t("card_field"): [column_label("categories", c) for c in details],
              t("card_value"): [value_label(row[c]) if c in ("source", "special_care_consent") else (row[c] or "—") for c in details]},
             hide_index=True, width="stretch")
if auth.can_open(WORKSPACE):  # management reads the card; officers edit
    st.page_link(WORKSPACE, label=t("card_edit"), query_params={"table": "categories", "q": chosen}, icon=":material/edit:")
with st.expander(t("card_history"), icon=":material/history:"):
    audit_view.record_history("categories", chosen, f"card_history_{chosen}")

left, right = st.columns(2)
for column, part, table, title in (
        (left, card.purposes, "purposes", "node_purpose"), (left, card.systems, "systems", "card_systems"),
        (left, card.processors, "processors", "card_processors"), (right, card.recipients, "recipients", "card_recipients"),
        (right, card.transfers, "transfers", "card_transfers"), (right, card.countries, "countries", "card_countries")):
    column.subheader(t(title))
    drill.record_table(column, data.read(part, chosen), table)

st.subheader(t("card_controls"))
st.markdown("  ".join(f"**{d}** {drill.badge(s, drill.STATUS_BADGE)}" for d, s in zip(cells["domain"], cells["status"])))
st.caption(" · ".join(f"{d} = {domain_name(d)}" for d in coverage.DOMAINS))
drill.controls_table(data.read(coverage.covering_controls, chosen, None))

st.subheader(t("card_findings_title", n=len(mine)))
drill.finding_list(mine, here=CARD)
related = triage.about(found, data.read(card.related_subjects, chosen) - {("category", chosen)})
with st.expander(t("card_related", n=len(related))):
    drill.finding_list(related, here=CARD)
