"""The Policy page through the real frame (`AppTest` on app.py), on real DuckDB files in tmp_path:
paste or upload a policy, see what it declares and the P-rules, render hostile text inertly, and
add the missing categories and purposes only after the officer confirms (never as a viewer)."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from inventory import accounts, db, service
from inventory.access import Actor
from ui import policy_view

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "demo"
RETAILER = ROOT / "tests" / "policy" / "corpus" / "en_retailer.html"
JA_SHOP = ROOT / "tests" / "policy" / "corpus" / "ja_ec_shop.txt"
HOSTILE_HTML = """<html><head><script>alert('head')</script></head><body>
<h1>Privacy Policy</h1>
<p>We collect your name and e-mail address &lt;img src=x onerror=alert(1)&gt; when you register.</p>
<p>We also collect your IP address.<script>alert('body')</script><img src=x onerror="alert(2)"></p>
<p>&lt;script&gt;alert(3)&lt;/script&gt; We take measures such as firewalls and access control.</p>
</body></html>"""
PASSWORD = "correct-horse-9"
HOSTILE_TXT = "We collect your name and e-mail address <img src=x onerror=alert(1)> <script>alert(2)</script>.\n"


@pytest.fixture
def sample_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "policy.duckdb"
    conn = db.connect(path, create=True)
    service.import_source(conn, SAMPLE)
    conn.close()
    monkeypatch.setenv("INVENTORY_DB", str(path))
    return path


def open_policy(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/policy.py").run()
    ok(at)
    return at


def ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="pol_text").set_value(text).run()
    ok(at)
    return at


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def html_bodies(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html")]


def rows(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path)) as conn:
        return conn.execute(sql).fetchall()


def tick(at: AppTest, ids: list[str]) -> AppTest:
    editor = at.data_editor[0]
    listed = list(editor.value["id"])
    at.session_state[editor.key] = {"edited_rows": {listed.index(i): {"add": True} for i in ids},
                                    "added_rows": [], "deleted_rows": []}
    at.run()
    ok(at)
    return at


def test_the_highlighted_text_escapes_everything_and_merges_overlapping_spans():
    plain = "A <b>&'\" B. Cookies <i>. End"
    evidence = [{"field": "categories", "value": "name", "start": 0, "end": 12},
                {"field": "categories", "value": "cookie_id", "start": 10, "end": 23},
                {"field": "outsourcing", "value": True, "start": 0, "end": 5}]
    body = policy_view.highlighted_html(plain, evidence, ("outsourcing", "True"))
    inner = re.sub(r"^<div[^>]*>|</div>$", "", body)
    assert re.sub(r'<mark style="[^"]*">', "<mark>", inner) == \
        "<mark>A &lt;b&gt;</mark><mark>&amp;&#x27;&quot; B. Cookies &lt;i&gt;</mark>. End"
    assert inner.startswith(f'<mark style="{policy_view.MARK_ON}">A &lt;b&gt;</mark>')


def test_the_page_asks_for_a_policy_on_an_empty_inventory(db_path, monkeypatch):
    monkeypatch.setenv("INVENTORY_DB", str(db_path))
    at = open_policy()
    assert at.title[0].value == "Privacy policy"
    assert any("Paste or upload" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_pasted_policy_shows_what_it_declares_and_the_findings(sample_db, lang):
    at = paste(open_policy(lang), RETAILER.read_text(encoding="utf-8"))
    metrics = {m.label: m.value for m in at.metric}
    if lang == "en":
        assert metrics["Language"] == "English" and metrics["Outsourcing"] == "yes"
        assert "**Foreign handling**: recipient with equivalent measures — Philippines (PH), Vietnam (VN)" in markdown_text(at)
        assert metrics["High"] == "12" and metrics["Medium"] == "1"
        assert ":blue-badge[E-mail address]" in markdown_text(at)
        assert ":green-badge[TEC Technical measures]" in markdown_text(at)
    else:
        assert at.title[0].value == "プライバシーポリシー" and metrics["言語"] == "英語"
        assert ":blue-badge[メールアドレス]" in markdown_text(at)
    purposes = at.dataframe[0].value.iloc[:, 0].tolist()
    assert "Management of the point card program" in purposes
    text = markdown_text(at)
    assert "**P02**" in text and "ip\\_address" in text.replace("ip_address", "ip\\_address")
    assert "**P01**" in text and "P01" in text
    body = html_bodies(at)[0]
    assert body.count("<mark") >= 20 and "Name, postal address, telephone number and e-mail address</mark>" in body


def test_a_field_chosen_shows_its_evidence_sentences(sample_db):
    at = paste(open_policy(), RETAILER.read_text(encoding="utf-8"))
    at.selectbox(key="pol_field").set_value(("categories", "email_address")).run()
    ok(at)
    quotes, text = html_bodies(at)
    assert re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", quotes) == [
        "Name, postal address, telephone number and e-mail address",
        "Sending catalogues and e-mail newsletters\tName, address, e-mail address"]
    assert text.count("font-weight:600") >= 1  # the chosen field's spans stand out in the text


def test_a_japanese_upload_in_shift_jis_is_decoded_like_the_scanner_does(sample_db):
    at = open_policy("ja")
    at.segmented_control(key="pol_source").set_value("upload").run()
    at.file_uploader[0].set_value(("policy.txt", JA_SHOP.read_text(encoding="utf-8").encode("cp932"),
                                                "text/plain")).run()
    ok(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["言語"] == "日本語" and "**外国での取扱い**: 基準適合体制（相当措置） — 米国 (US)" in markdown_text(at)
    assert "商品の発送、代金の請求及び決済のため" in at.dataframe[0].value.iloc[:, 0].tolist()


def test_an_oversized_upload_is_refused(sample_db):
    at = open_policy()
    at.segmented_control(key="pol_source").set_value("upload").run()
    at.file_uploader[0].set_value(("big.txt", b"a" * (policy_view.MAX_BYTES + 1), "text/plain")).run()
    assert [e.value for e in at.error] == ["The file is larger than 2 MB; upload the policy text only."]
    assert not at.metric


@pytest.mark.parametrize("text", [HOSTILE_HTML, HOSTILE_TXT], ids=["html", "txt"])
def test_hostile_markup_in_the_policy_is_shown_as_text(sample_db, text):
    at = paste(open_policy(), text)
    at.selectbox(key="pol_field").set_value(("categories", "email_address")).run()
    ok(at)
    bodies = html_bodies(at)
    assert len(bodies) == 2
    for body in bodies:
        tags = set(re.findall(r"<\s*([a-zA-Z]+)", body))
        assert tags <= {"div", "mark", "blockquote"}, tags
        assert "onerror" not in re.sub(r"&lt;.*?&gt;", "", body)
    assert "&lt;img src=x onerror=alert(1)&gt;" in bodies[0] and "&lt;img src=x onerror=alert(1)&gt;" in bodies[1]
    elsewhere = markdown_text(at) + "".join(str(c.value) for c in at.caption)
    assert "<img" not in elsewhere and "<script" not in elsewhere


def test_added_rows_are_created_only_after_confirm_and_their_p02_goes(sample_db):
    at = paste(open_policy(), RETAILER.read_text(encoding="utf-8"))
    assert "The privacy policy declares ip_address" in markdown_text(at).replace("\\", "")
    assert list(at.data_editor[0].value["id"]) == [
        "ip-address", "delivery-installation-purchased-products", "management-point-card-program",
        "sending-catalogues-mail-newsletters", "product-recall-notices-after", "analysis-improve-product-range"]
    assert at.button(key="pol_add").disabled
    tick(at, ["ip-address", "management-point-card-program"])
    at.button(key="pol_add").click().run()
    ok(at)
    assert any("Create 2 new row(s)" in w.value for w in at.warning)
    assert rows(sample_db, "select count(*) from categories where category_id = 'ip-address'") == [(0,)]
    at.button(key="pol_confirm").click().run()
    ok(at)
    assert [s.value for s in at.success] == ["Added 2 row(s) to the inventory. The findings are up to date."]
    assert rows(sample_db, "select name, name_ja from categories where category_id = 'ip-address'") == \
        [("IP address", "IPアドレス")]
    assert rows(sample_db, "select description, published from purposes where purpose_id = 'management-point-card-program'") \
        == [("Management of the point card program", True)]
    assert "declares ip_address" not in markdown_text(at).replace("\\", "")
    assert "P02" not in markdown_text(at)
    assert "ip-address" not in list(at.data_editor[0].value["id"])
    assert "management-point-card-program" not in list(at.data_editor[0].value["id"])


def test_cancel_adds_nothing(sample_db):
    at = tick(paste(open_policy(), RETAILER.read_text(encoding="utf-8")), ["ip-address"])
    at.button(key="pol_add").click().run()
    at.button(key="pol_cancel").click().run()
    ok(at)
    assert not at.warning and rows(sample_db, "select count(*) from categories where category_id = 'ip-address'") == [(0,)]


def test_a_viewer_reads_the_policy_report_but_cannot_add_rows(tmp_path, monkeypatch):
    path = tmp_path / "viewer.duckdb"
    conn = db.connect(path, create=True)
    accounts.add(conn, "vera", "viewer", PASSWORD, actor=Actor("cli:test", "admin"))
    conn.close()
    monkeypatch.setenv("INVENTORY_DB", str(path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_input(key="auth_username").input("vera")
    at.text_input(key="auth_password").input(PASSWORD)
    next(b for b in at.button if str(b.key).startswith("FormSubmitter:auth_form-")).click().run()
    assert at.session_state["actor"] == Actor("vera", "viewer")
    at.switch_page("app_pages/policy.py").run()  # management reads the consistency report
    ok(at)
    text = "We collect your name and IP address.\n"
    paste(at, text)
    assert list(at.data_editor[0].value["id"]) == ["ip-address", "name"]
    tick(at, ["ip-address"])
    assert at.button(key="pol_add").disabled
    assert any("but not change it" in c.value for c in at.caption)
    # even a confirmation that got through is refused by the store
    row = {"category_id": "ip-address", "name": "IP address", "name_ja": "IPアドレス"}
    at.session_state["pol_pending"] = {"key": policy_view.digest(text) + "txt", "rows": [("categories", row)]}
    at.run()
    at.button(key="pol_confirm").click().run()
    assert [e.value for e in at.error] == ["1 row(s) were not added:"]
    problems = next(d.value for d in at.dataframe if list(d.value.columns) == ["Problem"])
    assert problems["Problem"].tolist() == ["vera (viewer) may not do this; it needs the editor role"]
    assert rows(path, "select count(*) from categories") == [(0,)]
