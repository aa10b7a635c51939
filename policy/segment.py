"""Cutting a policy into lines, headings, list items and sentences, keeping every offset.

Policies say most things in lists introduced by a lead-in ("for the following purposes:",
"except in the following cases:", "we do not collect the following:"). What a list item means
depends on that lead-in, so this module records, for each sentence, the flags its lead-in gives it
(purpose item, exception item, negated collection, definition) and the heading of its section.
Structure is read from the text itself (bullets, numbering, Article N, 第N条, short topic lines),
from `#` in markdown, and from h1–h6/dt in html (passed in as heading offsets).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy.lexicon import Lexicon

_MARKERS = [
    ("md", r"#{1,6}\s+"),
    ("article_ja", r"第[0-9０-９一二三四五六七八九十百]+条\s*"),
    ("article", r"(?:Article|Art\.|Section|Chapter)\s*\d+[.:]?\s*"),
    ("paren_num", r"[（(]\s*[0-9０-９]{1,3}\s*[)）]\s*"),
    ("circled", r"[\u2460-\u2473\u3251-\u325f]\s*"),
    ("num", r"[0-9０-９]{1,3}(?:[.．-][0-9０-９]{1,3})*\s*[.．)）、]\s*"),
    ("num", r"[0-9]{1,3}-[0-9]{1,3}\s+"),
    ("alpha", r"[A-Za-z][.)]\s+"),
    ("paren_alpha", r"[（(][A-Za-zａ-ｚア-ンｱ-ﾝ][)）]\s*"),
    ("kana", r"[ア-ン][.．、]\s*"),
    ("bullet", r"[•・●○◦▪■□◆◇▶►✓✔※]\s*"),
    ("dash", r"[-*+–—]\s+"),
    ("note", r"\*(?=\S)"),
    ("num_space", r"[0-9]{1,2}\s+(?=[A-Z\u3040-\u30ff\u4e00-\u9fff])"),
    ("table", r"\|\s*"),
]
_MARKER_RES = [(kind, re.compile(pat)) for kind, pat in _MARKERS]
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_ABBREV = {"e.g", "i.e", "mr", "mrs", "ms", "dr", "no", "co", "ltd", "inc", "corp", "k.k", "art", "para", "p", "pp",
           "vs", "cf", "approx", "u.s", "st", "fig", "jr", "sr", "nos", "incl", "dept", "est", "vol", "s.a", "b.v",
           "l.l.c", "u.k", "a.m", "p.m", "pte", "pty", "llc", "gmbh"}
_SENT_JA = re.compile(r"[。！？]+[」』）)]*")
_SENT_EN = re.compile(r"[.!?]+[\"”’)]*(?=\s+[^\sa-z,;])|(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_BOLD_LINE = re.compile(r"(?:\*\*|__)(\S.{0,150}?)(?:\*\*|__)[:：]?")
_TABLE_RULE = re.compile(r"\|?[\s:|-]*-[\s:|-]*\|?")
# an answer of a Q&A ("A. Yes. We entrust the following work to …:") is prose, whatever its words
_NOT_HEADING_START = re.compile(
    r"(to|for|in order|when|where|if|we|our|you|your|his|her|their|any|the company|this|these|it|as)\b"
    r"|(yes|no)[.,!]\s", re.I)
_JA_ITEM_END = re.compile(r"(ため|こと|場合|とき|等|情報|など|もの)[。．]?$")
# a section of definitions ("Article 1 (Definitions)", 「第1条（定義）」) explains words; it declares nothing
_DEFINITIONS = re.compile(r"^\W*(\w+\s*\d*\W*)?(definitions?|terms and definitions|定義|用語の定義)\W*$", re.I)
# a line that ends in a predicate is a sentence without its 。 (「…周知を行っています」), not a title
_JA_PREDICATE_END = re.compile(r"(ます|ました|ません|です|でした|ている|である)$")
# a sentence ends here (a wrapped table cell or a title line does not)
SENTENCE_END = re.compile(r"[。.．!?！？]\W*$")
_LINE_STOPS = re.compile(r"[。.．!?！？:：;；]\W*$")
_WRAPPED = re.compile(r"[a-z]")
_FINAL_PUNCT = re.compile(r"[.。;；,、]$")
_ENUMERATES = re.compile(r"such as|including|e\.g\.|、[^、]*、|等の|などの", re.I)
# A question ("Do you keep my card number?", 「外国で情報が扱われることはありますか。」, "Q3. …") asks about a
# practice; the answer after it is what declares one, so a question sentence declares nothing.
_QUESTION = re.compile(r"[?？][\s*_」』）)]*$|(ます|です|でしょう|ません|の)か[。\s*_]*$|^\W*Q\s*\d*\s*[.．:：)）]", re.I)


@dataclass
class Line:
    idx: int
    start: int
    end: int
    body: int  # offset after list markers
    marker: str | None = None
    number: int | None = None
    heading: bool = False
    hard: bool = False  # declared by markup or Article/第N条, not guessed from its words
    table_header: bool = False  # column names of a markdown table, not content

    @property
    def blank(self) -> bool:
        return self.start >= self.end


@dataclass
class Segment:
    """One sentence (or a whole heading line): the unit every finding is read from."""

    start: int
    end: int
    text: str
    line: int
    heading: bool = False
    flags: set[str] = field(default_factory=set)
    section: str = ""  # text of the heading this sentence sits under
    parents: str = ""  # texts of the headings above that one (「第4条（外国にある第三者への提供）」 over 「2. 当該事業者が講ずる措置」)


def _markers(text: str, pos: int, end: int) -> tuple[int, str | None, int | None]:
    """Strip up to two list markers from text[pos:end]; return body offset, first kind, number."""
    kind = number = None
    for _ in range(2):
        for k, rx in _MARKER_RES:
            m = rx.match(text, pos, end)
            if m and m.end() < end:
                if kind is None:
                    kind = k
                    digits = re.search(r"[0-9０-９]+", m.group())
                    number = int(digits.group().translate(_DIGITS)) if digits and k in (
                        "num", "paren_num", "article", "article_ja", "num_space") else None
                pos = m.end()
                break
        else:
            break
    return pos, kind, number


def lines_of(text: str, html_headings: set[int] | None = None) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        line_end = pos + len(raw)
        s, e = pos, line_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        line = Line(i, s, e, s)
        bold = _BOLD_LINE.fullmatch(text, s, e)
        if bold:  # **A bold line** reads as a heading in markdown and in plain text alike
            s, e = bold.start(1), bold.end(1)
            line.start, line.end = s, e
        if s < e and not _TABLE_RULE.fullmatch(text, s, e):
            line.body, line.marker, line.number = _markers(text, s, e)
            line.heading = bool(html_headings and pos in html_headings) or line.marker == "md" or bool(bold)
        elif s < e:
            line.start = line.end = line.body = e  # a markdown table rule: treat as blank
            previous = next((x for x in reversed(out) if not x.blank), None)
            if previous is not None and previous.marker == "table":
                previous.table_header = True
        out.append(line)
        pos = line_end + 1
    _join_wrapped(text, out)
    return out


def _join_wrapped(text: str, lines: list[Line]) -> None:
    """A paragraph hard-wrapped in the source ("… and GitHub, Inc. process\ninformation on servers there.") is
    one line: a line that stops mid-sentence takes in the next when that one starts in lower case with no
    list marker. The line taken in is left blank, so line numbers stay as they are."""
    open_line: Line | None = None
    for line in lines:
        if line.blank:
            open_line = None
            continue
        if open_line is not None and line.marker is None and not line.heading and _WRAPPED.match(text, line.body) \
                and not _LINE_STOPS.search(text, open_line.body, open_line.end):
            open_line.end = line.end
            line.start = line.body = line.end
            continue
        open_line = None if line.heading or line.marker == "table" else line


def _looks_like_heading(text: str, line: Line, lex: Lexicon) -> bool:
    body = text[line.body:line.end]
    if line.marker in ("article", "article_ja") and len(body) <= 120:
        return True
    if body.startswith(("【", "[", "■", "◆", "〔")) and len(body) <= 60 and not _FINAL_PUNCT.search(body):
        return True
    if line.marker == "table" or not body:
        return False
    if not _short_title(text, line):
        return False
    if _JA.search(body[:20]) and (_JA_ITEM_END.search(body) or _JA_PREDICATE_END.search(body)):
        return False
    return bool(lex.topics.search(body))


def _number_siblings(text: str, lines: list[Line]) -> None:
    """Numbered section titles share one numbering: when "2. 利用目的" and "4. 業務の委託" are headings by
    their words, "3. 保有期間" between them is a heading too, though its words name no topic. A list item
    "3." after item "2." is not: the title's nearest numbered neighbour must be the heading itself, with
    text between them."""
    filled = [line for line in lines if not line.blank]
    changed = True
    while changed:
        changed = False
        for k, line in enumerate(filled):
            if line.heading or line.number is None or line.marker != "num" or not _short_title(text, line):
                continue
            before = next((x for x in reversed(filled[:k]) if x.marker == line.marker), None)
            after = next((x for x in filled[k + 1:] if x.marker == line.marker), None)
            if (before is not None and before.heading and before.number == line.number - 1
                    and filled[k - 1] is not before) or \
                    (after is not None and after.heading and after.number == line.number + 1
                     and filled[k + 1] is not after):
                line.heading = changed = True


def _short_title(text: str, line: Line) -> bool:
    body = text[line.body:line.end]
    ja = bool(_JA.search(body[:20]))
    return 0 < len(body) <= (40 if ja else 90) and not _FINAL_PUNCT.search(body) and not _ENUMERATES.search(body) \
        and (ja or not (body[0].islower() or _NOT_HEADING_START.match(body)))


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    """Is pos inside （...） or 「...」? A 。 there ends a quoted sentence, not ours."""
    chunk = text[start:pos]
    return chunk.count("（") > chunk.count("）") or chunk.count("「") > chunk.count("」") \
        or chunk.count("(") > chunk.count(")")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = []
    for m in _SENT_JA.finditer(text, start, end):
        if not _inside_brackets(text, start, m.start()):
            cuts.append(m.end())
    for m in _SENT_EN.finditer(text, start, end):
        if m.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[max(start, m.start() - 12):m.start()])
            token = word.group(1).rstrip(".") if word else ""
            if token.lower() in _ABBREV or (len(token) == 1 and token.isupper()):
                continue  # "Co., Ltd.", "e.g.", an initial or "Q."
        cuts.append(m.end())
    spans, s = [], start
    for c in sorted(set(cuts)):
        if c > s:
            spans.append((s, c))
            s = c
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and (text[a].isspace() or text[a] in "-–—"):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _is_lead_in(text: str, lex: Lexicon) -> bool:
    return bool(lex.lead_in.search(text))


def list_after(text: str, lines: list[Line], i: int, lex: Lexicon) -> list[int]:
    """Indices of the list items that follow line i (a lead-in or a heading).

    A list is a run of lines with the same kind of marker (numbers must count up), or of short
    unmarked lines; a hard heading, a change of marker or a paragraph ends it. A line that only
    looked like a heading because of its words (a soft heading) may still be an item.
    """
    items: list[int] = []
    kind = None
    last_number = None
    preamble = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.blank:
            continue
        if line.heading and (line.hard or line.marker is None or (kind is not None and line.marker != kind)):
            break
        body = text[line.body:line.end]
        if kind is None:
            if _is_lead_in(body, lex) and preamble < 2 and (line.marker is None or len(body) < 200):
                preamble += 1
                continue
            if line.marker is None:
                if len(body) <= 100 and not _FINAL_PUNCT.search(body[-1:]) or "\t" in body:
                    kind = "plain"
                    items.append(j)
                    continue
                break
            kind = line.marker
            last_number = line.number
            items.append(j)
            continue
        if kind == "plain":
            if line.marker is None and (len(body) <= 100 or "\t" in body):
                items.append(j)
                continue
            break
        if line.marker != kind:
            break
        if last_number is not None and line.number is not None and line.number != last_number + 1:
            break
        last_number = line.number
        items.append(j)
    return items


def _spans(text: str, line: Line) -> list[tuple[int, int]]:
    return [(line.body, line.end)] if line.heading else _sentences(text, line.body, line.end)


def _heading_style(text: str, line: Line) -> tuple:
    """How a heading is drawn (its marker, an opening bracket): siblings share a style."""
    return line.marker, text[line.body] if text[line.body] in "【■◆[" else ""


def segments_of(text: str, lex: Lexicon, html_headings: set[int] | None = None) -> tuple[list[Line], list[Segment]]:
    lines = lines_of(text, html_headings)
    for line in lines:
        if not line.blank and not line.heading and _looks_like_heading(text, line, lex):
            line.heading = True
        if line.heading and (line.marker in ("md", "article", "article_ja") or (html_headings and line.start in html_headings)
                             or text.startswith(("【", "■", "◆"), line.body)):
            line.hard = True
    _number_siblings(text, lines)
    # a bullet item among short sibling items is a list item, whatever its words
    filled = [line for line in lines if not line.blank]
    demote = []
    for k, line in enumerate(filled):
        if not line.heading or line.hard or line.marker not in ("bullet", "dash"):
            continue
        for other in filled[max(0, k - 1):k] + filled[k + 1:k + 2]:
            if other.marker == line.marker and other.end - other.body <= 90:
                demote.append(line)
    for line in demote:
        line.heading = False

    # lead-ins pass their meaning to the items of the list they open
    line_flags: dict[int, set[str]] = {}
    # a purpose heading directly followed by sub-headings (利用目的 / 【当院での利用】 / 【他の事業者等への情報
    #提供を伴う利用】 …): the sub-headings of that style open purpose lists too, until another style of heading
    sub_style = None
    filled_at = {line.idx: k for k, line in enumerate(filled)}
    for line in lines:
        if line.blank:
            continue
        texts = [text[a:b] for a, b in _spans(text, line)]
        flags = set()
        if line.heading:
            style = _heading_style(text, line)
            if sub_style is not None and style != sub_style:
                sub_style = None
            if lex.purpose_anchor.search(texts[0]) or (
                    lex.purpose_heading.search(texts[0]) and not lex.purpose_heading_not.search(texts[0])) \
                    or sub_style is not None:
                flags.add("purpose")
                k = filled_at[line.idx] + 1
                if sub_style is None and k < len(filled) and filled[k].heading \
                        and _heading_style(text, filled[k]) != style:
                    sub_style = _heading_style(text, filled[k])
        else:
            lead = " ".join(t for t in texts if _is_lead_in(t, lex))
            if lead:
                if lex.definition.search(lead):
                    flags.add("definition")
                if lex.negated_collect.search(lead) or lex.negated_collect_ja.search(lead):
                    flags.add("neg_collect")
                if lex.rights_context.search(lead) and lex.rights_lead_in.search(lead):
                    flags.add("request")  # "You may request us to: (1) disclose … (2) correct …"
                exception, anchor = lex.exception.search(lead), lex.purpose_anchor.search(lead)
                # "for the following purposes, except where you consent …": the exception is a side remark
                if exception and not (anchor and anchor.start() < exception.start()):
                    flags.add("exception")
                elif anchor:
                    flags.add("purpose")
        if not flags:
            continue
        for j in list_after(text, lines, line.idx, lex):
            line_flags.setdefault(j, set()).update(flags)
            if not lines[j].hard:
                lines[j].heading = False

    segments: list[Segment] = []
    section = ""
    # headings drawn in another style than the one above them are its sub-headings (第N条 over "1.", "2.")
    stack: list[tuple[tuple, str]] = []
    for line in lines:
        if line.blank:
            continue
        if line.heading:
            section = text[line.body:line.end]
            style = _heading_style(text, line)
            for k, (above, _) in enumerate(stack):
                if above == style:
                    del stack[k:]
                    break
            stack.append((style, section))
        parents = " / ".join(t for _, t in stack[:-1])
        defining = any(_DEFINITIONS.search(t) for _, t in stack)
        for a, b in _spans(text, line):
            flags = set(line_flags.get(line.idx, ()))
            if defining and not line.heading:
                flags.add("definition")
            if line.table_header:
                flags.add("table_header")
            if _QUESTION.search(text[a:b]):
                flags.add("question")
            # a sentence of a hard-wrapped paragraph reads as one line (same length: offsets stay valid)
            segments.append(Segment(a, b, text[a:b].replace("\n", " "), line.idx, line.heading, flags, section, parents))
    return lines, segments
