"""The Policy page's parts: reading the pasted or uploaded policy, the cached scan and P-rules, what
the policy declares, its text with the evidence highlighted, and adding what the inventory lacks.

The policy text is untrusted input. It reaches the screen only as plain text (dataframes, widget
options) or through `highlighted_html`, which escapes every character before wrapping the
evidence spans in <mark>; it is never handed to Markdown or HTML as it is.
"""
from __future__ import annotations

import hashlib
import html
import re
from bisect import bisect_right
from pathlib import Path

import pandas as pd
import streamlit as st

from controls import geography
from inventory import store
from inventory.access import PermissionDenied
from inventory.errors import InventoryError, ValidationFailed
from policy import adopt
from policy.check import policy_findings
from policy.fields import RIGHTS, SAFEGUARD_KEYS
from policy.report import DOMAIN_CODE, LABELS as SCAN_LABELS
from policy.scan import scan_text
from policy.text import decode, extract, kind_of
from ui import data
from ui.i18n import bilingual, lang, t
from ui.links import WORKSPACE

MAX_BYTES = 2_000_000  # a 20-page policy is ~100 kB; anything far larger is not a policy
MAX_CHARS = 500_000
KINDS = ("txt", "md", "html")
_HTML = re.compile(r"<\s*(html|body|p|div|h[1-6]|li|ul|ol|table|br|section|article)\b", re.I)
MARK = "background:#fff1a8;border-radius:2px"
MARK_ON = "background:#ffb74d;border-radius:2px;font-weight:600"


def guess_kind(text: str) -> str:
    if _HTML.search(text):
        return "html"
    return "md" if re.search(r"^#{1,6}\s", text, re.M) else "txt"


