"""The command line as shared/spec/cli.md fixes it: commands, formats, exit codes."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from inventory.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "demo"
KEYS = ["rule_id", "severity", "subject_type", "subject_id", "domain", "message", "message_ja", "reference"]
RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inventory", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "sample.duckdb"
    assert main(["init", "--db", str(path), "--sample"]) == 0
    return path


def test_done_when_sequence_prints_findings_in_the_documented_shape(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    assert run("init", "--db", db).returncode == 0
    assert run("import", "--db", db, str(SAMPLE)).returncode == 0
    done = run("check", "--db", db, "--as-of", "2026-11-01", "--format", "json")
    assert done.returncode == 1  # the sample has high and critical findings; default --fail-on high
    found = json.loads(done.stdout)
    assert found and all(list(f) == KEYS for f in found)
    order = [(RANK[f["severity"]], f["rule_id"], f["subject_type"], f["subject_id"], f["domain"] or "") for f in found]
    assert order == sorted(order)
    assert {"R01", "R29", "R13"} <= {f["rule_id"] for f in found}
    assert all(f["message"] and f["message_ja"] and f["reference"] for f in found)


def test_csv_has_the_same_rows_and_columns_as_json(sample_db: Path, capsys):
    main(["check", "--db", str(sample_db), "--as-of", "2026-11-01", "--format", "json"])
    as_json = json.loads(capsys.readouterr().out)
    main(["check", "--db", str(sample_db), "--as-of", "2026-11-01", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == KEYS
    assert [(r["rule_id"], r["subject_id"], r["domain"]) for r in rows] == [
        (f["rule_id"], f["subject_id"], f["domain"] or "") for f in as_json]


@pytest.mark.parametrize("fail_on, code", [("critical", 1), ("high", 1), ("low", 1), ("none", 0)])
def test_fail_on_sets_the_exit_code(sample_db: Path, fail_on: str, code: int, capsys):
    assert main(["check", "--db", str(sample_db), "--as-of", "2026-11-01", "--fail-on", fail_on]) == code


def test_an_empty_inventory_passes_except_the_org_rules(db_path: Path, capsys):
    assert main(["check", "--db", str(db_path), "--as-of", "2026-11-01", "--format", "json", "--fail-on", "critical"]) == 0
    assert {f["rule_id"] for f in json.loads(capsys.readouterr().out)} == {"R30", "R31"}


def test_text_is_grouped_by_severity_in_either_language(sample_db: Path, capsys):
    main(["check", "--db", str(sample_db), "--as-of", "2026-11-01"])
    english = capsys.readouterr().out
    assert english.index("Critical (") < english.index("High (") < english.index("Medium (")
    main(["check", "--db", str(sample_db), "--as-of", "2026-11-01", "--lang", "ja"])
    japanese = capsys.readouterr().out
    assert "重大 (" in japanese and "指摘" in japanese


@pytest.mark.parametrize("args, words", [
    (["check", "--as-of", "2026-13-01"], "not a date"),
    (["check", "--format", "xml"], "invalid choice"),
    (["frobnicate"], "invalid choice"),
    (["import", "--db", "/nonexistent/dir/x.duckdb", "sample_data/demo"], "no database here"),
    (["import", "--db", "{db}", "/nonexistent/source"], "expected a folder of CSV files"),
])
def test_bad_usage_exits_2_with_a_message(db_path: Path, args, words):
    done = run(*[a.replace("{db}", str(db_path)) for a in args])
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr


def test_init_refuses_to_overwrite(sample_db: Path):
    done = run("init", "--db", str(sample_db))
    assert done.returncode == 2 and "already exists" in done.stderr


def test_env_variable_chooses_the_database(sample_db: Path):
    done = subprocess.run([sys.executable, "-m", "inventory", "check", "--as-of", "2026-11-01", "--fail-on", "none"],
                          cwd=ROOT, capture_output=True, text=True, env={"INVENTORY_DB": str(sample_db), "PATH": ""})
    assert done.returncode == 0 and "finding(s)" in done.stdout


POLICY_KEYS = {"language", "categories", "purposes", "outsourcing", "processors", "third_party_provision",
               "recipients", "foreign_transfer", "countries", "safeguards", "special_care", "rights", "evidence"}


def test_policy_scan_prints_the_documented_object(tmp_path: Path):
    policy = tmp_path / "policy.md"
    policy.write_text("# Privacy Policy\n\nWe collect your name and email address to ship orders.\n"
                      "We provide regular training to employees who handle personal data.\n", encoding="utf-8")
    done = run("policy-scan", str(policy))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == POLICY_KEYS
    assert {"name", "email_address"} <= set(result["categories"]) and result["safeguards"]["personnel"] is True
    text = policy.read_text(encoding="utf-8")
    assert all(text[e["start"]:e["end"]] == e["text"] for e in result["evidence"])
    assert run("policy-scan", str(policy), "--format", "text").stdout.strip()


def test_policy_check_uses_the_finding_shape_and_exit_codes(sample_db: Path, tmp_path: Path):
    policy = tmp_path / "policy.txt"
    policy.write_text("We collect your name.\n", encoding="utf-8")
    done = run("policy-check", "--db", str(sample_db), str(policy), "--format", "json")
    assert done.returncode == 1, done.stderr
    found = json.loads(done.stdout)
    assert found and all(list(f) == KEYS for f in found) and {f["rule_id"] for f in found} >= {"P01", "P06", "P07"}
    assert run("policy-check", "--db", str(sample_db), str(policy), "--fail-on", "none").returncode == 0


def test_policy_commands_refuse_a_missing_file(sample_db: Path):
    done = run("policy-check", "--db", str(sample_db), "nope.txt")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_user_add_list_remove(db_path: Path):
    add = subprocess.run([sys.executable, "-m", "inventory", "user", "add", "alice", "--role", "editor",
                          "--password-stdin", "--db", str(db_path)], cwd=ROOT, input="a long passphrase\n",
                         capture_output=True, text=True)
    assert add.returncode == 0, add.stderr
    listing = run("user", "list", "--db", str(db_path))
    assert "alice" in listing.stdout and "editor" in listing.stdout and "passphrase" not in listing.stdout
    assert run("user", "remove", "alice", "--db", str(db_path)).returncode == 0
    assert "alice" not in run("user", "list", "--db", str(db_path)).stdout
    short = subprocess.run([sys.executable, "-m", "inventory", "user", "add", "bob", "--role", "viewer",
                            "--password-stdin", "--db", str(db_path)], cwd=ROOT, input="short\n",
                           capture_output=True, text=True)
    assert short.returncode == 2 and "at least" in short.stderr


def test_backup_and_restore_commands_round_trip(sample_db: Path, tmp_path: Path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(sample_db.read_bytes())
    made = tmp_path / "b.duckdb"
    assert run("backup", "--db", str(copy), str(made)).returncode == 0
    assert run("import", "--db", str(copy), str(tmp_path)).returncode == 0  # empties the inventory
    assert json.loads(run("check", "--db", str(copy), "--format", "json", "--fail-on", "none").stdout) != []
    restored = run("restore", "--db", str(copy), str(made))
    assert restored.returncode == 0 and "verified" in restored.stdout
    assert run("export", "--db", str(copy), str(tmp_path / "after")).returncode == 0
    assert run("export", "--db", str(sample_db), str(tmp_path / "before")).returncode == 0
    for path in sorted((tmp_path / "before").iterdir()):
        assert path.read_bytes() == (tmp_path / "after" / path.name).read_bytes(), path.name
    assert run("backup", "--db", str(copy), str(made)).returncode == 2  # never overwrites
