"""Rows to add to the inventory from a policy scan: what the policy declares and the inventory lacks.

A declared vocabulary term that no category holds (a P02 finding) becomes a category named after
the term in English and Japanese, so that P01/P02 read it back as exactly that term. A declared
purpose becomes a purpose row unless an inventory purpose already covers it: most of its content
words (English, cut to five letters) or kanji/katakana bigrams (Japanese) appear in one inventory
description. Nothing is written here; the officer confirms the rows, then `store.add_row` writes.
"""
from __future__ import annotations

import re
import unicodedata

import duckdb

from policy.report import TERM_JA

TERM_EN = {
    "name": "Name", "email_address": "E-mail address", "phone_number": "Telephone number",
    "postal_address": "Postal address", "date_of_birth": "Date of birth", "age": "Age", "gender": "Gender",
    "occupation": "Occupation", "employer": "Employer", "school": "School name", "payment_card": "Credit card information",
    "bank_account": "Bank account", "payment_info": "Payment information", "purchase_history": "Purchase history",
    "transaction_record": "Transaction records", "ip_address": "IP address", "cookie_id": "Cookie identifiers",
    "device_id": "Device identifiers", "advertising_id": "Advertising identifiers", "location": "Location information",
    "browsing_history": "Browsing history", "search_history": "Search history", "access_log": "Access logs",
    "browser_info": "Browser information", "referrer": "Referrer", "inquiry_content": "Inquiry content",
    "call_recording": "Call recordings", "audio_video": "Audio and video", "photo": "Photographs",
    "survey_response": "Survey responses", "social_media_profile": "Social media profile",
    "account_credentials": "Login ID and password", "membership_id": "Membership number", "demographics": "Demographics",
    "identity_document": "Identity documents", "my_number": "My Number (individual number)",
    "special_care": "Special care-required personal information", "credit_information": "Credit information",
    "public_records": "Public records",
}
# 「SNSアカウント情報」 would also read as account_credentials
NAME_JA = {**TERM_JA, "social_media_profile": "SNSプロフィール情報"}
FLAG_OF_TERM = {"special_care": "special_care", "my_number": "my_number"}  # terms held by a flag, not a word

_STOP = {"the", "and", "for", "our", "your", "you", "with", "any", "such", "other", "from", "about", "that",
         "this", "these", "their", "them", "who", "which", "into", "its", "are", "use", "used", "using", "purpose",
         "purposes", "information", "personal", "data", "customers", "users", "user", "services", "service", "can", "when"}
_JA_STOP = ("お客様", "利用者", "当社", "弊社", "個人情報", "目的", "その他")
COVERED = 0.6


def term_label(term: str, lang: str = "en") -> str:
    return (NAME_JA if lang == "ja" else TERM_EN).get(term, term)


def _features(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    words = {w[:5] for w in re.findall(r"[a-z][a-z0-9]+", text) if len(w) > 2 and w not in _STOP}
    for stop in _JA_STOP:
        text = text.replace(stop, " ")
    grams = {run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff\u30a0-\u30ffー]+", text) for i in range(len(run) - 1)}
    return words | grams


def covered(purpose: str, descriptions: list[str]) -> bool:
    """Whether an inventory description holds most of the purpose's content words."""
    wanted = _features(purpose)
    return bool(wanted) and any(len(wanted & _features(d)) >= COVERED * len(wanted) for d in descriptions if d)


def _slug(text: str, limit: int = 4) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _STOP and len(w) > 2]
    return "-".join(words[:limit])


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _column(conn: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def suggestions(conn: duckdb.DuckDBPyConnection, result: dict, terms: list[str]) -> list[dict]:
    """One proposal per missing term (category) and uncovered declared purpose:
    {"table", "id", "label", "row"} with `row` the text cells for `store.add_row`."""
    out = []
    taken = {r[0] for r in _column(conn, "select category_id from categories")}
    for term in terms:
        row = {"category_id": _unique(term.replace("_", "-"), taken), "name": TERM_EN.get(term, term),
               "name_ja": NAME_JA.get(term, term)}
        if term in FLAG_OF_TERM:
            row[FLAG_OF_TERM[term]] = "true"
        out.append({"table": "categories", "id": row["category_id"], "label": row["name"], "row": row})
    held = _column(conn, "select purpose_id, description, description_ja from purposes")
    descriptions = [d for _, en, ja in held for d in (en, ja)]
    taken = {r[0] for r in held}
    for n, purpose in enumerate(result.get("purposes", []), start=1):
        if covered(purpose, descriptions):
            continue
        ja = result.get("language") == "ja"
        row = {"purpose_id": _unique(_slug(purpose) or f"policy-purpose-{n}", taken), "description": purpose,
               "description_ja": purpose if ja else "", "published": "true"}
        out.append({"table": "purposes", "id": row["purpose_id"], "label": purpose, "row": row})
    return out
