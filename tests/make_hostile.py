"""Builds the broken and hostile input corpus of issue 5, at test time (no binary bomb is ever
committed).

    python tests/make_hostile.py [DIR]      # writes every case into DIR (default: a temp dir)

`CASES` maps a case name to (file name, builder); a builder takes the output path and writes
the file. `build_all(directory)` writes them all and returns {case: path}. The workbook parts
are written by hand (`xlsx_bytes`), so a case controls every byte Excel or a hostile tool
could put there: error cells, formulas without cached values, namespace prefixes, DOCTYPEs,
forged zip sizes, sparse cells far apart, formatted empty rows. `EXPECT` gives, per case
refused before reading, the loader's message key.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import struct
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from checker.input.values import col_letter

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from rule_examples import load_base  # noqa: E402


def small_roster(path, stray=None) -> Path:
    """A master roster of one person (sheet Data: NIP, Nama, Kode Unit), with one stray cell
    "x" at `stray` = (row, column) if given, e.g. (1_048_576, 16_384): the last cell of the grid."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["NIP", "Nama", "Kode Unit"])
    ws.append(["198811052014022002", "Ani", "D2-AS1"])
    if stray:
        ws.cell(row=stray[0], column=stray[1], value="x")
    wb.save(path)
    return Path(path)


# ============================================================================ cell markers


class Err:
    """An error cell as Excel writes it (t="e"), optionally the result of a formula."""

    def __init__(self, code: str = "#N/A", formula: str | None = None):
        self.code, self.formula = code, formula


class F:
    """A formula cell; `cached` None = no cached value (what openpyxl and many generators
    write), otherwise the value Excel stored with it."""

    def __init__(self, formula: str, cached=None, shared: str | None = None, master: bool = True):
        self.formula, self.cached, self.shared, self.master = formula, cached, shared, master


class Styled:
    """An empty cell carrying only a style (what 'format the whole column' leaves behind)."""


