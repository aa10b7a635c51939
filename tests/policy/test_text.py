"""Getting the text: html stripped safely with offsets into the extracted text, encodings, kinds."""
from __future__ import annotations

import pytest

from policy.scan import scan_file, scan_text
from policy.text import decode, extract, html_to_text, kind_of

HTML = """<!doctype html><html><head><title>Privacy</title>
<style>p::before { content: "We share your data with advertisers"; }</style>
<script>var t = "We provide personal information to third parties. <p>not a tag</p>";</script>
</head><body>
<nav><a href="/">Home</a></nav>
<h2>Information we collect</h2>
<ul><li>Your name &amp; e-mail address</li><li>Cookies</li></ul>
<h2>Purposes of use</h2>
<ol><li>To deliver orders</li><li>To answer questions</li></ol>
<!-- We sell data to brokers -->
<noscript>We disclose your data to partners.</noscript>
<p>We do not provide personal information to third parties except as required by law.</p>
<img src="https://tracker.example/pixel.gif" alt="">
</body></html>"""


def test_html_drops_script_style_comments_and_keeps_structure():
    ex = html_to_text(HTML)
    assert "share your data" not in ex.text and "provide personal information to third parties." not in ex.text
    assert "brokers" not in ex.text and "disclose your data" not in ex.text
    assert "• Your name & e-mail address" in ex.text
    assert "1. To deliver orders\n2. To answer questions" in ex.text
    headings = {ex.text[i:ex.text.index("\n", i)] for i in ex.headings}
    assert headings == {"Information we collect", "Purposes of use"}


def test_html_scan_reads_visible_text_only_with_offsets_into_it():
    result = scan_text(HTML, "html")
    plain = extract(HTML, "html").text
    assert result["third_party_provision"] is False
    assert result["purposes"] == ["To deliver orders", "To answer questions"]
    assert {"name", "email_address", "cookie_id"} <= set(result["categories"])
    for e in result["evidence"]:
        assert plain[e["start"]:e["end"]] == e["text"]


def test_html_never_fetches(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    scan_text('<img src="http://example.com/x.png"><iframe src="http://example.com"></iframe><p>Cookies</p>', "html")


def test_broken_html_still_reads():
    ex = html_to_text("<p>We collect your <b>name</p><li>e-mail address<div><script>x = '</p>'")
    assert "We collect your name" in ex.text and "e-mail address" in ex.text and "x =" not in ex.text


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp932", b""),
                                          ("utf-16", b"")])
def test_scan_file_decodes(tmp_path, encoding, bom):
    text = "個人情報保護方針\n当社は、氏名、メールアドレス及び購入履歴を取得します。\n"
    path = tmp_path / "policy.txt"
    path.write_bytes(bom + text.encode(encoding))
    result = scan_file(path)
    assert result["language"] == "ja"
    assert {"name", "email_address", "purchase_history"} <= set(result["categories"])
    decoded = decode(path.read_bytes())
    assert decoded == text
    for e in result["evidence"]:
        assert decoded[e["start"]:e["end"]] == e["text"]


def test_kind_comes_from_the_suffix(tmp_path):
    assert [kind_of(n) for n in ("a.txt", "a.MD", "a.htm", "a.html", "a.unknown")] == ["txt", "md", "html", "html", "txt"]
    page = tmp_path / "p.html"
    page.write_text("<script>var a='cookies'</script><p>We use your IP address.</p>", encoding="utf-8")
    assert scan_file(page)["categories"] == ["ip_address"]


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        scan_text("x", "pdf")


def test_crlf_and_bom_text_keeps_offsets():
    text = "\ufeffPrivacy Policy\r\n\r\nWe collect your e-mail address and phone number.\r\n"
    result = scan_text(text)
    assert {"email_address", "phone_number"} <= set(result["categories"])
    for e in result["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]
