"""The benchmark suite: one table of ratios, each measured against a baseline in the same run.

    python -m bench.run            # enterprise (100k links) and enterprise10 (1M links)
    python -m bench.run --smoke    # tiny sizes, seconds: keeps this script from rotting (make test)

Absolute times on a shared two-core machine are noise; a ratio of two timings taken minutes
apart on the same machine is not. Each figure is the median of several repeats.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.generate import PRESETS, Size, generate
from controls import rules
from inventory import db, service, shadow

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 1)
TARGETS = {"import": 4.0, "check": 3.0, "overview": 3.0, "growth": 12.0, "rss_mb": 1536.0}
SCAN_FLOOR = """
    select count(*), count(distinct s.country), max(c.name), max(c.last_reviewed)
    from category_systems l join systems s using (system_id) join categories c using (category_id)
"""


def paired_times(first, second, repeats: int) -> tuple[float, float]:
    """Median times of two pieces of work run alternately, so that a change in the machine's load
    during the run weighs on both sides of a ratio alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for work, bucket in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            work()
            bucket.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def fresh_db(folder: Path, name: str) -> Path:
    path = folder / f"{name}.duckdb"
    for leftover in (path, Path(f"{path}.wal")):
        leftover.unlink(missing_ok=True)
    db.connect(path, create=True).close()
    return path


def raw_read(source: Path, work: Path) -> None:
    """The baseline: DuckDB reading the same CSVs into tables of a new file."""
    path = work / "raw.duckdb"
    path.unlink(missing_ok=True)
    conn = duckdb.connect(str(path))
    for csv_file in sorted(source.glob("*.csv")):
        conn.execute(f"create table {csv_file.stem} as select * from read_csv(?, header = true)", [str(csv_file)])
    conn.close()


def import_ratio(source: Path, start: Path, work: Path, repeats: int) -> tuple[float, float]:
    """Full import (decode, validate, back up, audit, write) into a copy of `start` ÷ DuckDB
    reading the same CSVs into tables.

    `start` is an initialised empty database, as `inventory import` after `init` (creating the
    schema is `init`'s work, not the import's), or one that already holds this inventory: the
    officer's export → edit → import round, where every row is compared and none changed, and
    the automatic backup before the import is part of the time.
    """
    target = work / "import.duckdb"
    return paired_times(lambda: import_in_place(source, start, target), lambda: raw_read(source, work), repeats)


def import_in_place(source: Path, start: Path, target: Path) -> None:
    """The import as the dashboard makes it: through a connection to the file itself."""
    Path(f"{target}.wal").unlink(missing_ok=True)
    shutil.copyfile(start, target)
    conn = db.connect(target)
    service.import_source(conn, source)
    conn.close()


def shadow_ratio(source: Path, start: Path, work: Path, repeats: int) -> tuple[float, float]:
    """The command line's import (on a copy of the file, renamed in: inventory/shadow.py) ÷ the
    same import written into the file, both over a database that already holds the inventory."""
    target = work / "import.duckdb"

    def on_copy():
        Path(f"{target}.wal").unlink(missing_ok=True)
        shutil.copyfile(start, target)
        with shadow.replacing(target) as conn:
            service.import_source(conn, source, beside=target)

    return paired_times(on_copy, lambda: import_in_place(source, start, target), repeats)


def loaded(source: Path, work: Path, name: str) -> Path:
    path = fresh_db(work, name)
    conn = db.connect(path)
    service.import_source(conn, source)
    conn.close()
    return path


def check_times(path: Path, repeats: int) -> tuple[float, float, float]:
    """`check` (the findings stored by the last write, read for the as-of date), the floor, and
    the live evaluation of the rules that every write now pays (each paired with the floor)."""
    conn = db.connect(path, read_only=True)

    def floor():
        conn.execute(SCAN_FLOOR).fetchall()

    try:
        rules.evaluate(conn, AS_OF)  # warm: the evaluator's cursors, catalog tables and macros
        check, floor_time = paired_times(lambda: rules.findings(conn, AS_OF), floor, repeats)
        live, _ = paired_times(lambda: rules.evaluate(conn, AS_OF), floor, repeats)
        return check, floor_time, live
    finally:
        conn.close()


