"""A scan result for people: what the policy declares, each value with the sentence behind it.

The JSON is for machines; a privacy officer reading `policy-scan --format text` wants the same
facts in their language (English or Japanese labels) and, for each, a quote to check the reading.
"""
from __future__ import annotations

from policy.fields import RIGHTS, SAFEGUARD_KEYS

DOMAIN_CODE = {"basic_policy": "POL", "rules": "RUL", "organizational": "ORG", "personnel": "HUM",
               "physical": "PHY", "technical": "TEC", "external_environment": "EXT"}

LABELS = {
    "en": {
        "title": "Privacy policy scan", "language": "Language", "en": "English", "ja": "Japanese",
        "categories": "Personal data declared", "purposes": "Purposes of use", "outsourcing": "Outsourcing",
        "processors": "named consignees", "third_party_provision": "Provision to third parties",
        "recipients": "named third parties", "foreign_transfer": "Foreign handling", "countries": "countries",
        "safeguards": "Safety control measures described (Art. 32)", "special_care": "Special care-required data",
        "rights": "Rights described", "none": "none", "yes": "yes", "no": "not stated",
        "evidence": "Evidence", "more": "more",
        "none_stated": "not stated", "mentioned_without_safeguards": "mentioned, no legal route stated",
        "consent": "with the person's consent", "equivalent_measures": "recipient with equivalent measures",
        "adequacy": "country with an equivalent regime (EEA/UK)",
        "not_stated": "not stated", "not_collected": "not collected", "collected_with_consent": "collected with consent",
        "basic_policy": "Basic policy", "rules": "Handling rules", "organizational": "Organizational measures",
        "personnel": "Personnel measures", "physical": "Physical measures", "technical": "Technical measures",
        "external_environment": "Understanding the external environment",
        "disclosure": "disclosure", "correction": "correction", "deletion": "deletion",
        "suspension_of_use": "suspension of use", "suspension_of_provision": "suspension of provision",
        "purpose_notification": "notification of purposes",
    },
    "ja": {
        "title": "プライバシーポリシーの読取結果", "language": "言語", "en": "英語", "ja": "日本語",
        "categories": "記載されている個人情報の項目", "purposes": "利用目的", "outsourcing": "委託",
        "processors": "委託先", "third_party_provision": "第三者提供", "recipients": "提供先",
        "foreign_transfer": "外国での取扱い", "countries": "国", "safeguards": "記載されている安全管理措置（法32条）",
        "special_care": "要配慮個人情報", "rights": "記載されている開示等の請求", "none": "なし", "yes": "あり",
        "no": "記載なし", "evidence": "根拠", "more": "件ほか",
        "none_stated": "記載なし", "mentioned_without_safeguards": "言及あり（移転の根拠の記載なし）",
        "consent": "本人の同意", "equivalent_measures": "基準適合体制（相当措置）",
        "adequacy": "同等の水準にある国（EEA・英国）",
        "not_stated": "記載なし", "not_collected": "取得しない", "collected_with_consent": "同意を得て取得",
        "basic_policy": "基本方針の策定", "rules": "個人データの取扱いに係る規律の整備",
        "organizational": "組織的安全管理措置", "personnel": "人的安全管理措置", "physical": "物理的安全管理措置",
        "technical": "技術的安全管理措置", "external_environment": "外的環境の把握",
        "disclosure": "開示", "correction": "訂正等", "deletion": "削除・消去", "suspension_of_use": "利用停止",
        "suspension_of_provision": "第三者提供の停止", "purpose_notification": "利用目的の通知",
    },
}

