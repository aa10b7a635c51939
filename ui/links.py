"""Where to fix a finding: the page and query parameters that open the record behind it."""
from __future__ import annotations

WORKSPACE = "app_pages/workspace.py"
CARD = "app_pages/category.py"
CONTROLS = "app_pages/safeguards.py"

_TABLE_OF = {"purpose": "purposes", "processor": "processors", "recipient": "recipients",
             "transfer": "transfers", "country": "countries", "control": "controls"}
# Category findings about a link rather than a field of the category row.
_CATEGORY_TABLE = {"R19": "category_purposes"}


def fix_links(rule_id: str, subject_type: str, subject_id: str, domain: str | None) -> list[tuple[str, dict, str]]:
    """(page, query_params, label key) for each place to fix the finding, the best first."""
    if subject_type == "category":
        card = (CARD, {"category": subject_id}, "open_card")
        if rule_id == "R29":
            return [(CONTROLS, {"scope": f"category:{subject_id}", "domain": domain or ""}, "add_control"), card]
        if rule_id == "R21":
            return [card, (WORKSPACE, {"table": "purposes"}, "open_record")]
        table = _CATEGORY_TABLE.get(rule_id, "categories")
        return [(WORKSPACE, {"table": table, "q": subject_id}, "open_record"), card]
    if subject_type == "organization":
        measure = {"R30": "POL-1", "R31": "ORG-4"}.get(rule_id, "")
        return [(CONTROLS, {"scope": "org", "measure": measure}, "add_control")]
    if rule_id == "R01":  # a missing transfer row: open the transfers, filtered to this party
        return [(WORKSPACE, {"table": "transfers", "q": subject_id}, "open_record"),
                (WORKSPACE, {"table": _TABLE_OF[subject_type], "q": subject_id}, "open_party")]
    table = _TABLE_OF.get(subject_type)
    return [(WORKSPACE, {"table": table, "q": subject_id}, "open_record")] if table else []


SUBJECT_OF_TABLE = {"categories": "category", "purposes": "purpose", "processors": "processor",
                    "recipients": "recipient", "transfers": "transfer", "countries": "country",
                    "controls": "control", "organization": "organization"}
