"""What the decree rules need of a unit workbook (decree-format.md §2-§4): its identity on the
Unit sheet, its Pokja, their members and the PK targets, as a compact typed digest.

A reader worker builds it from the prepared unit (unitdata.UnitData) beside the unit's facts,
when the run has drafts (unit_build.build_unit(digest=True)); the main process pairs the
drafts with the workbooks and compares them (decree_build.py). Plain frozen values only: it
crosses the process boundary and is read, never changed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.facts.people import text
from checker.input.values import is_blank


@dataclass(frozen=True)
class Cell:
    """A workbook cell: sheet name, Excel row, column letter and its text as written, in the
    workbook `file` (as shown). A row or column None: the sheet (or row) as a whole."""
    sheet: str | None
    row: int | None
    column: str | None
    value: str = ""
    file: str | None = None

    def to_json(self) -> dict:
        """The `workbook` object of a finding (decree-format.md §6.1)."""
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "value": self.value if self.value != "" else None}


@dataclass(frozen=True)
class WbPokja:
    """A row of the Pokja sheet."""
    code: str                     # Kode Pokja folded (the key the unit's facts use)
    code_raw: str                 # as written
    name: str                     # Nama Pokja as written
    nomor_sk: str                 # as written, "" when blank
    tanggal_sk: date | None
    tanggal_sk_status: str        # "ok" | "empty" | "invalid"
    tanggal_sk_raw: str
    targets: tuple[str, ...]      # its Kode Target codes that are in the PK (folded)
    tugas: str                    # Tugas Pokja as written, "" when blank
    row: int
    cells: dict                   # field -> Cell (nama_pokja, nomor_sk, tanggal_sk, kode_target, tugas_pokja)


@dataclass(frozen=True)
class WbMember:
    """A row of Anggota Pokja: its person as the unit's PersonIndex names them."""
    pokja: str                    # Kode Pokja folded
    row: int
    person: str                   # PersonIndex key ("" when the row names nobody)
    nip: str                      # digits as written, "" when none
    nip_raw: str
    nip_status: str               # "valid" | "invalid" | "number" | "empty"
    id_pegawai: str
    name: str                     # Nama as written
    position: str                 # canonical Kedudukan, "" when empty or unreadable
    position_status: str          # "ok" | "empty" | "unknown"
    uraian_tugas: str             # as written, "" when blank (A03)
    output: str                   # as written, "" when blank (A04)
    cells: dict                   # field -> Cell (nip, nama, kedudukan, uraian_tugas, output; the person's cell)


@dataclass(frozen=True)
class WbTarget:
    """A row of the PK sheet with a Kode Target."""
    code: str                     # folded
    code_raw: str
    indicator: str
    target: str                   # the Target cell as written
    row: int
    cells: dict                   # field -> Cell (kode_target, indikator_kinerja, target)


@dataclass(frozen=True)
class WorkbookDigest:
    file: str                     # the workbook's name as shown
    code: str | None              # Kode Unit as written
    name: str                     # Nama Unit
    jpt_madya: str                # Unit JPT Madya
    instansi: str
    year: int | None              # Tahun Kinerja, when readable
    head_nip: str                 # NIP JPT Pratama (digits), "" when empty
    head_name: str
    plt_nip: str                  # NIP Plt JPT Pratama
    head_names: frozenset         # the JPT Pratama's and its Plt's names, folded (owners.Owners.pratama_names)
    madya_nip: str
    madya_name: str
    pokja: tuple[WbPokja, ...]
    members: tuple[WbMember, ...]
    targets: tuple[WbTarget, ...]
    columns: dict                 # sheet kind -> (sheet name, {field: letter})

    def members_of(self, code: str) -> list[WbMember]:
        return [m for m in self.members if m.pokja == code]

    def target(self, code: str) -> WbTarget | None:
        return next((t for t in self.targets if t.code == code), None)

    def sheet_cell(self, kind: str) -> Cell:
        """A sheet of this workbook as a whole (where a Pokja or a person is missing)."""
        return Cell(self.columns.get(kind, (None,))[0], None, None, "", self.file)

    @property
    def head_nips(self) -> set[str]:
        return {n for n in (self.head_nip, self.plt_nip) if n}


