"""Writes the sample unit workbooks of cek-pokja (fictional data, Kemenko Perekonomian).

Run:  python samples/make_samples.py [OUT_DIR]

Without OUT_DIR the workbooks are written into the folder of this script. The output is fully
reproducible: every value is fixed here, the only pseudo-random part (the digits of the NIPs)
comes from `random.Random` seeded with a fixed string per person, and the workbook
properties (created/modified) and the zip entry timestamps are fixed, so two runs give
byte-identical files with the same openpyxl version.

Every person, NIP, SK number and letter number below is FICTIONAL (data fiktif untuk
contoh). Resemblance to real people is coincidental.

Each workbook follows ../shared/spec/input-format.md and is checked against
../shared/spec/rules.md at stage `penetapan`. EXPECTED lists, per file, one
(rule_id, description) tuple per finding the checker is meant to report for that file
when all sample files are checked together at stage penetapan (so a Counter of the rule
IDs equals the checker's). d1-as1-moneter.xlsx is fully compliant: [].
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

# --------------------------------------------------------------------------------------
# Intended findings (stage penetapan, all files checked together)
# --------------------------------------------------------------------------------------

EXPECTED: dict[str, list[tuple[str, str]]] = {
    "d1-as1-moneter.xlsx": [],
    "d1-as2-fiskal.xlsx": [
        ("K07", "PF-02: dua orang berkedudukan 'Ketua Tim' (Kartika Dewi Lestari dan Hendro Wicaksono)"),
        ("K08",
         "PF-03: JPT Madya (Deputi Bidang Koordinasi Ekonomi Makro dan Keuangan) tidak tercantum sebagai Pengarah"),
        ("A05", "PF-01: Muhammad Arif Hakim mengklaim output yang sama dengan Fajar Ramadhan di PF-03 "
                "('Laporan evaluasi belanja perpajakan')"),
        ("A05", "PF-03: Fajar Ramadhan mengklaim output yang sama dengan Muhammad Arif Hakim di PF-01"),
        ("D04", "Pokja PF-02, Tanggal Selesai '31 Juni 2025' bukan tanggal yang sah"),
    ],
    "d2-as1-pangan.xlsx": [
        ("U04",
         "PK-04 (pemantauan cadangan pangan pemerintah) tidak ditangani Pokja mana pun dan tidak ada Surat Tugas"),
        ("U05", "Galih Prakoso, S.P. (pegawai pindahan) tercantum di Daftar Pegawai tetapi tidak ada di MPH"),
        ("K09", "PG-02 Pokja Neraca Komoditas Pangan hanya beranggotakan satu orang (Ketua)"),
        ("K14", "PG-03: Tanggal Selesai 15 Januari 2026 melewati Tahun Kinerja 2025 (laporan akhir disusun awal "
                "tahun berikutnya)"),
    ],
    "d3-as1-migas.xlsx": [
        ("U05", "Wahyu Nugraha (pegawai baru) tercantum di Pegawai tetapi belum ada di MPPH"),
        ("D03", "MG-02: Kedudukan 'Bendahara' (Sari Melati) di luar kosakata"),
        ("D04", "MG-02: Tanggal Selesai 'pada tanggal 31 Juni 2025' bukan tanggal yang sah"),
    ],
    "d2-as3-hortikultura.xlsx": [
        ("U03", "dua Pokja berjenis Dukungan Teknis dan Administrasi (PH-04 dan PH-05)"),
        ("K03", "PH-02 menyebut Kode Target PK-06 yang tidak ada di PK (sisa penomoran lama)"),
        ("D03", "Kedudukan 'Koordinator Kegiatan' (Ilham Akbar, PH-01) di luar kosakata "
                "(sinonim Ketua: 'Ketua Tim', 'Koordinator')"),
    ],
    "d3-as2-minerba.xlsx": [
        ("D01", "NIP Hafiz Maulana tersimpan sebagai angka di sheet Pegawai"),
        ("D01", "NIP Hafiz Maulana tersimpan sebagai angka di sheet MPH"),
        ("D01", "NIP Hafiz Maulana tersimpan sebagai angka di sheet Anggota Pokja"),
        ("D02", "NIP Fikri Haikal tercantum dua kali di Pegawai (baris jabatan lama Ahli Pertama belum dihapus)"),
        ("A06", "PM-01: Arya Mahendra (Kementerian ESDM) tanpa Nomor Persetujuan Pimpinan"),
    ],
    "ses-bho-hukum-organisasi.xlsx": [
        ("K01", "HO-02: Nomor SK kosong"),
        ("M01", "kolom MPH 'PK-05' (target tahun lalu) tidak ada di PK (peringatan sejak rules.md v3)"),
        ("A09", "HO-01: Farhan Maulana, S.H. (CPNS baru) bukan pegawai luar unit tetapi belum ada di sheet Pegawai "
                "(kesalahan data sejak rules.md v3)"),
    ],
    "ses-bu-umum.xlsx": [
        ("A13", "BU-02: Hariyadi (Administrator) berkedudukan sebagai Anggota di unit Pola A"),
        ("K02", "BU-01: SK ditandatangani Kepala Bagian (NIP Administrator), bukan Kepala Biro"),
        ("K05", "BU-03: Tanggal Konsultasi Ortala (24/01/2025) sesudah Tanggal SK (21/01/2025)"),
    ],
}

FIXED_TIME = dt.datetime(2025, 2, 3, 9, 0, 0)
ZIP_TIME = (2025, 2, 3, 9, 0, 0)
INSTANSI = "Kementerian Koordinator Bidang Perekonomian"
FIKTIF = "Data fiktif untuk contoh; nama, NIP, dan nomor surat bukan data sebenarnya."

# --------------------------------------------------------------------------------------
# NIPs: fixed per person (seeded by a fixed string), checked for validity and uniqueness
# --------------------------------------------------------------------------------------

_NIPS: dict[str, str] = {}


def _level(jabatan: str) -> tuple[int, int]:
    """Birth-year range by position, for plausible NIPs."""
    j = jabatan.lower()
    if "jpt madya" in j:
        return 1966, 1972
    if "jpt pratama" in j or "ahli madya" in j:
        return 1970, 1980
    if "administrator" in j:
        return 1976, 1984
    if "ahli muda" in j:
        return 1980, 1988
    if "ahli pertama" in j:
        return 1990, 1997
    return 1984, 1998


def make_nip(key: str, sex: int, jabatan: str, status: str = "PNS", tmt: str | None = None) -> str:
    if key in _NIPS:
        return _NIPS[key]
    rng = random.Random(f"cek-pokja-sample-nip:{key}")
    lo, hi = _level(jabatan)
    while True:
        birth = dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))
        serial = rng.randint(1, 12)
        if status == "PPPK":
            year = rng.choice([2023, 2024])
            nip = f"{birth:%Y%m%d}{year}2{rng.randint(1, 2)}{sex}{serial:03d}"
        else:
            if tmt is None:
                y = min(birth.year + rng.randint(23, 28), 2024)
                tmt_s = f"{y}{rng.choice([1, 2, 3, 4, 12]):02d}"
            else:
                tmt_s = tmt
            nip = f"{birth:%Y%m%d}{tmt_s}{sex}{serial:03d}"
        if nip not in _NIPS.values():
            break
    assert len(nip) == 18 and nip.isdigit(), nip
    _NIPS[key] = nip
    return nip


# --------------------------------------------------------------------------------------
# Ministry structure (fictional people)
# --------------------------------------------------------------------------------------

DEPUTI = {
    "D1": ("Deputi Bidang Koordinasi Ekonomi Makro dan Keuangan", "Prof. Dr. Haryanto Sukmana, S.E., M.Sc.", 1),
    "D2": ("Deputi Bidang Koordinasi Pangan dan Agribisnis", "Ir. Hendra Gunawan Saputra, M.Sc.", 1),
    "D3": ("Deputi Bidang Koordinasi Energi dan Sumber Daya Mineral", "Dr. Ir. Agus Salim Nasution, M.T.", 1),
    "SES": ("Sekretariat Kementerian Koordinator", "Dr. Ir. Retno Maharani, M.B.A.", 2),
}


def deputi_nip(code: str) -> str:
    return make_nip(f"{code}:jpt-madya", DEPUTI[code][2], "JPT Madya")


# Person: handle -> dict(nama, sex, jenis (as written on Pegawai), jabatan, status, id)
def P(handle, nama, sex, jenis, jabatan, status="PNS", id_pegawai=None, **kw):
    d = dict(handle=handle, nama=nama, sex=sex, jenis=jenis, jabatan=jabatan, status=status,
             id_pegawai=id_pegawai)
    d.update(kw)
    return d


# Membership row on Anggota Pokja: M(pokja, handle, kedudukan, uraian, output, **opts)
# opts: mph=[targets] (default: the Pokja's first valid target; a Ketua: all valid targets),
#       cara="Pengajuan Sukarela", kedudukan text is written as given.
def M(pokja, who, kedudukan, uraian, output, **opts):
    d = dict(pokja=pokja, who=who, kedudukan=kedudukan, uraian=uraian, output=output)
    d.update(opts)
    return d


UNITS: list[dict] = []

# ---------------------------------------------------------------- D1.AS1 (compliant) --
UNITS.append(dict(
    file="d1-as1-moneter.xlsx",
    kode="D1.AS1", deputi="D1",
    nama="Asisten Deputi Moneter dan Sektor Eksternal",
    head=P("head", "Dr. Rina Wulandari, S.E., M.Ec.", 2, "JPT Pratama",
           "Asisten Deputi Moneter dan Sektor Eksternal"),
    head_on_pegawai=True, pola="A",
    layout=dict(unit="row", mph="matrix2", dates="excel", nip="plain"),
    sheets=dict(unit="Unit", pk="PK", pegawai="Pegawai", mph="MPH", pokja="Pokja",
                anggota="Anggota Pokja", st="Surat Tugas"),
    pk=[
        ("PK-01", "Terwujudnya koordinasi kebijakan moneter yang efektif",
         "Persentase rekomendasi kebijakan koordinasi moneter yang ditindaklanjuti", "80%", "Persen"),
        ("PK-02", "Terwujudnya koordinasi kebijakan sektor eksternal yang efektif",
         "Jumlah rekomendasi kebijakan stabilisasi nilai tukar dan neraca pembayaran", "6", "Rekomendasi"),
        ("PK-03", "Meningkatnya kualitas kebijakan bidang moneter dan sektor eksternal",
         "Indeks kualitas kebijakan bidang moneter dan sektor eksternal", "3,5", "Indeks"),
        ("PK-04", "Terkendalinya inflasi sesuai sasaran",
         "Persentase rekomendasi pengendalian inflasi yang ditindaklanjuti kementerian/lembaga", "75%", "Persen"),
        ("PK-05", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
        ("PK-06", "Tersedianya analisis cepat isu moneter global",
         "Jumlah kajian cepat (policy brief) isu moneter dan ekonomi global", "4", "Dokumen"),
    ],
    pegawai=[
        P("ahmad", "Ahmad Fauzi Rahman, S.E., M.E.", 1, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("siti", "Dr. Siti Nurhaliza Putri, S.E., M.Si.", 2, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("budi", "Budi Santoso, S.E., M.Ec.Dev.", 1, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("maya", "Maya Anggraini, S.E., M.M.", 2, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("rizky", "Rizky Pratama Nugroho, S.E.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("anisa", "Anisa Rahmawati, S.Stat.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("dimas", "Dimas Aditya Wibowo, S.E.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("laras", "Larasati Kusumawardani, S.E., M.P.P.", 2, "Fungsional", "Perencana Ahli Muda"),
        P("yoga", "Yoga Permana, S.Kom.", 1, "Fungsional", "Pranata Komputer Ahli Pertama"),
        P("fitri", "Fitri Handayani, A.Md.", 2, "Fungsional", "Arsiparis Terampil"),
        P("wahyu", "Wahyu Hidayat, A.Md.Ak.", 1, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("nuraini", "Nur Aini Safitri, S.Sos.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("agus", "Agus Setiawan", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("dedi", "Dedi Kurniawan", 1, "Tenaga Pendukung", "Pramubakti", "PPNPN", "PPNPN-014"),
        P("sriw", "Sri Wahyuni", 2, "Tenaga Pendukung", "Tenaga Administrasi", "PPNPN", "PPNPN-015"),
    ],
    outsiders=[
        P("hendro", "Hendro Wicaksono, S.E., M.Sc.", 1, "Fungsional", "Analis Kebijakan Ahli Muda",
          home="D1.AS2", unit_asal="D1.AS2", persetujuan="ND-15/D.I.2/01/2025"),
        P("andika", "Andika Saputra, S.E., M.Ec.", 1, "Fungsional", "Analis Kebijakan Ahli Muda",
          instansi_asal="Kementerian Keuangan", persetujuan="S-112/KF/2025",
          ket="Pelibatan lintas instansi (Badan Kebijakan Fiskal, Kementerian Keuangan)"),
    ],
    sk=dict(nomor="KEP-7/D.I.1/01/2025", tanggal=dt.date(2025, 1, 20), konsultasi=dt.date(2025, 1, 15),
            mulai=dt.date(2025, 1, 20), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="PJ-01", nama="Pokja Koordinasi Kebijakan Moneter dan Pengendalian Inflasi", jenis="Substansi",
             target="PK-01, PK-04",
             tugas="Mengoordinasikan penyiapan rekomendasi kebijakan moneter dan pengendalian inflasi, "
                   "memantau tindak lanjutnya oleh kementerian/lembaga, dan melaporkan capaian PK-01 dan PK-04."),
        dict(kode="PJ-02", nama="Pokja Stabilitas Nilai Tukar dan Neraca Pembayaran", jenis="Substansi",
             target="PK-02",
             tugas="Menyusun rekomendasi kebijakan stabilisasi nilai tukar dan penguatan neraca pembayaran, "
                   "termasuk kebijakan devisa hasil ekspor, dan mengoordinasikan pembahasannya."),
        dict(kode="PJ-03", nama="Pokja Evaluasi Kualitas Kebijakan", jenis="Substansi", target="PK-03",
             tugas="Melaksanakan penilaian mandiri Indeks Kualitas Kebijakan atas rekomendasi yang dihasilkan "
                   "unit dan menyusun rencana aksi perbaikannya."),
        dict(kode="PJ-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="PK-05",
             tugas="Melaksanakan dukungan perencanaan, keuangan, kepegawaian, kearsipan, dan layanan administrasi "
                   "unit serta menyusun dokumen akuntabilitas kinerja (SAKIP) unit."),
    ],
    anggota=[
        M("PJ-01", "ahmad", "Ketua",
          "Memimpin Pokja, membagi peran anggota, dan mengompilasi laporan capaian rekomendasi kebijakan moneter "
          "dan inflasi",
          "Laporan triwulanan capaian tindak lanjut rekomendasi kebijakan moneter dan pengendalian inflasi"),
        M("PJ-01", "ahmad", "Anggota",
          "Menyusun rekomendasi kebijakan koordinasi bauran kebijakan moneter dan fiskal",
          "Rekomendasi kebijakan bauran moneter-fiskal (2 dokumen)", mph=["PK-01"]),
        M("PJ-01", "anisa", "Sekretaris",
          "Menyiapkan administrasi rapat koordinasi, notula, dan basis data tindak lanjut rekomendasi",
          "Basis data pemantauan tindak lanjut rekomendasi kebijakan moneter"),
        M("PJ-01", "budi", "Anggota",
          "Menganalisis perkembangan inflasi dan menyiapkan bahan rapat Tim Pengendalian Inflasi Pusat",
          "Rekomendasi kebijakan pengendalian inflasi pangan bergejolak (4 dokumen)", mph=["PK-04"]),
        M("PJ-01", "rizky", "Anggota",
          "Mengolah data indikator moneter dan ekspektasi inflasi sebagai bahan rekomendasi",
          "Laporan bulanan perkembangan indikator moneter dan ekspektasi inflasi"),
        M("PJ-01", "andika", "Anggota",
          "Menyampaikan analisis dampak kebijakan fiskal terhadap inflasi sebagai masukan rekomendasi",
          "Catatan analisis dampak kebijakan fiskal terhadap inflasi (2 dokumen)", mph=["PK-04"]),
        M("PJ-02", "siti", "Ketua",
          "Memimpin penyusunan rekomendasi kebijakan stabilisasi nilai tukar dan neraca pembayaran",
          "Rekomendasi kebijakan stabilisasi nilai tukar dan neraca pembayaran (6 rekomendasi)"),
        M("PJ-02", "budi", "Wakil Ketua",
          "Mengoordinasikan pembahasan kebijakan devisa hasil ekspor sumber daya alam dengan kementerian/lembaga",
          "Laporan hasil koordinasi kebijakan devisa hasil ekspor"),
        M("PJ-02", "dimas", "Anggota",
          "Menyusun analisis neraca transaksi berjalan dan arus modal portofolio",
          "Kajian triwulanan neraca transaksi berjalan dan arus modal", cara="Pengajuan Sukarela"),
        M("PJ-02", "hendro", "Anggota",
          "Menganalisis keterkaitan pembiayaan utang pemerintah dengan stabilitas nilai tukar",
          "Catatan kebijakan keterkaitan pembiayaan utang dan stabilitas nilai tukar"),
        M("PJ-03", "maya", "Ketua",
          "Mengoordinasikan penilaian mandiri Indeks Kualitas Kebijakan dan penyusunan rencana aksi perbaikan",
          "Laporan penilaian mandiri Indeks Kualitas Kebijakan unit"),
        M("PJ-03", "rizky", "Anggota",
          "Menghimpun bukti dukung tahap agenda setting, formulasi, dan evaluasi kebijakan",
          "Dokumen bukti dukung penilaian Indeks Kualitas Kebijakan"),
        M("PJ-03", "yoga", "Anggota",
          "Membangun dan memelihara dasbor pemantauan status rekomendasi kebijakan",
          "Dasbor daring pemantauan status rekomendasi kebijakan"),
        M("PJ-04", "laras", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja, anggaran, dan laporan kinerja unit",
          "Laporan Kinerja dan Perjanjian Kinerja unit Tahun 2025"),
        M("PJ-04", "nuraini", "Sekretaris",
          "Menyiapkan administrasi persuratan dan penjadwalan kegiatan unit",
          "Rekapitulasi agenda dan disposisi surat unit"),
        M("PJ-04", "wahyu", "Anggota",
          "Mengelola pertanggungjawaban keuangan kegiatan dan realisasi anggaran unit",
          "Laporan realisasi anggaran dan SPJ kegiatan bulanan"),
        M("PJ-04", "fitri", "Anggota",
          "Mengelola arsip dinamis aktif dan inaktif unit sesuai klasifikasi arsip",
          "Daftar arsip aktif unit yang tertata sesuai klasifikasi"),
        M("PJ-04", "yoga", "Anggota",
          "Memberikan dukungan layanan teknologi informasi dan pengelolaan data unit",
          "Laporan layanan dukungan TIK dan cadangan data unit"),
        M("PJ-04", "agus", "Anggota",
          "Mengadministrasikan kehadiran, cuti, dan usulan kenaikan pangkat pegawai unit",
          "Rekapitulasi data kepegawaian unit bulanan"),
        M("PJ-04", "dedi", "Anggota",
          "Menyiapkan ruang rapat, konsumsi, dan distribusi dokumen rapat koordinasi",
          "Laporan kesiapan sarana rapat koordinasi"),
        M("PJ-04", "sriw", "Anggota",
          "Membantu penginputan surat masuk dan keluar pada aplikasi persuratan",
          "Data surat masuk dan keluar yang terinput pada aplikasi persuratan"),
    ],
    surat_tugas=[
        dict(nomor="ST-18/D.I.1/02/2025", tanggal=dt.date(2025, 2, 3), who="siti", target="PK-06",
             uraian="Menyusun kajian cepat (policy brief) isu moneter dan ekonomi global",
             output="Policy brief isu moneter dan ekonomi global (4 dokumen)"),
    ],
))

# ---------------------------------------------------------------- D1.AS2 -------------
UNITS.append(dict(
    file="d1-as2-fiskal.xlsx",
    kode="D1.AS2", deputi="D1",
    nama="Asisten Deputi Fiskal",
    head=P("head", "Dr. Teguh Prasetyo Utomo, S.E., M.P.P.", 1, "Asisten Deputi", "Asisten Deputi Fiskal"),
    head_on_pegawai=False, pola="",
    layout=dict(unit="kv", mph="matrix1", dates="id", nip="plain"),
    sheets=dict(unit="Identitas Unit", pk="Perjanjian Kinerja", pegawai="Pegawai Unit",
                mph="Matriks Pembagian Peran dan Has", pokja="Tim Kerja", anggota="Susunan Keanggotaan"),
    kedudukan=dict(Ketua="Ketua Tim", Anggota="Anggota Tim"),
    pk=[
        ("PK-01", "Terwujudnya koordinasi kebijakan fiskal yang efektif",
         "Persentase rekomendasi kebijakan fiskal dan pembiayaan pembangunan yang ditindaklanjuti", "80%", "Persen"),
        ("PK-02", "Terwujudnya insentif fiskal yang tepat sasaran",
         "Jumlah rekomendasi kebijakan insentif fiskal sektor prioritas", "5", "Rekomendasi"),
        ("PK-03", "Meningkatnya kualitas kebijakan bidang fiskal",
         "Indeks kualitas kebijakan bidang fiskal", "3,6", "Indeks"),
        ("PK-04", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("irwan", "Irwan Setiadi, S.E., M.Ec.", 1, "Jabatan Fungsional", "Analis Kebijakan Ahli Madya"),
        P("kartika", "Kartika Dewi Lestari, S.E., M.Sc.", 2, "Jabatan Fungsional", "Analis Kebijakan Ahli Muda"),
        P("hendro", "Hendro Wicaksono, S.E., M.Sc.", 1, "Jabatan Fungsional", "Analis Kebijakan Ahli Muda"),
        P("ratna", "Ratna Sari Dewi, S.E., M.Ak.", 2, "JF", "Analis Kebijakan Ahli Muda"),
        P("fajar", "Fajar Ramadhan, S.E.", 1, "JF", "Analis Kebijakan Ahli Pertama"),
        P("putri", "Putri Ayu Lestari, S.Ak.", 2, "JF", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("arif", "Muhammad Arif Hakim, S.E.", 1, "JF", "Analis Kebijakan Ahli Pertama"),
        P("indah", "Indah Permatasari, S.E., M.E.", 2, "JF", "Perencana Ahli Muda"),
        P("rudi", "Rudi Hartono, S.Kom.", 1, "JF", "Pranata Komputer Ahli Pertama"),
        P("dewi", "Dewi Sartika, A.Md.", 2, "JF", "Pengelola Keuangan APBN Mahir"),
        P("lina", "Lina Marlina, S.AP.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("joko", "Joko Susilo", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("asep", "Asep Saepudin", 1, "Non-ASN", "Pengemudi", "PPNPN", "PPNPN-021"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-9/D.I.2/01/2025", tanggal=dt.date(2025, 1, 22), konsultasi=dt.date(2025, 1, 16),
            mulai=dt.date(2025, 1, 22), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="PF-01", nama="Pokja Kebijakan Fiskal dan Pembiayaan Pembangunan", jenis="Substansi",
             target="PK-01", nomor="KEP-8/D.I.2/01/2025",            # its own SK (the sample draft, make_drafts.py)
             tugas="Menyusun rekomendasi kebijakan fiskal dan pembiayaan pembangunan serta memantau tindak "
                   "lanjutnya oleh kementerian/lembaga."),
        dict(kode="PF-02", nama="Pokja Insentif Fiskal Sektor Prioritas", jenis="Substansi", target="PK-02",
             tugas="Merumuskan rekomendasi kebijakan insentif perpajakan dan kepabeanan untuk sektor prioritas.",
             selesai="31 Juni 2025"),                               # D04: June has 30 days
        dict(kode="PF-03", nama="Pokja Evaluasi Kualitas Kebijakan Fiskal", jenis="Substansi", target="PK-03",
             tugas="Mengevaluasi kualitas rekomendasi kebijakan fiskal yang dihasilkan unit.",
             no_madya=True),                                         # K08: JPT Madya not Pengarah
        dict(kode="PF-04", nama="Pokja Dukungan Manajemen", jenis="Dukman", target="PK-04",
             tugas="Melaksanakan dukungan perencanaan, keuangan, kepegawaian, dan ketatausahaan unit."),
    ],
    anggota=[
        M("PF-01", "irwan", "Ketua",
          "Memimpin Pokja dan mengompilasi rekomendasi kebijakan fiskal serta status tindak lanjutnya",
          "Laporan capaian tindak lanjut rekomendasi kebijakan fiskal"),
        M("PF-01", "arif", "Anggota",
          "Menganalisis belanja perpajakan dan dampaknya terhadap penerimaan negara",
          "Laporan evaluasi belanja perpajakan"),                    # A05 (same as fajar in PF-03)
        M("PF-01", "fajar", "Anggota",
          "Menyusun analisis pembiayaan pembangunan melalui skema KPBU",
          "Rekomendasi kebijakan pembiayaan infrastruktur skema KPBU"),
        M("PF-02", "kartika", "Ketua",                                # K07: two Ketua
          "Memimpin perumusan rekomendasi insentif perpajakan sektor prioritas",
          "Rekomendasi kebijakan tax holiday dan tax allowance sektor prioritas"),
        M("PF-02", "hendro", "Ketua",
          "Memimpin perumusan rekomendasi insentif kepabeanan untuk industri berorientasi ekspor",
          "Rekomendasi kebijakan insentif kepabeanan kawasan berikat"),
        M("PF-02", "putri", "Anggota",
          "Menghimpun data pemanfaatan insentif fiskal dari kementerian/lembaga",
          "Basis data pemanfaatan insentif fiskal 2024"),
        M("PF-03", "ratna", "Ketua",
          "Memimpin penilaian mandiri Indeks Kualitas Kebijakan bidang fiskal",
          "Laporan penilaian Indeks Kualitas Kebijakan bidang fiskal"),
        M("PF-03", "fajar", "Anggota",
          "Mengevaluasi efektivitas belanja perpajakan sebagai bahan penilaian kualitas kebijakan",
          "laporan evaluasi  belanja perpajakan."),                  # A05 (case/spacing/punctuation differ)
        M("PF-03", "rudi", "Anggota",
          "Menyiapkan aplikasi pengumpulan bukti dukung penilaian kualitas kebijakan",
          "Aplikasi pengumpulan bukti dukung Indeks Kualitas Kebijakan"),
        M("PF-04", "indah", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja, anggaran, dan laporan kinerja unit",
          "Dokumen Rencana Kerja dan Laporan Kinerja unit Tahun 2025"),
        M("PF-04", "lina", "Sekretaris",
          "Menatausahakan persuratan dan agenda pimpinan unit",
          "Rekapitulasi agenda pimpinan dan surat keluar unit"),
        M("PF-04", "dewi", "Anggota",
          "Menyusun SPJ dan laporan realisasi anggaran kegiatan unit",
          "Laporan realisasi anggaran unit bulanan"),
        M("PF-04", "rudi", "Anggota",
          "Memelihara perangkat TIK dan jaringan ruang kerja unit",
          "Laporan pemeliharaan perangkat TIK unit"),
        M("PF-04", "joko", "Anggota",
          "Mengadministrasikan data kehadiran dan cuti pegawai unit",
          "Rekapitulasi kehadiran dan cuti pegawai unit"),
        M("PF-04", "asep", "Anggota",
          "Melayani kebutuhan transportasi dinas pimpinan dan pegawai unit",
          "Catatan layanan perjalanan dinas kendaraan unit"),
    ],
))

# ---------------------------------------------------------------- D2.AS1 -------------
UNITS.append(dict(
    file="d2-as1-pangan.xlsx",
    kode="D2.AS1", deputi="D2",
    nama="Asisten Deputi Pangan",
    head=P("head", "Ir. Wahyuningsih Pratiwi, M.Si.", 2, "JPT Pratama", "Asisten Deputi Pangan"),
    head_on_pegawai=True, pola="Pola A",
    layout=dict(unit="row", mph="long", dates="excel", nip="plain", anggota_nip="apostrophe"),
    sheets=dict(unit="Unit", pk="PK", pegawai="Daftar Pegawai", mph="Matriks Peran dan Hasil",
                pokja="Kelompok Kerja", anggota="Keanggotaan Pokja"),
    colnames={("pegawai", "nip"): "NIP Baru", ("pegawai", "nama"): "Nama Pegawai",
              ("anggota", "kedudukan"): "Jabatan dalam Pokja"},
    pk=[
        ("PK-01", "Terjaganya stabilitas pasokan dan harga pangan",
         "Persentase rekomendasi kebijakan stabilisasi pasokan dan harga pangan yang ditindaklanjuti", "80%", "Persen"),
        ("PK-02", "Tersedianya neraca komoditas pangan strategis",
         "Jumlah rekomendasi kebijakan neraca komoditas pangan strategis", "4", "Rekomendasi"),
        ("PK-03", "Meningkatnya penganekaragaman konsumsi pangan",
         "Persentase rekomendasi kebijakan penganekaragaman konsumsi pangan dan gizi yang ditindaklanjuti",
         "75%", "Persen"),
        ("PK-04", "Terpantaunya cadangan pangan pemerintah",
         "Persentase capaian pemantauan cadangan pangan pemerintah di daerah", "90%", "Persen"),   # U04
        ("PK-05", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("bambang", "Ir. Bambang Sutrisno, M.P.", 1, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("yuliana", "Yuliana Kusuma, S.P., M.Si.", 2, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("hadi", "Hadi Purnomo, S.TP., M.Sc.", 1, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("novi", "Novi Andriani, S.P.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("reza", "Reza Firmansyah, S.E.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("galih", "Galih Prakoso, S.P.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama",
          no_mph=True),                                               # U05
        P("eka", "Eka Wulandari, S.Gz., M.Gz.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("tri", "Tri Susanti, S.E., M.M.", 2, "Fungsional", "Perencana Ahli Muda"),
        P("bayu", "Bayu Saputra, S.Kom.", 1, "Fungsional", "Pranata Komputer Ahli Pertama"),
        P("ani", "Ani Suryani, A.Md.", 2, "Fungsional", "Arsiparis Terampil"),
        P("slamet", "Slamet Riyadi, A.Md.", 1, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("mira", "Mira Kurniasih, S.Sos.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("ujang", "Ujang Sulaeman", 1, "Tenaga Pendukung", "Pramubakti", "PPNPN", "PPNPN-031"),
        P("rini", "Rini Oktaviani", 2, "Tenaga Pendukung", "Tenaga Administrasi", "PPNPN", "PPNPN-032"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-3/D.II.1/01/2025", tanggal=dt.date(2025, 1, 24), konsultasi=dt.date(2025, 1, 21),
            mulai=dt.date(2025, 2, 1), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="PG-01", nama="Pokja Stabilisasi Pasokan dan Harga Pangan", jenis="Substansi", target="PK-01",
             tugas="Menyusun rekomendasi kebijakan stabilisasi pasokan dan harga pangan pokok serta memantau "
                   "tindak lanjutnya."),
        dict(kode="PG-02", nama="Pokja Neraca Komoditas Pangan", jenis="Substansi", target="PK-02",
             tugas="Menyusun rekomendasi kebijakan berbasis neraca komoditas beras, jagung, gula, dan kedelai."),
        dict(kode="PG-03", nama="Pokja Penganekaragaman Konsumsi Pangan dan Gizi", jenis="Substansi",
             target="PK-03", selesai=dt.date(2026, 1, 15),             # K14: the period spills over
             tugas="Menyusun rekomendasi kebijakan percepatan penganekaragaman konsumsi pangan berbasis sumber "
                   "daya lokal dan perbaikan gizi."),
        dict(kode="PG-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="PK-05",
             tugas="Melaksanakan dukungan perencanaan, keuangan, kearsipan, dan layanan administrasi unit."),
    ],
    anggota=[
        M("PG-01", "bambang", "Ketua",
          "Memimpin penyusunan rekomendasi stabilisasi pasokan dan harga pangan pokok",
          "Rekomendasi kebijakan stabilisasi harga beras dan minyak goreng (4 dokumen)"),
        M("PG-01", "novi", "Anggota",
          "Memantau harga pangan pokok harian di 34 provinsi dan menyusun peringatan dini",
          "Laporan mingguan peringatan dini harga pangan pokok"),
        M("PG-01", "reza", "Anggota",
          "Menganalisis rantai pasok dan distribusi pangan antarwilayah",
          "Kajian rantai pasok pangan antarwilayah"),
        M("PG-02", "yuliana", "Ketua",                                # K09: the only member
          "Menyusun neraca komoditas pangan strategis dan rekomendasi kebijakan impor/ekspor",
          "Rekomendasi kebijakan neraca komoditas pangan strategis (4 rekomendasi)"),
        M("PG-03", "hadi", "Ketua",
          "Memimpin penyusunan rekomendasi percepatan penganekaragaman konsumsi pangan",
          "Rekomendasi kebijakan penganekaragaman konsumsi pangan lokal"),
        M("PG-03", "eka", "Anggota",
          "Menganalisis data konsumsi dan status gizi masyarakat sebagai bahan rekomendasi",
          "Kajian pola konsumsi pangan dan status gizi"),
        M("PG-03", "bayu", "Anggota",
          "Mengembangkan dasbor data konsumsi pangan dan gizi",
          "Dasbor data konsumsi pangan dan gizi"),
        M("PG-04", "tri", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja, anggaran, dan laporan kinerja unit",
          "Laporan Kinerja unit Tahun 2025"),
        M("PG-04", "ani", "Anggota",
          "Mengelola arsip aktif dan menyiapkan pemindahan arsip inaktif unit",
          "Daftar arsip aktif dan usul pemindahan arsip inaktif unit"),
        M("PG-04", "slamet", "Anggota",
          "Mengelola pembayaran dan pertanggungjawaban keuangan kegiatan unit",
          "Laporan pertanggungjawaban keuangan kegiatan unit"),
        M("PG-04", "mira", "Sekretaris",
          "Menatausahakan surat, agenda rapat, dan notula unit",
          "Notula dan agenda rapat koordinasi unit"),
        M("PG-04", "bayu", "Anggota",
          "Mengelola laman dan konten publikasi unit",
          "Konten publikasi kegiatan unit pada laman kementerian"),
        M("PG-04", "ujang", "Anggota",
          "Menyiapkan ruang rapat dan penggandaan bahan rapat",
          "Bahan rapat tergandakan dan ruang rapat siap pakai"),
        M("PG-04", "rini", "Anggota",
          "Membantu penginputan data perjalanan dinas pegawai unit",
          "Rekap data perjalanan dinas pegawai unit"),
    ],
))

# ---------------------------------------------------------------- D3.AS1 (real layout) --
# A unit as it really sends its files (input-format.md version 2): Pegawai as SIASN lists it
# (upper-case names without titles, Kedudukan Hukum), an MPPH form with a title block, a
# three-row header (Target Kinerja / Sasaran / indicator text) and no NIP, one row per result
# with the name merged down, a decree annex for Anggota Pokja (Nama/NIP cells, column
# numbers, section rows, merged Kedudukan, "Penanggung Jawab", "Anggota 1") and no Kode Pokja
# anywhere; dates in the decree's wording.
UNITS.append(dict(
    file="d3-as1-migas.xlsx",
    kode="D3.AS1", deputi="D3",
    nama="Asisten Deputi Minyak dan Gas Bumi",
    head=P("head", "Dr. Ir. Bagus Hendrawan, M.T.", 1, "JPT Pratama", "Asisten Deputi Minyak dan Gas Bumi"),
    head_on_pegawai=True, pola="A",
    layout=dict(unit="row", mph="real", anggota="decree", pokja_codes=False, dates="decree", nip="plain",
                pegawai="siasn"),
    sheets=dict(unit="Unit", pk="PK", pegawai="Pegawai", mph="MPPH", pokja="Pokja", anggota="Susunan Keanggotaan"),
    pk=[
        ("1", "Meningkatnya ketahanan pasokan minyak dan gas bumi",
         "Persentase rekomendasi kebijakan ketahanan pasokan migas yang ditindaklanjuti", "80%", "Persen"),
        ("2", "Meningkatnya pemanfaatan gas bumi domestik",
         "Jumlah rekomendasi kebijakan pemanfaatan gas bumi untuk industri dalam negeri", "4", "Rekomendasi"),
        ("3", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("yudi", "A. Yudi Wicaksono, S.T., M.T.", 1, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("ratna", "Dr. Ratna Dewi, S.E., M.Si.", 2, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("fadli", "Fadli Rahmat, S.T.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("intan", "Intan Permatasari, S.E.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("wahyu", "Wahyu Nugraha, S.T.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama",
          no_mph=True),                                               # U05: not yet on the MPPH
        P("sari", "Hj. Sari Melati, S.Kom.", 2, "Fungsional", "Pranata Komputer Ahli Pertama"),
        P("lina", "Lina Marlina, S.AP.", 2, "Fungsional", "Perencana Ahli Pertama"),
        P("teguh", "Teguh Santoso, A.Md.", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("asep", "Asep Saepudin", 1, "Tenaga Pendukung", "Pramubakti", "PPNPN", "PPNPN-051"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-5/D.III.1/02/2025", tanggal=dt.date(2025, 2, 10), konsultasi=dt.date(2025, 2, 5),
            mulai=dt.date(2025, 2, 10), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="MG-01", nama="Pokja Ketahanan Pasokan Migas", jenis="Substansi", target="1",
             tugas="Menyusun rekomendasi kebijakan ketahanan pasokan minyak dan gas bumi serta memantau "
                   "tindak lanjutnya."),
        dict(kode="MG-02", nama="Pokja Pemanfaatan Gas Bumi Domestik", jenis="Substansi", target="2",
             selesai="pada tanggal 31 Juni 2025",                                 # D04: there is no 31 June
             tugas="Menyusun rekomendasi kebijakan pemanfaatan gas bumi bagi industri dalam negeri."),
        dict(kode="MG-03", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="3",
             tugas="Melaksanakan dukungan perencanaan, pelaporan kinerja, dan administrasi unit."),
    ],
    anggota=[
        M("MG-01", "yudi", "Ketua", "Memimpin penyusunan rekomendasi ketahanan pasokan migas",
          "Terlaksananya penyusunan rekomendasi kebijakan ketahanan pasokan migas (4 dokumen)"),
        M("MG-01", "ratna", "Anggota", "Menganalisis neraca pasokan dan kebutuhan migas nasional",
          "Tersusunnya kajian neraca pasokan dan kebutuhan migas"),
        M("MG-01", "fadli", "Anggota", "Memantau tindak lanjut rekomendasi oleh kementerian/lembaga",
          "Tersusunnya laporan pemantauan tindak lanjut rekomendasi"),
        M("MG-02", "ratna", "Ketua", "Memimpin penyusunan rekomendasi pemanfaatan gas bumi domestik",
          "Terlaksananya penyusunan rekomendasi pemanfaatan gas bumi domestik"),
        M("MG-02", "intan", "Anggota", "Menghimpun data kebutuhan gas bumi sektor industri",
          "Tersusunnya basis data kebutuhan gas bumi industri"),
        M("MG-02", "sari", "Bendahara", "Mengelola dasbor data alokasi gas bumi",                 # D03
          "Tersedianya dasbor data alokasi gas bumi"),
        M("MG-03", "lina", "Ketua", "Mengoordinasikan rencana kerja dan laporan kinerja unit",
          "Tersusunnya Laporan Kinerja unit Tahun 2025"),
        M("MG-03", "teguh", "Sekretaris", "Menatausahakan surat dan agenda rapat unit",
          "Tertatanya surat dan agenda rapat unit"),
        M("MG-03", "sari", "Anggota", "Mengelola laman dan arsip digital unit",
          "Terkelolanya arsip digital unit"),
        M("MG-03", "asep", "Anggota", "Menyiapkan ruang dan bahan rapat", "Tersedianya ruang dan bahan rapat"),
    ],
))

# ---------------------------------------------------------------- D2.AS3 -------------
UNITS.append(dict(
    file="d2-as3-hortikultura.xlsx",
    kode="D2.AS3", deputi="D2",
    nama="Asisten Deputi Pengembangan Agribisnis Hortikultura",
    head=P("head", "Dr. Ir. Yusuf Maulana, M.Agr.", 1, "JPT Pratama",
           "Asisten Deputi Pengembangan Agribisnis Hortikultura"),
    head_on_pegawai=False, pola="A",
    layout=dict(unit="row_titled", mph="matrix2", dates="id_place", nip="spaced"),
    sheets=dict(unit="Identitas Unit", pk="Target Kinerja", pegawai="Pegawai", mph="MPPH",
                pokja="Daftar Pokja", anggota="Susunan Pokja"),
    kedudukan=dict(Ketua="Ketua Tim"),
    mph_group="Target Kinerja",
    pk=[
        ("PK-01", "Berkembangnya kawasan hortikultura",
         "Persentase rekomendasi kebijakan pengembangan kawasan hortikultura yang ditindaklanjuti", "80%", "Persen"),
        ("PK-02", "Stabilnya harga aneka cabai dan bawang merah",
         "Jumlah rekomendasi kebijakan stabilisasi harga aneka cabai dan bawang merah", "4", "Rekomendasi"),
        ("PK-03", "Meningkatnya kualitas kebijakan bidang hortikultura",
         "Indeks kualitas kebijakan bidang hortikultura", "3,5", "Indeks"),
        ("PK-04", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("sugeng", "Sugeng Widodo, S.P., M.Si.", 1, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("lestari", "Dr. Lestari Handayani, S.P., M.P.", 2, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("andri", "Andri Gunawan, S.P.", 1, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("melati", "Melati Puspitasari, S.TP.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("ilham", "Ilham Akbar, S.E.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("sekar", "Sekar Ayu Ningrum, S.P.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("winda", "Winda Astuti, S.E.", 2, "Fungsional", "Perencana Ahli Pertama"),
        P("taufik", "Taufik Hidayat, S.Psi.", 1, "Fungsional", "Analis Sumber Daya Manusia Aparatur Ahli Muda"),
        P("yanti", "Yanti Rosdiana, A.Md.", 2, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("hendra", "Hendra Kusnadi", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("roni", "Roni Setiadi, S.Kom.", 1, "Pelaksana", "Penata Layanan Operasional"),
        P("iis", "Iis Rohayati", 2, "PPNPN", "Tenaga Administrasi", "PPNPN", "PPNPN-041"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-5/D.II.3/02/2025", tanggal="Jakarta, 3 Pebruari 2025", konsultasi="28 Jan 2025",
            mulai="3 Peb 2025", selesai="31 Des 2025"),
    pokja=[
        dict(kode="PH-01", nama="Pokja Pengembangan Kawasan Hortikultura", jenis="Substansi", target="PK-01",
             tugas="Menyusun rekomendasi kebijakan pengembangan kawasan hortikultura berorientasi ekspor."),
        dict(kode="PH-02", nama="Pokja Stabilisasi Harga Aneka Cabai dan Bawang Merah", jenis="Substansi",
             target="PK-02, PK-06",                                   # K03: PK-06 is not in the PK
             tugas="Menyusun rekomendasi kebijakan stabilisasi pasokan dan harga aneka cabai dan bawang merah."),
        dict(kode="PH-03", nama="Pokja Evaluasi Kualitas Kebijakan", jenis="Substansi", target="PK-03",
             tugas="Melaksanakan penilaian mandiri Indeks Kualitas Kebijakan bidang hortikultura."),
        dict(kode="PH-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="PK-04",
             tugas="Melaksanakan dukungan perencanaan, ketatausahaan, dan layanan umum unit."),
        dict(kode="PH-05", nama="Pokja Administrasi Keuangan dan Kepegawaian", jenis="Dukungan Administrasi",
             target="PK-04",                                          # U03: second Dukungan Pokja
             tugas="Melaksanakan administrasi keuangan dan kepegawaian unit."),
    ],
    anggota=[
        M("PH-01", "sugeng", "Ketua",
          "Memimpin penyusunan rekomendasi pengembangan kawasan hortikultura",
          "Rekomendasi kebijakan kawasan hortikultura berorientasi ekspor (3 dokumen)"),
        M("PH-01", "melati", "Anggota",
          "Mengumpulkan dan menganalisis data sentra produksi hortikultura",
          "Peta sentra produksi hortikultura prioritas"),
        M("PH-01", "ilham", "Koordinator Kegiatan",                   # D03: not a Kedudukan
          "Mengoordinasikan kunjungan lapangan ke kawasan hortikultura",
          "Laporan kunjungan lapangan kawasan hortikultura"),
        M("PH-02", "lestari", "Ketua",
          "Memimpin penyusunan rekomendasi stabilisasi harga aneka cabai dan bawang merah",
          "Rekomendasi kebijakan stabilisasi harga cabai dan bawang merah (4 rekomendasi)"),
        M("PH-02", "andri", "Anggota",
          "Menganalisis pola musiman produksi dan harga cabai",
          "Kajian pola musiman produksi dan harga cabai"),
        M("PH-02", "sekar", "Anggota",
          "Memantau stok dan distribusi bawang merah di sentra produksi",
          "Laporan bulanan stok dan distribusi bawang merah"),
        M("PH-03", "andri", "Ketua",
          "Memimpin penilaian mandiri Indeks Kualitas Kebijakan unit",
          "Laporan penilaian Indeks Kualitas Kebijakan bidang hortikultura"),
        M("PH-03", "melati", "Anggota",
          "Menghimpun bukti dukung penilaian kualitas kebijakan",
          "Berkas bukti dukung penilaian kualitas kebijakan hortikultura"),
        M("PH-04", "winda", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja dan laporan kinerja unit",
          "Rencana Kerja dan Laporan Kinerja unit Tahun 2025"),
        M("PH-04", "hendra", "Anggota",
          "Menatausahakan surat masuk dan surat keluar unit",
          "Buku agenda surat masuk dan keluar unit"),
        M("PH-04", "roni", "Anggota",
          "Mengelola data dan jadwal rapat pada aplikasi kantor",
          "Jadwal rapat dan data kegiatan unit yang mutakhir"),
        M("PH-04", "iis", "Anggota",
          "Membantu penyiapan bahan rapat dan dokumentasi kegiatan",
          "Dokumentasi kegiatan rapat unit"),
        M("PH-05", "taufik", "Ketua",
          "Mengelola administrasi kepegawaian dan pengembangan kompetensi pegawai unit",
          "Rencana pengembangan kompetensi pegawai unit"),
        M("PH-05", "yanti", "Anggota",
          "Mengelola pembayaran dan pertanggungjawaban keuangan unit",
          "Laporan pertanggungjawaban keuangan unit bulanan"),
    ],
))

# ---------------------------------------------------------------- D3.AS2 -------------
UNITS.append(dict(
    file="d3-as2-minerba.xlsx",
    kode="D3.AS2", deputi="D3",
    nama="Asisten Deputi Mineral dan Batubara",
    head=P("head", "Rahmat Hidayatullah, S.T., M.Eng.", 1, "Asisten Deputi", "Asisten Deputi Mineral dan Batubara"),
    head_on_pegawai=True, pola="A",
    layout=dict(unit="row", mph="matrix2", dates="excel", nip="plain", pk_numeric=True),
    sheets=dict(unit="Unit", pk="PK", pegawai="Pegawai", mph="MPH", pokja="Pokja",
                anggota="Anggota Pokja", st="Penugasan Individu"),
    colnames={("pk", "kode"): "No", ("pk", "indikator"): "IKI", ("anggota", "persetujuan"): "Persetujuan Pelibatan",
              ("anggota", "unit_asal"): "Unit Asal"},
    kedudukan=dict(Pengarah="Pembina"),
    mph_group="IKI JPT",
    pk=[
        ("1", "Meningkatnya nilai tambah mineral",
         "Persentase rekomendasi kebijakan hilirisasi mineral yang ditindaklanjuti", "75%", "Persen"),
        ("2", "Terjaminnya pasokan batubara dalam negeri",
         "Jumlah rekomendasi kebijakan tata kelola batubara dan DMO", "4", "Rekomendasi"),
        ("3", "Meningkatnya kualitas kebijakan bidang mineral dan batubara",
         "Indeks kualitas kebijakan bidang mineral dan batubara", "3,5", "Indeks"),
        ("4", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("gunawan", "Ir. Gunawan Wibisono, M.T.", 1, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("diana", "Diana Puspita, S.T., M.Sc.", 2, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("fikri", "Fikri Haikal, S.T.", 1, "Fungsional", "Analis Kebijakan Ahli Muda",
          duplicate_as="Analis Kebijakan Ahli Pertama"),              # D02
        P("nadia", "Nadia Salsabila, S.T.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("hafiz", "Hafiz Maulana, S.E.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama",
          nip_as_number=True),                                        # D01 x3
        P("citra", "Citra Ramadhani, S.Si.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama", "PPPK"),
        P("bagus", "Bagus Hermawan, S.E., M.M.", 1, "Fungsional", "Perencana Ahli Muda"),
        P("wulan", "Wulan Sari, S.Kom.", 2, "Fungsional", "Pranata Komputer Ahli Pertama"),
        P("endang", "Endang Sulastri, A.Md.", 2, "Fungsional", "Arsiparis Terampil"),
        P("yusuf", "Yusuf Effendi, A.Md.Ak.", 1, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("sari", "Sari Purwaningsih, S.AP.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("udin", "Udin Samsudin", 1, "Tenaga Pendukung", "Pengemudi", "PPNPN", "PPNPN-052"),
    ],
    outsiders=[
        P("arya", "Arya Mahendra, S.T., M.T.", 1, "Fungsional", "Inspektur Tambang Ahli Muda",
          instansi_asal="Kementerian Energi dan Sumber Daya Mineral", persetujuan="",   # A06
          ket="Pelibatan lintas instansi (Ditjen Minerba, Kementerian ESDM)"),
    ],
    sk=dict(nomor="KEP-4/D.III.2/01/2025", tanggal=dt.date(2025, 1, 23), konsultasi=dt.date(2025, 1, 17),
            mulai=dt.date(2025, 1, 23), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="PM-01", nama="Pokja Hilirisasi Mineral", jenis="Substansi", target="1, 3",
             tugas="Menyusun rekomendasi kebijakan percepatan hilirisasi nikel, bauksit, dan tembaga serta "
                   "mengevaluasi kualitasnya."),
        dict(kode="PM-02", nama="Pokja Tata Kelola Batubara dan DMO", jenis="Substansi", target=2,
             tugas="Menyusun rekomendasi kebijakan tata kelola batubara dan pemenuhan kebutuhan dalam negeri (DMO)."),
        dict(kode="PM-03", nama="Pokja Evaluasi Kualitas Kebijakan", jenis="Substansi", target=3,
             tugas="Melaksanakan penilaian mandiri Indeks Kualitas Kebijakan bidang mineral dan batubara."),
        dict(kode="PM-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target=4,
             tugas="Melaksanakan dukungan perencanaan, keuangan, kearsipan, dan layanan administrasi unit."),
    ],
    anggota=[
        M("PM-01", "gunawan", "Ketua",
          "Memimpin penyusunan rekomendasi percepatan hilirisasi mineral",
          "Rekomendasi kebijakan hilirisasi nikel dan bauksit (3 dokumen)"),
        M("PM-01", "nadia", "Anggota",
          "Menganalisis kapasitas dan kemajuan pembangunan smelter",
          "Laporan triwulanan kemajuan pembangunan smelter"),
        M("PM-01", "hafiz", "Anggota",
          "Menghitung nilai tambah ekonomi hilirisasi mineral",
          "Kajian nilai tambah ekonomi hilirisasi mineral", mph=["3"]),
        M("PM-01", "arya", "Anggota",
          "Memberikan data dan analisis teknis perizinan serta produksi smelter dari Kementerian ESDM",
          "Catatan teknis perizinan dan produksi smelter"),
        M("PM-02", "diana", "Ketua",
          "Memimpin penyusunan rekomendasi tata kelola batubara dan DMO",
          "Rekomendasi kebijakan DMO dan harga batubara untuk kelistrikan (4 rekomendasi)"),
        M("PM-02", "fikri", "Anggota",
          "Menganalisis neraca pasokan dan kebutuhan batubara dalam negeri",
          "Neraca pasokan dan kebutuhan batubara dalam negeri 2025"),
        M("PM-02", "citra", "Anggota",
          "Memantau realisasi pemenuhan DMO oleh pemegang izin usaha",
          "Laporan bulanan realisasi pemenuhan DMO batubara"),
        M("PM-03", "fikri", "Ketua",
          "Memimpin penilaian mandiri Indeks Kualitas Kebijakan unit",
          "Laporan penilaian Indeks Kualitas Kebijakan bidang minerba"),
        M("PM-03", "citra", "Anggota",
          "Menghimpun bukti dukung penilaian kualitas kebijakan",
          "Berkas bukti dukung penilaian kualitas kebijakan minerba"),
        M("PM-04", "bagus", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja, anggaran, dan laporan kinerja unit",
          "Laporan Kinerja dan Rencana Kerja Anggaran unit Tahun 2025"),
        M("PM-04", "sari", "Sekretaris",
          "Menatausahakan surat dan agenda kegiatan unit",
          "Agenda kegiatan dan arsip surat unit yang tertib"),
        M("PM-04", "endang", "Anggota",
          "Mengelola arsip aktif unit dan layanan peminjaman arsip",
          "Daftar arsip aktif dan layanan peminjaman arsip unit"),
        M("PM-04", "yusuf", "Anggota",
          "Mengelola administrasi keuangan dan SPJ kegiatan unit",
          "Laporan SPJ dan realisasi anggaran kegiatan unit"),
        M("PM-04", "wulan", "Anggota",
          "Mengelola layanan TIK dan keamanan data unit",
          "Laporan layanan TIK dan keamanan data unit"),
        M("PM-04", "udin", "Anggota",
          "Melayani transportasi dinas pimpinan dan pengantaran dokumen",
          "Catatan layanan transportasi dinas dan pengantaran dokumen"),
    ],
    surat_tugas=[
        dict(nomor="ST-6/D.III.2/02/2025", tanggal=dt.date(2025, 2, 10), who="wulan", target="3",
             uraian="Membangun dasbor pemantauan tindak lanjut rekomendasi kebijakan minerba",
             output="Dasbor pemantauan tindak lanjut rekomendasi kebijakan minerba"),
    ],
))

# ---------------------------------------------------------------- SES.BHO ------------
UNITS.append(dict(
    file="ses-bho-hukum-organisasi.xlsx",
    kode="SES.BHO", deputi="SES",
    nama="Biro Hukum dan Organisasi",
    head=P("head", "Dr. Arief Budiman Siregar, S.H., M.H.", 1, "Kepala Biro", "Kepala Biro Hukum dan Organisasi"),
    head_on_pegawai=True, pola="B",
    layout=dict(unit="kv", mph="matrix2", dates="iso", nip="plain", mph_empty="-"),
    sheets=dict(unit="Unit", pk="Target Kinerja", pegawai="Pegawai", mph="Matrik Peran Hasil", pokja="Pokja",
                anggota="Anggota Pokja"),
    colnames={("anggota", "uraian"): "Tugas", ("anggota", "output"): "Keluaran",
              ("pokja", "target"): "Target PK", ("pokja", "tugas"): "Uraian Tugas Pokja"},
    madya_jenis="Sesmenko", pratama_jenis="Karo",
    mph_group="Target Kinerja",
    mph_extra_columns=[("PK-05", {"dodi": "Anggota: Laporan penyelesaian perkara 2024",
                                  "aulia": "Anggota: Rekap putusan perkara 2024"})],   # M01
    pk=[
        ("PK-01", "Tersusunnya regulasi yang berkualitas",
         "Persentase rancangan peraturan perundang-undangan yang diselesaikan tepat waktu", "90%", "Persen"),
        ("PK-02", "Terlaksananya layanan bantuan hukum",
         "Persentase layanan advokasi dan bantuan hukum yang diselesaikan", "85%", "Persen"),
        ("PK-03", "Terwujudnya kelembagaan dan tata laksana yang efektif",
         "Persentase unit kerja JPT Pratama yang menetapkan Pokja sesuai pedoman mekanisme kerja", "100%", "Persen"),
        ("PK-04", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("yudi", "Yudi Prasetya, S.H., M.H.", 1, "Administrator", "Kepala Bagian Peraturan Perundang-undangan"),
        P("retno", "Retno Wijayanti, S.Sos., M.A.P.", 2, "Administrator", "Kepala Bagian Organisasi dan Tata Laksana"),
        P("fadli", "Fadli Nugraha, S.H., M.H.", 1, "Fungsional", "Perancang Peraturan Perundang-undangan Ahli Muda"),
        P("rahma", "Rahmawati Siregar, S.H.", 2, "Fungsional", "Perancang Peraturan Perundang-undangan Ahli Pertama"),
        P("dodi", "Dodi Firmansyah, S.H., M.H.", 1, "Fungsional", "Analis Hukum Ahli Muda"),
        P("aulia", "Aulia Rahman, S.H.", 2, "Fungsional", "Analis Hukum Ahli Pertama", "PPPK"),
        P("kurnia", "Kurniawan Adi Putra, S.Sos., M.A.P.", 1, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("sinta", "Sinta Maharani, S.AP.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("bima", "Bima Sakti Nugroho, S.AP.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("riana", "Riana Oktavia, S.E.", 2, "Fungsional", "Perencana Ahli Pertama"),
        P("eko", "Eko Prasetyo, A.Md.", 1, "Fungsional", "Arsiparis Terampil"),
        P("susi", "Susilawati, A.Md.Ak.", 2, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("iwan", "Iwan Kurniadi", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("nanda", "Ananda Putri, S.H.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("tono", "Sutono", 1, "Tenaga Pendukung", "Pramubakti", "PPNPN", "PPNPN-063"),
    ],
    outsiders=[
        P("rangga", "Rangga Aditya, S.Kom.", 1, "Fungsional", "Pranata Komputer Ahli Pertama",
          home="SES.BU", unit_asal="SES.BU", persetujuan="ND-32/SES.BU/01/2025"),
        # A09: a new CPNS of this unit, not yet on Pegawai (not an outsider: Kode Unit Asal empty)
        P("farhan", "Farhan Maulana, S.H.", 1, "Pelaksana", "Penata Layanan Operasional", tmt="202501",
          ket="CPNS formasi 2024"),
    ],
    sk=dict(nomor=None, tanggal=dt.date(2025, 1, 17), konsultasi="14-01-2025",
            mulai=dt.date(2025, 1, 20), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="HO-01", nama="Pokja Penyusunan Peraturan Perundang-undangan", jenis="Substansi", target="PK-01",
             tugas="Menyusun dan mengharmonisasikan rancangan peraturan di lingkungan Kemenko Perekonomian.",
             nomor="KEP-11/SES.BHO/01/2025"),
        dict(kode="HO-02", nama="Pokja Advokasi dan Bantuan Hukum", jenis="Substansi", target="PK-02",
             tugas="Memberikan advokasi, pertimbangan, dan bantuan hukum kepada unit kerja.",
             nomor=""),                                               # K01: SK number empty
        dict(kode="HO-03", nama="Pokja Kelembagaan dan Tata Laksana", jenis="Substansi", target="PK-03",
             tugas="Melaksanakan penataan kelembagaan, tata laksana, dan konsultasi pembentukan Pokja unit kerja.",
             nomor="KEP-13/SES.BHO/01/2025"),
        dict(kode="HO-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administratif",
             target="PK-04",
             tugas="Melaksanakan dukungan perencanaan, keuangan, kearsipan, dan layanan administrasi biro.",
             nomor="KEP-14/SES.BHO/01/2025"),
    ],
    anggota=[
        M("HO-01", "yudi", "Ketua",                                   # Administrator as Ketua: fine in Pola B
          "Memimpin penyusunan dan harmonisasi rancangan peraturan menteri koordinator",
          "Rancangan peraturan menteri koordinator yang telah diharmonisasi"),
        M("HO-01", "fadli", "Anggota",
          "Menyusun naskah rancangan peraturan dan naskah akademik",
          "Naskah rancangan peraturan dan naskah akademik"),
        M("HO-01", "rahma", "Anggota",
          "Menyiapkan matriks harmonisasi dan pengundangan peraturan",
          "Matriks harmonisasi rancangan peraturan"),
        M("HO-01", "farhan", "Anggota",
          "Mengelola basis data JDIH kementerian",
          "Basis data JDIH yang mutakhir", jenis_anggota="Pelaksana"),
        M("HO-02", "dodi", "Ketua",
          "Memimpin penanganan advokasi dan bantuan hukum unit kerja",
          "Laporan penanganan advokasi dan bantuan hukum"),
        M("HO-02", "aulia", "Anggota",
          "Menyusun telaahan hukum atas permohonan pertimbangan hukum",
          "Telaahan hukum atas permohonan pertimbangan hukum"),
        M("HO-02", "nanda", "Anggota",
          "Menatausahakan register perkara dan permohonan bantuan hukum",
          "Register perkara dan permohonan bantuan hukum"),
        M("HO-03", "retno", "Ketua",
          "Memimpin konsultasi dan evaluasi pembentukan Pokja unit kerja",
          "Laporan evaluasi pembentukan Pokja unit kerja"),
        M("HO-03", "kurnia", "Anggota",
          "Menelaah rancangan SK Pokja yang dikonsultasikan unit kerja",
          "Telaahan kesesuaian rancangan SK Pokja dengan pedoman"),
        M("HO-03", "sinta", "Anggota",
          "Menyusun peta proses bisnis dan SOP kementerian",
          "Peta proses bisnis dan SOP yang dimutakhirkan"),
        M("HO-03", "bima", "Anggota",
          "Menganalisis beban kerja dan kebutuhan jabatan fungsional unit kerja",
          "Laporan analisis beban kerja unit kerja"),
        M("HO-03", "rangga", "Anggota",
          "Mengembangkan aplikasi pemantauan kepatuhan mekanisme kerja",
          "Aplikasi pemantauan kepatuhan mekanisme kerja"),
        M("HO-04", "riana", "Ketua",
          "Mengoordinasikan perencanaan dan laporan kinerja biro",
          "Laporan Kinerja biro Tahun 2025"),
        M("HO-04", "eko", "Anggota",
          "Mengelola arsip produk hukum dan arsip aktif biro",
          "Daftar arsip produk hukum yang tertata"),
        M("HO-04", "susi", "Anggota",
          "Mengelola pertanggungjawaban keuangan kegiatan biro",
          "Laporan pertanggungjawaban keuangan biro"),
        M("HO-04", "iwan", "Sekretaris",
          "Menatausahakan persuratan dan agenda biro",
          "Agenda dan register surat biro"),
        M("HO-04", "nanda", "Anggota",
          "Menyiapkan layanan rapat dan administrasi perjalanan dinas biro",
          "Administrasi perjalanan dinas biro yang lengkap"),
        M("HO-04", "tono", "Anggota",
          "Menyiapkan ruang rapat dan penggandaan dokumen biro",
          "Ruang rapat dan dokumen biro siap digunakan"),
    ],
))

# ---------------------------------------------------------------- SES.BU -------------
UNITS.append(dict(
    file="ses-bu-umum.xlsx",
    kode="SES.BU", deputi="SES",
    nama="Biro Umum",
    head=P("head", "Drs. Heru Susanto, M.M.", 1, "Kepala Biro", "Kepala Biro Umum"),
    head_on_pegawai=False, pola="A",
    layout=dict(unit="row", mph="long", dates="dmy", nip="dotted"),
    sheets=dict(unit="Unit", pk="PK", pegawai="Pegawai", mph="MPH", pokja="Pokja", anggota="Anggota Pokja"),
    colnames={("mph", "peran"): "Rencana Hasil Kerja", ("pegawai", "status"): "Status",
              ("pegawai", "jabatan"): "Jabatan"},
    madya_jenis="Sekretaris Kementerian Koordinator", pratama_jenis="Kepala Biro",
    instansi="Kemenko Perekonomian",
    pk=[
        ("PK-01", "Terlaksananya pengadaan barang/jasa yang akuntabel",
         "Persentase paket pengadaan barang/jasa yang diselesaikan tepat waktu", "90%", "Persen"),
        ("PK-02", "Meningkatnya kualitas layanan kerumahtanggaan",
         "Indeks kepuasan layanan kerumahtanggaan", "3,6", "Indeks"),
        ("PK-03", "Terkelolanya arsip kementerian",
         "Persentase arsip vital yang terkelola sesuai standar", "95%", "Persen"),
        ("PK-04", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
        ("PK-05", "Tertibnya pengelolaan BMN",
         "Persentase barang milik negara yang tercatat dan terinventarisasi", "100%", "Persen"),
    ],
    pegawai=[
        P("hariyadi", "Hariyadi, S.E., M.M.", 1, "Administrator", "Kepala Bagian Tata Usaha dan Rumah Tangga"),
        P("ayu", "Ayu Lestari, S.E., M.Ak.", 2, "Fungsional", "Pengelola Pengadaan Barang/Jasa Ahli Muda"),
        P("prasetyo", "Prasetyo Utomo, S.T.", 1, "Fungsional", "Pengelola Pengadaan Barang/Jasa Ahli Pertama"),
        P("rangga", "Rangga Aditya, S.Kom.", 1, "Fungsional", "Pranata Komputer Ahli Pertama"),
        P("lukman", "Lukman Hakim, S.E.", 1, "Fungsional", "Analis Pengelolaan Keuangan APBN Ahli Pertama"),
        P("nining", "Nining Suryaningsih, S.Sos.", 2, "Fungsional", "Arsiparis Ahli Muda"),
        P("firman", "Firman Syahputra, A.Md.", 1, "Fungsional", "Arsiparis Terampil"),
        P("wati", "Purwati, A.Md.Ak.", 2, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("desi", "Desi Ratnasari, S.Psi.", 2, "Fungsional", "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
          "PPPK"),
        P("dani", "Dani Ramdani, S.E.", 1, "Pelaksana", "Pengelola Barang Milik Negara"),
        P("nurul", "Nurul Hidayah, S.AP.", 2, "Pelaksana", "Penata Layanan Operasional"),
        P("bambangi", "Bambang Irawan", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("maman", "Maman Suparman", 1, "Tenaga Pendukung", "Pengemudi", "PPNPN", "PPNPN-071"),
        P("sukardi", "Sukardi", 1, "Tenaga Pendukung", "Petugas Keamanan", "PPNPN", "PPNPN-072"),
        P("wartini", "Wartini", 2, "Tenaga Pendukung", "Pramubakti", "PPNPN", "PPNPN-073"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-21/SES.BU/01/2025", tanggal=dt.date(2025, 1, 21), konsultasi=dt.date(2025, 1, 16),
            mulai=dt.date(2025, 1, 21), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="BU-01", nama="Pokja Pengadaan Barang/Jasa", jenis="Substansi", target="PK-01",
             tugas="Melaksanakan perencanaan, pemilihan penyedia, dan pengendalian kontrak pengadaan barang/jasa.",
             nomor="KEP-21/SES.BU/01/2025", penetap="hariyadi"),        # K02: signed by the Kepala Bagian
        dict(kode="BU-02", nama="Pokja Kerumahtanggaan dan BMN", jenis="Substansi", target="PK-02; PK-05",
             tugas="Melaksanakan layanan kerumahtanggaan, pemeliharaan gedung, dan penatausahaan BMN.",
             nomor="KEP-22/SES.BU/01/2025"),
        dict(kode="BU-03", nama="Pokja Kearsipan dan Persuratan", jenis="Substansi", target="PK-03",
             tugas="Mengelola arsip vital, arsip dinamis, dan layanan persuratan kementerian.",
             nomor="KEP-23/SES.BU/01/2025", konsultasi=dt.date(2025, 1, 24)),   # K05: after SK date
        dict(kode="BU-04", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="PK-04",
             tugas="Melaksanakan dukungan perencanaan, keuangan, kepegawaian, dan TIK biro.",
             nomor="KEP-24/SES.BU/01/2025"),
    ],
    anggota=[
        M("BU-01", "ayu", "Ketua",
          "Memimpin pelaksanaan pemilihan penyedia barang/jasa",
          "Laporan hasil pemilihan penyedia barang/jasa"),
        M("BU-01", "prasetyo", "Anggota",
          "Menyusun dokumen persiapan pengadaan dan HPS",
          "Dokumen persiapan pengadaan dan HPS"),
        M("BU-01", "lukman", "Anggota",
          "Memverifikasi kelengkapan dokumen pembayaran kontrak pengadaan",
          "Laporan verifikasi dokumen pembayaran kontrak"),
        M("BU-02", "dani", "Ketua",
          "Memimpin layanan kerumahtanggaan dan inventarisasi BMN",
          "Laporan inventarisasi BMN dan layanan kerumahtanggaan"),
        M("BU-02", "hariyadi", "Anggota",                              # A13: Administrator in a Pola A unit
          "Mengawasi pemeliharaan gedung dan kendaraan dinas",
          "Laporan pemeliharaan gedung dan kendaraan dinas", mph=["PK-02"]),
        M("BU-02", "nurul", "Anggota",
          "Mengelola survei kepuasan layanan kerumahtanggaan",
          "Laporan survei kepuasan layanan kerumahtanggaan"),
        M("BU-02", "maman", "Anggota",
          "Melayani kendaraan dinas operasional pimpinan",
          "Log layanan kendaraan dinas operasional"),
        M("BU-02", "sukardi", "Anggota",
          "Menjaga keamanan dan ketertiban gedung kantor",
          "Laporan harian keamanan gedung"),
        M("BU-02", "wartini", "Anggota",
          "Menjaga kebersihan dan kesiapan ruang rapat pimpinan",
          "Ruang rapat pimpinan bersih dan siap pakai"),
        M("BU-03", "nining", "Ketua",
          "Memimpin pengelolaan arsip vital dan arsip dinamis kementerian",
          "Daftar arsip vital kementerian yang terlindungi"),
        M("BU-03", "firman", "Anggota",
          "Melaksanakan pemberkasan dan alih media arsip",
          "Arsip hasil alih media dan pemberkasan"),
        M("BU-03", "bambangi", "Anggota",
          "Mengagendakan dan mendistribusikan surat masuk kementerian",
          "Register surat masuk kementerian"),
        M("BU-04", "wati", "Ketua",
          "Mengoordinasikan perencanaan, anggaran, dan laporan kinerja biro",
          "Laporan Kinerja Biro Umum Tahun 2025"),
        M("BU-04", "lukman", "Anggota",
          "Menyusun laporan keuangan dan realisasi anggaran biro",
          "Laporan keuangan semesteran biro"),
        M("BU-04", "desi", "Anggota",
          "Mengelola administrasi kepegawaian dan pengembangan kompetensi pegawai biro",
          "Rekap administrasi kepegawaian biro"),
        M("BU-04", "rangga", "Anggota",
          "Memelihara aplikasi layanan umum dan infrastruktur TIK biro",
          "Laporan ketersediaan aplikasi layanan umum"),
    ],
))

# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

# canonical headers per sheet kind; a unit may rename a column with colnames[(kind, field)]
COLUMNS = {
    "pk": [("kode", "Kode Target"), ("sasaran", "Sasaran"), ("indikator", "Indikator Kinerja"),
           ("target", "Target"), ("satuan", "Satuan")],
    "pegawai": [("no", "No"), ("nip", "NIP"), ("id", "ID Pegawai"), ("nama", "Nama"),
                ("jenis", "Jenis Jabatan"), ("jabatan", "Nama Jabatan"), ("status", "Status Kepegawaian")],
    "mph_long": [("no", "No"), ("nip", "NIP"), ("id", "ID Pegawai"), ("nama", "Nama"),
                 ("kode_target", "Kode Target"), ("peran", "Peran Hasil"), ("pokja", "Kode Pokja")],
    "pokja": [("no", "No"), ("kode", "Kode Pokja"), ("nama", "Nama Pokja"), ("jenis", "Jenis Pokja"),
              ("target", "Kode Target"), ("tugas", "Tugas Pokja"), ("nomor", "Nomor SK"),
              ("tanggal", "Tanggal SK"), ("penetap", "NIP Penetap SK"),
              ("konsultasi", "Tanggal Konsultasi Ortala"), ("mulai", "Tanggal Mulai"),
              ("selesai", "Tanggal Selesai")],
    "anggota": [("no", "No"), ("pokja", "Kode Pokja"), ("nip", "NIP"), ("id", "ID Pegawai"), ("nama", "Nama"),
                ("kedudukan", "Kedudukan"), ("jenis", "Jenis Jabatan"), ("jabatan", "Nama Jabatan"),
                ("unit_asal", "Kode Unit Asal"), ("instansi_asal", "Instansi Asal"),
                ("cara", "Cara Penugasan"), ("persetujuan", "Nomor Persetujuan Pimpinan"),
                ("uraian", "Uraian Tugas"), ("output", "Output")],
    "st": [("nomor", "Nomor Surat Tugas"), ("tanggal", "Tanggal"), ("nip", "NIP"), ("nama", "Nama"),
           ("kode_target", "Kode Target"), ("uraian", "Uraian Tugas"), ("output", "Output")],
}
WIDTHS = {"nip": 22, "nama": 34, "jabatan": 40, "uraian": 60, "output": 55, "tugas": 60, "nama_pokja": 40,
          "indikator": 60, "sasaran": 45, "peran": 60}
TEXT_FIELDS = {"nip", "penetap"}  # written as text cells with number format '@'


def fmt_nip(nip: str, style: str) -> str:
    if style == "apostrophe":  # pasted from a system export that marks text with a leading apostrophe
        return "'" + nip
    if style == "spaced":
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    if style == "dotted":
        return f"{nip[:8]}.{nip[8:14]}.{nip[14]}.{nip[15:]}"
    return nip


def fmt_date(value, style: str):
    """A date as the unit writes it; strings (already formatted, or deliberately wrong) pass through."""
    if value is None or isinstance(value, str):
        return value
    if style == "excel":
        return value
    if style in ("id", "id_place"):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    if style == "iso":
        return value.isoformat()
    if style == "dmy":
        return f"{value:%d/%m/%Y}"
    if style == "dmy_dash":
        return f"{value:%d-%m-%Y}"
    if style == "decree":                    # the decree's own wording and old spellings
        month = BULAN[value.month - 1].replace("Februari", "Pebruari").replace("November", "Nopember")
        return f"pada tanggal {value.day} {month} {value.year}"
    raise ValueError(style)


class Unit:
    """Resolves one unit's description into sheet rows."""

    def __init__(self, spec: dict):
        self.s = spec
        self.kode = spec["kode"]
        lay = spec["layout"]
        self.nip_style = lay.get("nip", "plain")
        self.date_style = lay["dates"]
        self.kedudukan = {"Pengarah": "Pengarah", "Ketua": "Ketua", "Wakil Ketua": "Wakil Ketua",
                          "Sekretaris": "Sekretaris", "Anggota": "Anggota"}
        self.kedudukan.update(spec.get("kedudukan", {}))
        self.people: dict[str, dict] = {}
        head = dict(spec["head"])
        head["nip"] = make_nip(f"{self.kode}:head", head["sex"], "JPT Pratama")
        self.head = head
        for p in spec["pegawai"]:
            p = dict(p)
            if p["status"] != "PPNPN":
                p["nip"] = make_nip(f"{self.kode}:{p['handle']}", p["sex"], f"{p['jenis']} {p['jabatan']}",
                                    p["status"], p.get("tmt"))
            else:
                p["nip"] = None
            p["outsider"] = False
            self.people[p["handle"]] = p
        for p in spec["outsiders"]:
            p = dict(p)
            home = p.get("home")
            if home:  # a person of another sample unit: same NIP as on that unit's Pegawai
                p["nip"] = make_nip(f"{home}:{p['handle']}", p["sex"], p["jabatan"], p["status"])
            else:
                p["nip"] = make_nip(f"{self.kode}:{p['handle']}", p["sex"], p["jabatan"], p["status"],
                                    p.get("tmt"))
            p["outsider"] = bool(p.get("unit_asal") or p.get("instansi_asal"))
            p["not_on_pegawai"] = True
            self.people[p["handle"]] = p
        d_name, d_nama, _ = DEPUTI[spec["deputi"]]
        self.madya = dict(nama=d_nama, nip=deputi_nip(spec["deputi"]), unit=d_name)
        self.pk_codes = [row[0] for row in spec["pk"]]
        self.pokja = {p["kode"]: p for p in spec["pokja"]}

    # ---- helpers
    def nip_cell(self, person: dict, style: str | None = None):
        if not person.get("nip"):
            return None
        if person.get("nip_as_number"):
            # what Excel keeps of an 18-digit number: 15 significant digits
            return int(person["nip"][:15] + "000")
        return fmt_nip(person["nip"], style or self.nip_style)

    def date(self, value):
        return fmt_date(value, self.date_style)

    def header(self, kind: str, field: str, default: str) -> str:
        return self.s.get("colnames", {}).get((kind, field), default)

    def pokja_targets(self, kode: str) -> list[str]:
        raw = str(self.pokja[kode]["target"])
        return [t.strip() for t in raw.replace(";", ",").split(",") if t.strip()]

    def mph_entries(self) -> dict[str, dict[str, list[str]]]:
        """handle -> target -> [peran hasil texts], derived from Pokja membership and Surat Tugas."""
        out: dict[str, dict[str, list[str]]] = {}
        for m in self.s["anggota"]:
            valid = [t for t in self.pokja_targets(m["pokja"]) if t in self.pk_codes]
            targets = m.get("mph") or (valid if m["kedudukan"] == "Ketua" else valid[:1])
            role = m["kedudukan"] if m["kedudukan"] in self.kedudukan else "Anggota"
            for t in targets:
                out.setdefault(m["who"], {}).setdefault(t, []).append(f"{role} {m['pokja']}: {m['output']}")
        for st in self.s.get("surat_tugas", []):
            out.setdefault(st["who"], {}).setdefault(st["target"], []).append(
                f"Surat Tugas {st['nomor']}: {st['output']}")
        for p in self.people.values():
            if p.get("no_mph"):
                out.pop(p["handle"], None)
        return out

    def mph_people(self) -> list[dict]:
        """People on the MPH, in Pegawai order, then members from outside Pegawai."""
        entries = self.mph_entries()
        return [p for p in self.people.values() if p["handle"] in entries]


