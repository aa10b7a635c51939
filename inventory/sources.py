"""Reading an interchange source (a folder of CSVs or an .xlsx) into raw text tables.

Nothing is interpreted here beyond decoding: every cell stays a string so that validation can
report the value exactly as the officer typed it, with the row number their editor shows.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from inventory.errors import CellError, ValidationFailed
from inventory.tables import BY_NAME
from inventory.validation import RawTable

ENCODINGS = ("utf-8-sig", "cp932")
# Let the csv module read long cells so that validation can name them (row, column) instead of
# the parser failing on the whole file; the models refuse cells over models.MAX_CELL.
csv.field_size_limit(256 * 1024 * 1024)


def decode(data: bytes, label: str) -> str:
    """UTF-8 (with or without BOM) first, then CP932 as Japanese Excel writes it.

    CP932 decodes almost any byte soup, so binary and UTF-16 files are refused first by
    their NUL bytes, which no CSV text in either encoding contains.
    """
    if b"\x00" in data:
        kind = "UTF-16 text" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "binary data"
        raise ValidationFailed([CellError(label, None, None, None,
                                          f"{kind} (NUL bytes), not CSV text: save it as CSV UTF-8 "
                                          f"/ CSV テキストではありません（NUL バイトを含む）。CSV UTF-8 で保存してください")])
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationFailed([CellError(label, None, None, None,
                                      "not UTF-8 or CP932 (Shift_JIS) text / UTF-8 でも CP932 でもありません")])


def parse_csv(text: str, label: str) -> pd.DataFrame:
    """A text frame indexed by CSV record number (header = 1); blank records are dropped.

    The csv module, not pandas, splits the records: pandas silently drops the extra field of
    a first ragged row (an unquoted `1,200`), and we must name that row instead. A regular
    file is split by pyarrow's parser first, about ten times faster; see `_split_fast`.
    """
    fast = _split_fast(text)
    if fast is not None:
        return fast
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ValidationFailed([CellError(label, None, None, None, f"malformed CSV: {exc} / CSVの形式が不正です")]) from exc
    return frame_from_records(records, label)


# A quoted field (opened where a field starts) that is never closed, or whose closing quote is
# followed by anything but a separator: the strict parser refuses both, pyarrow's would quietly
# take the rest of the file as one cell or join the two parts. It opens with the quote itself so
# that the search skips ahead to quotes: a file of 100k rows takes milliseconds.
_BAD_QUOTE = re.compile(r'"(?:(?<=[,\r\n]")|(?<=^"))(?:[^"]|"")*(?:"(?![,\r\n"]|\Z)|\Z)')


def _split_fast(text: str) -> pd.DataFrame | None:
    """The frame `frame_from_records` would build, or None when the strict path must decide.

    pyarrow agrees with the strict csv reader on every file it accepts here: any ragged row,
    unclosed quote or text after a closing quote makes it (or `_BAD_QUOTE`) step aside, and
    the strict path then reports the row. Blank records come out as rows of empty cells, so
    row numbers stay CSV record numbers.
    """
    if _BAD_QUOTE.search(text):
        return None
    try:
        header = next(csv.reader(io.StringIO(text, newline=""), strict=True))
    except (csv.Error, StopIteration):
        return None
    names = [h.strip() for h in header]
    if not any(names) or len(set(names)) != len(names):
        return None
    columns = [f"c{i}" for i in range(len(names))]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=columns, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(columns, pa.string()),
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowException:
        return None
    frame = table.to_pandas()
    frame.columns = names
    frame.index = pd.RangeIndex(2, len(frame) + 2).astype("int64")
    blank = frame.apply(lambda col: col.str.strip() == "").all(axis=1) if len(frame) else pd.Series(dtype=bool)
    return frame[~blank] if blank.any() else frame


def frame_from_records(records: list[list[str]], label: str) -> pd.DataFrame:
    """Records (header first) as a text frame indexed by record number; ragged rows refused."""
    if not records or not any(cell.strip() for cell in records[0]):
        raise ValidationFailed([CellError(label, 1, None, None, "empty file: no header row / 空のファイルです（見出し行がありません）")])
    names = [h.strip() for h in records[0]]
    errors = [CellError(label, 1, n, n, "column appears twice / 列が重複しています")
              for n in sorted({n for n in names if names.count(n) > 1})]
    body, index, width = [], [], len(names)
    for number, record in enumerate(records[1:], start=2):
        if not "".join(record).strip():  # blank record (a cell of only spaces is blank too)
            continue
        if len(record) != width:
            if len(record) > width:
                errors.append(CellError(label, number, None, ",".join(record[width:]),
                                        f"{len(record)} fields but the header has {width} (an unquoted comma?) "
                                        f"/ 見出しより列が多い行です（カンマを含む値は引用符で囲んでください）"))
                continue
            record = record + [""] * (width - len(record))
        body.append(record)
        index.append(number)
    if errors:
        raise ValidationFailed(errors)
    return pd.DataFrame(body, columns=names, index=pd.Index(index, dtype="int64"), dtype=str)


def read_folder(folder: Path) -> dict[str, RawTable]:
    raw, errors = {}, []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() != ".csv" or not path.is_file():
            continue
        if path.stem not in BY_NAME:
            errors.append(CellError(path.name, None, None, None, "not a table of the interchange format / 台帳の表名ではありません"))
            continue
        try:
            raw[path.stem] = RawTable(path.name, parse_csv(decode(path.read_bytes(), path.name), path.name))
        except ValidationFailed as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    return raw


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> dict[str, RawTable]:
    from openpyxl import load_workbook  # heavy; only needed for workbooks

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or non-xlsx file
        raise ValidationFailed([CellError(path.name, None, None, None, f"cannot read workbook: {exc} / ブックを読めません")]) from exc
    raw, errors = {}, []
    try:
        for sheet in book.worksheets:
            label = f"{path.name}[{sheet.title}]"
            if sheet.title not in BY_NAME:
                errors.append(CellError(label, None, None, None, "not a table of the interchange format / 台帳の表名ではありません"))
                continue
            rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            # Sheets often carry formatted but empty cells right of the table: trim those columns.
            width = max((i + 1 for r in rows for i, v in enumerate(r) if v.strip()), default=0)
            try:
                raw[sheet.title] = RawTable(label, frame_from_records([r[:width] for r in rows], label))
            except ValidationFailed as exc:
                errors.extend(exc.errors)
    finally:
        book.close()
    if errors:
        raise ValidationFailed(errors)
    return raw


def read_source(source: str | Path) -> dict[str, RawTable]:
    """Raw tables from a folder of CSVs or an .xlsx workbook."""
    source = Path(source)
    if source.is_dir():
        return read_folder(source)
    if source.suffix.lower() == ".xlsx" and source.is_file():
        return read_xlsx(source)
    raise ValidationFailed([CellError(str(source), None, None, None,
                                      "expected a folder of CSV files or an .xlsx file / CSVのフォルダか .xlsx を指定してください")])
