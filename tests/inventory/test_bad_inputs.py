"""A corpus of malformed and hostile inputs (tests/inventory/bad_inputs/): each one gives a
clear error naming where it is, or is stored literally; none crashes, none half-writes."""
from __future__ import annotations

from pathlib import Path

import pytest

from inventory import backup, service
from inventory.errors import ValidationFailed

CORPUS = Path(__file__).parent / "bad_inputs"
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "demo"

ERRORS = {
    "utf16_file": "UTF-16 text (NUL bytes)",
    "binary_png_named_csv": "binary data (NUL bytes)",
    "latin1_bytes": "not UTF-8 or CP932",
    "empty_file": "empty file",
    "header_typo": "unknown column",
    "header_wrong_case": "unknown column",
    "header_twice": "column appears twice",
    "missing_required_column": "required column is missing",
    "ragged_row": "fields but the header has",
    "unclosed_quote": "malformed CSV",
    "nul_byte": "binary data (NUL bytes)",
    "boolean_maybe": "not a boolean",
    "integer_with_separator": "whole number",
    "integer_fullwidth": "whole number",
    "integer_negative": "whole number",
    "date_slashes": "not a date",
    "date_impossible": "not a date",
    "date_excel_serial": "not a date",
    "country_name_not_code": "country code",
    "duplicate_id": "duplicate ID",
    "missing_reference": "no such ID",
    "scope_unknown_kind": "scope must be",
    "enum_unknown": "not one of",
    "two_organizations": "at most 1 row",
    "unknown_table_file": "not a table",
    "enormous_cell": "longer than 10000 characters",
    "xlsx_that_is_text": "cannot read workbook",
}
STORED = {  # case: (table, column, exact value kept)
    "header_only_with_bom": ("categories", "count(*)", 0),
    "formula_cells": ("categories", "name", '=HYPERLINK("http://example.invalid","x")'),
    "html_script_in_name": ("categories", "name", "<script>alert(1)</script><img src=x onerror=alert(2)>"),
    "sql_like_strings": ("categories", "category_id", "a'; DROP TABLE categories; --"),
    "markdown_injection": ("categories", "name", "![pixel](http://example.invalid/p.png) **bold** [link](javascript:alert(1))"),
    "bidi_and_control_chars": ("categories", "name", "\u202egnp.exe\u200b\u0007"),
}


def source_of(case: str) -> Path:
    folder = CORPUS / case
    books = list(folder.glob("*.xlsx"))
    return books[0] if books else folder


def test_the_corpus_is_complete():
    cases = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert cases == set(ERRORS) | set(STORED) and len(cases) >= 30


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_input_gives_a_clear_error_and_changes_nothing(conn, case):
    service.import_source(conn, SAMPLE)
    before = backup.digest(conn)
    with pytest.raises(ValidationFailed) as caught:
        service.import_source(conn, source_of(case))
    assert any(ERRORS[case] in e.message for e in caught.value.errors), caught.value
    assert all(e.file for e in caught.value.errors)
    assert len(str(caught.value)) < 5_000  # an enormous value is shown shortened
    assert backup.digest(conn) == before


@pytest.mark.parametrize("case", sorted(STORED))
def test_hostile_text_is_stored_literally(conn, case):
    service.import_source(conn, source_of(case))
    table, column, expected = STORED[case]
    assert conn.execute(f"select {column} from {table}").fetchall() == [(expected,)]
    assert conn.execute("select count(*) from duckdb_tables() where table_name = 'categories'").fetchall() == [(1,)]


def test_a_50_mb_file_gives_a_clear_error_and_changes_nothing(conn, tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    with open(folder / "categories.csv", "wb") as fh:
        fh.write(b"category_id,name\nhuge,")
        chunk = b"y" * (1024 * 1024)
        for _ in range(50):
            fh.write(chunk)
        fh.write(b"\n")
    assert (folder / "categories.csv").stat().st_size > 50 * 1024 * 1024
    before = backup.digest(conn)
    with pytest.raises(ValidationFailed, match="longer than 10000 characters"):
        service.import_source(conn, folder)
    assert backup.digest(conn) == before
