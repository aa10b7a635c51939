"""`python -m inventory ...` exactly as shared/spec/cli.md says.

Exit codes: 0 success, 1 findings at or above --fail-on, 2 bad input or usage (message on
stderr), anything else only for a crash.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from inventory.errors import InventoryError

DEFAULT_DB = "data/inventory.duckdb"
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "demo"
FAIL_ON = ("critical", "high", "medium", "low", "none")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _db(args) -> str:
    return args.db or os.environ.get("INVENTORY_DB") or DEFAULT_DB


def cmd_init(args) -> int:
    from inventory import db, service

    path = Path(_db(args))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = db.connect(path, create=True)
    try:
        if args.sample:
            counts = service.import_source(conn, SAMPLE)
            print(f"{path}: created with the sample inventory ({sum(counts.values())} rows)")
        else:
            print(f"{path}: created (empty inventory, schema v{db.latest_version()})")
    finally:
        conn.close()
    return 0


def cmd_import(args) -> int:
    from inventory import db, service

    conn = db.connect(_db(args))
    try:
        counts = service.import_source(conn, args.source)
    finally:
        conn.close()
    summary = ", ".join(f"{name} {n}" for name, n in counts.items() if n)
    print(f"imported {sum(counts.values())} rows: {summary or 'empty inventory'}")
    return 0


def cmd_export(args) -> int:
    from inventory import db, export

    conn = db.connect(_db(args), read_only=True)
    try:
        dest = export.export(conn, args.dest)
    finally:
        conn.close()
    print(f"exported to {dest}")
    return 0


def cmd_check(args) -> int:
    from controls import report, rules
    from inventory import db

    conn = db.connect(_db(args), read_only=True)
    try:
        found = rules.findings(conn, args.as_of)
    finally:
        conn.close()
    sys.stdout.write(report.render(found, args.format, args.lang))
    return report.exit_code(found, args.fail_on)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m inventory", description="APPI personal-data inventory / 個人情報管理台帳")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", help=f"database file (default $INVENTORY_DB or {DEFAULT_DB})")
        return p

    p = with_db(sub.add_parser("init", help="create an empty database"))
    p.add_argument("--sample", action="store_true", help="load the sample inventory")
    p.set_defaults(func=cmd_init)

    p = with_db(sub.add_parser("import", help="replace the inventory from a CSV folder or .xlsx"))
    p.add_argument("source")
    p.set_defaults(func=cmd_import)

    p = with_db(sub.add_parser("export", help="write the inventory to a CSV folder or .xlsx"))
    p.add_argument("dest")
    p.set_defaults(func=cmd_export)

    p = with_db(sub.add_parser("check", help="evaluate the gap rules"))
    p.add_argument("--as-of", type=_date, default=dt.date.today(), help="YYYY-MM-DD (default today)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--fail-on", choices=FAIL_ON, default="high")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InventoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
