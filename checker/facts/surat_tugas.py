"""Surat Tugas facts: one per Surat Tugas row, an individual assignment (M05, M06, M07)."""
from __future__ import annotations

from checker.facts.declare import choice, col, fact_kind, flag, sheet
from checker.facts.people import JENIS_JABATAN, UNCERTAIN, is_empty, shown, text
from checker.facts.pokja import date_of

_JENIS = col("pegawai", "jenis_jabatan")
SURAT_TUGAS = fact_kind(
    "surat_tugas", id="satu per baris sheet Surat Tugas", en="one per Surat Tugas sheet row",
    fields=[
        flag("has_nip", id="kolom NIP terisi (bukan hanya tanda isian)", en="the NIP cell is filled (not only a "
                                                                             "placeholder)"),
        flag("on_pegawai",
             id="pemegang Surat Tugas tercantum pada sheet Pegawai (dikenali menurut NIP, ID Pegawai, atau nama)",
             en="the holder of the Surat Tugas is listed on the Pegawai sheet (found by NIP, ID Pegawai or name)",
             reads=sheet("pegawai")),
        UNCERTAIN,
        choice("jenis", values=JENIS_JABATAN, id="jenis jabatan pemegang menurut Pegawai, atau kosong",
               en="the holder's jenis jabatan on Pegawai, or empty", reads=_JENIS),
        flag("jenis_known", id="jenis jabatan pemegang diketahui dari Pegawai",
             en="the holder's jenis jabatan is known from Pegawai", reads=_JENIS),
        flag("date_outside_year",
             id="Tanggal Surat Tugas terbaca dan tahunnya bukan Tahun Kinerja maupun tahun sebelumnya",
             en="the Surat Tugas Tanggal is readable and its year is neither the Tahun Kinerja nor the year before",
             reads=[col("surat_tugas", "tanggal"), col("unit", "tahun_kinerja")]),
    ],
    params=["p_number", "p_date", "p_jenis", "p_year"])


def surat_tugas_facts(u, out) -> None:
    for r in u.rows("surat_tugas"):
        person = u.people.resolve(r)
        pi = person.pegawai
        holder = u.people.rows[pi] if pi is not None else {}
        jenis = holder.get("jenis_jabatan") or ""
        when, status = date_of(r, "tanggal")
        nip = text(r.get("nip__raw")) or text(r.get("nip"))
        out.add("surat_tugas", "surat_tugas", r["_row"], u.col("surat_tugas", "nip"), {
            "has_nip": not is_empty(r, "nip"), "on_pegawai": pi is not None, "uncertain": person.uncertain,
            "jenis": jenis, "jenis_known": bool(jenis),
            "date_outside_year": status == "ok" and u.year is not None and when.year not in (u.year, u.year - 1),
        }, nip=nip, name=shown(holder, "nama") if holder else None,
            target=text(r.get("kode_target__raw")) or None,
            value=f"{text(r.get('nomor_surat_tugas__raw') or r.get('nomor_surat_tugas'))}:{nip}",
            params={"p_number": text(r.get("nomor_surat_tugas__raw") or r.get("nomor_surat_tugas")) or "-",
                    "p_date": text(r.get("tanggal__raw")) or "-", "p_jenis": jenis or "-",
                    "p_year": u.year if u.year is not None else "-"})