def _cell(u, kind: str, fld: str, row: int | None, value: str = "") -> Cell:
    info = u.ctx.sheets.get(kind)
    return Cell(info.name if info else None, row, info.columns.get(fld) if info else None, value, u.ctx.file)


def _raw(r: dict, fld: str) -> str:
    return text(r.get(fld + "__raw")) if (fld + "__raw") in r else text(r.get(fld))


def _filled(r: dict, fld: str) -> str:
    """The cell as written, "" when empty or a placeholder."""
    raw = _raw(r, fld)
    return "" if is_blank(raw) else raw


def _unit_value(u, fld: str, raw: bool = True) -> str:
    return text(u.unit_value(fld, raw=raw))


def digest(u) -> WorkbookDigest:
    """The digest of a prepared unit (unitdata.UnitData)."""
    pokja = []
    for r in u.rows("pokja"):
        code = text(r.get("kode_pokja"))
        if not code:
            continue
        row = r["_row"]
        cells = {f: _cell(u, "pokja", f, row, _raw(r, f))
                 for f in ("kode_pokja", "nama_pokja", "nomor_sk", "tanggal_sk", "kode_target", "tugas_pokja")}
        pokja.append(WbPokja(
            code=code, code_raw=_raw(r, "kode_pokja") or code, name=_raw(r, "nama_pokja"),
            nomor_sk=_filled(r, "nomor_sk"), tanggal_sk=r.get("tanggal_sk"),
            tanggal_sk_status=text(r.get("tanggal_sk__st")) or "empty", tanggal_sk_raw=_raw(r, "tanggal_sk"),
            targets=tuple(c for c in (r.get("kode_target") or []) if c in u.pk_codes),
            tugas=_filled(r, "tugas_pokja"), row=row, cells=cells))
    members = []
    for m in u.members:
        row = m["_row"]
        cells = {f: _cell(u, "anggota", f, row, _raw(m, f))
                 for f in ("kode_pokja", "nip", "id_pegawai", "nama", "kedudukan", "uraian_tugas", "output")}
        letter = u.person_cell("anggota", m)
        cells["person"] = Cell(cells["nama"].sheet, row, letter, _raw(m, "nama") or _raw(m, "nip"), u.ctx.file)
        members.append(WbMember(
            pokja=m["_pokja"], row=row, person=m["_person"].key, nip=text(m.get("nip")), nip_raw=_raw(m, "nip"),
            nip_status=text(m.get("nip__st")) or ("valid" if text(m.get("nip")) else "empty"),
            id_pegawai=_raw(m, "id_pegawai"), name=_raw(m, "nama"), position=m["position"] or "",
            position_status=text(m.get("kedudukan__st")) or ("ok" if m["position"] else "empty"),
            uraian_tugas=_filled(m, "uraian_tugas"), output=_filled(m, "output"),
            cells=cells))
    targets = []
    for r in u.rows("pk"):
        code = text(r.get("kode_target"))
        if not code:
            continue
        row = r["_row"]
        targets.append(WbTarget(code=code, code_raw=_raw(r, "kode_target") or code,
                                indicator=_raw(r, "indikator_kinerja"), target=_raw(r, "target"), row=row,
                                cells={f: _cell(u, "pk", f, row, _raw(r, f))
                                       for f in ("kode_target", "indikator_kinerja", "target")}))
    year = u.year
    return WorkbookDigest(
        file=u.ctx.file, code=u.code, name=u.unit_name or "", jpt_madya=_unit_value(u, "unit_jpt_madya"),
        instansi=u.instansi, year=year, head_nip=_unit_value(u, "nip_jpt_pratama", raw=False),
        head_name=_unit_value(u, "nama_jpt_pratama"), plt_nip=_unit_value(u, "nip_plt_jpt_pratama", raw=False),
        head_names=u.owners.pratama_names,
        madya_nip=_unit_value(u, "nip_jpt_madya", raw=False), madya_name=_unit_value(u, "nama_jpt_madya"),
        pokja=tuple(pokja), members=tuple(members), targets=tuple(targets),
        columns={kind: (info.name, dict(info.columns)) for kind, info in u.ctx.sheets.items()})
