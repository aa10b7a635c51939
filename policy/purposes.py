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
# Fallbacks for policies without a purpose list: "Purpose: to ..., to ...", "we use this information to
# ..., to ...", "…のためにのみ利用いたします".
_LABEL = re.compile(r"^(?:purposes?(?: of use)?|利用目的)\s*[:：]\s*", re.I)
_WE_USE = re.compile(r"\b(?:we|the company) (?:will |may )?(?:only )?use (?:this|your|the|such|these|personal|that)\b"
                     r"[^.:;]{0,40}?\b(?:information|data|details)\s+(?:only\s+)?(?=to\s|for\s)", re.I)
_SPLIT_EN = re.compile(r"[,;]\s*(?:and\s+)?(?=to\s)|\s+and\s+(?=to\s)", re.I)
_JA_USE = re.compile(r"([^、。「」]{4,80}?)のため(?:に)?(?:のみ)?(?:に)?(?:利用|使用)(?:いた|致)?します")


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
    if not out:
        for seg in segs:
            if seg.flags & {"exception", "definition"}:
                continue
            for start, end in _fallback_spans(seg, text):
                phrase = text[start:end]
                if phrase and phrase not in out:
                    out.append(phrase)
                    ev.add("purposes", phrase, (start, end))
    return out


def _fallback_spans(seg: Segment, text: str) -> list[tuple[int, int]]:
    """Purpose phrases stated in prose, as (start, end) offsets into `text`."""
    body = None
    label = _LABEL.match(seg.text)
    use = _WE_USE.search(seg.text)
    if label:
        body = (seg.start + label.end(), seg.end)
    elif use:
        body = (seg.start + use.end(), seg.end)
    else:
        ja = _JA_USE.search(seg.text)
        return [(seg.start + ja.start(1), seg.start + ja.end(1))] if ja else []
    start, end = body
    spans = []
    pos = start
    for m in list(_SPLIT_EN.finditer(text, start, end)) + [None]:
        cut = m.start() if m else end
        piece = (pos, cut)
        trail = _TRAILING.search(text, *piece)
        if trail:
            piece = (piece[0], trail.start())
        if piece[1] - piece[0] > 3:
            spans.append(piece)
        pos = m.end() if m else end
    return spans
