"""Texts of the command line: help, options, messages, the terminal summary."""
from __future__ import annotations

TEXTS = {
    "app.help": ("Pemeriksa kepatuhan Pokja terhadap Permenko Perekonomian Nomor 1 Tahun 2025 tentang Mekanisme "
                 "Kerja.",
                 "Checks Pokja workbooks against Permenko Perekonomian Nomor 1 Tahun 2025 on the work mechanism."),
    "check.help": ("Memeriksa workbook unit (berkas .xlsx/.xlsm atau folder) dan menulis workbook temuan.",
                   "Checks unit workbooks (.xlsx/.xlsm files or folders) and writes a findings workbook."),
    "rules.help": ("Menampilkan daftar aturan: ID, slug, tingkat, tahap, dasar hukum.",
                   "Lists every rule: ID, slug, severity, stages, legal basis."),
    "explain.help": ("Menampilkan dokumentasi satu aturan.", "Prints one rule's documentation."),
    "opt.output": ("Berkas workbook temuan (bawaan: temuan-YYYYMMDD-HHMMSS.xlsx di folder ini).",
                   "Findings workbook (default: temuan-YYYYMMDD-HHMMSS.xlsx in this folder)."),
    "opt.tahap": ("Tahap pemeriksaan: rancangan (rancangan SK), penetapan (SK ditetapkan) atau evaluasi "
                  "(monitoring dan evaluasi akhir tahun).",
                  "Stage: rancangan (draft decree), penetapan (decree set) or evaluasi (year-end monitoring and "
                  "evaluation)."),
    "opt.roster": ("Daftar pegawai induk (ekspor SIASN) untuk pemeriksaan lintas unit.",
                   "Master roster (SIASN export) for cross-unit checks."),
    "opt.json": ("Tulis temuan sebagai JSON ke BERKAS ('-' untuk layar; tanpa -o, tidak ada workbook temuan).",
                 "Write findings as JSON to FILE ('-' for stdout; without -o, no findings workbook)."),
    "opt.lang": ("Bahasa keluaran: id (bahasa Indonesia) atau en (bahasa Inggris).",
                 "Output language: id (Indonesian) or en (English)."),
    "opt.fail_on": ("Tingkat temuan terendah yang membuat kode keluar 1.",
                    "Lowest finding severity that makes the exit code 1."),
    "opt.per_unit": ("Tulis juga satu workbook temuan per unit ke FOLDER (dinamai menurut Kode Unit), berisi temuan "
                     "dan rekapitulasi kepatuhan unit itu saja: untuk dikirim ke setiap pimpinan unit.",
                     "Also write one findings workbook per unit into FOLDER (named after the Kode Unit), holding "
                     "only that unit's findings and compliance row: to send to each unit head."),
    "opt.annotate_dir": ("Tulis salinan beranotasi ke FOLDER, bukan di sebelah berkas aslinya (berarti juga "
                         "--annotate).",
                         "Write the annotated copies into FOLDER instead of beside the originals (implies "
                         "--annotate)."),
    "opt.check_format": ("Yang ditampilkan di layar: teks (ringkasan lalu temuan), baris (setiap temuan satu "
                         "baris, tanpa ringkasan) atau json (dokumen JSON; tanpa -o, tidak ada workbook temuan).",
                         "What the terminal shows: teks (the summary, then the findings), baris (every finding on "
                         "one line, no summary) or json (the JSON document; without -o, no findings workbook)."),
    "opt.max_findings": ("Jumlah baris temuan terbanyak pada format teks (0 = semuanya).",
                         "Most finding lines shown in the teks format (0 = all)."),
    "opt.rules": ("Folder basis aturan lain dengan format yang sama.",
                  "Another rule-base folder in the same format."),
    "opt.engine": ("Mesin aturan: durable (bawaan bila terpasang) atau pandas.",
                   "Rule engine: durable (default where installed) or pandas."),
    "opt.quiet": ("Tanpa tampilan kemajuan dan ringkasan.", "No progress display and no summary."),
    "opt.debug": ("Tampilkan traceback untuk kesalahan internal.", "Show tracebacks for internal errors."),
    "opt.format": ("Format daftar: text atau markdown.", "Listing format: text or markdown."),
    "opt.coverage": ("Tampilkan cakupan peraturan: setiap butir normatif Pasal 2 dan Lampiran BAB II dengan "
                     "aturan yang menegakkannya.",
                     "Show the regulation's coverage: every normative point of Pasal 2 and Lampiran BAB II with "
                     "the rules enforcing it."),
    "progress.line": ("Membaca berkas {done}/{total}, berjalan {elapsed}, perkiraan sisa {left}   ",
                      "Reading files {done}/{total}, elapsed {elapsed}, about {left} left   "),
    "opt.jobs": ("Jumlah proses pembaca paralel (bila tidak diberikan: jumlah inti prosesor).",
                 "Number of parallel reader processes (default: the number of processor cores)."),
    "opt.max_memory": ("Batas memori untuk membaca satu berkas, dalam MB: 256 sampai 1048576 (0 = tanpa batas).",
                       "Memory limit for reading one file, in MB: 256 to 1048576 (0 = no limit)."),
    "opt.timeout": ("Batas waktu membaca satu berkas, dalam detik: 1 sampai 86400 (0 = tanpa batas).",
                    "Time limit for reading one file, in seconds: 1 to 86400 (0 = no limit)."),
    "template.help": ("Menulis workbook unit kosong untuk diisi, lengkap dengan petunjuk dan daftar pilihan.",
                      "Writes a blank unit workbook to fill in, with instructions and drop-down lists."),
    "opt.template_output": ("Nama berkas templat.", "Template file name."),
    "opt.unit_code": ("Isi Kode Unit pada sheet Unit (mis. D1.AS1).",
                      "Prefill the Kode Unit on the Unit sheet (e.g. D1.AS1)."),
    "opt.tahun": ("Isi Tahun Kinerja pada sheet Unit (mis. 2025).",
                  "Prefill the Tahun Kinerja on the Unit sheet (e.g. 2025)."),
    "opt.force": ("Timpa berkas yang sudah ada.", "Overwrite an existing file."),
    "opt.annotate": ("Tulis juga salinan setiap workbook dengan sel bermasalah diwarnai dan diberi komentar "
                     "(<nama>.diperiksa.xlsx di sebelah aslinya).",
                     "Also write a copy of each workbook with the offending cells filled and commented "
                     "(<name>.diperiksa.xlsx beside the original)."),
    "opt.compare": ("Bandingkan dengan hasil pemeriksaan sebelumnya (workbook temuan atau JSON temuan): temuan "
                    "baru, tetap, selesai.",
                    "Compare with an earlier run (its findings workbook or findings JSON): new, still open, "
                    "resolved."),
    "opt.waivers": ("Workbook temuan sebelumnya yang kolom pengecualiannya telah diisi: Tanggapan Dikecualikan, "
                    "Alasan, Disetujui oleh, Berlaku sampai.",
                    "An earlier findings workbook whose waiver columns were filled in: Response Dikecualikan "
                    "(waived), Reason, Approved by, Valid until."),
    "template.written": ("Templat ditulis ke: {path}", "Template written to: {path}"),
    "sum.annotated": ("Salinan beranotasi: {path}", "Annotated copy: {path}"),
    "err.no_input": ("Tidak ada workbook yang dapat diperiksa pada: {paths}. Berikan berkas .xlsx/.xlsm atau "
                     "folder yang berisi berkas tersebut.",
                     "No workbook to check in: {paths}. Give .xlsx/.xlsm files or folders holding them."),
    "err.not_found": ("Berkas atau folder tidak ditemukan: {path}. Periksa penulisan nama dan foldernya, atau "
                      "jalankan perintah dari folder yang memuatnya.",
                      "File or folder not found: {path}. Check the spelling of the name and its folder, or run "
                      "the command from the folder that holds it."),
    "err.output_is_input": ("Berkas keluaran {path} ({option}) adalah salah satu berkas masukan; pilih nama lain "
                            "dengan {option}.",
                            "The output file {path} ({option}) is one of the inputs; choose another name with "
                            "{option}."),
    "err.output_onto_input": ("Berkas keluaran {path} ({option}) adalah salah satu berkas masukan: {input} ({role}); "
                              "berkas masukan tidak pernah ditimpa. Pilih nama lain dengan {option}.",
                              "The output file {path} ({option}) is one of the inputs: {input} ({role}); an input is "
                              "never overwritten. Choose another name with {option}."),
    "err.outputs_clash": ("Keluaran {path} ({option}) adalah berkas yang sama dengan keluaran {other} "
                          "({other_option}); yang satu akan menimpa yang lain. Berikan nama yang berbeda.",
                          "The output {path} ({option}) is the same file as the output {other} ({other_option}); "
                          "one would overwrite the other. Give them different names."),
    "err.annotated_onto_input": ("Salinan beranotasi {source} akan ditulis ke {path}, yaitu berkas masukan {input} "
                                 "({role}); berkas masukan tidak pernah ditimpa. Tulis salinan ke folder lain "
                                 "dengan --annotate-dir FOLDER.",
                                 "The annotated copy of {source} would be written to {path}, which is the input "
                                 "{input} ({role}); an input is never overwritten. Write the copies into another "
                                 "folder with --annotate-dir FOLDER."),
    "err.annotated_onto_output": ("Salinan beranotasi {source} akan ditulis ke {path}, yaitu keluaran {option}. "
                                  "Pilih nama lain dengan {option}, atau tulis salinan ke folder lain dengan "
                                  "--annotate-dir FOLDER.",
                                  "The annotated copy of {source} would be written to {path}, which is the output "
                                  "{option}. Choose another name with {option}, or write the copies into another "
                                  "folder with --annotate-dir FOLDER."),
    "role.unit": ("workbook unit", "a unit workbook"),
    "role.roster": ("roster induk, --roster", "the master roster, --roster"),
    "role.compare": ("hasil sebelumnya, --compare", "the earlier run, --compare"),
    "role.waivers": ("workbook pengecualian, --waivers", "the waivers workbook, --waivers"),
    "err.memory_range": ("Nilai --max-memory {value} di luar rentang: berikan 0 (tanpa batas) atau bilangan "
                         "bulat dari {low} sampai {high} (MB).",
                         "The value --max-memory {value} is out of range: give 0 (no limit) or a whole number "
                         "from {low} to {high} (MB)."),
    "err.timeout_range": ("Nilai --timeout {value} di luar rentang: berikan 0 (tanpa batas) atau angka dari {low} "
                          "sampai {high} (detik).",
                          "The value --timeout {value} is out of range: give 0 (no limit) or a number from {low} "
                          "to {high} (seconds)."),
    "err.tahun_range": ("Nilai --tahun {value} di luar rentang: berikan Tahun Kinerja empat angka dari {low} sampai "
                        "{high}, mis. 2025.",
                        "The value --tahun {value} is out of range: give the Tahun Kinerja as four digits from {low} "
                        "to {high}, e.g. 2025."),
    "err.output_dir_missing": ("Folder {folder} untuk berkas keluaran {path} ({option}) tidak ada. Buat folder "
                               "tersebut terlebih dahulu, atau pilih tempat lain dengan {option}.",
                               "The folder {folder} for the output file {path} ({option}) does not exist. Create "
                               "it first, or choose another place with {option}."),
    "err.output_is_folder": ("Keluaran {path} ({option}) adalah folder; berikan nama berkas, mis. "
                             "{option} {example}.",
                             "The output {path} ({option}) is a folder; give a file name, e.g. {option} {example}."),
    "err.output_not_folder": ("Keluaran {path} ({option}) adalah berkas, bukan folder; berikan nama folder.",
                              "The output {path} ({option}) is a file, not a folder; give a folder name."),
    "err.output_denied": ("Berkas keluaran {path} ({option}) tidak dapat ditulis: tidak ada izin menulis di "
                          "folder {folder}. Pilih tempat lain dengan {option}.",
                          "Cannot write the output file {path} ({option}): no permission to write in the folder "
                          "{folder}. Choose another place with {option}."),
    "err.output_full": ("Berkas keluaran {path} ({option}) tidak dapat ditulis: ruang disk penuh. Kosongkan ruang "
                        "disk atau pilih tempat lain dengan {option}.",
                        "Cannot write the output file {path} ({option}): the disk is full. Free some space or "
                        "choose another place with {option}."),
    "err.output_unwritable": ("Berkas keluaran {path} ({option}) tidak dapat ditulis (kode sistem {detail}). "
                              "Pilih tempat lain dengan {option}.",
                              "Cannot write the output file {path} ({option}) (system code {detail}). Choose "
                              "another place with {option}."),
    "err.cancelled": ("Pemeriksaan dibatalkan; tidak ada berkas keluaran yang setengah tertulis.",
                      "Check cancelled; no output file was left half-written."),
    "err.rulebase": ("Basis aturan tidak sah: {detail}", "Invalid rule base: {detail}"),
    "err.engine": ("Mesin aturan tidak dapat dipakai: {detail}", "The rule engine cannot be used: {detail}"),
    "err.internal": ("Kesalahan internal cek-pokja: {detail}\nMohon laporkan ke tim pengembang cek-pokja (Biro "
                     "Hukum dan Organisasi) beserta perintah yang dijalankan; jalankan ulang dengan --debug "
                     "untuk rincian teknis.",
                     "Internal error in cek-pokja: {detail}\nPlease report it to the cek-pokja developers (Biro "
                     "Hukum dan Organisasi) with the command you ran; run again with --debug for technical "
                     "details."),
    "err.unknown_rule": ("Aturan {rule} tidak ada. Lihat daftar dengan: cek-pokja rules",
                         "There is no rule {rule}. See the list with: cek-pokja rules"),
    "finding.hidden_sheet": ("(Sheet {sheet} tersembunyi: tampilkan dengan klik kanan pada tab sheet > Unhide.)",
                             "(Sheet {sheet} is hidden: show it by right-clicking a sheet tab > Unhide.)"),
    "sum.title": ("Hasil pemeriksaan cek-pokja (tahap {stage}, mesin {engine})",
                  "cek-pokja results (stage {stage}, engine {engine})"),
    "sum.as_recorded": ("Temuan ini menurut workbook: disusun dari isi workbook sebagaimana tercatat, bukan dari "
                        "SK yang ditandatangani.",
                        "These findings are as recorded in the workbooks, not in the signed decrees."),
    "sum.counts": ("{units} diperiksa dari {files}; {unreadable} tidak terbaca.",
                   "{units} checked from {files}; {unreadable} unreadable."),
    "sum.findings": ("Temuan: {error}, {data_error}, {warning}, {info}.",
                     "Findings: {error}, {data_error}, {warning}, {info}."),
    "sum.unit": ("  {unit:<12} Status menurut workbook: {status:<20} {counts}",
                 "  {unit:<12} Status as recorded: {status:<20} {counts}"),
    "sum.not_submitted": ("{n} pada roster induk belum menyampaikan workbook (status Belum Menyampaikan): {units}.",
                          "{n} of the master roster sent no workbook (status Not submitted): {units}."),
    "sum.unit_not_submitted": ("  {unit:<12} Status: {status:<37} {counts}",
                               "  {unit:<12} Status: {status:<32} {counts}"),
    "sum.engine_fallback": ("Mesin aturan pandas dipakai karena durable-rules tidak terpasang di komputer ini; "
                            "temuannya sama (kedua mesin diuji silang).",
                            "The pandas rule engine ran because durable-rules is not installed on this computer; "
                            "the findings are the same (both engines are cross-checked)."),
    "sum.waived": ("{n} temuan dikecualikan (tidak dihitung di atas).", "{n} waived findings (not counted above)."),
    "sum.patuh": ("Patuh", "Compliant"),
    "sum.perlu_perbaikan_data": ("Perlu Perbaikan Data", "Data needs fixing"),
    "sum.tidak_patuh": ("Tidak Patuh", "Not compliant"),
    "sum.belum_menyampaikan": ("Belum Menyampaikan", "Not submitted"),
    "sum.filtered": ("Saringan diterapkan ({what}): jumlah dan daftar temuan hanya memuat temuan yang tersaring, dan "
                     "kode keluar mengikutinya; status setiap unit tetap dihitung dari seluruh temuannya.",
                     "Filter applied ({what}): the counts and the list hold only the findings it keeps, and so does "
                     "the exit code; each unit's status is still that of all its findings."),
    "filter.rules": ("aturan {values}", "rule {values}"),
    "filter.units": ("unit {values}", "unit {values}"),
    "filter.severities": ("tingkat {values}", "severity {values}"),
    "err.unknown_filter_rule": ("Aturan {rule} (--rule) tidak ada. Lihat daftar dengan: cek-pokja rules",
                                "There is no rule {rule} (--rule). See the list with: cek-pokja rules"),
    "err.unknown_severity": ("Tingkat {value} (--severity) tidak dikenal; gunakan salah satu dari: {choices}.",
                             "Unknown severity {value} (--severity); use one of: {choices}."),
    "opt.rule_filter": ("Tampilkan hanya temuan aturan ini (ID atau slug; dapat diulang, atau dipisah koma); "
                        "berlaku untuk layar, JSON, dan workbook.",
                        "Show only the findings of this rule (ID or slug; repeatable, or comma-separated); applies "
                        "to the terminal, the JSON and the workbook."),
    "opt.unit_filter": ("Tampilkan hanya unit dengan Kode Unit ini (dapat diulang, atau dipisah koma).",
                        "Show only the unit with this Kode Unit (repeatable, or comma-separated)."),
    "opt.severity_filter": ("Tampilkan hanya temuan dengan tingkat ini: pelanggaran, kesalahan-data, peringatan, "
                            "catatan, atau error (pelanggaran dan kesalahan data), warning, info (dapat diulang).",
                            "Show only the findings of this severity: error (breaches and data errors), warning, "
                            "info, or the labels pelanggaran, kesalahan-data, peringatan, catatan (repeatable)."),
    "sum.patuh_waived": ("Patuh (dengan pengecualian)", "Compliant (with waivers)"),
    "sum.written": ("Workbook temuan ditulis ke: {path}", "Findings workbook written to: {path}"),
    "sum.per_unit": ("Workbook temuan per unit ({n}) ditulis ke folder: {path}",
                     "Findings workbooks per unit ({n}) written to the folder: {path}"),
    "term.details": ("Rincian temuan:", "Findings one by one:"),
    "term.waived_mark": ("(dikecualikan)", "(waived)"),
    "term.more_in": ("... dan {n} temuan lainnya: lihat sheet Temuan pada {path}, atau tampilkan semuanya dengan "
                     "--format baris.",
                     "... and {n} more: see the Findings sheet of {path}, or show them all with --format baris."),
    "term.more": ("... dan {n} temuan lainnya: tampilkan semuanya dengan --format baris atau --max-findings 0.",
                  "... and {n} more: show them all with --format baris or --max-findings 0."),
    "term.unreadable_head": ("Berkas yang tidak dapat dibaca:", "Files that could not be read:"),
    "term.no_reason": ("alasan tidak diketahui", "reason unknown"),
    "term.unit_word": (("unit", "unit"), ("unit", "units")),
    "term.file_word": (("berkas", "berkas"), ("file", "files")),
    "term.error_word": (("pelanggaran", "pelanggaran"), ("error", "errors")),
    "term.data_error_word": (("kesalahan data", "kesalahan data"), ("data error", "data errors")),
    "term.warning_word": (("peringatan", "peringatan"), ("warning", "warnings")),
    "term.info_word": (("catatan", "catatan"), ("note", "notes")),
    "meta.options": ("[OPSI]", "[OPTIONS]"),
    "meta.command": ("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]..."),
    "meta.paths": ("JALUR...", "PATH..."),
    "meta.file": ("BERKAS", "FILE"),
    "meta.folder": ("FOLDER", "FOLDER"),
    "meta.number": ("N", "N"),
    "meta.mb": ("MB", "MB"),
    "meta.seconds": ("DETIK", "SECONDS"),
    "meta.year": ("TAHUN", "YEAR"),
    "meta.code": ("KODE", "CODE"),
    "meta.severity": ("TINGKAT", "SEVERITY"),
    "meta.address": ("ALAMAT", "ADDRESS"),
    "meta.minutes": ("MENIT", "MINUTES"),
    "meta.name": ("NAMA", "NAME"),
    "meta.rule": ("ID_ATAU_SLUG", "ID_OR_SLUG"),
    "rules.legend": ("Tahap: R = rancangan (rancangan SK), P = penetapan (SK ditetapkan), E = evaluasi (monitoring "
                     "dan evaluasi akhir tahun): tahap tempat aturan berlaku.",
                     "Stages: R = rancangan (draft decree), P = penetapan (decree set), E = evaluasi (year-end "
                     "monitoring and evaluation): the stages in which the rule applies."),
    # the severity column is 15 wide: "kesalahan data" (rulebase/rulebook.py render_list pads to it)
    "rules.header": ("ID   Tingkat         Tahap  Slug, nama aturan [dasar hukum]",
                     "ID   Severity        Stages Slug, rule name [legal basis]"),
    "sev.error": ("pelanggaran", "error"),
    "sev.data_error": ("kesalahan data", "data error"),
    "sev.warning": ("peringatan", "warning"),
    "sev.info": ("catatan", "info"),
}
