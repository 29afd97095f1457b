"""Checks that run before any reader sees a file: the format sniffed from the bytes (not the
extension), the zip directory (declared sizes, compression ratios), every XML part streamed
once (real size vs declared, CRC, `<!DOCTYPE`/`<!ENTITY`, sharedStrings counts) and a cheap
upper bound of each worksheet's used range. Raises LoadError."""
from __future__ import annotations

import functools
import io
import os
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from checker.input.values import col_index, col_letter
from checker.load import errors
from checker.load.errors import LoadError
from checker.load.formulas import FORMULA_HINTS, FORMULA_MARK_RE
from checker.load.limits import (
    EXCEL_MAX_COLS,
    EXCEL_MAX_ROWS,
    SHEET_MAX_CELLS,
    ZIP_MAX_RATIO,
    ZIP_MAX_TOTAL_UNCOMPRESSED,
    ZIP_RATIO_MIN_SIZE,
)
from checker.load.rowcount import row_bound
from checker.load.xmltools import local_name, xml_root

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_TEXT_STARTS = (b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta", b"<head", b"<body",
                b"<!--", b"<workbook", b"<ss:workbook", b"mime-version")


# Parts never handed to a reader: their bytes are not streamed (only the zip directory counts).
_SKIP_STREAM = ("xl/media/", "xl/embeddings/", "xl/printerSettings/", "docProps/thumbnail")


XML_SUFFIXES = (".xml", ".rels", ".vml")


_DOCTYPE_MARKS = tuple(m for w in (b"<!DOCTYPE", b"<!ENTITY")
                       for m in (w, w.decode().encode("utf-16-le"), w.decode().encode("utf-16-be")))


# cheap upper bound of a worksheet's used range: refs with a 4+ digit row (so that a sheet
# without any has at most 999 rows: within every row limit, limits.SHEET_MAX_ROWS, with no
# exact count), or 2+ letters; the literal forms are what every writer emits, the general ones
# cover any XML syntax
_BIG_ROW_RE = re.compile(rb"\br\s*=\s*[\"'][A-Za-z]*([0-9]{4,})[\"']")


_WIDE_COL_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{2,})[0-9]")


_BIG_ROW_LIT_RE = re.compile(rb' r="[A-Za-z]*([0-9]{4,})"')


_WIDE_COL_LIT_RE = re.compile(rb' r="([A-Za-z]{2,})[0-9]')
# either of the two above, for one quick pass over a chunk that has neither (the usual case)
_SUSPECT_LIT_RE = re.compile(rb' r="(?:[A-Za-z]*[0-9]{4}|[A-Za-z]{2})')


_ODD_SYNTAX = (b" =", b"= ", b"\t=", b"=\t", b"\n=", b"=\n", b"\r=", b"=\r")


_REF_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]*)([0-9]+)[\"']")


_SST_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sst\b([^>]*)>")


_COUNT_ATTR_RE = re.compile(rb"\b(uniqueCount|count)\s*=\s*[\"']\s*([0-9]+)")


_CHUNK = 1 << 20


_OVERLAP = 64


@dataclass
class Container:
    """What the container check learnt about the zip (no reader has run yet)."""
    zf: zipfile.ZipFile
    names: set[str]
    # worksheet part -> (max row bound, max column bound), both 1-based upper bounds
    extent_bound: dict[str, tuple[int, int]] = field(default_factory=dict)
    # worksheet parts holding a formula or an error cell marker
    marked: set[str] = field(default_factory=set)
    # worksheet part -> its row elements counted (rowcount.row_bound)
    row_bound: dict[str, int] = field(default_factory=dict)


