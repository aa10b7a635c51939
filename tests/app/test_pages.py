"""Every page through the real frame (`AppTest` on app.py), on real DuckDB files in tmp_path.

Streamlit's `cache_resource` lives for the whole pytest process, keyed by database path, so each
test uses its own file. The expected numbers come from the CLI's `check`, run before the app
opens the file (DuckDB lets one process hold a file read-write), and are also written out.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from inventory import db, export, service

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "demo"
AS_OF = dt.date(2026, 11, 1)
PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))


@pytest.fixture
def sample_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "sample.duckdb"
    conn = db.connect(path, create=True)
    service.import_source(conn, SAMPLE)
    conn.close()
    monkeypatch.setenv("INVENTORY_DB", str(path))
    return path


@pytest.fixture
def empty_db(db_path, monkeypatch) -> Path:
    monkeypatch.setenv("INVENTORY_DB", str(db_path))
    return db_path


def open_page(page: str, lang: str = "en", as_of: dt.date | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    if as_of is not None:
        at.date_input(key="as_of").set_value(as_of).run()
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def check_json(path: Path, as_of: dt.date = AS_OF) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "inventory", "check", "--db", str(path), "--as-of", as_of.isoformat(),
                           "--format", "json", "--fail-on", "none"], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def text_of(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown) + "\n".join(str(c.value) for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_on_the_sample_inventory(sample_db, page, lang):
    at = open_page(page, lang)
    assert at.title, "every page has a title"
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_on_an_empty_database(empty_db, page):
    at = open_page(page)
    assert not at.error


def test_japanese_switch_changes_the_labels(sample_db):
    at = open_page("overview", "ja")
    assert at.title[0].value == "概況"
    assert at.radio(key="lang").value == "ja"
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Overview"


def test_overview_shows_the_numbers_check_gives(sample_db):
    found = check_json(sample_db)
    at = open_page("overview", as_of=AS_OF)
    metrics = {m.label: m.value for m in at.metric}
    severity = {s: sum(f["severity"] == s for f in found) for s in ("critical", "high", "medium", "low")}
    assert severity == {"critical": 1, "high": 16, "medium": 11, "low": 0}  # sample_data/demo/README.md
    assert {k: int(metrics[k.capitalize()]) for k in severity} == severity
    assert int(metrics["Open findings"]) == len(found) == 28
    assert int(metrics["Supervision overdue"]) == len({f["subject_id"] for f in found if f["rule_id"] == "R13"}) == 2
    assert metrics["Categories"] == "15"
    assert metrics["Foreign countries"] == "3"  # US, VN, SG
    r29 = sum(f["rule_id"] == "R29" for f in found)
    assert r29 == 4 and metrics["Coverage"] == f"{100 * (78 - r29) / 78:.0f}%"  # 78 required cells, 4 missing


def test_a_heatmap_cell_picked_below_the_chart_drills_down(sample_db):
    at = open_page("overview", as_of=AS_OF)
    at.selectbox(key="ov_pick_category").set_value("campaign-entries")
    at.selectbox(key="ov_pick_domain").set_value("TEC").run()
    assert not at.exception
    text = text_of(at)
    assert "R29" in text and "campaign-entries" in text
    at.selectbox(key="ov_pick_country").set_value("VN").run()
    assert "R01" in text_of(at) and "dev-offshore" in text_of(at)


def _edit(at: AppTest, table: str, row_id: str, column: str, value: str) -> None:
    editor = at.data_editor[0]
    position = list(editor.value[editor.value.columns[0]]).index(row_id)
    at.session_state[editor.key] = {"edited_rows": {position: {column: value}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key=f"ws_save_{table}").click().run()


def test_an_edit_saved_in_the_workspace_changes_the_database_and_the_findings(sample_db):
    at = open_page("workspace", as_of=AS_OF, table="categories", q="campaign")
    assert [f["subject_id"] for f in check_json_inprocess(sample_db) if f["rule_id"] == "R32"] == ["campaign-entries"]
    _edit(at, "categories", "campaign-entries", "access_holders", "Marketing Dept. campaign team (3)")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Saved" in s.value for s in at.success)
    with duckdb.connect(str(sample_db)) as conn:
        assert conn.execute("select access_holders from categories where category_id = 'campaign-entries'").fetchall() \
            == [("Marketing Dept. campaign team (3)",)]
    assert not [f for f in check_json_inprocess(sample_db) if f["rule_id"] == "R32"]
    at.switch_page("app_pages/findings.py").run()
    assert "R32" not in text_of(at) and "R36" in text_of(at)


def check_json_inprocess(path: Path) -> list[dict]:
    """The findings as `check` computes them, on a connection inside this process (the app holds the file)."""
    from controls import rules

    with duckdb.connect(str(path)) as conn:
        return rules.findings(conn, AS_OF).to_dict("records")


def test_an_invalid_edit_shows_its_error_and_leaves_the_database_unchanged(sample_db):
    at = open_page("workspace", table="categories")
    with duckdb.connect(str(sample_db)) as conn:
        before = export.text_frames(conn)
        version = conn.execute("select data_version from inventory_state").fetchall()
    _edit(at, "categories", "applicants", "persons", "about 300")
    assert [e.value for e in at.error] == ["Nothing was saved: 1 problem(s) to fix."]
    problems = at.dataframe[1].value  # [0] is the editor
    assert problems.to_dict("records") == [{
        "Table": "Data categories", "Row": "row 1 on this page (applicants)", "Column": "persons", "Value": "about 300",
        "Problem": "not a whole number (digits only)"}]
    with duckdb.connect(str(sample_db)) as conn:
        after = export.text_frames(conn)
        assert conn.execute("select data_version from inventory_state").fetchall() == version
    assert all(after[name].equals(before[name]) for name in before)


def test_a_new_row_repeating_a_stored_id_is_refused_on_its_page_row_and_nothing_is_saved(sample_db):
    at = open_page("workspace", table="categories", q="member")
    shown = len(at.data_editor[0].value)
    assert "applicants" not in set(at.data_editor[0].value["category_id"])  # stored, but not on this page
    with duckdb.connect(str(sample_db)) as conn:
        before = export.text_frames(conn)
    at.session_state[at.data_editor[0].key] = {"edited_rows": {2: {"persons": "many"}}, "deleted_rows": [],
                                               "added_rows": [{"category_id": "applicants", "name": "Again"}]}
    at.run()
    at.button(key="ws_save_categories").click().run()
    assert [e.value for e in at.error] == ["Nothing was saved: 2 problem(s) to fix."]
    problems = at.dataframe[1].value.to_dict("records")
    assert [(p["Row"], p["Column"], p["Value"], p["Problem"]) for p in problems] == [
        (f"row 3 on this page ({at.data_editor[0].value['category_id'].iloc[2]})", "persons", "many",
         "not a whole number (digits only)"),
        (f"row {shown + 1} on this page (applicants)", "category_id", "applicants", "duplicate ID: already in the table")]
    with duckdb.connect(str(sample_db)) as conn:
        after = export.text_frames(conn)
    assert all(after[name].equals(before[name]) for name in before)


def test_a_control_added_on_the_controls_page_closes_the_coverage_gap(sample_db):
    at = open_page("safeguards", as_of=AS_OF, scope="category:campaign-entries", domain="TEC")
    assert at.selectbox(key="ctl_f_measure").value == "TEC-1"
    assert at.selectbox(key="ctl_f_scope").value == "category:campaign-entries"
    at.text_input(key="ctl_f_title").input("Campaign export files encrypted, access by named staff")
    at.date_input(key="ctl_f_reviewed").set_value(dt.date(2026, 10, 20))
    at.button(key="FormSubmitter:ctl_add_form-Add control").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("tec-1-campaign-entries" in s.value for s in at.success)
    r29 = {(f["subject_id"], f["domain"]) for f in check_json_inprocess(sample_db) if f["rule_id"] == "R29"}
    assert ("campaign-entries", "TEC") not in r29 and len(r29) == 3


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_an_upload_with_errors_lists_them_all_and_imports_nothing(empty_db):
    at = open_page("exchange")
    bad = _zip({"inventory/categories.csv": "category_id,name,persons\na,A,many\na,B,2\n"})
    at.file_uploader[0].set_value(("bad.zip", bad, "application/zip")).run()
    assert [e.value for e in at.error] == ["3 error(s): fix them in the file and upload it again."]
    assert "io_import" not in [b.key for b in at.button]
    with duckdb.connect(str(empty_db)) as conn:
        assert conn.execute("select count(*) from categories").fetchall() == [(0,)]


def test_a_valid_upload_is_imported_after_confirmation(empty_db):
    at = open_page("exchange")
    good = _zip({"categories.csv": "category_id,name\nmembers,Members\n", "purposes.csv": "purpose_id,description\nship,Ship\n"})
    at.file_uploader[0].set_value(("good.zip", good, "application/zip")).run()
    assert not at.error and at.progress
    at.button(key="io_import").click().run()
    assert any("Imported 2 rows" in s.value for s in at.success)
    with duckdb.connect(str(empty_db)) as conn:
        assert conn.execute("select category_id from categories").fetchall() == [("members",)]


def test_deleting_a_category_that_links_still_name_is_refused_and_the_link_is_named(sample_db):
    at = open_page("workspace", table="categories", q="applicants")
    at.session_state[at.data_editor[0].key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0]}
    at.run()
    at.button(key="ws_save_categories").click().run()
    assert at.error and at.error[0].value.startswith("Nothing was saved")
    problems = at.dataframe[1].value
    assert set(problems["Value"]) == {"applicants"}
    assert {"Category × purpose", "Category × system"} <= set(problems["Table"])
    with duckdb.connect(str(sample_db)) as conn:
        assert conn.execute("select count(*) from categories where category_id = 'applicants'").fetchall() == [(1,)]


def test_a_row_added_in_the_workspace_is_saved_with_defaults_and_judged_by_the_rules(sample_db):
    at = open_page("workspace", as_of=AS_OF, table="purposes", q="monthly-digest")
    assert at.data_editor[0].value.empty
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"purpose_id": "monthly-digest", "description": "Send the monthly digest"}]}
    at.run()
    at.button(key="ws_save_purposes").click().run()
    assert not at.error, [e.value for e in at.error]
    with duckdb.connect(str(sample_db)) as conn:
        assert conn.execute("select published, third_party_provision from purposes where purpose_id = 'monthly-digest'"
                            ).fetchall() == [(False, False)]
    assert ("R21", "monthly-digest") in {(f["rule_id"], f["subject_id"]) for f in check_json_inprocess(sample_db)}
    assert "R21" in [str(v) for v in at.dataframe[-1].value["rule_id"]]  # the page's own findings, refreshed
