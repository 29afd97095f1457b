"""Lampiran member tables (decree-format.md §3.4).

A member table is a table outside the diktum whose header (table_headers.py) names `Nama` and
`Kedudukan`. Its rows are read in two passes: `structure()` tells the header, column-number,
repeated-header, empty, section and member rows apart (section rows and the heading before
the table may form Pokja, §3.6); `read()` then gives every member row its Pokja and cells,
and `join()` makes one Member of a person's rows in one Pokja.

Decisions where the contract is silent:
- A single filled cell in the Nama (or NIP) column that spans one column is a member row
  with nothing else filled, not a section row, unless its text names a Pokja, reads
  PENGARAH or begins with a Pokja word.
- A section row that names no Pokja (`II. KETUA`, `ANGGOTA`) ends a PENGARAH block and keeps
  the Pokja of the section it is in.
- A PENGARAH section inside a table whose Pokja is known from its heading (one table per
  Pokja) holds that Pokja's Pengarah; the common block is for tables listing several Pokja.
- A row in a PENGARAH block is a Pengarah whatever its Kedudukan cell says (the raw text is
  kept).
- A bracketed ID is a bracketed word without spaces holding a digit (`(PPNPN-014)`).
- Two rows are the same person when their NIPs are equal, or their IDs are, or their folded
  names are and their NIPs do not differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.input.nip import parse_nip
from checker.input.person_names import fold_name, split_nama_nip
from checker.input.values import fold_words, is_blank
from checker.input.vocab import parse_vocab
from checker.load.decree.blocks import Table
from checker.load.decree.draft_model import (
    CellValue,
    Kedudukan,
    Location,
    Member,
    MemberRow,
    MemberTable,
    TableRef,
)
from checker.load.decree.formed_pokja import Formed, PokjaNames, begins_with_pokja_word
from checker.load.decree.lines import Line, TableUnit
from checker.load.decree.locate import Locator
from checker.load.decree.table_headers import Header, is_column_number_row, is_repeated_header
from checker.load.decree.words import strip_label

PENGARAH = "PENGARAH"
_ID_RE = re.compile(r"[(\[]\s*([^\s()\[\]]*\d[^\s()\[\]]*)\s*[)\]]")


@dataclass
class RowKind:
    row: int
    kind: str                      # "member" | "section"
    text: str = ""                 # a section row's text


@dataclass
class Candidate:
    """A member table found, before Pokja are known."""
    unit: TableUnit
    ref: TableRef
    heading: tuple[str, Location] | None
    rows: list[RowKind] = field(default_factory=list)


def _nama_cols(h: Header) -> set[int]:
    return set(h.cols("nama")) | set(h.cols("nip"))


def _is_section_text(text: str) -> bool:
    t = fold_words(strip_label(text))
    return t == "pengarah" or begins_with_pokja_word(text)


def structure(table: Table, h: Header, names: PokjaNames | None = None) -> list[RowKind]:
    """The table's rows after its header: member rows and section rows."""
    out: list[RowKind] = []
    no_cols = set(h.cols("no"))
    nama_cols = _nama_cols(h)
    for r in range(h.end + 1, table.n_rows):
        if is_column_number_row(table, r) or is_repeated_header(table, h, r):
            continue
        cells = [c for c in table.row_cells(r) if not (c.col in no_cols and c.col_span == 1)]
        filled = [c for c in cells if c.text.strip()]
        if not filled:
            continue
        if len(filled) == 1 and filled[0].row == r:
            c = filled[0]
            text = c.plain.strip()
            if c.col_span >= 2 or c.col not in nama_cols or _is_section_text(text) \
                    or (names is not None and names.match(text)):
                out.append(RowKind(r, "section", text))
                continue
        out.append(RowKind(r, "member"))
    return out


def candidates(units: list, refs: dict[int, TableRef]) -> list[Candidate]:
    """The member tables among the registered Lampiran tables, each with the nearest
    non-empty paragraph before it."""
    out = []
    last_heading = None
    for u in units:
        if isinstance(u, Line):
            if u.text.strip():
                last_heading = (u.text.strip(), None, u)
            continue
        ref = refs.get(id(u.table))
        if ref is None or u.header is None or not u.header.is_member:
            continue
        heading = None
        if last_heading is not None:
            heading = (last_heading[0], last_heading[2])
        out.append(Candidate(u, ref, heading, structure(u.table, u.header)))
    return out


