"""Guards that make the lexicon's long alternations cheap to run, with the same matches.

Python's regex engine skips ahead quickly only when every branch starts with a plain literal. The
lexicon's patterns start with groups, word boundaries and look-behinds, so the engine tries each of
fifty branches at every position of a 20-page policy. Two guards avoid that:
- a look-ahead on the set of characters a match can start with rejects most positions in one step;
- a pattern that can start almost anywhere (a mask that blanks the clause before its keyword,
  `[^。、]{0,60}…から`) runs only on a text that holds one of the literals every match contains.
"""
from __future__ import annotations

import re

from re import _constants as C  # the parser behind re.compile (Python 3.11+, as pinned)
from re import _parser as parser

_WIDE_RANGE = 512  # a class this wide guards nothing worth the look-ahead


class _Unknown(Exception):
    """The pattern can start with something this module does not enumerate (\\w, ., [^x])."""


def guarded(source: str, flags: int) -> re.Pattern | LiteralGuarded:
    """`source` compiled with a look-ahead on its possible first characters when they can be listed,
    else behind the literals its matches contain when those can be listed, else as it is."""
    parsed = parser.parse(source, flags)
    try:
        chars, nullable = _first(parsed)
    except _Unknown:
        chars, nullable = set(), True
    if not nullable and chars:
        allowed = "".join(re.escape(c) for c in sorted(chars))
        return re.compile(f"(?=[{allowed}])(?:{source})", flags)
    literals = _required(parsed, flags)
    if literals and all(literals):
        return LiteralGuarded(re.compile(source, flags), literals)
    return re.compile(source, flags)


class LiteralGuarded:
    """A compiled pattern that first asks whether the text holds any literal a match must contain.
    It offers the methods the reader uses (search, match, sub, finditer) and the attributes `fast`
    needs (pattern, flags)."""

    def __init__(self, compiled: re.Pattern, literals: set[str]):
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.literals = guarded("|".join(re.escape(x) for x in sorted(literals, key=len, reverse=True)),
                                compiled.flags)

    def search(self, string: str, *args):
        return self.compiled.search(string, *args) if self.literals.search(string) else None

    def match(self, string: str, *args):
        return self.compiled.match(string, *args) if self.literals.search(string) else None

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count) if self.literals.search(string) else string

    def finditer(self, string: str, *args):
        return self.compiled.finditer(string, *args) if self.literals.search(string) else iter(())


def _first(items) -> tuple[set[str], bool]:
    """The characters a parsed sequence can start with, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _class(av), False
    if op is C.SUBPATTERN:
        return _first(av[-1])
    if op is C.BRANCH:
        chars, nullable = set(), False
        for alternative in av[1]:
            c, n = _first(alternative)
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _, sub = av
        chars, nullable = _first(sub)
        return chars, nullable or low == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: the next item decides
        return set(), True
    raise _Unknown(op)


def _class(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _WIDE_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            raise _Unknown(op)
    return chars


def _required(items, flags: int) -> set[str] | None:
    """Literals of which every match of a parsed sequence contains at least one (None: not known).
    Of the candidates, the set whose shortest literal is longest filters best."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, av in items:
        if op is C.LITERAL and _caseless_safe(chr(av), flags):
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is C.SUBPATTERN:
            consider(_required(av[-1], flags))
        elif op is C.BRANCH:
            alternatives = [_required(alt, flags) for alt in av[1]]
            if all(alternatives):
                consider(set().union(*alternatives))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2], flags))
    if run:
        consider({"".join(run)})
    return best


def _caseless_safe(ch: str, flags: int) -> bool:
    """Under IGNORECASE only ASCII letters and uncased characters are compared reliably by a literal
    pattern with the same flags; anything else ends a literal run."""
    return not flags & re.IGNORECASE or ch.isascii() or ch.lower() == ch.upper()
