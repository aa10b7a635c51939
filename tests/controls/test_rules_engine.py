"""The runner: finding shape, sort order, messages, the rule catalog, and that a check writes nothing."""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from controls import rules
from inventory import db

AS_OF = dt.date(2026, 3, 31)
KEY = ["rule_id", "severity", "subject_type", "subject_id", "domain"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"_rules_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


baseline = _load("conftest")
cases = _load("test_rules")


def key_rows(found: pd.DataFrame) -> list[tuple]:
    return list(found[KEY].itertuples(index=False, name=None))


def test_constants():
    assert rules.FINDING_COLUMNS == (
        "rule_id", "severity", "subject_type", "subject_id", "domain", "message", "message_ja", "reference")
    assert rules.SEVERITIES == ("critical", "high", "medium", "low")
    assert rules.RULE_IDS == ("R01", "R02", "R03", "R04", "R06", "R11", "R12", "R13", "R14", "R16", "R17", "R19",
                              "R21", "R23", "R25", "R28", "R29", "R30", "R31", "R32", "R33", "R34", "R35", "R36")


def test_empty_inventory_gives_the_two_organization_findings_in_full(conn):
    found = rules.findings(conn, AS_OF)
    assert found.to_dict("records") == [
        {"rule_id": "R31", "severity": "high", "subject_type": "organization", "subject_id": "org", "domain": None,
         "message": "The organization (org) has no implemented incident-response structure (ORG-4) at organization "
                    "scope; set up the reporting lines and steps for leaks and other incidents.",
         "message_ja": "当社（org）について、組織全体を対象とする漏えい等事案に対応する体制（ORG-4）が実施済みとして記録されていません。"
                       "漏えい等の報告連絡体制と対応手順を整備してください。",
         "reference": "guideline 10-3(4)"},
        {"rule_id": "R30", "severity": "low", "subject_type": "organization", "subject_id": "org", "domain": None,
         "message": "The organization (org) has no implemented basic policy (POL) at organization scope; adopt a basic "
                    "policy on handling personal data and record it as a control.",
         "message_ja": "当社（org）について、組織全体を対象とする基本方針（POL）が実施済みとして記録されていません。"
                       "個人データの適正な取扱いに関する基本方針を策定し、記録してください。",
         "reference": "guideline 10-1"},
    ]


def test_sort_order_is_severity_then_plain_string_order(conn):
    for statement in [
        """INSERT INTO categories (category_id, name, financial) VALUES
           ('a-cat', 'Lower', false), ('B-cat', 'Upper', false), ('Z-fin', 'Card numbers', true)""",
        "INSERT INTO purposes (purpose_id, description) VALUES ('a-purpose', 'Unpublished')",
        "INSERT INTO recipients (recipient_id, name, country, basis, record_kept) VALUES ('rc', 'Shop', 'JP', 'consent', true)",
        "INSERT INTO category_recipients VALUES ('a-cat', 'rc')",
    ]:
        conn.execute(statement)

    def domains(sev, cat):  # R29 findings of one category, domains in plain string order
        return [("R29", sev, "category", cat, d) for d in ("HUM", "ORG", "PHY", "RUL", "TEC")]

    assert key_rows(rules.findings(conn, AS_OF)) == [
        ("R19", "critical", "category", "Z-fin", None),
        *domains("critical", "Z-fin"),
        ("R32", "critical", "category", "Z-fin", None),
        ("R19", "high", "category", "B-cat", None),
        ("R19", "high", "category", "a-cat", None),
        ("R21", "high", "category", "a-cat", None),
        ("R21", "high", "purpose", "a-purpose", None),
        *domains("high", "B-cat"),
        *domains("high", "a-cat"),
        ("R31", "high", "organization", "org", None),
        ("R32", "high", "category", "B-cat", None),
        ("R32", "high", "category", "a-cat", None),
        ("R34", "high", "category", "Z-fin", None),
        ("R35", "high", "category", "Z-fin", None),
        ("R34", "medium", "category", "B-cat", None),
        ("R34", "medium", "category", "a-cat", None),
        ("R35", "medium", "category", "B-cat", None),
        ("R35", "medium", "category", "a-cat", None),
        ("R30", "low", "organization", "org", None),
    ]


@pytest.fixture
def everything_broken(inventory):
    """The baseline with every case's break applied: fires every rule at once."""
    for param in cases.CASES:
        for statement in param.values[0]:
            inventory.execute(statement)
    # earlier breaks undo some later ones (the transfers are gone, c-tec-crm is deleted): add them back broken
    inventory.execute("INSERT INTO transfers (transfer_id, party_type, party_id, route) VALUES "
                      "('t-consent', 'processor', 'acme-mail', 'consent'), "
                      "('t-standard', 'recipient', 'partner-jp', 'standard_measures')")
    inventory.execute("INSERT INTO controls (control_id, measure, title, scope, status) "
                      "VALUES ('c-unreviewed', 'ORG-2', 'Operation log', 'org', 'implemented')")
    inventory.execute("INSERT INTO categories (category_id, name) VALUES ('loose', 'Loose notes')")
    return inventory


def test_finding_shape(everything_broken):
    found = rules.findings(everything_broken, AS_OF)
    assert tuple(found.columns) == rules.FINDING_COLUMNS
    assert set(found["rule_id"]) == set(rules.RULE_IDS)
    assert all(dtype == object for dtype in found.dtypes)
    assert isinstance(found.index, pd.RangeIndex) and list(found.index) == list(range(len(found)))
    assert not found.duplicated(KEY).any()
    catalog = {entry["rule_id"]: entry for entry in rules.rule_catalog()}
    for f in found.itertuples(index=False):
        assert f.severity in rules.SEVERITIES
        assert (f.domain is not None) == (f.rule_id == "R29")
        assert f.domain is None or f.domain in ("RUL", "ORG", "HUM", "PHY", "TEC", "EXT")
        assert f.reference == catalog[f.rule_id]["reference"]
        assert f.subject_type in catalog[f.rule_id]["subject_type"]
        assert all(isinstance(v, str) and v for v in (f.rule_id, f.subject_type, f.subject_id, f.message, f.message_ja))
        assert f.subject_id in f.message and f.subject_id in f.message_ja
        assert f.message.endswith(".") and f.message_ja.endswith("。")
        assert any("\u3040" <= ch <= "\u30ff" for ch in f.message_ja)  # kana: real Japanese, not a copy


BREAK_AND_MESSAGE = [
    pytest.param(
        "UPDATE processors SET contract_date = NULL WHERE processor_id = 'payroll-co'",
        'Processor "Payroll Services Co" (payroll-co) has no contract on file; record the outsourcing contract and '
        "its security terms.",
        "委託先「Payroll Services Co」（payroll-co）との委託契約の記録がありません。契約と安全管理に関する条項を記録してください。",
        id="R12"),
    pytest.param(
        "DELETE FROM transfers",
        'Processor "Acme Mail" (acme-mail) in US receives personal data (categories: members) with no valid legal '
        "route for the foreign transfer on file; record a transfer by consent, standard measures or an exception "
        "(adequacy counts only for the EEA and the UK).",
        "委託先「Acme Mail」（acme-mail、所在国 US）に提供している個人データ（members）について、外国にある第三者への提供の根拠が"
        "記録されていません。本人の同意、基準適合体制または例外による移転を記録してください（十分性認定はEEA・英国の場合に限ります）。",
        id="R01"),
    pytest.param(
        "UPDATE transfers SET last_checked = '2025-01-15'",
        'Transfer t-acme to processor "Acme Mail" (acme-mail) relies on standard measures, but the recipient\'s '
        "measures and the foreign country's laws were last checked on 2025-01-15; check them at least every 12 months.",
        "委託先「Acme Mail」（acme-mail）への外国移転（t-acme）は基準適合体制に基づいていますが、移転先の措置の実施状況及び"
        "外国の制度の定期的な確認が2025-01-15 以降行われていません。少なくとも年1回確認してください。",
        id="R03"),
    pytest.param(
        "DELETE FROM controls WHERE control_id = 'c-tec-crm'",
        'Category "Member contact details" (members) has no implemented control in domain TEC (Technical measures) '
        "covering it at organization scope, for the category or for a system that stores it; implement one and "
        "record it.",
        "個人データ「会員連絡先」（members）について、区分「技術的安全管理措置」（TEC）の安全管理措置が実施されていません"
        "（組織全体、当該個人データまたはその保存先システムを対象とするもの）。この区分の措置を実施し、記録してください。",
        id="R29"),
    pytest.param(
        "UPDATE processors SET reconsignment_approved = false WHERE processor_id = 'archive-sub'",
        'Re-consignee "Archive Storage" (archive-sub), engaged by processor "Payroll Services Co" (payroll-co), has '
        "no record that the re-consignment was reported to you and approved in advance.",
        "委託先「Payroll Services Co」（payroll-co）から再委託を受けた再委託先「Archive Storage」（archive-sub）について、"
        "再委託の事前の報告及び承認の記録がありません。",
        id="R14"),
    pytest.param(
        "UPDATE categories SET delete_by = '2026-03-01' WHERE category_id = 'payroll'",
        'Category "Payroll and My Number" (payroll) was due for deletion on 2026-03-01; delete or dispose of the data '
        "without delay, or record why it is still needed and a new date.",
        "個人データ「給与・マイナンバー」（payroll）は消去期限（2026-03-01）を過ぎています。遅滞なく消去・廃棄するか、"
        "引き続き必要な理由と新たな期限を記録してください。",
        id="R36"),
    pytest.param(
        "DELETE FROM controls WHERE control_id = 'c-pol'",
        "Sakura Trading KK (org) has no implemented basic policy (POL) at organization scope; adopt a basic policy on "
        "handling personal data and record it as a control.",
        "さくら商事株式会社（org）について、組織全体を対象とする基本方針（POL）が実施済みとして記録されていません。"
        "個人データの適正な取扱いに関する基本方針を策定し、記録してください。",
        id="R30-names-the-organization"),
]


@pytest.mark.parametrize(("statement", "message", "message_ja"), BREAK_AND_MESSAGE)
def test_messages_name_the_subject(inventory, statement, message, message_ja):
    inventory.execute(statement)
    found = rules.findings(inventory, AS_OF)
    assert found[["message", "message_ja"]].values.tolist() == [[message, message_ja]]


def test_long_category_lists_are_shortened(inventory):
    inventory.execute("INSERT INTO categories (category_id, name, retention_months, access_holders, last_reviewed) "
                      "SELECT 'c' || i, 'C' || i, 12, 'x', DATE '2026-01-01' FROM range(1, 8) t(i)")
    inventory.execute("INSERT INTO category_purposes SELECT 'c' || i, 'service' FROM range(1, 8) t(i)")
    inventory.execute("INSERT INTO category_processors SELECT 'c' || i, 'acme-mail' FROM range(1, 8) t(i)")
    inventory.execute("UPDATE transfers SET category_id = 'members'")
    inventory.execute("INSERT INTO controls (control_id, measure, title, scope, status, last_reviewed) "
                      "VALUES ('c-ext-org', 'EXT-1', 'EXT', 'org', 'implemented', '2026-01-01'), "
                      "('c-tec-org', 'TEC-1', 'TEC', 'org', 'implemented', '2026-01-01')")
    found = rules.findings(inventory, AS_OF)
    assert key_rows(found) == [("R01", "critical", "processor", "acme-mail", None)]
    assert "(categories: c1, c2, c3, c4, c5 and 2 more)" in found.loc[0, "message"]
    assert "（c1、c2、c3、c4、c5 ほか 2 件）" in found.loc[0, "message_ja"]


def test_each_rule_file_is_one_select_of_the_finding_columns_and_the_date_it_applies_from(conn):
    cursor = conn.cursor()
    rules.prepare(cursor)
    for path in rules.rule_files():
        sql = path.read_text(encoding="utf-8")
        assert "$as_of" not in sql, path.name  # the as-of date is applied to applies_from, outside
        described = cursor.execute(f"DESCRIBE SELECT * FROM ({sql})")
        assert [(name, kind) for name, kind, *_ in described.fetchall()] == [
            *((c, "VARCHAR") for c in rules.FINDING_COLUMNS), ("applies_from", "DATE")], path.name
    cursor.close()


def test_a_check_leaves_the_connection_and_the_file_untouched(db_path):
    conn = db.connect(db_path)
    baseline.load_baseline(conn)
    conn.execute("DELETE FROM controls WHERE control_id = 'c-pol'")
    conn.execute("CHECKPOINT")
    before_tables = conn.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
    conn.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()

    readonly = db.connect(db_path, read_only=True)  # what `check` uses
    found = rules.findings(readonly, AS_OF)
    assert key_rows(found) == [("R30", "low", "organization", "org", None)]
    readonly.close()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest

    conn = db.connect(db_path)
    conn.execute("SELECT 1")  # a result left unfinished by the caller does not get in the way
    assert key_rows(rules.findings(conn, AS_OF)) == [("R30", "low", "organization", "org", None)]
    assert conn.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name IN "
                        "('overdue_from', 'escalate', 'implemented_controls')").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'catalog_%'").fetchone() == (0,)
    assert conn.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall() == before_tables
    conn.close()