def sniff(path: str, data: bytes) -> None:
    """Raise LoadError unless `data` starts like a zip."""
    if not data:
        raise errors.empty_file(path)
    if os.path.basename(str(path)).startswith("~$") and len(data) < 4096 and not data.startswith(b"PK"):
        raise errors.lock_file(path)
    if data.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise errors.password_protected(path)
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            raise errors.format_xls(path)
        if "WordDocument".encode("utf-16-le") in data or "PowerPoint".encode("utf-16-le") in data:
            raise errors.format_docx(path, "OLE2 Word/PowerPoint")
        raise errors.format_other(path, "OLE2 compound file")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return
    head = data[:4096]
    lead = head
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if lead.startswith(bom):
            lead = lead[len(bom):]
            break
    if b"\x00" in lead[:200] and len(lead) > 1:        # UTF-16 text
        try:
            lead = lead.decode("utf-16-le" if lead[1:2] == b"\x00" else "utf-16-be", "ignore").encode("utf-8", "ignore")
        except UnicodeError:  # pragma: no cover
            pass
    lead = lead.lstrip(b" \t\r\n").lower()
    if lead.startswith(_TEXT_STARTS) or b"<table" in lead[:1024] or b"<html" in lead[:1024]:
        raise errors.format_html(path)
    if data.startswith(b"PK"):
        raise errors.corrupt(path, "zip signature without a local header")
    sample = head
    is_text = b"\x00" not in sample
    if is_text:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            # a cut multi-byte character at the end of the sample is still text
            if exc.start < len(sample) - 4:
                try:
                    sample.decode("cp1252")
                except UnicodeDecodeError:
                    is_text = False
        if is_text and sum(1 for b in sample if b < 32 and b not in (9, 10, 13)) > len(sample) // 100:
            is_text = False
    if os.path.basename(str(path)).startswith("~$"):
        raise errors.lock_file(path)
    raise (errors.format_csv if is_text else errors.format_other)(path)


def check_zip_directory(path: str, data: bytes) -> tuple[zipfile.ZipFile, list]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise errors.corrupt(path, str(exc)) from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and not any(
            n.startswith("xl/") and n.endswith(".xml") and "workbook" in n for n in names):
        if "xl/workbook.bin" in names:
            raise errors.format_xlsb(path)
        if "mimetype" in names or "content.xml" in names:
            raise errors.format_ods(path)
        if any(n.startswith(("word/", "ppt/")) for n in names):
            raise errors.format_docx(path, "zip with word/ or ppt/")
        raise errors.format_other(path, "zip without xl/workbook.xml")
    check_zip_bounds(infos, lambda detail: errors.zip_bomb(path, detail))
    return zf, infos


def check_zip_bounds(infos, on_bomb) -> None:
    """The zip directory's declared sizes (total, ratio per member) within the limits, else
    raise `on_bomb(detail)`: for a workbook here, for a decree draft in load/decree/container."""
    total = 0
    for i in infos:
        total += i.file_size
        if total > ZIP_MAX_TOTAL_UNCOMPRESSED:
            raise on_bomb(f"declared size {total} bytes > {ZIP_MAX_TOTAL_UNCOMPRESSED}")
        if i.file_size > ZIP_RATIO_MIN_SIZE and i.file_size > ZIP_MAX_RATIO * max(i.compress_size, 1):
            raise on_bomb(f"{i.filename}: ratio {i.file_size // max(i.compress_size, 1)}:1")


