"""Texts of the self-check loop: the comparison with an earlier run, waivers, the template."""
from __future__ import annotations

TEXTS = {
    "compare.sheet": ("Perubahan", "Changes"),
    "compare.status": ({"new": "Baru", "still_open": "Tetap", "resolved": "Selesai"},
                       {"new": "New", "still_open": "Still open", "resolved": "Resolved"}),
    "compare.header": (("Status", "Kode Unit", "Aturan", "Tingkat", "Uraian", "Kode Pokja", "NIP", "Nama",
                        "Kode Target", "Berkas", "Sheet", "Baris", "Kolom", "Sidik jari"),
                       ("Status", "Unit Code", "Rule", "Severity", "Description", "Pokja Code", "NIP", "Name",
                        "Target Code", "File", "Sheet", "Row", "Column", "Fingerprint")),
    "compare.not_found": ("Berkas pembanding {path} tidak dapat dibuka; periksa nama berkas dan izin membacanya.",
                          "The comparison file {path} cannot be opened; check its name and that it may be read."),
    "compare.not_findings": ("Berkas pembanding {path} bukan JSON temuan maupun workbook temuan cek-pokja. Berikan "
                             "berkas yang ditulis pemeriksaan sebelumnya dengan --json atau -o.",
                             "The comparison file {path} is neither a cek-pokja findings JSON nor a findings "
                             "workbook. Give a file an earlier check wrote with --json or -o."),
    "compare.no_sheet": ("Workbook pembanding {path} tidak memuat sheet Temuan dengan kolom \"Sidik jari\"; berikan "
                         "workbook temuan yang ditulis cek-pokja (-o).",
                         "The comparison workbook {path} has no Findings sheet with a \"Fingerprint\" column; give "
                         "a findings workbook written by cek-pokja (-o)."),
    "waivers.columns": (("Tanggapan", "Alasan", "Disetujui oleh", "Berlaku sampai"),
                        ("Response", "Reason", "Approved by", "Valid until")),
    "waivers.fingerprint_column": ("Sidik jari", "Fingerprint"),
    "waivers.status_column": ("Status Pengecualian", "Waiver Status"),
    "waivers.findings_sheet": ("Temuan", "Findings"),
    "waivers.status.waived": ("Dikecualikan s.d. {date}", "Waived until {date}"),
    "waivers.status.expired": ("Pengecualian kedaluwarsa sejak {date}; temuan terbuka kembali",
                               "Waiver expired on {date}; the finding is open again"),
    "waivers.status.incomplete": ("Pengecualian belum lengkap ({missing}); temuan tetap terbuka",
                                  "Waiver incomplete ({missing}); the finding stays open"),
    "waivers.status.bad_date": ("Berlaku sampai tidak terbaca: \"{raw}\"", "Valid until unreadable: \"{raw}\""),
    "waivers.status.open": ("", ""),
    "waivers.status.not_requested": ("Bukan pengecualian: Tanggapan bukan {waive}; temuan tetap terbuka",
                                     "Not a waiver: the Response is not {waive}; the finding stays open"),
    "waivers.responses": (("Dikecualikan", "Akan diperbaiki", "Tidak setuju"), ("Waived", "Will fix", "Disagree")),
    "waivers.response_prompt": ("Pilih Dikecualikan (dengan Alasan, Disetujui oleh, Berlaku sampai), Akan "
                                "diperbaiki, atau Tidak setuju.",
                                "Choose Waived (with Reason, Approved by, Valid until), Will fix, or Disagree."),
    "waivers.unreadable": ("Workbook pengecualian {path} bukan workbook Excel (.xlsx) yang dapat dibaca. Berikan "
                           "workbook temuan yang ditulis cek-pokja (-o) dengan kolom pengecualian yang telah diisi.",
                           "The waivers workbook {path} is not an Excel workbook (.xlsx) that can be read. Give a "
                           "findings workbook written by cek-pokja (-o) with its waiver columns filled in."),
    "waivers.no_sheet": ("Workbook pengecualian {path} tidak memuat sheet Temuan dengan kolom \"Sidik jari\"; "
                         "gunakan workbook temuan yang dibuat cek-pokja (versi yang menulis kolom tersebut).",
                         "The waivers workbook {path} has no Temuan/Findings sheet with a \"Fingerprint\" column; "
                         "use a findings workbook written by cek-pokja (a version that writes that column)."),
    "waivers.no_columns": ("Sheet Temuan pada {path} tidak memuat kolom Tanggapan, Alasan, Disetujui oleh, "
                           "Berlaku sampai.",
                           "The Findings sheet of {path} has none of the columns Response, Reason, Approved by, "
                           "Valid until."),
    "template.general": (("Petunjuk pengisian workbook Pokja unit (Permenko Perekonomian Nomor 1 Tahun 2025 "
                          "tentang Mekanisme Kerja).",
                          "Jangan mengubah nama sheet dan nama kolom pada baris 1 (baris nama kolom); kolom "
                          "tambahan di kanan boleh dan diabaikan.",
                          "Nama kolom berlatar hijau wajib diisi sejak tahap rancangan; yang berlatar abu-abu wajib "
                          "sejak tahap tertentu, bila diperlukan, atau tidak wajib (lihat tabel kolom di bawah).",
                          "Baris 2 setiap sheet adalah CONTOH (huruf abu-abu miring, sel pertama diawali "
                          "\"CONTOH:\"): diabaikan pemeriksa. Isi data mulai baris 3; baris contoh boleh dihapus "
                          "atau ditimpa.",
                          "NIP diketik sebagai teks 18 angka (kolom NIP sudah berformat teks); jangan menyalinnya "
                          "sebagai angka.",
                          "Tanggal diisi sebagai tanggal Excel atau teks seperti 20/01/2025 atau 20 Januari 2025 "
                          "(hari dahulu).",
                          "Kolom berdaftar pilihan (Jenis Jabatan, Kedudukan, Jenis Pokja, Cara Penugasan, Pola "
                          "Struktur) menampilkan nilai baku; sinonim yang diterima tercantum di bawah.",
                          "Beberapa kode dalam satu sel dipisah koma, titik koma atau baris baru.",
                          "Berkas dalam tata letak aslinya juga diterima: MPH/MPPH berjudul, berjudul kolom teks "
                          "Indikator Kinerja dan tanpa NIP; lampiran SK dengan sel Nama/NIP, baris bagian "
                          "(A. POKJA ...), sel gabungan dan tanpa Kode Pokja; roster SIASN dalam CSV. Rinciannya: "
                          "docs/format-workbook.md.",
                          "Kolom wajib bergantung pada tahap: rancangan (draf SK), penetapan (SK ditetapkan, "
                          "bawaan), evaluasi (akhir tahun). Periksa dengan: cek-pokja check <berkas>.xlsx --tahap "
                          "rancangan"),
                         ("How to fill in the unit Pokja workbook (Permenko Perekonomian Nomor 1 Tahun 2025 on "
                          "the work mechanism).",
                          "Do not rename the sheets or the column names on row 1 (the column-name row); extra "
                          "columns on the right are allowed and ignored.",
                          "Column names on green are required from the rancangan stage on; those on grey are "
                          "required from a later stage, when needed, or not at all (see the column table below).",
                          "Row 2 of every sheet is an EXAMPLE (grey italics, first cell starting with "
                          "\"CONTOH:\"): the checker ignores it. Enter data from row 3 on; the example row may be "
                          "deleted or typed over.",
                          "Type NIPs as 18-digit text (the NIP columns are formatted as text); never paste them "
                          "as numbers.",
                          "Dates: an Excel date or text such as 20/01/2025 or 20 Januari 2025 (day first).",
                          "Columns with a drop-down (Jenis Jabatan, Kedudukan, Jenis Pokja, Cara Penugasan, Pola "
                          "Struktur) offer the standard values; the accepted synonyms are listed below.",
                          "Several codes in one cell are separated by commas, semicolons or line breaks.",
                          "Files in their own real layout are accepted too: a titled MPH/MPPH with columns headed "
                          "by the Indikator Kinerja text and no NIP; a decree annex with Nama/NIP cells, section "
                          "rows (A. POKJA ...), merged cells and no Kode Pokja; a SIASN roster as CSV. Details: "
                          "docs/format-workbook.md.",
                          "Which columns are required depends on the stage: rancangan (draft SK), penetapan (SK "
                          "set, default), evaluasi (year end). Check with: cek-pokja check <file>.xlsx --tahap "
                          "rancangan")),
    "template.sheet": ("Sheet", "Sheet"),
    "template.basis": ("Dasar", "Basis"),
    "template.guide": ("Cara mengisi", "How to fill in"),
    "template.column": ("Kolom", "Column"),
    "template.required": ("Wajib", "Required"),
    "template.kind": ("Isian", "Value"),
    "template.aliases": ("Nama lain yang diterima", "Accepted other names"),
    "template.sheets": ("Isi setiap sheet", "What each sheet holds"),
    "template.columns": ("Kolom setiap sheet", "Columns of each sheet"),
    "template.vocab": ("Daftar pilihan", "Drop-down lists"),
    "template.nip_note": ("* boleh kosong untuk tenaga pendukung tanpa NIP (isi ID Pegawai atau Nama).",
                          "* may be empty for support staff without a NIP (fill in ID Pegawai or Nama)."),
    "template.value": ("Nilai baku", "Standard value"),
    "template.synonyms": ("Sinonim yang diterima", "Accepted synonyms"),
    "template.optional_sheet": (" (opsional)", " (optional)"),
    "template.req": ({"rancangan": "ya",
                      "penetapan": "sejak penetapan",
                      "evaluasi": "pada evaluasi",
                      "conditional": "bila diperlukan",
                      None: "tidak"},
                     {"rancangan": "yes",
                      "penetapan": "from penetapan",
                      "evaluasi": "at evaluasi",
                      "conditional": "when needed",
                      None: "no"}),
    "template.kinds": ({"text": "teks",
                        "nip": "NIP (teks 18 angka)",
                        "date": "tanggal",
                        "code": "kode",
                        "codes": "satu atau lebih kode",
                        "year": "tahun (4 angka)",
                        "vocab": "pilihan: "},
                       {"text": "text",
                        "nip": "NIP (18-digit text)",
                        "date": "date",
                        "code": "code",
                        "codes": "one or more codes",
                        "year": "year (4 digits)",
                        "vocab": "one of: "}),
    "template.guide.unit": ("Identitas unit kerja JPT Pratama pemilik kinerja: satu baris data di bawah baris "
                            "contoh. Kode Unit harus unik di seluruh pemeriksaan (mis. D1.AS1). Isi NIP dan nama "
                            "JPT Pratama dan JPT Madya; NIP Plt diisi bila SK ditandatangani pelaksana tugas. "
                            "Pola Struktur A bila Pejabat Fungsional dan Pelaksana langsung di bawah JPT Pratama, "
                            "B bila di bawah Administrator (kosong = A).",
                            "Identity of the JPT Pratama unit that owns the performance agreement: one data row "
                            "under the example row. Kode Unit must be unique across a check (e.g. D1.AS1). Fill "
                            "in the NIP and name of the JPT Pratama and JPT Madya; NIP Plt when an acting head "
                            "signed the SK. Pola Struktur A when functional officials and executors report "
                            "directly to the JPT Pratama, B when they report to an Administrator (empty = A)."),
    "template.guide.pk": ("Target kinerja dalam Perjanjian Kinerja (PK) JPT Pratama tahun ini: satu baris per "
                          "target. Kode Target unik dalam unit (mis. PK-01); kode inilah yang dirujuk sheet MPH, "
                          "Pokja dan Surat Tugas.",
                          "The targets of the JPT Pratama's performance agreement (PK) for the year: one row per "
                          "target. Kode Target is unique within the unit (e.g. PK-01); the MPH, Pokja and Surat "
                          "Tugas sheets refer to these codes."),
    "template.guide.pegawai": ("Seluruh pegawai unit: Pejabat Fungsional, Pelaksana, Administrator, Pengawas dan "
                               "tenaga pendukung (boleh juga JPT Pratama). Satu baris per orang. NIP 18 angka "
                               "diketik sebagai teks; tenaga pendukung tanpa NIP diisi ID Pegawai.",
                               "Every employee of the unit: functional officials, executors, Administrators, "
                               "Supervisors and support staff (the JPT Pratama may be listed). One row per "
                               "person. Type the 18-digit NIP as text; support staff without a NIP get an ID "
                               "Pegawai."),
    "template.guide.mph": ("Matriks Peran dan Hasil (MPH) seluruh pegawai, termasuk tenaga pendukung: satu baris "
                           "per pegawai per target PK, dengan peran/hasil pegawai itu untuk target tersebut. "
                           "(Bentuk matriks resmi, satu kolom per target, juga diterima pemeriksa.)",
                           "The role-and-result matrix (MPH) of every employee, support staff included: one row "
                           "per employee and PK target, with that employee's role/result for the target. (The "
                           "official matrix form, one column per target, is accepted by the checker too.)"),
    "template.guide.pokja": ("Satu baris per Pokja sesuai SK: paling sedikit satu Pokja Substansi dan tepat satu "
                             "Pokja Dukungan Teknis dan Administrasi (Lampiran II.D.2). Kode Target: satu atau "
                             "lebih kode PK yang ditangani, dipisah koma. Tugas Pokja menjabarkan pelaksanaan PK. "
                             "Nomor/Tanggal SK, penandatangan dan tanggal konsultasi dengan unit organisasi dan "
                             "tata laksana wajib sejak tahap penetapan (Lampiran II.D.5); tanggal persetujuan "
                             "rencana kerja, laporan dan penerimaan JPT Madya wajib pada tahap evaluasi (Lampiran "
                             "II.B.1.c, II.B.2.c, II.B.3).",
                             "One row per Pokja as set in its SK: at least one Substansi Pokja and exactly one "
                             "Dukungan Teknis dan Administrasi Pokja (Lampiran II.D.2). Kode Target: one or more "
                             "PK codes it serves, separated by commas. Tugas Pokja spells out how it carries out "
                             "the PK. SK number/date, signer and the date of consultation with the organisation "
                             "and procedures unit are required from the penetapan stage (Lampiran II.D.5); "
                             "work-plan approval, report and JPT Madya acceptance dates at the evaluasi stage "
                             "(Lampiran II.B.1.c, II.B.2.c, II.B.3)."),
    "template.guide.anggota": ("Satu baris per orang per Pokja. Susunan: Pengarah (JPT Madya dan JPT Pratama), "
                               "Ketua, bila perlu Wakil Ketua/Sekretaris, dan Anggota (Lampiran II.D.4). Setiap "
                               "anggota wajib memiliki Uraian Tugas dan Output yang jelas dan berbeda (Pasal 2 ayat "
                               "(6) huruf c). Anggota dari unit/instansi lain: isi Kode Unit Asal/Instansi Asal, "
                               "Jenis Jabatan dan Nomor Persetujuan Pimpinan (Lampiran II.C.2.c); pada tahap "
                               "evaluasi juga Tanggal Rekomendasi Penilaian (Lampiran II.C.6).",
                               "One row per person per Pokja. Composition: Pengarah (JPT Madya and JPT Pratama), "
                               "Ketua, if needed Wakil Ketua/Sekretaris, and Anggota (Lampiran II.D.4). Every "
                               "member needs a clear, distinct Uraian Tugas and Output (Pasal 2 ayat (6) huruf "
                               "c). Members from another unit/instansi: fill in Kode Unit Asal/Instansi Asal, "
                               "Jenis Jabatan and Nomor Persetujuan Pimpinan (Lampiran II.C.2.c); at the evaluasi "
                               "stage also Tanggal Rekomendasi Penilaian (Lampiran II.C.6)."),
    "template.guide.surat_tugas": ("Penugasan individu dengan Surat Tugas (opsional): satu baris per orang per "
                                   "surat tugas, dengan kode target PK yang dikerjakan.",
                                   "Individual assignments by Surat Tugas (optional): one row per person per "
                                   "letter, with the PK target codes worked on."),
    "template.note.anggota.jenis_jabatan": ("untuk anggota dari luar unit", "for members from outside the unit"),
    "template.note.anggota.nomor_persetujuan_pimpinan": ("sejak penetapan, untuk anggota dari luar unit",
                                                         "from penetapan, for members from outside the unit"),
    "template.note.anggota.tanggal_rekomendasi_penilaian": ("pada evaluasi, untuk anggota dari unit lain di "
                                                            "instansi ini",
                                                            "at evaluasi, for members from another unit of this "
                                                            "instansi"),
    "template.exists": ("Berkas {path} sudah ada; pilih nama lain dengan -o atau tambahkan --force untuk "
                        "menimpanya.",
                        "The file {path} already exists; choose another name with -o or add --force to replace it."),
}
TEXTS.update({
    "compare.summary": ("Dibandingkan dengan {name}{when}: {new} baru, {still_open} tetap, {resolved} selesai.",
                        "Compared with {name}{when}: {new} new, {still_open} still open, {resolved} resolved."),
    "compare.head.resolved": ("Selesai:", "Resolved:"),
    "compare.head.new": ("Baru:", "New:"),
    "compare.more": ("  ... dan {n} lainnya (sheet Perubahan)", "  ... and {n} more (sheet Changes)"),
    "compare.scope": ("({n} temuan sebelumnya dari unit yang kini tidak diperiksa tidak dibandingkan.)",
                      "({n} earlier findings of units not checked now were left out.)"),
    "waivers.summary": ("Pengecualian: {waived} berlaku (tidak dihitung), {expired} kedaluwarsa, {incomplete} belum "
                        "lengkap, {stale} usang.",
                        "Waivers: {waived} waived (not counted), {expired} expired, {incomplete} incomplete, {stale} "
                        "stale."),
    "waivers.stale": ("  usang (tidak cocok lagi dengan temuan mana pun): baris {row} {rule} {unit}",
                      "  stale (matches no finding any more): row {row} {rule} {unit}"),
    # issue 13 point 5 (a FIFO or device as --compare / --waivers)
    "compare.not_a_file": ("Berkas pembanding {path} bukan berkas biasa (melainkan pipa/FIFO, perangkat, soket, "
                           "atau folder) sehingga tidak dibuka. Berikan JSON atau workbook temuan sebagai berkas "
                           "biasa.",
                           "The comparison file {path} is not a regular file (it is a pipe/FIFO, a device, a socket "
                           "or a folder), so it was not opened. Give the findings JSON or workbook as a plain file."),
    "waivers.not_a_file": ("Workbook pengecualian {path} bukan berkas biasa (melainkan pipa/FIFO, perangkat, "
                           "soket, atau folder) sehingga tidak dibuka. Berikan workbook temuan (.xlsx) sebagai "
                           "berkas biasa.",
                           "The waivers workbook {path} is not a regular file (it is a pipe/FIFO, a device, a "
                           "socket or a folder), so it was not opened. Give the findings workbook (.xlsx) as a "
                           "plain file."),
    # issue 22 (read as every input is read: bounded, in a reader worker)
    "compare.not_read": ("Berkas pembanding {path} tidak dapat dibaca: {why}",
                         "The comparison file {path} cannot be read: {why}"),
    "compare.too_many": ("Berkas pembanding {path} memuat {n} temuan; paling banyak {limit} temuan sebelumnya "
                         "yang dapat dibandingkan. Bandingkan per unit atau per folder.",
                         "The comparison file {path} holds {n} findings; at most {limit} earlier findings can be "
                         "compared. Compare unit by unit or folder by folder."),
    "waivers.not_read": ("Workbook pengecualian {path} tidak dapat dibaca: {why}",
                         "The waivers workbook {path} cannot be read: {why}"),
    "waivers.too_many": ("Workbook pengecualian {path} memuat {n} baris tanggapan; paling banyak {limit} yang "
                         "dapat dipakai. Berikan workbook temuan per unit.",
                         "The waivers workbook {path} holds {n} response rows; at most {limit} can be used. Give "
                         "the findings workbook of each unit."),
})
