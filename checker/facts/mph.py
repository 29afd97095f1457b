"""MPH facts: one per MPH sheet row (mph_row) and one per MPH entry, a filled peran hasil for
one target (mph_entry)."""
from __future__ import annotations

from checker.facts.declare import choice, col, fact_kind, flag, sheet
from checker.facts.people import UNCERTAIN, found_placeholder, shown, text
from checker.facts.unit import UNIT_HAS_POKJA

MPH_LAYOUTS = ("matrix", "long")
_PERSON_KNOWN = flag("person_known", id="orang ini ada di Pegawai atau menjadi anggota Pokja unit",
                     en="this person is on Pegawai or a member of one of the unit's Pokja",
                     reads=[sheet("pegawai"), sheet("anggota")])        # on Pegawai, or a member of a Pokja

# The layout is the shape of the MPH header: a Kode Target column makes it long, so a long
# row always has that column; a matrix row has a target and no Peran Hasil cell to lack.
MPH_ROW = fact_kind(
    "mph_row", id="satu per baris sheet MPH", en="one per MPH sheet row",
    fields=[
        choice("layout", values=MPH_LAYOUTS, id="tata letak MPH: matrix atau long", en="MPH layout: matrix or long",
               reads=sheet("mph")),
        flag("has_person", id="baris menyebut NIP, ID Pegawai atau Nama", en="the row names a NIP, ID Pegawai or Nama"),
        flag("has_target", id="baris tata letak panjang menyebut Kode Target",
             en="the long-layout row names a Kode Target", reads=sheet("mph")),
        flag("role_empty", id="baris tata letak panjang tanpa Peran Hasil", en="the long-layout row has no Peran Hasil",
             reads=[sheet("mph"), col("mph", "peran_hasil", layout="long")]),
        _PERSON_KNOWN,
        UNCERTAIN,
    ],
    params=["p_found_role"])

MPH_ENTRY = fact_kind(
    "mph_entry", id="satu per entri MPH (peran hasil terisi untuk satu target)",
    en="one per MPH entry (a filled peran hasil for one target)",
    fields=[
        flag("target_in_pk", id="kode target entri ada di PK", en="the entry's target code is in the PK",
             reads=col("pk", "kode_target")),
        _PERSON_KNOWN,
        flag("served_by_own_pokja", id="orang ini anggota Pokja yang mencantumkan target ini",
             en="this person is a member of a Pokja naming this target",
             reads=[col("anggota", "kode_pokja"), col("pokja", "kode_pokja"), col("pokja", "kode_target")]),
        flag("has_surat_tugas", id="ada Surat Tugas untuk orang dan target ini",
             en="a Surat Tugas exists for this person and target", reads=col("surat_tugas", "kode_target")),
        UNIT_HAS_POKJA,
        flag("target_assigned", id="sedikitnya satu Pokja atau Surat Tugas mencantumkan target ini",
             en="at least one Pokja or Surat Tugas names this target",
             reads=[col("pokja", "kode_target"), col("surat_tugas", "kode_target")]),
        flag("in_untargeted_pokja", id="orang ini anggota Pokja yang tidak mencantumkan target PK mana pun",
             en="this person is a member of a Pokja naming no target of the PK",
             reads=[col("anggota", "kode_pokja"), col("pokja", "kode_pokja"), col("pokja", "kode_target"),
                    col("pk", "kode_target")]),
    ],
    params=["p_role_text"])


def mph_facts(u, out) -> None:
    known = {f"p{i}" for i in range(len(u.people.rows))} | u.member_keys
    served = {(m["_person"].key, c) for m in u.members for c in u.pokja_targets.get(m["_pokja"], [])}
    st = set(u.surat_tugas)
    # targets some Pokja or Surat Tugas names: an entry on any other target is U04/U07's, not M04's
    assigned = {c for codes in u.pokja_targets.values() for c in codes} | {c for _, c in u.surat_tugas}
    # members of a Pokja naming no target of the PK: K03 reports that cause, not M04
    untargeted = {m["_person"].key for m in u.members if m["_pokja"] in u.pokja_codes
                  and not any(c in u.pk_codes for c in u.pokja_targets.get(m["_pokja"], []))}
    layout = u.loaded.mph_layout or "long"
    has_pokja = len(u.rows("pokja")) > 0
    seen_lines: set = set()
    peran_col = u.col("mph", "peran_hasil")
    for r in u.mph:
        key = r["_person"].key
        nip, name = text(r.get("nip__raw")) or text(r.get("nip")), shown(r, "nama")
        line = r.get("_line", r["_row"])
        if line not in seen_lines:
            seen_lines.add(line)
            out.add("mph_row", "mph", r["_row"], u.person_cell("mph", r), {
                "layout": layout, "has_person": bool(key),
                "has_target": layout == "matrix" or bool(text(r.get("kode_target"))),
                "role_empty": layout == "long" and not r.get("peran_hasil"),
                "person_known": key in known, "uncertain": r["_person"].uncertain,
            }, nip=nip, name=name, value=key,
                target=None if layout == "matrix" else (text(r.get("kode_target__raw")) or text(r.get("kode_target"))),
                params={"p_found_role": found_placeholder(r, ("peran_hasil", "Peran Hasil")) if layout == "long"
                        else ""})
        code = text(r.get("kode_target"))
        if r.get("peran_hasil") and code and key:
            out.add("mph_entry", "mph", r["_row"], r.get("_col") or peran_col, {
                "target_in_pk": code in u.pk_codes, "person_known": key in known,
                "served_by_own_pokja": (key, code) in served, "has_surat_tugas": (key, code) in st,
                "unit_has_pokja": has_pokja, "target_assigned": code in assigned,
                "in_untargeted_pokja": key in untargeted,
            }, nip=nip, name=name, target=text(r.get("kode_target__raw")) or code, value=code,
                params={"p_role_text": text(r.get("peran_hasil__raw") or r.get("peran_hasil"))})