def test_repeated_checks_give_the_same_result(inventory):
    inventory.execute("UPDATE categories SET last_reviewed = NULL")
    first = rules.findings(inventory, AS_OF)
    assert rules.findings(inventory, AS_OF).equals(first)
    assert len(first) == 4


def test_rule_catalog_describes_every_rule():
    catalog = rules.rule_catalog()
    assert [entry["rule_id"] for entry in catalog] == list(rules.RULE_IDS)
    assert rules.rule_ids_in_sql() == set(rules.RULE_IDS)
    assert all(entry["severity"] in rules.SEVERITIES and entry["title"] and entry["title_ja"] for entry in catalog)
    assert {e["rule_id"] for e in catalog if e["escalates"]} == {"R16", "R19", "R21", "R29", "R32", "R34", "R35", "R36"}
    assert catalog[rules.RULE_IDS.index("R29")] == {
        "rule_id": "R29", "severity": "high", "escalates": True, "subject_type": ["category"],
        "reference": "Art. 23; guideline 10",
        "title": "Category without an implemented control in a required domain",
        "title_ja": "必要な区分の安全管理措置が実施されていない個人データ",
        "note": None, "note_ja": None,
    }
    catalog[0]["subject_type"].append("mutated")
    assert rules.rule_catalog()[0]["subject_type"] == ["processor", "recipient"]
