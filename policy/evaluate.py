"""Precision and recall of the policy reader against hand-written expectations.

`python -m policy.evaluate [--details]` scans every policy of the evaluation set and compares it with
the expected JSON written by a person who read the policy (tests/policy/expected/). The set is the
five real seed policies (read from shared/seeds, skipped when absent, or from $POLICY_SEEDS), our
own corpus and held-out policies (tests/policy/corpus, tests/policy/heldout), and the blind set
(tests/policy/blind, blind2 … blind8, answers beside the texts, written by someone who never saw
the scanner; odd files are the development half, even files stay unread and `--details` does not show
their differences), and the real set (tests/policy/real: published policies of other operators, taken by
rule from public repositories and answered blind; their texts are not ours, so only the answers and a
manifest are kept, and the texts are read from tests/policy/real/texts or $POLICY_REAL when present).
The same scores gate the test suite, with the targets of issue 4; `--summary` prints one line per group.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from policy.fields import SAFEGUARD_KEYS
from policy.scan import scan_file
from policy.sharing import normalize_party
from policy.text import decode, extract, kind_of

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "policy" / "expected"
CORPUS = ROOT / "tests" / "policy" / "corpus"
HELDOUT = ROOT / "tests" / "policy" / "heldout"  # written after the lexicon was tuned; see README
# The blind sets, each written by someone who never saw the scanner, answers beside the texts (README in each
# folder says what its author read; blind5 on were written while the previous set was used for fixing).
BLIND_SETS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")
REAL = ROOT / "tests" / "policy" / "real"
SET_FIELDS = ("categories", "countries", "rights", "processors", "recipients", "purposes")
CLASS_FIELDS = ("language", "outsourcing", "third_party_provision", "foreign_transfer", "special_care")
TARGETS = {  # issue 4
    "safeguards macro-F1": 0.9,
    "categories micro-F1": 0.8,
    "foreign_transfer accuracy": 0.8,
    "outsourcing accuracy": 0.9,
    "third_party_provision accuracy": 0.9,
}


def seeds_dir() -> Path:
    return Path(os.environ.get("POLICY_SEEDS", ROOT.parent / "shared" / "seeds"))


def real_dir() -> Path:
    return Path(os.environ.get("POLICY_REAL", REAL / "texts"))


@dataclass
class Case:
    name: str
    path: Path
    expected: dict
    group: str  # seed | corpus | heldout | blind-dev | blind-heldout | blind2-dev | ... | blind8-heldout


# The blind sets are split by file number: odd files are the development half (read while fixing the
# reader), even files stay unread and are only scored.
SPLIT_SETS = BLIND_SETS + ("real",)
GROUPS = ("seed", "corpus", "heldout") + tuple(f"{b}-{half}" for b in SPLIT_SETS for half in ("dev", "heldout"))
ALIASES = {b: (f"{b}-dev", f"{b}-heldout") for b in SPLIT_SETS}
# `--details` never shows these differences
HIDDEN = tuple(f"{b}-heldout" for b in SPLIT_SETS)


def cases(groups: tuple[str, ...] = GROUPS) -> list[Case]:
    """Every (policy, expectation) pair available; seed cases only when the seeds are present."""
    found = []
    seeds = seeds_dir()
    for exp in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(exp.read_text(encoding="utf-8"))
        if exp.stem.startswith("seed_"):
            number = exp.stem.split("_", 1)[1]
            matches = sorted(seeds.glob(f"{number}_*")) if seeds.is_dir() else []
            if matches:
                found.append(Case(exp.stem, matches[0], expected, "seed"))
        else:
            for group, folder in (("corpus", CORPUS), ("heldout", HELDOUT)):
                matches = sorted(folder.glob(exp.stem + ".*"))
                if matches:
                    found.append(Case(exp.stem, matches[0], expected, group))
    for prefix in BLIND_SETS:
        folder = ROOT / "tests" / "policy" / prefix
        for exp in sorted(folder.glob("*.json")):
            matches = [p for p in sorted(folder.glob(exp.stem + ".*")) if p.suffix != ".json"]
            if matches:
                half = "dev" if int(exp.stem.split("_", 1)[0]) % 2 else "heldout"
                found.append(Case(f"{prefix}/{exp.stem}" if prefix != "blind" else exp.stem, matches[0],
                                  json.loads(exp.read_text(encoding="utf-8")), f"{prefix}-{half}"))
    found.extend(real_cases())
    return [c for c in found if c.group in groups]


def real_cases() -> list[Case]:
    """The real policies whose texts are present; a text that differs from the one answered is an error,
    not a silent skip (the answers would no longer apply)."""
    texts = real_dir()
    manifest = json.loads((REAL / "manifest.json").read_text(encoding="utf-8")) if (REAL / "manifest.json").exists() else []
    found = []
    for entry in manifest:
        path = texts / entry["file"]
        if not path.is_file():
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            raise ValueError(f"{path}: sha256 {digest} is not the answered text's {entry['sha256']} (manifest.json)")
        half = "dev" if int(entry["file"].split("_", 1)[0]) % 2 else "heldout"
        expected = json.loads((REAL / entry["answer"]).read_text(encoding="utf-8"))
        found.append(Case(f"real/{path.stem}", path, expected, f"real-{half}"))
    return found


def expand(groups: list[str] | None) -> tuple[str, ...]:
    """Group names with the aliases `blind`, `blind2` … `blind8` and `real` (both halves) resolved."""
    out: list[str] = []
    for g in groups or GROUPS:
        out.extend(ALIASES.get(g, (g,)))
    return tuple(dict.fromkeys(out))


def _tokens(phrase: str) -> set[str]:
    phrase = phrase.lower().replace("’", "'")
    words = set(re.findall(r"[a-z0-9']+", phrase))
    cjk = re.sub(r"[^\u3040-\u30ff\u4e00-\u9fff]", "", phrase)
    return words | {cjk[i:i + 2] for i in range(len(cjk) - 1)}


def _purpose_matches(expected: list[str], predicted: list[str]) -> int:
    """One-to-one matches where one phrase's words are (almost) contained in the other's."""
    left = [_tokens(p) for p in expected]
    used = set()
    hits = 0
    for pred in predicted:
        tp = _tokens(pred)
        for i, te in enumerate(left):
            if i in used or not te or not tp:
                continue
            if len(te & tp) / min(len(te), len(tp)) >= 0.8:
                used.add(i)
                hits += 1
                break
    return hits


def _as_set(field: str, values: list) -> set:
    if field in ("processors", "recipients"):
        return {normalize_party(v) for v in values}
    return set(values)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(selected: list[Case] | None = None, predict=None) -> dict:
    """Scores over the set: per field P/R/F1 or accuracy, plus per-case differences. `predict` gives the
    answer compared with each case's expectation: the reader's by default, a second reading's for
    agreement."""
    selected = cases() if selected is None else selected
    predict = predict or (lambda case: scan_file(case.path))
    counts = {f: [0, 0, 0] for f in SET_FIELDS}
    domain = {k: [0, 0, 0] for k in SAFEGUARD_KEYS}
    correct = {f: 0 for f in CLASS_FIELDS}
    confusion: dict[str, dict[tuple, int]] = {f: {} for f in CLASS_FIELDS}
    verbatim_errors = 0
    diffs = {}
    for case in selected:
        got = predict(case)
        exp = case.expected
        if "evidence" in got:
            plain = extract(decode(case.path.read_bytes()), kind_of(case.path)).text
            verbatim_errors += sum(plain[e["start"]:e["end"]] != e["text"] for e in got["evidence"])
        d = {}
        for f in SET_FIELDS:
            if f not in exp or f not in got:  # the blind answers leave purposes and named parties out on purpose
                continue
            if f == "purposes":
                hits = _purpose_matches(exp[f], got[f])
                tp, fp, fn = hits, len(got[f]) - hits, len(exp[f]) - hits
                if fp or fn:
                    d[f] = {"expected": len(exp[f]), "got": len(got[f]), "matched": hits}
            else:
                e, g = _as_set(f, exp[f]), _as_set(f, got[f])
                tp, fp, fn = len(e & g), len(g - e), len(e - g)
                if g != e:
                    d[f] = {"missing": sorted(e - g), "extra": sorted(g - e)}
            for k, v in enumerate((tp, fp, fn)):
                counts[f][k] += v
        for k in SAFEGUARD_KEYS:
            e, g = exp["safeguards"][k], got["safeguards"][k]
            domain[k][0] += e and g
            domain[k][1] += g and not e
            domain[k][2] += e and not g
            if e != g:
                d.setdefault("safeguards", {})[k] = {"expected": e, "got": g}
        for f in CLASS_FIELDS:
            correct[f] += exp[f] == got[f]
            confusion[f][exp[f], got[f]] = confusion[f].get((exp[f], got[f]), 0) + 1
            if exp[f] != got[f]:
                d[f] = {"expected": exp[f], "got": got[f]}
        if d:
            diffs[case.name] = d
    n = len(selected)
    fields = {f: dict(zip(("precision", "recall", "f1"), _prf(*counts[f]))) for f in SET_FIELDS if any(counts[f])}
    domains = {k: dict(zip(("precision", "recall", "f1"), _prf(*domain[k]))) for k in SAFEGUARD_KEYS}
    fields["safeguards"] = dict(zip(("precision", "recall", "f1"), _prf(*[sum(domain[k][i] for k in domain)
                                                                           for i in range(3)])))
    accuracy = {f: correct[f] / n if n else 0.0 for f in CLASS_FIELDS}
    headline = {
        "safeguards macro-F1": sum(v["f1"] for v in domains.values()) / len(domains),
        "categories micro-F1": fields["categories"]["f1"],
        "foreign_transfer accuracy": accuracy["foreign_transfer"],
        "outsourcing accuracy": accuracy["outsourcing"],
        "third_party_provision accuracy": accuracy["third_party_provision"],
    }
    return {"cases": [c.name for c in selected], "fields": fields, "domains": domains, "accuracy": accuracy,
            "headline": headline, "verbatim_errors": verbatim_errors, "diffs": diffs, "confusion": confusion}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policy.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="also list each policy's differences")
    parser.add_argument("--group", action="append", choices=GROUPS + tuple(ALIASES),
                        help="only these groups (repeatable): seed, corpus (our development corpus), heldout, "
                             "blind-dev (odd blind files), blind-heldout (even blind files), blind (both), and the "
                             f"same for {', '.join(SPLIT_SETS[1:])}")
    parser.add_argument("--summary", action="store_true", help="only one line of headline scores per group")
    parser.add_argument("--confusion", action="store_true",
                        help="also count expected → got per class field (held-out halves included: counts only)")
    parser.add_argument("--agreement", metavar="DIR", type=Path,
                        help="a second, independent reading of some policies (DIR/<text stem>.json): score it "
                             "against the first answers, beside the reader on the same policies")
    args = parser.parse_args(argv)
    if args.agreement:
        return agreement(args.agreement)
    if args.summary:
        return summary(expand(args.group))
    result = evaluate(cases(expand(args.group)))
    print(f"{len(result['cases'])} policies: {', '.join(result['cases'])}")
    if "seed" in expand(args.group) and not any(c.startswith("seed_") for c in result["cases"]):
        print(f"(seed policies not found in {seeds_dir()}; corpus only)")
    print(f"\n{'field':<24}{'precision':>10}{'recall':>8}{'F1':>7}")
    for f, v in result["fields"].items():
        print(f"{f:<24}{v['precision']:>10.2f}{v['recall']:>8.2f}{v['f1']:>7.2f}")
    print(f"\n{'safeguard domain':<24}{'precision':>10}{'recall':>8}{'F1':>7}")
    for k, v in result["domains"].items():
        print(f"{k:<24}{v['precision']:>10.2f}{v['recall']:>8.2f}{v['f1']:>7.2f}")
    print(f"\n{'class field':<24}{'accuracy':>10}")
    for f, v in result["accuracy"].items():
        print(f"{f:<24}{v:>10.2f}")
    print(f"\n{'issue 4 target':<32}{'score':>7}{'target':>8}")
    failed = 0
    for name, value in result["headline"].items():
        ok = value >= TARGETS[name]
        failed += not ok
        print(f"{name:<32}{value:>7.2f}{TARGETS[name]:>8.2f}  {'ok' if ok else 'BELOW'}")
    print(f"evidence spans not verbatim: {result['verbatim_errors']}")
    if args.confusion:
        for f in ("foreign_transfer", "third_party_provision", "outsourcing", "special_care"):
            print(f"\n{f}: expected → got (wrong only)")
            for (e, g), n in sorted(result["confusion"][f].items(), key=lambda kv: -kv[1]):
                if e != g:
                    print(f"  {n:>3}  {e} → {g}")
    if args.details:
        hidden = {c.name for c in cases(HIDDEN)}
        for name, d in result["diffs"].items():
            if name in hidden:
                print(f"\n[{name}] (blind held-out: differences not shown)")
                continue
            print(f"\n[{name}]")
            for f, v in d.items():
                print(f"  {f}: {json.dumps(v, ensure_ascii=False)}")
    return 1 if failed or result["verbatim_errors"] else 0


SHORT = {"safeguards macro-F1": "safeguards", "categories micro-F1": "categories",
         "foreign_transfer accuracy": "foreign", "outsourcing accuracy": "outsourcing",
         "third_party_provision accuracy": "provision"}


def summary(groups: tuple[str, ...]) -> int:
    """One line of headline scores per group, then the whole selection; exit 1 when the whole selection misses
    a target."""
    rows = [(g, cases((g,))) for g in groups] + [("all", cases(groups))]
    print(f"{'group':<15}{'n':>3}" + "".join(f"{v:>12}" for v in SHORT.values()) + f"{'special_care':>14}")
    failed = 0
    for name, selected in rows:
        if not selected:
            continue
        r = evaluate(selected)
        print(f"{name:<15}{len(selected):>3}" + "".join(f"{r['headline'][k]:>12.2f}" for k in SHORT)
              + f"{r['accuracy']['special_care']:>14.2f}")
        if name == "all":
            failed = any(r["headline"][k] < t for k, t in TARGETS.items()) or r["verbatim_errors"]
    return 1 if failed else 0


def agreement(second: Path) -> int:
    """How often two careful readers agree, beside how often the reader agrees with each: the ceiling that a
    measurement against one reader's answers can show. Scores only, no per-policy differences."""
    readings = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(second.glob("*.json"))}
    covered = [c for c in cases() if c.path.stem in readings]
    if not covered:
        print(f"no policy of the evaluation set has a second reading in {second}")
        return 1
    as_second = [Case(c.name, c.path, readings[c.path.stem], c.group) for c in covered]
    rows = [("second reading vs first answers", evaluate(covered, lambda c: readings[c.path.stem])),
            ("reader vs first answers", evaluate(covered)),
            ("reader vs second reading", evaluate(as_second))]
    print(f"{len(covered)} policies with two readings\n")
    print(f"{'comparison':<34}" + "".join(f"{v:>12}" for v in SHORT.values()) + f"{'special_care':>14}")
    for name, r in rows:
        print(f"{name:<34}" + "".join(f"{r['headline'][k]:>12.2f}" for k in SHORT)
              + f"{r['accuracy']['special_care']:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
