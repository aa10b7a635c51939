"""P01–P07 on a real DuckDB inventory (conftest's `conn`): each rule fires, and clears when fixed."""
from __future__ import annotations

import pytest

from policy.check import COLUMNS, policy_findings
from policy.scan import scan_text

SAFE = {k: False for k in ("basic_policy", "rules", "organizational", "personnel", "physical", "technical",
                           "external_environment")}


def policy(**overrides) -> dict:
    """A scan result; by default one that declares nothing."""
    base = {"language": "en", "categories": [], "purposes": [], "outsourcing": False, "processors": [],
            "third_party_provision": False, "recipients": [], "foreign_transfer": "none_stated", "countries": [],
            "safeguards": dict(SAFE), "special_care": "not_stated", "rights": [], "evidence": []}
    base.update(overrides)
    return base


def rules(conn, result) -> list[tuple]:
    frame = policy_findings(conn, result)
    assert list(frame.columns) == COLUMNS
    return [(r.rule_id, r.subject_type, r.subject_id, r.domain) for r in frame.itertuples()]


def test_empty_inventory_and_silent_policy_give_nothing(conn):
    frame = policy_findings(conn, policy())
    assert frame.empty and list(frame.columns) == COLUMNS


def test_p01_category_not_declared_and_cleared(conn):
    conn.execute("insert into categories (category_id, name, name_ja, items) "
                 "values ('CUST', 'Customers', '顧客', '氏名、メールアドレス、購入履歴')")
    found = rules(conn, policy(categories=["email_address", "name"]))
    assert ("P01", "category", "CUST", None) in found
    frame = policy_findings(conn, policy(categories=["email_address", "name"]))
    row = frame[frame.rule_id == "P01"].iloc[0]
    assert row.severity == "high" and "purchase_history" in row.message and "購入履歴" in row.message_ja
    assert row.reference == "Art. 21"
    assert not [f for f in rules(conn, policy(categories=["email_address", "name", "purchase_history"]))
                if f[0] == "P01"]


def test_p01_uses_the_special_care_and_my_number_flags(conn):
    conn.execute("insert into categories (category_id, name, special_care, my_number) "
                 "values ('HR', 'Payroll', true, true)")
    frame = policy_findings(conn, policy(categories=["special_care"]))
    [p01] = frame[frame.rule_id == "P01"].itertuples()
    assert p01.subject_id == "HR" and "my_number" in p01.message and "special_care" not in p01.message


def test_p01_skips_a_category_the_lexicon_cannot_map(conn):
    conn.execute("insert into categories (category_id, name) values ('MISC', 'Miscellaneous')")
    assert rules(conn, policy()) == []


def test_p02_declared_term_missing_from_inventory_and_cleared(conn):
    assert rules(conn, policy(categories=["cookie_id"])) == [("P02", "term", "cookie_id", None)]
    conn.execute("insert into categories (category_id, name, items) values ('WEB', 'Web visitors', 'Cookie ID, IP address')")
    assert rules(conn, policy(categories=["cookie_id", "ip_address"])) == []


def _control(conn, control_id, measure, domain, status="implemented"):
    conn.execute("insert into controls (control_id, measure, domain, title, scope, status) values (?, ?, ?, ?, 'org', ?)",
                 [control_id, measure, domain, control_id, status])


def test_p03_claimed_domain_without_implemented_control_and_cleared(conn):
    claimed = policy(safeguards=dict(SAFE, technical=True))
    _control(conn, "C1", "TEC-1", None, status="planned")
    assert rules(conn, claimed) == [("P03", "organization", "org", "TEC")]
    frame = policy_findings(conn, claimed)
    assert frame.iloc[0].severity == "high" and frame.iloc[0].reference == "Art. 32(1)"
    _control(conn, "C2", "TEC-3", None)
    assert rules(conn, claimed) == []


