"""Decree facts per person and Pokja (decree-format.md §3.4, §4): `sk_member`, for S07 and
S08 (an empty Uraian Tugas or Output in the Lampiran, or a member table without that
column) and, for a Pokja matched with the paired workbook, S17-S19, S22 and S23 (the person
on one side only, another NIP, other positions, other texts).

People are matched as everywhere (facts/people.py: NIP, else ID Pegawai, else folded name),
with one difference the comparison needs: a decree row whose NIP differs from the
workbook's may still be that person by ID or name (S18 reports the NIPs)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.facts.declare import col, fact_kind, flag
from checker.facts.decree import DraftCheck, Evidence, cut
from checker.facts.decree_compare import compare_texts
from checker.facts.decree_pokja import KETUA, PENGARAH, PokjaView, similarity_text
from checker.facts.decree_workbook import WbMember
from checker.facts.people import PersonIndex
from checker.texts import both

if TYPE_CHECKING:  # pragma: no cover
    from checker.load.decree.draft_model import FormedPokja, Member, MemberTable

_TASK, _OUTPUT = col("anggota", "uraian_tugas"), col("anggota", "output")

SK_MEMBER = fact_kind(
    "sk_member", id="satu per orang per Pokja pada Lampiran rancangan SK (dan, berpasangan, per orang yang hanya ada "
                    "pada Anggota Pokja), serta satu per Pokja dari tabel anggota tanpa kolom Uraian Tugas atau Output",
    en="one per person and Pokja in the draft's Lampiran (and, paired, per person only on Anggota Pokja), and one "
       "per Pokja of a member table lacking the Uraian Tugas or Output column",
    fields=[
        flag("task_missing", id="anggota (bukan Pengarah) dengan Uraian Tugas kosong pada Lampiran, atau tabel anggota "
                                "tanpa kolom Uraian Tugas",
             en="a member (not a Pengarah) with an empty Uraian Tugas in the Lampiran, or a member table without an "
                "Uraian Tugas column"),
        flag("output_missing", id="anggota (bukan Pengarah) dengan Output kosong pada Lampiran, atau tabel anggota "
                                  "tanpa kolom Output",
             en="a member (not a Pengarah) with an empty Output in the Lampiran, or a member table without an Output "
                "column"),
        flag("one_side", id="(berpasangan) orang ini tercantum untuk Pokja pada SK tetapi tidak pada Anggota Pokja, "
                            "atau sebaliknya",
             en="(paired) this person is listed for the Pokja in the decree but not on Anggota Pokja, or the reverse",
             reads=col("anggota", "kode_pokja")),
        flag("nip_differs", id="(berpasangan) orang yang cocok menurut ID Pegawai atau nama memiliki NIP berbeda pada "
                               "SK dan workbook (NIP workbook sah)",
             en="(paired) a person matched by ID Pegawai or name has different NIPs in the decree and the workbook "
                "(the workbook's NIP valid)", reads=col("anggota", "nip")),
        flag("position_differs", id="(berpasangan) kedudukan orang ini dalam Pokja berbeda pada SK dan workbook",
             en="(paired) this person's positions in the Pokja differ between the decree and the workbook",
             reads=col("anggota", "kedudukan")),
        flag("task_differs", id="(berpasangan) Uraian Tugas pada SK dan pada Anggota Pokja berbeda secara material "
                                "(kemiripan kata di bawah 0,50)",
             en="(paired) the Uraian Tugas in the decree and on Anggota Pokja differ materially (word similarity "
                "below 0.50)", reads=_TASK),
        flag("output_differs", id="(berpasangan) Output pada SK dan pada Anggota Pokja berbeda secara material "
                                  "(kemiripan kata di bawah 0,50)",
             en="(paired) the Output in the decree and on Anggota Pokja differ materially (word similarity below "
                "0.50)", reads=_OUTPUT),
    ],
    params=["p_pokja_name", "p_task_missing", "p_output_missing", "p_side", "p_nip_sk", "p_nip_wb", "p_position_sk",
            "p_position_wb", "p_task_sk", "p_task_wb", "p_task_similarity", "p_output_sk", "p_output_wb",
            "p_output_similarity"],
    hidden=["_evidence", "_identity"])


@dataclass
class WbPerson:
    """A person's rows on Anggota Pokja for one Pokja, joined (§3.7: Ketua and Anggota rows)."""
    rows: list[WbMember]

    @property
    def first(self) -> WbMember:
        return self.rows[0]

    def row_for_matching(self) -> dict:
        nip = next((m for m in self.rows if m.nip and m.nip_status != "number"), None)
        return {"nip": nip.nip if nip else "", "nip__st": nip.nip_status if nip else "empty",
                "id_pegawai": next((m.id_pegawai for m in self.rows if m.id_pegawai), ""),
                "nama": next((m.name for m in self.rows if m.name), "")}

    @property
    def nip(self) -> WbMember | None:
        return next((m for m in self.rows if m.nip), None)

    @property
    def positions(self) -> set[str]:
        return {m.position for m in self.rows if m.position}

    @property
    def readable(self) -> bool:
        return all(m.position_status == "ok" for m in self.rows)

    @property
    def is_ketua(self) -> bool:
        return KETUA in self.positions

    @property
    def pengarah_only(self) -> bool:
        return self.readable and self.positions == {PENGARAH}

    def text(self, fld: str) -> str:
        return "\n".join(getattr(m, fld) for m in self.rows if getattr(m, fld))

    @property
    def name(self) -> str:
        return next((m.name for m in self.rows if m.name), "")


