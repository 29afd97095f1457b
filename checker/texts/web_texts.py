"""Texts of the web page (`cek-pokja serve`): the command, the pages, the API's errors."""
from __future__ import annotations

TEXTS = {
    # ------------------------------------------------------------------ the serve command
    "serve.help": ("Menjalankan halaman web pemeriksaan mandiri (unggah workbook, lihat temuan, unduh hasil) "
                   "dan API POST /api/check.",
                   "Runs the self-check web page (upload workbooks, see the findings, download the results) "
                   "and the POST /api/check API."),
    "serve.opt_host": ("Alamat yang didengarkan (bawaan 127.0.0.1: hanya komputer ini). Alamat lain memerlukan "
                       "--access-code.",
                       "Address to listen on (default 127.0.0.1: this computer only). Any other address needs "
                       "--access-code."),
    "serve.opt_port": ("Port yang didengarkan.", "Port to listen on."),
    "serve.opt_access_code": ("Kode akses yang diketik pengguna sekali (juga dari variabel lingkungan "
                              "CEK_POKJA_ACCESS_CODE); wajib bila --host bukan alamat lokal.",
                              "Access code users type once (also from the environment variable "
                              "CEK_POKJA_ACCESS_CODE); required when --host is not a local address."),
    "serve.opt_keep_minutes": ("Berapa menit unggahan dan hasil disimpan untuk diunduh sebelum dihapus.",
                               "How many minutes uploads and results are kept for download before they are "
                               "deleted."),
    "serve.opt_max_upload_mb": ("Batas ukuran satu unggahan (seluruh berkas sekaligus), dalam MB.",
                                "Size limit of one upload (all its files together), in MB."),
    "serve.opt_max_running": ("Jumlah pemeriksaan yang berjalan bersamaan (bawaan: jumlah inti prosesor).",
                              "Number of checks running at once (default: the number of processor cores)."),
    "serve.opt_max_waiting": ("Jumlah permintaan yang boleh menunggu giliran; selebihnya dijawab \"coba lagi\" "
                              "(HTTP 503).",
                              "Number of requests that may wait for a turn; beyond it the answer is \"try "
                              "again\" (HTTP 503)."),
    "serve.opt_wait_seconds": ("Paling lama berapa detik satu permintaan menunggu giliran.",
                               "How many seconds at most one request waits for a turn."),
    "serve.opt_allowed_host": ("Nama server yang dipakai pengguna untuk membuka halaman (mis. cek-pokja.intranet); "
                               "dapat diulang. Bila diberikan dan --host bukan alamat lokal, permintaan dengan nama "
                               "lain ditolak.",
                               "A name users open the page by (e.g. cek-pokja.intranet); may be repeated. When given "
                               "and --host is not local, a request naming any other host is refused."),
    "serve.missing_extra": ("Halaman web memerlukan paket tambahan yang belum terpasang ({missing}). Pasang "
                            "dengan:\n  python3 -m pip install 'cek-pokja[web]'",
                            "The web page needs extra packages that are not installed ({missing}). Install "
                            "them with:\n  python3 -m pip install 'cek-pokja[web]'"),
    "serve.need_code": ("--host {host} membuat halaman ini dapat dibuka dari komputer lain: tetapkan kode akses "
                        "dengan --access-code atau variabel lingkungan CEK_POKJA_ACCESS_CODE.",
                        "--host {host} makes this page reachable from other computers: set an access code with "
                        "--access-code or the environment variable CEK_POKJA_ACCESS_CODE."),
    "serve.listening": ("cek-pokja siap di {url} (hentikan dengan Ctrl+C). Unggahan dan hasil dihapus {minutes} "
                        "menit setelah pemeriksaan.",
                        "cek-pokja is ready at {url} (stop with Ctrl+C). Uploads and results are deleted {minutes} "
                        "minutes after each check."),
    "serve.port_busy": ("Port {port} pada {host} tidak dapat dipakai: {detail}. Pilih port lain dengan --port.",
                        "Cannot listen on port {port} of {host}: {detail}. Choose another port with --port."),
    "serve.stopped": ("cek-pokja berhenti; semua unggahan dan hasil telah dihapus.",
                      "cek-pokja stopped; every upload and result has been deleted."),

    # ------------------------------------------------------------------ layout
    "web.app_name": ("cek-pokja", "cek-pokja"),
    "web.tagline": ("Pemeriksaan mandiri Pokja terhadap Permenko Perekonomian Nomor 1 Tahun 2025",
                    "Pokja self-check against Permenko Perekonomian Nomor 1 Tahun 2025"),
    "web.skip": ("Langsung ke isi", "Skip to content"),
    "web.nav_label": ("Menu utama", "Main menu"),
    "web.nav_check": ("Periksa", "Check"),
    "web.nav_rules": ("Buku aturan", "Rule book"),
    "web.nav_template": ("Templat kosong", "Blank template"),
    "web.other_lang": ("English", "Bahasa Indonesia"),
    "web.other_lang_code": ("en", "id"),
    "web.footer": ("Berkas yang diunggah dan hasilnya disimpan di folder sementara server ini dan dihapus "
                   "{minutes} menit setelah pemeriksaan; tidak ada yang dicatat di log.",
                   "Uploaded files and their results stay in this server's temporary folder and are deleted "
                   "{minutes} minutes after the check; nothing is logged."),
    "web.footer_api": ("API: POST /api/check (uraian OpenAPI)", "API: POST /api/check (OpenAPI description)"),

    # ------------------------------------------------------------------ the upload form
    "web.index_title": ("Periksa workbook Pokja", "Check Pokja workbooks"),
    "web.index_intro": ("Pilih satu workbook unit (.xlsx atau .xlsm), atau beberapa workbook untuk pemeriksaan "
                        "beberapa unit sekaligus, dan bila ada rancangan SK pembentukan Pokja-nya (.docx), pilih "
                        "tahap, lalu tekan Periksa. Hasilnya menunjuk setiap sel dan setiap bagian SK yang perlu "
                        "diperbaiki, dengan dasar hukumnya.",
                        "Choose one unit workbook (.xlsx or .xlsm), or several for a small audit, and their draft "
                        "decrees forming the Pokja (.docx) if you have them, choose the stage and press Check. The "
                        "result points at every cell and every part of the decree to fix, with its legal basis."),
    "web.files_label": ("Workbook unit dan rancangan SK", "Unit workbooks and draft decrees"),
    "web.files_help": ("Seret berkas ke kotak ini atau klik untuk memilih: workbook (.xlsx, .xlsm) dan rancangan "
                       "SK (.docx, .docm), satu atau beberapa berkas, paling banyak {mb} MB sekaligus. Rancangan "
                       "SK dipasangkan dengan workbook unitnya menurut judul SK, atau menurut Kode Unit pada nama "
                       "berkasnya.",
                       "Drag files onto this box or click to choose: workbooks (.xlsx, .xlsm) and draft decrees "
                       "(.docx, .docm), one or more files, at most {mb} MB together. A draft decree is paired with "
                       "its unit's workbook by the decree's title, or by the Kode Unit in its file name."),
    "web.files_none": ("Belum ada berkas dipilih.", "No file chosen yet."),
    "web.files_chosen": ("Dipilih:", "Chosen:"),
    "web.stage_label": ("Tahap pemeriksaan", "Stage of the check"),
    "web.stage_rancangan": ("Rancangan: rancangan SK sebelum konsultasi (nomor, tanggal dan penetap SK belum "
                            "diwajibkan)",
                            "Rancangan (draft): the draft decree before consultation (number, date and signer not "
                            "yet required)"),
    "web.stage_penetapan": ("Penetapan: SK sudah ditetapkan (bawaan)", "Penetapan (set): the decree has been "
                            "issued (default)"),
    "web.stage_evaluasi": ("Evaluasi: monitoring dan evaluasi akhir tahun (juga persetujuan rencana kerja, "
                           "laporan, rekomendasi penilaian)",
                           "Evaluasi (year-end): the annual audit (also work-plan approval, reports, appraisal "
                           "recommendations)"),
    "web.roster_label": ("Roster induk (opsional)", "Master roster (optional)"),
    "web.roster_help": ("Ekspor SIASN untuk aturan lintas unit X01–X05 dan unit yang belum menyampaikan workbook "
                        "(X06).",
                        "The SIASN export, for the cross-unit rules X01–X05 and units that sent no workbook (X06)."),
    "web.earlier_label": ("Hasil pemeriksaan sebelumnya (opsional)", "An earlier check (optional)"),
    "web.earlier_help": ("Untuk pemeriksaan ulang setelah perbaikan: berikan workbook temuan (atau JSON temuan) "
                         "dari pemeriksaan sebelumnya.",
                         "For a check after corrections: give the findings workbook (or findings JSON) of the "
                         "earlier check."),
    "web.compare_label": ("Bandingkan dengan temuan sebelumnya (.xlsx atau .json)",
                          "Compare with earlier findings (.xlsx or .json)"),
    "web.compare_help": ("Setiap temuan ditandai baru atau masih ada, dan temuan yang sudah selesai diperbaiki "
                         "dicantumkan.",
                         "Each finding is marked new or still open, and the findings corrected since are listed."),
    "web.waivers_label": ("Pengecualian dari workbook temuan sebelumnya (.xlsx)",
                          "Waivers from an earlier findings workbook (.xlsx)"),
    "web.waivers_help": ("Baris sheet Temuan yang Tanggapan-nya \"Dikecualikan\" dan lengkap (alasan, disetujui "
                         "oleh, berlaku sampai) tidak dihitung; temuan itu tetap ditampilkan dan dihitung terpisah.",
                         "Rows of the Findings sheet whose Response is \"Waived\" and complete (reason, approved "
                         "by, valid until) are not counted; those findings are still shown, and counted apart."),
    "web.submit": ("Periksa", "Check"),
    "web.submitting": ("Sedang memeriksa…", "Checking…"),
    "web.template_hint": ("Belum memiliki workbook? Unduh templat kosong: sheet petunjuk, daftar pilihan, dan kolom "
                          "NIP berformat teks.",
                          "No workbook yet? Download the blank template: an instructions sheet, drop-down lists "
                          "and NIP columns formatted as text."),
    "web.privacy": ("Berkas hanya diperiksa di server ini dan dihapus setelah {minutes} menit.",
                    "Files are checked on this server only and deleted after {minutes} minutes."),

    # ------------------------------------------------------------------ the result page
    "web.result_title": ("Hasil pemeriksaan", "Results"),
    # issue 22: counts with their noun, singular or plural ("1 unit", "2 units"): (singular, plural)
    "web.result_meta": ("Tahap {stage}; {units} diperiksa dari {files}; {unreadable} tidak terbaca.",
                        "Stage {stage}; {units} checked from {files}; {unreadable} unreadable."),
    "web.n_findings": (("temuan", "temuan"), ("finding", "findings")),
    "web.expires": ("Hasil dan unduhan ini tersedia sampai pukul {time} lalu dihapus.",
                    "These results and downloads are available until {time}, then deleted."),
    "web.units_heading": ("Status per unit", "Status per unit"),
    "web.col_unit": ("Kode Unit", "Unit code"),
    "web.col_unit_name": ("Nama Unit", "Unit name"),
    "web.col_file": ("Berkas", "File"),
    "web.col_status": ("Status", "Status"),
    "web.col_error": ("Pelanggaran", "Errors"),
    "web.col_data_error": ("Kesalahan data", "Data errors"),
    "web.col_warning": ("Peringatan", "Warnings"),
    "web.col_info": ("Catatan", "Notes"),
    "web.status_unreadable": ("Tidak terbaca", "Unreadable"),
    "web.according_to": ("{unit} diperiksa menurut workbook dan rancangan SK {drafts}.",
                         "{unit} is checked according to its workbook and the draft decree {drafts}."),
    "web.drafts_heading": ("Rancangan SK", "Draft decrees"),
    "web.col_draft": ("Rancangan SK", "Draft decree"),
    "web.col_pairing": ("Dipasangkan dengan", "Paired with"),
    "web.draft_paired": ("{file} (unit {unit}; menurut {how})", "{file} (unit {unit}; by {how})"),
    "web.draft_alone": ("tidak ada workbook unitnya: diperiksa sendiri",
                        "no workbook of its unit: checked on its own"),
    "web.pairing.judul": ("judul SK", "the decree's title"),
    "web.pairing.nama_berkas": ("nama berkas", "the file name"),
    "web.draft_status.unreadable": ("Tidak terbaca", "Unreadable"),
    "web.draft_status.not_read": ("Tidak dibaca", "Not read"),
    "web.draft_status.not_a_decree": ("Bukan rancangan SK", "Not a decree"),
    "web.downloads": ("Unduhan", "Downloads"),
    "web.dl_workbook": ("Workbook temuan (.xlsx)", "Findings workbook (.xlsx)"),
    "web.dl_json": ("Temuan sebagai JSON", "Findings as JSON"),
    "web.dl_annotated": ("Salinan beranotasi {file}", "Annotated copy of {file}"),
    "web.dl_annotated_draft": ("Salinan beranotasi {file} (komentar Word pada bagian SK yang perlu diperbaiki)",
                               "Annotated copy of {file} (Word comments on the parts of the decree to correct)"),
    "web.handouts_heading": ("Lembar per unit", "One hand-out per unit"),
    "web.handouts_help": ("Satu workbook temuan untuk setiap unit, berisi temuan unit itu saja: untuk dikirim "
                          "kepada pimpinan unitnya.",
                          "One findings workbook for each unit, holding only that unit's findings: to send to the "
                          "head of that unit."),
    "web.dl_handout": ("Lembar unit {file}", "Hand-out {file}"),
    "web.dl_template": ("Templat kosong (.xlsx)", "Blank template (.xlsx)"),
    "web.findings_heading": ("Temuan pada {file}", "Findings in {file}"),
    "web.findings_other": ("Temuan lain", "Other findings"),
    "web.no_findings": ("Tidak ada temuan: workbook ini patuh pada tahap {stage}.",
                        "No findings: this workbook is compliant at the {stage} stage."),
    "web.no_findings_but_draft": ("Tidak ada temuan pada workbook ini; temuan pada rancangan SK unit ini tercantum di "
                                  "bawah.",
                                  "No findings in this workbook; the findings in this unit's draft decree are listed "
                                  "below."),
    "web.no_findings_draft": ("Tidak ada temuan pada rancangan SK ini pada tahap {stage}.",
                              "No findings in this draft decree at the {stage} stage."),
    "web.part_heading": ("Bagian SK: {part}", "Part of the decree: {part}"),
    "web.part.judul": ("Judul", "Title"),
    "web.part.nomor": ("Nomor", "Number"),
    "web.part.tentang": ("Tentang", "Subject"),
    "web.part.menimbang": ("Menimbang", "Menimbang (considerations)"),
    "web.part.mengingat": ("Mengingat", "Mengingat (legal bases)"),
    "web.part.diktum": ("Diktum", "Diktum (operative part)"),
    "web.part.lampiran": ("Lampiran", "Lampiran (annex)"),
    "web.part.penandatanganan": ("Penandatanganan", "Signature"),
    "web.part.dokumen": ("Seluruh dokumen", "The whole document"),
    "web.col_location": ("Lokasi di SK", "Location in decree"),
    "web.in_draft": ("Pada rancangan SK:", "In the draft decree:"),
    "web.in_workbook": ("Pada workbook ({where}):", "In the workbook ({where}):"),
    "web.empty": ("(kosong)", "(empty)"),
    "web.followup_heading": ("Dibandingkan dengan pemeriksaan sebelumnya", "Compared with the earlier check"),
    "web.compare_summary": ("Dibandingkan dengan {name}: {new} baru, {still_open} masih ada, {resolved} sudah "
                            "diperbaiki.",
                            "Compared with {name}: {new} new, {still_open} still open, {resolved} corrected."),
    "web.compare_scope": ("{n} temuan sebelumnya dari unit yang kini tidak diperiksa tidak dibandingkan.",
                          "{n} earlier findings of units not checked now are not compared."),
    "web.resolved_heading": ("Sudah diperbaiki sejak pemeriksaan sebelumnya", "Corrected since the earlier check"),
    "web.col_where": ("Berkas dan sel", "File and cell"),
    "web.change.new": ("Baru", "New"),
    "web.change.still_open": ("Masih ada", "Still open"),
    "web.waivers_summary": ("Pengecualian: {waived} dikecualikan (tidak dihitung), {expired} kedaluwarsa, "
                            "{incomplete} belum lengkap, {stale} tidak cocok dengan temuan mana pun.",
                            "Waivers: {waived} waived (not counted), {expired} expired, {incomplete} incomplete, "
                            "{stale} matching no finding."),
    "web.sheet_heading": ("Sheet {sheet}", "Sheet {sheet}"),
    "web.sheet_none": ("Seluruh berkas", "The whole file"),
    "web.col_cell": ("Sel", "Cell"),
    "web.col_rule": ("Aturan", "Rule"),
    "web.col_severity": ("Tingkat", "Severity"),
    "web.col_message": ("Uraian", "Description"),
    "web.col_fix": ("Saran perbaikan", "How to fix"),
    "web.cell_row": ("baris {row}", "row {row}"),
    "web.cell_sheet": ("seluruh sheet", "whole sheet"),
    "web.cell_file": ("—", "—"),
    "web.found": ("Nilai ditemukan:", "Value found:"),
    "web.who": ("Pokja {pokja}", "Pokja {pokja}"),
    "web.basis": ("Dasar hukum: {basis}", "Legal basis: {basis}"),
    "web.basis_data_name": ("pemeriksaan data", "data check"),     # the basis `data`, in "Dasar hukum: …"
    "web.basis_data": ("Aturan mutu data: menjaga agar workbook dapat diperiksa.",
                       "A data-quality rule: it keeps the workbook checkable."),
    "web.rule_link": ("Penjelasan aturan {rule}", "Explanation of rule {rule}"),
    "web.new_check": ("Periksa berkas lain", "Check another file"),
    "web.unreadable_heading": ("Berkas yang tidak terbaca", "Files that could not be read"),

    # ------------------------------------------------------------------ the rule book
    "web.rules_title": ("Buku aturan", "Rule book"),
    "web.rules_intro": ("{n} aturan. Setiap aturan memiliki ID tetap, tingkat, tahap sejak kapan berlaku, dan dasar "
                        "hukum yang dikutip kata demi kata; pilih ID untuk penjelasan lengkap dengan contoh.",
                        "{n} rules. Each has a fixed ID, a severity, the stage it runs from and its legal basis "
                        "quoted word for word; choose an ID for the full explanation with examples."),
    "web.col_id": ("ID", "ID"),
    "web.col_title": ("Nama aturan", "Rule"),
    "web.col_stages": ("Tahap", "Stages"),
    "web.col_basis": ("Dasar hukum", "Legal basis"),
    "web.rule_back": ("Kembali ke buku aturan", "Back to the rule book"),

    # ------------------------------------------------------------------ access code
    "web.login_title": ("Kode akses", "Access code"),
    "web.login_intro": ("Halaman ini dilindungi kode akses dari Biro Hukum dan Organisasi. Masukkan sekali; "
                        "browser ini mengingatnya selama {hours} jam.",
                        "This page is protected by an access code from the Biro Hukum dan Organisasi. Type it "
                        "once; this browser remembers it for {hours} hours."),
    "web.login_label": ("Kode akses", "Access code"),
    "web.login_submit": ("Masuk", "Enter"),

    # ------------------------------------------------------------------ errors (page and API)
    "web.error_title": ("Permintaan tidak dapat diproses", "The request could not be processed"),
    "web.busy_title": ("Server sedang sibuk", "The server is busy"),
    "web.retry": ("Coba lagi", "Try again"),
    "web.back": ("Kembali ke halaman pemeriksaan", "Back to the check page"),
    "web.err.too_large": ("Unggahan melebihi batas {mb} MB. Periksa lebih sedikit berkas sekaligus, atau minta "
                          "pengelola server menaikkan batasnya (--max-upload-mb).",
                          "The upload is larger than the {mb} MB limit. Check fewer files at once, or ask the "
                          "server's administrator to raise the limit (--max-upload-mb)."),
    "web.err.too_many_files": ("Paling banyak {n} berkas dalam satu pemeriksaan; untuk monitoring dan "
                               "evaluasi seluruh unit gunakan perintah cek-pokja check.",
                               "At most {n} files in one check; for an audit of every unit use the cek-pokja "
                               "check command."),
    "web.err.not_multipart": ("Unggahan harus dikirim sebagai multipart/form-data dengan berkas pada kolom "
                              "files.",
                              "The upload must be sent as multipart/form-data with the files in the files "
                              "field."),
    "web.err.broken_upload": ("Unggahan rusak atau terputus; kirim ulang berkasnya.",
                              "The upload is broken or was cut off; send the files again."),
    "web.err.field_too_long": ("Isian formulir terlalu panjang.", "A form field is too long."),
    "web.err.no_file": ("Pilih sedikitnya satu workbook (.xlsx atau .xlsm) atau rancangan SK (.docx) untuk "
                        "diperiksa.",
                        "Choose at least one workbook (.xlsx or .xlsm) or draft decree (.docx) to check."),
    "web.err.bad_stage": ("Tahap {value} tidak dikenal; pilih rancangan, penetapan atau evaluasi.",
                          "Unknown stage {value}; choose rancangan, penetapan or evaluasi."),
    "web.err.bad_lang": ("Bahasa {value} tidak dikenal; pilih id atau en.", "Unknown language {value}; choose id "
                         "or en."),
    "web.err.csrf": ("Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman "
                     "pemeriksaan lalu kirim lagi.",
                     "This form has expired or did not come from this page. Reload the check page and send it "
                     "again."),
    "web.err.access": ("Masukkan kode akses terlebih dahulu (halaman /masuk, atau kepala X-Access-Code untuk "
                       "API).",
                       "Enter the access code first (the /masuk page, or the X-Access-Code header for the API)."),
    "web.err.bad_code": ("Kode akses salah.", "Wrong access code."),
    "web.err.not_found": ("Halaman ini tidak ada.", "There is no such page."),
    "web.err.job_not_found": ("Hasil ini tidak ada atau sudah dihapus: hasil dan unduhan disimpan {minutes} menit "
                              "setelah pemeriksaan. Periksa ulang berkasnya.",
                              "These results do not exist or have been deleted: results and downloads are kept "
                              "{minutes} minutes after the check. Check the files again."),
    "web.err.no_download": ("Unduhan ini tidak ada.", "There is no such download."),
    "web.err.unknown_rule": ("Aturan {rule} tidak ada.", "There is no rule {rule}."),
    "web.err.method": ("Cara permintaan ini tidak didukung di alamat ini.",
                       "This request method is not supported here."),
    "web.err.invalid": ("Permintaan tidak sah: {detail}", "Invalid request: {detail}"),
    "web.err.busy": ("Terlalu banyak pemeriksaan sedang berjalan atau menunggu. Coba lagi dalam {seconds} detik.",
                     "Too many checks are running or waiting. Try again in {seconds} seconds."),
    "web.err.roster": ("{detail}", "{detail}"),
    "web.err.compare": ("{detail}", "{detail}"),
    "web.err.waivers": ("{detail}", "{detail}"),
    "web.err.no_input": ("{detail}", "{detail}"),
    "web.err.annotate_strict": ("{detail}", "{detail}"),
    "web.err.annotate_bounds": ("{detail}", "{detail}"),
    "web.err.too_slow": ("Unggahan terlalu lambat sehingga dihentikan: setelah {s} detik pertama, unggahan harus "
                         "terkirim rata-rata paling sedikit {kb} KB per detik. Kirim ulang dari jaringan yang lebih "
                         "stabil, atau periksa lebih sedikit berkas sekaligus.",
                         "The upload was too slow and was stopped: after its first {s} seconds an upload must come "
                         "at {kb} KB per second on average at least. Send it again over a steadier network, or "
                         "check fewer files at once."),
    "web.err.too_many_tries": ("Terlalu banyak kode akses yang salah dari komputer ini atau dari seluruh pengguna. "
                               "Coba lagi dalam {seconds} detik.",
                               "Too many wrong access codes from this computer or from all users together. Try "
                               "again in {seconds} seconds."),
    "web.err.origin": ("Permintaan ini datang dari situs lain ({origin}) sehingga ditolak. Buka halaman ini langsung "
                       "pada alamat server.",
                       "This request comes from another site ({origin}) and was refused. Open this page at the "
                       "server's own address."),
    "web.err.host": ("Alamat {host} bukan alamat server ini. Buka halaman dengan alamat yang diberikan pengelola "
                     "server.",
                     "{host} is not this server's address. Open the page at the address the server's administrator "
                     "gave."),
    "web.err.annotate": ("Salinan beranotasi {file} tidak dapat dibuat: berkas ini tidak dapat dibuka ulang untuk "
                         "diberi catatan.",
                         "The annotated copy of {file} cannot be made: the file cannot be reopened to be "
                         "annotated."),
    "web.err.internal": ("Kesalahan internal cek-pokja. Mohon laporkan ke tim pengembang cek-pokja (Biro Hukum "
                         "dan Organisasi) beserta waktu kejadiannya.",
                         "Internal error in cek-pokja. Please report it to the cek-pokja developers (Biro Hukum "
                         "dan Organisasi) with the time it happened."),
}
