"""The stated purposes of use, as short phrases (Art. 21 / Art. 32(1)(ii) material).

Purposes are nearly always a list under a "Purpose of use / 利用目的" heading or after a lead-in
("we use personal information for the following purposes"); segment.py has already marked those
list items. A purpose here is one item: its text up to the first sentence end (long items carry
explanations), without its bullet or number, and without a table's further cells.
"""
from __future__ import annotations

import re

from policy.evidence import Evidence
from policy.lexicon import Lexicon
from policy.segment import Line, Segment

_HEADER_CELL = re.compile(r"^(purposes?( of use)?|利用目的|目的)$", re.I)
_MERGED_HEADING = re.compile(r"\s+[-–—]\s+(?=[A-Z])")
_TRAILING = re.compile(r"[\s.。;；:：,、]+$")
MAX_LEN = 250


def purposes(text: str, lines: list[Line], segs: list[Segment], lex: Lexicon, ev: Evidence) -> list[str]:
    first_segment: dict[int, Segment] = {}
    for seg in segs:
        if "purpose" in seg.flags and "exception" not in seg.flags:
            first_segment.setdefault(seg.line, seg)
    out: list[str] = []
    for idx in sorted(first_segment):
        line = lines[idx]
        start, end = line.body, line.end
        if end - start > MAX_LEN:
            end = first_segment[idx].end
        tab = text.find("\t", start, end)
        if tab != -1:
            end = tab
        merged = _MERGED_HEADING.search(text, start, end)
        if merged:
            end = merged.start()
        trail = _TRAILING.search(text, start, end)
        if trail:
            end = trail.start()
        phrase = text[start:end]
        if not phrase or _HEADER_CELL.match(phrase) or lex.purpose_not.match(phrase):
            continue
        if phrase not in out:
            out.append(phrase)
            ev.add("purposes", phrase, (start, end))
    return out
