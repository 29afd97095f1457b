"""Table headers (decree-format.md §3.4, §3.5): the column names a table's header gives,
found in its first 3 rows, over two rows where a group cell (`Penugasan`) sits over its
columns: a column's name is its lowest non-empty header cell. Names are folded as in
input-format.md (checker.input.values.fold_header)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.input.values import fold_header
from checker.load.decree.blocks import Table

# canonical column -> accepted headers (§3.4 table, exactly)
MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "no": ("No", "No.", "Nomor", "Nomor Urut"),
    "nama": ("Nama", "Nama/NIP", "Nama / NIP", "Nama dan NIP", "Nama NIP", "Nama Pegawai"),
    "nip": ("NIP",),
    "jabatan": ("Jabatan", "Nama Jabatan", "Jabatan Dinas", "Pangkat/Jabatan"),
    "kedudukan": ("Kedudukan", "Kedudukan dalam Pokja", "Kedudukan dalam Tim", "Kedudukan dalam Kelompok Kerja",
                  "Jabatan dalam Pokja", "Jabatan dalam Tim", "Peran dalam Pokja", "Keanggotaan"),
    "uraian_tugas": ("Uraian Tugas", "Tugas", "Rincian Tugas", "Uraian Tugas Anggota"),
    "output": ("Output", "Keluaran", "Hasil", "Hasil Kerja", "Output/Keluaran"),
    "pokja": ("Pokja", "Nama Pokja", "Kelompok Kerja"),
}
# §3.5: target and task columns
TARGET_COLUMNS = ("Target Kinerja", "Target PK", "Target Kinerja PK", "Indikator Kinerja", "Target")
TASK_COLUMNS = ("Tugas Pokja", "Uraian Tugas Pokja")
# Header words that name no column the reader uses but mark a row as a header row.
OTHER_HEADERS = ("Keterangan", "Ket", "Ket.", "Satuan", "Kode Target", "Kode", "Indikator", "Sasaran", "Penugasan",
                 "Uraian", "Tugas dan Fungsi", "Kode Pokja")

KEYS: dict[str, str] = {}
for _key, _names in MEMBER_COLUMNS.items():
    KEYS.update((fold_header(n), _key) for n in _names)
KEYS.update((fold_header(n), "target") for n in TARGET_COLUMNS)
KEYS.update((fold_header(n), "tugas_pokja") for n in TASK_COLUMNS)
_OTHER = {fold_header(n) for n in OTHER_HEADERS}

_COLUMN_NUMBER_RE = re.compile(r"^\(?\d{1,2}\)?$")
_SPACE_RE = re.compile(r"\s+")


def column_key(text: str) -> str | None:
    return KEYS.get(fold_header(text)) if text else None


def is_header_word(text: str) -> bool:
    k = fold_header(text)
    return bool(k) and (k in KEYS or k in _OTHER)


@dataclass
class Header:
    rows: tuple[int, ...]                                   # 0-based header rows
    names: dict[int, str] = field(default_factory=dict)     # grid column -> header text (one line)
    keys: dict[int, str] = field(default_factory=dict)      # grid column -> canonical key

    @property
    def end(self) -> int:
        return self.rows[-1]

    def col(self, key: str) -> int | None:
        return next((c for c, k in sorted(self.keys.items()) if k == key), None)

    def cols(self, key: str) -> list[int]:
        return [c for c, k in sorted(self.keys.items()) if k == key]

    @property
    def is_member(self) -> bool:
        return "nama" in self.keys.values() and "kedudukan" in self.keys.values()

    @property
    def is_data(self) -> bool:
        """A data table, never a layout table: two known columns, or a target or task column."""
        vals = set(self.keys.values())
        return len(vals) >= 2 or bool(vals & {"target", "tugas_pokja"})


def own_cells(table: Table, r: int):
    """The origin cells that begin in row r, left to right."""
    return [c for c in table.row_cells(r) if c.row == r]


def is_column_number_row(table: Table, r: int) -> bool:
    """`1 2 3 ...` or `(1) (2) ...` (two or more filled cells, all numbers)."""
    filled = [c.text for c in own_cells(table, r) if c.text.strip()]
    return len(filled) >= 2 and all(_COLUMN_NUMBER_RE.match(t.strip()) for t in filled)


def _row_keys(table: Table, r: int) -> dict[int, str]:
    out = {}
    for c in own_cells(table, r):
        k = column_key(c.text)
        if k:
            out[c.col] = k
    return out


def _continues_header(table: Table, r: int) -> bool:
    filled = [c for c in own_cells(table, r) if c.text.strip()]
    return bool(filled) and all(is_header_word(c.text) for c in filled)


def find_header(table: Table) -> Header | None:
    """The header in the first 3 rows: the first row naming a known column, with the next
    row when it holds only header words (a two-row header)."""
    limit = min(3, table.n_rows)
    for h in range(limit):
        if not _row_keys(table, h):
            continue
        band = [h]
        if h + 1 < table.n_rows and _continues_header(table, h + 1):
            band.append(h + 1)
        header = Header(tuple(band))
        for col in range(table.n_cols):
            for r in reversed(band):
                text = table.text(r, col).strip()
                if text:
                    header.names[col] = _SPACE_RE.sub(" ", text)
                    break
            for r in reversed(band):
                k = column_key(table.text(r, col))
                if k:
                    header.keys[col] = k
                    break
        return header
    return None


def is_repeated_header(table: Table, header: Header, r: int) -> bool:
    """A row repeating the header (pasted after a page break)."""
    keys = _row_keys(table, r)
    return len(keys) >= 2 and all(header.keys.get(c) == k for c, k in keys.items())