def add_formed(cands: list[Candidate], formed: Formed, locator: Locator) -> None:
    """§3.6: a section row or a heading directly before a member table that names no Pokja
    already formed and begins with a Pokja word forms that Pokja."""
    names = formed.names
    for c in cands:
        if c.heading is not None:
            text, line = c.heading
            if names.match(text) is None and begins_with_pokja_word(text):
                formed.add(_section_name(text), text, "heading", locator.locate(line.para))
        for rk in c.rows:
            if rk.kind == "section" and names.match(rk.text) is None and begins_with_pokja_word(rk.text):
                cell = c.unit.table.row_cells(rk.row)
                loc = locator.row(c.unit.table, rk.row, cell[0].anchor if cell else None)
                formed.add(_section_name(rk.text), rk.text, "section_row", loc)


def _section_name(text: str) -> str:
    name = strip_label(text).split("\n")[0]
    return name.split(":")[0].strip()


def _cell_value(locator: Locator, table: Table, row: int, col: int | None) -> CellValue | None:
    if col is None:
        return None
    cell = table.at(row, col)
    if cell is None:
        return CellValue("", "", locator.row(table, row, None))
    return CellValue(cell.text, cell.plain, locator.cell(table, cell, col))


def _kedudukan(raw: str, forced: bool) -> Kedudukan:
    also = "merangkap anggota" in fold_words(raw)
    if forced:
        return Kedudukan(raw, "Pengarah", "ok", also)
    if is_blank(raw):
        return Kedudukan(raw, None, "empty", also)
    v = parse_vocab("kedudukan", " ".join(raw.split()))
    if v.status == "ok":
        return Kedudukan(raw, v.value, "ok", also)
    return Kedudukan(raw, None, "unreadable", also)


def _nama_nip(text: str) -> tuple[str, str, str]:
    """(name, NIP part, ID) of a Nama or Nama/NIP cell."""
    ident = ""
    m = _ID_RE.search(text)
    if m:
        ident = m.group(1)
        text = (text[:m.start()] + text[m.end():]).strip()
    nama, nip = split_nama_nip(text)
    nama = " ".join(nama.replace("\n", " ").split()).strip(" /,")
    return nama, nip, ident


def read(cands: list[Candidate], names: PokjaNames, locator: Locator) -> list[MemberTable]:
    out = []
    for c in cands:
        t, h = c.unit.table, c.unit.header
        mt = MemberTable(c.ref)
        col = {k: h.col(k) for k in ("nama", "nip", "jabatan", "kedudukan", "uraian_tugas", "output", "pokja")}
        heading_key = names.match(c.heading[0]) if c.heading else None
        default_key, default_src = (heading_key, "heading") if heading_key else (names.only, "only")
        section_key = None
        in_pengarah = False
        listed: list[str] = []
        for rk in structure(t, h, names):
            if rk.kind == "section":
                cells = t.row_cells(rk.row)
                loc = locator.row(t, rk.row, cells[0].anchor if cells else None)
                if fold_words(strip_label(rk.text)) == "pengarah":
                    in_pengarah = True
                    mt.sections.append((rk.text, PENGARAH, loc))
                else:
                    key = names.match(rk.text)
                    in_pengarah = False
                    if key:
                        section_key = key
                    mt.sections.append((rk.text, key, loc))
                continue
            r = rk.row
            pokja_cell = t.at(r, col["pokja"]) if col["pokja"] is not None else None
            column_key = None
            if pokja_cell is not None and not is_blank(pokja_cell.plain):
                column_key = names.match(pokja_cell.plain)
            common = False
            if column_key:
                key, src = column_key, "column"
            elif in_pengarah and not heading_key:
                key, src, common = None, "pengarah_block", True
            elif section_key:
                key, src = section_key, "section"
            elif default_key:
                key, src = default_key, default_src
            else:
                key, src = None, ""
            nama_cell = t.at(r, col["nama"])
            nama_text = nama_cell.plain if nama_cell is not None else ""
            name, nip_part, ident = _nama_nip("" if is_blank(nama_text) else nama_text)
            if col["nip"] is not None and t.at(r, col["nip"]) is not None \
                    and not is_blank(t.at(r, col["nip"]).plain):
                nip_part = t.at(r, col["nip"]).plain
            nip = parse_nip(nip_part) if nip_part else None
            kcell = t.at(r, col["kedudukan"])
            kraw = kcell.plain if kcell is not None else ""
            ked = _kedudukan(kraw, in_pengarah)
            name_loc = _cell_value(locator, t, r, col["nama"]).location
            row = MemberRow(
                table=c.ref.number, row=r + 1,
                location=locator.row(t, r, nama_cell.anchor if nama_cell is not None else None),
                name=name, name_key=fold_name(name) if name else "",
                nip=nip.key if nip is not None else None, nip_raw=nip_part,
                nip_status=nip.status if nip is not None else "empty", id_pegawai=ident,
                kedudukan=ked,
                kedudukan_location=_cell_value(locator, t, r, col["kedudukan"]).location,
                jabatan=_cell_value(locator, t, r, col["jabatan"]),
                uraian_tugas=_cell_value(locator, t, r, col["uraian_tugas"]),
                output=_cell_value(locator, t, r, col["output"]),
                pokja=key, pokja_source=src, common_pengarah=common, name_location=name_loc)
            mt.rows.append(row)
            for k in ([key] if not common else [p.key for p in names.formed] or [None]):
                if k is not None and k not in listed:
                    listed.append(k)
        mt.pokja = tuple(listed)
        out.append(mt)
    return out


