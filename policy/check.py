"""The P-rules (rules.md): the published policy against the inventory, as findings.

A policy and the real inventory drift apart: the policy promises measures nobody implemented, or
the inventory holds data the policy never mentions. Each rule compares one thing the scan read
(policy-scan.md) with what the inventory records, and returns findings in the shape of `check`
(rule_id, severity, subject_type, subject_id, domain, message, message_ja, reference).

Category mapping (P01, P02). Inventory categories are free text (name, name_ja, items), the policy
speaks the policy-scan vocabulary. A category's terms are the vocabulary terms that the scanner's own
lexicon finds in "name / name_ja / items" (no negation or context rules: an inventory row lists what
is held), plus `special_care` and `my_number` from the category's flags. P01 flags a category when
at least one of its terms is missing from the policy, and names the missing terms; a category whose
text maps to no term cannot be compared and is not flagged (its label needs a word the lexicon
knows). `financial` maps to no single term, so it adds none. P02 flags each term the policy declares
that no category maps to.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from controls import catalog
from policy import lexicon
from policy.fields import SAFEGUARD_KEYS, terms_of
from policy.report import TERM_JA

SQL = Path(__file__).with_name("sql")
COLUMNS = ["rule_id", "severity", "subject_type", "subject_id", "domain", "message", "message_ja", "reference"]
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
DOMAIN_OF_KEY = {"basic_policy": "POL", "rules": "RUL", "organizational": "ORG", "personnel": "HUM",
                 "physical": "PHY", "technical": "TEC", "external_environment": "EXT"}
DOMAIN_NAMES = {"POL": ("basic policy", "基本方針"), "RUL": ("handling rules", "取扱規程"),
                "ORG": ("organizational measures", "組織的安全管理措置"), "HUM": ("personnel measures", "人的安全管理措置"),
                "PHY": ("physical measures", "物理的安全管理措置"), "TEC": ("technical measures", "技術的安全管理措置"),
                "EXT": ("understanding of the external environment", "外的環境の把握")}


def _query(conn, name: str) -> list[tuple]:
    return conn.execute((SQL / f"{name}.sql").read_text(encoding="utf-8")).fetchall()


def category_terms(conn) -> dict[str, tuple[str, set[str]]]:
    """category_id -> (name, vocabulary terms it holds)."""
    lex = lexicon.load()
    out = {}
    for category_id, name, name_ja, items, special_care, my_number in _query(conn, "inventory_categories"):
        terms = terms_of(" / ".join(x for x in (name, name_ja, items) if x), lex)
        if special_care:
            terms.add("special_care")
        if my_number:
            terms.add("my_number")
        out[category_id] = (name, terms)
    return out


def implemented_domains(conn) -> dict[str, list[str]]:
    """Domain code -> implemented control IDs; catalog measures take the catalog's domain."""
    by_measure = dict(zip(catalog.measures()["measure_id"], catalog.measures()["domain"]))
    out: dict[str, list[str]] = {}
    for control_id, measure, domain in _query(conn, "implemented_controls"):
        effective = by_measure.get(measure, domain)
        if effective:
            out.setdefault(effective, []).append(control_id)
    return out


def _finding(rule, severity, subject_type, subject_id, message, message_ja, reference, domain=None) -> dict:
    return {"rule_id": rule, "severity": severity, "subject_type": subject_type, "subject_id": subject_id,
            "domain": domain, "message": message, "message_ja": message_ja, "reference": reference}


def _names(rows, limit: int = 5) -> str:
    names = [f"{r[1]} ({r[0]})" for r in rows[:limit]]
    return ", ".join(names) + (f" and {len(rows) - limit} more" if len(rows) > limit else "")


