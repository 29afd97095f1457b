"""Member facts: one per Anggota Pokja row (Pengarah rows included; `is_member` tells)."""
from __future__ import annotations

from checker.facts.declare import choice, col, count, fact_kind, flag, sheet
from checker.facts.people import JENIS_JABATAN, UNCERTAIN, found_placeholder, is_empty, shown, text
from checker.facts.pokja import OWNER_NIPS_USABLE, before, date_of, fold_output
from checker.facts.unitdata import HEAD_NIP_READS, ORIGIN_READS
from checker.input.vocab import JPT_JENIS, canonical_values, is_not_active


def _claims(u) -> dict[str, dict]:
    """Folded Output -> {person key: first member row} over the members of all the unit's Pokja."""
    by_output: dict[str, dict] = {}
    for m in u.members:
        if m["is_member"] and m["_out"]:
            by_output.setdefault(m["_out"], {}).setdefault(m["_person"].key, m)
    return by_output


def _mph_targets(u) -> dict[str, set]:
    """Person key -> the targets of their MPH entries; a long-layout row with a target but a
    blank Peran Hasil counts (M02 reports it: rules.md, one cause)."""
    long = u.loaded.mph_layout != "matrix"
    out: dict[str, set] = {}
    for r in u.mph:
        code = text(r.get("kode_target"))
        if r["_person"].key and (r.get("peran_hasil") or (long and code)):
            out.setdefault(r["_person"].key, set()).add(code)
    return out


def _same_task(u) -> dict[int, list]:
    """A18: id(member row) -> the other members of its Pokja with the same Uraian Tugas (folded
    like outputs) whose Output differs from its own (both filled)."""
    groups: dict[tuple, list] = {}
    for m in u.members:
        task = fold_output(text(m.get("uraian_tugas")))
        if m["is_member"] and task and m["_out"]:
            groups.setdefault((m["_pokja"], task), []).append(m)
    out: dict[int, list] = {}
    for group in groups.values():
        for m in group:
            others = {o["_person"].key: o for o in group if o["_person"].key != m["_person"].key
                      and o["_out"] != m["_out"]}
            if others:
                out[id(m)] = list(others.values())
    return out


def _pokja_of_claims(u) -> dict[tuple, list]:
    """A19: (person key, folded Output) -> the Pokja (as written) in which the person claims it."""
    out: dict[tuple, list] = {}
    for m in u.members:
        if m["is_member"] and m["_out"] and m["_person"].key:
            shown_code = text(m.get("kode_pokja__raw")) or m["_pokja"]
            pokja = out.setdefault((m["_person"].key, m["_out"]), [])
            if m["_pokja"] not in [c for c, _ in pokja]:
                pokja.append((m["_pokja"], shown_code))
    return out


def _unidentified(u, m: dict, jenis_given: bool) -> bool:
    """A09's cause: a member of this unit on no Pegawai row (the unit having a Pegawai sheet), or
    an outsider without Jenis Jabatan; a NIP stored as a number is D01's."""
    if m["_person"].uncertain or "pegawai" not in u.loaded.tables:
        return False
    return (not m["outsider"] and m["_person"].pegawai is None) or (m["outsider"] and not jenis_given)


def _pokja_dates(u, m: dict) -> dict:
    """A16 and A17: the member's dates against their Pokja's (both readable)."""
    p = u.pokja_rows.get(m["_pokja"]) or {}
    return {
        "recommendation_before_report": before(date_of(m, "tanggal_rekomendasi_penilaian"),
                                               date_of(p, "tanggal_laporan")),
        "approval_after_sk": before(date_of(p, "tanggal_sk"), date_of(m, "tanggal_persetujuan_pimpinan")),
    }


OFFICERS = ("Ketua", "Wakil Ketua", "Sekretaris")


def _duplicate(m: dict, group: list) -> bool:
    """A11: the second row of one person in one Pokja, except an officer listed once more as
    Anggota (Lampiran II.D.4.b: the Ketua may *merangkap*; no officer is barred from it)."""
    positions = sorted(g["position"] for g in group)
    officer_also_member = len(group) == 2 and positions[0] == "Anggota" and positions[1] in OFFICERS
    return len(group) >= 2 and group[1] is m and not officer_also_member