# ============================================================================ xlsx writer

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_EPOCH = dt.datetime(1899, 12, 30)

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs>
</styleSheet>"""
STYLE_DATE, STYLE_TEXT, STYLE_FILL = 1, 2, 3


class _Strings:
    """The shared-string table. `mode`: "shared" (one <t> per string, as LibreOffice writes
    them), "rich" (a string of several words as rich-text runs, the first word bold, as Excel
    keeps a cell someone formatted in part) or "inline" (no table: each string in its cell,
    <is><t>, as streaming generators write them)."""

    def __init__(self, mode: str = "shared"):
        self.index: dict[str, int] = {}
        self.count = 0
        self.mode = mode

    def add(self, s: str) -> int:
        self.count += 1
        return self.index.setdefault(s, len(self.index))

    def _item(self, s: str) -> str:
        head, sep, tail = s.partition(" ")
        if self.mode != "rich" or not sep:
            return f'<si><t xml:space="preserve">{escape(s)}</t></si>'
        return (f'<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>{escape(head)}</t></r>'
                f'<r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve"> {escape(tail)}</t></r>'
                f'</si>')

    def xml(self) -> bytes:
        items = "".join(self._item(s) for s in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" '
                f'count="{self.count}" uniqueCount="{len(self.index)}">{items}</sst>').encode()


def _cell(ref: str, v, sst: _Strings, p: str) -> str:
    if v is None:
        return ""
    if isinstance(v, Styled):
        return f'<{p}c r="{ref}" s="{STYLE_FILL}"/>'
    if isinstance(v, Err):
        f = f"<{p}f>{escape(v.formula)}</{p}f>" if v.formula else ""
        return f'<{p}c r="{ref}" t="e">{f}<{p}v>{escape(v.code)}</{p}v></{p}c>'
    if isinstance(v, F):
        if v.shared is not None:
            ftag = (f'<{p}f t="shared" ref="{v.shared}" si="0">{escape(v.formula)}</{p}f>' if v.master
                    else f'<{p}f t="shared" si="0"/>')
        else:
            ftag = f"<{p}f>{escape(v.formula)}</{p}f>"
        if v.cached is None:
            return f'<{p}c r="{ref}">{ftag}<{p}v></{p}v></{p}c>'
        if isinstance(v.cached, str):
            return f'<{p}c r="{ref}" t="str">{ftag}<{p}v>{escape(v.cached)}</{p}v></{p}c>'
        return f'<{p}c r="{ref}">{ftag}<{p}v>{v.cached}</{p}v></{p}c>'
    if isinstance(v, bool):
        return f'<{p}c r="{ref}" t="b"><{p}v>{int(v)}</{p}v></{p}c>'
    if isinstance(v, (int, float)):
        return f'<{p}c r="{ref}"><{p}v>{v!r}</{p}v></{p}c>'
    if isinstance(v, (dt.date, dt.datetime)):
        d = v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day)
        serial = (d - _EPOCH).total_seconds() / 86400
        serial = int(serial) if serial.is_integer() else serial
        return f'<{p}c r="{ref}" s="{STYLE_DATE}"><{p}v>{serial}</{p}v></{p}c>'
    if sst.mode == "inline":
        return f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t xml:space="preserve">{escape(str(v))}</{p}t></{p}is></{p}c>'
    return f'<{p}c r="{ref}" t="s"><{p}v>{sst.add(str(v))}</{p}v></{p}c>'


def sheet_xml(rows, sst: _Strings, *, prefix: str = "", merged=(), trailing_styled_rows: int = 0,
              dimension: str | None = None, hidden_rows=(), hidden_cols=(), autofilter: str | None = None) -> bytes:
    """rows: list of rows (row 1 first) or dict {excel_row: row}; a row is a list of cells
    from column A. `trailing_styled_rows`: that many formatted empty rows after the data,
    the last one holding a cell with only a non-breaking space (so that the reader's used
    range really ends there). `hidden_rows` (Excel rows) and `hidden_cols` (0-based) are
    hidden, as a saved filter (`autofilter`, a range such as "A1:F9") or a user hides them."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns} xmlns:r="{NS_R}">']
    if autofilter:
        out.append(f'<{p}sheetPr filterMode="1"/>')
    if dimension:
        out.append(f'<{p}dimension ref="{dimension}"/>')
    if hidden_cols:
        out.append(f"<{p}cols>" + "".join(f'<{p}col min="{c + 1}" max="{c + 1}" width="0" hidden="1" customWidth="1"/>'
                                          for c in sorted(hidden_cols)) + f"</{p}cols>")
    out.append(f"<{p}sheetData>")
    items = rows.items() if isinstance(rows, dict) else enumerate(rows, start=1)
    last = 0
    hide = set(hidden_rows)
    for r, row in items:
        cells = "".join(_cell(f"{col_letter(c)}{r}", v, sst, p) for c, v in enumerate(row))
        if cells:
            attrs = ' hidden="1"' if r in hide else ""
            out.append(f'<{p}row r="{r}"{attrs}>{cells}</{p}row>')
        last = max(last, r)
    for r in range(last + 1, last + 1 + trailing_styled_rows):
        cells = "".join(f'<{p}c r="{col_letter(c)}{r}" s="{STYLE_FILL}"/>' for c in range(6))
        if r == last + trailing_styled_rows:
            cells += _cell(f"G{r}", "\u00a0 ", sst, p)
        out.append(f'<{p}row r="{r}" s="{STYLE_FILL}" customFormat="1">{cells}</{p}row>')
    out.append(f"</{p}sheetData>")
    if autofilter:
        out.append(f'<{p}autoFilter ref="{autofilter}"/>')
    if merged:
        out.append(f'<{p}mergeCells count="{len(merged)}">'
                   + "".join(f'<{p}mergeCell ref="{m}"/>' for m in merged) + f"</{p}mergeCells>")
    out.append(f"</{p}worksheet>")
    return "".join(out).encode()


