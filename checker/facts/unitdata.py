"""One loaded unit, prepared once for every fact family: its sheets' rows as dicts, its
identity and officials from the Unit sheet, who is who (PersonIndex), the PK targets, the
Pokja and their members. Read-only for the families that use it."""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.facts.context import SheetInfo, UnitContext
from checker.facts.declare import col
from checker.facts.owners import Owners, owners_of
from checker.facts.people import PersonIndex, is_empty, shown, text
from checker.input import vocab
from checker.input.values import fold_code

PENGARAH = "Pengarah"

# What the fields built on these prepared values read.
# A member from another unit or instansi (_members): Kode Unit Asal against the unit's Kode Unit,
# Instansi Asal against the unit's Instansi (an empty or missing Asal cell means this unit).
ORIGIN_READS = (col("anggota", "kode_unit_asal"), col("anggota", "instansi_asal"), col("unit", "kode_unit"),
                col("unit", "instansi"))
# The unit's head (head_nips): NIP JPT Pratama, or the Plt's NIP (recognised by NIP, people.py).
HEAD_NIP_READS = (col("unit", "nip_jpt_pratama"), col("unit", "nip_plt_jpt_pratama"))
# A Pengarah row without NIP is recognised as an owner by name or position (owners.py).
OWNER_NAME_READS = (col("anggota", "nama"), col("anggota", "nama_jabatan"), col("unit", "nama_jpt_pratama"),
                    col("unit", "nama_jpt_madya"), col("unit", "nama_unit"), col("unit", "unit_jpt_madya"))


def rows_of(table_rows) -> list[dict]:
    """A loader table's rows (a dict of lists, or a DataFrame) as one dict per row."""
    if table_rows is None:
        return []
    if isinstance(table_rows, dict):
        cols = list(table_rows)
        return [dict(zip(cols, row)) for row in zip(*(table_rows[c] for c in cols))]
    cols = list(table_rows.columns)
    return [dict(zip(cols, row)) for row in zip(*(table_rows[c].tolist() for c in cols))]


def codes_of(v) -> list:
    if isinstance(v, (list, tuple)):
        return [c for c in v if c]
    return [text(v)] if text(v) else []


@dataclass
class UnitData:
    seq: int
    loaded: object                      # load.model.LoadedUnit
    stage: str
    ctx: UnitContext
    code: str | None
    unit_name: str | None
    head_nips: set                      # NIP JPT Pratama and NIP Plt JPT Pratama
    madya_nip: str | None
    # NIP JPT Pratama (or, the post being vacant, NIP Plt JPT Pratama) / NIP JPT Madya filled and
    # valid: the rules comparing with them run only then
    head_nip_usable: bool
    madya_nip_usable: bool
    vacant_head: bool                   # NIP JPT Pratama empty and NIP Plt JPT Pratama given
    pola: str                           # Pola Struktur; an empty cell inferred from Pegawai (rules.md A02)
    year: int | None
    instansi: str
    people: PersonIndex = None
    owners: Owners = None
    plt_name: str = ""                  # the Plt's name on Pegawai (as written), "" when not found
    tables: dict = field(default_factory=dict)     # sheet kind -> list of row dicts
    pk_codes: set = field(default_factory=set)
    pk_raw: dict = field(default_factory=dict)     # folded code -> code as written
    pk_labels: str = ""
    pokja_codes: set = field(default_factory=set)
    pokja_labels: str = ""                         # every Kode Pokja as written
    pokja_targets: dict = field(default_factory=dict)   # Kode Pokja -> its target codes
    pokja_rows: dict = field(default_factory=dict)      # Kode Pokja -> its (first) Pokja row
    members: list = field(default_factory=list)    # Anggota Pokja rows with derived fields
    mph: list = field(default_factory=list)        # MPH rows, each with its "_person"
    surat_tugas: list = field(default_factory=list)    # (person key, target code) per Surat Tugas target

    def rows(self, kind: str) -> list[dict]:
        return self.tables.get(kind, [])

    def unit_value(self, fld: str, raw: bool = False):
        entry = (self.loaded.unit or {}).get(fld)
        if not entry:
            return None
        return entry[1] if raw else entry[0]

    def unit_entry(self, fld: str):
        """(parsed, raw, status, row, column) of a Unit sheet field, or None."""
        return (self.loaded.unit or {}).get(fld)

    def col(self, kind: str, fld: str) -> str | None:
        info = self.ctx.sheets.get(kind)
        return info.columns.get(fld) if info else None

    def person_cell(self, kind: str, r: dict | None = None) -> str | None:
        """The column identifying the row's person: NIP, else ID Pegawai, else Nama."""
        if r is not None:
            for fld in ("nip", "id_pegawai", "nama"):
                if not is_empty(r, fld) and self.col(kind, fld):
                    return self.col(kind, fld)
        return self.col(kind, "nip") or self.col(kind, "id_pegawai") or self.col(kind, "nama")

    @property
    def member_keys(self) -> set:
        return {m["_person"].key for m in self.members if m["_person"].key}


def _context(seq: int, loaded, code, name) -> UnitContext:
    madya_unit = (loaded.unit or {}).get("unit_jpt_madya")
    ctx = UnitContext(seq, loaded.path, loaded.sha256, code, name, (text(madya_unit[1]) if madya_unit else "") or None)
    for kind, table in loaded.tables.items():
        ctx.sheets[kind] = SheetInfo(table.sheet, table.header_row, table.hidden, dict(table.columns))
    if loaded.unit_sheet and "unit" not in ctx.sheets:
        ctx.sheets["unit"] = SheetInfo(loaded.unit_sheet, None, False, {})
    return ctx


