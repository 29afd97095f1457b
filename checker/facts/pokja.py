"""Pokja facts (one per Pokja sheet row) and owner slots (one per Pokja per performance
owner who must be its Pengarah)."""
from __future__ import annotations

from checker.facts.people import PersonIndex, shown, text

FP = ("Fungsional", "Pelaksana")


def is_empty(r: dict, fld: str) -> bool:
    """The cell is empty (an unreadable value or a formula counts as given)."""
    st = r.get(fld + "__st")
    if st is not None:
        return st == "empty"
    return not text(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld))


def _date(r: dict, fld: str):
    return r.get(fld), (r.get(fld + "__st") or "empty")


def members_by_pokja(u) -> dict[str, list]:
    out: dict[str, list] = {}
    for m in u.members:
        out.setdefault(m["_pokja"], []).append(m)
    return out


def _date_fields(r: dict, year: int | None) -> dict:
    sk, sk_st = _date(r, "tanggal_sk")
    kons, kons_st = _date(r, "tanggal_konsultasi_ortala")
    start, start_st = _date(r, "tanggal_mulai")
    end, end_st = _date(r, "tanggal_selesai")
    lap, lap_st = _date(r, "tanggal_laporan")
    acc, acc_st = _date(r, "tanggal_diterima_jpt_madya")
    return {
        "consultation_after_sk": kons_st == "ok" and sk_st == "ok" and kons > sk,
        "start_outside_year": start_st == "ok" and year is not None and start.year != year,
        "end_outside_year": end_st == "ok" and year is not None and end.year != year,
        "end_before_start": start_st == "ok" and end_st == "ok" and end < start,
        "accepted_before_report": lap_st == "ok" and acc_st == "ok" and acc < lap,
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
        "p_report_date": raw("tanggal_laporan") or "-", "p_accepted_date": raw("tanggal_diterima_jpt_madya") or "-",
    }


def pokja_facts(u, out) -> None:
    by_pokja = members_by_pokja(u)
    for r in u.rows("pokja"):
        code = text(r.get("kode_pokja"))
        ms = by_pokja.get(code, []) if code else []
        chairs = {m["_person"].key: m for m in ms if m["position"] == "Ketua"}
        persons = {m["_person"].key: m for m in ms if m["is_member"]}
        own_fp = any(not m["outsider"] and m["is_member"] and m["jenis_known"] and m["jenis"] in FP for m in ms)
        signer = text(r.get("nip_penetap_sk"))
        fields = {
            "sk_number_empty": is_empty(r, "nomor_sk"), "sk_date_empty": is_empty(r, "tanggal_sk"),
            "signer_empty": not signer, "signer_is_head": PersonIndex.is_official({"nip": signer}, u.head_nips),
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


def _owner_slots(u, out, r: dict, shown_code: str, ms: list) -> None:
    slots = (("jpt_pratama", "JPT Pratama", u.head_nips, "nama_jpt_pratama", "nip_jpt_pratama"),
             ("jpt_madya", "JPT Madya", {u.madya_nip} if u.madya_nip else set(), "nama_jpt_madya", "nip_jpt_madya"))
    for role, label, nips, owner_name, owner_nip in slots:
        if not nips:
            continue
        listed = any(m["position"] == "Pengarah" and PersonIndex.is_official(m, nips) for m in ms)
        name, nip = text(u.unit_value(owner_name, raw=True)), text(u.unit_value(owner_nip, raw=True))
        out.add("owner_slot", "pokja", r["_row"], u.col("pokja", "kode_pokja"), {"listed": listed},
                pokja=shown_code, nip=nip, name=name, value=role,
                params={"p_role": label, "p_owner_name": name or "-", "p_owner_nip": nip or "-"})
