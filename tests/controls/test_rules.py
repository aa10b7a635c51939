"""Every gap rule fires on exactly the subject it should, and clears when the row is fixed.

Each case breaks the clean baseline (conftest.py) with plain SQL, lists every finding expected as
(rule_id, severity, subject_type, subject_id, domain), and gives the SQL that fixes it; the fix must
bring the inventory back to zero findings. Dates are as of 2026-03-31 unless the case says otherwise:
12 months before is 2025-03-31, 24 months before 2024-03-31, one month before 2026-02-28 (clamped).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from controls import rules

AS_OF = dt.date(2026, 3, 31)
LEAP_AS_OF = dt.date(2024, 2, 29)  # 12 months before = 2023-02-28 (clamped)


def keys(found):
    return Counter(found[["rule_id", "severity", "subject_type", "subject_id", "domain"]].itertuples(index=False, name=None))


def run(conn, statements, as_of=AS_OF):
    for statement in statements:
        conn.execute(statement)
    return rules.findings(conn, as_of)


def control(control_id, measure, scope, domain=None, status="implemented", last_reviewed="2026-01-10", months=12):
    domain_sql = "NULL" if domain is None else f"'{domain}'"
    return (f"INSERT INTO controls (control_id, measure, domain, title, scope, status, last_reviewed, review_months) "
            f"VALUES ('{control_id}', '{measure}', {domain_sql}, 'Control {control_id}', '{scope}', '{status}', "
            f"'{last_reviewed}', {months})")


def transfer(transfer_id, party_type, party_id, route, category_id=None, info=True, contract=True, checked="2026-01-01"):
    category_sql = "NULL" if category_id is None else f"'{category_id}'"
    return (f"INSERT INTO transfers VALUES ('{transfer_id}', '{party_type}', '{party_id}', {category_sql}, '{route}', "
            f"{info}, {contract}, '{checked}')")


def country(code, assessed="2025-10-01"):
    return f"INSERT INTO countries VALUES ('{code}', '{assessed}', NULL)"


def processor(processor_id, country_code, selection="2025-01-01", contract="2025-01-02", terms=True, supervised="2026-01-01"):
    def d(v):
        return "NULL" if v is None else f"'{v}'"
    return (f"INSERT INTO processors (processor_id, name, country, selection_checked, contract_date, "
            f"contract_security_terms, last_supervised) VALUES ('{processor_id}', 'Processor {processor_id}', "
            f"'{country_code}', {d(selection)}, {d(contract)}, {terms}, {d(supervised)})")


ALL_CATEGORIES_SEVERITY = {"members": "high", "health": "critical", "payroll": "critical", "cookies": "high"}


def r29_everywhere(domain):
    return [("R29", sev, "category", cat, domain) for cat, sev in ALL_CATEGORIES_SEVERITY.items()]


P = pytest.param
R01 = ("R01", "critical", "processor", "acme-mail", None)
TEC_MEMBERS = ("R29", "high", "category", "members", "TEC")

# (break, expected findings, fix, as_of)
CASES = [
    # R01 — foreign parties without a valid route
    P(["DELETE FROM transfers"], [R01], [transfer("t-new", "processor", "acme-mail", "consent")], AS_OF,
      id="R01-no-transfer-row"),
    P(["UPDATE transfers SET route = 'none'"], [R01], ["UPDATE transfers SET route = 'exception'"], AS_OF,
      id="R01-route-none"),
    P(["UPDATE transfers SET route = 'adequacy'"], [R01],
      ["UPDATE processors SET country = 'DE' WHERE processor_id = 'acme-mail'", country("DE")], AS_OF,
      id="R01-adequacy-outside-eea-then-in-eea"),
    P(["UPDATE transfers SET route = 'adequacy'"], [R01],
      ["UPDATE processors SET country = 'GB' WHERE processor_id = 'acme-mail'", country("GB")], AS_OF,
      id="R01-adequacy-outside-eea-then-uk"),
    P(["UPDATE transfers SET route = 'adequacy'"], [R01],
      [transfer("t-consent", "processor", "acme-mail", "consent")], AS_OF,
      id="R01-adequacy-outside-eea-plus-valid-row"),
    P(["UPDATE transfers SET category_id = 'payroll'"], [R01], ["UPDATE transfers SET category_id = 'members'"], AS_OF,
      id="R01-row-names-another-category"),
    P(["UPDATE transfers SET party_type = 'recipient'"], [R01], ["UPDATE transfers SET party_type = 'processor'"], AS_OF,
      id="R01-row-for-another-party-type"),
    P(["UPDATE transfers SET category_id = 'members'", "INSERT INTO category_processors VALUES ('cookies', 'acme-mail')"],
      [R01, ("R29", "high", "category", "cookies", "EXT")],
      [transfer("t-cookies", "processor", "acme-mail", "standard_measures", category_id="cookies"),
       control("c-ext-cookies", "EXT-1", "category:cookies")], AS_OF,
      id="R01-one-of-two-categories-uncovered"),
    P(["UPDATE recipients SET country = 'SG' WHERE recipient_id = 'partner-jp'"],
      [("R01", "critical", "recipient", "partner-jp", None), ("R06", "high", "country", "SG", None)],
      [transfer("t-partner", "recipient", "partner-jp", "consent"), country("SG")], AS_OF,
      id="R01-foreign-recipient"),
    # R02–R04 — transfer evidence
    P(["UPDATE transfers SET route = 'consent'"], [("R02", "high", "transfer", "t-acme", None)],
      ["UPDATE transfers SET info_provided = true"], AS_OF, id="R02-consent-without-info"),
    P(["UPDATE transfers SET last_checked = NULL"], [("R03", "high", "transfer", "t-acme", None)],
      ["UPDATE transfers SET last_checked = '2026-03-01'"], AS_OF, id="R03-never-checked"),
    P(["UPDATE transfers SET last_checked = '2025-03-30'"], [("R03", "high", "transfer", "t-acme", None)],
      ["UPDATE transfers SET last_checked = '2025-03-31'"], AS_OF, id="R03-day-before-cutoff-then-on-cutoff"),
    P(["UPDATE transfers SET contract_on_file = false"], [("R04", "high", "transfer", "t-acme", None)],
      ["UPDATE transfers SET contract_on_file = true"], AS_OF, id="R04-no-contract"),
    P(["UPDATE transfers SET contract_on_file = false, last_checked = NULL"],
      [("R03", "high", "transfer", "t-acme", None), ("R04", "high", "transfer", "t-acme", None)],
      ["UPDATE transfers SET route = 'consent', info_provided = true"], AS_OF, id="R03-R04-only-for-standard-measures"),
    # R06 — foreign countries
    P(["DELETE FROM countries"], [("R06", "high", "country", "US", None)], [country("US")], AS_OF,
      id="R06-no-countries-row"),
    P(["UPDATE countries SET regime_assessed = NULL"], [("R06", "high", "country", "US", None)],
      ["UPDATE countries SET regime_assessed = '2026-03-31'"], AS_OF, id="R06-never-assessed"),
    P(["UPDATE countries SET regime_assessed = '2024-03-30'"], [("R06", "high", "country", "US", None)],
      ["UPDATE countries SET regime_assessed = '2024-03-31'"], AS_OF, id="R06-day-before-24-month-cutoff"),
    P(["UPDATE systems SET country = 'SG' WHERE system_id = 'crm'"], [("R06", "high", "country", "SG", None)],
      [country("SG")], AS_OF, id="R06-foreign-linked-system"),
    # R11–R14 — processors
    P(["UPDATE processors SET selection_checked = NULL WHERE processor_id = 'acme-mail'"],
      [("R11", "high", "processor", "acme-mail", None)],
      ["UPDATE processors SET selection_checked = '2025-06-01' WHERE processor_id = 'acme-mail'"], AS_OF,
      id="R11-no-selection-check"),
    P([processor("idle", "JP", selection=None, contract=None, terms=False, supervised=None)],
      [("R11", "high", "processor", "idle", None), ("R12", "high", "processor", "idle", None),
       ("R13", "medium", "processor", "idle", None)],
      ["UPDATE processors SET selection_checked = '2025-01-01', contract_date = '2025-01-02', "
       "contract_security_terms = true, last_supervised = '2026-01-01' WHERE processor_id = 'idle'"], AS_OF,
      id="R11-R13-unlinked-processor-one-R12"),
    P(["UPDATE processors SET contract_date = NULL WHERE processor_id = 'payroll-co'"],
      [("R12", "high", "processor", "payroll-co", None)],
      ["UPDATE processors SET contract_date = '2024-04-10' WHERE processor_id = 'payroll-co'"], AS_OF,
      id="R12-no-contract"),
    P(["UPDATE processors SET contract_security_terms = false WHERE processor_id = 'payroll-co'"],
      [("R12", "high", "processor", "payroll-co", None)],
      ["UPDATE processors SET contract_security_terms = true WHERE processor_id = 'payroll-co'"], AS_OF,
      id="R12-no-security-terms"),
    P(["UPDATE processors SET last_supervised = NULL WHERE processor_id = 'acme-mail'"],
      [("R13", "medium", "processor", "acme-mail", None)],
      ["UPDATE processors SET last_supervised = '2026-03-31' WHERE processor_id = 'acme-mail'"], AS_OF,
      id="R13-never-supervised"),
    P(["UPDATE processors SET last_supervised = '2025-03-30' WHERE processor_id = 'archive-sub'"],
      [("R13", "medium", "processor", "archive-sub", None)],
      ["UPDATE processors SET last_supervised = '2025-03-31' WHERE processor_id = 'archive-sub'"], AS_OF,
      id="R13-day-before-cutoff-reconsignee"),
    P(["UPDATE categories SET financial = true, special_care = true, special_care_consent = true "
       "WHERE category_id = 'members'",
       "UPDATE processors SET last_supervised = NULL WHERE processor_id = 'acme-mail'"],
      [("R13", "medium", "processor", "acme-mail", None)],
      ["UPDATE processors SET last_supervised = '2026-01-01' WHERE processor_id = 'acme-mail'"], AS_OF,
      id="R13-not-escalated"),
    P(["UPDATE processors SET reconsignment_approved = false WHERE processor_id = 'archive-sub'"],
      [("R14", "medium", "processor", "archive-sub", None)],
      ["UPDATE processors SET reconsignment_approved = true WHERE processor_id = 'archive-sub'"], AS_OF,
      id="R14-not-approved"),
    P(["UPDATE processors SET reconsignment_approved = false WHERE processor_id = 'archive-sub'",
       "INSERT INTO category_processors VALUES ('health', 'archive-sub')"],
      [("R14", "high", "processor", "archive-sub", None)],
      ["UPDATE processors SET reconsignment_approved = true WHERE processor_id = 'archive-sub'"], AS_OF,
      id="R14-high-for-special-care"),
    P(["UPDATE processors SET reconsignment_approved = false WHERE processor_id = 'archive-sub'",
       "INSERT INTO category_processors VALUES ('payroll', 'archive-sub')"],
      [("R14", "medium", "processor", "archive-sub", None)],
      ["UPDATE processors SET reconsignment_approved = true WHERE processor_id = 'archive-sub'"], AS_OF,
      id="R14-my-number-not-escalated"),
    # R16, R17 — special care
    P(["UPDATE categories SET special_care_consent = false WHERE category_id = 'health'"],
      [("R16", "critical", "category", "health", None)],
      ["UPDATE categories SET special_care_consent = true WHERE category_id = 'health'"], AS_OF,
      id="R16-no-consent"),
    P(["UPDATE recipients SET basis = 'opt_out' WHERE recipient_id = 'partner-jp'",
       "INSERT INTO category_recipients VALUES ('health', 'partner-jp')"],
      [("R17", "critical", "recipient", "partner-jp", None), ("R21", "critical", "category", "health", None)],
      ["DELETE FROM category_recipients WHERE category_id = 'health'"], AS_OF,
      id="R17-opt-out-special-care"),
    # R19, R21
    P(["DELETE FROM category_purposes WHERE category_id = 'health'"],
      [("R19", "critical", "category", "health", None)],
      ["INSERT INTO category_purposes VALUES ('health', 'employment')"], AS_OF, id="R19-no-purpose"),
    P(["DELETE FROM purposes WHERE purpose_id = 'employment'"],
      [("R19", "critical", "category", "health", None), ("R19", "critical", "category", "payroll", None)],
      ["INSERT INTO purposes (purpose_id, description, published) VALUES ('employment', 'Employment', true)"], AS_OF,
      id="R19-link-to-missing-purpose"),
    P(["UPDATE purposes SET published = false WHERE purpose_id = 'service'"],
      [("R21", "high", "purpose", "service", None)],
      ["UPDATE purposes SET published = true WHERE purpose_id = 'service'"], AS_OF, id="R21a-not-published"),
    P(["INSERT INTO purposes (purpose_id, description) VALUES ('unused', 'Unused purpose')"],
      [("R21", "high", "purpose", "unused", None)],
      ["UPDATE purposes SET published = true WHERE purpose_id = 'unused'"], AS_OF, id="R21a-unlinked-purpose"),
    P(["UPDATE purposes SET third_party_provision = false WHERE purpose_id = 'service'"],
      [("R21", "high", "category", "members", None)],
      ["UPDATE purposes SET third_party_provision = true WHERE purpose_id = 'service'"], AS_OF,
      id="R21b-consent-recipient"),
    P(["UPDATE purposes SET third_party_provision = false WHERE purpose_id = 'service'",
       "UPDATE recipients SET basis = 'opt_out' WHERE recipient_id = 'partner-jp'"],
      [("R21", "high", "category", "members", None)],
      ["UPDATE recipients SET basis = 'law' WHERE recipient_id = 'partner-jp'"], AS_OF,
      id="R21b-opt-out-recipient-then-law"),
    P(["DELETE FROM category_purposes WHERE category_id = 'members'"],
      [("R19", "high", "category", "members", None), ("R21", "high", "category", "members", None)],
      ["INSERT INTO category_purposes VALUES ('members', 'service')"], AS_OF, id="R19-R21b-no-purpose-provided"),
    # R23, R25, R28 — recipients
    P(["UPDATE recipients SET basis = NULL WHERE recipient_id = 'partner-jp'"],
      [("R23", "critical", "recipient", "partner-jp", None)],
      ["UPDATE recipients SET basis = 'consent' WHERE recipient_id = 'partner-jp'"], AS_OF, id="R23-empty-basis"),
    P(["UPDATE recipients SET basis = 'none' WHERE recipient_id = 'partner-jp'"],
      [("R23", "critical", "recipient", "partner-jp", None)],
      ["UPDATE recipients SET basis = 'joint_use' WHERE recipient_id = 'partner-jp'"], AS_OF, id="R23-basis-none"),
    P(["INSERT INTO recipients (recipient_id, name, country, basis) VALUES ('old-buyer', 'Old Buyer', 'JP', 'none')"],
      [("R23", "critical", "recipient", "old-buyer", None)],
      ["UPDATE recipients SET basis = 'succession' WHERE recipient_id = 'old-buyer'"], AS_OF,
      id="R23-unlinked-recipient"),
    P(["UPDATE recipients SET record_kept = false WHERE recipient_id = 'partner-jp'"],
      [("R25", "high", "recipient", "partner-jp", None)],
      ["UPDATE recipients SET record_kept = true WHERE recipient_id = 'partner-jp'"], AS_OF, id="R25-consent-no-record"),
    P(["UPDATE recipients SET basis = 'opt_out', record_kept = false WHERE recipient_id = 'partner-jp'",
       "UPDATE categories SET financial = true WHERE category_id = 'members'"],
      [("R25", "high", "recipient", "partner-jp", None)],
      ["UPDATE recipients SET basis = 'law' WHERE recipient_id = 'partner-jp'"], AS_OF,
      id="R25-opt-out-not-escalated-then-law"),
    P(["UPDATE recipients SET basis = 'law' WHERE recipient_id = 'ad-net'"],
      [("R28", "high", "recipient", "ad-net", None)],
      ["UPDATE recipients SET basis = 'consent' WHERE recipient_id = 'ad-net'"], AS_OF, id="R28-not-consent"),
    P(["UPDATE recipients SET basis = NULL WHERE recipient_id = 'ad-net'"],
      [("R23", "critical", "recipient", "ad-net", None), ("R28", "high", "recipient", "ad-net", None)],
      ["UPDATE recipients SET basis = 'consent' WHERE recipient_id = 'ad-net'"], AS_OF, id="R28-empty-basis"),
    P(["UPDATE recipients SET basis = 'law' WHERE recipient_id = 'ad-net'"],
      [("R28", "high", "recipient", "ad-net", None)],
      ["UPDATE recipients SET links_identifiers = false WHERE recipient_id = 'ad-net'"], AS_OF,
      id="R28-cleared-by-not-linking"),
    # R29 — control coverage
    P(["DELETE FROM controls WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      [control("c-tec-members", "TEC-4", "category:members")], AS_OF, id="R29-TEC-missing-category-scope-fixes"),
    P(["UPDATE controls SET status = 'partial' WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      ["UPDATE controls SET status = 'implemented' WHERE control_id = 'c-tec-crm'"], AS_OF, id="R29-TEC-partial"),
    P(["UPDATE controls SET scope = 'processor:acme-mail' WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      ["UPDATE controls SET scope = 'org' WHERE control_id = 'c-tec-crm'"], AS_OF, id="R29-processor-scope-never-covers"),
    P(["UPDATE controls SET scope = 'system:hr-cabinet' WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      ["UPDATE controls SET scope = 'system:crm' WHERE control_id = 'c-tec-crm'"], AS_OF,
      id="R29-system-not-storing-category"),
    P(["UPDATE controls SET measure = 'tec-1' WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      ["UPDATE controls SET domain = 'TEC' WHERE control_id = 'c-tec-crm'"], AS_OF,
      id="R29-ids-case-sensitive-own-id-needs-domain"),
    P(["UPDATE controls SET measure = 'HUM-1', domain = 'TEC' WHERE control_id = 'c-tec-crm'"], [TEC_MEMBERS],
      ["UPDATE controls SET measure = 'TEC-1' WHERE control_id = 'c-tec-crm'"], AS_OF,
      id="R29-catalog-domain-wins-over-column"),
    P(["INSERT INTO systems (system_id, name) VALUES ('hr-laptop', 'HR laptop')",
       "INSERT INTO category_systems VALUES ('health', 'hr-laptop')"], [("R29", "critical", "category", "health", "TEC")],
      [control("c-tec-health", "TEC-1", "category:health")], AS_OF, id="R29-TEC-required-paper-plus-electronic"),
    P(["DELETE FROM category_systems WHERE category_id = 'health'"], [("R29", "critical", "category", "health", "TEC")],
      ["INSERT INTO category_systems VALUES ('health', 'hr-cabinet')"], AS_OF, id="R29-TEC-required-no-system"),
    P(["INSERT INTO category_processors VALUES ('health', 'acme-mail')"],
      [("R29", "critical", "category", "health", "EXT")],
      [control("c-ext-health", "EXT-1", "category:health")], AS_OF, id="R29-EXT-foreign-processor"),
    P(["UPDATE systems SET country = 'US' WHERE system_id = 'payroll-sys'"],
      [("R29", "critical", "category", "payroll", "EXT")],
      [control("c-ext-payroll", "EXT-1", "system:payroll-sys")], AS_OF, id="R29-EXT-foreign-system-system-scope-fixes"),
    P(["UPDATE recipients SET country = 'US' WHERE recipient_id = 'ad-net'"],
      [("R29", "high", "category", "cookies", "EXT"), ("R01", "critical", "recipient", "ad-net", None)],
      [control("c-ext-org", "EXT-1", "org"), transfer("t-ad", "recipient", "ad-net", "consent")], AS_OF,
      id="R29-EXT-foreign-recipient-org-scope-fixes"),
    P(["DELETE FROM controls WHERE control_id = 'c-rul'"], r29_everywhere("RUL"),
      [control("c-rul2", "RUL-1", "org")], AS_OF, id="R29-RUL-missing"),
    P(["DELETE FROM controls WHERE control_id = 'c-hum'"], r29_everywhere("HUM"),
      [control("c-hum2", "HUM-1", "org")], AS_OF, id="R29-HUM-missing"),
    P(["DELETE FROM controls WHERE control_id = 'c-phy'"], r29_everywhere("PHY"),
      [control("c-phy2", "PHY-4", "org")], AS_OF, id="R29-PHY-missing"),
    P(["DELETE FROM controls WHERE control_id IN ('c-org1', 'c-org4')"],
      r29_everywhere("ORG") + [("R31", "high", "organization", "org", None)],
      [control("c-org4b", "ORG-4", "org")], AS_OF, id="R29-ORG-missing-with-R31"),
    P(["UPDATE controls SET status = 'planned' WHERE control_id = 'c-hum'",
       control("c-hum-members", "HUM-1", "category:members")],
      [("R29", sev, "category", cat, "HUM") for cat, sev in ALL_CATEGORIES_SEVERITY.items() if cat != "members"],
      ["UPDATE controls SET status = 'implemented' WHERE control_id = 'c-hum'"], AS_OF,
      id="R29-category-scope-covers-only-its-category"),
    # R30, R31 — organization
    P(["DELETE FROM controls WHERE control_id = 'c-pol'"], [("R30", "low", "organization", "org", None)],
      [control("c-own-pol", "BASIC-POLICY", "org", domain="POL")], AS_OF, id="R30-no-policy-own-id-fixes"),
    P(["UPDATE controls SET scope = 'category:members' WHERE control_id = 'c-pol'"],
      [("R30", "low", "organization", "org", None)],
      ["UPDATE controls SET scope = 'org' WHERE control_id = 'c-pol'"], AS_OF, id="R30-policy-not-org-scope"),
    P(["DELETE FROM controls WHERE control_id = 'c-org4'"], [("R31", "high", "organization", "org", None)],
      [control("c-org4b", "ORG-4", "org")], AS_OF, id="R31-no-incident-response"),
    P(["UPDATE controls SET measure = 'org-4' WHERE control_id = 'c-org4'"],
      [("R31", "high", "organization", "org", None)],
      ["UPDATE controls SET measure = 'ORG-4' WHERE control_id = 'c-org4'"], AS_OF, id="R31-measure-exactly-ORG-4"),
    P(["UPDATE controls SET status = 'planned' WHERE control_id = 'c-org4'"],
      [("R31", "high", "organization", "org", None)],
      ["UPDATE controls SET status = 'implemented' WHERE control_id = 'c-org4'"], AS_OF, id="R31-planned"),
    # R32–R36 — ledger rows and control reviews
    P(["UPDATE categories SET access_holders = NULL WHERE category_id = 'members'"],
      [("R32", "high", "category", "members", None)],
      ["UPDATE categories SET access_holders = 'Sales' WHERE category_id = 'members'"], AS_OF, id="R32-null"),
    P(["UPDATE categories SET access_holders = '  ' WHERE category_id = 'members'"],
      [("R32", "high", "category", "members", None)],
      ["UPDATE categories SET access_holders = 'Sales' WHERE category_id = 'members'"], AS_OF, id="R32-blank"),
    P(["UPDATE controls SET last_reviewed = NULL WHERE control_id = 'c-tec-crm'"],
      [("R33", "medium", "control", "c-tec-crm", None)],
      ["UPDATE controls SET last_reviewed = '2026-03-31' WHERE control_id = 'c-tec-crm'"], AS_OF,
      id="R33-never-reviewed-still-covers-R29"),
    P(["UPDATE controls SET last_reviewed = '2025-03-30' WHERE control_id = 'c-pol'"],
      [("R33", "medium", "control", "c-pol", None)],
      ["UPDATE controls SET last_reviewed = '2025-03-31' WHERE control_id = 'c-pol'"], AS_OF,
      id="R33-default-12-months-boundary"),
    P(["UPDATE controls SET review_months = 1, last_reviewed = '2026-02-27' WHERE control_id = 'c-pol'"],
      [("R33", "medium", "control", "c-pol", None)],
      ["UPDATE controls SET last_reviewed = '2026-02-28' WHERE control_id = 'c-pol'"], AS_OF,
      id="R33-one-month-clamped-to-february-end"),
    P(["UPDATE categories SET last_reviewed = NULL WHERE category_id = 'members'"],
      [("R34", "medium", "category", "members", None)],
      ["UPDATE categories SET last_reviewed = '2025-03-31' WHERE category_id = 'members'"], AS_OF,
      id="R34-never-reviewed-fixed-on-cutoff"),
    P(["UPDATE categories SET last_reviewed = '2023-02-27' WHERE category_id = 'members'"],
      [("R34", "medium", "category", "members", None)],
      ["UPDATE categories SET last_reviewed = '2023-02-28' WHERE category_id = 'members'"], LEAP_AS_OF,
      id="R34-leap-day-as-of-clamped"),
    P(["UPDATE categories SET retention_months = NULL WHERE category_id = 'members'"],
      [("R35", "medium", "category", "members", None)],
      ["UPDATE categories SET delete_by = '2031-03-31' WHERE category_id = 'members'"], AS_OF,
      id="R35-no-retention-delete-by-fixes"),
    P(["UPDATE categories SET delete_by = '2026-03-30' WHERE category_id = 'members'"],
      [("R36", "medium", "category", "members", None)],
      ["UPDATE categories SET delete_by = '2026-03-31' WHERE category_id = 'members'"], AS_OF,
      id="R36-day-before-as-of-then-equal"),
    P(["UPDATE categories SET delete_by = '2026-03-30' WHERE category_id = 'health'"],
      [("R36", "high", "category", "health", None)],
      ["UPDATE categories SET delete_by = '2026-04-01' WHERE category_id = 'health'"], AS_OF,
      id="R36-special-care-escalated"),
    P(["UPDATE categories SET delete_by = '2025-12-31' WHERE category_id = 'payroll'"],
      [("R36", "critical", "category", "payroll", None)],
      ["UPDATE categories SET delete_by = NULL WHERE category_id = 'payroll'"], AS_OF,
      id="R36-critical-for-my-number"),
]


def test_baseline_is_clean(inventory):
    assert keys(rules.findings(inventory, AS_OF)) == Counter()
    assert keys(rules.findings(inventory, LEAP_AS_OF)) == Counter()


@pytest.mark.parametrize(("breaks", "expected", "fixes", "as_of"), CASES)
def test_rule_fires(inventory, breaks, expected, fixes, as_of):
    assert keys(run(inventory, breaks, as_of)) == Counter(expected)


@pytest.mark.parametrize(("breaks", "expected", "fixes", "as_of"), CASES)
def test_rule_clears(inventory, breaks, expected, fixes, as_of):
    run(inventory, breaks, as_of)
    assert keys(run(inventory, fixes, as_of)) == Counter()


def test_every_rule_has_a_firing_case():
    fired = {finding[0] for case in CASES for finding in case.values[1]}
    assert fired == set(rules.RULE_IDS)


# Changes that must NOT produce a finding.
STAYS_CLEAN = [
    P([processor("idle-fr", "FR"), "INSERT INTO systems (system_id, name, country) VALUES ('sg-box', 'Spare', 'SG')",
       "INSERT INTO recipients (recipient_id, name, country, basis, record_kept) VALUES ('br', 'BR co', 'BR', 'law', false)"],
      id="R01-R06-unlinked-foreign-parties-and-systems"),
    P(["INSERT INTO countries VALUES ('FR', NULL, NULL)"], id="R06-countries-row-where-nothing-handled"),
    P(["UPDATE transfers SET route = 'adequacy'", "UPDATE processors SET country = 'NO' WHERE processor_id = 'acme-mail'",
       country("NO")], id="R01-adequacy-in-eea-efta"),
    P([transfer("t-none", "processor", "acme-mail", "none", category_id="members")], id="R01-none-row-beside-valid-row"),
    P(["INSERT INTO systems (system_id, name, medium) VALUES ('archive-box', 'Archive boxes', 'paper')",
       "INSERT INTO category_systems VALUES ('health', 'archive-box')"], id="R29-TEC-not-required-all-paper"),
    P(["DELETE FROM controls WHERE control_id = 'c-ext'", "UPDATE processors SET country = 'JP' WHERE processor_id = 'acme-mail'"],
      id="R29-EXT-not-required-all-domestic"),
    P(["UPDATE controls SET last_reviewed = NULL, status = 'planned' WHERE control_id = 'c-tec-crm'",
       control("c-tec-members", "TEC-1", "category:members")], id="R33-only-implemented"),
    P(["UPDATE recipients SET basis = 'opt_out' WHERE recipient_id = 'partner-jp'"], id="R17-opt-out-no-special-care"),
    P(["UPDATE purposes SET third_party_provision = false WHERE purpose_id = 'service'",
       "UPDATE recipients SET basis = 'law' WHERE recipient_id = 'partner-jp'"], id="R21b-only-consent-or-opt-out"),
    P(["UPDATE categories SET personally_referable = true WHERE category_id = 'members'"],
      id="R28-recipient-not-linking"),
    P(["UPDATE recipients SET basis = 'law' WHERE recipient_id = 'ad-net'",
       "UPDATE categories SET personally_referable = false WHERE category_id = 'cookies'"],
      id="R28-category-not-personally-referable"),
    P(["UPDATE processors SET last_supervised = '2027-01-01'", "UPDATE categories SET last_reviewed = '2026-12-01'",
       "UPDATE countries SET regime_assessed = '2027-01-01'", "UPDATE transfers SET last_checked = '2026-06-30'",
       "UPDATE controls SET last_reviewed = '2026-04-01'"], id="future-dates-not-overdue"),
    P(["UPDATE categories SET delete_by = '2026-03-31'"], id="R36-delete-by-equal-to-as-of"),
    P(["UPDATE categories SET retention_months = NULL, delete_by = '2027-01-01' WHERE category_id = 'members'"],
      id="R35-delete-by-alone-is-enough"),
    P(["UPDATE processors SET parent_id = '  ' WHERE processor_id = 'payroll-co'"], id="R14-blank-parent-is-not-reconsignee"),
]


@pytest.mark.parametrize("changes", STAYS_CLEAN)
def test_change_stays_clean(inventory, changes):
    assert keys(run(inventory, changes)) == Counter()


# The category rules are raised one level for special_care / my_number / financial, capped at critical.
ESCALATION_BREAKS = {
    # cookies is provided to ad-net (consent): without that link it gets R19 alone, not R21(b) too
    "R19": ["DELETE FROM category_recipients WHERE category_id = 'cookies'",
            "DELETE FROM category_purposes WHERE category_id = 'cookies'"],
    "R21": ["UPDATE purposes SET third_party_provision = false WHERE purpose_id = 'ads'"],
    "R29": ["DELETE FROM controls WHERE control_id = 'c-tec-cookies'"],
    "R32": ["UPDATE categories SET access_holders = NULL WHERE category_id = 'cookies'"],
    "R34": ["UPDATE categories SET last_reviewed = '2024-01-01' WHERE category_id = 'cookies'"],
    "R35": ["UPDATE categories SET retention_months = NULL WHERE category_id = 'cookies'"],
    "R36": ["UPDATE categories SET delete_by = '2026-01-31' WHERE category_id = 'cookies'"],
}
ESCALATED = {  # rule: (plain, special_care, financial, my_number)
    "R19": ("high", "critical", "critical", "critical"),
    "R21": ("high", "critical", "critical", "critical"),
    "R29": ("high", "critical", "critical", "critical"),
    "R32": ("high", "critical", "critical", "critical"),
    "R34": ("medium", "high", "high", "high"),
    "R35": ("medium", "high", "high", "high"),
    "R36": ("medium", "high", "high", "critical"),
}
FLAGS = {
    "plain": None,
    "special_care": "special_care = true, special_care_consent = true",
    "financial": "financial = true",
    "my_number": "my_number = true",
}


@pytest.mark.parametrize("flag", list(FLAGS))
@pytest.mark.parametrize("rule_id", list(ESCALATION_BREAKS))
def test_category_rule_escalation(inventory, rule_id, flag):
    changes = list(ESCALATION_BREAKS[rule_id])
    if FLAGS[flag]:
        changes.append(f"UPDATE categories SET {FLAGS[flag]} WHERE category_id = 'cookies'")
    severity = ESCALATED[rule_id][list(FLAGS).index(flag)]
    domain = "TEC" if rule_id == "R29" else None
    assert keys(run(inventory, changes)) == Counter([(rule_id, severity, "category", "cookies", domain)])


def test_special_care_without_consent_stays_critical(inventory):
    found = run(inventory, ["UPDATE categories SET special_care = true, financial = true WHERE category_id = 'cookies'"])
    assert keys(found) == Counter([("R16", "critical", "category", "cookies", None)])
