"""Uploads and downloads of the interchange format as single files: a zip of CSVs or an .xlsx.

An uploaded zip is untrusted: it may be a zip bomb or name members like `../../x`. Only `.csv`
members at the top level or inside one folder are extracted, under plain file names, and the
number of members and their total size are capped; Python's zipfile never inflates a member
beyond its declared size, so summing the declared sizes bounds the work. An .xlsx is a zip too,
so the same caps are checked before openpyxl opens it.
"""
from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import duckdb

from inventory import export, sources
from inventory.errors import CellError, ValidationFailed
from inventory.validation import RawTable

MAX_MEMBERS = 64           # the format has 13 tables; a workbook has a few dozen parts
MAX_XLSX_PARTS = 2_000
MAX_TOTAL_BYTES = 512 * 1024 * 1024
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.csv$", re.IGNORECASE)


def _refuse(label: str, message: str) -> ValidationFailed:
    return ValidationFailed([CellError(label, None, None, None, message)])


def _open_zip(data: bytes, label: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _refuse(label, "not a readable zip file / zip ファイルとして読めません") from exc


def _check_size(infos: list[zipfile.ZipInfo], label: str) -> None:
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise _refuse(label, f"more than {MAX_TOTAL_BYTES // 2**20} MB uncompressed / 展開後のサイズが上限"
                             f"（{MAX_TOTAL_BYTES // 2**20} MB）を超えています")


def csv_members(archive: zipfile.ZipFile, label: str) -> list[zipfile.ZipInfo]:
    """The .csv members to extract, after refusing anything unsafe or ambiguous."""
    wanted, folders = [], set()
    for info in archive.infolist():
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or path.suffix.lower() != ".csv" or path.parts[0] == "__MACOSX" or path.name.startswith("."):
            continue
        if path.is_absolute() or ".." in path.parts or len(path.parts) > 2 or not _SAFE_NAME.match(path.name):
            raise _refuse(label, f"unsafe or nested member name {info.filename!r}: put the CSV files at the top level or in "
                                 f"one folder / 安全でないか深い階層のファイル名です（CSVは最上位か1つのフォルダに置いてください）")
        if info.flag_bits & 0x1:
            raise _refuse(label, f"{info.filename}: encrypted members are not supported / 暗号化されたファイルは読めません")
        folders.add(path.parent)
        wanted.append(info)
    if len(folders) > 1:
        raise _refuse(label, "CSV files are spread over several folders / CSVが複数のフォルダに分かれています")
    if len(wanted) > MAX_MEMBERS:
        raise _refuse(label, f"more than {MAX_MEMBERS} CSV files / CSVファイルが多すぎます（上限 {MAX_MEMBERS}）")
    names = [PurePosixPath(i.filename.replace("\\", "/")).name.lower() for i in wanted]
    if len(set(names)) != len(names):
        raise _refuse(label, "two CSV files with the same name / 同名のCSVファイルがあります")
    _check_size(wanted, label)
    return wanted


def extract_csvs(data: bytes, dest: Path, label: str = "upload.zip") -> Path:
    """Write the CSV members of a zip into `dest` (created) under their plain names."""
    dest.mkdir(parents=True, exist_ok=True)
    with _open_zip(data, label) as archive:
        for info in csv_members(archive, label):
            target = dest / PurePosixPath(info.filename.replace("\\", "/")).name
            with archive.open(info) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
    return dest


def check_xlsx(data: bytes, label: str) -> None:
    """Refuse a workbook whose parts would inflate beyond the caps before openpyxl reads it."""
    with _open_zip(data, label) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_XLSX_PARTS:
            raise _refuse(label, "workbook has too many parts / ブックの構成要素が多すぎます")
        _check_size(infos, label)


def read_upload(name: str, data: bytes) -> dict[str, RawTable]:
    """Raw tables from an uploaded .xlsx or .zip of CSVs (errors name the uploaded file)."""
    label = Path(name).name or "upload"
    with tempfile.TemporaryDirectory(prefix="inventory-upload-") as tmp:
        if label.lower().endswith(".zip"):
            return sources.read_folder(extract_csvs(data, Path(tmp) / "csv", label))
        if label.lower().endswith(".xlsx"):
            check_xlsx(data, label)
            safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", label)
            path = Path(tmp) / safe
            path.write_bytes(data)
            return sources.read_xlsx(path)
    raise _refuse(label, "expected an .xlsx workbook or a .zip of CSV files / .xlsx か CSVの .zip を指定してください")


def csv_zip(conn: duckdb.DuckDBPyConnection) -> bytes:
    """The inventory as a zip of CSV files (UTF-8 with BOM), one per table, at the top level."""
    with tempfile.TemporaryDirectory(prefix="inventory-export-") as tmp:
        paths = export.write_csv_folder(conn, Path(tmp))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, path.name)
    return buffer.getvalue()


def xlsx(conn: duckdb.DuckDBPyConnection) -> bytes:
    """The inventory as one .xlsx workbook, one sheet per table."""
    with tempfile.TemporaryDirectory(prefix="inventory-export-") as tmp:
        return export.write_xlsx(conn, Path(tmp) / "inventory.xlsx").read_bytes()
