"""The command line's writes (init, import, restore, user add/remove) are made on a copy beside
the database and renamed in, so a killed process leaves the old file or the new one, never a torn one.

Why not DuckDB's transaction alone: DuckDB (2.0.0 and 2.0.1 alike) rewrites the file's first
metadata block in place when it checkpoints, and that block still holds the previous checkpoint's
root. Linux ends a write at a page boundary when a SIGKILL arrives, so a kill inside that 256 KiB
write leaves a block whose checksum fails, and the file no longer opens ("Corrupt database file ...
in block at location 12288"; CI saw it once in tests/inventory/test_crash.py). A replace-all rewrites
every table anyway, so the copy costs little (bench/run.py), and here the original is only read.
(The dashboard keeps one connection open for all its sessions, so its writes stay in place.)

Locking: the original stays open through DuckDB for the whole operation, so the dashboard or
another command is refused as before, and the copy is renamed in before that connection closes,
so nobody can open the old file in between. The copy is read through a descriptor kept open until
then, because closing any descriptor of a file drops every POSIX lock this process holds on it,
DuckDB's included.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from inventory import db


def _temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=_prefix(path), suffix=".duckdb")
    os.close(fd)
    return Path(name)


def _prefix(path: Path) -> str:
    return f".{path.stem}-"


def _sweep(path: Path) -> None:
    """Remove the copies of killed commands: only the holder of the file's lock works on a copy,
    and that is now this process."""
    for leftover in path.parent.glob(f"{_prefix(path)}{'?' * 8}.duckdb"):  # mkstemp's 8: not `inv-2`'s copies
        _discard(leftover)


def _discard(tmp: Path) -> None:
    for leftover in (tmp, Path(f"{tmp}.wal")):
        leftover.unlink(missing_ok=True)


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable, not only the file's content."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def replacing(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a copy of the database at `path`; the copy replaces it when the block ends
    without an error, and is discarded otherwise."""
    path = Path(path)
    held = db.connect(path)
    reader = tmp = work = None
    swapped = False
    try:
        _sweep(path)
        held.execute("checkpoint")  # everything in the file itself, none of it in the WAL
        reader = os.open(path, os.O_RDONLY)
        tmp = _temp_beside(path)
        with open(reader, "rb", closefd=False) as source, open(tmp, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        work = db.connect(tmp)
        yield work
        work.execute("checkpoint")  # the copy is whole and synced before anyone can see it
        os.replace(tmp, path)
        swapped = True
        _sync_dir(path.parent)
    finally:
        held.close()  # the old file: once renamed over, nobody can reach it any more
        if work is not None:
            work.close()  # the lock on the new file goes last
        if reader is not None:
            os.close(reader)
        if tmp is not None and not swapped:
            _discard(tmp)


@contextmanager
def creating(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a new database that appears at `path` only once the block has ended
    without an error; `path` is never overwritten (init's promise)."""
    path = Path(path)
    db.refuse_existing(path)
    tmp = _temp_beside(path)
    tmp.unlink()  # DuckDB creates the file itself
    try:
        conn = db.connect(tmp, create=True)
        try:
            yield conn
            conn.execute("checkpoint")
        finally:
            conn.close()
        try:
            os.link(tmp, path)  # unlike a rename, never replaces a file that appeared meanwhile
        except FileExistsError:
            db.refuse_existing(path)
        _sync_dir(path.parent)
    finally:
        _discard(tmp)
