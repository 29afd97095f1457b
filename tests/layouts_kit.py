"""Unit workbooks in the layouts real unit files have (input-format.md, versions 2 and 3), built
from the compliant example unit of the rule base (rules/_example_base.yaml).

A `Book` is {sheet name: Sheet}; a `Sheet` holds its rows (row 1 first, lists of cell values
from column A), its merged ranges ("A1:C1") and where its header starts. Each layout below
rewrites one or more sheets the way a real file has them, keeping the unit compliant:

    book = base_book()
    mph_matrix(book, header="indicator", nip=False, split=True, rows=3)
    anggota_decree(book, pokja="section")
    pokja_by_name(book)
    write_book(book, path)

`real_unit(**choices)` applies a combination of them (the property test draws one). The
habits of version 3 (*Tables on a sheet*: sheets named with a year or as an annex, the Unit
sheet as a form, group headers with generic sub-headers, numbered banners, stacked tables,
totals, notes, signature blocks, tables off column A, side notes, numbered empty rows, hidden
rows and columns) are `office_unit(**choices)`'s. `write_book(book, path, flavor=...)` saves
a book as openpyxl does, or as Excel ("excel": a shared-string table with rich-text runs) and
LibreOffice ("libreoffice": a plain shared-string table) and streaming generators ("inline":
inline strings) save it.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from rule_examples import apply_edits, load_base


@dataclass
class Sheet:
    rows: list
    merged: list = field(default_factory=list)
    header: int = 0               # 0-based index of the first header row
    depth: int = 1                # number of header rows
    hidden_rows: set = field(default_factory=set)     # Excel rows
    hidden_cols: set = field(default_factory=set)     # 0-based columns
    autofilter: str | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def header_cells(self) -> list:
        return self.rows[self.header + self.depth - 1]

    def insert(self, at: int, rows: list) -> None:
        """Insert rows before 0-based row `at`, moving every merged range at or below it."""
        n = len(rows)
        self.rows[at:at] = rows
        moved = []
        for rng in self.merged:
            (c0, r0), (c1, r1) = _cells(rng)
            if r0 - 1 >= at:
                r0, r1 = r0 + n, r1 + n
            moved.append(_range(c0, r0, c1, r1))
        self.merged = moved
        if self.header >= at:
            self.header += n


def _cells(rng: str):
    a, b = rng.split(":")
    return _split(a), _split(b)


def _split(ref: str):
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col, int(ref[len(letters):])


def _range(c0, r0, c1, r1) -> str:
    return f"{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}"


Book = dict


def base_book(edits=None) -> Book:
    sheets = apply_edits(load_base(), edits)
    return {name: Sheet([list(s["header"])] + [list(r) for r in s["rows"]]) for name, s in sheets.items()}


def table(sheet: Sheet) -> tuple[list, list]:
    """(header, data rows) of a sheet whose table starts at its header: each column's name is
    its lowest header cell."""
    heads = sheet.rows[sheet.header:sheet.header + sheet.depth]
    width = max(len(r) for r in heads)
    names = [next((r[c] for r in reversed(heads) if c < len(r) and r[c] not in (None, "")), None)
             for c in range(width)]
    return names, sheet.rows[sheet.header + sheet.depth:]


# --------------------------------------------------------------------------- generic layouts

def title_block(sheet: Sheet, lines: list[str]) -> None:
    """Title rows above the header, each one merged cell across the table, then a blank row."""
    width = max(sheet.width, 2)
    rows = [[line] for line in lines] + [[]]
    sheet.insert(0, rows)
    for i in range(len(lines)):
        sheet.merged.append(_range(1, i + 1, width, i + 1))


def number_row(sheet: Sheet) -> None:
    """A column-number row "(1) (2) ..." right under the header."""
    at = sheet.header + sheet.depth
    sheet.insert(at, [[f"({i})" for i in range(1, len(sheet.header_cells()) + 1)]])


def group_header(sheet: Sheet, group: list[str], label: str, outer: str | None = None) -> None:
    """The header over two rows (three with `outer`): the columns of `group` under one merged
    cell `label` (itself under `outer`), every other column's name merged down."""
    assert sheet.depth == 1
    names = sheet.rows[sheet.header]
    first = names.index(group[0]) + 1
    last = first + len(group) - 1
    assert names[first - 1:last] == group
    depth = 3 if outer else 2
    rows = [[None] * len(names) for _ in range(depth)]
    top = _grow_header(sheet, depth)
    for c, name in enumerate(names, start=1):
        if first <= c <= last:
            rows[-1][c - 1] = name
        else:
            rows[0][c - 1] = name
            sheet.merged.append(_range(c, top, c, top + depth - 1))
    rows[depth - 2][first - 1] = label
    sheet.merged.append(_range(first, top + depth - 2, last, top + depth - 2))
    if outer:
        rows[0][first - 1] = outer
        sheet.merged.append(_range(first, top, last, top))
    sheet.rows[sheet.header:sheet.header + 1] = rows


