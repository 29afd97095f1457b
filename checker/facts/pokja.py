"""Pokja facts (one per Pokja sheet row) and owner slots (one per Pokja per performance
owner who must be its Pengarah)."""
from __future__ import annotations

import re
from datetime import date

from checker.facts.declare import col, count, fact_kind, flag
from checker.facts.owners import MADYA, PRATAMA
from checker.facts.people import found_placeholder, is_empty, shown, text
from checker.facts.unit import SUPPORT
from checker.facts.unitdata import HEAD_NIP_READS, ORIGIN_READS, OWNER_NAME_READS, PENGARAH
from checker.input.values import fold_text
from checker.input.vocab import FP_JENIS

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def fold_output(value: str) -> str:
    """An Output (or a task) compared after case folding and collapsing whitespace and punctuation."""
    return _PUNCT.sub(" ", fold_text(value)).strip()


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
    """K06, K14 and D08: the period against the Tahun Kinerja, using whichever dates are
    readable. A date on the far side of the year (a start after it, an end before it) puts the
    whole period outside it (K06); one on the near side (a start before it, an end after it) is
    a spill-over (K14); an end before the start (D08) leaves the period unknown."""
    end_before_start = before(end, start)
    if year is None or end_before_start:
        return {"end_before_start": end_before_start, "period_outside_year": False, "period_spills_over": False}
    first, last = date(year, 1, 1), date(year, 12, 31)
    outside = (end[1] == "ok" and end[0] < first) or (start[1] == "ok" and start[0] > last)
    spills = not outside and ((start[1] == "ok" and start[0] < first) or (end[1] == "ok" and end[0] > last))
    return {"end_before_start": False, "period_outside_year": outside, "period_spills_over": spills}


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


def _params(u, r: dict, fields: dict, chairs: dict, persons: dict, same_task: list) -> dict:
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
        "p_same_task": "; ".join(same_task) or "-",
        "p_found_sk": found_placeholder(r, ("nomor_sk", "Nomor SK"), ("tanggal_sk", "Tanggal SK")),
        # the NIP as typed (issue 22: K02 showed none), or the placeholder typed in its stead
        "p_found_signer": found_placeholder(r, ("nip_penetap_sk", "NIP Penetap SK")) or (
            f"NIP Penetap SK: \u201c{raw('nip_penetap_sk')}\u201d" if raw("nip_penetap_sk") else ""),
        "p_found_task": found_placeholder(r, ("tugas_pokja", "Tugas Pokja")),
        "p_found_consultation": found_placeholder(r, ("tanggal_konsultasi_ortala", "Tanggal Konsultasi Ortala")),
        "p_found_plan": found_placeholder(r, ("tanggal_persetujuan_rencana_kerja",
                                              "Tanggal Persetujuan Rencana Kerja")),
        "p_found_report": found_placeholder(r, ("tanggal_laporan", "Tanggal Laporan")),
        "p_found_accepted": found_placeholder(r, ("tanggal_diterima_jpt_madya", "Tanggal Diterima JPT Madya")),
    }


_YEAR = col("unit", "tahun_kinerja")
_TASK = col("pokja", "tugas_pokja")
_START, _END = col("pokja", "tanggal_mulai"), col("pokja", "tanggal_selesai")
_SK_DATE, _REPORT = col("pokja", "tanggal_sk"), col("pokja", "tanggal_laporan")
# The members of a Pokja (Anggota Pokja rows by Kode Pokja) and their positions.
_POKJA_MEMBERS = (col("pokja", "kode_pokja"), col("anggota", "kode_pokja"), col("anggota", "kedudukan"))

