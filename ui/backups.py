"""Backups for the Administration page: made into a temporary folder and handed over as bytes,
and restored from an uploaded file written to a temporary folder (the upload is never trusted
in place: `inventory.backup.restore` validates a copy before anything is replaced)."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from inventory import backup
from ui import data

SUFFIX = "duckdb"


def make() -> tuple[str, bytes]:
    """(file name, content) of a verified backup of the whole database."""
    name = f"inventory-backup-{dt.datetime.now():%Y%m%d-%H%M%S}.{SUFFIX}"
    with tempfile.TemporaryDirectory() as work:
        return name, backup.backup(data.conn(), Path(work) / name).read_bytes()


def restore(content: bytes) -> dict[str, int]:
    """Replace the inventory with the one in an uploaded backup (admin only, checked inside)."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"uploaded.{SUFFIX}"
        source.write_bytes(content)
        return backup.restore(data.conn(), source, actor=data.actor())