def policy_findings(conn, result: dict) -> pd.DataFrame:
    """P01–P07 for the scan `result` against the inventory open on `conn`."""
    findings: list[dict] = []
    declared = set(result.get("categories", []))

    categories = category_terms(conn)
    held: set[str] = set()
    for category_id, (name, terms) in categories.items():
        held |= terms
        missing = sorted(terms - declared)
        if missing:
            listed = ", ".join(missing)
            listed_ja = "、".join(TERM_JA.get(t, t) for t in missing)
            findings.append(_finding(
                "P01", "high", "category", category_id,
                f"Category {name} holds {listed}, which the privacy policy does not declare",
                f"台帳の区分「{name}」に含まれる{listed_ja}がプライバシーポリシーに記載されていません",
                "Art. 21"))
    for term in sorted(declared - held):
        findings.append(_finding(
            "P02", "medium", "term", term,
            f"The privacy policy declares {term}, but no inventory category holds it",
            f"プライバシーポリシーに記載された{TERM_JA.get(term, term)}に当たる区分が台帳にありません", "Art. 21"))

    implemented = implemented_domains(conn)
    safeguards = result.get("safeguards", {})
    for key in SAFEGUARD_KEYS:
        code = DOMAIN_OF_KEY[key]
        en, ja = DOMAIN_NAMES[code]
        if safeguards.get(key) and code not in implemented:
            findings.append(_finding(
                "P03", "high", "organization", "org",
                f"The privacy policy describes {en} ({code}), but no control in {code} is implemented",
                f"プライバシーポリシーに{ja}が記載されていますが、実施済みの管理策がありません", "Art. 32(1)", code))
        elif not safeguards.get(key) and code in implemented:
            controls = ", ".join(implemented[code][:5])
            findings.append(_finding(
                "P04", "medium", "organization", "org",
                f"Controls in {code} are implemented ({controls}), but the privacy policy does not describe {en}",
                f"{ja}の管理策（{controls}）を実施していますが、プライバシーポリシーに記載がありません",
                "Art. 32(1)", code))

    abroad = _query(conn, "foreign_parties")
    if abroad and result.get("foreign_transfer", "none_stated") == "none_stated":
        countries = ", ".join(sorted({r[3] for r in abroad}))
        parties = _names([(r[1], r[2]) for r in abroad])
        findings.append(_finding(
            "P05", "high", "organization", "org",
            f"Personal data is handled abroad ({countries}: {parties}), but the privacy policy states no foreign handling",
            f"個人データを外国（{countries}）で取り扱っていますが、プライバシーポリシーに外国での取扱いの記載がありません",
            "Art. 28"))

    processors = _query(conn, "processors")
    # a policy that names a consignee or a recipient has said something of it, whatever the flag says
    if processors and not result.get("outsourcing", False) and not result.get("processors"):
        findings.append(_finding(
            "P06", "medium", "organization", "org",
            f"The inventory has consignees ({_names(processors)}), but the privacy policy says nothing of outsourcing",
            f"台帳に委託先（{len(processors)}件）がありますが、プライバシーポリシーに委託の記載がありません", "Art. 25"))

    recipients = _query(conn, "providing_recipients")
    if recipients and not result.get("third_party_provision", False) and not result.get("recipients"):
        findings.append(_finding(
            "P07", "high", "organization", "org",
            f"The inventory provides personal data to third parties ({_names(recipients)}), "
            f"but the privacy policy says nothing of it",
            f"台帳では第三者（{len(recipients)}件）に提供していますが、プライバシーポリシーに第三者提供の記載がありません",
            "Art. 27"))

    frame = pd.DataFrame(findings, columns=COLUMNS)
    if frame.empty:
        return frame.astype(object)
    frame = frame.assign(_rank=frame["severity"].map(SEVERITY_ORDER), _domain=frame["domain"].fillna(""))
    frame = frame.sort_values(["_rank", "rule_id", "subject_type", "subject_id", "_domain"], kind="stable")
    frame = frame.drop(columns=["_rank", "_domain"]).reset_index(drop=True)
    frame["domain"] = frame["domain"].astype(object).where(frame["domain"].notna(), None)
    return frame
