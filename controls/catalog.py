"""The APPI safety-control catalog (PPC general guideline §10): 17 sub-items with stable IDs.

The catalog is data (`catalog.yaml`), not code, so officers and translators can read it; the
rules only need each measure's domain, which `measures()` gives as a frame DuckDB can join.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

CATALOG = Path(__file__).parent / "catalog.yaml"
DOMAIN_ORDER = ("POL", "RUL", "ORG", "HUM", "PHY", "TEC", "EXT")


@lru_cache(maxsize=1)
def entries() -> tuple[dict, ...]:
    """The catalog entries in guideline order, each a dict of the YAML's fields."""
    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return tuple(data["measures"])


def measures() -> pd.DataFrame:
    """measure_id, domain, title, title_ja: one row per catalog sub-item."""
    return pd.DataFrame(
        [(e["id"], e["domain"], e["title_en"], e["title_ja"]) for e in entries()],
        columns=["measure_id", "domain", "title", "title_ja"],
    )


@lru_cache(maxsize=1)
def domains() -> tuple[dict, ...]:
    """The seven domains with their bilingual names."""
    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return tuple(data["domains"])
