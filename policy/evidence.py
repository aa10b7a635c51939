"""Evidence bookkeeping: every reported value carries the sentences it was read from.

policy-scan.md makes evidence the contract ("a finding with no evidence must not be reported"),
so extractors never return bare values: they record (field, value, span) here, and the scan
builds its answer from what was recorded. A few sentences per value are enough for a person to
check the reading; the cap keeps the output of a long policy readable.
"""
from __future__ import annotations

from collections import defaultdict

from policy.segment import Segment

PER_VALUE = 3


class Evidence:
    def __init__(self, text: str):
        self.text = text
        self._items: dict[tuple[str, object], list[tuple[int, int]]] = defaultdict(list)
        self._order: list[tuple[str, object]] = []

    def add(self, field: str, value, where: Segment | tuple[int, int]) -> None:
        start, end = (where.start, where.end) if isinstance(where, Segment) else where
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start:
            return
        key = (field, value)
        spans = self._items[key]
        if not spans:
            self._order.append(key)
        if (start, end) in spans or len(spans) >= PER_VALUE:
            return
        spans.append((start, end))

    def values(self, field: str) -> list:
        """Values recorded for `field`, in order of first evidence."""
        return [v for f, v in self._order if f == field]

    def has(self, field: str, value=True) -> bool:
        return bool(self._items.get((field, value)))

    def drop(self, field: str, value) -> None:
        self._items.pop((field, value), None)
        self._order = [k for k in self._order if k != (field, value)]

    def keep_only(self, field: str, values: set) -> None:
        """Forget the evidence of `field` values that did not make it into the answer."""
        for f, v in list(self._order):
            if f == field and v not in values:
                self.drop(f, v)

    def as_list(self) -> list[dict]:
        out = []
        for (field, value), spans in self._items.items():
            for start, end in spans:
                out.append({"field": field, "value": value, "text": self.text[start:end], "start": start, "end": end})
        out.sort(key=lambda e: (e["start"], e["end"], e["field"], str(e["value"])))
        return out
