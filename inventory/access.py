"""Who may write: roles are enforced here, inside the write functions, not by hiding buttons.

With no account in the database the inventory runs in single-user local mode (as `make run`
does on a laptop); once an account exists, every write must name a signed-in actor.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from inventory.errors import InventoryError

ROLES = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class Actor:
    name: str
    role: str


LOCAL = Actor("local", "admin")


class PermissionDenied(InventoryError):
    """A write attempted by someone whose role does not allow it."""


def has_accounts(conn: duckdb.DuckDBPyConnection) -> bool:
    return conn.execute("select count(*) from accounts").fetchall()[0][0] > 0


def resolve(conn: duckdb.DuckDBPyConnection, actor: Actor | None) -> Actor:
    """The actor a write runs as: the local user only while no account exists."""
    if actor is None:
        if has_accounts(conn):
            raise PermissionDenied("sign in first: accounts exist / アカウントが登録されているためサインインが必要です")
        return LOCAL
    return actor


def require(conn: duckdb.DuckDBPyConnection, actor: Actor | None, role: str) -> Actor:
    """The resolved actor, if its role is at least `role`; otherwise PermissionDenied."""
    who = resolve(conn, actor)
    if who.role not in ROLES or ROLES.index(who.role) < ROLES.index(role):
        raise PermissionDenied(f"{who.name} ({who.role}) may not do this; it needs the {role} role "
                               f"/ {who.name}（{who.role}）には権限がありません（{role} 権限が必要です）")
    return who
