"""policy-scan: read a privacy policy and return what it declares (shared/spec/policy-scan.md).

The reading is deterministic and offline: the text is cut into sentences and headings
(segment.py), each reader in fields.py / sharing.py / foreign.py / purposes.py applies the bilingual lexicon
(lexicon.yaml) and records the sentences it relied on, and this module assembles the contract
object from those records only, so that no value appears without its evidence.
"""
from __future__ import annotations

from pathlib import Path

from policy import fields, foreign, lexicon, purposes, sharing
from policy.evidence import Evidence
from policy.index import Index
from policy.segment import segments_of
from policy.text import decode, extract, kind_of

FIELDS = ("language", "categories", "purposes", "outsourcing", "processors", "third_party_provision", "recipients",
          "foreign_transfer", "countries", "safeguards", "special_care", "rights", "evidence")


def scan_text(text: str, kind: str = "txt") -> dict:
    """What the policy `text` (txt, md or html) declares; evidence offsets refer to the plain text
    (`policy.text.extract(text, kind).text`), which for txt and md is `text` itself."""
    lex = lexicon.load()
    extracted = extract(text, kind)
    plain = extracted.text
    lines, segs = segments_of(plain, lex, extracted.headings)
    ev = Evidence(plain)
    index = Index(plain, segs)

    found_categories = fields.categories(index, lex, ev)
    care, holds_special = fields.special_care(segs, lex, ev)
    if holds_special:
        found_categories.add("special_care")
    else:
        ev.drop("categories", "special_care")
    stated_purposes = purposes.purposes(plain, lines, segs, lex, ev)
    outsourcing = sharing.outsourcing(segs, lex, ev)
    provided = sharing.provided_sentences(segs, lex)
    provision = sharing.provision(segs, lex, ev, provided)
    processors, recipients = sharing.parties(index, lex, ev, provided)
    transfer, codes = foreign.foreign(segs, lex, ev)
    safeguards = fields.safeguards(index, lex, ev)
    rights = fields.rights(segs, lex, ev)

    result = {
        "language": fields.language(plain),
        "categories": sorted(found_categories),
        "purposes": stated_purposes,
        "outsourcing": outsourcing,
        "processors": processors,
        "third_party_provision": provision,
        "recipients": recipients,
        "foreign_transfer": transfer,
        "countries": codes,
        "safeguards": safeguards,
        "special_care": care,
        "rights": rights,
        "evidence": ev.as_list(),
    }
    _check(result, plain)
    return result


def scan_file(path: str | Path) -> dict:
    """scan_text of a file: bytes decoded (UTF-8, UTF-8 BOM, CP932), kind from the suffix."""
    path = Path(path)
    return scan_text(decode(path.read_bytes()), kind_of(path))


def _check(result: dict, plain: str) -> None:
    """Every reported value has evidence, and every evidence span is verbatim (the contract)."""
    backed = {(e["field"], e["value"] if not isinstance(e["value"], list) else tuple(e["value"]))
              for e in result["evidence"]}
    for e in result["evidence"]:
        assert plain[e["start"]:e["end"]] == e["text"], e
    for field in ("categories", "purposes", "processors", "recipients", "countries", "rights"):
        for value in result[field]:
            assert (field, value) in backed, (field, value)
    for key, on in result["safeguards"].items():
        assert not on or ("safeguards", key) in backed, key
    for field in ("outsourcing", "third_party_provision"):
        assert not result[field] or (field, True) in backed, field
    if result["foreign_transfer"] != "none_stated":
        assert ("foreign_transfer", result["foreign_transfer"]) in backed
    if result["special_care"] != "not_stated":
        assert ("special_care", result["special_care"]) in backed