def _wb_people(check: DraftCheck, code: str) -> list[WbPerson]:
    groups: dict[str, WbPerson] = {}
    out = []
    for m in check.digest.members_of(code):
        key = m.person or f"row{m.row}"
        g = groups.get(key)
        if g is None:
            g = groups[key] = WbPerson([])
            out.append(g)
        g.rows.append(m)
    return out


def _normal(positions) -> frozenset:
    """§4 S19: positions compared as sets, Anggota dropped for a person holding another one."""
    s = set(positions)
    if len(s) > 1:
        s.discard("Anggota")
    return frozenset(s)


def _is_member(m: Member) -> bool:
    """Not a Pengarah: a readable position other than Pengarah, or an unreadable or empty one
    (it counts as a member position for S07, S08 and S10)."""
    return not (m.positions == {PENGARAH} and not m.unreadable)


# ============================================================================ facts

def member_facts(out, check: DraftCheck, view: PokjaView) -> None:
    d = check.decree
    if view.no_member_table:                        # S03 member table silences S07-S10, S17-S19, S22, S23
        return
    for mt in d.member_tables:
        _column_facts(out, check, view, mt)
    formed = {f.key: f for f in view.formed}
    for key in [f.key for f in view.formed] + ([None] if d.members_of(None) else []):
        f = formed.get(key)
        p = view.matched(key) if key is not None else None
        people = _wb_people(check, p.code) if p is not None else []
        pairs, wb_only = _pair(d.members_of(key), people) if p is not None else ([(m, None) for m in
                                                                                   d.members_of(key)], [])
        for m, wb in pairs:
            _draft_person(out, check, view, f, m, wb)
        if p is not None and view.rows.get(key):        # a Pokja with no row gets S10 only
            for wb in wb_only:
                _workbook_person(out, check, view, f, wb)


