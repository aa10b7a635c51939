"""Plotly figures for the overview. Each takes small, already-aggregated frames and the words to
show (so the figures know nothing about languages), and puts the record's ID in `customdata` so
a click can drill down to it."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

COVERAGE_COLORS = {"implemented": "#2e7d32", "partial": "#f9a825", "planned": "#64b5f6",
                   "missing": "#c62828", "not_required": "#e0e0e0"}
SEVERITY_COLORS = {"critical": "#8e0000", "high": "#e65100", "medium": "#f9a825", "low": "#90a4ae"}
TRANSFER_COLORS = {"no_route": "#b71c1c", "route_incomplete": "#ef6c00", "not_assessed": "#fbc02d",
                   "covered": "#2e7d32", "domestic": "#1565c0"}
NODE_COLORS = {"category": "#5c6bc0", "purpose": "#26a69a", "processor": "#8d6e63", "recipient": "#ab47bc",
               "country": "#546e7a"}
_MARGIN = dict(l=10, r=10, t=50, b=10)
# Plotly fetches map outlines from this URL (relative to the page, so a base path still works);
# they are shipped in static/topojson because Plotly's CDN may be out of reach.
MAP_CONFIG = {"topojsonURL": "app/static/topojson/"}


def _plain(text) -> str:
    """A name as Plotly text that shows its characters: Plotly reads <b>, <a href>, <br> and
    entities in labels, so `<` `>` `&` of user data become entities (it decodes those back)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text: str, width: int = 34) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def coverage_heatmap(grid: pd.DataFrame, row_labels: dict[str, str], domain_labels: dict[str, str],
                     status_labels: dict[str, str], title: str) -> go.Figure:
    """Categories (rows, worst first) × domains; one square per cell, one legend entry per status.
    A scatter of squares rather than a heatmap trace, so that a click selects exactly one cell."""
    order = list(dict.fromkeys(grid["category_id"]))
    row_labels = {c: _plain(label) for c, label in row_labels.items()}
    fig = go.Figure()
    for status, color in COVERAGE_COLORS.items():
        part = grid[grid["status"] == status]
        fig.add_trace(go.Scatter(
            x=part["domain"], y=[row_labels[c] for c in part["category_id"]], mode="markers",
            name=status_labels[status], customdata=part[["category_id", "domain"]].to_numpy(),
            marker=dict(symbol="square", size=24, color=color, line=dict(width=1, color="white")),
            hovertemplate="%{y}<br>%{x}: " + status_labels[status] + "<extra></extra>"))
    fig.update_xaxes(categoryorder="array", categoryarray=list(domain_labels), side="top",
                     tickvals=list(domain_labels), ticktext=list(domain_labels.values()), tickangle=0,
                     showgrid=False)
    fig.update_yaxes(categoryorder="array", categoryarray=[row_labels[c] for c in reversed(order)], showgrid=False)
    fig.update_layout(title=title, height=140 + 34 * len(order), margin=dict(l=10, r=10, t=100, b=10),
                      legend=dict(orientation="h", y=-0.02, yanchor="top"), clickmode="event+select",
                      plot_bgcolor="rgba(0,0,0,0)")
    return fig


def findings_by_rule(counts: pd.DataFrame, rule_labels: dict[str, str], severity_labels: dict[str, str],
                     title: str, axis: str) -> go.Figure:
    """Stacked horizontal bars: findings per rule, coloured by severity."""
    fig = go.Figure()
    rules = sorted(counts["rule_id"].unique(), reverse=True)
    for severity, color in SEVERITY_COLORS.items():
        part = counts[counts["severity"] == severity]
        fig.add_trace(go.Bar(
            y=part["rule_id"], x=part["findings"], orientation="h", name=severity_labels[severity],
            marker_color=color, customdata=[rule_labels.get(r, r) for r in part["rule_id"]],
            hovertemplate="%{y} %{customdata}<br>%{x}<extra>" + severity_labels[severity] + "</extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=rules)
    fig.update_layout(title=title, barmode="stack", height=120 + 24 * max(len(rules), 1), margin=_MARGIN,
                      xaxis=dict(title=axis, tickformat=",d", dtick=1 if counts["findings"].max() <= 10 else None),
                      legend=dict(orientation="h", y=-0.15))
    return fig


def world_map(countries: pd.DataFrame, names: dict[str, str], status_labels: dict[str, str], title: str,
              hover: str) -> go.Figure:
    """A choropleth of the countries where data is handled, each coloured by its worst status."""
    fig = go.Figure()
    for status, color in TRANSFER_COLORS.items():
        part = countries[countries["status"] == status].dropna(subset=["iso3"])
        if part.empty:
            continue
        text = [hover.format(name=_plain(names.get(c, c)), systems=s, processors=p, recipients=r, categories=k, findings=f)
                for c, s, p, r, k, f in part[["country", "systems", "processors", "recipients", "categories",
                                              "findings"]].itertuples(index=False)]
        fig.add_trace(go.Choropleth(
            locations=part["iso3"], z=[1] * len(part), colorscale=[[0, color], [1, color]], showscale=False,
            name=status_labels[status], showlegend=True, customdata=part[["country"]].to_numpy(),
            text=text, hovertemplate="%{text}<extra>" + status_labels[status] + "</extra>",
            marker_line_color="white", marker_line_width=0.5))
        # A dot at each country's centre too: small countries (Singapore) stay visible and clickable.
        fig.add_trace(go.Scattergeo(
            locations=part["iso3"], locationmode="ISO-3", mode="markers", showlegend=False, text=text,
            marker=dict(size=9, color=color, line=dict(width=1, color="white")), name=status_labels[status],
            customdata=part[["country"]].to_numpy(), hovertemplate="%{text}<extra>" + status_labels[status] + "</extra>"))
    fig.update_geos(showcountries=True, countrycolor="#bdbdbd", showcoastlines=False, showframe=False,
                    projection_type="natural earth", landcolor="#f5f5f5", showland=True, resolution=50,
                    projection_rotation_lon=140, lataxis_range=[-58, 85])
    fig.update_layout(title=title, height=440, margin=_MARGIN, legend=dict(orientation="h", y=-0.02),
                      clickmode="event+select")
    return fig


def sankey(edges: pd.DataFrame, label_column: str, kind_labels: dict[str, str], title: str) -> go.Figure:
    """Categories → purposes and categories → processors/recipients → countries."""
    nodes: dict[tuple[str, str], int] = {}
    names: list[str] = []
    kinds: list[str] = []

    def node(kind: str, ident: str, name: str) -> int:
        if (kind, ident) not in nodes:
            nodes[(kind, ident)] = len(names)
            names.append(_plain(_short(name)))
            kinds.append(kind)
        return nodes[(kind, ident)]

    source_col, target_col = f"source_{label_column}", f"target_{label_column}"
    sources = [node(k, i, n) for k, i, n in edges[["source_kind", "source", source_col]].itertuples(index=False)]
    targets = [node(k, i, n) for k, i, n in edges[["target_kind", "target", target_col]].itertuples(index=False)]
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node=dict(label=names, color=[NODE_COLORS[k] for k in kinds], pad=12, thickness=14,
                  customdata=[kind_labels[k] for k in kinds], hovertemplate="%{label}<br>%{customdata}<extra></extra>"),
        link=dict(source=sources, target=targets, value=edges["value"].tolist(), color="rgba(120,144,156,0.25)")))
    fig.update_layout(title=title, height=max(420, 22 * len(names)), margin=_MARGIN)
    return fig
