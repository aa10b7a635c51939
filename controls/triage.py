"""Slicing the findings frame for people: counts, filters, and the findings about one thing.

The findings come from `rules.findings` (one frame, already sorted worst first); these helpers
only select and count, so every screen shows the same findings that `check` prints.
"""
from __future__ import annotations

import pandas as pd

SEVERITIES = ("critical", "high", "medium", "low")


def severity_counts(found: pd.DataFrame) -> dict[str, int]:
    counts = found["severity"].value_counts() if not found.empty else {}
    return {s: int(counts.get(s, 0)) for s in SEVERITIES}


def by_rule(found: pd.DataFrame) -> pd.DataFrame:
    """rule_id, severity, findings: one row per rule and severity that occurs."""
    if found.empty:
        return pd.DataFrame({"rule_id": [], "severity": [], "findings": []})
    return found.groupby(["rule_id", "severity"]).size().rename("findings").reset_index()


def subjects_with(found: pd.DataFrame, rule_id: str) -> int:
    """How many distinct subjects a rule flags (e.g. R13: processors overdue for supervision)."""
    return int(found.loc[found["rule_id"] == rule_id, "subject_id"].nunique()) if not found.empty else 0


def select(found: pd.DataFrame, severities=(), rules=(), domains=(), subject_types=(), text: str = "") -> pd.DataFrame:
    """The findings matching every filter given; an empty filter lets everything through.
    `text` matches the subject ID or either message, case-insensitively."""
    keep = pd.Series(True, index=found.index)
    for column, wanted in (("severity", severities), ("rule_id", rules), ("domain", domains),
                           ("subject_type", subject_types)):
        if wanted:
            keep &= found[column].isin(list(wanted))
    if text.strip():
        needle = text.strip().lower()
        hay = found["subject_id"].astype(str) + " " + found["message"].astype(str) + " " + found["message_ja"].astype(str)
        keep &= hay.str.lower().str.contains(needle, regex=False)
    return found[keep]


def about(found: pd.DataFrame, subjects: set[tuple[str, str]]) -> pd.DataFrame:
    """The findings whose (subject_type, subject_id) is one of `subjects`."""
    if found.empty or not subjects:
        return found.iloc[0:0]
    keys = pd.Series(list(zip(found["subject_type"], found["subject_id"])), index=found.index)
    return found[keys.isin(subjects)]