POKJA = fact_kind(
    "pokja", id="satu per baris sheet Pokja", en="one per Pokja sheet row",
    fields=[
        flag("sk_number_empty", id="Nomor SK kosong (atau hanya tanda isian seperti “-”)",
             en="Nomor SK is empty (or only a placeholder such as “-”)", reads=col("pokja", "nomor_sk")),
        flag("sk_date_empty", id="Tanggal SK kosong (atau hanya tanda isian)",
             en="Tanggal SK is empty (or only a placeholder)", reads=_SK_DATE),
        flag("signer_empty", id="NIP Penetap SK kosong (atau hanya tanda isian)",
             en="NIP Penetap SK is empty (or only a placeholder)", reads=col("pokja", "nip_penetap_sk")),
        flag("signer_is_head", id="NIP Penetap SK sama dengan NIP JPT Pratama atau NIP Plt JPT Pratama unit",
             en="NIP Penetap SK equals the unit's NIP JPT Pratama or NIP Plt JPT Pratama",
             reads=[col("pokja", "nip_penetap_sk"), *HEAD_NIP_READS]),
        flag("head_nip_usable",
             id="NIP JPT Pratama pada sheet Unit terisi dan sah, atau (jabatan lowong: NIP JPT Pratama kosong) NIP Plt "
                "JPT Pratama terisi dan sah",
             en="the Unit sheet's NIP JPT Pratama is filled and valid, or (a vacant post: NIP JPT Pratama empty) NIP "
                "Plt JPT Pratama is filled and valid", reads=HEAD_NIP_READS),
        flag("task_empty", id="Tugas Pokja kosong (atau hanya tanda isian)",
             en="Tugas Pokja is empty (or only a placeholder)", reads=_TASK),
        count("same_task_pokja",
              id="jumlah Pokja lain unit ini dengan Tugas Pokja yang sama (dibandingkan seperti Output: huruf besar "
                 "kecil, spasi, dan tanda baca diabaikan); 0 bila Tugas Pokja kosong",
              en="number of the unit's other Pokja with the same Tugas Pokja (compared like outputs: case, spacing "
                 "and punctuation folded); 0 when Tugas Pokja is empty", reads=[_TASK, col("pokja", "kode_pokja")]),
        flag("consultation_empty", id="Tanggal Konsultasi Ortala kosong (atau hanya tanda isian)",
             en="Tanggal Konsultasi Ortala is empty (or only a placeholder)",
             reads=col("pokja", "tanggal_konsultasi_ortala")),
        flag("consultation_after_sk", id="Tanggal Konsultasi Ortala dan Tanggal SK terbaca dan konsultasi setelah SK",
             en="both dates readable and the consultation is after the SK date",
             reads=[col("pokja", "tanggal_konsultasi_ortala"), _SK_DATE]),
        flag("period_outside_year",
             id="periode sama sekali tidak beririsan dengan Tahun Kinerja menurut tanggal yang terbaca: Tanggal Mulai "
                "setelah tahun itu atau Tanggal Selesai sebelumnya (dan Tanggal Selesai tidak mendahului Tanggal "
                "Mulai)",
             en="by its readable dates the period does not overlap the Tahun Kinerja at all: Tanggal Mulai after "
                "that year or Tanggal Selesai before it (and Tanggal Selesai not before Tanggal Mulai)",
             reads=[_START, _END, _YEAR]),
        flag("period_spills_over",
             id="periode beririsan dengan Tahun Kinerja tetapi Tanggal Mulai yang terbaca sebelum tahun itu atau "
                "Tanggal Selesai yang terbaca setelahnya (dan Tanggal Selesai tidak mendahului Tanggal Mulai)",
             en="the period overlaps the Tahun Kinerja but a readable Tanggal Mulai is before that year or a "
                "readable Tanggal Selesai after it (and Tanggal Selesai not before Tanggal Mulai)",
             reads=[_START, _END, _YEAR]),
        flag("end_before_start", id="kedua tanggal terbaca dan Tanggal Selesai sebelum Tanggal Mulai",
             en="both dates readable and Tanggal Selesai before Tanggal Mulai", reads=[_START, _END]),
        count("n_chair", id="jumlah orang berbeda berkedudukan Ketua",
              en="number of distinct persons in the Ketua position", reads=_POKJA_MEMBERS),
        count("n_member_person", id="jumlah orang berbeda pada kedudukan selain Pengarah",
              en="number of distinct persons in non-Pengarah positions", reads=_POKJA_MEMBERS),
        count("n_own_member_person",
              id="jumlah orang berbeda pada kedudukan selain Pengarah yang tidak berasal dari unit kerja atau instansi "
                 "lain",
              en="number of distinct persons in non-Pengarah positions who are not from another unit or instansi",
              reads=[*_POKJA_MEMBERS, *ORIGIN_READS]),
        flag("only_support_pokja",
             id="Pokja ini berjenis Dukungan Teknis dan Administrasi dan satu-satunya Pokja berjenis itu di unit ini",
             en="this Pokja is of jenis Dukungan Teknis dan Administrasi and the unit's only Pokja of that jenis",
             reads=col("pokja", "jenis_pokja")),
        # the members' jenis counts only when known, and for the unit's own members that is Pegawai's
        flag("chair_outsider_with_own_member",
             id="Ketua berasal dari unit/instansi lain padahal ada anggota Fungsional atau Pelaksana dari unit pemilik",
             en="the Ketua is from another unit or instansi although a Fungsional or Pelaksana of the owner unit is a "
                "member", reads=[*_POKJA_MEMBERS, *ORIGIN_READS, col("pegawai", "jenis_jabatan")]),
        flag("workplan_approval_empty", id="Tanggal Persetujuan Rencana Kerja kosong (atau hanya tanda isian)",
             en="Tanggal Persetujuan Rencana Kerja is empty (or only a placeholder)",
             reads=col("pokja", "tanggal_persetujuan_rencana_kerja")),
        flag("report_empty", id="Tanggal Laporan kosong (atau hanya tanda isian)",
             en="Tanggal Laporan is empty (or only a placeholder)", reads=_REPORT),
        flag("accepted_empty", id="Tanggal Diterima JPT Madya kosong (atau hanya tanda isian)",
             en="Tanggal Diterima JPT Madya is empty (or only a placeholder)",
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
    # p_found_*: the placeholder an "is empty" field found, as "Column: “-”" ("" when none)
    params=["p_pokja_name", "p_empty_fields", "p_sk_field", "p_signer", "p_head_nip", "p_sk_date",
            "p_consultation_date", "p_start", "p_end", "p_year", "p_chairs", "p_members", "p_chair_name",
            "p_report_date", "p_plan_date", "p_accepted_date", "p_same_task", "p_found_sk", "p_found_signer",
            "p_found_task", "p_found_consultation", "p_found_plan", "p_found_report", "p_found_accepted"])


def _same_tasks(u) -> dict[int, list]:
    """Pokja sheet row -> the other Pokja (as written) whose Tugas Pokja is the same, folded like
    outputs (members.fold_output)."""
    by_task: dict[str, list] = {}
    for r in u.rows("pokja"):
        key = fold_output(text(r.get("tugas_pokja")))
        if key:
            by_task.setdefault(key, []).append(r)
    out: dict[int, list] = {}
    for rows in by_task.values():
        for r in rows:
            out[r["_row"]] = [text(o.get("kode_pokja__raw")) or text(o.get("kode_pokja")) for o in rows if o is not r]
    return out


def pokja_facts(u, out) -> None:
    by_pokja = members_by_pokja(u)
    same_tasks = _same_tasks(u)
    n_support = sum(1 for r in u.rows("pokja") if r.get("jenis_pokja") == SUPPORT)
    for r in u.rows("pokja"):
        code = text(r.get("kode_pokja"))
        ms = by_pokja.get(code, []) if code else []
        chairs = {m["_person"].key: m for m in ms if m["position"] == "Ketua"}
        persons = {m["_person"].key: m for m in ms if m["is_member"]}
        own_fp = any(not m["outsider"] and m["is_member"] and m["jenis_known"] and m["jenis"] in FP_JENIS for m in ms)
        signer = text(r.get("nip_penetap_sk"))
        same_task = same_tasks.get(r["_row"], [])
        fields = {
            "sk_number_empty": is_empty(r, "nomor_sk"), "sk_date_empty": is_empty(r, "tanggal_sk"),
            "signer_empty": not signer, "signer_is_head": bool(signer) and signer in u.head_nips,
            "head_nip_usable": u.head_nip_usable,
            "task_empty": is_empty(r, "tugas_pokja"), "same_task_pokja": len(same_task),
            "consultation_empty": is_empty(r, "tanggal_konsultasi_ortala"),
            **_date_fields(r, u.year),
            "n_chair": len(chairs), "n_member_person": len(persons),
            "n_own_member_person": len({k for k, m in persons.items() if not m["outsider"]}),
            "only_support_pokja": r.get("jenis_pokja") == SUPPORT and n_support == 1,
            "chair_outsider_with_own_member": any(m["outsider"] for m in chairs.values()) and own_fp,
            "workplan_approval_empty": is_empty(r, "tanggal_persetujuan_rencana_kerja"),
            "report_empty": is_empty(r, "tanggal_laporan"),
            "accepted_empty": is_empty(r, "tanggal_diterima_jpt_madya"),
        }
        shown_code = text(r.get("kode_pokja__raw")) or code
        out.add("pokja", "pokja", r["_row"], u.col("pokja", "kode_pokja"), fields, pokja=shown_code, value=code,
                params=_params(u, r, fields, chairs, persons, same_task))
        _owner_slots(u, out, r, shown_code, ms)


# The head (or, the post being vacant, its Plt) and NIP JPT Madya filled and valid: K08, A10 and
# A15 compare with both.
OWNER_NIPS_USABLE = flag(
    "owner_nips_usable",
    id="NIP JPT Pratama (atau, bila jabatan itu lowong, NIP Plt JPT Pratama) dan NIP JPT Madya pada sheet Unit terisi "
       "dan sah",
    en="the Unit sheet's NIP JPT Pratama (or, the post being vacant, NIP Plt JPT Pratama) and NIP JPT Madya are "
       "filled and valid",
    reads=[*HEAD_NIP_READS, col("unit", "nip_jpt_madya")])

_PENGARAH_ROWS = (col("pokja", "kode_pokja"), col("anggota", "kode_pokja"), col("anggota", "kedudukan"),
                  col("anggota", "nip"))
OWNER_SLOT = fact_kind(
    "owner_slot", id="satu per Pokja per pemilik kinerja yang wajib menjadi Pengarah",
    en="one per Pokja per performance owner who must be Pengarah",
    fields=[
        flag("listed",
             id="pemilik kinerja ini tercantum sebagai Pengarah Pokja: menurut NIP, atau pada baris Pengarah tanpa NIP "
                "menurut nama atau jabatannya",
             en="this owner is listed as the Pokja's Pengarah: by NIP, or on a Pengarah row without NIP by name or "
                "position",
             reads=[*_PENGARAH_ROWS, *HEAD_NIP_READS, col("unit", "nip_jpt_madya"), *OWNER_NAME_READS]),
        flag("unidentified_pengarah",
             id="pemilik kinerja ini tidak tercantum, tetapi Pokja memuat baris Pengarah tanpa NIP yang tidak dapat "
                "dikenali dan mungkin menyebutnya (satu baris seperti itu untuk satu pemilik yang tidak tercantum, "
                "JPT Pratama lebih dahulu)",
             en="this owner is not listed, but the Pokja has a Pengarah row without NIP that cannot be identified and "
                "may stand for it (one such row for one missing owner, the JPT Pratama first)",
             reads=[*_PENGARAH_ROWS, *OWNER_NAME_READS]),
        OWNER_NIPS_USABLE,
    ],
    params=["p_role", "p_owner_name", "p_owner_nip"])


def _owner_slots(u, out, r: dict, shown_code: str, ms: list) -> None:
    head_name, head_nip = "nama_jpt_pratama", "nip_jpt_pratama"
    head_label = "JPT Pratama"
    if u.vacant_head:
        head_label, head_nip = "Plt JPT Pratama", "nip_plt_jpt_pratama"
    slots = ((PRATAMA, head_label, u.head_nips, head_name, head_nip),
             (MADYA, "JPT Madya", {u.madya_nip} if u.madya_nip else set(), "nama_jpt_madya", "nip_jpt_madya"))
    pengarah = [m for m in ms if m["position"] == PENGARAH]
    unknown = sum(1 for m in pengarah if not m["_owner"] and is_empty(m, "nip"))
    for role, label, nips, owner_name, owner_nip in slots:
        if not nips:
            continue
        listed = any(m["_owner"] == role for m in pengarah)
        name, nip = text(u.unit_value(owner_name, raw=True)), text(u.unit_value(owner_nip, raw=True))
        if u.vacant_head and role == PRATAMA:
            name = u.plt_name
        excused = not listed and unknown > 0
        unknown -= excused
        out.add("owner_slot", "pokja", r["_row"], u.col("pokja", "kode_pokja"),
                {"listed": listed, "unidentified_pengarah": excused,
                 "owner_nips_usable": u.head_nip_usable and u.madya_nip_usable},
                pokja=shown_code, nip=nip, name=name, value=role,
                params={"p_role": label, "p_owner_name": name or "-", "p_owner_nip": nip or "-"})