def _column_facts(out, check: DraftCheck, view: PokjaView, mt: MemberTable) -> None:
    """A member table without an Uraian Tugas (Output) column: one fact per Pokja it lists."""
    if mt.has_uraian_tugas and mt.has_output:
        return
    formed = {f.key: f for f in view.formed}
    for key in mt.pokja or (None,):
        f = formed.get(key)
        fields = SK_MEMBER.flags_off()
        fields["task_missing"], fields["output_missing"] = not mt.has_uraian_tugas, not mt.has_output
        name = f.name if f else "-"
        params = SK_MEMBER.blank_params() | {"p_pokja_name": name}
        for fld, column in (("task_missing", "Uraian Tugas"), ("output_missing", "Output")):
            if fields[fld]:
                params["p_" + fld] = both("sk.missing.column", column=column, table=mt.ref.location.label, pokja=name)
        out.add("sk_member", None, None, None, fields, pokja=view.shown(f) if f else None,
                value=f"table{mt.ref.number}", params=params,
                hidden={"_evidence": {"": Evidence(mt.ref.location)}, "_identity": check.identity})


def _pair(members: list[Member], people: list[WbPerson]) -> tuple[list, list]:
    """(draft member, its workbook person or None) for each draft member, and the workbook
    persons no draft member is. NIP matches first, then ID Pegawai or name."""
    index = PersonIndex([p.row_for_matching() for p in people])
    taken: set[int] = set()
    got: dict[int, int] = {}
    rows = [{"nip": m.nip or "", "nip__st": "valid" if m.nip else "empty", "id_pegawai": m.id_pegawai,
             "nama": m.name} for m in members]
    for strict in (True, False):
        for i, r in enumerate(rows):
            if i in got:
                continue
            j = index.find(r) if strict else index.find(r, nip_may_differ=True)
            if j is not None and j not in taken and (not strict or (r["nip"] and r["nip"] == index.rows[j]["nip"])):
                got[i] = j
                taken.add(j)
    pairs = [(m, people[got[i]] if i in got else None) for i, m in enumerate(members)]
    return pairs, [p for j, p in enumerate(people) if j not in taken]


def _first_cell(m: Member, fld: str):
    return next((getattr(r, fld) for r in m.rows if getattr(r, fld) is not None), None)


def _draft_person(out, check: DraftCheck, view: PokjaView, f: FormedPokja | None, m: Member,
                  wb: WbPerson | None) -> None:
    key = f.key if f is not None else None
    fields = SK_MEMBER.flags_off()
    params = SK_MEMBER.blank_params()
    params["p_pokja_name"] = f.name if f is not None else "-"
    ev = {"": Evidence(m.location)}
    member = _is_member(m)
    for fld, cell_name, plain in (("task_missing", "uraian_tugas", m.uraian_tugas_plain),
                                  ("output_missing", "output", m.output_plain)):
        cells = [getattr(r, cell_name) for r in m.rows if getattr(r, cell_name) is not None]
        if member and cells and all(c.blank for c in cells):
            fields[fld] = True
            ev[fld] = Evidence(cells[0].location, found=plain or None)
            params["p_" + fld] = both("sk.missing.person", column=cells[0].location.column or "",
                                      name=m.name or m.nip_raw or "-", pokja=params["p_pokja_name"])
    p = view.matched(key) if key is not None else None
    nip, name = m.nip or m.nip_raw, m.name
    if p is not None:
        ketua_silenced = bool(view.chair_wrong.get(key)) and (KETUA in m.positions or (wb is not None
                                                                                        and wb.is_ketua))
        if wb is None:
            if not ketua_silenced:
                fields["one_side"] = True
                params["p_side"] = both("sk.side.sk", pokja=p.code_raw or p.name)
                ev["one_side"] = Evidence(m.location, check.digest.sheet_cell("anggota"), found=_who(m))
        else:
            _compare(fields, params, ev, m, wb, ketua_silenced)
            nip = nip or (wb.nip.nip if wb.nip else None)
    out.add("sk_member", None, None, None, fields, pokja=view.shown(f) if f is not None else None, nip=nip,
            name=name, value=m.name_key or m.nip or "", params=params,
            hidden={"_evidence": ev, "_identity": check.identity})


def _who(m: Member) -> str:
    return f"{m.name}\nNIP {m.nip_raw}" if m.nip_raw else m.name


