"""Roles, audit trail, concurrent edits, backup and restore — on real database files."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from inventory import accounts, audit, backup, db, export, service, store
from inventory.access import Actor, PermissionDenied
from inventory.errors import InventoryError, ValidationFailed

ADMIN = Actor("ada", "admin")
EDITOR = Actor("eddie", "editor")
VIEWER = Actor("vera", "viewer")
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "demo"


@pytest.fixture
def sample(conn):
    service.import_source(conn, SAMPLE)
    return conn


@pytest.fixture
def with_accounts(sample):
    accounts.add(sample, "ada", "admin", "correct horse 1")
    accounts.add(sample, "eddie", "editor", "correct horse 2", actor=ADMIN)
    accounts.add(sample, "vera", "viewer", "correct horse 3", actor=ADMIN)
    return sample


def categories(conn) -> pd.DataFrame:
    return export.text_frames(conn)["categories"]


WRITES = {
    "save_table": lambda c, a: store.save_table(c, "categories", categories(c), actor=a),
    "apply_edits": lambda c, a: store.apply_edits(c, "purposes", export.text_frames(c)["purposes"].head(0),
                                                  pd.DataFrame([{"purpose_id": "new", "description": "New"}]), actor=a),
    "import": lambda c, a: service.import_source(c, SAMPLE, actor=a),
    "restore_version": lambda c, a: store.restore_version(c, 1, actor=a),
    "restore": lambda c, a: backup.restore(c, "nowhere.duckdb", actor=a),
    "add account": lambda c, a: accounts.add(c, "mallory", "admin", "long enough pw", actor=a),
    "remove account": lambda c, a: accounts.remove(c, "ada", actor=a),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_viewer_cannot_write_by_any_path(with_accounts, write):
    before = backup.digest(with_accounts)
    with pytest.raises(PermissionDenied):
        write(with_accounts, VIEWER)
    assert backup.digest(with_accounts) == before


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_once_accounts_exist_an_anonymous_write_is_refused(with_accounts, write):
    with pytest.raises(PermissionDenied, match="sign in"):
        write(with_accounts, None)


def test_editors_edit_but_only_admins_restore_and_manage_accounts(with_accounts, tmp_path):
    store.save_table(with_accounts, "categories", categories(with_accounts), actor=EDITOR)
    with pytest.raises(PermissionDenied):
        accounts.add(with_accounts, "x", "viewer", "long enough pw", actor=EDITOR)
    with pytest.raises(PermissionDenied):
        backup.restore(with_accounts, tmp_path / "b.duckdb", actor=EDITOR)


def test_passwords_are_hashed_and_checked(with_accounts):
    stored = with_accounts.execute("select password_hash from accounts where username = 'eddie'").fetchall()[0][0]
    assert stored.startswith("$argon2") and "correct horse" not in stored
    assert accounts.authenticate(with_accounts, "eddie", "correct horse 2") == EDITOR
    assert accounts.authenticate(with_accounts, "eddie", "wrong") is None
    assert accounts.authenticate(with_accounts, "nobody", "correct horse 2") is None
    with pytest.raises(InventoryError, match="at least"):
        accounts.add(with_accounts, "shorty", "viewer", "short", actor=ADMIN)


def test_an_edit_is_audited_with_who_before_and_after(sample):
    rows = categories(sample)
    rows.loc[rows["category_id"] == "campaign-entries", "access_holders"] = "Marketing team"
    store.save_table(sample, "categories", rows, actor=EDITOR)
    trail = audit.history(sample, "categories", "campaign-entries")
    latest = trail.iloc[0]
    assert (latest["actor"], latest["action"], latest["change"]) == ("eddie", "edit", "update")
    assert json.loads(latest["before"])["access_holders"] is None
    assert json.loads(latest["after"])["access_holders"] == "Marketing team"
    assert len(audit.entries(sample, table="categories", actor="eddie")) == 1  # only the changed row


def test_a_refused_write_leaves_no_audit_row(sample):
    count = len(audit.entries(sample, limit=10_000))
    rows = categories(sample)
    rows.loc[0, "persons"] = "lots"
    with pytest.raises(ValidationFailed):
        store.save_table(sample, "categories", rows, actor=EDITOR)
    assert len(audit.entries(sample, limit=10_000)) == count


def test_a_failure_inside_the_transaction_rolls_back_audit_and_data(sample):
    before = backup.digest(sample)
    bad = {"categories": pd.DataFrame({"category_id": ["x"]})}  # missing NOT NULL name: fails mid-write
    with pytest.raises(Exception):
        store.replace_all(sample, bad, actor=EDITOR)
    assert backup.digest(sample) == before


def test_restore_a_previous_version_of_a_record(sample):
    rows = categories(sample)
    original = rows.loc[rows["category_id"] == "applicants", "name"].item()
    rows.loc[rows["category_id"] == "applicants", "name"] = "Renamed"
    store.save_table(sample, "categories", rows, actor=EDITOR)
    import_entry = audit.history(sample, "categories", "applicants").iloc[-1]  # the import that created it
    store.restore_version(sample, int(import_entry["audit_id"]), actor=EDITOR)
    assert sample.execute("select name from categories where category_id = 'applicants'").fetchall() == [(original,)]
    assert audit.history(sample, "categories", "applicants").iloc[0]["action"] == "restore"


def test_two_sessions_editing_the_same_row_second_is_refused_with_the_other_change(sample):
    first, second = sample.cursor(), sample.cursor()
    loaded_1, loaded_2 = categories(first), categories(second)
    mine_1, mine_2 = loaded_1.copy(), loaded_2.copy()
    mine_1.loc[mine_1["category_id"] == "applicants", "owner"] = "HR (first)"
    mine_2.loc[mine_2["category_id"] == "applicants", "owner"] = "HR (second)"
    store.apply_edits(first, "categories", loaded_1, mine_1, actor=ADMIN)
    with pytest.raises(store.EditConflict) as caught:
        store.apply_edits(second, "categories", loaded_2, mine_2, actor=EDITOR)
    assert "HR (first)" in str(caught.value) and "ada" in str(caught.value)
    assert caught.value.conflicts[0]["key"] == "applicants"
    assert sample.execute("select owner from categories where category_id = 'applicants'").fetchall() == [("HR (first)",)]


def test_two_sessions_editing_different_rows_both_land(sample):
    first, second = sample.cursor(), sample.cursor()
    loaded_1, loaded_2 = categories(first), categories(second)
    mine_1, mine_2 = loaded_1.copy(), loaded_2.copy()
    mine_1.loc[mine_1["category_id"] == "applicants", "owner"] = "One"
    mine_2.loc[mine_2["category_id"] == "campaign-entries", "owner"] = "Two"
    store.apply_edits(first, "categories", loaded_1, mine_1, actor=EDITOR)
    store.apply_edits(second, "categories", loaded_2, mine_2, actor=EDITOR)
    owners = dict(sample.execute("select category_id, owner from categories where category_id in "
                                 "('applicants', 'campaign-entries')").fetchall())
    assert owners == {"applicants": "One", "campaign-entries": "Two"}


def test_backup_round_trip_is_verified_and_restore_brings_it_back(sample, tmp_path):
    made = backup.backup(sample, tmp_path / "b.duckdb")
    copy = db.connect(made, read_only=True)
    assert backup.digest(copy) == backup.digest(sample)
    copy.close()
    service.import_source(sample, tmp_path)  # a folder with no CSVs: an empty inventory
    assert sample.execute("select count(*) from categories").fetchall() == [(0,)]
    backup.restore(sample, made, actor=ADMIN)
    assert sample.execute("select count(*) from categories").fetchall() == [(15,)]
    assert audit.entries(sample).iloc[0]["action"] == "restore"


def test_every_import_over_data_is_preceded_by_a_backup(sample, db_path):
    service.import_source(sample, SAMPLE)
    made = sorted((db_path.parent / "backups").glob("*-before-import.duckdb"))
    assert len(made) == 1
    copy = db.connect(made[0], read_only=True)
    assert copy.execute("select count(*) from categories").fetchall() == [(15,)]
    copy.close()


def test_automatic_backups_keep_the_newest_of_their_own_database_only(sample, db_path):
    folder = db_path.parent / "backups"
    folder.mkdir()
    mine = [folder / f"inventory-202611{d:02d}T000000000000-before-import.duckdb" for d in range(1, 21)]
    theirs = [folder / f"inventory-2-202611{d:02d}T000000000000-before-import.duckdb" for d in range(1, 21)]
    for made in mine + theirs:  # inventory-2.duckdb's backups start with `inventory-` too
        made.write_bytes(b"")
    service.import_source(sample, SAMPLE)
    assert all(p.exists() for p in theirs)
    assert backup.automatic_backups(db_path)[:-1] == mine[1:]  # the oldest of its own went


def test_a_backup_never_overwrites(sample, tmp_path):
    (tmp_path / "b.duckdb").write_bytes(b"keep me")
    with pytest.raises(InventoryError, match="already exists"):
        backup.backup(sample, tmp_path / "b.duckdb")
    assert (tmp_path / "b.duckdb").read_bytes() == b"keep me"
