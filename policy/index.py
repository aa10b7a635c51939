"""Whole-text pattern matching for the reader's fields, each match placed in its sentence."""
from __future__ import annotations

import re
from bisect import bisect_right

from policy.lexicon import fast, fold
from policy.segment import Segment


class Index:
    """Whole-text pattern matching mapped back to sentences.

    Testing 40 category patterns against each of a thousand sentences costs 40,000 regex calls; one
    pass per pattern over the whole text, with each match placed in its sentence by bisection,
    costs 40. Matches that run across a sentence boundary belong to no sentence.
    """

    def __init__(self, text: str, segments: list[Segment]):
        # the text as its sentences read it: a hard-wrapped sentence without its line breaks
        parts, pos = [], 0
        for seg in segments:
            parts += [text[pos:seg.start], seg.text]
            pos = seg.end
        self.text = "".join(parts) + text[pos:]
        self.folded = fold(self.text)
        self.segments = segments
        self.starts = [s.start for s in segments]

    def matches(self, pattern: re.Pattern) -> dict[int, list[re.Match]]:
        """Matches of `pattern` per sentence index. An IGNORECASE pattern runs as its fast twin on the
        folded text, so use the matches' offsets, not their (lower-cased) text."""
        out: dict[int, list[re.Match]] = {}
        if pattern.flags & re.IGNORECASE:
            found = fast(pattern).finditer(self.folded)
        else:
            found = pattern.finditer(self.text)
        for m in found:
            i = bisect_right(self.starts, m.start()) - 1
            if i >= 0 and m.end() <= self.segments[i].end:
                out.setdefault(i, []).append(m)
        return out
