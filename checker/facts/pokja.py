"""Pokja facts (one per Pokja sheet row) and owner slots (one per Pokja per performance
owner who must be its Pengarah)."""
from __future__ import annotations

from datetime import date

from checker.facts.declare import col, count, fact_kind, flag
from checker.facts.people import PersonIndex, shown, text
from checker.facts.unitdata import HEAD_NIP_READS, ORIGIN_READS, PENGARAH
from checker.input.vocab import FP_JENIS


def is_empty(r: dict, fld: str) -> bool:
    """The cell is empty (an unreadable value or a formula counts as given)."""
    st = r.get(fld + "__st")
    if st is not None:
        return st == "empty"
    return not text(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld))


def date_of(r: dict, fld: str):
    return r.get(fld), (r.get(fld + "__st") or "empty")


def members_by_pokja(u) -> dict[str, list]:
    out: dict[str, list] = {}
    for m in u.members:
        out.setdefault(m["_pokja"], []).append(m)
    return out


def before(a, b) -> bool:
    """Both dates readable (rules.md: comparisons run only on readable dates) and `a` earlier than `b`."""
    return a[1] == "ok" and b[1] == "ok" and a[0] < b[0]


def _period_fields(start, end, year: int | None) -> dict:
    """K06 and K14: the period against the Tahun Kinerja, using whichever dates are readable."""
    end_before_start = before(end, start)
    readable = [d for d, st in (start, end) if st == "ok"]
    if year is None or not readable:
        return {"end_before_start": end_before_start, "period_outside_year": False, "period_spills_over": False}
    first, last = date(year, 1, 1), date(year, 12, 31)
    outside = len(readable) == 2 and not end_before_start and (end[0] < first or start[0] > last)
    spills = not end_before_start and not outside and any(d < first or d > last for d in readable)
    return {"end_before_start": end_before_start, "period_outside_year": outside, "period_spills_over": spills}


def _date_fields(r: dict, year: int | None) -> dict:
    sk, kons = date_of(r, "tanggal_sk"), date_of(r, "tanggal_konsultasi_ortala")
    plan, lap, acc = date_of(r, "tanggal_persetujuan_rencana_kerja"), date_of(r, "tanggal_laporan"), \
        date_of(r, "tanggal_diterima_jpt_madya")
    return {
        "consultation_after_sk": before(sk, kons),
        **_period_fields(date_of(r, "tanggal_mulai"), date_of(r, "tanggal_selesai"), year),
        "accepted_before_report": before(acc, lap),
        "workplan_before_sk": before(plan, sk),
        "report_before_sk": before(lap, sk),
        "sk_other_year": sk[1] == "ok" and year is not None and sk[0].year not in (year, year - 1),
    }


def _label(m: dict) -> str:
    return text(m.get("nama__raw") or m.get("nama")) or text(m.get("nip"))


def _params(u, r: dict, fields: dict, chairs: dict, persons: dict) -> dict:
    def raw(f):
        return text(r.get(f + "__raw"))

    empty_fields = [label for fld, label in (("nomor_sk", "Nomor SK"), ("tanggal_sk", "Tanggal SK"))
                    if fld in u.ctx.sheets["pokja"].columns and is_empty(r, fld)]
    chair = next(iter(chairs.values()), None)
    return {
        "p_pokja_name": raw("nama_pokja"), "p_empty_fields": ", ".join(empty_fields),
        "p_sk_field": "tanggal_sk" if fields["sk_date_empty"] and not fields["sk_number_empty"] else "nomor_sk",
        "p_signer": raw("nip_penetap_sk") or "-", "p_head_nip": text(u.unit_value("nip_jpt_pratama", raw=True)) or "-",
        "p_sk_date": raw("tanggal_sk") or "-", "p_consultation_date": raw("tanggal_konsultasi_ortala") or "-",
        "p_start": raw("tanggal_mulai") or "-", "p_end": raw("tanggal_selesai") or "-",
        "p_year": u.year if u.year is not None else "-",
        "p_chairs": "; ".join(_label(m) for m in chairs.values()) or "-",
        "p_members": "; ".join(_label(m) for m in persons.values()) or "-",
        "p_chair_name": shown(chair, "nama") if chair else "-",
        "p_report_date": raw("tanggal_laporan") or "-",
        "p_plan_date": raw("tanggal_persetujuan_rencana_kerja") or "-",
        "p_accepted_date": raw("tanggal_diterima_jpt_madya") or "-",
    }


_YEAR = col("unit", "tahun_kinerja")
_START, _END = col("pokja", "tanggal_mulai"), col("pokja", "tanggal_selesai")
_SK_DATE, _REPORT = col("pokja", "tanggal_sk"), col("pokja", "tanggal_laporan")
# The members of a Pokja (Anggota Pokja rows by Kode Pokja) and their positions.
_POKJA_MEMBERS = (col("pokja", "kode_pokja"), col("anggota", "kode_pokja"), col("anggota", "kedudukan"))