def style_header_row(ws, row: int, ncols: int, first_col: int = 1):
    for c in range(first_col, first_col + ncols):
        cell = ws.cell(row=row, column=c)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = CENTER


def write_table(ws, top: int, headers: list[tuple[str, str]], rows: list[dict], text_fields=TEXT_FIELDS):
    """headers: [(field, header text)]; rows: [{field: value}]. Returns the next free row."""
    for i, (_, text) in enumerate(headers, start=1):
        ws.cell(row=top, column=i, value=text)
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(_, max(12, min(len(text) + 4, 30)))
    style_header_row(ws, top, len(headers))
    r = top + 1
    for row in rows:
        for i, (field, _) in enumerate(headers, start=1):
            value = row.get(field)
            cell = ws.cell(row=r, column=i)
            if value is None or value == "":
                if field in text_fields:
                    cell.number_format = "@"
                continue
            cell.value = value
            if field in text_fields:
                cell.number_format = "@" if isinstance(value, str) else "0"
            elif isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(value, str) and len(value) > 40:
                cell.alignment = WRAP
        r += 1
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    return r


def build_unit_sheet(ws, u: Unit):
    s = u.s
    pairs = [
        ("Kode Unit", u.kode),
        ("Nama Unit", s["nama"]),
        ("Unit JPT Madya", u.madya["unit"]),
        ("NIP JPT Pratama", fmt_nip(u.head["nip"], u.nip_style)),
        ("Nama JPT Pratama", u.head["nama"]),
        ("NIP JPT Madya", fmt_nip(u.madya["nip"], u.nip_style)),
        ("Nama JPT Madya", u.madya["nama"]),
        ("Pola Struktur", s["pola"] or None),
        ("Tahun Kinerja", 2025),
        ("Instansi", s.get("instansi", INSTANSI)),
    ]
    text_keys = {"NIP JPT Pratama", "NIP JPT Madya"}
    if s["layout"]["unit"] == "kv":
        ws.cell(row=1, column=1, value="Kolom")
        ws.cell(row=1, column=2, value="Isi")
        style_header_row(ws, 1, 2)
        for i, (k, v) in enumerate(pairs + [("Keterangan", FIKTIF)], start=2):
            ws.cell(row=i, column=1, value=k)
            cell = ws.cell(row=i, column=2, value=v)
            if k in text_keys:
                cell.number_format = "@"
        ws.column_dimensions["A"].width = 22
        ws.column_dimensions["B"].width = 70
        return
    top = 1
    if s["layout"]["unit"] == "row_titled":
        ws.cell(row=1, column=1, value="IDENTITAS UNIT KERJA").font = TITLE_FONT
        top = 3
    headers = [(k, k) for k, _ in pairs] + [("Keterangan", "Keterangan")]
    row = dict(pairs)
    row["Keterangan"] = FIKTIF
    write_table(ws, top, headers, [row], text_fields=text_keys)
    for i in range(1, len(headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 24


def build_pk(ws, u: Unit):
    headers = [(f, u.header("pk", f, h)) for f, h in COLUMNS["pk"]]
    rows = []
    for kode, sasaran, indikator, target, satuan in u.s["pk"]:
        code = int(kode) if u.s["layout"].get("pk_numeric") else kode
        rows.append(dict(kode=code, sasaran=sasaran, indikator=indikator, target=target, satuan=satuan))
    write_table(ws, 1, headers, rows)


def build_pegawai(ws, u: Unit):
    headers = [(f, u.header("pegawai", f, h)) for f, h in COLUMNS["pegawai"]]
    rows = []
    people = [p for p in u.people.values() if not p.get("not_on_pegawai")]
    if u.s["head_on_pegawai"]:
        people = [dict(u.head, status="PNS", id_pegawai=None)] + people
    for p in people:
        row = dict(nip=u.nip_cell(p), id=p.get("id_pegawai"), nama=p["nama"], jenis=p["jenis"],
                   jabatan=p["jabatan"], status=p["status"])
        rows.append(row)
        if p.get("duplicate_as"):  # D02: the same person again, with an outdated position
            rows.append(dict(row, jabatan=p["duplicate_as"]))
    for i, row in enumerate(rows, start=1):
        row["no"] = i
    write_table(ws, 1, headers, rows)


def build_mph_matrix(ws, u: Unit):
    s = u.s
    two_row = s["layout"]["mph"] == "matrix2"
    empty = s["layout"].get("mph_empty")
    entries = u.mph_entries()
    extra = s.get("mph_extra_columns", [])
    ws.cell(row=1, column=1, value="MATRIKS PEMBAGIAN PERAN DAN HASIL").font = TITLE_FONT
    ws.cell(row=2, column=1, value=s["nama"].upper()).font = TITLE_FONT
    ws.cell(row=3, column=1, value="TAHUN KINERJA 2025")
    fixed = [("no", "No"), ("nip", "NIP"), ("id", "ID Pegawai"), ("nama", "Nama"), ("jabatan", "Jabatan")]
    indikator = {row[0]: row[2] for row in s["pk"]}
    targets = [(code, f"{code}." if s["layout"].get("pk_numeric") else code) for code in u.pk_codes]
    targets += [(code, code) for code, _ in extra]
    top = 5
    ncols = len(fixed) + len(targets) + 1
    for c in range(1, 4):
        ws.merge_cells(start_row=c, start_column=1, end_row=c, end_column=ncols)
    for i, (_, text) in enumerate(fixed, start=1):
        ws.cell(row=top, column=i, value=text)
        if two_row:
            ws.merge_cells(start_row=top, start_column=i, end_row=top + 1, end_column=i)
    first_t = len(fixed) + 1
    for j, (code, label) in enumerate(targets):
        col = first_t + j
        if two_row:
            ws.cell(row=top + 1, column=col, value=label)
        else:
            ws.cell(row=top, column=col, value=f"{label} {indikator.get(code, '')}".strip())
        ws.column_dimensions[get_column_letter(col)].width = 38
    if two_row:
        ws.cell(row=top, column=first_t, value=s.get("mph_group", "Target Kinerja"))
        ws.merge_cells(start_row=top, start_column=first_t, end_row=top, end_column=first_t + len(targets) - 1)
    ket_col = first_t + len(targets)
    ws.cell(row=top, column=ket_col, value="Keterangan")
    if two_row:
        ws.merge_cells(start_row=top, start_column=ket_col, end_row=top + 1, end_column=ket_col)
    for r in range(top, top + (2 if two_row else 1)):
        style_header_row(ws, r, ncols)
    widths = {"no": 5, "nip": 22, "id": 13, "nama": 34, "jabatan": 36}
    for i, (f, _) in enumerate(fixed, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[f]
    ws.column_dimensions[get_column_letter(ket_col)].width = 40
    r = top + (2 if two_row else 1)
    ws.freeze_panes = ws.cell(row=r, column=first_t)
    for n, p in enumerate(u.mph_people(), start=1):
        ws.cell(row=r, column=1, value=n)
        nip = u.nip_cell(p)
        c = ws.cell(row=r, column=2, value=nip)
        c.number_format = "@" if not isinstance(nip, int) else "0"
        ws.cell(row=r, column=3, value=p.get("id_pegawai"))
        ws.cell(row=r, column=4, value=p["nama"])
        jab = p["jabatan"]
        if p.get("unit_asal"):
            jab += f" ({p['unit_asal']})"
        ws.cell(row=r, column=5, value=jab)
        mine = entries.get(p["handle"], {})
        for j, (code, _) in enumerate(targets):
            texts = mine.get(code)
            if code in dict(extra):
                texts = [dict(extra)[code][p["handle"]]] if p["handle"] in dict(extra)[code] else None
            cell = ws.cell(row=r, column=first_t + j)
            if texts:
                cell.value = "\n".join(texts)
                cell.alignment = WRAP
            elif empty:
                cell.value = empty
                cell.alignment = CENTER
        ket = p.get("ket")
        if not ket and p.get("unit_asal"):
            ket = f"Pelibatan dari unit {p['unit_asal']}"
        ws.cell(row=r, column=ket_col, value=ket)
        r += 1


def build_mph_long(ws, u: Unit):
    headers = [(f, u.header("mph", f, h)) for f, h in COLUMNS["mph_long"]]
    pokja_of: dict[tuple[str, str], str] = {}
    for m in u.s["anggota"]:
        for t in u.pokja_targets(m["pokja"]):
            pokja_of.setdefault((m["who"], t), m["pokja"])
    entries = u.mph_entries()
    rows = []
    for p in u.mph_people():
        for code in u.pk_codes:
            for text in entries[p["handle"]].get(code, []):
                rows.append(dict(nip=u.nip_cell(p), id=p.get("id_pegawai"), nama=p["nama"], kode_target=code,
                                 peran=text.split(": ", 1)[1], pokja=pokja_of.get((p["handle"], code))))
    for i, row in enumerate(rows, start=1):
        row["no"] = i
    write_table(ws, 1, headers, rows)


def build_pokja(ws, u: Unit):
    headers = [(f, u.header("pokja", f, h)) for f, h in COLUMNS["pokja"]
               if f != "kode" or u.s["layout"].get("pokja_codes", True)]
    sk = u.s["sk"]
    rows = []
    for i, p in enumerate(u.s["pokja"], start=1):
        penetap = u.people[p["penetap"]] if p.get("penetap") else u.head
        nomor = p.get("nomor", sk["nomor"])
        rows.append(dict(
            no=i, kode=p["kode"], nama=p["nama"], jenis=p["jenis"], target=p["target"], tugas=p["tugas"],
            nomor=nomor or None,
            tanggal=u.date(p.get("tanggal", sk["tanggal"])),
            penetap=fmt_nip(penetap["nip"], u.nip_style),
            konsultasi=u.date(p.get("konsultasi", sk["konsultasi"])),
            mulai=u.date(p.get("mulai", sk["mulai"])),
            selesai=u.date(p.get("selesai", sk["selesai"])),
        ))
    write_table(ws, 1, headers, rows)
    ws.column_dimensions["C"].width = 44
    ws.column_dimensions["F"].width = 60


def build_anggota(ws, u: Unit):
    headers = [(f, u.header("anggota", f, h)) for f, h in COLUMNS["anggota"]]
    s = u.s
    nip_style = s["layout"].get("anggota_nip", u.nip_style)
    madya_jenis = s.get("madya_jenis", "JPT Madya")
    pratama_jenis = s.get("pratama_jenis", "JPT Pratama")
    rows = []
    for p in s["pokja"]:
        if not p.get("no_madya"):
            rows.append(dict(pokja=p["kode"], nip=fmt_nip(u.madya["nip"], nip_style), nama=u.madya["nama"],
                             kedudukan=u.kedudukan["Pengarah"], jenis=madya_jenis,
                             jabatan=u.madya["unit"].replace("Sekretariat Kementerian Koordinator",
                                                             "Sekretaris Kementerian Koordinator"),
                             uraian="Memberikan arahan strategis dan menerima hasil pelaksanaan tugas Pokja"))
        rows.append(dict(pokja=p["kode"], nip=fmt_nip(u.head["nip"], nip_style), nama=u.head["nama"],
                         kedudukan=u.kedudukan["Pengarah"], jenis=pratama_jenis, jabatan=u.head["jabatan"],
                         uraian="Memberikan arahan, memantau, dan mengevaluasi pelaksanaan tugas Pokja"))
        for m in s["anggota"]:
            if m["pokja"] != p["kode"]:
                continue
            who = u.people[m["who"]]
            ked = u.kedudukan.get(m["kedudukan"], m["kedudukan"])
            row = dict(pokja=m["pokja"], nip=u.nip_cell(who, nip_style), id=who.get("id_pegawai"), nama=who["nama"],
                       kedudukan=ked, jabatan=who["jabatan"], uraian=m["uraian"], output=m["output"],
                       cara=m.get("cara", "Penunjukan"))
            if who.get("not_on_pegawai"):
                row["jenis"] = m.get("jenis_anggota", who["jenis"])
                row["unit_asal"] = who.get("unit_asal")
                row["instansi_asal"] = who.get("instansi_asal")
                row["persetujuan"] = who.get("persetujuan") or None
            else:
                row["jenis"] = who["jenis"]
            rows.append(row)
    for i, row in enumerate(rows, start=1):
        row["no"] = i
    write_table(ws, 1, headers, rows)



# ---- real layouts (input-format.md version 2): D3.AS1

def siasn_name(nama: str) -> str:
    """A name as SIASN lists it: no titles (after the first comma, and the title words in front),
    upper case."""
    words = nama.split(",", 1)[0].split()
    while words and words[0].rstrip(".").lower() in ("dr", "drs", "dra", "ir", "prof", "h", "hj"):
        words = words[1:]
    return " ".join(words).upper()


def build_pegawai_siasn(ws, u: Unit):
    """Pegawai copied from SIASN: upper-case names without titles, Kedudukan Hukum."""
    headers = [("no", "No"), ("nip", "NIP"), ("id", "ID Pegawai"), ("nama", "Nama"), ("jenis", "Jenis Jabatan"),
               ("jabatan", "Nama Jabatan"), ("status", "Status Kepegawaian"), ("kedudukan", "Kedudukan Hukum")]
    people = [dict(u.head, status="PNS", id_pegawai=None)] + [p for p in u.people.values()
                                                                if not p.get("not_on_pegawai")]
    rows = [dict(no=i, nip=u.nip_cell(p), id=p.get("id_pegawai"), nama=siasn_name(p["nama"]), jenis=p["jenis"],
                 jabatan=p["jabatan"], status=p["status"], kedudukan="Aktif")
            for i, p in enumerate(people, start=1)]
    write_table(ws, 1, headers, rows)


def _title_block(ws, lines: list[str], ncols: int) -> None:
    for r, line in enumerate(lines, start=1):
        ws.cell(row=r, column=1, value=line).font = TITLE_FONT
        ws.cell(row=r, column=1).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)


def build_mph_real(ws, u: Unit):
    """The MPPH form: title block, three header rows (a merged "Target Kinerja", each target's
    Sasaran, its indicator text), no NIP, one row per result with No/Nama/Jabatan merged down."""
    s = u.s
    entries = u.mph_entries()
    fixed = ["No", "Nama", "Jabatan"]
    ncols = len(fixed) + len(s["pk"]) + 1
    _title_block(ws, ["MATRIKS PEMBAGIAN PERAN DAN HASIL", s["nama"].upper(), "TAHUN KINERJA 2025"], ncols)
    top = 5
    for i, text in enumerate(fixed + [None] * len(s["pk"]) + ["Keterangan"], start=1):
        if text:
            ws.cell(row=top, column=i, value=text)
            ws.merge_cells(start_row=top, start_column=i, end_row=top + 2, end_column=i)
    first_t = len(fixed) + 1
    ws.cell(row=top, column=first_t, value="Target Kinerja")
    ws.merge_cells(start_row=top, start_column=first_t, end_row=top, end_column=first_t + len(s["pk"]) - 1)
    for j, (_code, sasaran, indikator, _t, _s) in enumerate(s["pk"]):
        ws.cell(row=top + 1, column=first_t + j, value=sasaran)
        ws.cell(row=top + 2, column=first_t + j, value=indikator)
        ws.column_dimensions[get_column_letter(first_t + j)].width = 42
    for r in range(top, top + 3):
        style_header_row(ws, r, ncols)
        for c in range(1, ncols + 1):
            ws.cell(row=r, column=c).alignment = CENTER
    for col, width in (("A", 5), ("B", 30), ("C", 34)):
        ws.column_dimensions[col].width = width
    r = top + 3
    for n, p in enumerate(u.mph_people(), start=1):
        mine = entries[p["handle"]]
        first = r
        for code, texts in mine.items():
            for j, pk in enumerate(s["pk"]):
                cell = ws.cell(row=r, column=first_t + j, value="\n".join(texts) if pk[0] == code else "-")
                cell.alignment = WRAP if pk[0] == code else CENTER
            r += 1
        for c, value in enumerate((n, p["nama"], p["jabatan"]), start=1):
            ws.cell(row=first, column=c, value=value).alignment = WRAP
            if r - 1 > first:
                ws.merge_cells(start_row=first, start_column=c, end_row=r - 1, end_column=c)


DECREE_KEDUDUKAN = {"Pengarah": "Penanggung Jawab", "Ketua": "Ketua merangkap Anggota"}


def build_anggota_decree(ws, u: Unit):
    """The decree annex: No | Nama/NIP | Jabatan | Kedudukan dalam Tim | Uraian Tugas | Output,
    column numbers under the header, a section row per Pokja, no Kode Pokja, the Pengarah
    merged down, numbered Anggota."""
    s = u.s
    headers = ["No", "Nama/NIP", "Jabatan", "Kedudukan dalam Tim", "Uraian Tugas", "Output"]
    ncols = len(headers)
    _title_block(ws, [f"LAMPIRAN KEPUTUSAN {s['head']['jabatan'].upper()}", f"NOMOR {s['sk']['nomor']}",
                      "TENTANG PEMBENTUKAN KELOMPOK KERJA TAHUN 2025"], ncols)
    top = 5
    for c, text in enumerate(headers, start=1):
        ws.cell(row=top, column=c, value=text)
        ws.cell(row=top + 1, column=c, value=f"({c})").alignment = CENTER
    style_header_row(ws, top, ncols)
    for col, width in zip("ABCDEF", (5, 36, 34, 24, 50, 50)):
        ws.column_dimensions[col].width = width

    def who(nama, nip):
        return f"{nama}\nNIP. {fmt_nip(nip, 'spaced')}" if nip else nama

    r = top + 2
    for g, p in enumerate(s["pokja"]):
        ws.cell(row=r, column=1, value=f"{'ABCDEFGH'[g]}. {p['nama'].upper()}").font = HEADER_FONT
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        r += 1
        rows = [(who(u.madya["nama"], u.madya["nip"]), u.madya["unit"].replace("Bidang Koordinasi", "Bidang"),
                 "Pengarah", "Memberikan arahan strategis dan menerima hasil pelaksanaan tugas Pokja",
                 f"Terlaksananya arahan strategis {p['nama']}"),
                (who(u.head["nama"], u.head["nip"]), u.head["jabatan"], "Pengarah",
                 "Memberikan arahan, memantau, dan mengevaluasi pelaksanaan tugas Pokja",
                 f"Terlaksananya evaluasi hasil {p['nama']}")]
        for m in s["anggota"]:
            if m["pokja"] == p["kode"]:
                person = u.people[m["who"]]
                rows.append((who(person["nama"], person.get("nip")), person["jabatan"], m["kedudukan"],
                             m["uraian"], m["output"]))
        first = r
        n_anggota = 0
        for i, (nama_nip, jabatan, ked, uraian, output) in enumerate(rows, start=1):
            shown = DECREE_KEDUDUKAN.get(ked, ked)
            if ked == "Anggota":
                n_anggota += 1
                shown = f"Anggota {n_anggota}"
            values = (i, nama_nip, jabatan, shown if r == first or ked != "Pengarah" else None, uraian, output)
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value).alignment = WRAP
            r += 1
        ws.merge_cells(start_row=first, start_column=4, end_row=first + 1, end_column=4)   # both Pengarah

def build_st(ws, u: Unit):
    headers = [(f, u.header("st", f, h)) for f, h in COLUMNS["st"]]
    rows = []
    for st in u.s["surat_tugas"]:
        who = u.people[st["who"]]
        target = int(st["target"]) if u.s["layout"].get("pk_numeric") else st["target"]
        rows.append(dict(nomor=st["nomor"], tanggal=u.date(st["tanggal"]), nip=u.nip_cell(who), nama=who["nama"],
                         kode_target=target, uraian=st["uraian"], output=st["output"]))
    write_table(ws, 1, headers, rows)


def build_workbook(spec: dict) -> Workbook:
    u = Unit(spec)
    wb = Workbook()
    sh = spec["sheets"]
    ws = wb.active
    ws.title = sh["unit"]
    build_unit_sheet(ws, u)
    build_pk(wb.create_sheet(sh["pk"]), u)
    lay = spec["layout"]
    (build_pegawai_siasn if lay.get("pegawai") == "siasn" else build_pegawai)(wb.create_sheet(sh["pegawai"]), u)
    mph = wb.create_sheet(sh["mph"])
    if lay["mph"] == "long":
        build_mph_long(mph, u)
    elif lay["mph"] == "real":
        build_mph_real(mph, u)
    else:
        build_mph_matrix(mph, u)
    build_pokja(wb.create_sheet(sh["pokja"]), u)
    (build_anggota_decree if lay.get("anggota") == "decree" else build_anggota)(wb.create_sheet(sh["anggota"]), u)
    if spec.get("surat_tugas"):
        build_st(wb.create_sheet(sh.get("st", "Surat Tugas")), u)
    props = wb.properties
    props.creator = "cek-pokja (contoh)"
    props.lastModifiedBy = "cek-pokja (contoh)"
    props.title = f"Contoh workbook Pokja {u.kode} {spec['nama']} (data fiktif)"
    props.subject = "Contoh data fiktif untuk cek-pokja"
    props.description = FIKTIF
    props.keywords = "data fiktif; contoh; Pokja; Permenko Perekonomian 1/2025"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


class _FixedTimeZip(zipfile.ZipFile):
    """Zip entries with a fixed timestamp, so that the same workbook gives the same bytes."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        return super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes worksheets from temporary files: store their bytes with the fixed time
        with open(filename, "rb") as fh:
            data = fh.read()
        return self.writestr(arcname or os.path.basename(filename), data)


def save_reproducible(wb: Workbook, path: Path) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME  # openpyxl's own save() would stamp the current time
    tmp = path.with_name(path.name + ".part")
    with _FixedTimeZip(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    os.replace(tmp, path)


# The columns of a SIASN employee export, in its order (67; the checker reads nip_baru, nama,
# jenis_jabatan_nama, jabatan_nama and unor_nama, and ignores the others).
SIASN_COLUMNS = (
    "pns_id", "nip_baru", "nip_lama", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir_id",
    "tempat_lahir_nama", "tanggal_lahir", "jenis_kelamin", "agama_id", "agama_nama", "email", "nik", "alamat",
    "nomor_hp", "nomor_telpon", "jenis_pegawai_id", "jenis_pegawai_nama", "kedudukan_hukum_id",
    "kedudukan_hukum_nama", "status_cpns_pns", "kartu_pegawai", "nomor_sk_cpns", "tanggal_sk_cpns", "tmt_cpns",
    "nomor_sk_pns", "tanggal_sk_pns", "tmt_pns", "gol_awal_id", "gol_awal_nama", "gol_id", "gol_nama",
    "tmt_golongan", "mk_tahun", "mk_bulan", "jenis_jabatan_id", "jenis_jabatan_nama", "jabatan_id",
    "jabatan_nama", "tmt_jabatan", "tingkat_pendidikan_id", "tingkat_pendidikan_nama", "pendidikan_id",
    "pendidikan_nama", "tahun_lulus", "kpkn_id", "kpkn_nama", "lokasi_kerja_id", "lokasi_kerja_nama", "unor_id",
    "unor_nama", "instansi_induk_id", "instansi_induk_nama", "instansi_kerja_id", "instansi_kerja_nama",
    "satuan_kerja_induk_id", "satuan_kerja_induk_nama", "satuan_kerja_kerja_id", "satuan_kerja_kerja_nama",
    "is_valid_nik", "flag_ikd", "tmt_pensiun", "bup", "tanggal_update", "npwp", "bpjs")
SIASN_JENIS = {"Fungsional": "Jabatan Fungsional Tertentu", "JF": "Jabatan Fungsional Tertentu",
               "Jabatan Fungsional": "Jabatan Fungsional Tertentu", "Pelaksana": "Jabatan Pelaksana",
               "Administrator": "Jabatan Administrator", "Pengawas": "Jabatan Pengawas"}
# pipe-delimited text; named .txt so that `cek-pokja check samples/` does not report it as a unit file
ROSTER_FILE = "roster/pegawai-siasn.txt"


def siasn_roster() -> bytes:
    """Every sample unit's employees with a NIP as SIASN exports them: pipe-delimited UTF-8 with a
    byte-order mark, lower-case headers, NIPs with a leading apostrophe, `-` and `0000-00-00` for
    empty values, names upper case without titles."""
    lines = ["|".join(SIASN_COLUMNS)]
    seen = set()
    n = 0
    for spec in UNITS:
        u = Unit(spec)
        people = [dict(u.head, status="PNS")] + [p for p in u.people.values() if not p.get("not_on_pegawai")]
        for p in people:
            if not p.get("nip") or p["nip"] in seen:
                continue
            seen.add(p["nip"])
            n += 1
            rec = dict.fromkeys(SIASN_COLUMNS, "-")
            rec.update(pns_id=f"A8ACA7{n:04d}", nip_baru="'" + p["nip"], nip_lama="-", nama=siasn_name(p["nama"]),
                       gelar_belakang=p["nama"].split(",", 1)[1].strip() if "," in p["nama"] else "-",
                       tanggal_lahir=f"{p['nip'][6:8]}-{p['nip'][4:6]}-{p['nip'][:4]}", tmt_pensiun="0000-00-00",
                       jenis_pegawai_nama=p["status"], kedudukan_hukum_nama="Aktif",
                       jenis_jabatan_nama="Jabatan Struktural" if p is people[0] else SIASN_JENIS.get(
                           p["jenis"], "Jabatan Pelaksana"),
                       jabatan_nama=p["jabatan"], unor_id=f"8ae483a7{u.kode}", unor_nama=spec["nama"],
                       instansi_induk_nama=INSTANSI, instansi_kerja_nama=INSTANSI)
            lines.append("|".join(rec[c] for c in SIASN_COLUMNS))
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --------------------------------------------------------------------------------------
# D2.AS2: a unit kept the way a real office keeps it (input-format.md version 3)
# --------------------------------------------------------------------------------------
# Sheets named as annexes and with their year (the MPH also has last year's copy beside it,
# which the Tahun Kinerja sets aside), the member list on a sheet named only "Lampiran"
# (found by its columns), the Unit sheet as a form with numbered labels, tables off column A
# under title blocks, column numbers, an SK group header with generic sub-headers, Pokja
# banners numbered 1., 2., 3. with role sub-headings, numbered empty template rows, a total
# row, notes and footnotes, signature blocks, a hidden column, a side note, NIPs with
# non-breaking spaces. Two findings are planted: an empty Output (A04) and a member row
# pasted under the decree's signature, which the reader cannot place (one D05).

OFFICE_FILE = "d2-as2-perkebunan.xlsx"
EXPECTED[OFFICE_FILE] = [
    ("A04", "PB-02: Output Nurul Aini, S.P. (Anggota) kosong pada lampiran SK"),
    ("D05", "lampiran SK, baris 39: salinan baris anggota (Citra Kirana) di bawah tanda tangan tidak dapat "
            "ditempatkan dan tidak dibaca"),
]

UNITS.append(dict(
    file=OFFICE_FILE,
    kode="D2.AS2", deputi="D2",
    nama="Asisten Deputi Pengembangan Agribisnis Perkebunan",
    head=P("head", "Ir. Gunawan Hadisaputra, M.Agr.", 1, "JPT Pratama",
           "Asisten Deputi Pengembangan Agribisnis Perkebunan"),
    head_on_pegawai=True, pola="A",
    layout=dict(unit="office", mph="office", dates="excel", nip="plain"),
    sheets=dict(unit="Identitas Unit", pk="Lampiran I PK 2025", pegawai="Lampiran II Pegawai", mph="MPH 2025",
                mph_old="MPH 2024", pokja="Pokja (TA 2025)", anggota="Lampiran"),
    builder="office",
    pk=[
        ("PK-01", "Meningkatnya daya saing komoditas kelapa sawit berkelanjutan",
         "Persentase rekomendasi kebijakan kelapa sawit berkelanjutan yang ditindaklanjuti", "80%", "Persen"),
        ("PK-02", "Meningkatnya produktivitas kopi dan kakao rakyat",
         "Jumlah rekomendasi kebijakan peremajaan kopi dan kakao rakyat", "3", "Rekomendasi"),
        ("PK-03", "Terpantaunya hilirisasi komoditas perkebunan",
         "Persentase provinsi sentra yang terpantau capaian hilirisasinya", "90%", "Persen"),
        ("PK-04", "Terwujudnya akuntabilitas kinerja unit", "Nilai SAKIP unit", "80", "Nilai"),
    ],
    pegawai=[
        P("citra", "Citra Kirana, S.P., M.Si.", 2, "Fungsional", "Analis Kebijakan Ahli Madya"),
        P("bagus", "Bagus Setiawan, S.E., M.E.", 1, "Fungsional", "Analis Kebijakan Ahli Muda"),
        P("nurul", "Nurul Aini, S.P.", 2, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("hadi", "Hadi Prasetyo, S.TP.", 1, "Fungsional", "Analis Kebijakan Ahli Pertama"),
        P("rika", "Rika Amelia, S.Si.", 2, "Fungsional", "Statistisi Ahli Pertama", "PPPK"),
        P("dimas", "Dimas Aryo Wibowo, S.E.", 1, "Fungsional", "Perencana Ahli Muda"),
        P("lusi", "Lusiana Putri, A.Md.", 2, "Fungsional", "Pengelola Keuangan APBN Mahir"),
        P("arif", "Arif Rachman", 1, "Pelaksana", "Pengadministrasi Perkantoran"),
        P("yuli", "Yuliani", 2, "Tenaga Pendukung", "Pramu Bakti", "PPNPN", "PPNPN-112"),
    ],
    outsiders=[],
    sk=dict(nomor="KEP-9/D.II.2/01/2025", tanggal=dt.date(2025, 1, 20), konsultasi=dt.date(2025, 1, 15),
            mulai=dt.date(2025, 1, 20), selesai=dt.date(2025, 12, 31)),
    pokja=[
        dict(kode="PB-01", nama="Pokja Kelapa Sawit Berkelanjutan", jenis="Substansi", target="PK-01",
             tugas="Menyusun rekomendasi kebijakan tata kelola dan sertifikasi kelapa sawit berkelanjutan."),
        dict(kode="PB-02", nama="Pokja Kopi, Kakao, dan Hilirisasi", jenis="Substansi", target="PK-02, PK-03",
             tugas="Menyusun rekomendasi peremajaan kopi dan kakao rakyat serta memantau hilirisasi perkebunan."),
        dict(kode="PB-03", nama="Pokja Dukungan Teknis dan Administrasi", jenis="Dukungan Teknis dan Administrasi",
             target="PK-04", tugas="Melaksanakan perencanaan, keuangan, ketatausahaan, dan pelaporan kinerja unit."),
    ],
    anggota=[
        M("PB-01", "citra", "Ketua",
          "Memimpin penyusunan rekomendasi kebijakan kelapa sawit berkelanjutan",
          "Rekomendasi kebijakan sertifikasi kelapa sawit berkelanjutan (2 dokumen)"),
        M("PB-01", "hadi", "Anggota",
          "Menganalisis data sertifikasi dan produktivitas kebun sawit rakyat",
          "Kajian produktivitas kebun sawit rakyat"),
        M("PB-01", "rika", "Anggota",
          "Mengolah statistik ekspor produk turunan kelapa sawit",
          "Statistik triwulanan ekspor produk turunan sawit"),
        M("PB-02", "bagus", "Ketua",
          "Memimpin penyusunan rekomendasi peremajaan kopi dan kakao serta pemantauan hilirisasi",
          "Rekomendasi kebijakan peremajaan kopi dan kakao rakyat (3 rekomendasi)"),
        M("PB-02", "nurul", "Anggota",
          "Memantau capaian hilirisasi perkebunan di provinsi sentra",
          None),                                                      # A04: Output left empty
        M("PB-02", "hadi", "Anggota",
          "Menyusun bahan rapat koordinasi peremajaan kakao",
          "Bahan rapat koordinasi peremajaan kakao", mph=["PK-02"]),
        M("PB-03", "dimas", "Ketua",
          "Mengoordinasikan penyusunan rencana kerja dan laporan kinerja unit",
          "Rencana Kerja dan Laporan Kinerja unit Tahun 2025"),
        M("PB-03", "lusi", "Anggota",
          "Mengelola pembayaran dan pertanggungjawaban keuangan unit",
          "Laporan pertanggungjawaban keuangan unit bulanan"),
        M("PB-03", "arif", "Sekretaris",
          "Menatausahakan persuratan dan agenda unit",
          "Agenda dan register surat unit"),
        M("PB-03", "yuli", "Anggota",
          "Menyiapkan ruang rapat dan penggandaan dokumen unit",
          "Ruang rapat dan dokumen unit siap digunakan"),
    ],
    late_copy="citra",              # her member row pasted again under the decree's signature (D05)
))


def _merge(ws, r0, c0, r1, c1):
    ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)


def _office_title(ws, lines: list[str], first_col: int, last_col: int, top: int = 1) -> int:
    """Title lines merged across the table; the next free row (after a blank one)."""
    for i, line in enumerate(lines):
        cell = ws.cell(row=top + i, column=first_col, value=line)
        cell.font = TITLE_FONT
        cell.alignment = CENTER
        _merge(ws, top + i, first_col, top + i, last_col)
    return top + len(lines) + 1


def _office_header(ws, row: int, first_col: int, names: list[str]) -> None:
    for c, text in enumerate(names, start=first_col):
        ws.cell(row=row, column=c, value=text)
    style_header_row(ws, row, len(names), first_col)


def _office_numbers(ws, row: int, first_col: int, n: int) -> None:
    for c in range(n):
        ws.cell(row=row, column=first_col + c, value=f"({c + 1})").alignment = CENTER


def _office_signature(ws, row: int, col: int, u: Unit, lines: list[str]) -> int:
    for i, line in enumerate(lines + [u.head["jabatan"].upper() + ",", "ttd", u.head["nama"],
                                      "NIP. " + fmt_nip(u.head["nip"], "spaced")]):
        ws.cell(row=row + i, column=col, value=line)
    return row + len(lines) + 4


def _office_unit_form(ws, u: Unit) -> None:
    """The identity sheet as a form: numbered labels, a colon cell, the value; the Tahun
    Kinerja in one cell; a `Nomor` line and a signature, whose labels name no field."""
    s = u.s
    ws.cell(row=1, column=1, value="IDENTITAS UNIT KERJA").font = TITLE_FONT
    _merge(ws, 1, 1, 1, 4)
    for c, v in enumerate(("Nomor", ":", "ND-7/D.II.2/01/2025"), start=2):
        ws.cell(row=2, column=c, value=v)
    fields = [("Kode Unit", u.kode), ("Nama Unit", s["nama"]), ("Unit JPT Madya", u.madya["unit"]),
              ("NIP JPT Pratama", fmt_nip(u.head["nip"], "plain")), ("Nama JPT Pratama", u.head["nama"]),
              ("NIP JPT Madya", fmt_nip(u.madya["nip"], "plain")), ("Nama JPT Madya", u.madya["nama"]),
              ("Pola Struktur", s["pola"]), ("Tahun Kinerja", None), ("Instansi", INSTANSI),
              ("Keterangan", FIKTIF)]
    r = 4
    for i, (label, value) in enumerate(fields, start=1):
        ws.cell(row=r, column=1, value=f"{i}.")
        if label == "Tahun Kinerja":
            ws.cell(row=r, column=2, value="Tahun Kinerja: 2025")
        else:
            ws.cell(row=r, column=2, value=label)
            ws.cell(row=r, column=3, value=":")
            cell = ws.cell(row=r, column=4, value=value)
            cell.number_format = "@"
        r += 1
    _office_signature(ws, r + 1, 4, u, ["Jakarta, 20 Januari 2025"])
    for col, width in zip("ABCD", (4, 24, 2, 60)):
        ws.column_dimensions[col].width = width


def _office_pk(ws, u: Unit) -> None:
    names = ["No", "Kode Target", "Sasaran", "Indikator Kinerja", "Target", "Satuan"]
    r = _office_title(ws, ["PERJANJIAN KINERJA TAHUN 2025", u.s["nama"].upper()], 1, len(names))
    _office_header(ws, r, 1, names)
    for i, row in enumerate(u.s["pk"], start=1):
        for c, v in enumerate((i,) + tuple(row), start=1):
            ws.cell(row=r + i, column=c, value=v)
    r += len(u.s["pk"]) + 2
    ws.cell(row=r, column=1, value="Keterangan:")
    ws.cell(row=r + 1, column=1, value="Target sesuai Perjanjian Kinerja yang ditandatangani 3 Januari 2025.")
    for col, width in zip("ABCDEF", (5, 12, 45, 60, 10, 14)):
        ws.column_dimensions[col].width = width


def _office_pegawai(ws, u: Unit) -> None:
    """From column B under a title block: column numbers, the ID Pegawai column hidden, NIPs
    with non-breaking spaces, a side note, then JUMLAH, notes and a signature."""
    names = ["No", "NIP", "ID Pegawai", "Nama", "Jenis Jabatan", "Nama Jabatan", "Status Kepegawaian",
             "Kedudukan Hukum"]
    first = 2
    r = _office_title(ws, ["DAFTAR PEGAWAI", u.s["nama"].upper(), "KEADAAN 31 JANUARI 2025"], first,
                      first + len(names) - 1, top=2)
    _office_header(ws, r, first, names)
    _office_numbers(ws, r + 1, first, len(names))
    people = [dict(u.head, status="PNS", id_pegawai=None)] + list(u.people.values())
    r += 2
    for i, p in enumerate(people, start=1):
        nip = p.get("nip")
        values = (i, f"{nip[:8]}\u00a0{nip[8:14]}\u00a0{nip[14]}\u00a0{nip[15:]}" if nip and i % 2 else nip,
                  p.get("id_pegawai"), p["nama"], p["jenis"], p["jabatan"], p["status"], "Aktif")
        for c, v in enumerate(values, start=first):
            cell = ws.cell(row=r, column=c, value=v)
            if c == first + 1:
                cell.number_format = "@"
        if i == 2:
            ws.cell(row=r, column=first + len(names) + 1, value="cek SK jabatan terbaru")    # a side note
        r += 1
    r += 1
    ws.cell(row=r, column=first, value="JUMLAH")
    ws.cell(row=r, column=first + 1, value=f"{len(people)} orang")
    r += 2
    for line in ("Keterangan:", "1. Data kepegawaian per 31 Januari 2025.",
                 "*) PPNPN tanpa NIP dikenali dengan ID Pegawai."):
        ws.cell(row=r, column=first, value=line)
        r += 1
    _office_signature(ws, r + 1, first + 5, u, ["Jakarta, 31 Januari 2025"])
    ws.column_dimensions["D"].hidden = True                       # ID Pegawai: hidden, still read
    for col, width in zip("BCEFGHI", (5, 24, 34, 18, 42, 16, 16)):
        ws.column_dimensions[col].width = width


def _office_mph(ws, u: Unit, year: int) -> None:
    """The MPH matrix under a title block and a merged "Target Kinerja" over the target codes,
    no NIP column, "-" where there is no role, a footnote. Last year's copy (`year` 2024)
    lists last year's staff and targets."""
    s = u.s
    pk = u.pk_codes if year == 2025 else ["PK-01", "PK-02", "PK-03"]
    fixed = ["No", "Nama", "Jabatan"]
    ncols = len(fixed) + len(pk) + 1
    r = _office_title(ws, ["MATRIKS PEMBAGIAN PERAN DAN HASIL", s["nama"].upper(), f"TAHUN KINERJA {year}"], 1, ncols)
    for c, text in enumerate(fixed, start=1):
        ws.cell(row=r, column=c, value=text)
        _merge(ws, r, c, r + 1, c)
    ws.cell(row=r, column=len(fixed) + 1, value="Target Kinerja")
    _merge(ws, r, len(fixed) + 1, r, len(fixed) + len(pk))
    for j, code in enumerate(pk):
        ws.cell(row=r + 1, column=len(fixed) + 1 + j, value=code)
    ws.cell(row=r, column=ncols, value="Keterangan")
    _merge(ws, r, ncols, r + 1, ncols)
    style_header_row(ws, r, ncols)
    style_header_row(ws, r + 1, ncols)
    r += 2
    if year == 2025:
        entries = u.mph_entries()
        rows = [(p["nama"], p["jabatan"], entries[p["handle"]]) for p in u.mph_people()]
    else:
        rows = [("Sutrisno Adi, S.P.", "Analis Kebijakan Ahli Muda", {"PK-01": ["Kajian tata niaga sawit 2024"]}),
                ("Bagus Setiawan, S.E., M.E.", "Analis Kebijakan Ahli Pertama",
                 {"PK-02": ["Bahan rapat kopi 2024"]})]
    for n, (nama, jabatan, mine) in enumerate(rows, start=1):
        for c, v in enumerate((n, nama, jabatan), start=1):
            ws.cell(row=r, column=c, value=v)
        for j, code in enumerate(pk):
            texts = mine.get(code)
            cell = ws.cell(row=r, column=len(fixed) + 1 + j, value="\n".join(texts) if texts else "-")
            cell.alignment = WRAP if texts else CENTER
        r += 1
    ws.cell(row=r + 1, column=1, value="*) Peran hasil mengacu pada Rencana Hasil Kerja pegawai.")
    for col, width in zip("ABC", (5, 32, 36)):
        ws.column_dimensions[col].width = width


def _office_pokja(ws, u: Unit) -> None:
    """A two-row header: `SK Penetapan` over `Nomor | Tanggal | Penandatangan`, `Konsultasi
    Ortala` over `Tanggal`, `Periode` over `Mulai | Selesai`; the other names merged down."""
    s, sk = u.s, u.s["sk"]
    top = ["No", "Kode Pokja", "Nama Pokja", "Jenis Pokja", "Kode Target", "Tugas Pokja"]
    groups = [("SK Penetapan", ["Nomor", "Tanggal", "Penandatangan"]), ("Konsultasi Ortala", ["Tanggal"]),
              ("Periode", ["Mulai", "Selesai"])]
    ncols = len(top) + sum(len(g[1]) for g in groups)
    r = _office_title(ws, ["DAFTAR KELOMPOK KERJA TAHUN 2025", s["nama"].upper()], 1, ncols)
    for c, text in enumerate(top, start=1):
        ws.cell(row=r, column=c, value=text)
        _merge(ws, r, c, r + 1, c)
    c = len(top) + 1
    for label, subs in groups:
        ws.cell(row=r, column=c, value=label)
        if len(subs) > 1:
            _merge(ws, r, c, r, c + len(subs) - 1)
        for k, sub in enumerate(subs):
            ws.cell(row=r + 1, column=c + k, value=sub)
        c += len(subs)
    style_header_row(ws, r, ncols)
    style_header_row(ws, r + 1, ncols)
    r += 2
    for i, p in enumerate(s["pokja"], start=1):
        values = (i, p["kode"], p["nama"], p["jenis"], p["target"], p["tugas"], sk["nomor"], sk["tanggal"],
                  fmt_nip(u.head["nip"], "plain"), sk["konsultasi"], sk["mulai"], sk["selesai"])
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "dd/mm/yyyy"
            elif c == 9:
                cell.number_format = "@"
        r += 1
    ws.cell(row=r + 1, column=1, value="Catatan: SK pembentukan Pokja ditetapkan dalam satu keputusan.")
    for col, width in zip("ABCDEF", (5, 10, 40, 30, 14, 60)):
        ws.column_dimensions[col].width = width


def _office_anggota(ws, u: Unit) -> None:
    """The decree's annex on a sheet named "Lampiran": title block, `No | Nama | NIP | Jabatan |
    Kedudukan dalam Tim | Uraian Tugas | Output`, column numbers, Pokja banners "1. POKJA ..."
    merged across the table, role sub-headings in the last Pokja, numbered empty rows, the
    signature, and one member row pasted again under it."""
    s = u.s
    names = ["No", "Nama", "NIP", "Jabatan", "Kedudukan dalam Tim", "Uraian Tugas", "Output"]
    ncols = len(names)
    r = _office_title(ws, [f"LAMPIRAN KEPUTUSAN {u.head['jabatan'].upper()}", f"NOMOR {s['sk']['nomor']}",
                           "TENTANG PEMBENTUKAN KELOMPOK KERJA TAHUN 2025"], 1, ncols)
    _office_header(ws, r, 1, names)
    _office_numbers(ws, r + 1, 1, ncols)
    r += 2
    pasted = None
    for g, p in enumerate(s["pokja"], start=1):
        ws.cell(row=r, column=1, value=f"{g}. {p['nama'].upper()}").font = HEADER_FONT
        _merge(ws, r, 1, r, ncols)
        r += 1
        rows = [("Pengarah", u.madya["nama"], u.madya["nip"], u.madya["unit"].replace("Bidang Koordinasi", "Bidang"),
                 "Penanggung Jawab", "Memberikan arahan strategis dan menerima hasil pelaksanaan tugas Pokja",
                 f"Terlaksananya arahan strategis {p['nama']}"),
                ("Pengarah", u.head["nama"], u.head["nip"], u.head["jabatan"], "Penanggung Jawab",
                 "Memberikan arahan, memantau, dan mengevaluasi pelaksanaan tugas Pokja",
                 f"Terlaksananya evaluasi hasil {p['nama']}")]
        n_anggota = 0
        for m in s["anggota"]:
            if m["pokja"] != p["kode"]:
                continue
            who = u.people[m["who"]]
            shown = "Ketua merangkap Anggota" if m["kedudukan"] == "Ketua" else m["kedudukan"]
            if m["kedudukan"] == "Anggota":
                n_anggota += 1
                shown = f"Anggota {n_anggota}"
            rows.append((m["kedudukan"], who["nama"], who.get("nip"), who["jabatan"], shown, m["uraian"],
                         m["output"]))
        roles = g == len(s["pokja"])
        seen = []
        for i, (role, nama, nip, jabatan, shown, uraian, output) in enumerate(rows, start=1):
            if roles and role not in seen:
                seen.append(role)
                ws.cell(row=r, column=2, value=f"{'abcd'[len(seen) - 1]}) {role}").font = HEADER_FONT
                r += 1
            values = (i, nama, fmt_nip(nip, "spaced") if nip else None, jabatan, shown, uraian, output)
            for c, v in enumerate(values, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v).alignment = WRAP
            if u.people.get(s.get("late_copy"), {}).get("nama") == nama and pasted is None:
                pasted = values
            r += 1
    for k in range(len(s["pokja"]) + 1, len(s["pokja"]) + 3):           # template rows left numbered
        ws.cell(row=r, column=1, value=k)
        r += 1
    r = _office_signature(ws, r + 1, 6, u, ["Ditetapkan di Jakarta", "pada tanggal 20 Januari 2025"])
    for c, v in enumerate(pasted, start=1):                              # D05: pasted under the signature
        if v is not None:
            ws.cell(row=r, column=c, value=v)
    for col, width in zip("ABCDEFG", (5, 34, 24, 36, 24, 50, 50)):
        ws.column_dimensions[col].width = width


def build_office_workbook(spec: dict) -> Workbook:
    """D2.AS2's workbook, as its office keeps it."""
    u = Unit(spec)
    sh = spec["sheets"]
    wb = Workbook()
    ws = wb.active
    ws.title = sh["unit"]
    _office_unit_form(ws, u)
    _office_pk(wb.create_sheet(sh["pk"]), u)
    _office_pegawai(wb.create_sheet(sh["pegawai"]), u)
    _office_mph(wb.create_sheet(sh["mph"]), u, 2025)
    _office_mph(wb.create_sheet(sh["mph_old"]), u, 2024)
    _office_pokja(wb.create_sheet(sh["pokja"]), u)
    _office_anggota(wb.create_sheet(sh["anggota"]), u)
    props = wb.properties
    props.creator = "cek-pokja (contoh)"
    props.lastModifiedBy = "cek-pokja (contoh)"
    props.title = f"Contoh workbook Pokja {u.kode} {spec['nama']} (data fiktif)"
    props.subject = "Contoh data fiktif untuk cek-pokja"
    props.description = FIKTIF
    props.keywords = "data fiktif; contoh; Pokja; Permenko Perekonomian 1/2025"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


BUILDERS = {"office": build_office_workbook}



def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    _NIPS.clear()
    for spec in UNITS:
        path = out / spec["file"]
        save_reproducible(BUILDERS.get(spec.get("builder"), build_workbook)(spec), path)
        print(f"{path}  ({spec['kode']}, {len(EXPECTED[spec['file']])} temuan yang diharapkan)")
    roster = out / ROSTER_FILE
    roster.parent.mkdir(parents=True, exist_ok=True)
    roster.write_bytes(siasn_roster())
    print(f"{roster}  (roster induk SIASN, CSV)")
    assert set(EXPECTED) == {u["file"] for u in UNITS}
    return 0


if __name__ == "__main__":
    sys.exit(main())
