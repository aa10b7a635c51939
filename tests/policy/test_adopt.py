"""policy.adopt: the rows proposed from a scan read back as what the policy declared."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from inventory import store
from policy import adopt, lexicon
from policy.check import policy_findings
from policy.fields import terms_of

VOCABULARY = json.loads((Path(__file__).with_name("vocabulary.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("term", sorted(set(adopt.TERM_EN) - set(adopt.FLAG_OF_TERM)))
def test_every_vocabulary_label_reads_back_as_exactly_its_term(term):
    lex = lexicon.load()
    assert terms_of(adopt.TERM_EN[term], lex) == {term}
    assert terms_of(adopt.NAME_JA[term], lex) == {term}


def test_the_labels_cover_the_vocabulary():
    assert set(VOCABULARY) == set(adopt.TERM_EN) and set(VOCABULARY) <= set(adopt.NAME_JA)


def test_a_purpose_is_covered_by_a_description_holding_most_of_its_words():
    held = ["Answer inquiries and handle complaints", "お問い合わせへの回答及び苦情への対応のため"]
    assert adopt.covered("To answer your inquiries", held)
    assert adopt.covered("お問い合わせへの対応のため", held)
    assert not adopt.covered("To send newsletters", held)
    assert not adopt.covered("のため", held)  # nothing to compare: never covered


def test_added_rows_clear_p02_and_raise_no_p01(conn):
    result = {"language": "en", "categories": ["ip_address", "my_number", "social_media_profile", "special_care"],
              "purposes": ["To send newsletters", "To send newsletters"], "safeguards": {}}
    terms = list(policy_findings(conn, result).query("rule_id == 'P02'")["subject_id"])
    proposals = adopt.suggestions(conn, result, terms)
    assert [(p["table"], p["id"]) for p in proposals] == [
        ("categories", "ip-address"), ("categories", "my-number"), ("categories", "social-media-profile"),
        ("categories", "special-care"), ("purposes", "send-newsletters"), ("purposes", "send-newsletters-2")]
    for p in proposals[:5]:
        store.add_row(conn, p["table"], p["row"])
    assert policy_findings(conn, result).empty
    assert adopt.suggestions(conn, result, []) == []
