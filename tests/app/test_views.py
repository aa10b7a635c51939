"""The dashboard's reads agree with the rules and with export, on the sample inventory; uploads are
refused when unsafe. Real DuckDB files only."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from controls import coverage, geography, register, rules, triage
from inventory import archive, browse, card, export, service, views
from inventory.errors import ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 1)


@pytest.fixture
def sample(conn):
    service.import_source(conn, ROOT / "sample_data" / "demo")
    return conn


def test_coverage_cells_that_are_required_but_not_implemented_are_exactly_the_r29_findings(sample):
    found = rules.findings(sample, AS_OF)
    r29 = sorted(found.loc[found["rule_id"] == "R29", ["subject_id", "domain"]].itertuples(index=False, name=None))
    grid = coverage.grid(sample, 0, 1000)
    gaps = grid[grid["status"].isin(["missing", "partial", "planned"])]
    assert sorted(gaps[["category_id", "domain"]].itertuples(index=False, name=None)) == r29 == [
        ("business-contacts", "TEC"), ("campaign-entries", "TEC"), ("member-analytics", "TEC"), ("web-identifiers", "EXT")]
    assert coverage.totals(sample) == {"required": 78, "implemented": 74}
    assert list(grid["category_id"].drop_duplicates())[:1] == ["web-identifiers"]  # worst first: a missing cell


def test_coverage_follows_a_new_control_like_r29(sample):
    sample.execute("insert into controls (control_id, measure, title, scope, status) "
                   "values ('x', 'EXT-1', 'Ad partner regime', 'category:web-identifiers', 'implemented')")
    assert coverage.category_cells(sample, "web-identifiers").set_index("domain")["status"]["EXT"] == "implemented"
    found = rules.evaluate(sample, AS_OF)  # written with plain SQL, not a write of the app: evaluate live
    assert not ((found["rule_id"] == "R29") & (found["subject_id"] == "web-identifiers")).any()


def test_pages_of_text_rows_are_spelled_as_export_spells_them(sample):
    for name, frame in export.text_frames(sample).items():
        assert browse.page(sample, name, "", 0, 10_000).equals(frame.reset_index(drop=True)), name
    assert browse.count(sample, "categories", "MEMBER") == 8
    assert list(browse.page(sample, "categories", "member", 2, 2)["category_id"]) == ["inquiries", "member-analytics"]
    assert browse.ids(sample, "processors", limit=3) is None  # six processors: too many to list under 3


def test_register_puts_the_r33_controls_first(sample):
    found = rules.findings(sample, AS_OF)
    overdue = sorted(found.loc[found["rule_id"] == "R33", "subject_id"])
    rows = register.controls(sample, AS_OF, limit=5)
    assert sorted(rows.loc[rows["overdue"], "control_id"]) == overdue == ["ext-crm-us", "phy-cabinet-lock", "tec-ec-waf"]
    assert list(rows["overdue"][:3]) == [True, True, True]
    assert register.count(sample, AS_OF) == {"rows": 40, "overdue": 3}
    assert register.suggest_id(sample, "TEC-1", "category:campaign-entries") == "tec-1-campaign-entries"


def test_countries_take_their_worst_transfer_status_from_the_findings(sample):
    found = rules.findings(sample, AS_OF)
    table = geography.countries(sample, found).set_index("country")
    assert table["status"].to_dict() == {"JP": "domestic", "SG": "route_incomplete", "US": "route_incomplete",
                                         "VN": "no_route"}
    assert table.loc["VN", "iso3"] == "VNM"
    assert views.headline(sample)["foreign_countries"] == 3
    assert geography.country_name("VN", "ja") == "ベトナム"


def test_category_card_reaches_the_re_consignee_and_the_findings_about_its_parties(sample):
    chain = card.processors(sample, "members-contact")
    assert chain.set_index("processor_id")["via"].get("last-mile") == "logistics-3pl"
    related = triage.about(rules.findings(sample, AS_OF), card.related_subjects(sample, "members-contact"))
    assert {"R01", "R03", "R06", "R13", "R14"} <= set(related["rule_id"])


def test_sankey_edges_keep_flows_balanced(sample):
    edges = views.flows(sample, 12)
    into_parties = edges[edges["target_kind"].isin(["processor", "recipient"])].groupby("target")["value"].sum()
    out_of_parties = edges[edges["target_kind"] == "country"].groupby("source")["value"].sum()
    assert into_parties.sort_index().equals(out_of_parties.sort_index())


def _zip(members: dict[str, bytes], **kwargs) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, **kwargs) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["../categories.csv", "/etc/categories.csv", "a/b/categories.csv", "x/cat;egories.csv"])
def test_a_zip_with_unsafe_member_names_is_refused(tmp_path, name):
    with pytest.raises(ValidationFailed) as caught:
        archive.extract_csvs(_zip({name: b"category_id,name\n"}), tmp_path / "out", "up.zip")
    assert caught.value.errors[0].file == "up.zip"
    assert not any((tmp_path / "out").iterdir()) and not (tmp_path / "categories.csv").exists()


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 1_000_000)
    bomb = _zip({"categories.csv": b"0" * 2_000_000})  # ~2 KB compressed, 2 MB inflated
    assert len(bomb) < 10_000
    with pytest.raises(ValidationFailed, match="uncompressed"):
        archive.extract_csvs(bomb, tmp_path / "out", "bomb.zip")
    with pytest.raises(ValidationFailed, match="uncompressed"):
        archive.read_upload("bomb.xlsx", bomb)


def test_too_many_members_or_two_folders_are_refused(tmp_path):
    many = _zip({f"t{i}.csv": b"a\n" for i in range(archive.MAX_MEMBERS + 1)})
    with pytest.raises(ValidationFailed, match="more than"):
        archive.extract_csvs(many, tmp_path / "a")
    spread = _zip({"a/categories.csv": b"x\n", "b/purposes.csv": b"x\n"})
    with pytest.raises(ValidationFailed, match="several folders"):
        archive.extract_csvs(spread, tmp_path / "b")


def test_exported_zip_and_xlsx_import_back_to_the_same_inventory(sample, tmp_path):
    before = export.text_frames(sample)
    for name, data in (("inventory.zip", archive.csv_zip(sample)), ("inventory.xlsx", archive.xlsx(sample))):
        from inventory import validation

        frames = validation.validate(archive.read_upload(name, data))
        assert {n: len(f) for n, f in frames.items()} == {n: len(f) for n, f in before.items()}, name
    with zipfile.ZipFile(io.BytesIO(archive.csv_zip(sample))) as z:
        assert sorted(z.namelist()) == sorted(f"{n}.csv" for n in before)
