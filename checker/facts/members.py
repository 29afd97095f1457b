"""Member facts: one per Anggota Pokja row (Pengarah rows included; `is_member` tells)."""
from __future__ import annotations

import re

from checker.facts.declare import choice, col, count, fact_kind, flag, sheet
from checker.facts.people import JENIS_JABATAN, UNCERTAIN, PersonIndex, shown, text
from checker.facts.pokja import OWNER_NIPS_USABLE, before, date_of, is_empty
from checker.facts.unitdata import HEAD_NIP_READS, ORIGIN_READS
from checker.input.values import fold_text
from checker.input.vocab import JPT_JENIS, canonical_values

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def fold_output(value: str) -> str:
    """An Output compared after case folding and collapsing whitespace and punctuation."""
    return _PUNCT.sub(" ", fold_text(value)).strip()


def _claims(u) -> dict[str, dict]:
    """Folded Output -> {person key: first member row} over the members of all the unit's Pokja."""
    by_output: dict[str, dict] = {}
    for m in u.members:
        if m["is_member"] and m["_out"]:
            by_output.setdefault(m["_out"], {}).setdefault(m["_person"].key, m)
    return by_output


def _mph_targets(u) -> dict[str, set]:
    out: dict[str, set] = {}
    for r in u.mph:
        if r.get("peran_hasil") and r["_person"].key:
            out.setdefault(r["_person"].key, set()).add(text(r.get("kode_target")))
    return out


def _pokja_dates(u, m: dict) -> dict:
    """A16 and A17: the member's dates against their Pokja's (both readable)."""
    p = u.pokja_rows.get(m["_pokja"]) or {}
    return {
        "recommendation_before_report": before(date_of(m, "tanggal_rekomendasi_penilaian"),
                                               date_of(p, "tanggal_laporan")),
        "approval_after_sk": before(date_of(p, "tanggal_sk"), date_of(m, "tanggal_persetujuan_pimpinan")),
    }


def _fields(u, m: dict, group: list, others: dict, targets: list, mph_targets: dict) -> dict:
    positions = sorted(g["position"] for g in group)
    owners = set(u.head_nips) | ({u.madya_nip} if u.madya_nip else set())
    pi = m["_person"].pegawai
    jenis_pegawai = u.people.rows[pi].get("jenis_jabatan") if pi is not None else None
    return {
        "position": m["position"], "is_member": m["is_member"], "jenis": m["jenis"],
        "jenis_known": m["jenis_known"], "jenis_given": bool(text(m.get("jenis_jabatan__raw"))),
        "on_pegawai": m["_person"].pegawai is not None, "outsider": m["outsider"],
        "other_instansi": m["other_instansi"], "other_unit_same_instansi": m["outsider"] and not m["other_instansi"],
        "pola": u.pola, "task_empty": is_empty(m, "uraian_tugas"), "output_empty": is_empty(m, "output"),
        "output_shared": len(others), "approval_empty": is_empty(m, "nomor_persetujuan_pimpinan"),
        "voluntary": m.get("cara_penugasan") == "Pengajuan Sukarela",
        "pokja_n_target_in_pk": len(targets),
        "n_mph_for_pokja_targets": len(mph_targets.get(m["_person"].key, set()) & set(targets)),
        "is_owner": PersonIndex.is_official(m, owners),
        "owner_nips_usable": u.head_nip_usable and u.madya_nip_usable,
        "known_jpt": jenis_pegawai in JPT_JENIS or m.get("jenis_jabatan") in JPT_JENIS,
        "nip_given": not is_empty(m, "nip"),
        "uncertain": m["_person"].uncertain,
        **_pokja_dates(u, m),
        "duplicate": len(group) >= 2 and group[1] is m and positions != ["Anggota", "Ketua"],
        "recommendation_empty": is_empty(m, "tanggal_rekomendasi_penilaian"),
    }


def _params(u, m: dict, group: list, others: dict, targets: list) -> dict:
    return {
        "p_position": text(m.get("kedudukan__raw")) or "-",
        "p_jenis": m["jenis"] or text(m.get("jenis_jabatan__raw")) or "-",
        "p_output": text(m.get("output__raw")) or "-",
        "p_others": "; ".join(f"{text(o.get('nama__raw') or o.get('nama')) or text(o.get('nip'))} "
                              f"({text(o.get('kode_pokja__raw')) or o['_pokja']})" for o in others.values()) or "-",
        "p_unit_asal": text(m.get("kode_unit_asal__raw")) or "-",
        "p_instansi_asal": text(m.get("instansi_asal__raw")) or "-",
        "p_pokja_targets": ", ".join(u.pk_raw.get(c, c) for c in targets) or "-",
        "p_rows": ", ".join(str(g["_row"]) for g in group),
        "p_head_nip": text(u.unit_value("nip_jpt_pratama", raw=True)) or "-",
        "p_madya_nip": text(u.unit_value("nip_jpt_madya", raw=True)) or "-",
        "p_recommendation_date": text(m.get("tanggal_rekomendasi_penilaian__raw")) or "-",
        "p_approval_date": text(m.get("tanggal_persetujuan_pimpinan__raw")) or "-",
        **_pokja_date_params(u, m),
    }


