"""Overview for management: where the company stands, in one screen, read-only.

Every number is computed from the same findings `check` prints and from SQL aggregates; a click
on a heatmap cell or a country (or the pickers under each chart) opens what is behind it."""
import streamlit as st

from controls import coverage, rules, triage
from inventory import views
from ui import auth, charts, data, drill
from ui.i18n import lang, pick, t, value_label

st.title(t("overview"))
as_of = data.as_of()
found = data.findings(as_of)
head = data.read(views.headline)
cells = data.read(coverage.totals)
severities = triage.severity_counts(found)
st.caption(t("ov_as_of", date=as_of.isoformat(), n=len(found)))

row = st.columns(6)
row[0].metric(t("kpi_categories"), f"{head['categories']:,}", border=True)
row[1].metric(t("kpi_persons"), f"{head['persons']:,}", border=True)
row[2].metric(t("kpi_coverage"), f"{100 * cells['implemented'] / cells['required']:.0f}%" if cells["required"] else "—",
              help=t("kpi_coverage_help", done=cells["implemented"], required=cells["required"]), border=True)
row[3].metric(t("kpi_foreign"), head["foreign_countries"], border=True)
row[4].metric(t("kpi_supervision"), triage.subjects_with(found, "R13"), help=t("kpi_supervision_help"), border=True)
row[5].metric(t("kpi_findings"), len(found), border=True)
for col, severity in zip(st.columns(4), triage.SEVERITIES):
    col.metric(t("kpi_open", severity=value_label(severity)), severities[severity], border=True)

if head["categories"] == 0:
    st.info(t("ov_empty"), icon=":material/info:")
    if auth.can_open("app_pages/exchange.py"):
        st.page_link("app_pages/exchange.py", label=t("import_export"), icon=":material/swap_vert:")
    st.stop()

st.header(t("ov_coverage"))
per_page = 25
pages = -(-head["categories"] // per_page)
number = st.pagination(pages, key="ov_heat_page") if pages > 1 else 1
grid = data.read(coverage.grid, (number - 1) * per_page, per_page)
labels = drill.row_labels(grid)
figure = charts.coverage_heatmap(
    grid, labels, {d: f"{d}<br>{t('dom_' + d)}" for d in coverage.DOMAINS},
    {s: value_label(s) for s in coverage.STATUSES}, t("ov_coverage_title"))
picked = st.plotly_chart(figure, on_select="rerun", selection_mode="points", key="ov_heatmap")
cell = drill.picked_cell(picked, grid, labels)
if cell:
    drill.cell_panel(*cell, found)

st.header(t("ov_findings_by_rule"))
rule_titles = {r["rule_id"]: pick(r["title"], r["title_ja"]) for r in rules.rule_catalog()}
if found.empty:
    st.success(t("no_findings"))
else:
    st.plotly_chart(charts.findings_by_rule(triage.by_rule(found), rule_titles,
                                            {s: value_label(s) for s in triage.SEVERITIES},
                                            t("ov_findings_by_rule_title"), t("ov_findings_axis")), key="ov_rules")

st.header(t("ov_map"))
places = data.countries(as_of)
names = drill.country_names(places["country"])
picked = st.plotly_chart(charts.world_map(places, names, {s: value_label(s) for s in charts.TRANSFER_COLORS},
                                          t("ov_map_title"), t("ov_map_hover")),
                         on_select="rerun", selection_mode="points", key="ov_map", config=charts.MAP_CONFIG)
country = drill.picked_country(picked, places, names)
if country:
    drill.country_panel(country, names[country], as_of)

st.header(t("ov_flows"))
edges = data.read(views.flows, 12)
if edges.empty:
    st.caption(t("ov_no_flows"))
else:
    kinds = {k: t(f"node_{k}") for k in charts.NODE_COLORS}
    st.plotly_chart(charts.sankey(edges, "name_ja" if lang() == "ja" else "name", kinds, t("ov_flows_title")),
                    key="ov_sankey")
    st.caption(t("ov_flows_note", n=min(12, head["categories"]), total=head["categories"]))
