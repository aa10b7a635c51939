"""The fast CSV split must read every file exactly as the strict csv reader does, or step aside."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from inventory import sources
from inventory.errors import ValidationFailed

REGULAR = [
    "a,b\n1,2\n3,4\n",
    'a,b\n"x, y",2\n"he said ""hi""",4\n',
    'a,b\n"line one\nline two",2\n',
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\n1,2\r3,4\n",
    "a,b\n1,2",
    "a,b\n1,2\n\n3,4\n",          # a blank line is a record that is dropped
    "a,b\n1,2\n , \n3,4\n",       # so is a record of spaces
    "a\n\n1\n",
    " a , b \n x ,2\n",
    'a,b\nx"y,2\n',               # a quote inside an unquoted field is kept
    'a,b\n"",""\n5,6\n',
    "名前,メモ\n山田,「委託」、年1回\n",
    "a,b\n",                      # a header and no rows
]
STRICT_ONLY = [
    'a,b\n"x"y,2\n',              # text after a closing quote: the strict reader refuses it
    'a,b\n"1" ,2\n',
    'a,b\n"x"""y,2\n',
    'a,b\n"x,2\n',                # unclosed quote
    'a,b\n1,"never closed\n',     # … in the last cell
    'a,b\nx"y,"open\n',
    "a,b\n1,2,3\n",               # ragged: an unquoted comma
    "a,b\n1\n",                   # short row: padded by the strict path
    "a,a\n1,2\n",                 # duplicate header
    "",
]


def strict(text: str) -> pd.DataFrame:
    return sources.frame_from_records(list(csv.reader(io.StringIO(text, newline=""), strict=True)), "t.csv")


def outcome(read, text: str):
    try:
        return read(text)
    except (ValidationFailed, csv.Error) as exc:
        return repr(exc)


@pytest.mark.parametrize("text", REGULAR)
def test_regular_files_are_split_fast_and_read_as_the_strict_reader_reads_them(text):
    fast = sources._split_fast(text)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, strict(text))
    pd.testing.assert_frame_equal(sources.parse_csv(text, "t.csv"), strict(text))


@pytest.mark.parametrize("text", STRICT_ONLY)
def test_irregular_files_are_left_to_the_strict_reader(text):
    assert sources._split_fast(text) is None
    got, want = outcome(lambda t: sources.parse_csv(t, "t.csv"), text), outcome(strict, text)
    if isinstance(want, pd.DataFrame):
        pd.testing.assert_frame_equal(got, want)
    else:
        assert isinstance(got, str) and ("malformed CSV" in got or got == want)