def _pokja_date_params(u, m: dict) -> dict:
    p = u.pokja_rows.get(m["_pokja"]) or {}
    return {"p_report_date": text(p.get("tanggal_laporan__raw")) or "-",
            "p_sk_date": text(p.get("tanggal_sk__raw")) or "-"}


POSITIONS = ("",) + tuple(canonical_values("kedudukan"))            # "": empty or not a Kedudukan
POLA = tuple(canonical_values("pola"))                              # an empty Pola Struktur is A or B (unitdata)
_JENIS = (col("pegawai", "jenis_jabatan"), col("anggota", "jenis_jabatan"))
_OUTPUT, _POSITION, _NIP = col("anggota", "output"), col("anggota", "kedudukan"), col("anggota", "nip")
# The targets of a member's Pokja that are in the PK.
_POKJA_TARGETS = (col("anggota", "kode_pokja"), col("pokja", "kode_pokja"), col("pokja", "kode_target"),
                  col("pk", "kode_target"))

MEMBER = fact_kind(
    "member", id="satu per baris sheet Anggota Pokja", en="one per Anggota Pokja sheet row",
    fields=[
        choice("position", values=POSITIONS,
               id="kedudukan kanonik (Pengarah, Ketua, Wakil Ketua, Sekretaris, Anggota) atau kosong",
               en="canonical position (Pengarah, Ketua, Wakil Ketua, Sekretaris, Anggota) or empty", reads=_POSITION),
        flag("is_member",
             id="kedudukan selain Pengarah: Ketua, Wakil Ketua, Sekretaris, Anggota, atau Kedudukan yang kosong atau "
                "tidak dikenal (satu sebab, satu temuan)",
             en="a non-Pengarah position: Ketua, Wakil Ketua, Sekretaris, Anggota, or an empty or unknown "
                "Kedudukan (one cause, one finding)", reads=_POSITION),
        # Pegawai's Jenis Jabatan for a person listed there, else the Anggota Pokja cell
        choice("jenis", values=JENIS_JABATAN, id="jenis jabatan yang berlaku (dari Pegawai bila tercantum) atau kosong",
               en="effective jenis jabatan (from Pegawai when listed there) or empty", reads=_JENIS),
        # the Anggota Pokja cell counts only for a member from another unit or instansi
        flag("jenis_known", id="jenis jabatan diketahui dan terbaca", en="jenis jabatan known and readable",
             reads=[*_JENIS, *ORIGIN_READS]),
        flag("jenis_given", id="kolom Jenis Jabatan pada Anggota Pokja terisi",
             en="the Anggota Pokja Jenis Jabatan cell is filled", reads=col("anggota", "jenis_jabatan")),
        flag("on_pegawai", id="orang ini tercantum pada sheet Pegawai", en="this person is listed on the Pegawai sheet",
             reads=sheet("pegawai")),
        flag("outsider", id="berasal dari unit kerja atau instansi lain", en="from another unit or instansi",
             reads=ORIGIN_READS),
        flag("other_instansi", id="berasal dari instansi lain", en="from another instansi",
             reads=[col("anggota", "instansi_asal"), col("unit", "instansi")]),
        flag("other_unit_same_instansi", id="berasal dari unit lain pada instansi ini",
             en="from another unit of this instansi", reads=ORIGIN_READS),
        choice("pola", values=POLA, id="Pola Struktur unit (A atau B)", en="the unit's Pola Struktur (A or B)",
               reads=col("unit", "pola_struktur")),
        flag("task_empty", id="Uraian Tugas kosong", en="Uraian Tugas is empty", reads=col("anggota", "uraian_tugas")),
        flag("output_empty", id="Output kosong", en="Output is empty", reads=_OUTPUT),
        count("output_shared", id="jumlah orang lain di Pokja unit ini dengan Output yang sama",
              en="number of other persons in this unit's Pokja claiming the same Output", reads=[_OUTPUT, _POSITION]),
        flag("approval_empty", id="Nomor Persetujuan Pimpinan kosong", en="Nomor Persetujuan Pimpinan is empty",
             reads=col("anggota", "nomor_persetujuan_pimpinan")),
        flag("voluntary", id="Cara Penugasan Pengajuan Sukarela", en="Cara Penugasan is Pengajuan Sukarela",
             reads=col("anggota", "cara_penugasan")),
        count("pokja_n_target_in_pk", id="jumlah kode target Pokja ini yang ada di PK",
              en="number of this Pokja's target codes found in the PK", reads=_POKJA_TARGETS),
        count("n_mph_for_pokja_targets", id="jumlah entri MPH orang ini untuk target PK Pokja ini",
              en="number of this person's MPH entries for this Pokja's PK targets",
              reads=[*_POKJA_TARGETS, col("mph", "peran_hasil"), col("mph", "kode_target")]),
        flag("is_owner", id="NIP sama dengan NIP JPT Pratama, Plt JPT Pratama, atau JPT Madya unit",
             en="NIP equals the unit's JPT Pratama, Plt JPT Pratama or JPT Madya NIP",
             reads=[_NIP, *HEAD_NIP_READS, col("unit", "nip_jpt_madya")]),
        OWNER_NIPS_USABLE,
        flag("nip_given", id="kolom NIP pada Anggota Pokja terisi", en="the Anggota Pokja NIP cell is filled",
             reads=_NIP),
        flag("known_jpt", id="jenis jabatan JPT Madya atau JPT Pratama menurut Anggota Pokja atau Pegawai",
             en="jenis jabatan JPT Madya or JPT Pratama on Anggota Pokja or on Pegawai",
             reads=[col("anggota", "jenis_jabatan"), col("pegawai", "jenis_jabatan")]),
        UNCERTAIN,
        flag("recommendation_before_report",
             id="Tanggal Rekomendasi Penilaian dan Tanggal Laporan Pokja terbaca dan rekomendasi sebelum laporan",
             en="both Tanggal Rekomendasi Penilaian and the Pokja's Tanggal Laporan readable and the recommendation "
                "earlier",
             reads=[col("anggota", "tanggal_rekomendasi_penilaian"), col("pokja", "tanggal_laporan")]),
        flag("approval_after_sk",
             id="Tanggal Persetujuan Pimpinan dan Tanggal SK Pokja terbaca dan persetujuan setelah SK",
             en="both Tanggal Persetujuan Pimpinan and the Pokja's Tanggal SK readable and the approval later",
             reads=[col("anggota", "tanggal_persetujuan_pimpinan"), col("pokja", "tanggal_sk")]),
        flag("duplicate", id="baris kedua dari orang yang sama dalam Pokja yang sama (kecuali Ketua yang juga Anggota)",
             en="the second row of the same person in the same Pokja (except a Ketua also listed as Anggota)",
             reads=[col("anggota", "kode_pokja"), _POSITION]),
        flag("recommendation_empty", id="Tanggal Rekomendasi Penilaian kosong",
             en="Tanggal Rekomendasi Penilaian is empty",
             reads=col("anggota", "tanggal_rekomendasi_penilaian")),
    ],
    params=["p_position", "p_jenis", "p_output", "p_others", "p_unit_asal", "p_instansi_asal", "p_pokja_targets",
            "p_rows", "p_head_nip", "p_madya_nip", "p_recommendation_date", "p_approval_date", "p_report_date",
            "p_sk_date"],
    # the person's NIP and its status, their Kode Unit Asal, the folded Output (crossunit.py joins on them)
    hidden=["_nip_key", "_nip_status", "_unit_asal", "_output_key"])


