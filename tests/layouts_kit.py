"""Unit workbooks in the layouts real unit files have (input-format.md, version 2), built from
the compliant example unit of the rule base (rules/_example_base.yaml).

A `Book` is {sheet name: Sheet}; a `Sheet` holds its rows (row 1 first, lists of cell values
from column A), its merged ranges ("A1:C1") and where its header starts. Each layout below
rewrites one or more sheets the way a real file has them, keeping the unit compliant:

    book = base_book()
    mph_matrix(book, header="indicator", nip=False, split=True, rows=3)
    anggota_decree(book, pokja="section")
    pokja_by_name(book)
    write_book(book, path)

`real_unit(**choices)` applies a combination of them (the property test draws one).
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
    """(header, data rows) of a sheet still in its plain layout."""
    return sheet.rows[sheet.header], sheet.rows[sheet.header + 1:]


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

def write_book(book: Book, path) -> str:
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return str(path)


def real_unit(mph="indicator", mph_rows=3, mph_nip=False, split=True, anggota="section", by_name=True,
              siasn_names=True, dates=True, titles=True, numbers=True, prefix=True) -> Book:
    """The base unit with a combination of the real layouts (defaults: all of them)."""
    book = base_book()
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