def test_p03_own_control_ids_use_their_domain_and_catalog_ids_ignore_it(conn):
    claimed = policy(safeguards=dict(SAFE, physical=True, technical=True))
    _control(conn, "OWN", "X-LOCKS", "PHY")       # own measure: its domain column counts
    _control(conn, "CAT", "TEC-1", "PHY")         # catalog measure: the catalog's TEC wins
    assert rules(conn, claimed) == []
    assert rules(conn, policy(safeguards=dict(SAFE, physical=True))) == [("P04", "organization", "org", "TEC")]


def test_p04_implemented_domain_not_described_and_cleared(conn):
    _control(conn, "C1", "HUM-1", None)
    _control(conn, "C2", "ORG-4", None)
    assert rules(conn, policy()) == [("P04", "organization", "org", "HUM"), ("P04", "organization", "org", "ORG")]
    frame = policy_findings(conn, policy())
    assert set(frame.severity) == {"medium"} and "C1" in frame.iloc[0].message
    assert rules(conn, policy(safeguards=dict(SAFE, personnel=True, organizational=True))) == []


def test_p05_foreign_handling_not_stated_and_cleared(conn):
    conn.execute("insert into categories (category_id, name) values ('CUST', 'Customers')")
    conn.execute("insert into processors (processor_id, name, country) values ('AWS', 'Amazon Web Services', 'US')")
    assert [f for f in rules(conn, policy(outsourcing=True)) if f[0] == "P05"] == []  # not linked: not handled
    conn.execute("insert into category_processors values ('CUST', 'AWS')")
    found = rules(conn, policy(outsourcing=True))
    assert ("P05", "organization", "org", None) in found
    frame = policy_findings(conn, policy(outsourcing=True))
    assert "US" in frame[frame.rule_id == "P05"].iloc[0].message
    assert [f for f in rules(conn, policy(outsourcing=True, foreign_transfer="consent")) if f[0] == "P05"] == []


def test_p05_counts_foreign_systems(conn):
    conn.execute("insert into categories (category_id, name) values ('CUST', 'Customers')")
    conn.execute("insert into systems (system_id, name, country) values ('CRM', 'CRM', 'SG')")
    conn.execute("insert into category_systems values ('CUST', 'CRM')")
    assert ("P05", "organization", "org", None) in rules(conn, policy())


def test_p06_processors_but_no_outsourcing_and_cleared(conn):
    conn.execute("insert into processors (processor_id, name, country) values ('DEL', 'Delivery Co', 'JP')")
    assert rules(conn, policy()) == [("P06", "organization", "org", None)]
    assert policy_findings(conn, policy()).iloc[0].severity == "medium"
    assert rules(conn, policy(outsourcing=True)) == []
    assert rules(conn, policy(processors=["Stripe, Inc."])) == []


@pytest.mark.parametrize("basis,fires", [("consent", True), ("opt_out", True), (None, True), ("none", True),
                                         ("law", False), ("joint_use", False), ("succession", False)])
def test_p07_provision_not_stated(conn, basis, fires):
    conn.execute("insert into recipients (recipient_id, name, country, basis) values ('R1', 'Partner', 'JP', ?)",
                 [basis])
    assert (rules(conn, policy()) == [("P07", "organization", "org", None)]) is fires
    assert rules(conn, policy(third_party_provision=True)) == []
    assert rules(conn, policy(recipients=["Google Analytics"])) == []  # named: the policy speaks of it


def test_findings_sorted_like_check_and_from_a_real_scan(conn):
    conn.execute("insert into categories (category_id, name, items) values ('CUST', 'Customers', 'name, e-mail address')")
    conn.execute("insert into processors (processor_id, name, country) values ('P1', 'Mailer', 'JP')")
    conn.execute("insert into recipients (recipient_id, name, country, basis) values ('R1', 'Partner', 'JP', 'consent')")
    _control(conn, "C1", "TEC-1", None)
    result = scan_text("We collect your name and phone number.\nWe have appointed a person responsible for "
                       "personal data.\n")
    frame = policy_findings(conn, result)
    assert list(frame.rule_id) == ["P01", "P03", "P07", "P02", "P04", "P06"]
    assert list(frame.severity) == ["high", "high", "high", "medium", "medium", "medium"]
    assert frame.domain.tolist() == [None, "ORG", None, None, "TEC", None]