def overview_time(path: Path, repeats: int) -> float:
    """Overview built by Streamlit's AppTest (the whole script run), in a fresh process."""
    code = (
        "import os, sys, time, statistics\n"
        "from streamlit.testing.v1 import AppTest\n"
        "times = []\n"
        f"for _ in range({repeats + 1}):\n"
        f"    at = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=600)\n"
        "    s = time.perf_counter(); at.run(); at.switch_page('app_pages/overview.py').run()\n"
        "    times.append(time.perf_counter() - s)\n"
        "    assert not at.exception, at.exception\n"
        "print(statistics.median(times[1:]))\n"
    )
    env = {**os.environ, "INVENTORY_DB": str(path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def peak_rss_mb(path: Path) -> float:
    """Peak resident memory of `check` in its own process (the kernel's high-water mark)."""
    proc = subprocess.Popen([sys.executable, "-m", "inventory", "check", "--db", str(path), "--as-of", AS_OF.isoformat(),
                             "--format", "csv", "--fail-on", "none"], cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"check exited {proc.returncode}")
    return usage.ru_maxrss / 1024


def run(small: Size, large: Size, sample: Path, work: Path, repeats: int) -> list[tuple[str, float, float | None, str]]:
    generate(work / "small", small)
    generate(work / "large", large)
    rows = []
    ours, raw = import_ratio(work / "small", fresh_db(work, "empty"), work, repeats)
    rows.append(("import (full validation) ÷ DuckDB read_csv", ours / raw, TARGETS["import"], f"{ours:.2f}s / {raw:.2f}s"))
    small_db = loaded(work / "small", work, "small")
    again, raw_again = import_ratio(work / "small", small_db, work, repeats)
    rows.append(("import over the same inventory (backup, compare) ÷ read_csv", again / raw_again, None,
                 f"{again:.2f}s / {raw_again:.2f}s"))
    copied, in_place = shadow_ratio(work / "small", small_db, work, repeats)
    rows.append((f"command-line import over the same inventory (on a copy of its {small_db.stat().st_size >> 20} MB file, "
                 "renamed in) ÷ in place", copied / in_place, None, f"{copied:.2f}s / {in_place:.2f}s"))
    check_small, floor, live = check_times(small_db, repeats)
    rows.append((f"check ÷ join-scan floor at {small.links:,} links", check_small / floor, TARGETS["check"], f"{check_small*1000:.0f}ms / {floor*1000:.0f}ms"))
    rows.append((f"rules evaluated live (in every write) ÷ floor at {small.links:,} links", live / floor, None,
                 f"{live*1000:.0f}ms / {floor*1000:.0f}ms"))
    sample_db = loaded(sample, work, "sample")
    at_scale, at_sample = overview_time(small_db, repeats), overview_time(sample_db, repeats)
    rows.append(("Overview at scale ÷ on the sample", at_scale / at_sample, TARGETS["overview"],
                 f"{at_scale:.2f}s / {at_sample:.2f}s"))
    large_db = loaded(work / "large", work, "large")
    check_large, floor_large, live_large = check_times(large_db, repeats)
    rows.append((f"check ÷ join-scan floor at {large.links:,} links", check_large / floor_large, TARGETS["check"],
                 f"{check_large*1000:.0f}ms / {floor_large*1000:.0f}ms"))
    rows.append((f"rules evaluated live (in every write) ÷ floor at {large.links:,} links", live_large / floor_large,
                 None, f"{live_large*1000:.0f}ms / {floor_large*1000:.0f}ms"))
    rows.append((f"check at {large.links:,} ÷ at {small.links:,} links", check_large / check_small, TARGETS["growth"],
                 f"{check_large*1000:.0f}ms / {check_small*1000:.0f}ms"))
    rss = peak_rss_mb(large_db)
    rows.append((f"peak RSS of check at {large.links:,} links (MB)", rss, TARGETS["rss_mb"], ""))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks the script, measures nothing")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--work", type=Path, help="folder for generated data (default: a temp dir)")
    args = parser.parse_args(argv)
    small, large = (PRESETS["tiny"], Size(**{**PRESETS["tiny"].__dict__, "links": 1_500})) if args.smoke \
        else (PRESETS["enterprise"], PRESETS["enterprise10"])
    repeats = 1 if args.smoke else args.repeats
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = run(small, large, ROOT / "sample_data" / "demo", work, repeats)
    print(f"| measure | ratio | target | timings |\n|---|---:|---:|---|")
    for name, value, target, detail in rows:
        bound = "— (shown)" if target is None else f"≤ {target:g} {'ok' if value <= target else 'OVER'}"
        print(f"| {name} | {value:.2f} | {bound} | {detail} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