def prepare(seq: int, loaded, stage: str) -> UnitData:
    unit = loaded.unit or {}

    def val(fld, raw=False):
        entry = unit.get(fld)
        return (entry[1] if raw else entry[0]) if entry else None

    def status(fld):
        entry = unit.get(fld)
        return (entry[2] or ("ok" if entry[0] else "empty")) if entry else "empty"

    code = text(val("kode_unit", raw=True)) if val("kode_unit") else None
    name = text(val("nama_unit", raw=True)) if val("nama_unit") else None
    year = val("tahun_kinerja")
    tables = {kind: rows_of(t.rows) for kind, t in loaded.tables.items()}
    vacant = status("nip_jpt_pratama") == "empty" and status("nip_plt_jpt_pratama") != "empty"
    head_nips = {n for n in (val("nip_jpt_pratama"), val("nip_plt_jpt_pratama")) if n}
    u = UnitData(
        seq=seq, loaded=loaded, stage=stage, ctx=_context(seq, loaded, code, name), code=code, unit_name=name,
        head_nips=head_nips, madya_nip=val("nip_jpt_madya") or None,
        head_nip_usable=status("nip_plt_jpt_pratama" if vacant else "nip_jpt_pratama") == "valid",
        madya_nip_usable=status("nip_jpt_madya") == "valid", vacant_head=vacant,
        pola=_pola(unit.get("pola_struktur"), tables.get("pegawai", [])),
        year=year if isinstance(year, int) else None, instansi=text(val("instansi")),
    )
    u.tables = tables
    u.people = PersonIndex(u.rows("pegawai"))
    plt = u.people.find({"nip": val("nip_plt_jpt_pratama")}) if val("nip_plt_jpt_pratama") else None
    u.plt_name = shown(u.people.rows[plt], "nama") if plt is not None else ""
    u.owners = owners_of(head_nips, u.madya_nip, (val("nama_jpt_pratama"), u.plt_name),
                         (val("nama_jpt_madya"),), val("nama_unit"), val("unit_jpt_madya"))
    _targets(u)
    _pokja(u)
    u.members = _members(u)
    u.surat_tugas = [(u.people.resolve(r).key,
                      c) for r in u.rows("surat_tugas") for c in codes_of(r.get("kode_target"))]
    u.mph = u.rows("mph")
    for r in u.mph:
        r["_person"] = u.people.resolve(r)
    return u


def _pola(entry, pegawai: list[dict]) -> str:
    """Pola Struktur as written; an empty (or unreadable, D03) one is B when the unit's Pegawai
    lists an Administrator or a Pengawas (their JF and Pelaksana work under them, Lampiran
    II.C.1.b), else A."""
    if entry and entry[2] == "ok" and entry[0]:
        return entry[0]
    return "B" if any(r.get("jenis_jabatan") in vocab.STRUCTURAL_JENIS for r in pegawai) else "A"


def _targets(u: UnitData) -> None:
    pk = u.rows("pk")
    u.pk_codes = {text(r.get("kode_target")) for r in pk if text(r.get("kode_target"))}
    u.pk_raw = {text(r.get("kode_target")): text(r.get("kode_target__raw")) or text(r.get("kode_target")) for r in pk}
    u.pk_labels = ", ".join(text(r.get("kode_target__raw")) or text(r.get("kode_target")) for r in pk
                            if text(r.get("kode_target")))


def _pokja(u: UnitData) -> None:
    u.pokja_labels = ", ".join(text(r.get("kode_pokja__raw")) or text(r.get("kode_pokja")) for r in u.rows("pokja"))
    for r in u.rows("pokja"):
        code = text(r.get("kode_pokja"))
        if code:
            u.pokja_codes.add(code)
            u.pokja_targets.setdefault(code, list(r.get("kode_target") or []))
            u.pokja_rows.setdefault(code, r)


def _members(u: UnitData) -> list[dict]:
    """Anggota Pokja rows with the person, position, origin, effective jenis jabatan and the
    owner role the row names (owners.py: by NIP; a Pengarah without NIP by name or position)."""
    own = fold_code(u.code or "")
    out = []
    for r in u.rows("anggota"):
        person = u.people.register(r)
        pos = r.get("kedudukan") or ""
        asal = text(r.get("kode_unit_asal"))
        inst = text(r.get("instansi_asal"))
        other_inst = bool(inst) and not vocab.is_own_instansi(inst, u.instansi)
        other_unit = bool(asal) and fold_code(asal) != own
        outsider = other_inst or other_unit
        pi = person.pegawai
        jenis = u.people.rows[pi].get("jenis_jabatan") if pi is not None else r.get("jenis_jabatan")
        nip = text(r.get("nip"))
        owner = u.owners.by_nip(nip)
        if not nip and pos == PENGARAH:
            owner = u.owners.by_name_or_position(text(r.get("nama")), text(r.get("nama_jabatan")))
        out.append({
            **r, "_person": person, "position": pos, "is_member": pos != PENGARAH,
            "outsider": outsider, "other_instansi": other_inst, "jenis": jenis or "",
            "jenis_known": bool(jenis) and (pi is not None or outsider), "_pokja": text(r.get("kode_pokja")),
            "_owner": owner,
        })
    return out