def _find(index: dict, key, row: MemberRow) -> dict | None:
    """The group of `row`'s person in Pokja `key`: same NIP, else same ID, else same folded
    name with no differing NIP."""
    if row.nip and (key, "nip", row.nip) in index:
        return index[(key, "nip", row.nip)]
    if row.id_pegawai and (key, "id", row.id_pegawai.casefold()) in index:
        return index[(key, "id", row.id_pegawai.casefold())]
    if row.name_key:
        for g in index.get((key, "name", row.name_key), ()):
            if not (row.nip and g["nip"] and row.nip != g["nip"]):
                return g
    return None


def _index(index: dict, key, g: dict, row: MemberRow) -> None:
    if row.nip:
        index.setdefault((key, "nip", row.nip), g)
    if row.id_pegawai:
        index.setdefault((key, "id", row.id_pegawai.casefold()), g)
    if row.name_key:
        names = index.setdefault((key, "name", row.name_key), [])
        if not any(x is g for x in names):
            names.append(g)


def _joined(values) -> str:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return "\n".join(out)


def join(tables: list[MemberTable], formed_keys: list[str]) -> list[Member]:
    """One Member per person and Pokja (a common Pengarah: one per formed Pokja)."""
    groups: list[dict] = []
    index: dict = {}
    for mt in tables:
        for row in mt.rows:
            keys = (formed_keys or [None]) if row.common_pengarah else [row.pokja]
            for key in keys:
                g = _find(index, key, row)
                if g is None:
                    g = {"pokja": key, "nip": None, "rows": []}
                    groups.append(g)
                g["rows"].append(row)
                g["nip"] = g["nip"] or row.nip
                _index(index, key, g, row)
    out = []
    for g in groups:
        rows = g["rows"]
        first = rows[0]
        named = next((r for r in rows if r.name), first)
        with_nip = next((r for r in rows if r.nip), None)
        out.append(Member(
            pokja=g["pokja"], name=named.name, name_key=named.name_key,
            nip=with_nip.nip if with_nip else None, nip_raw=with_nip.nip_raw if with_nip else first.nip_raw,
            id_pegawai=next((r.id_pegawai for r in rows if r.id_pegawai), ""),
            positions=frozenset(r.kedudukan.value for r in rows if r.kedudukan.status == "ok"),
            kedudukan=tuple(r.kedudukan for r in rows),
            uraian_tugas=_joined(r.uraian_tugas.text for r in rows if r.uraian_tugas),
            uraian_tugas_plain=_joined(r.uraian_tugas.plain for r in rows if r.uraian_tugas),
            output=_joined(r.output.text for r in rows if r.output),
            output_plain=_joined(r.output.plain for r in rows if r.output),
            rows=tuple(rows), location=first.location))
    return out
