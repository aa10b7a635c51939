"""Import: every kind of bad input of interchange.md is named precisely and writes nothing."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from inventory import db, export, service
from inventory.cli import main
from inventory.errors import ValidationFailed

GOOD = {
    "organization.csv": "name,name_ja,sme\nExample KK,例株式会社,no\n",
    "categories.csv": "category_id,name,name_ja,persons,special_care,delete_by\n"
                      "members,Member contacts,会員連絡先,1200,○,2030-03-31\nstaff,Staff,従業員,80,×,\n",
    "purposes.csv": "purpose_id,description,published\nship,Ship orders,yes\n",
    "category_purposes.csv": "category_id,purpose_id\nmembers,ship\nmembers,ship\n",
    "processors.csv": "processor_id,name,country,parent_id\nmailco,Mail Co,us,\nsub,Sub Co,UK,mailco\n",
    "systems.csv": "system_id,name,medium,processor_id\ncrm,CRM,,mailco\ncab,Cabinet,paper,\n",
    "recipients.csv": "recipient_id,name,country,basis\ncourier,Courier,JP,\n",
    "transfers.csv": "transfer_id,party_type,party_id,category_id,route\nt1,processor,mailco,,consent\n",
    "countries.csv": "country,regime_assessed\nUS,2026-01-10\n",
    "controls.csv": "control_id,measure,domain,title,scope,status\n"
                    "c1,TEC-1,,Access control,system:crm,implemented\nc2,OWN-9,ORG,Own,category:staff,planned\n",
}


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def loaded(db_path: Path, tmp_path: Path) -> Path:
    """A database holding the GOOD inventory."""
    assert main(["import", "--db", str(db_path), str(write(tmp_path / "good", GOOD))]) == 0
    return db_path


def test_good_inventory_imports_with_normalised_values(loaded: Path):
    conn = db.connect(loaded, read_only=True)
    assert conn.execute("select category_id, special_care, persons from categories order by 1").fetchall() == [
        ("members", True, 1200), ("staff", False, 80)]
    assert conn.execute("select count(*) from category_purposes").fetchone() == (1,)  # links are sets
    assert conn.execute("select processor_id, country from processors order by 1").fetchall() == [
        ("mailco", "US"), ("sub", "GB")]
    assert conn.execute("select system_id, medium, country from systems order by 1").fetchall() == [
        ("cab", "paper", "JP"), ("crm", "electronic", "JP")]
    assert conn.execute("select basis from recipients").fetchone() == (None,)  # empty basis means none
    conn.close()


BAD = [
    # (id, files to overlay on GOOD, expected (file, row, column, value), words in the message)
    ("unknown column", {"purposes.csv": "purpose_id,description,colour\nship,Ship,red\n"},
     ("purposes.csv", 1, "colour", "colour"), "unknown column"),
    ("missing required column", {"purposes.csv": "purpose_id\nship\n"},
     ("purposes.csv", 1, "description", None), "required column is missing"),
    ("empty required value", {"purposes.csv": "purpose_id,description\nship,\n"},
     ("purposes.csv", 2, "description", ""), "required value is empty"),
    ("bad boolean", {"purposes.csv": "purpose_id,description,published\nship,Ship,maybe\n"},
     ("purposes.csv", 2, "published", "maybe"), "not a boolean"),
    ("decimal integer", {"categories.csv": "category_id,name,persons\nmembers,M,12.0\nstaff,S,\n"},
     ("categories.csv", 2, "persons", "12.0"), "whole number"),
    ("unquoted thousands separator", {"categories.csv": "category_id,name,persons\nmembers,M,1,200\nstaff,S,\n"},
     ("categories.csv", 2, None, "200"), "fields but the header has"),
    ("negative integer", {"categories.csv": "category_id,name,retention_months\nmembers,M,-3\nstaff,S,\n"},
     ("categories.csv", 2, "retention_months", "-3"), "whole number"),
    ("review_months below one", {"controls.csv": "control_id,measure,title,scope,status,review_months\n"
                                                 "c1,TEC-1,T,org,implemented,0\n"},
     ("controls.csv", 2, "review_months", "0"), "at least 1"),
    ("impossible date", {"categories.csv": "category_id,name,delete_by\nmembers,M,2026-02-30\nstaff,S,\n"},
     ("categories.csv", 2, "delete_by", "2026-02-30"), "not a date"),
    ("non-ISO date", {"categories.csv": "category_id,name,last_reviewed\nmembers,M,2026/01/05\nstaff,S,\n"},
     ("categories.csv", 2, "last_reviewed", "2026/01/05"), "not a date"),
    ("unknown country", {"recipients.csv": "recipient_id,name,country,basis\ncourier,C,XX,law\n"},
     ("recipients.csv", 2, "country", "XX"), "country code"),
    ("duplicate id", {"purposes.csv": "purpose_id,description\nship,A\nship,B\n"},
     ("purposes.csv", 3, "purpose_id", "ship"), "duplicate"),
    ("duplicate country after UK is GB", {"countries.csv": "country\nGB\nUK\n"},
     ("countries.csv", 3, "country", "GB"), "duplicate"),
    ("missing reference in a link", {"category_purposes.csv": "category_id,purpose_id\nmembers,nope\n"},
     ("category_purposes.csv", 2, "purpose_id", "nope"), "no such ID in purposes"),
    ("missing system vendor", {"systems.csv": "system_id,name,processor_id\ncrm,CRM,ghost\ncab,Cab,\n"},
     ("systems.csv", 2, "processor_id", "ghost"), "no such ID in processors"),
    ("missing parent processor", {"processors.csv": "processor_id,name,country,parent_id\nmailco,M,US,\nsub,S,GB,ghost\n"},
     ("processors.csv", 3, "parent_id", "ghost"), "no such ID in processors"),
    ("transfer to an unknown party", {"transfers.csv": "transfer_id,party_type,party_id,route\nt1,recipient,mailco,consent\n"},
     ("transfers.csv", 2, "party_id", "mailco"), "no such processor or recipient"),
    ("scope naming an unknown system", {"controls.csv": "control_id,measure,title,scope,status\nc1,TEC-1,T,system:ghost,implemented\n"},
     ("controls.csv", 2, "scope", "system:ghost"), "scope must be"),
    ("bad enum", {"controls.csv": "control_id,measure,title,scope,status\nc1,TEC-1,T,org,done\n"},
     ("controls.csv", 2, "status", "done"), "not one of"),
    ("own measure without domain", {"controls.csv": "control_id,measure,title,scope,status\nc1,OWN-1,T,org,planned\n"},
     ("controls.csv", 2, "domain", ""), "domain is required"),
    ("two organization rows", {"organization.csv": "name\nA\nB\n"},
     ("organization.csv", None, None, None), "at most 1 row"),
    ("table name that does not exist", {"categoreis.csv": "category_id,name\nx,y\n"},
     ("categoreis.csv", None, None, None), "not a table"),
    ("bytes that are neither UTF-8 nor CP932", {"purposes.csv": b"purpose_id,description\nship,\x82\xff\n"},
     ("purposes.csv", None, None, None), "not UTF-8 or CP932"),
    ("column given twice", {"purposes.csv": "purpose_id,description,description\nship,a,b\n"},
     ("purposes.csv", 1, "description", "description"), "column appears twice"),
]


@pytest.mark.parametrize("files, where, words", [pytest.param(f, w, m, id=i) for i, f, w, m in BAD])
def test_bad_input_is_named_and_nothing_is_written(loaded: Path, tmp_path: Path, capsys, files, where, words):
    before = digest(loaded)
    source = write(tmp_path / "bad", {**GOOD, **files})
    assert main(["import", "--db", str(loaded), str(source)]) == 2
    assert digest(loaded) == before
    with pytest.raises(ValidationFailed) as caught:
        service.import_source(db.connect(loaded, read_only=True), source)
    located = [(e.file, e.row, e.column, e.value) for e in caught.value.errors]
    assert where in located, located
    error = caught.value.errors[located.index(where)]
    assert words in error.message
    assert " / " in error.message  # every message carries its Japanese half
    assert "error" in capsys.readouterr().err


def test_every_error_is_reported_not_just_the_first(loaded: Path, tmp_path: Path):
    source = write(tmp_path / "bad", {**GOOD,
                                      "purposes.csv": "purpose_id,description,published\nship,,maybe\n",
                                      "countries.csv": "country,regime_assessed\nZZ,yesterday\n"})
    with pytest.raises(ValidationFailed) as caught:
        service.import_source(db.connect(loaded, read_only=True), source)
    assert {(e.file, e.row, e.column) for e in caught.value.errors} == {
        ("purposes.csv", 2, "description"), ("purposes.csv", 2, "published"),
        ("countries.csv", 2, "country"), ("countries.csv", 2, "regime_assessed")}


def test_row_numbers_count_records_not_lines(conn, tmp_path: Path):
    source = write(tmp_path / "src", {"purposes.csv": 'purpose_id,description\nship,"two\nlines"\nbill,\n'})
    with pytest.raises(ValidationFailed) as caught:
        service.import_source(conn, source)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "description")]


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
def test_japanese_encodings_import(conn, tmp_path: Path, encoding: str):
    text = "category_id,name,name_ja,items\nstaff,Staff,従業員台帳,氏名; 住所; 扶養家族\n"
    write(tmp_path / "src", {"categories.csv": text.encode(encoding)})
    service.import_source(conn, tmp_path / "src")
    assert conn.execute("select name_ja, items from categories").fetchone() == ("従業員台帳", "氏名; 住所; 扶養家族")


@pytest.mark.parametrize("fmt", ["folder", "book.xlsx"])
def test_export_import_export_is_identical(loaded: Path, tmp_path: Path, fmt: str):
    first = tmp_path / "first"
    assert main(["export", "--db", str(loaded), str(first)]) == 0
    via = tmp_path / fmt
    assert main(["export", "--db", str(loaded), str(via)]) == 0
    second_db = tmp_path / "second.duckdb"
    assert main(["init", "--db", str(second_db)]) == 0
    assert main(["import", "--db", str(second_db), str(via)]) == 0
    second = tmp_path / "second"
    assert main(["export", "--db", str(second_db), str(second)]) == 0
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir()) and len(files) == 13
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "categories.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM


@pytest.mark.parametrize("value", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "- plain dash"])
def test_formula_like_text_is_escaped_in_files_and_comes_back_exactly(conn, tmp_path: Path, value: str):
    write(tmp_path / "src", {"purposes.csv": f'purpose_id,description\nship,"{value}"\n'})
    service.import_source(conn, tmp_path / "src")
    export.export(conn, tmp_path / "out.xlsx")
    export.export(conn, tmp_path / "out")
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "out.xlsx")["purposes"]["B2"]
    assert (cell.value, cell.data_type) == ("'" + value, "s")
    assert f"ship,'{value}" in (tmp_path / "out" / "purposes.csv").read_text(encoding="utf-8-sig")
    for source in (tmp_path / "out.xlsx", tmp_path / "out"):
        service.import_source(conn, source)
        assert conn.execute("select description from purposes").fetchall() == [(value,)]


def test_import_replaces_the_whole_inventory(loaded: Path, tmp_path: Path):
    source = write(tmp_path / "small", {"purposes.csv": "purpose_id,description\nonly,Only one\n"})
    assert main(["import", "--db", str(loaded), str(source)]) == 0
    conn = db.connect(loaded, read_only=True)
    assert conn.execute("select purpose_id from purposes").fetchall() == [("only",)]
    assert conn.execute("select count(*) from categories").fetchone() == (0,)
    conn.close()


def test_escaping_is_reversible_for_values_that_already_start_with_a_quote():
    import pandas as pd

    values = pd.Series(["'=x", "''+y", "'plain", "=z", "", "'", "ok"])
    escaped = export.escape_formulas(values)
    assert escaped.tolist() == ["''=x", "'''+y", "'plain", "'=z", "", "'", "ok"]
    assert export.unescape_formulas(escaped).tolist() == values.tolist()


def test_a_table_larger_than_a_row_group_is_imported_whole(conn, tmp_path: Path):
    """DuckDB stores 122,880 rows per row group; a write path once lost everything past it."""
    from bench.generate import Size, generate

    counts = generate(tmp_path / "big", Size(10, 2, 20_000, 5, 2, 10, 150_000), seed=1)
    stored = service.import_source(conn, tmp_path / "big")
    assert stored["category_systems"] == counts["category_systems"] == 150_000
    assert conn.execute("select count(*) from category_systems").fetchall() == [(150_000,)]
    assert conn.execute("select count(*) from audit_log where table_name = 'category_systems'").fetchall() == [(150_000,)]
    service.import_source(conn, tmp_path / "big")  # the same again: nothing changes, nothing audited
    assert conn.execute("select count(*) from category_systems").fetchall() == [(150_000,)]
    assert conn.execute("select count(*) from audit_log where table_name = 'category_systems'").fetchall() == [(150_000,)]