POKJA = fact_kind(
    "pokja", id="satu per baris sheet Pokja", en="one per Pokja sheet row",
    fields=[
        flag("sk_number_empty", id="Nomor SK kosong", en="Nomor SK is empty", reads=col("pokja", "nomor_sk")),
        flag("sk_date_empty", id="Tanggal SK kosong", en="Tanggal SK is empty", reads=_SK_DATE),
        flag("signer_empty", id="NIP Penetap SK kosong", en="NIP Penetap SK is empty",
             reads=col("pokja", "nip_penetap_sk")),
        flag("signer_is_head", id="NIP Penetap SK sama dengan NIP JPT Pratama atau NIP Plt JPT Pratama unit",
             en="NIP Penetap SK equals the unit's NIP JPT Pratama or NIP Plt JPT Pratama",
             reads=[col("pokja", "nip_penetap_sk"), *HEAD_NIP_READS]),
        flag("head_nip_usable", id="NIP JPT Pratama pada sheet Unit terisi dan sah",
             en="the Unit sheet's NIP JPT Pratama is filled and valid", reads=col("unit", "nip_jpt_pratama")),
        flag("task_empty", id="Tugas Pokja kosong", en="Tugas Pokja is empty", reads=col("pokja", "tugas_pokja")),
        flag("consultation_empty", id="Tanggal Konsultasi Ortala kosong", en="Tanggal Konsultasi Ortala is empty",
             reads=col("pokja", "tanggal_konsultasi_ortala")),
        flag("consultation_after_sk", id="Tanggal Konsultasi Ortala dan Tanggal SK terbaca dan konsultasi setelah SK",
             en="both dates readable and the consultation is after the SK date",
             reads=[col("pokja", "tanggal_konsultasi_ortala"), _SK_DATE]),
        flag("period_outside_year",
             id="kedua tanggal periode terbaca dan periode sama sekali tidak beririsan dengan Tahun Kinerja",
             en="both period dates readable and the period does not overlap the Tahun Kinerja at all",
             reads=[_START, _END, _YEAR]),
        flag("period_spills_over",
             id="tanggal periode yang terbaca ada yang di luar Tahun Kinerja, tetapi periode tidak sama sekali di "
                "luarnya dan Tanggal Selesai tidak mendahului Tanggal Mulai",
             en="a readable period date lies outside the Tahun Kinerja, but the period is not wholly outside it and "
                "does not end before it starts", reads=[_START, _END, _YEAR]),
        flag("end_before_start", id="kedua tanggal terbaca dan Tanggal Selesai sebelum Tanggal Mulai",
             en="both dates readable and Tanggal Selesai before Tanggal Mulai", reads=[_START, _END]),
        count("n_chair", id="jumlah orang berbeda berkedudukan Ketua",
              en="number of distinct persons in the Ketua position", reads=_POKJA_MEMBERS),
        count("n_member_person", id="jumlah orang berbeda pada kedudukan selain Pengarah",
              en="number of distinct persons in non-Pengarah positions", reads=_POKJA_MEMBERS),
        # the members' jenis counts only when known, and for the unit's own members that is Pegawai's
        flag("chair_outsider_with_own_member",
             id="Ketua berasal dari unit/instansi lain padahal ada anggota Fungsional atau Pelaksana dari unit pemilik",
             en="the Ketua is from another unit or instansi although a Fungsional or Pelaksana of the owner unit is a "
                "member", reads=[*_POKJA_MEMBERS, *ORIGIN_READS, col("pegawai", "jenis_jabatan")]),
        flag("workplan_approval_empty", id="Tanggal Persetujuan Rencana Kerja kosong",
             en="Tanggal Persetujuan Rencana Kerja is empty", reads=col("pokja", "tanggal_persetujuan_rencana_kerja")),
        flag("report_empty", id="Tanggal Laporan kosong", en="Tanggal Laporan is empty", reads=_REPORT),
        flag("accepted_empty", id="Tanggal Diterima JPT Madya kosong", en="Tanggal Diterima JPT Madya is empty",
             reads=col("pokja", "tanggal_diterima_jpt_madya")),
        flag("accepted_before_report",
             id="kedua tanggal terbaca dan Tanggal Diterima JPT Madya sebelum Tanggal Laporan",
             en="both dates readable and Tanggal Diterima JPT Madya before Tanggal Laporan",
             reads=[_REPORT, col("pokja", "tanggal_diterima_jpt_madya")]),
        flag("workplan_before_sk",
             id="kedua tanggal terbaca dan Tanggal Persetujuan Rencana Kerja sebelum Tanggal SK",
             en="both dates readable and Tanggal Persetujuan Rencana Kerja before Tanggal SK",
             reads=[col("pokja", "tanggal_persetujuan_rencana_kerja"), _SK_DATE]),
        flag("report_before_sk", id="kedua tanggal terbaca dan Tanggal Laporan sebelum Tanggal SK",
             en="both dates readable and Tanggal Laporan before Tanggal SK", reads=[_REPORT, _SK_DATE]),
        flag("sk_other_year", id="Tanggal SK terbaca dan tahunnya bukan Tahun Kinerja maupun tahun sebelumnya",
             en="Tanggal SK readable and its year is neither the Tahun Kinerja nor the year before",
             reads=[_SK_DATE, _YEAR]),
    ],
    params=["p_pokja_name", "p_empty_fields", "p_sk_field", "p_signer", "p_head_nip", "p_sk_date",
            "p_consultation_date", "p_start", "p_end", "p_year", "p_chairs", "p_members", "p_chair_name",
            "p_report_date", "p_plan_date", "p_accepted_date"])