def _grow_header(sheet: Sheet, depth: int) -> int:
    """Make room for a header of `depth` rows in place of the one header row (merged ranges
    below it move down); the header's first Excel row."""
    top = sheet.header + 1
    moved = []
    for rng in sheet.merged:
        (c0, r0), (c1, r1) = _cells(rng)
        if r0 > top:
            r0, r1 = r0 + depth - 1, r1 + depth - 1
        moved.append(_range(c0, r0, c1, r1))
    sheet.merged = moved
    sheet.depth = depth
    return top


def column(sheet: Sheet, name: str) -> int:
    return sheet.header_cells().index(name)


def set_column(sheet: Sheet, name: str, fn) -> None:
    """Rewrite every data cell of a column of a plain-layout sheet."""
    ci = column(sheet, name)
    for r in sheet.rows[sheet.header + sheet.depth:]:
        if ci < len(r) and r[ci] not in (None, ""):
            r[ci] = fn(r[ci])


def add_column(sheet: Sheet, name: str, value) -> None:
    sheet.rows[sheet.header].append(name)
    for r in sheet.rows[sheet.header + 1:]:
        r.append(value)


def drop_column(sheet: Sheet, name: str) -> None:
    ci = sheet.rows[sheet.header].index(name)
    for r in sheet.rows[sheet.header:]:
        if ci < len(r):
            del r[ci]


# --------------------------------------------------------------------------- people

def pegawai_siasn_names(book: Book) -> None:
    """Pegawai names as SIASN writes them: upper case, no titles (the other sheets keep theirs)."""
    set_column(book["Pegawai"], "Nama", lambda n: strip_titles(n).upper())


def strip_titles(name: str) -> str:
    bare = name.split(",", 1)[0]
    words = [w for w in bare.split() if w.rstrip(".").lower() not in ("dr", "ir", "drs", "prof", "h", "hj")]
    return " ".join(words)


def nip_prefix(book: Book, sheet: str = "Pegawai", prefix: str = "NIP. ") -> None:
    set_column(book[sheet], "NIP", lambda v: prefix + v)


def kedudukan_hukum(book: Book) -> None:
    """The column as SIASN fills it (the base has it already, empty for the Tenaga Pendukung)."""
    if "Kedudukan Hukum" not in book["Pegawai"].rows[book["Pegawai"].header]:
        add_column(book["Pegawai"], "Kedudukan Hukum", "Aktif")


