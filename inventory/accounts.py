"""Local accounts: argon2 password hashes in the database, managed by admins."""
from __future__ import annotations

import json

import duckdb
import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from inventory import audit
from inventory.access import ROLES, Actor, require
from inventory.errors import InventoryError

_HASHER = PasswordHasher()
MIN_PASSWORD = 10


def add(conn: duckdb.DuckDBPyConnection, username: str, role: str, password: str, *, actor: Actor | None = None) -> None:
    who = require(conn, actor, "admin")
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise InventoryError(f"invalid user name {username!r} / ユーザー名が不正です")
    if role not in ROLES:
        raise InventoryError(f"role must be one of {', '.join(ROLES)} / ロールが不正です")
    if len(password) < MIN_PASSWORD:
        raise InventoryError(f"password must have at least {MIN_PASSWORD} characters / パスワードは{MIN_PASSWORD}文字以上にしてください")
    if conn.execute("select count(*) from accounts where username = ?", [username]).fetchall()[0][0]:
        raise InventoryError(f"user {username!r} already exists / ユーザー {username} は既に存在します")
    with audit.write(conn, who, "account") as version:
        conn.execute("insert into accounts values (?, ?, ?, now())", [username, role, _HASHER.hash(password)])
        audit.record(conn, who, "account", "accounts", username, "insert", None,
                     json.dumps({"username": username, "role": role}), version)


def remove(conn: duckdb.DuckDBPyConnection, username: str, *, actor: Actor | None = None) -> None:
    who = require(conn, actor, "admin")
    rows = conn.execute("select role from accounts where username = ?", [username]).fetchall()
    if not rows:
        raise InventoryError(f"no user {username!r} / ユーザー {username} はいません")
    with audit.write(conn, who, "account") as version:
        conn.execute("delete from accounts where username = ?", [username])
        audit.record(conn, who, "account", "accounts", username, "delete",
                     json.dumps({"username": username, "role": rows[0][0]}), None, version)


def listing(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return conn.execute("select username, role, created_at from accounts order by username").df()


def authenticate(conn: duckdb.DuckDBPyConnection, username: str, password: str) -> Actor | None:
    """The actor for a correct name and password, else None (same answer for either mistake)."""
    rows = conn.execute("select role, password_hash from accounts where username = ?", [username.strip()]).fetchall()
    if not rows:
        _HASHER.hash(password)  # spend the same time as a real check: no user-name probing by timing
        return None
    role, hashed = rows[0]
    try:
        _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return None
    return Actor(username.strip(), role)
