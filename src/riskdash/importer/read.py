"""Reading import files into an all-text staging table: CSV (UTF-8, UTF-8 with BOM, GBK / GB18030, detected
and decoded in Python — DuckDB's encodings extension is not available offline) and .xlsx (formulas read as
their text, never evaluated; date cells as ISO dates).

Rows are numbered as a spreadsheet numbers them: the header is row 1, the first record row 2. Rows are
streamed in chunks into DuckDB, so a million-row file never sits in Python memory at once.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator

import duckdb

from riskdash.importer.aliases import normalise
from riskdash.importer.spec import TEXT_MAX, Kind

CHUNK_ROWS = 100_000
# Bounds checked before a value is held in memory, so that a hostile or broken file is refused at a small,
# fixed cost (a 297 KB .xlsx holding a 300 MB cell took 2.2 GB before it was refused):
MAX_ROWS = 5_000_000  # record rows in one file
FIELD_MAX = 1 << 20  # characters in one CSV field (a value past spec.TEXT_MAX is reported by its row)
LINE_MAX = 16 * FIELD_MAX  # characters in one line of a CSV file
XLSX_EXPANDED_MAX = 1 << 30  # bytes of all the members of an .xlsx once unpacked
XLSX_RATIO_MAX = 100  # unpacked / packed bytes of a member over 1 MB (spreadsheets: 3-25)
# bytes between two tags of the XML: a cell's text, at most 10 bytes a character (&#1114111;)
XLSX_RUN_MAX = 10 * TEXT_MAX
BROKEN_LISTED = 10_000  # broken records listed (core.MAX_PROBLEMS); all are counted
FAST_CSV_MAX_BYTES = 256 << 20  # larger CSV files are streamed through the csv module, never held whole
csv.field_size_limit(FIELD_MAX)
ENCODINGS = ("utf-8", "gb18030")  # GB18030 is a superset of GBK and GB2312


class ReadFailed(Exception):
    """The file cannot be read as a table at all (one problem, no row to point at, or a broken row)."""

    def __init__(self, code: str, row: int | None = None, **values):
        super().__init__(code)
        self.code = code
        self.row = row
        self.values = values


@dataclass
class Staged:
    columns: list[str]  # canonical column names present in the file, in the file's order
    ignored: list[str]  # headers that matched no column
    rows: int  # record rows (blank rows skipped)
    encoding: str | None
    # (row, code, values) of records that could not be split into the header's columns (the first
    # BROKEN_LISTED of broken_total)
    broken: list[tuple[int, str, dict]]
    broken_total: int = 0


# ---------------------------------------------------------------------------------------------- encodings


def detect_encoding(path: Path) -> str:
    """'utf-8-sig', 'utf-8' or 'gb18030', by decoding the whole file strictly (a late GBK byte counts)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04"):
        raise ReadFailed("xlsx_as_csv")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadFailed("encoding_utf16")
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            with path.open("rb") as fh:
                while block := fh.read(1 << 20):
                    if b"\x00" in block:
                        raise ReadFailed("encoding_binary")
                    decoder.decode(block)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" and head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return encoding
    raise ReadFailed("encoding_unknown")


# ---------------------------------------------------------------------------------------------- records


class _LineTooLong(Exception):
    pass


def _bounded_lines(fh) -> Iterator[str]:
    """The file's lines, none held longer than LINE_MAX characters (the csv module reads whole lines)."""
    while line := fh.readline(LINE_MAX + 1):
        if len(line) > LINE_MAX:
            raise _LineTooLong
        yield line


def _csv_records(path: Path, encoding: str) -> Iterator[list[str]]:
    with path.open("r", encoding=encoding, newline="") as fh:
        reader = csv.reader(_bounded_lines(fh), strict=True)
        row = 0  # records read so far: the broken one is the next (its first line, where a quote opened)
        try:
            for record in reader:
                row += 1
                yield record
        except _LineTooLong:
            raise ReadFailed("line_too_long", row=row + 1, limit=f"{LINE_MAX:,}") from None
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise ReadFailed("quote_unclosed", row=row + 1) from None
            if "field larger than field limit" in str(exc):
                raise ReadFailed("field_too_long", row=row + 1, limit=f"{FIELD_MAX:,}", text_max=f"{TEXT_MAX:,}"
                                 ) from None
            raise ReadFailed("csv_broken", row=row + 1, message=str(exc)) from None