def _fields(u, m: dict, group: list, others: dict, targets: list, mph_targets: dict, claims: list,
            same: list) -> dict:
    pi = m["_person"].pegawai
    holder = u.people.rows[pi] if pi is not None else {}
    jenis_given = not is_empty(m, "jenis_jabatan")
    return {
        "position": m["position"], "is_member": m["is_member"], "jenis": m["jenis"],
        "jenis_known": m["jenis_known"], "jenis_given": jenis_given,
        "on_pegawai": pi is not None, "outsider": m["outsider"],
        "other_instansi": m["other_instansi"], "other_unit_same_instansi": m["outsider"] and not m["other_instansi"],
        "unidentified": _unidentified(u, m, jenis_given),
        "inactive": pi is not None and is_not_active(holder.get("kedudukan_hukum"), holder.get("status_kepegawaian")),
        "pola": u.pola, "task_empty": is_empty(m, "uraian_tugas"), "output_empty": is_empty(m, "output"),
        "output_shared": len(others), "same_task_other_output": len(same),
        "output_in_other_pokja": max(len(claims) - 1, 0),
        "approval_empty": is_empty(m, "nomor_persetujuan_pimpinan"),
        "voluntary": m.get("cara_penugasan") == "Pengajuan Sukarela",
        "pokja_n_target_in_pk": len(targets),
        "n_mph_for_pokja_targets": len(mph_targets.get(m["_person"].key, set()) & set(targets)),
        "is_owner": bool(u.owners.by_nip(text(m.get("nip")))),
        "owner_nips_usable": u.head_nip_usable and u.madya_nip_usable,
        "known_jpt": holder.get("jenis_jabatan") in JPT_JENIS or m.get("jenis_jabatan") in JPT_JENIS,
        "nip_given": not is_empty(m, "nip"),
        "uncertain": m["_person"].uncertain,
        **_pokja_dates(u, m),
        "duplicate": _duplicate(m, group),
        "recommendation_empty": is_empty(m, "tanggal_rekomendasi_penilaian"),
    }


def _name(o: dict) -> str:
    return text(o.get("nama__raw") or o.get("nama")) or text(o.get("nip"))


def _params(u, m: dict, group: list, others: dict, targets: list, claims: list, same: list) -> dict:
    return {
        "p_position": text(m.get("kedudukan__raw")) or "-",
        "p_jenis": m["jenis"] or text(m.get("jenis_jabatan__raw")) or "-",
        "p_output": text(m.get("output__raw")) or "-",
        "p_others": "; ".join(f"{_name(o)} ({text(o.get('kode_pokja__raw')) or o['_pokja']})"
                              for o in others.values()) or "-",
        "p_same_task": "; ".join(f"{_name(o)} ({text(o.get('output__raw'))})"
                                 for o in same) or "-",
        "p_other_pokja": ", ".join(shown_code for code, shown_code in claims if code != m["_pokja"]) or "-",
        "p_found_task": found_placeholder(m, ("uraian_tugas", "Uraian Tugas")),
        "p_found_output": found_placeholder(m, ("output", "Output")),
        "p_found_approval": found_placeholder(m, ("nomor_persetujuan_pimpinan", "Nomor Persetujuan Pimpinan")),
        "p_found_recommendation": found_placeholder(m, ("tanggal_rekomendasi_penilaian",
                                                        "Tanggal Rekomendasi Penilaian")),
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
_TASK = col("anggota", "uraian_tugas")
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
        # false without a Pegawai sheet (A09 does not run then either): see _unidentified
        flag("unidentified",
             id="orang ini tidak dapat dikenali (sebab A09): anggota unit ini yang tidak tercantum pada Pegawai, atau "
                "anggota dari unit/instansi lain tanpa Jenis Jabatan; false bila NIP tersimpan sebagai angka",
             en="this person cannot be identified (A09's cause): a member of this unit not on Pegawai, or a member "
                "from another unit or instansi without Jenis Jabatan; false for a NIP stored as a number",
             reads=[col("anggota", "jenis_jabatan"), *ORIGIN_READS]),
        flag("inactive",
             id="orang ini tercantum pada Pegawai dan Kedudukan Hukum atau Status Kepegawaian-nya menyatakan tidak "
                "aktif (tugas belajar, CLTN, MPP, dan sebagainya: input-format.md, Not active)",
             en="this person is on Pegawai and their Kedudukan Hukum or Status Kepegawaian says not active (tugas "
                "belajar, CLTN, MPP and so on: input-format.md, Not active)",
             reads=[sheet("pegawai"), col("pegawai", "kedudukan_hukum"), col("pegawai", "status_kepegawaian")]),
        choice("pola", values=POLA, id="Pola Struktur unit (A atau B)", en="the unit's Pola Struktur (A or B)",
               reads=col("unit", "pola_struktur")),
        flag("task_empty", id="Uraian Tugas kosong (atau hanya tanda isian seperti “-”)",
             en="Uraian Tugas is empty (or only a placeholder such as “-”)", reads=_TASK),
        flag("output_empty", id="Output kosong (atau hanya tanda isian)", en="Output is empty (or only a placeholder)",
             reads=_OUTPUT),
        count("output_shared", id="jumlah orang lain di Pokja unit ini dengan Output yang sama",
              en="number of other persons in this unit's Pokja claiming the same Output", reads=[_OUTPUT, _POSITION]),
        count("same_task_other_output",
              id="jumlah orang lain pada kedudukan selain Pengarah di Pokja yang sama dengan Uraian Tugas yang sama "
                 "(dibandingkan seperti Output) tetapi Output yang berbeda (keduanya terisi)",
              en="number of other persons in non-Pengarah positions of the same Pokja with the same Uraian Tugas "
                 "(compared like outputs) but a different Output (both filled)",
              reads=[_TASK, _OUTPUT, _POSITION, col("anggota", "kode_pokja")]),
        count("output_in_other_pokja",
              id="jumlah Pokja lain unit ini tempat orang yang sama mengklaim Output yang sama (dibandingkan seperti "
                 "pada A05)",
              en="number of the unit's other Pokja in which the same person claims the same Output (compared as for "
                 "A05)", reads=[_OUTPUT, _POSITION, col("anggota", "kode_pokja")]),
        flag("approval_empty", id="Nomor Persetujuan Pimpinan kosong (atau hanya tanda isian)",
             en="Nomor Persetujuan Pimpinan is empty (or only a placeholder)",
             reads=col("anggota", "nomor_persetujuan_pimpinan")),
        flag("voluntary", id="Cara Penugasan Pengajuan Sukarela", en="Cara Penugasan is Pengajuan Sukarela",
             reads=col("anggota", "cara_penugasan")),
        count("pokja_n_target_in_pk", id="jumlah kode target Pokja ini yang ada di PK",
              en="number of this Pokja's target codes found in the PK", reads=_POKJA_TARGETS),
        count("n_mph_for_pokja_targets", id="jumlah entri MPH orang ini untuk target PK Pokja ini",
              en="number of this person's MPH entries for this Pokja's PK targets",
              reads=[*_POKJA_TARGETS, col("mph", "peran_hasil"), col("mph", "kode_target")]),
        # a Pengarah row without NIP names its owner by name or position: owner_slot.listed, cells.py
        flag("is_owner", id="NIP sama dengan NIP JPT Pratama, Plt JPT Pratama, atau JPT Madya unit",
             en="NIP equals the unit's JPT Pratama, Plt JPT Pratama or JPT Madya NIP",
             reads=[_NIP, *HEAD_NIP_READS, col("unit", "nip_jpt_madya")]),
        OWNER_NIPS_USABLE,
        flag("nip_given", id="kolom NIP pada Anggota Pokja terisi (bukan hanya tanda isian)",
             en="the Anggota Pokja NIP cell is filled (not only a placeholder)",
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
        flag("duplicate",
             id="baris kedua dari orang yang sama dalam Pokja yang sama (kecuali Ketua, Wakil Ketua, atau Sekretaris "
                "yang tercantum sekali lagi sebagai Anggota)",
             en="the second row of the same person in the same Pokja (except a Ketua, Wakil Ketua or Sekretaris "
                "listed once more as Anggota)",
             reads=[col("anggota", "kode_pokja"), _POSITION]),
        flag("recommendation_empty", id="Tanggal Rekomendasi Penilaian kosong (atau hanya tanda isian)",
             en="Tanggal Rekomendasi Penilaian is empty (or only a placeholder)",
             reads=col("anggota", "tanggal_rekomendasi_penilaian")),
    ],
    params=["p_position", "p_jenis", "p_output", "p_others", "p_unit_asal", "p_instansi_asal", "p_pokja_targets",
            "p_rows", "p_head_nip", "p_madya_nip", "p_recommendation_date", "p_approval_date", "p_report_date",
            "p_sk_date", "p_same_task", "p_other_pokja", "p_found_task", "p_found_output", "p_found_approval",
            "p_found_recommendation"],
    # the person's NIP and its status, their Kode Unit Asal, the folded Output (crossunit.py joins on them)
    hidden=["_nip_key", "_nip_status", "_unit_asal", "_output_key"])


