"""Findings for people and machines: text grouped by severity, JSON, CSV (shared/spec/cli.md)."""
from __future__ import annotations

import io
import json

import pandas as pd

from controls.rules import FINDING_COLUMNS, SEVERITIES

HEADINGS = {
    "en": {"critical": "Critical", "high": "High", "medium": "Medium", "low": "Low",
           "none": "No findings.", "total": "{n} finding(s)"},
    "ja": {"critical": "重大", "high": "高", "medium": "中", "low": "低",
           "none": "指摘事項はありません。", "total": "指摘 {n} 件"},
}


def render(found: pd.DataFrame, fmt: str, lang: str = "en") -> str:
    if fmt == "json":
        records = found[list(FINDING_COLUMNS)].astype(object).where(found.notna(), None).to_dict("records")
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        found[list(FINDING_COLUMNS)].to_csv(buf, index=False, lineterminator="\n")
        return buf.getvalue()
    return _text(found, lang)


def _text(found: pd.DataFrame, lang: str) -> str:
    words = HEADINGS[lang]
    if found.empty:
        return words["none"] + "\n"
    message = "message_ja" if lang == "ja" else "message"
    lines = [words["total"].format(n=len(found))]
    for severity in SEVERITIES:
        group = found[found["severity"] == severity]
        if group.empty:
            continue
        lines += ["", f"{words[severity]} ({len(group)})"]
        for f in group.itertuples(index=False):
            domain = f" [{f.domain}]" if f.domain else ""
            lines.append(f"  {f.rule_id}{domain} {f.subject_type}:{f.subject_id} — {getattr(f, message)} ({f.reference})")
    return "\n".join(lines) + "\n"


def exit_code(found: pd.DataFrame, fail_on: str) -> int:
    """1 when any finding is at or above fail_on; `none` never fails."""
    if fail_on == "none":
        return 0
    worst = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return 1 if found["severity"].isin(worst).any() else 0