def _cell_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _longer_run(stream, separator: bytes, limit: int) -> bool:
    """Whether ``stream`` holds more than ``limit`` bytes in a row without ``separator`` (read in 1 MB blocks)."""
    pattern = re.compile(re.escape(separator) + b"[^" + re.escape(separator) + b"]{%d}" % (limit + 1))
    run = 0  # bytes without a separator at the end of what was read so far
    while block := stream.read(1 << 20):
        first = block.find(separator)
        if first < 0:
            run += len(block)
            if run > limit:
                return True
            continue
        if run + first > limit or pattern.search(block):
            return True
        run = len(block) - block.rfind(separator) - 1
    return False


def check_xlsx_size(path: Path) -> None:
    """Refuse a workbook whose unpacked size, packing ratio or longest cell is beyond any real import, from
    the zip's directory and one streamed pass, before openpyxl holds anything (members are read only up to
    the size the directory declares, so the declared sizes bound what is read)."""
    def size(n: int) -> str:
        if n < 1 << 20:
            return f"{max(n >> 10, 1):,} KB"
        return f"{n / (1 << 20):,.0f} MB" if n >= 10 << 20 else f"{n / (1 << 20):,.1f} MB"

    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
            total = sum(m.file_size for m in members)
            if total > XLSX_EXPANDED_MAX:
                raise ReadFailed("xlsx_too_big", size=size(total), limit=size(XLSX_EXPANDED_MAX))
            for member in members:
                if member.file_size > 1 << 20 and member.file_size > XLSX_RATIO_MAX * member.compress_size:
                    raise ReadFailed("xlsx_bomb", member=member.filename, ratio=XLSX_RATIO_MAX,
                                     size=size(member.file_size), packed=size(member.compress_size))
            for member in members:
                if member.filename.endswith(".xml"):
                    with book.open(member) as stream:
                        if _longer_run(stream, b"<", XLSX_RUN_MAX):
                            raise ReadFailed("xlsx_cell_too_big", member=member.filename,
                                             limit=f"{XLSX_RUN_MAX:,}", text_max=f"{TEXT_MAX:,}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:  # RuntimeError: an encrypted member
        raise _xlsx_broken(exc) from None


def _xlsx_records(path: Path, sheet: str | None) -> Iterator[list[str | None]]:
    import openpyxl

    check_xlsx_size(path)
    try:
        # data_only=False: a formula is kept as its text ("=HYPERLINK(...)") and never evaluated
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken zip
        raise _xlsx_broken(exc) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ReadFailed("xlsx_no_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
        rows = None
        while True:
            # a damaged member shows only when its rows are read (zlib, CRC, XML and value errors of many kinds)
            try:
                if rows is None:
                    ws = book[sheet] if sheet is not None else book.worksheets[0]
                    # the sheet's <dimension> is what the writing tool declared, not what it holds: read every row
                    ws.reset_dimensions()
                    rows = ws.iter_rows(values_only=True)
                row = next(rows)
            except StopIteration:
                return
            except Exception as exc:
                raise _xlsx_broken(exc) from None
            yield [_cell_text(v) for v in row]
    finally:
        book.close()


def _xlsx_broken(exc: Exception) -> ReadFailed:
    text = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ReadFailed("xlsx_broken", message=text[:200])


def records(path: Path, sheet: str | None = None) -> tuple[Iterator[list], str | None]:
    path = Path(path)
    if not path.is_file():
        raise ReadFailed("no_file")
    if path.stat().st_size == 0:
        raise ReadFailed("empty")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_records(path, sheet), None
    encoding = detect_encoding(path)
    return _csv_records(path, encoding), encoding


# ---------------------------------------------------------------------------------------------- headers


def match_headers(kind: Kind, header: list[str | None]) -> tuple[list[int | None], list[str], list[str]]:
    """For each file column, the index of the kind's column it names (or None); the ignored headers; the
    canonical names found. Raises on a header naming one column twice."""
    lookup: dict[str, str] = {}
    for column in kind.columns:
        for name in (column.name, *column.aliases):
            lookup.setdefault(normalise(name).lstrip("*"), column.name)
    names = [c.name for c in kind.columns]
    positions: list[int | None] = []
    ignored: list[str] = []
    seen: dict[str, str] = {}
    for raw in header:
        text = "" if raw is None else str(raw).lstrip("\ufeff")
        # template headers mark required columns with "*" and may add the code in brackets: "*事故编号"
        key = normalise(text).lstrip("*")
        name = lookup.get(key)
        if name is None:
            positions.append(None)
            if text.strip():
                ignored.append(text.strip())
            continue
        if name in seen:
            raise ReadFailed("header_twice", column=name, first=seen[name], second=text.strip())
        seen[name] = text.strip()
        positions.append(names.index(name))
    return positions, ignored, [n for n in names if n in seen]


def _guess_delimiter(header: list[str | None]) -> str | None:
    if len(header) != 1 or header[0] is None:
        return None
    for delim, name in (("\t", "tab"), (";", ";"), ("|", "|"), ("，", "，")):
        if delim in header[0]:
            return name
    return None


# ---------------------------------------------------------------------------------------------- staging


# what str.strip() removes (the csv and .xlsx reader), so that the Arrow reader's trim stores the same text
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def _is_blank(record: list) -> bool:
    """A blank line, a row of empty cells or of delimiters only: skipped wherever it stands."""
    return all(v is None or str(v).strip(WHITESPACE) == "" for v in record)


def _arrow_can_read(path: Path) -> bool:
    """Arrow holds the whole file and reads an unclosed quote to the end of it as one value: it is given only
    a file of bounded size, with no line longer than a field may be, whose quotes pair up ("" in a quoted
    field is two); the csv module reads the others record by record and says where one is broken."""
    if path.stat().st_size > FAST_CSV_MAX_BYTES:
        return False
    with path.open("rb") as fh:
        if fh.readline(FIELD_MAX).count(b'"') % 2:
            return False  # a header running over two lines: Arrow skips one line, not one record
    count = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            count += block.count(b'"')
    if count % 2:
        return False
    with path.open("rb") as fh:
        return not _longer_run(fh, b"\n", FIELD_MAX)


def _stage_fast(con: duckdb.DuckDBPyConnection, path: Path, encoding: str, width: int,
                order: list[tuple[int, str]], table: str) -> int | None:
    """A well-formed CSV parsed by Arrow (C++), or None when Arrow refuses it: the caller then reads it with
    the csv module, which reports each broken record by its row. Arrow reads a blank line as a record of
    empty fields, so row numbers are counted before blank records are dropped, as the csv reader counts them
    (header = 1)."""
    import pyarrow as pa  # here, not at import: most commands never read a file (0.24 s of CPU each)
    import pyarrow.csv as pacsv

    if not _arrow_can_read(path):
        return None
    names = [f"f{i}" for i in range(width)]
    try:
        data = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(skip_rows=1, column_names=names,
                                           encoding="utf8" if encoding.startswith("utf-8") else encoding,
                                           block_size=16 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={name: pa.string() for name in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    if data.num_rows == 0:
        return 0
    import pyarrow.compute as pc

    for i, _ in order:  # NFC, as the csv reader stores text (DuckDB's nfc_normalize made 1M rows ~70 % slower)
        data = data.set_column(i, f"f{i}", pc.utf8_normalize(data.column(i), form="NFC"))
    data = data.append_column("_row", pa.array(range(2, data.num_rows + 2), type=pa.int32()))
    con.register("import_arrow", data)
    try:
        values = ", ".join(f"nullif(trim(f{i}, '{WHITESPACE}'), '')" for i, _ in order)
        blank = " and ".join(f"trim({name}, '{WHITESPACE}') = ''" for name in names)
        count = con.execute(f"insert into {table} select _row, {values} from import_arrow "
                            f"where not ({blank})").fetchone()[0]
    finally:
        con.unregister("import_arrow")
    if count > MAX_ROWS:
        raise ReadFailed("too_many_rows", limit=f"{MAX_ROWS:,}")
    return count


def stage(con: duckdb.DuckDBPyConnection, kind: Kind, path: Path, table: str = "import_stage",
          sheet: str | None = None) -> Staged:
    """Read ``path`` into temp table ``table`` (``_row`` integer + one varchar column per matched column)."""
    import pyarrow as pa

    rows_iter, encoding = records(path, sheet)
    header_row = 0  # blank rows above the header count: row numbers are the file's own
    for header in rows_iter:
        header_row += 1
        if not _is_blank(header):
            break
    else:
        raise ReadFailed("empty")
    positions, ignored, found = match_headers(kind, header)
    if not found:
        delimiter = _guess_delimiter(header)
        if delimiter:
            raise ReadFailed("wrong_delimiter", delimiter=delimiter)
        raise ReadFailed("no_known_header", header=", ".join(str(h) for h in header[:8] if h))
    width = len(header)
    order = [(i, kind.columns[p].name) for i, p in enumerate(positions) if p is not None]
    con.execute(f"drop table if exists {table}")
    cols_sql = ", ".join(f'"{name}" varchar' for _, name in order)
    con.execute(f"create temp table {table} (_row integer, {cols_sql})")
    if encoding is not None and header_row == 1:
        fast = _stage_fast(con, path, encoding, width, order, table)
        if fast:
            return Staged(columns=[n for _, n in order], ignored=ignored, rows=fast, encoding=encoding, broken=[])
    count = 0
    batch: list[list] = []
    row_numbers: list[int] = []

    def flush() -> None:
        if not row_numbers:
            return
        arrays = [pa.array(row_numbers, type=pa.int32())]
        arrays += [pa.array([r[j] for r in batch], type=pa.string()) for j in range(len(order))]
        chunk = pa.Table.from_arrays(arrays, names=["_row", *[n for _, n in order]])
        con.register("import_chunk", chunk)
        try:
            con.execute(f"insert into {table} select * from import_chunk")
        finally:
            con.unregister("import_chunk")
        batch.clear()
        row_numbers.clear()

    broken: list[tuple[int, str, dict]] = []
    broken_total = 0
    row_number = header_row
    for record in rows_iter:
        row_number += 1
        if _is_blank(record):
            continue  # blank lines and empty spreadsheet rows
        if len(record) != width and encoding is not None:
            # a CSV record whose field count differs from the header: a cut-off line or a stray delimiter
            broken_total += 1
            if count + broken_total > MAX_ROWS:
                raise ReadFailed("too_many_rows", limit=f"{MAX_ROWS:,}")
            if len(broken) < BROKEN_LISTED:
                broken.append((row_number, "field_count", {"found": len(record), "expected": width}))
            continue
        values = []
        for i, _ in order:
            value = record[i] if i < len(record) else None
            if value is not None:
                value = unicodedata.normalize("NFC", str(value)).strip()
                value = value or None
            values.append(value)
        batch.append(values)
        row_numbers.append(row_number)
        count += 1
        if count + broken_total > MAX_ROWS:
            raise ReadFailed("too_many_rows", limit=f"{MAX_ROWS:,}")
        if len(batch) >= CHUNK_ROWS:
            flush()
    flush()
    if count == 0 and not broken:
        raise ReadFailed("header_only")
    return Staged(columns=[n for _, n in order], ignored=ignored, rows=count + broken_total, encoding=encoding,
                  broken=broken, broken_total=broken_total)
