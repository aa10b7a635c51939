"""The benchmark runs end to end at tiny sizes, so it cannot rot (figures are not asserted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_smoke_run_prints_every_measure():
    done = subprocess.run([sys.executable, "-m", "bench.run", "--smoke"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("| ") and "measure" not in line]
    assert [line.split(" | ")[0].lstrip("| ").split(" ")[0] for line in lines] == [
        "import", "import", "command-line", "check", "rules", "Overview", "check", "rules", "check", "peak"]


def test_generator_is_deterministic(tmp_path: Path):
    from bench.generate import PRESETS, generate

    generate(tmp_path / "a", PRESETS["tiny"], seed=5)
    generate(tmp_path / "b", PRESETS["tiny"], seed=5)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_policy_scan_benchmark_smoke_run():
    done = subprocess.run([sys.executable, "-m", "bench.scan", "--repeats", "1", "--pages", "2"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("policy-scan of ") and "median" in done.stdout


def test_workspace_save_benchmark_smoke_run(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "bench.save", "--preset", "tiny", "--work", str(tmp_path),
                           "--repeats", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [line.split(" | ")[0].lstrip("| ") for line in done.stdout.splitlines() if line.startswith("| ")][1:] == [
        "categories", "controls", "category_systems"]
