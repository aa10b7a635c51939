"""Workspace saves: validated like an import, one transaction, data version raised."""
from __future__ import annotations

import pandas as pd
import pytest

from inventory import export, service, store
from inventory.errors import ValidationFailed


@pytest.fixture
def filled(conn, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "categories.csv").write_text("category_id,name\nmembers,Members\nstaff,Staff\n", encoding="utf-8")
    (src / "purposes.csv").write_text("purpose_id,description\nship,Ship\n", encoding="utf-8")
    (src / "category_purposes.csv").write_text("category_id,purpose_id\nmembers,ship\n", encoding="utf-8")
    service.import_source(conn, src)
    return conn


def test_a_valid_edit_is_saved_and_raises_the_data_version(filled):
    version = store.data_version(filled)
    rows = export.text_frames(filled)["categories"]
    rows.loc[rows["category_id"] == "staff", "access_holders"] = "HR manager"
    store.save_table(filled, "categories", rows)
    assert filled.execute("select access_holders from categories where category_id = 'staff'").fetchone() == ("HR manager",)
    assert store.data_version(filled) == version + 1


def test_an_invalid_edit_names_row_and_column_and_changes_nothing(filled):
    version = store.data_version(filled)
    before = export.text_frames(filled)["categories"]
    rows = before.copy()
    rows.loc[1, "persons"] = "many"
    with pytest.raises(ValidationFailed) as caught:
        store.save_table(filled, "categories", rows)
    assert [(e.file, e.row, e.column, e.value) for e in caught.value.errors] == [("categories", 2, "persons", "many")]
    assert export.text_frames(filled)["categories"].equals(before)
    assert store.data_version(filled) == version


def test_deleting_a_category_that_links_still_name_is_refused(filled):
    rows = export.text_frames(filled)["categories"]
    with pytest.raises(ValidationFailed) as caught:
        store.save_table(filled, "categories", rows[rows["category_id"] != "members"])
    assert [(e.file, e.column, e.value) for e in caught.value.errors] == [("category_purposes", "category_id", "members")]
    assert filled.execute("select count(*) from categories").fetchone() == (2,)


def test_an_added_row_takes_the_defaults(filled):
    rows = export.text_frames(filled)["purposes"]
    rows = pd.concat([rows, pd.DataFrame([{"purpose_id": "hire", "description": "Hiring"}])], ignore_index=True)
    store.save_table(filled, "purposes", rows)
    assert filled.execute("select published from purposes where purpose_id = 'hire'").fetchone() == (False,)