def xlsx_members(sheets: dict, *, hidden=(), very_hidden=(), merged=None, prefix: str = "",
                 trailing_styled_rows=None, dimension=None, strings: str = "shared", hidden_rows=None,
                 hidden_cols=None, autofilter=None) -> list[tuple[str, bytes]]:
    """The parts of a minimal but complete .xlsx, in the order Excel writes them. Per sheet
    name: `merged` ranges, `hidden_rows`, `hidden_cols`, an `autofilter` range; `strings`: how
    text cells are stored (_Strings)."""
    merged, trailing_styled_rows, dimension = merged or {}, trailing_styled_rows or {}, dimension or {}
    hidden_rows, hidden_cols, autofilter = hidden_rows or {}, hidden_cols or {}, autofilter or {}
    sst = _Strings(strings)
    parts = []
    for i, (name, rows) in enumerate(sheets.items(), start=1):
        parts.append((f"xl/worksheets/sheet{i}.xml",
                      sheet_xml(rows, sst, prefix=prefix, merged=merged.get(name, ()),
                                trailing_styled_rows=trailing_styled_rows.get(name, 0),
                                dimension=dimension.get(name), hidden_rows=hidden_rows.get(name, ()),
                                hidden_cols=hidden_cols.get(name, ()), autofilter=autofilter.get(name))))
    n = len(sheets)
    sheet_overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>' + sheet_overrides +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    root_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{NS_PR}">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')

    def state(name):
        if name in very_hidden:
            return ' state="veryHidden"'
        return ' state="hidden"' if name in hidden else ""
    wb_sheets = "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}"{state(name)} r:id="rId{i}"/>'
                        for i, name in enumerate(sheets, start=1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" '
                f'xmlns:r="{NS_R}"><bookViews><workbookView/></bookViews><sheets>{wb_sheets}</sheets></workbook>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    wb_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{NS_PR}">'
               + "".join(f'<Relationship Id="rId{i}" Type="{rel}worksheet" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, n + 1))
               + f'<Relationship Id="rId{n + 1}" Type="{rel}styles" Target="styles.xml"/>'
               + f'<Relationship Id="rId{n + 2}" Type="{rel}sharedStrings" Target="sharedStrings.xml"/>'
               + "</Relationships>")
    return ([("[Content_Types].xml", content_types.encode()), ("_rels/.rels", root_rels.encode()),
             ("xl/workbook.xml", workbook.encode()), ("xl/_rels/workbook.xml.rels", wb_rels.encode())]
            + parts + [("xl/styles.xml", STYLES.encode()), ("xl/sharedStrings.xml", sst.xml())])


def zip_bytes(members: list[tuple[str, bytes]], level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def xlsx_bytes(sheets: dict, **kw) -> bytes:
    return zip_bytes(xlsx_members(sheets, **kw))


def write(path, data: bytes) -> str:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# ============================================================================ the valid base

def base_sheets() -> dict[str, list[list]]:
    """The compliant example unit (rules/_example_base.yaml) as plain rows; dates as dates."""
    out = {}
    for name, s in load_base().items():
        rows = [list(t) for t in s.get("title", [])] + [list(s["header"])]
        for r in s["rows"]:
            row = []
            for v in r:
                if v == "":
                    v = None
                elif isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit():
                    v = dt.date.fromisoformat(v)
                row.append(v)
            rows.append(row)
        out[name] = rows
    return out


def base_xlsx(**kw) -> bytes:
    return xlsx_bytes(base_sheets(), **kw)


# ============================================================================ zip surgery

def forge_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size of `member` in its local header and in the central
    directory (the data and CRC stay as they are)."""
    buf = bytearray(data)
    name = member.encode()
    i = 0
    while True:
        i = buf.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n, m = struct.unpack_from("<HH", buf, i + 26)
        if bytes(buf[i + 30:i + 30 + n]) == name:
            struct.pack_into("<I", buf, i + 22, size)
        i += 4
    i = 0
    while True:
        i = buf.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", buf, i + 28)[0]
        if bytes(buf[i + 46:i + 46 + n]) == name:
            struct.pack_into("<I", buf, i + 24, size)
        i += 4
    return bytes(buf)


def flip_byte(data: bytes, member: str) -> bytes:
    """Corrupt one byte inside the compressed data of `member` (CRC or inflate error)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo(member)
    n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + n + m
    buf = bytearray(data)
    pos = start + info.compress_size // 2
    buf[pos] ^= 0xFF
    return bytes(buf)


def deflate_repeated(prefix: bytes, unit: bytes, count: int, suffix: bytes, level: int = 9) -> tuple[bytes, int, int]:
    """(raw deflate stream, crc32, size) of prefix + unit*count + suffix without holding it."""
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc = zlib.crc32(prefix)
    out = [comp.compress(prefix)]
    block = unit * max(1, (1 << 20) // len(unit))
    per = len(block) // len(unit)
    left = count
    while left:
        k = min(per, left)
        chunk = block if k == per else unit * k
        crc = zlib.crc32(chunk, crc)
        out.append(comp.compress(chunk))
        left -= k
    crc = zlib.crc32(suffix, crc)
    out.append(comp.compress(suffix))
    out.append(comp.flush())
    return b"".join(out), crc & 0xFFFFFFFF, len(prefix) + len(unit) * count + len(suffix)


def zip_with_raw(members: list[tuple[str, bytes]], raw: dict[str, tuple[bytes, int, int]]) -> bytes:
    """A zip whose members in `raw` are given as an already deflated stream (crc, size)."""
    buf = io.BytesIO()
    central = []
    for name, data in members:
        if name in raw:
            comp, crc, size = raw[name]
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
            crc, size = zlib.crc32(data) & 0xFFFFFFFF, len(data)
        off = buf.tell()
        nb = name.encode()
        buf.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(comp), size, len(nb), 0))
        buf.write(nb)
        buf.write(comp)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(comp), size,
                                   len(nb), 0, 0, 0, 0, 0, off) + nb)
    cd = buf.tell()
    for c in central:
        buf.write(c)
    end = buf.tell()
    buf.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), end - cd, cd, 0))
    return buf.getvalue()