def _compare(fields: dict, params: dict, ev: dict, m: Member, wb: WbPerson, ketua_silenced: bool) -> None:
    # S18: the NIPs, unless the workbook's is invalid (D01) or a number (then the draft's is taken)
    wn = wb.nip
    if m.nip and wn is not None and wn.nip_status == "valid" and wn.nip != m.nip:
        fields["nip_differs"] = True
        params["p_nip_sk"], params["p_nip_wb"] = m.nip, wn.nip_raw or wn.nip
        where = next((r.name_location for r in m.rows if r.name_location is not None), m.location)
        ev["nip_differs"] = Evidence(where, wn.cells["nip"], m.nip_raw or m.nip)
    # S19: readable positions on both sides, as sets
    if not ketua_silenced and not m.unreadable and m.positions and wb.readable and wb.positions:
        mine, theirs = _normal(m.positions), _normal(wb.positions)
        if mine != theirs:
            fields["position_differs"] = True
            params["p_position_sk"] = ", ".join(sorted(mine))
            params["p_position_wb"] = ", ".join(sorted(theirs))
            row = next(r for r in m.rows if r.kedudukan.status == "ok")
            ev["position_differs"] = Evidence(row.kedudukan_location, wb.first.cells["kedudukan"],
                                              "\n".join(r.kedudukan.raw for r in m.rows if r.kedudukan.raw))
    # S22, S23: the texts of a member (Pengarah texts are not compared), both filled
    if not _is_member(m) or wb.pengarah_only:
        return
    for fld, name, plain, wb_fld in (("task_differs", "task", m.uraian_tugas_plain, "uraian_tugas"),
                                     ("output_differs", "output", m.output_plain, "output")):
        missing = fields["task_missing" if name == "task" else "output_missing"]
        theirs = wb.text(wb_fld)
        if missing or not plain.strip() or not theirs:         # S07/S08, A03/A04: not compared
            continue
        got = compare_texts(plain, theirs)
        params[f"p_{name}_sk"], params[f"p_{name}_wb"] = cut(plain), cut(theirs)
        params[f"p_{name}_similarity"] = similarity_text(got.similarity)
        if got.differs:
            fields[fld] = True
            cell = _first_cell(m, wb_fld)
            ev[fld] = Evidence(cell.location if cell is not None else m.location, wb.first.cells[wb_fld], plain,
                               got.similarity)


def _workbook_person(out, check: DraftCheck, view: PokjaView, f: FormedPokja, wb: WbPerson) -> None:
    """A person on Anggota Pokja for a matched Pokja whom the Lampiran does not list (S17),
    unless S09 already names that owner as a missing Pengarah, or S10 fires for the Pokja and
    the person is its Ketua."""
    w = check.digest
    first = wb.first
    owners = {"jpt_pratama": w.head_nips, "jpt_madya": {w.madya_nip} if w.madya_nip else set()}
    missing = view.missing_owners.get(f.key, [])
    if any(first.nip and first.nip in owners[r] for r in missing):
        return
    if view.chair_wrong.get(f.key) and wb.is_ketua:
        return
    fields = SK_MEMBER.flags_off()
    fields["one_side"] = True
    p = view.matched(f.key)
    params = SK_MEMBER.blank_params() | {"p_pokja_name": f.name,
                                         "p_side": both("sk.side.workbook", pokja=p.code_raw or p.name)}
    where = view.table_location(f.key) or f.location
    ev = {"one_side": Evidence(where, first.cells["person"], None), "": Evidence(where, first.cells["person"])}
    out.add("sk_member", None, None, None, fields, pokja=view.shown(f),
            nip=(wb.nip.nip_raw if wb.nip else None), name=wb.name or None,
            value=(wb.nip.nip if wb.nip else "") or wb.name, params=params,
            hidden={"_evidence": ev, "_identity": check.identity})
