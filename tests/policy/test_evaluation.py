"""The evaluation set: every policy scans to the contract, every evidence span is verbatim, and the
scores over the whole set (seeds + corpus + heldout + blind) meet the targets of issue 4 (seed policies
join when shared/seeds exists). Each group also gets its own report line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy import evaluate
from policy.scan import FIELDS, scan_file
from policy.text import decode, extract, kind_of

CASES = evaluate.cases()
VOCABULARY = set(json.loads((Path(__file__).with_name("vocabulary.json")).read_text(encoding="utf-8")))


def test_the_set_has_our_corpus_and_reports_missing_seeds():
    names = [c.name for c in CASES]
    assert sum(not n.startswith("seed_") for n in names) >= 6
    groups = [c.group for c in CASES]
    assert groups.count("blind-dev") == 7 and groups.count("blind-heldout") == 7
    assert groups.count("blind2-dev") == 6 and groups.count("blind2-heldout") == 6
    assert groups.count("blind3-dev") == 6 and groups.count("blind3-heldout") == 6
    assert groups.count("blind4-dev") == 6 and groups.count("blind4-heldout") == 6
    assert groups.count("blind5-dev") == 6 and groups.count("blind5-heldout") == 6
    assert groups.count("blind6-dev") == 6 and groups.count("blind6-heldout") == 6
    assert groups.count("blind7-dev") == 6 and groups.count("blind7-heldout") == 6
    assert groups.count("blind8-dev") == 6 and groups.count("blind8-heldout") == 6
    manifest = json.loads((evaluate.REAL / "manifest.json").read_text(encoding="utf-8"))
    present = [e for e in manifest if (evaluate.real_dir() / e["file"]).is_file()]
    assert groups.count("real-dev") + groups.count("real-heldout") == len(present)
    if not evaluate.seeds_dir().is_dir():
        pytest.skip(f"seed policies not present at {evaluate.seeds_dir()}")
    assert sum(n.startswith("seed_") for n in names) == 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_scan_matches_the_contract_and_quotes_verbatim(case):
    result = scan_file(case.path)
    assert list(result) == list(FIELDS)
    plain = extract(decode(case.path.read_bytes()), kind_of(case.path)).text
    assert result["evidence"], "a policy yields at least one finding"
    for e in result["evidence"]:
        assert set(e) == {"field", "value", "text", "start", "end"}
        assert plain[e["start"]:e["end"]] == e["text"]
    assert set(result["categories"]) <= VOCABULARY
    assert result["categories"] == sorted(set(result["categories"]))
    assert result["foreign_transfer"] in ("none_stated", "mentioned_without_safeguards", "consent",
                                          "equivalent_measures", "adequacy")
    assert result["special_care"] in ("not_stated", "not_collected", "collected_with_consent")
    assert len(result["safeguards"]) == 7
    assert all(len(c) == 2 and c.isupper() for c in result["countries"])
    json.dumps(result, ensure_ascii=False)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_files_use_the_vocabulary(case):
    exp = case.expected
    assert set(exp["categories"]) <= VOCABULARY
    # the blind answers leave purposes and named parties out on purpose (tests/policy/blind/README.md)
    unscored = ({"evidence", "purposes", "processors", "recipients"} if case.group.startswith(("blind", "real"))
                else {"evidence"})
    assert set(exp) == set(FIELDS) - unscored


def test_every_real_answer_is_in_the_manifest():
    """The real texts are not in the repository: the manifest is what ties each answer to its text."""
    manifest = json.loads((evaluate.REAL / "manifest.json").read_text(encoding="utf-8"))
    answers = sorted(p.name for p in evaluate.REAL.glob("*.json") if p.name != "manifest.json")
    assert sorted(e["answer"] for e in manifest) == answers and len(answers) >= 24
    for e in manifest:
        assert e["file"].split(".")[0] == e["answer"].removesuffix(".json")
        assert len(e["sha256"]) == 64 and e["query"]
        exp = json.loads((evaluate.REAL / e["answer"]).read_text(encoding="utf-8"))
        assert set(exp["categories"]) <= VOCABULARY
        assert set(exp) == set(FIELDS) - {"evidence", "purposes", "processors", "recipients"}


def test_a_changed_real_text_is_an_error(tmp_path, monkeypatch):
    entry = json.loads((evaluate.REAL / "manifest.json").read_text(encoding="utf-8"))[0]
    (tmp_path / entry["file"]).write_text("not the answered text", encoding="utf-8")
    monkeypatch.setenv("POLICY_REAL", str(tmp_path))
    with pytest.raises(ValueError, match=entry["file"]):
        evaluate.real_cases()


def test_scores_meet_the_issue_targets():
    """A regression gate on everything but the real set's held-out half. That half is the measurement of
    policies the reader has never seen: its scores are reported (tests/policy/real/README.md), not gated,
    because a gate on it would be met by fitting the reader to it."""
    scores = evaluate.evaluate(CASES)
    assert scores["verbatim_errors"] == 0
    gated = [c for c in CASES if c.group != "real-heldout"]
    report = {g: evaluate.evaluate(cs)["headline"] for g in evaluate.GROUPS if (cs := evaluate.cases((g,)))}
    for group, headline in report.items():  # one line per group, shown with -s or on failure
        print(group, {k: round(v, 2) for k, v in headline.items()})
    headline = evaluate.evaluate(gated)["headline"]
    for name, target in evaluate.TARGETS.items():
        assert headline[name] >= target, (name, headline[name], report)


def test_summary_prints_one_line_per_group(capsys):
    evaluate.main(["--summary"])
    lines = capsys.readouterr().out.splitlines()
    present = {c.group for c in CASES}
    for group in present | {"all"}:
        assert any(line.startswith(group + " ") for line in lines), group


@pytest.mark.parametrize("group", ["blind-heldout", "blind2-heldout", "blind2", "blind3-heldout", "blind3", "blind4-heldout", "blind4",
                                   "blind5-heldout", "blind5", "blind6-heldout", "blind6",
                                   "blind7-heldout", "blind7",
                                   "blind8-heldout", "blind8"])
def test_details_hide_the_blind_heldout_differences(capsys, group):
    evaluate.main(["--details", "--group", group])
    out = capsys.readouterr().out
    hidden = {c.name for c in evaluate.cases(evaluate.HIDDEN)}
    for block in out.split("\n[")[1:]:
        if block.split("]", 1)[0] in hidden:
            assert '"expected"' not in block and '"missing"' not in block, block


@pytest.mark.parametrize("prefix", ["blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8"])
def test_blind_alias_is_both_halves(prefix):
    assert evaluate.expand([prefix]) == (f"{prefix}-dev", f"{prefix}-heldout")
    assert all(int(c.path.name[:2]) % 2 for c in evaluate.cases((f"{prefix}-dev",)))
    assert not any(int(c.path.name[:2]) % 2 for c in evaluate.cases((f"{prefix}-heldout",)))


def test_evaluate_script_prints_precision_and_recall(capsys):
    assert evaluate.main(["--group", "corpus"]) == 0  # exit 0: the corpus meets every target
    out = capsys.readouterr().out
    assert "precision" in out and "recall" in out and "categories" in out


def test_confusion_counts_the_wrong_classes():
    case = next(c for c in CASES if c.group == "corpus")
    said = case.expected["foreign_transfer"]
    other = "adequacy" if said != "adequacy" else "consent"
    wrong = evaluate.Case(case.name, case.path, {**case.expected, "foreign_transfer": other}, case.group)
    got = evaluate.evaluate([case, wrong])["confusion"]["foreign_transfer"]
    assert got == {(said, said): 1, (other, said): 1}


def test_confusion_option_prints_the_class_fields(capsys):
    evaluate.main(["--confusion", "--group", "corpus"])
    out = capsys.readouterr().out
    assert "foreign_transfer: expected → got (wrong only)" in out
    assert "third_party_provision: expected → got (wrong only)" in out


def test_agreement_scores_a_second_reading_beside_the_reader(tmp_path, capsys):
    same, other = [c for c in CASES if c.group == "corpus"][:2]
    (tmp_path / f"{same.path.stem}.json").write_text(json.dumps(same.expected), encoding="utf-8")
    flipped = {**other.expected, "third_party_provision": not other.expected["third_party_provision"]}
    (tmp_path / f"{other.path.stem}.json").write_text(json.dumps(flipped), encoding="utf-8")
    assert evaluate.main(["--agreement", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 policies with two readings" in out
    second = next(line for line in out.splitlines() if line.startswith("second reading vs first answers"))
    assert second.split()[-2] == "0.50"  # provision: one of the two readings differs
    assert evaluate.main(["--agreement", str(tmp_path / "empty")]) == 1
