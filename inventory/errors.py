"""Errors a user can act on: the CLI prints them and exits 2, pages show them."""
from __future__ import annotations

from dataclasses import dataclass


class InventoryError(Exception):
    """Bad input or a refused operation, with a message meant for the person who caused it."""


@dataclass(frozen=True, order=True)
class CellError:
    """One problem in an input file, located as precisely as the interchange format allows."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        shown = self.value if self.value is None or len(self.value) <= 80 else self.value[:77] + "..."
        value = "" if shown is None else f" {shown!r}:"
        return f"{where}:{value} {self.message}"


class ValidationFailed(InventoryError):
    """Every error found in one input, reported together so one fix-up round is enough."""

    def __init__(self, errors: list[CellError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.row or 0, e.column or "", e.message))
        super().__init__(f"{len(self.errors)} error(s) / {len(self.errors)} 件のエラー\n" + "\n".join(map(str, self.errors)))