def member_facts(u, out) -> None:
    for m in u.members:
        m["_out"] = fold_output(text(m.get("output__raw") or m.get("output")))
    by_output = _claims(u)
    mph_targets = _mph_targets(u)
    rows_by_person: dict[tuple, list] = {}
    for m in u.members:
        rows_by_person.setdefault((m["_pokja"], m["_person"].key), []).append(m)
    for m in u.members:
        key = m["_person"].key
        targets = [c for c in u.pokja_targets.get(m["_pokja"], []) if c in u.pk_codes]
        others = {k: o for k, o in by_output.get(m["_out"], {}).items() if k != key} \
            if m["is_member"] and m["_out"] else {}
        group = rows_by_person.get((m["_pokja"], key), [m]) if key else [m]
        nip = text(m.get("nip"))
        out.add("member", "anggota", m["_row"], u.person_cell("anggota", m),
                _fields(u, m, group, others, targets, mph_targets),
                pokja=text(m.get("kode_pokja__raw")) or m["_pokja"], nip=text(m.get("nip__raw")) or nip,
                name=shown(m, "nama"), value=m["_out"], params=_params(u, m, group, others, targets),
                hidden={"_nip_key": m["_person"].nip_key, "_nip_status": m["_person"].nip_status,
                        "_unit_asal": text(m.get("kode_unit_asal__raw")), "_output_key": m["_out"]})