def member_facts(u, out) -> None:
    for m in u.members:
        m["_out"] = fold_output(text(m.get("output")))
    by_output = _claims(u)
    mph_targets = _mph_targets(u)
    same = _same_task(u)
    claims_by = _pokja_of_claims(u)
    rows_by_person: dict[tuple, list] = {}
    for m in u.members:
        rows_by_person.setdefault((m["_pokja"], m["_person"].key), []).append(m)
    for m in u.members:
        key = m["_person"].key
        targets = [c for c in u.pokja_targets.get(m["_pokja"], []) if c in u.pk_codes]
        others = {k: o for k, o in by_output.get(m["_out"], {}).items() if k != key} \
            if m["is_member"] and m["_out"] else {}
        group = rows_by_person.get((m["_pokja"], key), [m]) if key else [m]
        claims = claims_by.get((key, m["_out"]), []) if m["is_member"] and m["_out"] and key else []
        nip = text(m.get("nip"))
        mine = same.get(id(m), [])
        out.add("member", "anggota", m["_row"], u.person_cell("anggota", m),
                _fields(u, m, group, others, targets, mph_targets, claims, mine),
                pokja=text(m.get("kode_pokja__raw")) or m["_pokja"], nip=text(m.get("nip__raw")) or nip,
                name=shown(m, "nama"), value=m["_out"], params=_params(u, m, group, others, targets, claims, mine),
                hidden={"_nip_key": m["_person"].nip_key, "_nip_status": m["_person"].nip_status,
                        "_unit_asal": text(m.get("kode_unit_asal__raw")), "_output_key": m["_out"]})
