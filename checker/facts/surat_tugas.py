"""Surat Tugas facts: one per Surat Tugas row, an individual assignment (M05, M06, M07)."""
from __future__ import annotations

from checker.facts.people import shown, text
from checker.facts.pokja import date_of


def surat_tugas_facts(u, out) -> None:
    for r in u.rows("surat_tugas"):
        person = u.people.resolve(r)
        pi = person.pegawai
        holder = u.people.rows[pi] if pi is not None else {}
        jenis = holder.get("jenis_jabatan") or ""
        when, status = date_of(r, "tanggal")
        nip = text(r.get("nip__raw")) or text(r.get("nip"))
        out.add("surat_tugas", "surat_tugas", r["_row"], u.col("surat_tugas", "nip"), {
            "has_nip": bool(nip), "on_pegawai": pi is not None, "uncertain": person.uncertain,
            "jenis": jenis, "jenis_known": bool(jenis),
            "date_outside_year": status == "ok" and u.year is not None and when.year != u.year,
        }, nip=nip, name=shown(holder, "nama") if holder else None,
            target=text(r.get("kode_target__raw")) or None,
            value=f"{text(r.get('nomor_surat_tugas__raw') or r.get('nomor_surat_tugas'))}:{nip}",
            params={"p_number": text(r.get("nomor_surat_tugas__raw") or r.get("nomor_surat_tugas")) or "-",
                    "p_date": text(r.get("tanggal__raw")) or "-", "p_jenis": jenis or "-",
                    "p_year": u.year if u.year is not None else "-"})