def pokja_facts(u, out) -> None:
    by_pokja = members_by_pokja(u)
    for r in u.rows("pokja"):
        code = text(r.get("kode_pokja"))
        ms = by_pokja.get(code, []) if code else []
        chairs = {m["_person"].key: m for m in ms if m["position"] == "Ketua"}
        persons = {m["_person"].key: m for m in ms if m["is_member"]}
        own_fp = any(not m["outsider"] and m["is_member"] and m["jenis_known"] and m["jenis"] in FP_JENIS for m in ms)
        signer = text(r.get("nip_penetap_sk"))
        fields = {
            "sk_number_empty": is_empty(r, "nomor_sk"), "sk_date_empty": is_empty(r, "tanggal_sk"),
            "signer_empty": not signer, "signer_is_head": PersonIndex.is_official({"nip": signer}, u.head_nips),
            "head_nip_usable": u.head_nip_usable,
            "task_empty": is_empty(r, "tugas_pokja"),
            "consultation_empty": is_empty(r, "tanggal_konsultasi_ortala"),
            **_date_fields(r, u.year),
            "n_chair": len(chairs), "n_member_person": len(persons),
            "chair_outsider_with_own_member": any(m["outsider"] for m in chairs.values()) and own_fp,
            "workplan_approval_empty": is_empty(r, "tanggal_persetujuan_rencana_kerja"),
            "report_empty": is_empty(r, "tanggal_laporan"),
            "accepted_empty": is_empty(r, "tanggal_diterima_jpt_madya"),
        }
        shown_code = text(r.get("kode_pokja__raw")) or code
        out.add("pokja", "pokja", r["_row"], u.col("pokja", "kode_pokja"), fields, pokja=shown_code, value=code,
                params=_params(u, r, fields, chairs, persons))
        _owner_slots(u, out, r, shown_code, ms)


# NIP JPT Pratama and NIP JPT Madya filled and valid: K08, A10 and A15 compare with both.
OWNER_NIPS_USABLE = flag("owner_nips_usable", id="NIP JPT Pratama dan NIP JPT Madya pada sheet Unit terisi dan sah",
                         en="the Unit sheet's NIP JPT Pratama and NIP JPT Madya are filled and valid",
                         reads=[col("unit", "nip_jpt_pratama"), col("unit", "nip_jpt_madya")])

OWNER_SLOT = fact_kind(
    "owner_slot", id="satu per Pokja per pemilik kinerja yang wajib menjadi Pengarah",
    en="one per Pokja per performance owner who must be Pengarah",
    fields=[
        flag("listed", id="pemilik kinerja ini tercantum sebagai Pengarah Pokja (menurut NIP)",
             en="this owner is listed as the Pokja's Pengarah (by NIP)",
             reads=[col("pokja", "kode_pokja"), col("anggota", "kode_pokja"), col("anggota", "kedudukan"),
                    col("anggota", "nip"), *HEAD_NIP_READS, col("unit", "nip_jpt_madya")]),
        OWNER_NIPS_USABLE,
    ],
    params=["p_role", "p_owner_name", "p_owner_nip"])


def _owner_slots(u, out, r: dict, shown_code: str, ms: list) -> None:
    slots = (("jpt_pratama", "JPT Pratama", u.head_nips, "nama_jpt_pratama", "nip_jpt_pratama"),
             ("jpt_madya", "JPT Madya", {u.madya_nip} if u.madya_nip else set(), "nama_jpt_madya", "nip_jpt_madya"))
    for role, label, nips, owner_name, owner_nip in slots:
        if not nips:
            continue
        listed = any(m["position"] == PENGARAH and PersonIndex.is_official(m, nips) for m in ms)
        name, nip = text(u.unit_value(owner_name, raw=True)), text(u.unit_value(owner_nip, raw=True))
        out.add("owner_slot", "pokja", r["_row"], u.col("pokja", "kode_pokja"),
                {"listed": listed, "owner_nips_usable": u.head_nip_usable and u.madya_nip_usable},
                pokja=shown_code, nip=nip, name=name, value=role,
                params={"p_role": label, "p_owner_name": name or "-", "p_owner_nip": nip or "-"})
