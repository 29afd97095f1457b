"""Location labels (decree-format.md §5) and the map from any paragraph to its location.

Labels are Indonesian in every language (they name places in an Indonesian document, like a
sheet name): `Judul`, `Nomor`, `Tentang`, `Menimbang`, `Mengingat`, `Diktum KEDUA`, `Diktum
KEDUA huruf b`, `Diktum KESATU tabel 1 baris 3 kolom Tugas Pokja`, `Lampiran tabel 1 baris 7
kolom Output`, `Penandatanganan`, `Dokumen`.

Decisions where the contract is silent:
- An item is named by its label: a letter is `huruf b`, a number `angka 1` (a roman number
  too: `angka iv`), an item under another names both (`huruf b angka 1`); an item with no
  label, or a bullet, is `butir n` (its position among the diktum's items).
- Tables are numbered within each diktum (`Diktum KESATU tabel 1`) and within the Lampiran;
  a layout table (unrolled into lines) is not numbered.
- `Memperhatikan` has part `mengingat` and the label `Memperhatikan`; `MEMUTUSKAN` and
  `Menetapkan` have part `diktum` and the label `Diktum`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.load.decree.blocks import Cell, Paragraph, Table
from checker.load.decree.draft_model import DOCUMENT, Location
from checker.load.decree.words import BULLET_RE, TYPED_LABEL_RE

PART_LABELS = {"judul": "Judul", "nomor": "Nomor", "tentang": "Tentang", "menimbang": "Menimbang",
               "mengingat": "Mengingat", "diktum": "Diktum", "lampiran": "Lampiran",
               "penandatanganan": "Penandatanganan", "dokumen": "Dokumen"}

_SPACE_RE = re.compile(r"\s+")
_LABEL_PUNCT_RE = re.compile(r"^[(\[]+|[.):\]]+$")


def table_label(head: str, table: int | None = None, row: int | None = None, column: str | None = None) -> str:
    out = head
    if table is not None:
        out += f" tabel {table}"
    if row is not None:
        out += f" baris {row}"
    if column:
        out += f" kolom {_SPACE_RE.sub(' ', column).strip()}"
    return out


def diktum_head(ordinal: str, ref: str = "") -> str:
    return f"Diktum {ordinal}" + (f" {ref}" if ref else "")


# ------------------------------------------------------------------ item references

def _word_kind(fmt: str | None) -> str | None:
    if fmt in ("lowerLetter", "upperLetter"):
        return "huruf"
    if fmt in ("decimal", "decimalZero", "lowerRoman", "upperRoman"):
        return "angka"
    return None


def _label_of(text: str, label: str, fmt: str | None, ilvl: int | None):
    """(signature, kind, value) of an item's label: Word's label first, else a typed one."""
    if label:
        kind = _word_kind(fmt)
        value = _LABEL_PUNCT_RE.sub("", label.strip())
        return ("w", ilvl or 0), kind, value
    m = TYPED_LABEL_RE.match(text)
    if m:
        v = m.group("pv") or m.group("v")
        form = "()" if m.group("pv") else m.group("p")
        if v.isdigit() or "." in v:
            kind = "angka"
        elif len(v) == 1:
            kind = "huruf"
        else:
            kind = "angka"                          # a roman number: ii, iv
        return ("t", kind, form), kind, v
    if BULLET_RE.match(text):
        return ("t", "bullet"), None, ""
    return None, None, ""


class ItemRefs:
    """The `ref` of each item of one diktum (or one Menimbang), in order."""

    def __init__(self):
        self._stack: list[tuple] = []          # (signature, ref part)
        self._n = 0

    def next(self, text: str, label: str = "", fmt: str | None = None, ilvl: int | None = None) -> str:
        self._n += 1
        sig, kind, value = _label_of(text, label, fmt, ilvl)
        if sig is None:
            return " ".join(p for _, p in self._stack) or f"butir {self._n}"
        part = f"{kind} {value}" if kind else f"butir {self._n}"
        sigs = [s for s, _ in self._stack]
        if sig in sigs:
            del self._stack[sigs.index(sig):]
        elif sig[0] == "w":
            while self._stack and self._stack[-1][0][0] == "w" and self._stack[-1][0][1] >= sig[1]:
                self._stack.pop()
        self._stack.append((sig, part))
        return " ".join(p for _, p in self._stack)


# ------------------------------------------------------------------ locator

@dataclass
class TablePlace:
    """Where a data table is: its part, the diktum it is in, its number and column names."""
    part: str
    head: str                      # "Diktum KESATU" or "Lampiran" or the part's label
    number: int | None
    columns: dict[int, str]


class Locator:
    """Every paragraph's location once the parts are known (parts.py fills it)."""

    def __init__(self):
        self.lines: dict[int, Location] = {}
        self.tables: dict[int, TablePlace] = {}

    def set_line(self, para: Paragraph, loc: Location) -> None:
        self.lines[id(para)] = loc

    def set_table(self, table: Table, place: TablePlace) -> None:
        self.tables[id(table)] = place

    def paragraph(self, part: str, label: str, para: Paragraph) -> Location:
        return Location(part, label, paragraph=para.body_index, anchor=para.path)

    def cell(self, table: Table, cell: Cell, column: int | None = None) -> Location:
        """A cell of a registered table (column: the grid column it is read at)."""
        place = self.tables.get(id(table))
        col = cell.col if column is None else column
        if place is None:
            return DOCUMENT
        name = place.columns.get(col)
        return Location(place.part, table_label(place.head, place.number, cell.row + 1, name),
                        table=place.number, row=cell.row + 1, column=name, anchor=cell.anchor)

    def row(self, table: Table, row: int, anchor: tuple[int, ...] | None) -> Location:
        place = self.tables.get(id(table))
        if place is None:
            return DOCUMENT
        return Location(place.part, table_label(place.head, place.number, row + 1), table=place.number,
                        row=row + 1, anchor=anchor)

    def table(self, table: Table) -> Location:
        place = self.tables.get(id(table))
        if place is None:
            return DOCUMENT
        anchor = table.cells[0].anchor if table.cells else None
        return Location(place.part, table_label(place.head, place.number), table=place.number, anchor=anchor)

    def locate(self, para: Paragraph | None) -> Location:
        """The location of any paragraph of the body: its line's, or its cell's in the
        nearest registered table, else `Dokumen`."""
        if para is None:
            return DOCUMENT
        loc = self.lines.get(id(para))
        if loc is not None:
            return loc
        cell = para.cell
        while cell is not None and cell.table is not None:
            if id(cell.table) in self.tables:
                return self.cell(cell.table, cell)
            parent = cell.table.parent
            if parent is None:
                break
            loc = None
            cell = parent
        return Location("dokumen", "Dokumen", paragraph=para.body_index, anchor=para.path)
