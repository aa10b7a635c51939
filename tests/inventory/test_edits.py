"""Page saves as change sets (inventory/edits.py through store.apply_edits): only the rows a page
changed are judged and written, with every guarantee of a whole-table save. Real DuckDB files."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from inventory import audit, backup, browse, service, store
from inventory.access import Actor
from inventory.edits import PageRefused
from inventory.errors import InventoryError

ROOT = Path(__file__).resolve().parents[2]
EDITOR = Actor("eddie", "editor")
OTHER = Actor("olivia", "editor")


@pytest.fixture
def sample(conn):
    service.import_source(conn, ROOT / "sample_data" / "demo")
    return conn


def page(conn, name: str, search: str = "") -> pd.DataFrame:
    return browse.page(conn, name, search, 0, 50)


def refused(conn, name: str, base: pd.DataFrame, edited: pd.DataFrame) -> list[tuple]:
    """Save, expect a refusal that leaves the database exactly as it was; the errors as tuples."""
    before = backup.digest(conn)
    with pytest.raises(PageRefused) as caught:
        store.apply_edits(conn, name, base, edited, actor=EDITOR)
    assert backup.digest(conn) == before  # data, audit trail and data version untouched
    return [(x.error.file, x.error.row, x.page_row, x.key, x.error.column, x.error.value) for x in caught.value.located]


def test_a_one_row_edit_writes_and_audits_only_that_row(sample):
    version = store.data_version(sample)
    base = page(sample, "categories")
    edited = base.copy()
    edited.loc[2, "owner"] = "Privacy office"
    assert store.apply_edits(sample, "categories", base, edited, actor=EDITOR) == 1
    key = base.loc[2, "category_id"]
    assert sample.execute("select owner from categories where category_id = ?", [key]).fetchall() == [("Privacy office",)]
    trail = audit.entries(sample, actor="eddie")
    assert list(zip(trail["table_name"], trail["record_key"], trail["change"])) == [("categories", key, "update")]
    assert json.loads(trail["after"][0])["owner"] == "Privacy office"
    assert json.loads(trail["before"][0])["owner"] == (base.loc[2, "owner"] or None)
    assert store.data_version(sample) == version + 1
    assert page(sample, "categories").drop(index=2).equals(base.drop(index=2))


def test_an_unchanged_page_is_not_a_write(sample):
    version = store.data_version(sample)
    base = page(sample, "controls")
    assert store.apply_edits(sample, "controls", base, base.copy(), actor=EDITOR) == 0
    assert store.data_version(sample) == version


def test_added_deleted_and_re_keyed_rows_in_one_save(sample):
    base = page(sample, "controls")
    edited = base.drop(index=0).reset_index(drop=True)
    old_id = edited.loc[0, "control_id"]
    edited.loc[0, "control_id"] = "renamed-control"
    edited = pd.concat([edited, pd.DataFrame([{"control_id": "new-control", "measure": "TEC-1", "title": "New",
                                               "scope": "org", "status": "planned"}])], ignore_index=True)
    assert store.apply_edits(sample, "controls", base, edited, actor=EDITOR) == 4
    trail = audit.entries(sample, actor="eddie")
    assert sorted(zip(trail["record_key"], trail["change"])) == sorted([
        (base.loc[0, "control_id"], "delete"), (old_id, "delete"), ("renamed-control", "insert"), ("new-control", "insert")])
    assert sample.execute("select review_months from controls where control_id = 'new-control'").fetchall() == [(12,)]
    assert sample.execute("select count(*) from controls").fetchall()[0][0] == len(base)


def test_a_new_row_may_not_repeat_a_stored_id_off_the_page(sample):
    base = page(sample, "categories", "no such text")
    assert base.empty
    edited = pd.DataFrame([{"category_id": "members-contact", "name": "Again"}])
    assert refused(sample, "categories", base, edited) == [
        ("categories", 1, 0, None, "category_id", "members-contact")]


def test_a_link_already_stored_or_twice_on_the_page_is_refused(sample):
    base = page(sample, "category_systems", "order-history")
    stored = pd.DataFrame([{"category_id": "members-contact", "system_id": "ec-platform"}])
    assert [e[:2] + e[4:] for e in refused(sample, "category_systems", base, pd.concat([base, stored], ignore_index=True))] \
        == [("category_systems", len(base) + 1, "system_id", "ec-platform")]
    twice = pd.DataFrame([{"category_id": "order-history", "system_id": "cs-helpdesk"}] * 2)
    errors = refused(sample, "category_systems", base, pd.concat([base, twice], ignore_index=True))
    assert [(row, value) for _, row, _, _, _, value in errors] == [(len(base) + 1, "cs-helpdesk"),
                                                                   (len(base) + 2, "cs-helpdesk")]
    again = base.iloc[[0]]  # a copy of a row already on the page: refused, not silently dropped
    errors = refused(sample, "category_systems", base, pd.concat([base, again], ignore_index=True))
    assert [(row, value) for _, row, _, _, _, value in errors] == [(1, base.loc[0, "system_id"]),
                                                                   (len(base) + 1, base.loc[0, "system_id"])]


def test_a_reference_to_a_missing_stored_id_is_refused_on_its_page_row(sample):
    base = page(sample, "category_systems")
    edited = base.copy()
    edited.loc[3, "system_id"] = "no-such-system"
    assert refused(sample, "category_systems", base, edited) == [
        ("category_systems", 4, 3, None, "system_id", "no-such-system")]
    controls = page(sample, "controls")
    mine = controls.copy()
    mine.loc[1, "scope"] = "processor:nobody"
    assert refused(sample, "controls", controls, mine) == [("controls", 2, 1, None, "scope", "processor:nobody")]


def test_the_error_names_the_page_row_column_and_value(sample):
    base = page(sample, "categories", "member")
    edited = base.copy()
    edited.loc[4, "persons"] = "lots"
    edited.loc[1, "source"] = "telepathy"
    assert refused(sample, "categories", base, edited) == [
        ("categories", 2, 1, None, "source", "telepathy"), ("categories", 5, 4, None, "persons", "lots")]


def test_deleting_or_re_keying_an_id_that_rows_still_name_is_refused(sample):
    base = page(sample, "systems")
    position = list(base["system_id"]).index("ec-platform")
    errors = refused(sample, "systems", base, base.drop(index=position))
    assert {(file, column, value) for file, _, _, _, column, value in errors} == {
        ("category_systems", "system_id", "ec-platform"), ("controls", "scope", "system:ec-platform")}
    assert all(page_row is None and key for _, _, page_row, key, _, _ in errors)  # located by the record that names it
    renamed = base.copy()
    renamed.loc[position, "system_id"] = "ec-platform-2"
    assert {e[0] for e in refused(sample, "systems", base, renamed)} == {"category_systems", "controls"}


def test_a_processor_and_its_re_consignee_may_go_together_but_not_the_parent_alone(sample):
    sample.execute("delete from category_processors where processor_id in ('logistics-3pl', 'last-mile')")
    sample.execute("delete from transfers where party_id in ('logistics-3pl', 'last-mile')")
    sample.execute("delete from systems where processor_id in ('logistics-3pl', 'last-mile')")
    sample.execute("delete from controls where scope in ('processor:logistics-3pl', 'processor:last-mile')")
    base = page(sample, "processors")
    parent = base[base["processor_id"] == "logistics-3pl"].index
    child_row = list(base["processor_id"]).index("last-mile") + 1  # the page is the whole table, in key order
    assert refused(sample, "processors", base, base.drop(index=parent)) == [
        ("processors", child_row, None, "last-mile", "parent_id", "logistics-3pl")]  # the stored row, by its key
    store.apply_edits(sample, "processors", base, base[~base["processor_id"].isin(["logistics-3pl", "last-mile"])],
                      actor=EDITOR)
    assert sample.execute("select count(*) from processors where processor_id in ('logistics-3pl', 'last-mile')"
                          ).fetchall() == [(0,)]


def test_a_new_processor_may_name_a_parent_added_on_the_same_page_not_one_deleted(sample):
    base = page(sample, "processors", "no such text")
    added = pd.DataFrame([{"processor_id": "p1", "name": "One", "country": "JP"},
                          {"processor_id": "p2", "name": "Two", "country": "JP", "parent_id": "p1"}])
    store.apply_edits(sample, "processors", base, added, actor=EDITOR)
    assert sample.execute("select parent_id from processors where processor_id = 'p2'").fetchall() == [("p1",)]


def test_a_conflict_on_a_touched_row_shows_the_other_change_and_writes_nothing(sample):
    mine_session, their_session = sample.cursor(), sample.cursor()
    loaded = page(mine_session, "categories")
    theirs = loaded.copy()
    theirs.loc[0, "owner"] = "Olivia's team"
    store.apply_edits(their_session, "categories", loaded, theirs, actor=OTHER)
    mine = loaded.copy()
    mine.loc[0, "owner"] = "Eddie's team"
    before = backup.digest(sample)
    with pytest.raises(store.EditConflict) as caught:
        store.apply_edits(mine_session, "categories", loaded, mine, actor=EDITOR)
    assert backup.digest(sample) == before
    (conflict,) = caught.value.conflicts
    assert conflict["key"] == loaded.loc[0, "category_id"] and conflict["by"] == "olivia" and conflict["at"] is not None
    assert conflict["yours_loaded"]["owner"] == loaded.loc[0, "owner"]
    assert conflict["theirs_now"]["owner"] == "Olivia's team"


def test_changes_by_others_to_rows_this_page_did_not_touch_are_no_conflict_and_survive(sample):
    mine_session, their_session = sample.cursor(), sample.cursor()
    loaded = page(mine_session, "categories")
    theirs = loaded.copy()
    theirs.loc[0, "owner"] = "Olivia's team"
    store.apply_edits(their_session, "categories", loaded, theirs, actor=OTHER)
    mine = loaded.copy()
    mine.loc[5, "owner"] = "Eddie's team"
    store.apply_edits(mine_session, "categories", loaded, mine, actor=EDITOR)  # row 0 is stale on this page: untouched
    owners = dict(sample.execute("select category_id, owner from categories where category_id in (?, ?)",
                                 [loaded.loc[0, "category_id"], loaded.loc[5, "category_id"]]).fetchall())
    assert owners == {loaded.loc[0, "category_id"]: "Olivia's team", loaded.loc[5, "category_id"]: "Eddie's team"}


def test_the_organization_is_one_record_and_stays_one_row(sample):
    base = page(sample, "organization")
    edited = base.assign(contact="privacy@example.jp")
    store.apply_edits(sample, "organization", base, edited, actor=EDITOR)
    assert sample.execute("select contact from organization").fetchall() == [("privacy@example.jp",)]
    assert audit.entries(sample, table="organization", actor="eddie")["record_key"].tolist() == ["org"]
    twice = pd.concat([edited, edited.assign(name="Second")], ignore_index=True)
    errors = refused(sample, "organization", edited, twice)
    assert [(file, row, column) for file, row, _, _, column, _ in errors] == [("organization", None, None)]


def test_add_row_and_restore_go_through_the_same_judgement(sample):
    with pytest.raises(PageRefused) as caught:
        store.add_row(sample, "controls", {"control_id": "pol-basic-policy", "measure": "POL-1", "title": "Again",
                                           "scope": "org", "status": "implemented"}, actor=EDITOR)
    assert [(e.row, e.column, e.value) for e in caught.value.errors] == [(1, "control_id", "pol-basic-policy")]
    store.add_row(sample, "controls", {"control_id": "x-1", "measure": "POL-1", "title": "New", "scope": "org",
                                       "status": "planned"}, actor=EDITOR)
    inserted = int(audit.history(sample, "controls", "x-1").iloc[0]["audit_id"])
    base = page(sample, "controls", "x-1")
    store.apply_edits(sample, "controls", base, base.iloc[:0], actor=EDITOR)
    store.restore_version(sample, inserted, actor=EDITOR)
    assert sample.execute("select title, review_months from controls where control_id = 'x-1'").fetchall() == [("New", 12)]
    assert audit.history(sample, "controls", "x-1")["action"].tolist() == ["restore", "edit", "edit"]


def test_a_save_racing_another_write_is_refused_as_a_save_to_repeat(sample):
    writing, saving = sample.cursor(), sample.cursor()
    base = page(saving, "controls")
    edited = base.assign(owner="Eddie")
    before = backup.digest(sample)
    with audit.write(writing, OTHER, "edit"):  # another session's transaction is open
        with pytest.raises(InventoryError, match="same moment"):
            store.apply_edits(saving, "controls", base, edited, actor=EDITOR)
    assert backup.digest(sample) != before  # the other write's version landed ...
    assert page(sample, "controls").equals(base)  # ... and nothing of this one
    assert store.apply_edits(saving, "controls", base, edited, actor=EDITOR) == len(base)  # repeating it works


def test_two_sessions_adding_the_same_new_id_store_it_once(sample):
    """No primary key (schema version 5): uniqueness rests on the judgement plus the one-writer rule."""
    first, second = sample.cursor(), sample.cursor()
    row = {"control_id": "new-1", "measure": "POL-1", "title": "Twice", "scope": "org", "status": "planned"}
    with audit.write(first, OTHER, "edit"):  # the first session's save of the same ID is in flight
        first.execute("insert into controls (control_id, measure, title, scope, status) "
                      "values ('new-1', 'POL-1', 'Twice', 'org', 'planned')")
        with pytest.raises(InventoryError, match="same moment"):
            store.add_row(second, "controls", row, actor=EDITOR)
    with pytest.raises(PageRefused, match="already"):
        store.add_row(second, "controls", row, actor=EDITOR)
    assert sample.execute("select count(*) from controls where control_id = 'new-1'").fetchall() == [(1,)]


def test_a_typed_leading_apostrophe_is_kept_in_the_editor_but_removed_from_a_file(sample):
    """The `'` before a formula-like cell is our export's guard, so only files lose it."""
    base = page(sample, "categories")
    edited = base.copy()
    edited.loc[0, "access_holders"] = "'=SUM(A1)"
    store.apply_edits(sample, "categories", base, edited, actor=EDITOR)
    key = base.loc[0, "category_id"]
    stored = "select access_holders from categories where category_id = ?"
    assert sample.execute(stored, [key]).fetchall() == [("'=SUM(A1)",)]
    again = page(sample, "categories")  # another cell of that row edited later: the apostrophe stays
    changed = again.copy()
    changed.loc[0, "owner"] = "Privacy office"
    store.apply_edits(sample, "categories", again, changed, actor=EDITOR)
    assert sample.execute(stored, [key]).fetchall() == [("'=SUM(A1)",)]
