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
    from inventory import db, service, shadow

    path = Path(_db(args))
    path.parent.mkdir(parents=True, exist_ok=True)
    with shadow.creating(path) as conn:
        counts = service.import_source(conn, SAMPLE, actor=_actor()) if args.sample else None
    if counts is not None:
        print(f"{path}: created with the sample inventory ({sum(counts.values())} rows)")
    else:
        print(f"{path}: created (empty inventory, schema v{db.latest_version()})")
    return 0


def cmd_import(args) -> int:
    from inventory import service, shadow

    path = Path(_db(args))
    with shadow.replacing(path) as conn:
        counts = service.import_source(conn, args.source, actor=_actor(), beside=path)
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


def cmd_policy_scan(args) -> int:
    import json

    from policy import report

    result = _scan(args.file)
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n" if args.format == "json"
                     else report.to_text(result, args.lang))
    return 0


def _scan(path: str) -> dict:
    from policy import scan

    if not Path(path).is_file():
        raise InventoryError(f"{path}: no such file / ファイルがありません")
    try:
        return scan.scan_file(path)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InventoryError(f"{path}: cannot read the policy: {exc} / ポリシーを読めません") from exc


def cmd_policy_check(args) -> int:
    from controls import report
    from inventory import db
    from policy import check

    result = _scan(args.file)
    conn = db.connect(_db(args), read_only=True)
    try:
        found = check.policy_findings(conn, result)
    finally:
        conn.close()
    sys.stdout.write(report.render(found, args.format, args.lang))
    return report.exit_code(found, args.fail_on)


def _actor():
    import getpass

    from inventory.access import Actor

    # Whoever can run the CLI on the file holds the file: they act as an administrator.
    return Actor(f"cli:{getpass.getuser()}", "admin")


def cmd_user(args) -> int:
    from inventory import accounts, db, shadow

    if args.action == "list":
        conn = db.connect(_db(args), read_only=True)
        try:
            print(accounts.listing(conn).to_string(index=False))
        finally:
            conn.close()
        return 0
    with shadow.replacing(Path(_db(args))) as conn:
        if args.action == "remove":
            accounts.remove(conn, args.name, actor=_actor())
            done = f"removed {args.name}"
        else:
            if not args.name or not args.role:
                raise InventoryError("usage: user add NAME --role viewer|editor|admin")
            password = sys.stdin.readline().rstrip("\n") if args.password_stdin else _ask_password()
            accounts.add(conn, args.name, args.role, password, actor=_actor())
            done = f"added {args.name} ({args.role})"
    print(done)
    return 0


def _ask_password() -> str:
    import getpass

    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise InventoryError("passwords differ / パスワードが一致しません")
    return first


def cmd_backup(args) -> int:
    from inventory import backup, db

    conn = db.connect(_db(args), read_only=True)
    try:
        print(f"backed up to {backup.backup(conn, args.dest)} (verified)")
    finally:
        conn.close()
    return 0


def cmd_restore(args) -> int:
    from inventory import backup, shadow

    path = Path(_db(args))
    with shadow.replacing(path) as conn:
        counts = backup.restore(conn, args.src, actor=_actor(), beside=path)
    print(f"restored {sum(counts.values())} rows from {args.src} (verified)")
    return 0


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

    p = sub.add_parser("policy-scan", help="what a privacy policy declares (txt, md, html; en or ja)")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(func=cmd_policy_scan)

    p = with_db(sub.add_parser("policy-check", help="the P-rules: a privacy policy against the inventory"))
    p.add_argument("file")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--fail-on", choices=FAIL_ON, default="high")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(func=cmd_policy_check)

    p = with_db(sub.add_parser("user", help="manage local accounts"))
    p.add_argument("action", choices=("add", "list", "remove"))
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=("viewer", "editor", "admin"))
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=cmd_user)

    p = with_db(sub.add_parser("backup", help="copy the database to DEST, verified"))
    p.add_argument("dest")
    p.set_defaults(func=cmd_backup)

    p = with_db(sub.add_parser("restore", help="replace the inventory with a backup's (audited)"))
    p.add_argument("src")
    p.set_defaults(func=cmd_restore)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InventoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
