"""The unit workbook's sheets, columns and vocabularies as data (input-format.md).

`required` of a column:
  None          optional
  "rancangan" / "penetapan" / "evaluasi"
                the column must exist from that stage on (a missing one is a loader Problem
                "column_missing" with that `required_from`)
  "conditional" required only when some row needs it; facts.py decides, from the stage in
                `conditional_from` (e.g. Nomor Persetujuan Pimpinan: for outsiders, at
                penetapan).
                Exception, decided here: a "conditional" column of kind "nip" (the "yes*" NIP
                of Pegawai, MPH and Anggota Pokja, where only tenaga pendukung may leave the
                cell empty) must still EXIST: the loader reports it missing from "rancangan"
                (see `missing_column_stage`). Its empty cells are a matter for facts.py.

Field names are the snake_case of the canonical label.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.input.values import cell_text, fold_header
from checker.terms import STAGES  # noqa: E402,F401  (re-exported: required-from stages)

# The template's example row (row 2 of every sheet) starts with this marker; the loader
# never takes such a row for data.
EXAMPLE_MARKER = "CONTOH:"


def is_example_row(cells) -> bool:
    """True for the template's example row: its first non-empty cell, as trimmed text,
    starts with EXAMPLE_MARKER, case-insensitively. `cells` are a data row's values left
    to right (any types; None/NaN are empty)."""
    for v in cells:
        if v is None:
            continue
        t = cell_text(v)
        if t:
            return t[:len(EXAMPLE_MARKER)].casefold() == _MARKER_FOLDED
    return False


_MARKER_FOLDED = EXAMPLE_MARKER.casefold()


@dataclass(frozen=True)
class ColumnSpec:
    field: str            # snake_case identifier, e.g. "nomor_sk"
    label: str            # canonical header as in input-format.md, e.g. "Nomor SK"
    aliases: tuple[str, ...]
    kind: str             # "text" | "nip" | "date" | "code" | "codes" | "vocab:<name>" | "year" | "nama_nip"
    required: str | None  # None | "rancangan" | "penetapan" | "evaluasi" | "conditional"
    conditional_from: str | None = None   # for "conditional": stage from which the condition counts

    @property
    def vocab(self) -> str | None:
        return self.kind[6:] if self.kind.startswith("vocab:") else None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label,) + self.aliases


@dataclass(frozen=True)
class SheetSpec:
    kind: str             # "unit" | "pk" | "pegawai" | "mph" | "pokja" | "anggota" | "surat_tugas"
    label: str
    aliases: tuple[str, ...]
    required: bool
    columns: tuple[ColumnSpec, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label,) + self.aliases

    def column(self, field: str) -> ColumnSpec:
        for c in self.columns:
            if c.field == field:
                return c
        raise KeyError(field)

    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)


def missing_column_stage(col: ColumnSpec) -> str | None:
    """Stage from which a missing column is a loader Problem, None when never."""
    if col.required in STAGES:
        return col.required
    if col.required == "conditional" and col.kind == "nip":
        return "rancangan"
    return None


def _c(field, label, kind="text", required=None, aliases=(), conditional_from=None) -> ColumnSpec:
    return ColumnSpec(field, label, tuple(aliases), kind, required, conditional_from)


# The same NIP and Nama aliases are accepted on every sheet (the contract lists them on
# Pegawai; they are unambiguous elsewhere too).
NIP_ALIASES = ("NIP Baru", "NIP/NI PPPK", "NIP_BARU")
NAMA_ALIASES = ("Nama Pegawai", "NAMA")
# A cell holding the name, then the NIP (decree annexes): it supplies the `nama` and `nip`
# fields of its sheet where the sheet has no column of its own for them (tables.py).
NAMA_NIP_FIELD = "nama_nip"


def _nama_nip():
    return _c(NAMA_NIP_FIELD, "Nama/NIP", "nama_nip", None, ("Nama / NIP", "Nama dan NIP"))

R, P, E, COND = "rancangan", "penetapan", "evaluasi", "conditional"

UNIT = SheetSpec("unit", "Unit", ("Identitas Unit",), True, (
    _c("kode_unit", "Kode Unit", "code", R),
    _c("nama_unit", "Nama Unit", "text", R),
    _c("unit_jpt_madya", "Unit JPT Madya", "text", R, ("Unit Eselon I", "Kedeputian")),
    _c("nip_jpt_pratama", "NIP JPT Pratama", "nip", R),
    _c("nama_jpt_pratama", "Nama JPT Pratama", "text", R),
    _c("nip_jpt_madya", "NIP JPT Madya", "nip", R),
    _c("nama_jpt_madya", "Nama JPT Madya", "text", R),
    _c("nip_plt_jpt_pratama", "NIP Plt JPT Pratama", "nip", None),
    _c("pola_struktur", "Pola Struktur", "vocab:pola", None),
    _c("tahun_kinerja", "Tahun Kinerja", "year", R),
    _c("instansi", "Instansi", "text", None),
))

PK = SheetSpec("pk", "PK", ("Perjanjian Kinerja", "Target Kinerja"), True, (
    _c("kode_target", "Kode Target", "code", R, ("Kode", "No")),
    _c("sasaran", "Sasaran", "text", None, ("Sasaran Kegiatan", "Sasaran Strategis")),
    _c("indikator_kinerja", "Indikator Kinerja", "text", R, ("Indikator", "IKU", "IKI")),
    _c("target", "Target", "text", None),
    _c("satuan", "Satuan", "text", None),
))

PEGAWAI = SheetSpec("pegawai", "Pegawai", ("Daftar Pegawai", "Pegawai Unit"), True, (
    _c("nip", "NIP", "nip", COND, NIP_ALIASES, R),
    _c("id_pegawai", "ID Pegawai", "text", None),
    _c("nama", "Nama", "text", R, NAMA_ALIASES),
    _c("jenis_jabatan", "Jenis Jabatan", "vocab:jenis_jabatan", R, ("JENIS_JABATAN_NAMA",)),
    _c("nama_jabatan", "Nama Jabatan", "text", None, ("Jabatan", "JABATAN_NAMA")),
    _c("status_kepegawaian", "Status Kepegawaian", "text", None, ("Status",)),
    _c("kedudukan_hukum", "Kedudukan Hukum", "text", None, ("KEDUDUKAN_HUKUM_NAMA", "Status Aktif")),
))

# MPH, long layout (one row per employee and target). `required` here is the long layout's.
MPH_LONG_COLUMNS = (
    _c("nip", "NIP", "nip", COND, NIP_ALIASES, R),
    _c("id_pegawai", "ID Pegawai", "text", None),
    _c("nama", "Nama", "text", None, NAMA_ALIASES),
    _c("kode_target", "Kode Target", "code", R),
    _c("peran_hasil", "Peran Hasil", "text", R,
       ("Peran", "Hasil", "Hasil Kerja", "Rencana Hasil Kerja", "RHK")),
    _c("kode_pokja", "Kode Pokja", "code", None),
)
# MPH, matrix layout: the employee columns; every other column whose header names a PK
# target (load/mph_sheet.py: a code-like first word, or the text of a target's indicator) is a
# target column. Nama is required in this layout; NIP is not (real MPH forms list names,
# and a row without NIP is matched by name).
MPH_MATRIX_COLUMNS = (
    _c("no", "No", "text", None),
    _c("nip", "NIP", "nip", None, NIP_ALIASES),
    _c("id_pegawai", "ID Pegawai", "text", None),
    _c("nama", "Nama", "text", R, NAMA_ALIASES),
    _c("nama_jabatan", "Jabatan", "text", None, ("Nama Jabatan", "JABATAN_NAMA")),
)
# Known MPH names (both layouts) for sheet header detection.
MPH = SheetSpec("mph", "MPH", (
    "Matriks Peran dan Hasil", "Matriks Pembagian Peran dan Hasil", "MPPH", "Matrik Peran Hasil",
), True, MPH_LONG_COLUMNS + (MPH_MATRIX_COLUMNS[0], MPH_MATRIX_COLUMNS[4]))
# Layout rule: a Kode Target column present => long, else matrix.
MPH_LAYOUT_FIELD = "kode_target"

POKJA = SheetSpec("pokja", "Pokja", ("Kelompok Kerja", "Tim Kerja", "Daftar Pokja"), True, (
    _c("kode_pokja", "Kode Pokja", "code", R),
    _c("nama_pokja", "Nama Pokja", "text", R),
    _c("jenis_pokja", "Jenis Pokja", "vocab:jenis_pokja", R),
    _c("kode_target", "Kode Target", "codes", R, ("Target PK",)),
    _c("tugas_pokja", "Tugas Pokja", "text", R, ("Tugas", "Uraian Tugas Pokja")),
    _c("nomor_sk", "Nomor SK", "text", P),
    _c("tanggal_sk", "Tanggal SK", "date", P),
    _c("nip_penetap_sk", "NIP Penetap SK", "nip", P, ("Penandatangan SK", "NIP Penandatangan")),
    _c("tanggal_konsultasi_ortala", "Tanggal Konsultasi Ortala", "date", P),
    _c("tanggal_mulai", "Tanggal Mulai", "date", None, ("Mulai",)),
    _c("tanggal_selesai", "Tanggal Selesai", "date", None, ("Selesai",)),
    _c("tanggal_persetujuan_rencana_kerja", "Tanggal Persetujuan Rencana Kerja", "date", E),
    _c("tanggal_laporan", "Tanggal Laporan", "date", E),
    _c("tanggal_diterima_jpt_madya", "Tanggal Diterima JPT Madya", "date", E),
))

ANGGOTA = SheetSpec("anggota", "Anggota Pokja", (
    "Susunan Pokja", "Keanggotaan Pokja", "Susunan Keanggotaan",
), True, (
    _c("kode_pokja", "Kode Pokja", "code", R),
    _c("nip", "NIP", "nip", COND, NIP_ALIASES, R),
    _c("id_pegawai", "ID Pegawai", "text", None),
    _c("nama", "Nama", "text", None, NAMA_ALIASES),
    # decree annexes head it "Kedudukan dalam Tim"
    _c("kedudukan", "Kedudukan", "vocab:kedudukan", R, ("Jabatan dalam Pokja", "Peran dalam Pokja",
                                                         "Kedudukan dalam Pokja", "Kedudukan dalam Tim")),
    _c("jenis_jabatan", "Jenis Jabatan", "vocab:jenis_jabatan", COND, (), R),   # for outsiders
    _c("nama_jabatan", "Nama Jabatan", "text", None, ("Jabatan",)),
    _c("kode_unit_asal", "Kode Unit Asal", "code", None, ("Unit Asal",)),
    _c("instansi_asal", "Instansi Asal", "text", None),
    _c("cara_penugasan", "Cara Penugasan", "vocab:cara_penugasan", None),
    _c("nomor_persetujuan_pimpinan", "Nomor Persetujuan Pimpinan", "text", COND,
       ("Persetujuan Pelibatan",), P),                                          # for outsiders
    _c("uraian_tugas", "Uraian Tugas", "text", R, ("Tugas",)),
    _c("output", "Output", "text", R, ("Keluaran", "Hasil")),
    _c("tanggal_persetujuan_pimpinan", "Tanggal Persetujuan Pimpinan", "date", None),
    _c("tanggal_rekomendasi_penilaian", "Tanggal Rekomendasi Penilaian", "date", COND, (), E),
    # ^ for members from another unit of this instansi
))

# Kode Target on Surat Tugas is a list like on Pokja (one ST may cover several targets); it is
# optional (input-format.md v3: empty for a task outside the PK), and the holder is found by NIP,
# ID Pegawai or Nama as on the other sheets.
SURAT_TUGAS = SheetSpec("surat_tugas", "Surat Tugas", ("Penugasan Individu",), False, (
    _c("nomor_surat_tugas", "Nomor Surat Tugas", "text", R, ("Nomor ST",)),
    _c("tanggal", "Tanggal", "date", None),
    _c("nip", "NIP", "nip", R, NIP_ALIASES),
    _c("id_pegawai", "ID Pegawai", "text", None),
    _c("nama", "Nama", "text", None, NAMA_ALIASES),
    _c("kode_target", "Kode Target", "codes", None),
    _c("uraian_tugas", "Uraian Tugas", "text", None),
    _c("output", "Output", "text", None),
))

SHEETS: tuple[SheetSpec, ...] = (UNIT, PK, PEGAWAI, MPH, POKJA, ANGGOTA, SURAT_TUGAS)
SHEETS_BY_KIND: dict[str, SheetSpec] = {s.kind: s for s in SHEETS}

# Columns real unit files have besides the contract's own, read but never written by the
# template (its layout keeps one value per cell): `Nama/NIP` in one cell, and on Anggota
# Pokja the Pokja's name, which identifies it where no sheet has a Kode Pokja.
NAMA_POKJA_ANGGOTA = _c("nama_pokja", "Nama Pokja", "text", None, ("Pokja",))
LAYOUT_COLUMNS: dict[str, tuple[ColumnSpec, ...]] = {
    "pegawai": (_nama_nip(),),
    "mph": (_nama_nip(),),
    "anggota": (NAMA_POKJA_ANGGOTA, _nama_nip()),
    "surat_tugas": (_nama_nip(),),
}


def read_columns(kind: str, columns: tuple[ColumnSpec, ...]) -> tuple[ColumnSpec, ...]:
    """The columns the loader looks for on a sheet of `kind`: the contract's `columns` and
    the real layouts' own."""
    return columns + LAYOUT_COLUMNS.get(kind, ())


# --------------------------------------------------------------------- name lookup

def sheet_name_keys(spec: SheetSpec) -> frozenset[str]:
    """Folded names a workbook sheet may carry for `spec`, incl. Excel's 31-char cut."""
    keys = set()
    for n in spec.names:
        keys.add(fold_header(n))
        keys.add(fold_header(n[:31]))
    return frozenset(keys)


@functools.lru_cache(maxsize=64)             # the sheet specs are constants: computed once each
def column_name_keys(columns: tuple[ColumnSpec, ...]) -> dict[str, tuple[str, int]]:
    """fold_header(name) -> (field, priority); the canonical label has priority 0, aliases
    1, 2, ... in order. A name used by two fields of one sheet is a schema bug."""
    out: dict[str, tuple[str, int]] = {}
    for c in columns:
        for i, n in enumerate(c.names):
            k = fold_header(n)
            prev = out.get(k)
            if prev is not None and prev[0] != c.field:
                raise ValueError(f"column name {n!r} used by {prev[0]} and {c.field}")
            if prev is None or i < prev[1]:
                out[k] = (c.field, i)
    return out
