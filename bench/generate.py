"""Deterministic synthetic inventories in the interchange format, for benchmarks and scale tests.

    python -m bench.generate OUT [--preset enterprise|enterprise10|tiny] [--seed N] [--links N ...]

The same parameters and seed always give byte-identical files. Proportions follow what a
group company's ledger looks like: about 10% foreign parties, re-consignee chains three deep,
controls spread over every scope with mixed states, some evidence overdue.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from dataclasses import dataclass, fields, replace
from pathlib import Path

from inventory.tables import BY_NAME, DOMAINS, STATUSES

FOREIGN = ["US", "SG", "VN", "CN", "IN", "PH", "DE", "GB", "FR", "KR", "TH", "AU"]
MEASURES = ["POL-1", "RUL-1", "ORG-1", "ORG-2", "ORG-3", "ORG-4", "ORG-5", "HUM-1", "PHY-1", "PHY-2",
            "PHY-3", "PHY-4", "TEC-1", "TEC-2", "TEC-3", "TEC-4", "EXT-1"]
BASES = ["consent", "law", "joint_use", "opt_out", "consent", "law", "none"]
ROUTES = ["consent", "standard_measures", "standard_measures", "adequacy", "exception", "none"]
AS_OF = dt.date(2026, 11, 1)


@dataclass(frozen=True)
class Size:
    categories: int
    purposes: int
    systems: int
    processors: int
    recipients: int
    controls: int
    links: int  # category-system links; the other link tables scale with the party counts


PRESETS = {
    "tiny": Size(12, 6, 20, 10, 5, 60, 150),
    "enterprise": Size(400, 120, 5_000, 2_000, 500, 20_000, 100_000),
    "enterprise10": Size(4_000, 1_200, 50_000, 20_000, 5_000, 200_000, 1_000_000),
}


def _date(rng: random.Random, stale: float) -> str:
    """A date before AS_OF; with probability `stale` older than a year, sometimes empty."""
    if rng.random() < 0.05:
        return ""
    days = rng.randint(400, 1500) if rng.random() < stale else rng.randint(1, 330)
    return (AS_OF - dt.timedelta(days=days)).isoformat()


def _bool(rng: random.Random, p: float) -> str:
    return "true" if rng.random() < p else "false"


def _country(rng: random.Random) -> str:
    return rng.choice(FOREIGN) if rng.random() < 0.10 else "JP"


def _pairs(rng: random.Random, n: int, left: int, right: int) -> set[tuple[int, int]]:
    """n distinct (left, right) index pairs, each left index used at least once when n allows."""
    pairs = {(i % left, rng.randrange(right)) for i in range(min(n, left))}
    while len(pairs) < min(n, left * right):
        pairs.add((rng.randrange(left), rng.randrange(right)))
    return pairs


def generate(out: Path, size: Size, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    cat = [f"cat-{i:05d}" for i in range(size.categories)]
    pur = [f"pur-{i:05d}" for i in range(size.purposes)]
    sysid = [f"sys-{i:06d}" for i in range(size.systems)]
    proc = [f"proc-{i:06d}" for i in range(size.processors)]
    rec = [f"rec-{i:05d}" for i in range(size.recipients)]
    tables: dict[str, list[dict]] = {}

    tables["organization"] = [{"name": "Synthetic Holdings KK", "name_ja": "合成ホールディングス株式会社", "sme": "false"}]
    tables["categories"] = [{
        "category_id": c, "name": f"Category {i}", "name_ja": f"カテゴリ{i}", "items": "氏名; メールアドレス",
        "persons": str(rng.randint(10, 500_000)), "source": rng.choice(["direct_web", "direct_written", "third_party"]),
        "special_care": _bool(rng, 0.03), "special_care_consent": _bool(rng, 0.7), "my_number": _bool(rng, 0.01),
        "financial": _bool(rng, 0.05), "personally_referable": _bool(rng, 0.05),
        "retention_months": str(rng.choice([12, 36, 84])) if rng.random() < 0.9 else "",
        "access_holders": "Department staff" if rng.random() < 0.95 else "", "owner": f"Dept {i % 40}",
        "last_reviewed": _date(rng, 0.2)} for i, c in enumerate(cat)]
    tables["purposes"] = [{"purpose_id": p, "description": f"Purpose {i}", "description_ja": f"利用目的{i}",
                           "published": _bool(rng, 0.95), "third_party_provision": _bool(rng, 0.3)}
                          for i, p in enumerate(pur)]
    tables["category_purposes"] = [{"category_id": cat[a], "purpose_id": pur[b]}
                                   for a, b in sorted(_pairs(rng, size.categories * 3, size.categories, size.purposes))
                                   if rng.random() < 0.99]
    tables["processors"] = []
    for i, p in enumerate(proc):
        # Every tenth processor is a re-consignee of an earlier one, so chains form.
        parent = proc[rng.randrange(i)] if i and i % 10 == 0 else ""
        tables["processors"].append({
            "processor_id": p, "name": f"Vendor {i}", "country": _country(rng), "service": "Operations",
            "parent_id": parent, "selection_checked": _date(rng, 0.0), "contract_date": _date(rng, 0.5),
            "contract_security_terms": _bool(rng, 0.9), "last_supervised": _date(rng, 0.3),
            "reconsignment_approved": _bool(rng, 0.8) if parent else "false"})
    tables["systems"] = [{"system_id": s, "name": f"System {i}", "medium": "paper" if rng.random() < 0.05 else "electronic",
                          "country": _country(rng), "hosting": rng.choice(["on_premise", "cloud", "saas", "office"]),
                          "processor_id": proc[rng.randrange(size.processors)] if rng.random() < 0.3 else ""}
                         for i, s in enumerate(sysid)]
    tables["category_systems"] = [{"category_id": cat[a], "system_id": sysid[b]}
                                  for a, b in sorted(_pairs(rng, size.links, size.categories, size.systems))]
    tables["category_processors"] = [{"category_id": cat[a], "processor_id": proc[b]}
                                     for a, b in sorted(_pairs(rng, size.processors * 2, size.categories, size.processors))]
    tables["recipients"] = [{"recipient_id": r, "name": f"Partner {i}", "country": _country(rng),
                             "basis": rng.choice(BASES), "record_kept": _bool(rng, 0.8),
                             "last_provided": _date(rng, 0.2), "links_identifiers": _bool(rng, 0.2)}
                            for i, r in enumerate(rec)]
    tables["category_recipients"] = [{"category_id": cat[a], "recipient_id": rec[b]}
                                     for a, b in sorted(_pairs(rng, size.recipients * 2, size.categories, size.recipients))]
    foreign = [("processor", r["processor_id"]) for r in tables["processors"] if r["country"] != "JP"]
    foreign += [("recipient", r["recipient_id"]) for r in tables["recipients"] if r["country"] != "JP"]
    tables["transfers"] = [{"transfer_id": f"tr-{i:06d}", "party_type": kind, "party_id": pid,
                            "route": rng.choice(ROUTES), "info_provided": _bool(rng, 0.8),
                            "contract_on_file": _bool(rng, 0.8), "last_checked": _date(rng, 0.3)}
                           for i, (kind, pid) in enumerate(foreign) if rng.random() < 0.9]
    tables["countries"] = [{"country": c, "regime_assessed": _date(rng, 0.3), "notes": "PPC country report"}
                           for c in FOREIGN if rng.random() < 0.8]
    scopes = ["org"] * 5 + [f"category:{c}" for c in cat] + [f"system:{s}" for s in sysid[: size.systems // 5]] \
        + [f"processor:{p}" for p in proc[: size.processors // 10]]
    tables["controls"] = [{"control_id": f"ctl-{i:06d}", "measure": rng.choice(MEASURES), "title": f"Control {i}",
                           "scope": scopes[i] if i < len(scopes) and i < size.controls // 2 else rng.choice(scopes),
                           "status": rng.choices(STATUSES, weights=[70, 15, 10, 5])[0], "owner": f"Team {i % 60}",
                           "evidence": f"DOC-{i}", "last_reviewed": _date(rng, 0.15),
                           "review_months": rng.choice(["12", "12", "6", ""])} for i in range(size.controls)]
    tables["controls"].append({"control_id": "ctl-own", "measure": "OWN-1", "domain": DOMAINS[2], "title": "Own measure",
                               "scope": "org", "status": "implemented", "last_reviewed": _date(rng, 0.0)})
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = BY_NAME[name].column_names
        with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
    return {name: len(rows) for name, rows in tables.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--preset", choices=PRESETS, default="enterprise")
    parser.add_argument("--seed", type=int, default=7)
    for f in fields(Size):
        parser.add_argument(f"--{f.name}", type=int, help=f"override the preset's {f.name}")
    args = parser.parse_args(argv)
    size = replace(PRESETS[args.preset], **{f.name: getattr(args, f.name) for f in fields(Size)
                                             if getattr(args, f.name) is not None})
    counts = generate(args.out, size, args.seed)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
