"""Opening the inventory database: one schema, versioned by numbered migrations.

A file written by an older release is upgraded on open; a file from a newer release is
refused rather than guessed at, because writing to it could lose columns we do not know.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from inventory.errors import InventoryError

MIGRATIONS = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, Path]]:
    found = sorted((int(m.group(1)), p) for p in MIGRATIONS.iterdir() if (m := _NAME.match(p.name)))
    numbers = [n for n, _ in found]
    assert numbers == list(range(1, len(found) + 1)), f"migrations must be numbered 1..n: {numbers}"
    return found


def latest_version() -> int:
    return len(migrations())


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    exists = conn.execute(
        "select count(*) from duckdb_tables() where table_name = 'schema_version' and database_name = current_database()"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return conn.execute("select coalesce(max(version), 0) from schema_version").fetchall()[0][0]


def _user_tables(conn: duckdb.DuckDBPyConnection) -> int:
    return conn.execute(
        "select count(*) from duckdb_tables() where database_name = current_database() and not temporary"
    ).fetchall()[0][0]


def migrate(conn: duckdb.DuckDBPyConnection, path: str | Path = "") -> int:
    """Bring the schema to the latest version; each migration commits on its own."""
    current = schema_version(conn)
    latest = latest_version()
    if current > latest:
        raise InventoryError(
            f"{path}: database schema version {current} is newer than this program supports ({latest}); "
            f"upgrade the program / データベースのスキーマ（v{current}）がこのプログラム（v{latest}）より新しいため開けません"
        )
    if current == 0 and _user_tables(conn):
        raise InventoryError(f"{path}: not an inventory database / 台帳データベースではありません")
    for number, file in migrations()[current:]:
        conn.execute("begin transaction")
        try:
            if number == 1:
                conn.execute("create table schema_version (version integer not null, applied_at timestamp not null)")
            conn.execute(file.read_text(encoding="utf-8"))
            conn.execute("insert into schema_version values (?, now())", [number])
            conn.execute("commit")
        except Exception:
            conn.execute("rollback")
            raise
    return latest


def _damaged(path: Path, exc: Exception) -> str:
    """The way back from a file DuckDB cannot read: an automatic backup is a whole database
    (accounts and audit trail included), so it can simply take the file's place."""
    from inventory.backup import automatic_backups  # backup opens databases through this module

    newest = next(reversed(automatic_backups(path)), None)
    return (f"{path}: the file is damaged ({exc}); move it aside and copy a backup in its place"
            + (f" — the newest automatic backup is {newest}" if newest else "")
            + f" / ファイルが破損しています。退避してからバックアップをこの場所にコピーしてください"
            + (f"（最新の自動バックアップ: {newest}）" if newest else ""))


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise InventoryError(f"{path}: already exists; init never overwrites / 既に存在するため上書きしません")


def connect(path: str | Path, *, create: bool = False, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and upgrade) the inventory at `path`; refuse a missing file unless `create`."""
    path = Path(path)
    if not create and not path.exists():
        raise InventoryError(
            f"{path}: no database here; create it with `python -m inventory init --db {path}` "
            f"/ データベースがありません。先に init を実行してください"
        )
    if create:
        refuse_existing(path)
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise InventoryError(
                f"{path}: the database is in use by another process (is the dashboard running?) "
                f"/ 他のプロセス（ダッシュボード等）が使用中です"
            ) from exc
        raise InventoryError(f"{path}: cannot open: {exc}") from exc
    except duckdb.Error as exc:
        if "corrupt" in str(exc).lower():
            raise InventoryError(_damaged(path, exc)) from exc
        raise InventoryError(f"{path}: not a DuckDB database: {exc}") from exc
    if read_only:
        version = schema_version(conn)
        if version == latest_version():
            return conn
        conn.close()
        if version > latest_version() or version == 0:
            return connect(path)  # raises the same clear refusal as a read-write open
        connect(path).close()  # an older file is upgraded on open, even for a read
        return connect(path, read_only=True)
    try:
        migrate(conn, path)
    except Exception:
        conn.close()
        raise
    return conn