def _more_than_declared(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """After a CRC error: does the member inflate to far more bytes than it declares (a
    forged size rather than plain damage, whose garbage ends soon)? Inflates at most
    declared + max(declared, 1 MiB) + 1 bytes, in 64 KiB steps."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False
    limit = info.file_size + max(info.file_size, 1 << 20)
    try:
        fp = zf.fp
        fp.seek(info.header_offset)
        head = fp.read(30)
        n, m = int.from_bytes(head[26:28], "little"), int.from_bytes(head[28:30], "little")
        fp.seek(info.header_offset + 30 + n + m)
        d = zlib.decompressobj(-15)
        out = 0
        left = info.compress_size
        while left > 0 and out <= limit:
            chunk = fp.read(min(left, 1 << 16))
            if not chunk:
                break
            left -= len(chunk)
            out += len(d.decompress(chunk, min(1 << 16, limit + 1 - out)))
            while d.unconsumed_tail and out <= limit:
                out += len(d.decompress(d.unconsumed_tail, min(1 << 16, limit + 1 - out)))
        return out > limit
    except (OSError, zlib.error, ValueError):
        return False


def stream_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, on_bomb, on_doctype, xml: bool = True):
    """Yield (chunk, window) of one zip member, inflated once in pieces: refused (raise
    on_bomb()) as soon as it inflates to more than it declares, and, for XML, refused (raise
    on_doctype()) when it holds a DOCTYPE or ENTITY anywhere. `window` is the chunk after the
    previous chunk's last bytes, so that a mark cut by a chunk's end is seen; a caller counting
    marks counts them in `chunk`. Shared by the workbook's check and the decree reader's."""
    n = 0
    tail = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return
            n += len(chunk)
            if n > info.file_size:
                raise on_bomb()
            window = tail + chunk
            if xml and (b"<!" in window or b"<\x00!" in window) and any(mark in window for mark in _DOCTYPE_MARKS):
                raise on_doctype()
            yield chunk, window
            tail = chunk[-_OVERLAP:]


def inspect(path: str, data: bytes) -> Container:
    """Raise LoadError unless `data` is a plausible, safe xlsx/xlsm zip; return what the
    check learnt (used range bounds, formula markers) for the loader."""
    sniff(path, data)
    zf, infos = check_zip_directory(path, data)
    box = Container(zf, {i.filename for i in infos})
    # Stream every part a reader may open: forged sizes (more data than declared), CRC
    # errors, DOCTYPE/ENTITY anywhere in an XML part, sharedStrings counts, worksheet marks.
    try:
        for i in infos:
            if i.is_dir() or i.filename.startswith(_SKIP_STREAM):
                continue
            name = i.filename
            is_xml = name.endswith(XML_SUFFIXES)
            is_sheet = is_xml and name.startswith("xl/worksheets/")
            first = True
            max_row = max_col = rows = 0
            marked = False
            bomb = functools.partial(errors.zip_bomb, path, f"{name}: more data than declared")
            for chunk, window in stream_member(zf, i, bomb, functools.partial(errors.xml_doctype, path, name),
                                               xml=is_xml):
                if not is_xml:
                    continue
                if first:
                    _check_sst(path, name, window, i.file_size)
                    first = False
                if is_sheet:
                    if not marked and any(h in window for h in FORMULA_HINTS) and FORMULA_MARK_RE.search(window):
                        marked = True
                    r, c = extent_bound(window)
                    max_row, max_col = max(max_row, r), max(max_col, c)
                    rows = row_bound(chunk, rows)
            if is_sheet:
                box.extent_bound[name] = (max_row or 999, max_col or 26)
                box.row_bound[name] = rows
                if marked:
                    box.marked.add(name)
    except LoadError:
        raise
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) and _more_than_declared(zf, i):
            raise errors.zip_bomb(path, f"{i.filename}: more data than declared") from None
        raise errors.corrupt(path, str(exc)) from None
    except (EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise errors.corrupt(path, str(exc)) from None
    return box


def extent_bound(w: bytes) -> tuple[int, int]:
    """(largest 4+ digit row, largest 2+ letter column) referenced in a chunk of worksheet
    XML; 0 when none. Fast literal patterns unless the chunk has unusual attribute syntax
    (spaces around "=", single quotes, another attribute spelled "...r="), then the general
    ones."""
    std = w.count(b' r="')
    odd = w.count(b"r=") - std - w.count(b'er="') - w.count(b'or="') - w.count(b':r="')     # xmlns:r="
    if odd or any(o in w for o in _ODD_SYNTAX):
        rows, cols = _BIG_ROW_RE.findall(w), _WIDE_COL_RE.findall(w)
    elif not _SUSPECT_LIT_RE.search(w):
        return 0, 0
    else:
        rows, cols = _BIG_ROW_LIT_RE.findall(w), _WIDE_COL_LIT_RE.findall(w)
    r = max(map(int, set(rows)), default=0)
    c = max((col_index(x.decode("ascii")) + 1 for x in set(cols)), default=0)
    return r, c


def _check_sst(path: str, name: str, head: bytes, size: int) -> None:
    """A sharedStrings part must not announce more strings than its bytes can hold (each
    needs at least "<si/>"): calamine reserves memory for uniqueCount up front."""
    m = _SST_RE.search(head, 0, 8192)
    if not m:
        return
    for attr, value in _COUNT_ATTR_RE.findall(m.group(1)):
        if attr == b"uniqueCount" and int(value) > size // 5 + 16:
            raise errors.corrupt(path, f"{name}: uniqueCount {int(value)} for {size} bytes")


def safety_check(path: str, data: bytes) -> None:
    """Every check that runs before a reader, for a caller reading ALL sheets itself (the
    roster): format sniffing, zip limits, DOCTYPE, sharedStrings counts and the used range
    of every worksheet. Raises LoadError."""
    box = inspect(path, data)
    check_extent(path, box, None, "")


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part path, from the workbook part and its relationships;
    {} when they cannot be read (the reader then decides)."""
    try:
        wb_part = "xl/workbook.xml"
        try:
            for rel in xml_root(zf.read("_rels/.rels")):
                if rel.get("Type", "").endswith("/officeDocument"):
                    wb_part = resolve_target("", rel.get("Target", wb_part))
                    break
        except KeyError:
            pass
        base = posixpath.dirname(wb_part)
        rels_part = posixpath.join(base, "_rels", posixpath.basename(wb_part) + ".rels")
        targets = {rel.get("Id"): resolve_target(base, rel.get("Target", "")) for rel in xml_root(zf.read(rels_part))}
        out = {}
        for el in xml_root(zf.read(wb_part)).iter():
            if local_name(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if local_name(k) == "id"), None)
            if el.get("name") is not None and rid in targets:
                out[el.get("name")] = targets[rid]
        return out
    except Exception:  # noqa: BLE001 - any failure here leaves the decision to the reader
        return {}


