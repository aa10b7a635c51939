"""Stored findings (controls/rules.py `store`): computed in every write, read for any as-of date.

What must hold: the stored findings give exactly the live evaluation for every as-of date; a check
reads them only while they describe the committed inventory and the running rules; a write that
fails leaves them as they were.
"""
from __future__ import annotations

import datetime as dt

import pytest

from controls import rules
from inventory import audit, export, service, store
from inventory.access import LOCAL
from tests.conftest import SAMPLE


def state(conn) -> tuple:
    return conn.execute("SELECT data_version, findings_version, rules_version FROM inventory_state").fetchall()[0]


@pytest.fixture
def sample(conn):
    service.import_source(conn, SAMPLE)
    return conn


def test_overdue_from_is_the_first_day_the_definition_holds(conn):
    """`overdue(d, A, n)`: d empty, or d < A - n months (day clamped to the month's end), day by day."""
    rules.prepare(conn)
    wrong = conn.execute("""
        WITH d AS (SELECT CAST(x AS DATE) AS d FROM range(DATE '2023-11-01', DATE '2025-03-05', INTERVAL 1 DAY) t(x)
                   UNION ALL SELECT NULL),
             a AS (SELECT CAST(x AS DATE) AS a FROM range(DATE '2023-11-01', DATE '2027-04-01', INTERVAL 1 DAY) t(x)),
             n AS (SELECT * FROM (VALUES (0), (1), (2), (12), (13), (24)) v(n))
        SELECT d, a, n FROM d, a, n
        WHERE (d IS NULL OR d < CAST(a - to_months(n) AS DATE)) <> (overdue_from(d, n) <= a)
        LIMIT 5""").fetchall()
    assert wrong == []
    assert conn.execute("SELECT overdue_from(DATE '2026-01-30', 1), overdue_from(DATE '2025-02-28', 12), "
                        "overdue_from(NULL, 12) = always(), overdue_from(DATE '2026-01-01', NULL)").fetchall() == [
        (dt.date(2026, 3, 1), dt.date(2026, 3, 1), True, None)]


def test_an_import_stores_findings_that_equal_the_live_evaluation_on_every_date(sample):
    data_version, findings_version, rules_version = state(sample)
    assert findings_version == data_version and rules_version == rules.rules_version()
    # every date on which some finding of the sample starts to hold, the day before, and far ends
    starts = [d for (d,) in sample.execute("SELECT DISTINCT applies_from FROM gap_findings "
                                          "WHERE isfinite(applies_from)").fetchall()]
    assert len(starts) > 5
    dates = {dt.date(2000, 1, 1), dt.date(2099, 12, 31), *starts, *(d - dt.timedelta(days=1) for d in starts)}
    for as_of in sorted(dates):
        stored, live = rules.findings(sample, as_of), rules.evaluate(sample, as_of)
        assert stored.equals(live), as_of


def test_a_check_reads_the_stored_findings_while_they_are_current(sample):
    as_of = dt.date(2026, 11, 1)
    live = rules.evaluate(sample, as_of)
    sample.execute("DELETE FROM gap_findings WHERE rule_id = 'R13'")  # outside a write: not a real change
    assert "R13" in set(live["rule_id"]) and "R13" not in set(rules.findings(sample, as_of)["rule_id"])


@pytest.mark.parametrize("stale", [
    "UPDATE inventory_state SET data_version = data_version + 1",  # a write that did not store them
    "UPDATE inventory_state SET rules_version = 'other rules'",     # another release's rules
    "UPDATE inventory_state SET findings_version = NULL",           # a file upgraded from schema 3
])
def test_findings_that_are_not_current_are_not_used(sample, stale):
    as_of = dt.date(2026, 11, 1)
    sample.execute("DELETE FROM gap_findings")
    sample.execute(stale)
    assert rules.findings(sample, as_of).equals(rules.evaluate(sample, as_of))
    assert len(rules.findings(sample, as_of)) > 0


def test_an_edit_restores_current_findings_at_once(sample):
    as_of = dt.date(2026, 11, 1)
    rows = export.text_frames(sample)["categories"]
    row = rows.index[rows["access_holders"].str.strip().ne("")][0]
    rows.loc[row, "access_holders"] = ""
    store.save_table(sample, "categories", rows)
    data_version, findings_version, _ = state(sample)
    assert findings_version == data_version
    found = rules.findings(sample, as_of)
    assert ("R32", rows.loc[row, "category_id"]) in set(zip(found["rule_id"], found["subject_id"]))
    assert found.equals(rules.evaluate(sample, as_of))


def test_a_failed_write_leaves_the_stored_findings_as_they_were(sample):
    before = sample.execute("SELECT * FROM gap_findings ORDER BY ALL").fetchall()
    before_state = state(sample)
    with pytest.raises(RuntimeError):
        with audit.write(sample, LOCAL, "edit"):
            sample.execute("DELETE FROM category_purposes")
            raise RuntimeError("the save failed half-way")
    assert state(sample) == before_state
    assert sample.execute("SELECT * FROM gap_findings ORDER BY ALL").fetchall() == before