# ============================================================================ OLE2 (CFB)

def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A minimal but well-formed compound file (what .xls and password-protected OOXML are):
    512-byte sectors, one FAT sector, one directory sector, streams >= 4096 bytes (no mini
    stream)."""
    sec = 512
    names = list(streams)
    assert len(names) <= 3
    datas = [streams[n] + b"\0" * (-len(streams[n]) % sec) for n in names]
    datas = [d if len(d) >= 4096 else d + b"\0" * (4096 - len(d)) for d in datas]
    # layout: sector 0 = FAT, sector 1 = directory, then streams
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    starts = []
    for d in datas:
        n = len(d) // sec
        start = len(fat)
        starts.append(start)
        fat.extend(list(range(start + 1, start + n)) + [0xFFFFFFFE])
    assert len(fat) <= sec // 4
    fat += [0xFFFFFFFF] * (sec // 4 - len(fat))
    header = bytearray(sec)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0)
    struct.pack_into("<II", header, 68, 0xFFFFFFFE, 0)
    struct.pack_into("<I", header, 76, 0)
    for k in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * k, 0xFFFFFFFF)

    def entry(name, typ, start, size, child=0xFFFFFFFF, right=0xFFFFFFFF):
        e = bytearray(128)
        nm = name.encode("utf-16-le") + b"\0\0"
        e[0:len(nm)] = nm
        struct.pack_into("<HBB", e, 64, len(nm), typ, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", e, 116, start, size)
        return bytes(e)
    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for i, (n, s) in enumerate(zip(names, starts)):
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        entries.append(entry(n, 2, s, len(streams[n]), right=right))
    directory = b"".join(entries)
    directory += b"\0" * (sec - len(directory))
    return bytes(header) + struct.pack(f"<{sec // 4}I", *fat) + directory + b"".join(datas)


# ============================================================================ cases

def _csv(path):
    rows = ["Kode Target;Indikator Kinerja;Target", "PK-01;Persentase rekomendasi;80", "PK-02;Nilai SAKIP;80"]
    return write(path, ("\r\n".join(rows) + "\r\n").encode("cp1252"))


def _html(path):
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:'
            'office:excel"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head>'
            '<body><table><tr><td>NIP</td><td>Nama</td></tr><tr><td>198602142010122001</td>'
            '<td>Rina</td></tr></table></body></html>')
    return write(path, b"\xef\xbb\xbf" + html.encode())


def _xml2003(path):
    xml = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns='
           '"urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="PK"><Table><Row><Cell>'
           '<Data ss:Type="String">Kode Target</Data></Cell></Row></Table></Worksheet></Workbook>')
    return write(path, xml.encode())


def _docx(path):
    return write(path, zip_bytes([
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
        ("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                              b'wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>')]))


def _empty(path):
    return write(path, b"")


def _truncated(path):
    data = base_xlsx()
    return write(path, data[: len(data) * 2 // 3])


def _corrupt(path):
    return write(path, flip_byte(base_xlsx(), "xl/worksheets/sheet3.xml"))


def _xls(path):
    # a BIFF8 stream starts with a BOF record (0x0809)
    return write(path, cfb_bytes({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 4088,
                                  "\x05SummaryInformation": b"\0" * 4096}))


def _encrypted(path):
    return write(path, cfb_bytes({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\0" * 4088,
                                  "EncryptedPackage": os.urandom(8192)}))


def _ods(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office='
                   '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return write(path, buf.getvalue())


def _xlsb(path):
    return write(path, zip_bytes([
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
        ("xl/workbook.bin", b"\x83\x01\x00" * 10), ("xl/worksheets/sheet1.bin", b"\x81\x01\x00" * 10)]))


def _lock_file(path):
    # what Excel leaves beside an open workbook: the user name, padded
    name = b"\x05Budi " + b" " * 48 + "Budi".encode("utf-16-le") + b"\0" * 100
    return write(path, name[:165])


def _xlsx_named_xls(path):
    return write(path, base_xlsx())


def _html_named_xls(path):
    return _html(path)


def _ratio_bomb(path, mb: int = 64):
    """A sheet part of `mb` MiB of repeated cells, compressed ~1000:1."""
    members = xlsx_members(base_sheets())
    prefix = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{NS}"><sheetData><row r="1">'.encode()
    unit = b'<c t="inlineStr"><is><t>AAAAAAAAAAAAAAAA</t></is></c>'
    count = (mb << 20) // len(unit)
    raw = {"xl/worksheets/sheet3.xml": deflate_repeated(prefix, unit, count, b"</row></sheetData></worksheet>")}
    return write(path, zip_with_raw(members, raw))


def _declared_bomb(path):
    """Members declaring 2 x 1.5 GiB (sizes forged in the headers)."""
    data = base_xlsx()
    data = forge_size(data, "xl/worksheets/sheet3.xml", 3 << 29)
    data = forge_size(data, "xl/worksheets/sheet4.xml", 3 << 29)
    return write(path, data)


def _forged_small(path):
    """A 32 MiB sheet that declares 2 KiB: the ratio check cannot see it; the stream can."""
    members = xlsx_members(base_sheets())
    prefix = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{NS}"><sheetData><row r="1">'.encode()
    unit = b'<c t="inlineStr"><is><t>B</t></is></c>'
    comp, crc, size = deflate_repeated(prefix, unit, (32 << 20) // len(unit), b"</row></sheetData></worksheet>")
    return write(path, zip_with_raw(members, {"xl/worksheets/sheet3.xml": (comp, crc, 2048)}))


def _with_doctype(member: str, doctype: str):
    def build(path):
        members = xlsx_members(base_sheets())
        out = []
        for name, data in members:
            if name == member:
                head, sep, rest = data.partition(b"?>")
                data = head + sep + doctype.encode() + rest
            out.append((name, data))
        return write(path, zip_bytes(out))
    return build


BILLION_LAUGHS = ('\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
EXTERNAL_ENTITY = '\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LATE_DOCTYPE = "\n<!--" + "x" * 70000 + "-->\n<!DOCTYPE workbook>"


def _sparse_bomb(path):
    """Two cells, A1 and XFD1048576: tiny file, but a reader allocating the bounding box
    needs 17 billion cells."""
    sheets = base_sheets()
    rows = {i + 1: r for i, r in enumerate(sheets["Pegawai"])}
    rows[1048576] = [None] * 16383 + ["x"]
    sheets["Pegawai"] = rows
    return write(path, xlsx_bytes(sheets))


def _tall_sparse(path):
    """Pegawai (6 columns) plus one stray text at E19990 (someone typed far below the table,
    within the Pegawai row limit, limits.SHEET_MAX_ROWS) and one at IN1 (far right of it): a
    few KB, a used range of 4.96 million cells, within SHEET_MAX_CELLS: reading it needs some
    500 MB and a few seconds, so a low memory or time limit stops it (and the default ones do
    not)."""
    sheets = base_sheets()
    # Six columns (without the optional Kedudukan Hukum) keep the used range as described.
    keep = [i for i, h in enumerate(sheets["Pegawai"][0]) if h != "Kedudukan Hukum"][:6]
    rows = {i + 1: [r[j] if j < len(r) else None for j in keep] for i, r in enumerate(sheets["Pegawai"])}
    rows[1] = rows[1] + [None] * (TALL_SPARSE_COLUMNS - 1 - len(rows[1])) + ["x"]
    rows[TALL_SPARSE_ROW] = [None, None, None, None, "lihat lampiran"]
    sheets["Pegawai"] = rows
    return write(path, xlsx_bytes(sheets))


TALL_SPARSE_ROW = 19_990
TALL_SPARSE_COLUMNS = 248            # IN: 19,990 x 248 = 4.96 million cells


def _edit_part(member: str, old: bytes, new: bytes):
    def build(path):
        out = []
        for name, data in xlsx_members(base_sheets()):
            if name == member:
                assert old in data, (member, old)
                data = data.replace(old, new, 1)
            out.append((name, data))
        return write(path, zip_bytes(out))
    return build


# sharedStrings announcing 4 billion strings: calamine reserves 96 GB up front and aborts
_sst_count = _edit_part("xl/sharedStrings.xml", b'uniqueCount="', b'uniqueCount="4000000000" x="')
# a cell at row 4,000,000,000 (beyond Excel's 1,048,576): the reader would allocate 768 GB
_beyond_grid = _edit_part("xl/worksheets/sheet3.xml", b'<row r="2"><c r="A2"', b'<row r="2"><c r="A4000000000"')


def _wide_rows(path, rows: int = 2000, cols: int = 600):
    """Legitimate-looking but huge: many rows x many columns of distinct numbers (passes the
    zip checks; only the memory bound stops it when the limit is low)."""
    sheets = base_sheets()
    body = {1: sheets["Surat Tugas"][0]}
    for r in range(2, rows + 2):
        body[r] = [f"ST-{r}"] + [r * cols + c for c in range(cols)]
    sheets["Surat Tugas"] = body
    return write(path, xlsx_bytes(sheets))


# ---------------------------------------------------------------------------- sheet and cell cases

def _hidden(path):
    sheets = base_sheets()
    sheets["Pegawai"][2][0] = "198602142010122000"        # a D01 on the hidden sheet
    return write(path, xlsx_bytes(sheets, hidden=("Pegawai",), very_hidden=("Surat Tugas",)))


def _merged_header(path):
    """Pokja under two merged title rows, a merged 'Tanggal' over its sub-columns (two-row
    header), the other header cells merged down over both rows, a column-number row
    "(1) (2) ..." under the header (common on government forms), columns reordered so the
    dates sit together."""
    s = base_sheets()
    header, body = s["Pokja"][0], s["Pokja"][1:]
    order = [i for i, h in enumerate(header) if not h.startswith("Tanggal ")] + \
            [i for i, h in enumerate(header) if h.startswith("Tanggal ")]
    header = [header[i] for i in order]
    body = [[r[i] if i < len(r) else None for i in order] for r in body]
    first = next(i for i, h in enumerate(header) if h.startswith("Tanggal "))
    top = [h if i < first else ("Tanggal" if i == first else None) for i, h in enumerate(header)]
    sub = [None if i < first else h[len("Tanggal "):] for i, h in enumerate(header)]
    n = len(header)
    last = col_letter(n - 1)
    merged = [f"A1:{last}1", f"A2:{last}2", f"{col_letter(first)}3:{last}3"]
    merged += [f"{col_letter(i)}3:{col_letter(i)}4" for i in range(first)]
    numbers = [f"({i + 1})" for i in range(n)]
    s["Pokja"] = [["DAFTAR POKJA ASISTEN DEPUTI CONTOH"], ["TAHUN 2025"], top, sub, numbers] + body
    return write(path, xlsx_bytes(s, merged={"Pokja": merged}))


def _formulas(path):
    s = base_sheets()
    pk = s["PK"]
    pk[1][3] = F("80", cached=80)                                # formula with cached number: fine
    pk[2][3] = Err("#DIV/0!", formula="1/0")                     # formula error
    peg = s["Pegawai"]
    peg[2][4] = Err("#N/A", formula='VLOOKUP(A3,Jabatan!A:B,2,FALSE)')
    peg[3][2] = F('"Agus "&"Prasetyo"', cached=None)             # no cached value (text column)
    pok = s["Pokja"]
    pok[1][6] = F("DATE(2025,1,20)", cached=None)                # no cached value (date column)
    pok[2][6] = Err("#REF!")                                     # an error typed/pasted as a value
    pok[1][3] = F('"PK-01"', cached="PK-01")                     # cached string: fine
    return write(path, xlsx_bytes(s))


def _formulas_prefixed(path):
    s = base_sheets()
    s["PK"][2][3] = Err("#VALUE!", formula="A1+1")
    s["Pegawai"][3][2] = F("B2", cached=None)
    return write(path, xlsx_bytes(s, prefix="x"))


def _values(path):
    """NIP typed as a number, dates as serials and text, stray spaces and NBSP."""
    s = base_sheets()
    s["Pegawai"][2][0] = 198602142010122001                      # NIP as a number (D01)
    s["Pegawai"][3][2] = "\u00a0 Agus Prasetyo, S.T.\u00a0 "     # NBSP and spaces around a name
    s["Pegawai"][4][3] = " Fungsional\u00a0"
    pok = s["Pokja"]
    pok[1][6] = 45677                                            # a date typed as a plain number
    pok[1][8] = "15 Januari 2025"                                # Indonesian long-form text
    pok[2][8] = "15/01/2025"                                     # DD/MM/YYYY text
    pok[2][6] = "Jakarta, 20 Pebruari 2025"
    s["Surat Tugas"][1][1] = "2025-02-03 00:00:00"
    return write(path, xlsx_bytes(s))


def _trailing_rows(path):
    return write(path, xlsx_bytes(base_sheets(), trailing_styled_rows={"Pegawai": 10000, "Anggota Pokja": 10000}))


def _repeated_header(path):
    s = base_sheets()
    peg = s["Pegawai"]
    s["Pegawai"] = peg[:4] + [[], list(peg[0])] + peg[4:]
    ang = s["Anggota Pokja"]
    s["Anggota Pokja"] = ang[:6] + [list(ang[0])] + ang[6:]
    return write(path, xlsx_bytes(s))


def _shuffled_columns(path):
    s = base_sheets()
    for name in ("Pegawai", "Pokja", "Anggota Pokja"):
        rows = s[name]
        order = list(reversed(range(len(rows[0]))))
        s[name] = [[r[i] if i < len(r) else None for i in order] for r in rows]
    return write(path, xlsx_bytes(s))


def big_sheets(n: int = 50_000) -> dict:
    """The base unit with a Pegawai sheet of `n` employees (all in the MPH as well)."""
    s = base_sheets()
    peg = [s["Pegawai"][0]] + s["Pegawai"][1:]
    mph = [s["MPH"][0]] + s["MPH"][1:]
    for i in range(n - (len(peg) - 1)):
        nip = f"19900101{2015 + i % 8}03{1 + i % 2}{(i % 999) + 1:03d}"
        nip = nip[:18]
        peg.append([nip, f"ID-{i:05d}", f"Pegawai Nomor {i}", "Pelaksana", "Pengadministrasi Umum", "PNS"])
        mph.append([nip, f"ID-{i:05d}", f"Pegawai Nomor {i}", "PK-02", f"Hasil kerja {i}"])
    s["Pegawai"], s["MPH"] = peg, mph
    return s


def _big(path):
    return write(path, xlsx_bytes(big_sheets()))


CASES: dict[str, tuple[str, callable]] = {
    # 1. not a workbook
    "csv_renamed": ("csv-dinamai.xlsx", _csv),
    "html_export": ("ekspor-web.xlsx", _html),
    "xml_2003": ("xml-2003.xlsx", _xml2003),
    "word_docx": ("dokumen-word.xlsx", _docx),
    "empty": ("kosong.xlsx", _empty),
    "truncated": ("terpotong.xlsx", _truncated),
    "corrupt_zip": ("rusak.xlsx", _corrupt),
    "xls_biff": ("lama.xls", _xls),
    "ods": ("calc.ods", _ods),
    "xlsb": ("biner.xlsb", _xlsb),
    "password": ("berpassword.xlsx", _encrypted),
    "lock_file": ("~$unit.xlsx", _lock_file),
    # 2. content, not extension
    "xlsx_named_xls": ("sebenarnya-xlsx.xls", _xlsx_named_xls),
    "html_named_xls": ("ekspor-web.xls", _html_named_xls),
    # 3. bombs and entities
    "ratio_bomb": ("bom-rasio.xlsx", _ratio_bomb),
    "declared_bomb": ("bom-ukuran.xlsx", _declared_bomb),
    "forged_size": ("bom-ukuran-palsu.xlsx", _forged_small),
    "billion_laughs": ("entitas.xlsx", _with_doctype("xl/sharedStrings.xml", BILLION_LAUGHS)),
    "external_entity": ("xxe.xlsx", _with_doctype("xl/worksheets/sheet1.xml", EXTERNAL_ENTITY)),
    "late_doctype": ("doctype-akhir.xlsx", _with_doctype("xl/workbook.xml", LATE_DOCTYPE)),
    # 4. bounds
    "sparse_bomb": ("sel-jauh.xlsx", _sparse_bomb),
    "sst_count": ("jumlah-string.xlsx", _sst_count),
    "beyond_grid": ("di-luar-grid.xlsx", _beyond_grid),
    "tall_sparse": ("sel-terakhir.xlsx", _tall_sparse),
    "wide_rows": ("sangat-lebar.xlsx", _wide_rows),
    # 5. sheets and cells
    "hidden_sheets": ("sheet-tersembunyi.xlsx", _hidden),
    "merged_header": ("judul-gabung.xlsx", _merged_header),
    "formulas": ("rumus.xlsx", _formulas),
    "formulas_prefixed": ("rumus-prefiks.xlsx", _formulas_prefixed),
    "values": ("nilai.xlsx", _values),
    "trailing_rows": ("baris-kosong.xlsx", _trailing_rows),
    "repeated_header": ("judul-berulang.xlsx", _repeated_header),
    "shuffled_columns": ("kolom-acak.xlsx", _shuffled_columns),
    "big_50k": ("besar-50000.xlsx", _big),
}

# cases refused before any reader runs -> LoadError.message_key
EXPECT = {
    "csv_renamed": "format_csv", "html_export": "format_html", "xml_2003": "format_html",
    "word_docx": "format_docx", "empty": "empty_file", "truncated": "corrupt", "corrupt_zip": "corrupt",
    "xls_biff": "format_xls", "ods": "format_ods", "xlsb": "format_xlsb", "password": "password_protected",
    "lock_file": "lock_file", "html_named_xls": "format_html",
    "ratio_bomb": "zip_bomb", "declared_bomb": "zip_bomb", "forged_size": "zip_bomb",
    "billion_laughs": "xml_doctype", "external_entity": "xml_doctype", "late_doctype": "xml_doctype",
    "sparse_bomb": "range_too_large", "sst_count": "corrupt", "beyond_grid": "corrupt",
}


def build(case: str, directory) -> str:
    name, fn = CASES[case]
    return fn(Path(directory) / name)


def build_all(directory, skip=("big_50k", "wide_rows", "tall_sparse")) -> dict[str, str]:
    return {case: build(case, directory) for case in CASES if case not in skip}


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="hostile-"))
    for case, p in build_all(target, skip=()).items():
        print(f"{case:20} {os.path.getsize(p):>10}  {p}")
