"""User data inside Markdown: every element that renders Markdown (st.markdown, st.caption,
st.header, st.info/success/warning/error, widget labels, progress text) would render a name
like `![x](http://…)` as an image, `<b>` as HTML, `:red[…]` as colour, a URL as a link. `md()` makes a value
literal there; tables (st.dataframe) and st.text show data literally already.

Checked in Chromium against st.text (tests/app/test_browser.py renders hostile names)."""
from __future__ import annotations

import re

# Inline syntax, escaped anywhere: emphasis, code, links and images, HTML and entities,
# strikethrough, math, table cells, and Streamlit's :colour[…] / :material/…: / :emoji: forms.
_INLINE = re.compile(r"([\\`*_\[\]<>&~$:|])")
# Block syntax, only where a line starts: headings, lists, quotes, rules and setext underlines.
_LEADING = re.compile(r"^([#+\-=>])")
_NUMBERED = re.compile(r"^(\d+)([.)])")
# Streamlit turns `:material/name:` into an icon after Markdown is parsed, escapes or not; an
# invisible word joiner after the colon keeps the characters as they are.
_ICON = re.compile(r"(?<=\\:)(?=material/)", re.IGNORECASE)
# GFM turns http://…, www.… and name@host.tld in plain text into links; the same joiner keeps
# them text (the characters shown stay the same; no link to wherever a name points).
_AUTOLINK = re.compile(r"(?<=\\:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)


def md(value) -> str:
    """`value` as Markdown source that shows exactly its text (line breaks become spaces)."""
    text = " ".join(("" if value is None else str(value)).split("\n")).strip()
    text = _AUTOLINK.sub("\u2060", _ICON.sub("\u2060", _INLINE.sub(r"\\\1", text)))
    return _NUMBERED.sub(r"\1\\\2", _LEADING.sub(r"\\\1", text))
