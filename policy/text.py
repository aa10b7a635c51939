"""Getting plain text out of a policy file: decoding, and safe HTML-to-text.

Offsets in the scan's evidence refer to the text this module returns, so it must be the single
place that decides what "the text" is: for txt and md the decoded input itself, for html the
visible text in reading order. HTML is parsed with the standard library's tokenizer only: nothing is
fetched, no script runs, and script/style content is dropped rather than shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

KINDS = ("txt", "md", "html")
SUFFIX_KIND = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
               ".xhtml": "html"}


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else CP932 (Shift_JIS as Windows writes it)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def kind_of(path: str | Path) -> str:
    """txt, md or html from the file suffix (unknown suffixes read as txt)."""
    return SUFFIX_KIND.get(Path(path).suffix.lower(), "txt")


@dataclass
class Extracted:
    """The text offsets refer to, and the starts of lines the markup declared headings."""

    text: str
    headings: set[int] = field(default_factory=set)


_BLOCK = {"p", "div", "section", "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre",
          "form", "fieldset", "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "dd", "figure",
          "figcaption", "address", "hr", "title", "caption", "details", "summary", "body", "html"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head"}
_VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col", "embed", "param",
         "track"}
_SPACE = re.compile(r"[ \r\n\f\u00a0]+")  # not \t: it separates table cells


class _TextParser(HTMLParser):
    """Collects visible text as lines; li gets a bullet or number so lists stay lists in plain text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, bool]] = []  # (text, is_heading)
        self.buf: list[str] = []
        self.skip = 0
        self.pre = 0
        self.heading = 0
        self.lists: list[list] = []  # stack of [tag, counter]
        self.in_title = False
        self.cells = 0
        self.header_row = False

    def flush(self, blank: bool = True):
        text = "".join(self.buf)
        self.buf = []
        if not self.pre:
            text = _SPACE.sub(" ", text).strip()
        if text.strip():
            for part in text.split("\n") if self.pre else [text]:
                if part.strip():
                    self.lines.append((part.rstrip(), bool(self.heading)))
        elif blank and self.lines and self.lines[-1][0] != "":
            self.lines.append(("", False))

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP and tag != "head":
            self.skip += 1
            return
        if tag == "head":
            return  # head's title is kept; its scripts and styles are skipped by their own tags
        if self.skip:
            return
        if tag == "title":
            self.flush()
            self.in_title = True
        if tag in _HEADINGS:
            self.flush()
            self.heading += 1
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self.flush(blank=False)
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self.buf.append(f"{self.lists[-1][1]}. ")
            else:
                self.buf.append("• ")
        elif tag == "tr":
            self.flush(blank=False)
            self.cells = 0
            self.header_row = True
        elif tag in ("td", "th"):
            if tag == "td":
                self.header_row = False
            if self.cells:
                self.buf.append("\t")
            self.cells += 1
        elif tag == "br":
            self.flush(blank=False)
        elif tag in _BLOCK:
            self.flush()
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = max(0, self.heading - 1)
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "tr":
            # a row of <th> only is a table heading ("Purpose | Information used")
            self.heading += self.header_row
            self.flush(blank=False)
            self.heading -= self.header_row
            self.header_row = False
        elif tag in ("li", "dt", "dd"):
            self.flush(blank=False)
        elif tag in _BLOCK:
            self.flush()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data if self.pre else data.replace("\t", " "))


def html_to_text(source: str) -> Extracted:
    """Visible text of an HTML document, one block per line, blank line between blocks."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    parser.flush()
    out: list[str] = []
    headings: set[int] = set()
    pos = 0
    previous_blank = True
    for text, is_heading in parser.lines:
        if text == "":
            if not previous_blank:
                out.append("\n")
                pos += 1
            previous_blank = True
            continue
        if is_heading:
            headings.add(pos)
        out.append(text + "\n")
        pos += len(text) + 1
        previous_blank = False
    return Extracted("".join(out), headings)


def extract(source: str, kind: str = "txt") -> Extracted:
    """The plain text a scan of `source` reads (and its offsets refer to)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if kind == "html":
        return html_to_text(source)
    return Extracted(source)
