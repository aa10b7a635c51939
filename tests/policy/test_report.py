"""The text report: every declared value shown with a quote, in English or Japanese labels."""
from __future__ import annotations

from pathlib import Path

from policy.report import to_text
from policy.scan import scan_file

CORPUS = Path(__file__).with_name("corpus")


def test_english_report_lists_values_with_quotes():
    result = scan_file(CORPUS / "en_saas_consent.md")
    text = to_text(result)
    assert text.startswith("Privacy policy scan")
    assert "Outsourcing: yes" in text and "Stripe, Inc." in text
    assert "Foreign handling: with the person's consent — countries: SG, US" in text
    assert "[x] TEC Technical measures" in text and "[ ] PHY Physical measures" in text
    assert "“" in text  # quotes of the evidence


def test_japanese_labels():
    result = scan_file(CORPUS / "ja_ec_shop.txt")
    text = to_text(result, lang="ja")
    assert "プライバシーポリシーの読取結果" in text
    assert "[x] EXT 外的環境の把握" in text
    assert "要配慮個人情報: 取得しない" in text
    assert "name（氏名）" in text


def test_report_of_a_silent_policy():
    result = scan_file(CORPUS / "en_no_safeguards.txt")
    text = to_text(result)
    assert "Foreign handling: not stated" in text
    assert text.count("[ ]") == 7