def read_upload(upload) -> tuple[str, str]:
    """Text and kind of an uploaded file, decoded as the scanner decodes files; ValueError if too big."""
    if upload.size > MAX_BYTES:
        raise ValueError(t("pol_too_big", mb=MAX_BYTES // 1_000_000))
    return decode(upload.getvalue()), kind_of(Path(upload.name))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@st.cache_data(max_entries=16, show_spinner=False)
def _scan(key: str, kind: str, _text: str) -> tuple[dict, str]:
    return scan_text(_text, kind), extract(_text, kind).text


def scan(text: str, kind: str) -> tuple[dict, str]:
    """(scan result, the plain text its evidence offsets refer to), cached by a hash of the text."""
    return _scan(digest(text), kind, text)


@st.cache_data(max_entries=16, show_spinner=False)
def _findings(path: str, version: int, key: str, kind: str, _text: str) -> pd.DataFrame:
    return policy_findings(data.conn(), _scan(key, kind, _text)[0])


def findings(text: str, kind: str) -> pd.DataFrame:
    """P01–P07 for the policy against the inventory, recomputed when the inventory changes."""
    return _findings(data.db_path(), data.version(), digest(text), kind, text)


def word(key: str) -> str:
    """A word of the scan report (field, enumerated value, domain, right) in the reader's language."""
    return SCAN_LABELS["ja" if lang() == "ja" else "en"].get(key, key)


def value_text(field: str, value) -> str:
    if field == "categories":
        return adopt.term_label(value, lang())
    if field == "countries":
        return f"{geography.country_name(value, lang())} ({value})"
    if isinstance(value, bool):
        return word("yes" if value else "no")
    return word(value) if field in ("safeguards", "rights", "foreign_transfer", "special_care") else str(value)


def summary(result: dict) -> None:
    """What the policy declares: the yes/no answers as metrics, the lists as badges and tables."""
    m = st.columns(3)
    m[0].metric(word("language"), word(result["language"]), border=True)
    m[1].metric(word("outsourcing"), value_text("outsourcing", result["outsourcing"]), border=True)
    m[2].metric(word("third_party_provision"), value_text("third_party_provision", result["third_party_provision"]),
                border=True)
    left, right = st.columns(2)
    sep = "、" if lang() == "ja" else ", "
    countries = sep.join(value_text("countries", c) for c in result["countries"])
    left.markdown(f"**{word('foreign_transfer')}**: {word(result['foreign_transfer'])}" + (f" — {countries}" if countries else ""))
    left.markdown(f"**{word('special_care')}**: {word(result['special_care'])}")
    left.markdown(f"**{word('categories')} ({len(result['categories'])})**  \n"
                  + (" ".join(f":blue-badge[{adopt.term_label(c, lang())}]" for c in result["categories"]) or word("none")))
    left.markdown(f"**{word('safeguards')}**  \n" + " ".join(
        f":{'green' if result['safeguards'].get(k) else 'gray'}-badge[{DOMAIN_CODE[k]} {word(k)}]" for k in SAFEGUARD_KEYS))
    rights = [word(r) for r in RIGHTS if r in result["rights"]]
    left.markdown(f"**{word('rights')}**: {sep.join(rights) or word('none')}")
    right.dataframe(pd.DataFrame({word("purposes"): result["purposes"]}), hide_index=True, width="stretch")
    parties = [(word("processors"), p) for p in result["processors"]] + [(word("recipients"), r) for r in result["recipients"]]
    if parties:
        right.dataframe(pd.DataFrame(parties, columns=[t("col_kind"), t("pol_party")]), hide_index=True, width="stretch")


def evidence_choice(result: dict) -> tuple[str, str] | None:
    """The (field, value) whose evidence to show: every distinct one the scan recorded."""
    options = list(dict.fromkeys((e["field"], str(e["value"])) for e in result["evidence"]))
    names = {(e["field"], str(e["value"])): f"{word(e['field'])} · {value_text(e['field'], e['value'])}"
             for e in result["evidence"]}  # worded now: the reader's language is known only during a run
    return st.selectbox(t("pol_field"), options, index=None, key="pol_field", placeholder=t("pol_field_hint"),
                        format_func=names.get)


def _merged(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _inside(merged: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right([a for a, _ in merged], pos) - 1
    return i >= 0 and merged[i][0] <= pos < merged[i][1]


def highlighted_html(plain: str, evidence: list[dict], chosen: tuple[str, str] | None = None) -> str:
    """The policy text as safe HTML: all of it escaped, the evidence spans (brighter: the chosen
    field's) wrapped in <mark> only after escaping."""
    marked = _merged((e["start"], e["end"]) for e in evidence)
    on = _merged((e["start"], e["end"]) for e in evidence if chosen and (e["field"], str(e["value"])) == chosen)
    cuts = sorted({0, len(plain), *(p for span in marked + on for p in span)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(plain[a:b], quote=True)
        if _inside(on, a):
            parts.append(f'<mark style="{MARK_ON}">{piece}</mark>')
        elif _inside(marked, a):
            parts.append(f'<mark style="{MARK}">{piece}</mark>')
        else:
            parts.append(piece)
    return ('<div style="white-space:pre-wrap;max-height:32rem;overflow-y:auto;padding:.75rem;'
            'border:1px solid rgba(128,128,128,.3);border-radius:.5rem;line-height:1.6">' + "".join(parts) + "</div>")


def sentences_html(result: dict, chosen: tuple[str, str]) -> str:
    """The chosen field's evidence sentences, escaped, one quote each."""
    quotes = dict.fromkeys(e["text"] for e in result["evidence"] if (e["field"], str(e["value"])) == chosen)
    return "".join(f'<blockquote style="margin:.25rem 0;padding-left:.75rem;border-left:3px solid #ffb74d;white-space:pre-wrap">'
                   f"{html.escape(q, quote=True)}</blockquote>" for q in quotes)


def _read_only() -> bool:
    who = data.actor()
    return who is not None and who.role == "viewer"


def adopt_panel(key: str, result: dict, found: pd.DataFrame) -> None:
    """Declared categories and purposes the inventory lacks: pick, confirm, then rows are added."""
    terms = list(found.loc[found["rule_id"] == "P02", "subject_id"]) if not found.empty else []
    proposals = adopt.suggestions(data.conn(), result, terms)
    if not proposals:
        st.caption(t("pol_nothing_to_add"))
        return
    table = pd.DataFrame({"add": False, "table": [t(f"subject_{'category' if p['table'] == 'categories' else 'purpose'}")
                                                  for p in proposals],
                          "id": [p["id"] for p in proposals], "label": [p["label"] for p in proposals]})
    picked = st.data_editor(table, key=f"pol_pick_{key[:12]}_{data.version()}", hide_index=True, width="stretch",
                            disabled=["table", "id", "label"], column_config={
                                "add": st.column_config.CheckboxColumn(t("pol_add_col")), "table": t("col_kind"),
                                "id": t("col_id"), "label": t("col_title")})
    chosen = [p for p, on in zip(proposals, picked["add"]) if on]
    if _read_only():
        st.caption(t("pol_viewer"))
    if st.button(t("pol_add", n=len(chosen)), key="pol_add", disabled=not chosen or _read_only(), icon=":material/add:"):
        st.session_state["pol_pending"] = {"key": key, "rows": [(p["table"], p["row"]) for p in chosen]}
    pending = st.session_state.get("pol_pending")
    if not pending or pending["key"] != key:
        return
    st.warning(t("pol_confirm_text", n=len(pending["rows"])), icon=":material/help:")
    yes, no, _ = st.columns([1, 1, 4])
    if no.button(t("pol_cancel"), key="pol_cancel"):
        st.session_state.pop("pol_pending", None)
        st.rerun()
    if yes.button(t("pol_confirm"), key="pol_confirm", type="primary"):
        _write(pending["rows"])


def _write(rows: list[tuple[str, dict]]) -> None:
    """Each confirmed row through the store (validated, audited); problems shown after the rerun."""
    st.session_state.pop("pol_pending", None)
    done, problems = 0, []
    try:
        for name, row in rows:
            store.add_row(data.conn(), name, row, actor=data.actor())
            done += 1
    except ValidationFailed as exc:
        problems = [bilingual(e.message) for e in exc.errors]
    except (PermissionDenied, InventoryError) as exc:
        problems = [bilingual(str(exc).splitlines()[0])]
    st.session_state["pol_result"] = {"added": done, "failed": len(rows) - done, "problems": problems,
                                      "table": rows[0][0] if rows else "categories"}
    st.rerun()


def write_result() -> None:
    """The outcome of the last confirmed addition (problems as a table: they may quote the policy)."""
    outcome = st.session_state.pop("pol_result", None)
    if not outcome:
        return
    if outcome["added"]:
        st.success(t("pol_added", n=outcome["added"]), icon=":material/check_circle:")
        st.page_link(WORKSPACE, label=t("pol_open_workspace"), query_params={"table": outcome["table"]},
                     icon=":material/edit_note:")
    if outcome["failed"]:
        st.error(t("pol_not_added", n=outcome["failed"]), icon=":material/error:")
        st.dataframe(pd.DataFrame({t("ws_err_problem"): outcome["problems"]}), hide_index=True, width="stretch")