def decree_dates(book: Book) -> None:
    """Pokja dates in a decree's wording."""
    long = "pada tanggal {d} {m} {y}"
    months = ["Januari", "Pebruari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "Nopember", "Desember"]

    def in_words(v):
        d = dt.date.fromisoformat(str(v))
        return long.format(d=d.day, m=months[d.month - 1], y=d.year)

    set_column(book["Pokja"], "Tanggal SK", in_words)
    set_column(book["Pokja"], "Tanggal Konsultasi Ortala", lambda v: "tgl. " + dt.date.fromisoformat(str(v)).strftime(
        "%d-%m-%Y"))
    set_column(book["Pokja"], "Tanggal Mulai", lambda v: "tanggal: " + in_words(v).split(" ", 2)[2])


# --------------------------------------------------------------------------- MPH

class _Jabatan(dict):
    """Nama Jabatan of Pegawai by any spelling of the name."""

    def get(self, name, default=None):
        return super().get(strip_titles(name).upper(), default)


def _pegawai_jabatan(book: Book) -> dict:
    header, rows = table(book["Pegawai"])
    n, j = header.index("Nama"), header.index("Nama Jabatan")
    return _Jabatan({strip_titles(r[n]).upper(): r[j] for r in rows})


def _pk(book: Book) -> list:
    header, rows = table(book["PK"])
    k, s, i = header.index("Kode Target"), header.index("Sasaran"), header.index("Indikator Kinerja")
    return [(r[k], r[s], r[i]) for r in rows]


def mph_matrix(book: Book, header: str = "indicator", nip: bool = True, split: bool = False, rows: int = 1,
               title: bool = False) -> None:
    """The long MPH of the base unit as a matrix: one column per PK target headed by its code
    ("code"), its indicator text ("indicator"), its indicator in upper case ("upper") or the
    first words of it ("prefix"); `nip`: a NIP column; `split`: a person with roles for
    several targets on one row per target, their cells merged down; `rows`: 1, 2 (a merged
    "Target Kinerja" above) or 3 (Target Kinerja, then each target's Sasaran, then the
    target)."""
    sheet = book["MPH"]
    head, data = table(sheet)
    ni, nn, nk, npr = (head.index(c) for c in ("NIP", "Nama", "Kode Target", "Peran Hasil"))
    pk = _pk(book)
    jab = _pegawai_jabatan(book)
    people: dict = {}
    for r in data:
        people.setdefault((r[ni], r[nn]), {}).setdefault(r[nk], []).append(r[npr])
    fixed = ["No"] + (["NIP"] if nip else []) + ["Nama", "Jabatan"]
    labels = [_target_label(code, ind, header) for code, _s, ind in pk]
    out = [fixed + labels + ["Keterangan"]]
    merged = []
    n = 0
    for (nipv, nama), roles in people.items():
        n += 1
        lines = [[(c, roles[c])] for c in roles] if split and len(roles) > 1 else [list(roles.items())]
        first = len(out) + 1
        for line in lines:
            row = [n] + ([nipv or None] if nip else []) + [nama, jab.get(nama) or "Pramu Bakti"]
            got = dict(line)
            row += ["\n".join(got[code]) if code in got else "-" for code, _s, _i in pk]
            row.append(None)
            out.append(row)
        if len(lines) > 1:
            for c in range(1, len(fixed) + 1):
                merged.append(_range(c, first, c, first + len(lines) - 1))
    sheet.rows, sheet.merged, sheet.header, sheet.depth = out, merged, 0, 1
    if rows >= 2:
        if rows == 3:
            _sasaran_rows(sheet, fixed, labels, [s for _c, s, _i in pk])
        else:
            group_header(sheet, labels, "Target Kinerja")
    if title:
        title_block(sheet, ["MATRIKS PEMBAGIAN PERAN DAN HASIL", "ASISTEN DEPUTI CONTOH KEBIJAKAN",
                            "TAHUN KINERJA 2025"])


def _target_label(code: str, indicator: str, style: str) -> str:
    if style == "code":
        return code
    if style == "upper":
        return indicator.upper() + "."
    if style == "prefix":
        words = indicator.split()
        cut = next((i for i in range(1, len(words) + 1) if len(" ".join(words[:i])) >= 20), len(words))
        return " ".join(words[:cut]) if cut < len(words) else indicator    # a short one whole
    return indicator


def _sasaran_rows(sheet: Sheet, fixed: list, labels: list, sasaran: list) -> None:
    """Three header rows: "Target Kinerja" over every target, each Sasaran over its target."""
    names = fixed + labels + ["Keterangan"]
    top = _grow_header(sheet, 3)
    rows = [[None] * len(names) for _ in range(3)]
    first = len(fixed) + 1
    for c, name in enumerate(names, start=1):
        if first <= c < first + len(labels):
            rows[1][c - 1] = sasaran[c - first]
            rows[2][c - 1] = name
        else:
            rows[0][c - 1] = name
            sheet.merged.append(_range(c, top, c, top + 2))
    rows[0][first - 1] = "Target Kinerja"
    sheet.merged.append(_range(first, top, first + len(labels) - 1, top))
    sheet.rows[sheet.header:sheet.header + 1] = rows


# --------------------------------------------------------------------------- Anggota Pokja

DECREE_KEDUDUKAN = {"Pengarah": "Penanggung Jawab", "Ketua": "Ketua merangkap Anggota"}


def anggota_decree(book: Book, pokja: str = "section", numbered: bool = True, merge_kedudukan: bool = True,
                   nama_nip: str = "\nNIP. ") -> None:
    """Anggota Pokja as a decree annex: No | Nama/NIP | Jabatan | Kedudukan dalam Tim | Uraian
    Tugas | Output, with the Pokja given by section rows "A. POKJA ..." ("section"), by a
    Pokja column merged down its members ("merged": the Nama Pokja) or by the Kode Pokja
    merged down ("code"); Kedudukan "Penanggung Jawab", "Ketua merangkap Anggota", "Anggota
    1", "Anggota 2" (`numbered`), equal Kedudukan cells merged down (`merge_kedudukan`)."""
    sheet = book["Anggota Pokja"]
    head, data = table(sheet)
    idx = {h: i for i, h in enumerate(head)}
    names = _pokja_names(book)
    jab = _pegawai_jabatan(book)
    cols = (["Kode Pokja"] if pokja == "code" else ["Pokja"] if pokja == "merged" else []) + [
        "No", "Nama/NIP", "Jabatan", "Kedudukan dalam Tim", "Uraian Tugas", "Output"]
    out = [cols]
    merged = []
    groups: dict = {}
    for r in data:
        groups.setdefault(r[idx["Kode Pokja"]], []).append(r)
    for g, (code, members) in enumerate(groups.items()):
        if pokja == "section":
            out.append([f"{'ABCDEFGH'[g]}. {names[code].upper()}"])
            merged.append(_range(1, len(out), len(cols), len(out)))
        first = len(out) + 1
        n_anggota = 0
        for i, m in enumerate(members, start=1):
            ked = m[idx["Kedudukan"]]
            shown = DECREE_KEDUDUKAN.get(ked, ked)
            if ked == "Anggota" and numbered:
                n_anggota += 1
                shown = f"Anggota {n_anggota}"
            nip = m[idx["NIP"]]
            who = m[idx["Nama"]] + (f"{nama_nip}{nip}" if nip else "")
            jabatan = jab.get(m[idx["Nama"]]) or ("Deputi" if ked == "Pengarah" else "Pramu Bakti")
            lead = [code] if pokja == "code" else [names[code]] if pokja == "merged" else []
            out.append(lead + [i, who, jabatan, shown, m[idx["Uraian Tugas"]], m[idx["Output"]]])
        if pokja in ("code", "merged"):
            merged.append(_range(1, first, 1, len(out)))
            for r in out[first:len(out)]:
                r[0] = None
        if merge_kedudukan:
            merged += _merge_equal(out, first, cols.index("Kedudukan dalam Tim"))
    sheet.rows, sheet.merged, sheet.header, sheet.depth = out, merged, 0, 1


def _merge_equal(out: list, first: int, ci: int) -> list:
    """Merge runs of equal cells of column `ci` from Excel row `first` down (values above kept)."""
    merged = []
    r = first
    while r <= len(out):
        end = r
        while end + 1 <= len(out) and len(out[end]) > ci and out[end][ci] == out[r - 1][ci]:
            end += 1
        if end > r:
            merged.append(_range(ci + 1, r, ci + 1, end))
            for k in range(r, end):
                out[k][ci] = None
        r = end + 1
    return merged


def _pokja_names(book: Book) -> dict:
    header, rows = table(book["Pokja"])
    k, n = header.index("Kode Pokja"), header.index("Nama Pokja")
    return {r[k]: r[n] for r in rows}


def pokja_by_name(book: Book) -> None:
    """No Kode Pokja anywhere: the Pokja sheet loses its column (Anggota Pokja must be in a
    decree layout without it)."""
    assert "Kode Pokja" not in book["Anggota Pokja"].header_cells()
    drop_column(book["Pokja"], "Kode Pokja")


# --------------------------------------------------------------------------- writing

def write_book(book: Book, path, flavor: str = "openpyxl") -> str:
    """Save `book` as openpyxl writes it ("openpyxl"), or with tests/make_hostile.py's writer
    as Excel ("excel": shared strings, rich-text runs), LibreOffice ("libreoffice": shared
    strings) or a streaming generator ("inline": inline strings) write it; hidden rows and
    columns and saved filters in each."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if flavor != "openpyxl":
        import make_hostile as mh
        strings = {"excel": "rich", "libreoffice": "shared", "inline": "inline"}[flavor]
        sheets = {name: [[None if v == "" else v for v in r] for r in sheet.rows] for name, sheet in book.items()}
        data = mh.xlsx_bytes(sheets, merged={n: sh.merged for n, sh in book.items()}, strings=strings,
                             hidden_rows={n: sh.hidden_rows for n, sh in book.items()},
                             hidden_cols={n: sh.hidden_cols for n, sh in book.items()},
                             autofilter={n: sh.autofilter for n, sh in book.items() if sh.autofilter})
        return mh.write(path, data)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, sheet in book.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is None or v == "":
                    continue
                cell = ws.cell(row=r, column=c, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"
                    cell.number_format = "@"
        for rng in sheet.merged:
            ws.merge_cells(rng)
        for r in sheet.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for c in sheet.hidden_cols:
            ws.column_dimensions[get_column_letter(c + 1)].hidden = True
        if sheet.autofilter:
            ws.auto_filter.ref = sheet.autofilter
    wb.save(path)
    return str(path)


def real_unit(mph="indicator", mph_rows=3, mph_nip=False, split=True, anggota="section", by_name=True,
              siasn_names=True, dates=True, titles=True, numbers=True, prefix=True, before=None) -> Book:
    """The base unit with a combination of the real layouts (defaults: all of them); `before`
    edits the base unit first."""
    book = base_book()
    if before is not None:
        before(book)
    if siasn_names:
        pegawai_siasn_names(book)
    kedudukan_hukum(book)
    if prefix:
        nip_prefix(book)
    if dates:
        decree_dates(book)
    mph_matrix(book, header=mph, nip=mph_nip, split=split, rows=mph_rows, title=titles)
    if anggota:
        anggota_decree(book, pokja=anggota)
        if numbers:
            number_row(book["Anggota Pokja"])
        if titles:
            title_block(book["Anggota Pokja"], ["LAMPIRAN KEPUTUSAN ASISTEN DEPUTI CONTOH KEBIJAKAN",
                                                "NOMOR KEP-12/D.9.1/01/2025",
                                                "SUSUNAN KEANGGOTAAN KELOMPOK KERJA"])
        if by_name and anggota != "code":
            pokja_by_name(book)
    return copy.deepcopy(book)


# --------------------------------------------------------------------------- version 3: the files units keep

SIGNER = ("Dr. Bambang Sutrisno, S.E., M.Si.", "NIP. 19750312 200003 1 001")


def rename(book: Book, names: dict) -> Book:
    """The book with sheets renamed ({old: new}), in their order (in place)."""
    items = [(names.get(n, n), sh) for n, sh in book.items()]
    book.clear()
    book.update(items)
    return book


# Sheet names as offices write them: a year, an annex label, nothing the contract names.
YEAR_NAMES = {"Unit": "Identitas Unit 2025", "PK": "PK 2025", "Pegawai": "Lampiran II Pegawai",
              "MPH": "MPH 2025", "Pokja": "Pokja (TA 2025)", "Anggota Pokja": "Lampiran",
              "Surat Tugas": "Lamp. IV Surat Tugas 2025"}


def annex_names(book: Book, names: dict | None = None) -> None:
    rename(book, names or YEAR_NAMES)


def old_copy(book: Book, sheet: str, new: str, old: str) -> None:
    """A last year's copy of `sheet` kept beside this year's: `sheet` becomes `new` and an
    older, different `old` sheet follows it."""
    stale = copy.deepcopy(book[sheet])
    for r in stale.rows[stale.header + stale.depth:]:
        for i, v in enumerate(r):
            if isinstance(v, str) and v.startswith("2025-"):
                r[i] = "2024" + v[4:]
    items = []
    for n, sh in book.items():
        items.append((new if n == sheet else n, sh))
        if n == sheet:
            items.append((old, stale))
    book.clear()
    book.update(items)


UNIT_FORM_STYLES = ("colon", "label-colon", "value-colon", "numbered", "inline", "two-columns", "kv")


def unit_form(book: Book, style: str = "colon", signature: bool = True) -> None:
    """The Unit sheet as a form under a title: `label | : | value` ("colon"), `Label :` |
    value ("label-colon"), label | `: value` ("value-colon"), `1.` | label | `:` | value
    ("numbered"), the colon form with `Tahun Kinerja: 2025` in one cell ("inline"), two
    blocks of `label | : | value` side by side ("two-columns"), or `Kolom | Isi` ("kv");
    a `Nomor : ...` line and a signature block, whose labels name no field."""
    sheet = book[[n for n in book if "Unit" in n][0]]
    head, data = table(sheet)
    pairs = [(h, data[0][i]) for i, h in enumerate(head)]
    rows: list = [["IDENTITAS UNIT KERJA"], ["Nomor", ":", "ID-01/2025"], []]
    merged = ["A1:D1"]

    def value(v):
        return None if v in ("", None) else v

    if style == "kv":
        rows.append(["Kolom", "Isi"])
    for i, (label, v) in enumerate(pairs, start=1):
        if style == "label-colon":
            rows.append([f"{label} :", value(v)])
        elif style == "value-colon":
            rows.append([label, f": {v}" if value(v) is not None else ":"])
        elif style == "numbered":
            rows.append([f"{i}.", label, ":", value(v)])
        elif style == "inline" and label == "Tahun Kinerja":
            rows.append([f"{label}: {v}"])
        elif style == "kv":
            rows.append([label, value(v)])
        else:
            rows.append([label, ":", value(v)])
    if style == "two-columns":
        body = rows[3:]
        half = (len(body) + 1) // 2
        rows = rows[:3] + [left + [None] + (body[half + k] if half + k < len(body) else [])
                           for k, left in enumerate(body[:half])]
    if signature:
        rows += [[], [None, None, "Jakarta, 3 Februari 2025"], [None, None, "Asisten Deputi Contoh Kebijakan,"],
                 [None, None, "ttd"], [None, None, SIGNER[0]], [None, None, SIGNER[1]]]
    sheet.rows, sheet.merged, sheet.header, sheet.depth = rows, merged, 0, 1


def sk_groups(book: Book) -> None:
    """Pokja's header over two rows with generic sub-headers under their groups: `SK
    Penetapan` over `Nomor | Tanggal | Penandatangan`, `Konsultasi Ortala` over `Tanggal`,
    `Periode` over `Mulai | Selesai`; every other name merged down."""
    sheet = book[_named(book, "Pokja")]
    groups = {"SK Penetapan": {"Nomor SK": "Nomor", "Tanggal SK": "Tanggal", "NIP Penetap SK": "Penandatangan"},
              "Konsultasi Ortala": {"Tanggal Konsultasi Ortala": "Tanggal"},
              "Periode": {"Tanggal Mulai": "Mulai", "Tanggal Selesai": "Selesai"}}
    grouped_header(sheet, groups)


def grouped_header(sheet: Sheet, groups: dict) -> None:
    """A two-row header: each group's label merged over its columns, their sub-headers
    below; every other column's name merged down the two rows."""
    assert sheet.depth == 1
    names = sheet.rows[sheet.header]
    top = _grow_header(sheet, 2)
    upper, lower = [None] * len(names), [None] * len(names)
    sub = {col: (label, text) for label, cols in groups.items() for col, text in cols.items()}
    c = 0
    while c < len(names):
        name = names[c]
        if name in sub:
            label = sub[name][0]
            span = [k for k in range(c, len(names)) if names[k] in sub and sub[names[k]][0] == label]
            end = span[-1]
            upper[c] = label
            for k in range(c, end + 1):
                lower[k] = sub[names[k]][1]
            if end > c:
                sheet.merged.append(_range(c + 1, top, end + 1, top))
            c = end + 1
        else:
            upper[c] = name
            sheet.merged.append(_range(c + 1, top, c + 1, top + 1))
            c += 1
    sheet.rows[sheet.header:sheet.header + 1] = [upper, lower]


def _named(book: Book, kind_name: str) -> str:
    """The book's sheet for a base sheet name, whatever it was renamed to."""
    if kind_name in book:
        return kind_name
    for old, new in YEAR_NAMES.items():
        if old == kind_name and new in book:
            return new
    raise KeyError(kind_name)


def numbered_row(sheet: Sheet, style: str = "plain") -> None:
    """A column-number row under the header: "1 2 3" ("plain"), "(1) (2)" ("brackets"), or
    numbers counted from the sheet's column A for a table off column A ("sheet")."""
    at = sheet.header + sheet.depth
    cells = sheet.header_cells()
    first = next(i for i, v in enumerate(cells) if v not in (None, ""))
    out = [None] * len(cells)
    for i in range(first, len(cells)):
        n = i - first + 1 if style != "sheet" else i + 1
        out[i] = f"({n})" if style == "brackets" else str(n)
    sheet.insert(at, [out])


def off_column(sheet: Sheet, n: int = 1, title: list[str] | None = None) -> None:
    """The table moved `n` columns right, under a title merged over two rows (B2:H3)."""
    for r in sheet.rows:
        r[0:0] = [None] * n
    moved = []
    for rng in sheet.merged:
        (c0, r0), (c1, r1) = _cells(rng)
        moved.append(_range(c0 + n, r0, c1 + n, r1))
    sheet.merged = moved
    if title:
        width = max(sheet.width, n + 2)
        sheet.insert(0, [[], [None] * n + [" ".join(title)], [], []])
        sheet.merged.append(_range(n + 1, 2, width, 3))


def total_row(sheet: Sheet, label: str = "JUMLAH") -> None:
    """`JUMLAH | 6` under the table (after a blank row)."""
    n = len(sheet.rows) - sheet.header - sheet.depth
    lead = _lead(sheet)
    sheet.rows += [[], [None] * lead + [label, f"{n}"]]


def notes(sheet: Sheet) -> None:
    """`Keterangan:` and numbered notes, then a footnote, under the table."""
    lead = _lead(sheet)
    sheet.rows += [[], [None] * lead + ["Keterangan:"], [None] * lead + ["1. Data per 31 Januari 2025."],
                   [None] * lead + ["2. Nama ditulis lengkap dengan gelar."], [None] * lead + ["*) wajib diisi"]]


def signature(sheet: Sheet, short: bool = False, decree: bool = True) -> None:
    """A signature block under the table, at its right side: `Ditetapkan di Jakarta`, `pada
    tanggal ...`, the position ending in a comma, `ttd`, the name, `NIP. ...`; `short`: the
    name and the NIP line only."""
    col = max(len(sheet.header_cells()) - 2, 1)
    lines = [] if short else (["Ditetapkan di Jakarta", "pada tanggal 20 Januari 2025"] if decree
                              else ["Jakarta, 20 Januari 2025"]) + ["ASISTEN DEPUTI CONTOH KEBIJAKAN,", "ttd"]
    lines += list(SIGNER)
    sheet.rows += [[]] + [[None] * col + [line] for line in lines]


def side_notes(sheet: Sheet) -> None:
    """Notes typed right of the table, two columns past its last header cell."""
    col = len(sheet.header_cells()) + 1
    first = sheet.header + sheet.depth
    for k, r in enumerate(sheet.rows[first:first + 2]):
        r += [None] * (col - len(r)) + [["cek ulang NIP", "sudah dikonfirmasi"][k]]


def numbered_empty_rows(sheet: Sheet, n: int = 3) -> None:
    """Template rows that hold only their number (in the table's first column), after the data."""
    lead = _lead(sheet)
    count = len(sheet.rows) - sheet.header - sheet.depth
    sheet.rows += [[None] * lead + [count + k] for k in range(1, n + 1)]


def _lead(sheet: Sheet) -> int:
    cells = sheet.header_cells()
    return next(i for i, v in enumerate(cells) if v not in (None, ""))


def hide(sheet: Sheet, rows=(), cols=(), autofilter: bool = False) -> None:
    """Hide data rows (0-based positions after the header) and columns, or save a filter."""
    first = sheet.header + sheet.depth + 1
    sheet.hidden_rows |= {first + r for r in rows}
    sheet.hidden_cols |= set(cols)
    if autofilter:
        sheet.autofilter = _range(1, sheet.header + sheet.depth, sheet.width, len(sheet.rows))


BANNER_STYLES = ("letter", "digit", "roman", "name", "digit-cell")


def _banner(style: str, g: int, name: str) -> list:
    if style == "digit":
        return [f"{g + 1}. {name.upper()}"]
    if style == "roman":
        return [f"{['I', 'II', 'III', 'IV'][g]}. {name}"]
    if style == "name":
        return [name.upper()]
    if style == "digit-cell":
        return [f"{g + 1}.", name.upper()]
    return [f"{'ABCDEFGH'[g]}. {name.upper()}"]


def anggota_banners(book: Book, style: str = "digit", roles: bool = False, merge: bool = True) -> None:
    """Anggota Pokja as a decree annex with its Pokja in banners only: "1. POKJA ...",
    "I. Pokja ...", "A. POKJA ...", the Pokja's name alone ("name"), or its number in a cell
    of its own ("digit-cell"); each banner merged across the table (`merge`), and with
    `roles` the members grouped under role sub-headings "a) Pengarah", "b) Ketua", ... (then
    no Kedudukan cell is merged)."""
    sheet = book[_named(book, "Anggota Pokja")]
    anggota_decree(book, pokja="section", merge_kedudukan=not roles)
    head = sheet.rows[0]
    width = len(head)
    out = [head]
    merged = [] if roles else [m for m in sheet.merged if not _is_row_merge(m, width)]
    names = _pokja_names(book)
    g = -1
    seen: set = set()
    for row in sheet.rows[1:]:
        if len(row) == 1 and isinstance(row[0], str) and "POKJA" in row[0].upper():
            g += 1
            name = next(n for n in names.values() if n.upper() in row[0].upper())
            out.append(_banner(style, g, name))
            seen = set()
            if merge:
                merged.append(_range(2 if style == "digit-cell" else 1, len(out), width, len(out)))
            continue
        if roles:
            ked = str(row[3] or "")
            role = ("Pengarah" if ked == "Penanggung Jawab" else "Ketua" if ked.startswith("Ketua")
                    else "Anggota" if ked.startswith("Anggota") else None)
            if role and role not in seen:
                seen.add(role)
                out.append([None, f"{'abc'[len(seen) - 1]}) {role}"])
        out.append(row)
    sheet.rows, sheet.merged = out, merged


def _is_row_merge(rng: str, width: int) -> bool:
    (c0, r0), (c1, r1) = _cells(rng)
    return r0 == r1 and c0 == 1 and c1 == width


def stacked_anggota(book: Book, numbers: bool = True, sub_title: bool = True) -> None:
    """Anggota Pokja as one table per Pokja, each under its own title ("SUSUNAN KEANGGOTAAN
    POKJA ..."), with its own header (and column-number row), no Pokja column; blank rows
    between the tables."""
    sheet = book[_named(book, "Anggota Pokja")]
    head, data = table(sheet)
    idx = {h: i for i, h in enumerate(head)}
    names = _pokja_names(book)
    cols = ["No", "Nama", "NIP", "Jabatan", "Kedudukan", "Uraian Tugas", "Output"]
    jab = _pegawai_jabatan(book)
    out, merged = [], []
    groups: dict = {}
    for r in data:
        groups.setdefault(r[idx["Kode Pokja"]], []).append(r)
    for code, members in groups.items():
        if out:
            out += [[], []]
        out.append([f"SUSUNAN KEANGGOTAAN {names[code].upper()}"])
        merged.append(_range(1, len(out), len(cols), len(out)))
        if sub_title:
            out.append(["TAHUN KINERJA 2025"])
            merged.append(_range(1, len(out), len(cols), len(out)))
        out.append([])
        out.append(list(cols))
        if numbers:
            out.append([f"({i})" for i in range(1, len(cols) + 1)])
        for i, m in enumerate(members, start=1):
            ked = m[idx["Kedudukan"]]
            out.append([i, m[idx["Nama"]], m[idx["NIP"]] or None,
                        jab.get(m[idx["Nama"]]) or ("Deputi" if ked == "Pengarah" else "Pramu Bakti"), ked,
                        m[idx["Uraian Tugas"]], m[idx["Output"]]])
    sheet.rows, sheet.merged, sheet.header, sheet.depth = out, merged, 0, 1


def unicode_spaces(book: Book) -> None:
    """NIPs copied from web pages: a non-breaking space (U+00A0) and a narrow one (U+202F)
    between their parts; PK's Kode Target with a non-breaking space inside and a zero-width
    one at its end ("PK\u00a0-01\u200b", read as PK-01)."""
    sheet = book[_named(book, "Pegawai")]
    set_column(sheet, "NIP", lambda v: f"{v[:8]}\u00a0{v[8:14]}\u202f{v[14]} {v[15:]}" if len(v) == 18 else v)
    pk = book[_named(book, "PK")]
    set_column(pk, "Kode Target", lambda v: f"{v[:2]}\u00a0{v[2:]}\u200b")


def office_unit(names: bool = True, form: str | None = "colon", groups: bool = True, banners: str | None = "digit",
                roles: bool = False, stacked: bool = False, totals: bool = True, footnotes: bool = True,
                signatures: bool = True, short_signature: bool = False, offset: bool = False,
                numbers: str | None = "plain", hidden: bool = True, sides: bool = True, spaces: bool = True,
                empty_rows: bool = True, mph: str | None = "indicator", v2: dict | None = None,
                before=None) -> Book:
    """The base unit kept as offices keep it: a combination of the version-3 habits (defaults:
    all of them), on top of `v2` (real_unit's choices, when given); `before` edits the base
    unit first."""
    if v2 is not None:
        book = real_unit(**v2, before=before)
    else:
        book = base_book()
        if before is not None:
            before(book)
    if v2 is None and mph:
        mph_matrix(book, header=mph, nip=False, split=True, rows=2)
    if spaces:
        unicode_spaces(book)
    if form:
        unit_form(book, form)
    if groups:
        sk_groups(book)
    plain_anggota = v2 is None or v2.get("anggota", "section") is None     # else v2's decree layout stays
    if stacked and plain_anggota:
        stacked_anggota(book)
    elif banners and plain_anggota:
        anggota_banners(book, banners, roles=roles)
    peg = book["Pegawai"]
    if offset:
        off_column(peg, 1, ["DAFTAR PEGAWAI", "ASISTEN DEPUTI CONTOH KEBIJAKAN"])
    if numbers and book["Pegawai"].depth == 1:
        numbered_row(peg, "sheet" if offset else numbers)
    if sides:
        side_notes(book["Pokja"])
    if hidden:
        hide(peg, rows=[1], cols=[1], autofilter=True)
    if totals:
        total_row(peg)
    if empty_rows and not (stacked and plain_anggota):
        numbered_empty_rows(book["Anggota Pokja"])
    if footnotes:
        notes(peg)
        notes(book["MPH"])
    if signatures:
        signature(book["Anggota Pokja"], short=short_signature)
        signature(book["Pegawai"], decree=False)
    if names:
        annex_names(book)
    return copy.deepcopy(book)


# --------------------------------------------------------------------------- SIASN roster

# The columns of a SIASN employee export, in its order (67: the ones the checker reads, the
# others it ignores).
SIASN_COLUMNS = (
    ["pns_id", "nip_baru", "nip_lama", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir_id",
     "tempat_lahir_nama", "tanggal_lahir", "jenis_kelamin", "agama_id", "agama_nama", "email", "nik",
     "alamat", "nomor_hp", "nomor_telpon", "jenis_pegawai_id", "jenis_pegawai_nama", "kedudukan_hukum_id",
     "kedudukan_hukum_nama", "status_cpns_pns", "kartu_pegawai", "nomor_sk_cpns", "tanggal_sk_cpns",
     "tmt_cpns", "nomor_sk_pns", "tanggal_sk_pns", "tmt_pns", "gol_awal_id", "gol_awal_nama", "gol_id",
     "gol_nama", "tmt_golongan", "mk_tahun", "mk_bulan", "jenis_jabatan_id", "jenis_jabatan_nama",
     "jabatan_id", "jabatan_nama", "tmt_jabatan", "tingkat_pendidikan_id", "tingkat_pendidikan_nama",
     "pendidikan_id", "pendidikan_nama", "tahun_lulus", "kpkn_id", "kpkn_nama", "lokasi_kerja_id",
     "lokasi_kerja_nama", "unor_id", "unor_nama", "instansi_induk_id", "instansi_induk_nama",
     "instansi_kerja_id", "instansi_kerja_nama", "satuan_kerja_induk_id", "satuan_kerja_induk_nama",
     "satuan_kerja_kerja_id", "satuan_kerja_kerja_nama", "is_valid_nik", "flag_ikd", "tmt_pensiun",
     "bup", "tanggal_update", "npwp", "bpjs"])
assert len(SIASN_COLUMNS) == 67

SIASN_JENIS = {"JPT Pratama": "Jabatan Struktural", "Fungsional": "Jabatan Fungsional Tertentu",
               "Pelaksana": "Jabatan Pelaksana"}


def siasn_rows(book: Book, unit_name: str | None = None, moved: dict | None = None) -> list[list[str]]:
    """The unit's Pegawai with a NIP as SIASN rows (upper-case names without titles, NIPs with a
    leading apostrophe, `-` and `0000-00-00` for empty); `moved`: NIP -> another unit's name."""
    header, rows = table(book["Pegawai"])
    idx = {h: i for i, h in enumerate(header)}
    unit = unit_name or table(book["Unit"])[1][0][table(book["Unit"])[0].index("Nama Unit")]
    out = []
    for n, r in enumerate(rows, start=1):
        nip = str(r[idx["NIP"]] or "").replace("NIP. ", "")
        if not nip:
            continue
        rec = dict.fromkeys(SIASN_COLUMNS, "-")
        rec.update(pns_id=f"A8ACA7{n:04d}", nip_baru="'" + nip, nama=strip_titles(r[idx["Nama"]]).upper(),
                   gelar_depan="-", gelar_belakang=r[idx["Nama"]].split(",", 1)[1].strip() if "," in r[idx["Nama"]]
                   else "-", tanggal_lahir=f"{nip[6:8]}-{nip[4:6]}-{nip[:4]}", tmt_pensiun="0000-00-00",
                   jenis_jabatan_nama=SIASN_JENIS.get(r[idx["Jenis Jabatan"]], "Jabatan Pelaksana"),
                   jabatan_nama=r[idx["Nama Jabatan"]], unor_id=f"8ae48{n:03d}", unor_nama=(moved or {}).get(nip, unit),
                   kedudukan_hukum_nama="Aktif", instansi_induk_nama="Kementerian Koordinator Bidang Perekonomian")
        out.append([rec[c] for c in SIASN_COLUMNS])
    return out


def write_siasn_csv(rows: list[list[str]], path, delimiter: str = "|", bom: bool = True, upper: bool = False) -> str:
    header = [c.upper() for c in SIASN_COLUMNS] if upper else list(SIASN_COLUMNS)
    text = "\r\n".join(delimiter.join(r) for r in [header] + rows) + "\r\n"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)