# Japanese names of the policy-scan.md category vocabulary (for messages and the text report)
TERM_JA = {
    "name": "氏名", "email_address": "メールアドレス", "phone_number": "電話番号", "postal_address": "住所",
    "date_of_birth": "生年月日", "age": "年齢", "gender": "性別", "occupation": "職業", "employer": "勤務先",
    "school": "学校名", "payment_card": "クレジットカード情報", "bank_account": "銀行口座", "payment_info": "決済情報",
    "purchase_history": "購入履歴", "transaction_record": "取引記録", "ip_address": "IPアドレス", "cookie_id": "Cookie",
    "device_id": "端末識別子", "advertising_id": "広告識別子", "location": "位置情報", "browsing_history": "閲覧履歴",
    "search_history": "検索履歴", "access_log": "アクセスログ", "browser_info": "ブラウザ情報", "referrer": "リファラ",
    "inquiry_content": "問い合わせ内容", "call_recording": "通話録音", "audio_video": "音声・映像", "photo": "写真",
    "survey_response": "アンケート回答", "social_media_profile": "SNSアカウント情報", "account_credentials": "ID・パスワード",
    "membership_id": "会員番号", "demographics": "属性情報", "identity_document": "本人確認書類",
    "my_number": "個人番号（マイナンバー）", "special_care": "要配慮個人情報", "credit_information": "信用情報",
    "public_records": "公開情報",
}

QUOTE = 110


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:QUOTE]}…”" if len(text) > QUOTE else f"“{text}”"


def to_text(result: dict, lang: str = "en") -> str:
    """Render a scan_text/scan_file result; `lang` picks the labels (en or ja)."""
    t = LABELS["ja" if lang == "ja" else "en"]
    sep = "、" if lang == "ja" else ", "
    evidence: dict[tuple[str, str], list[str]] = {}
    for e in result.get("evidence", []):
        evidence.setdefault((e["field"], str(e["value"])), []).append(e["text"])

    def cite(field: str, value) -> list[str]:
        quotes = evidence.get((field, str(value)), [])
        if not quotes:
            return []
        extra = f" (+{len(quotes) - 1} {t['more']})" if len(quotes) > 1 else ""
        return [f"      {_quote(quotes[0])}{extra}"]

    out = [t["title"], "=" * (len(t["title"]) * (2 if lang == "ja" else 1)), f"{t['language']}: {t.get(result['language'], result['language'])}", ""]
    cats = result["categories"]
    out.append(f"{t['categories']} ({len(cats)}): {sep.join(cats) if cats else t['none']}")
    for term in cats:
        out.append(f"  - {term}" + (f"（{TERM_JA[term]}）" if lang == "ja" and term in TERM_JA else ""))
        out += cite("categories", term)
    out.append("")
    out.append(f"{t['purposes']} ({len(result['purposes'])}):" if result["purposes"] else f"{t['purposes']}: {t['none']}")
    out += [f"  - {p}" for p in result["purposes"]]
    out.append("")
    for flag, names in (("outsourcing", "processors"), ("third_party_provision", "recipients")):
        line = f"{t[flag]}: {t['yes'] if result[flag] else t['no']}"
        if result[names]:
            line += f" — {t[names]}: {sep.join(result[names])}"
        out.append(line)
        if result[flag]:
            out += cite(flag, True)
        for name in result[names]:
            out += cite(names, name)
    transfer = result["foreign_transfer"]
    line = f"{t['foreign_transfer']}: {t[transfer]}"
    if result["countries"]:
        line += f" — {t['countries']}: {sep.join(result['countries'])}"
    out.append(line)
    out += cite("foreign_transfer", transfer)
    out.append("")
    out.append(f"{t['safeguards']}:")
    for key in SAFEGUARD_KEYS:
        on = result["safeguards"].get(key, False)
        out.append(f"  [{'x' if on else ' '}] {DOMAIN_CODE[key]} {t[key]}")
        if on:
            out += cite("safeguards", key)
    out.append("")
    care = result["special_care"]
    out.append(f"{t['special_care']}: {t[care]}")
    out += cite("special_care", care)
    rights = [r for r in RIGHTS if r in result["rights"]]
    out.append(f"{t['rights']}: {sep.join(t[r] for r in rights) if rights else t['none']}")
    out.append("")
    out.append(f"{t['evidence']}: {len(result.get('evidence', []))}")
    return "\n".join(out) + "\n"
