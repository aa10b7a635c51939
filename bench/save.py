"""How long one workspace save of one edited row takes at scale, per table.

    python -m bench.save [--preset enterprise10] [--work DIR] [--repeats 3] [--rows 1]

The inventory is generated and imported once into WORK (default /tmp/bench-save) and reused by
later runs, because importing a million links takes minutes and is not what is measured here.
Each repeat loads the first page (50 rows) the way the editor does, changes one row (or `--rows`)
and saves it through `store.apply_edits`; the median time is printed. Figures are printed, never asserted:
absolute times on a shared machine are noise, but seconds against tens of seconds is not.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench.generate import PRESETS, generate
from inventory import browse, db, service, store

TABLES = ("categories", "controls", "category_systems")


def inventory(work: Path, preset: str) -> Path:
    """The imported inventory for `preset`, made on first use."""
    path = work / f"{preset}.duckdb"
    if path.exists():
        return path
    source = work / preset
    if not source.exists():
        generate(source, PRESETS[preset])
    conn = db.connect(path, create=True)
    try:
        service.import_source(conn, source)
    finally:
        conn.close()
    return path


def _edit(conn, name: str, base, rows: int, attempt: int):
    """The page with its first `rows` rows changed: a text cell, or for a link its system (one
    the category is not yet linked to)."""
    edited = base.copy()
    for i in range(rows):
        if name == "category_systems":
            category = edited.loc[i, "category_id"]
            free = conn.execute("select system_id from systems where system_id not in "
                                "(select system_id from category_systems where category_id = ?) "
                                "order by system_id limit 1 offset ?", [category, attempt * rows + i]).fetchall()[0][0]
            edited.loc[i, "system_id"] = free
        else:
            edited.loc[i, "owner"] = f"bench owner {time.time_ns()}"
    return edited


def page_save(conn, name: str, rows: int, repeats: int) -> list[float]:
    times = []
    for attempt in range(repeats):
        base = browse.page(conn, name, "", 0, 50)
        edited = _edit(conn, name, base, rows, attempt)
        started = time.perf_counter()
        store.apply_edits(conn, name, base, edited)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="enterprise10", choices=sorted(PRESETS))
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-save"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tables", nargs="*", default=list(TABLES), choices=TABLES)
    parser.add_argument("--rows", type=int, default=1, help="rows of the 50-row page to change (default 1)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    path = inventory(args.work, args.preset)
    print(f"inventory {path} ready in {time.perf_counter() - started:.1f}s")
    conn = db.connect(path)
    try:
        print(f"| table | rows | {args.rows}-row save, median | each |\n|---|---:|---:|---|")
        for name in args.tables:
            rows = browse.count(conn, name)
            times = page_save(conn, name, args.rows, args.repeats)
            print(f"| {name} | {rows:,} | {statistics.median(times):.3f}s | "
                  f"{', '.join(f'{t:.3f}' for t in times)} |", flush=True)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
