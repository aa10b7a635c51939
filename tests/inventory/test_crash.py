"""Crash safety: SIGKILL in the middle of a large import never leaves a mix of inventories."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import Size, generate
from tests.conftest import content

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, str]:
    """A source big enough that an import takes a while, and the content it produces."""
    work = tmp_path_factory.mktemp("large")
    generate(work / "src", Size(300, 60, 3000, 1200, 300, 12_000, 80_000), seed=3)
    probe = work / "probe.duckdb"
    subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(probe)], cwd=ROOT, check=True)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "inventory", "import", "--db", str(probe), str(work / "src")],
                   cwd=ROOT, check=True, capture_output=True)
    return work / "src", content(probe), time.monotonic() - started


def test_sigkill_mid_import_leaves_old_or_new_never_a_mix(large, tmp_path: Path):
    source, new, duration = large
    path = tmp_path / "inv.duckdb"
    subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(path), "--sample"], cwd=ROOT, check=True,
                   capture_output=True)
    old = content(path)
    outcomes = []
    # Kill points spread over the run's second half, where validation ends and the write happens.
    for attempt, fraction in enumerate((0.55, 0.65, 0.72, 0.8, 0.86, 0.92, 0.97, 1.02)):
        proc = subprocess.Popen([sys.executable, "-m", "inventory", "import", "--db", str(path), str(source)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(fraction * duration)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = content(path)  # opens (replaying the WAL if any) and must hold one whole inventory
        assert now in (old, new), f"attempt {attempt}: a mixed inventory after SIGKILL"
        outcomes.append("new" if now == new else "old")
        if now == new:  # go back to the old one for the next round
            subprocess.run([sys.executable, "-m", "inventory", "import", "--db", str(path),
                            str(ROOT / "sample_data" / "demo")], cwd=ROOT, check=True, capture_output=True)
    print("outcomes:", outcomes)
    # A killed command leaves its working copy beside the file; the next command removes it.
    subprocess.run([sys.executable, "-m", "inventory", "import", "--db", str(path), str(ROOT / "sample_data" / "demo")],
                   cwd=ROOT, check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "inv.duckdb"]