def resolve_target(base: str, target: str) -> str:
    """A relationship's target as a zip member name, relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def check_extent(path: str, box: Container, part: str | None, sheet: str) -> None:
    """Refuse a sheet whose used range (from A1) is beyond Excel or above SHEET_MAX_CELLS,
    before the reader allocates it. Exact only when the cheap bound is too high."""
    parts = [part] if part in box.extent_bound else list(box.extent_bound)
    for p in parts:
        rows, cols = box.extent_bound[p]
        if rows <= EXCEL_MAX_ROWS and cols <= EXCEL_MAX_COLS and rows * cols <= SHEET_MAX_CELLS:
            continue
        rows = cols = 0
        try:
            xml = box.zf.read(p)
        except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
            raise errors.corrupt(path, str(exc)) from None
        for letters, digits in set(_REF_RE.findall(xml)):
            rows = max(rows, int(digits))
            if letters:
                cols = max(cols, col_index(letters.decode("ascii")) + 1)
        del xml
        cols = max(cols, 1)
        if rows > EXCEL_MAX_ROWS or cols > EXCEL_MAX_COLS:
            raise errors.corrupt(path, f"{p}: cell beyond Excel's grid (row {rows}, column {cols})")
        if rows * cols > SHEET_MAX_CELLS:
            name = sheet if part == p else next(
                (n for n, q in sheet_parts(box.zf).items() if q == p), p)
            raise errors.range_too_large(path, f"{p}: {rows} rows x {cols} columns", sheet=name,
                                         cell=f"{col_letter(cols - 1)}{rows}", cells=rows * cols)
