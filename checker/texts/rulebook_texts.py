"""Texts of the rulebook (`explain`, `rules --format markdown`, `rules --coverage`)."""
from __future__ import annotations

TEXTS = {
    "rulebook.severity": ("Tingkat", "Severity"),
    "rulebook.from_stage": ("berlaku sejak tahap {stage} ({stages})", "runs from the {stage} stage ({stages})"),
    "rulebook.regulation": ("Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025",
                            "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025"),
    # rules.md, output-format.md (`explain`): a data rule quotes no text and says so in a sentence
    "rulebook.data_basis": ("Aturan mutu data: aturan ini memeriksa isi workbook itu sendiri dan konsistensinya, "
                            "bukan butir tertentu regulasi, sehingga tidak mengutip ketentuan apa pun.",
                            "A data-quality rule: it checks the workbook's own content and its consistency, not a "
                            "particular provision of the regulation, so it quotes no provision."),
    "rulebook.points": ("Butir yang ditegakkan", "Points enforced"),
    "rulebook.examples_intro": ("Setiap contoh mengubah salinan unit contoh yang patuh (unit {unit}; isinya "
                                "tercantum di {where}) lalu memeriksanya pada tahap {stage}, kecuali disebut "
                                "lain. Nomor baris dan kolom mengacu pada workbook setelah perubahan.",
                                "Each example edits a copy of the compliant example unit (unit {unit}; its "
                                "content is listed in {where}) and checks it at the {stage} stage unless stated "
                                "otherwise. Row and column numbers refer to the workbook after the edits."),
    "rulebook.examples_where": ("docs/rulebook.md, Lampiran B", "docs/rulebook.md, Appendix B"),
    "rulebook.examples_where_md": ("[Lampiran B](#unit-contoh)", "[Appendix B](#unit-contoh)"),
    "rulebook.no_example": ("(aturan ini belum memiliki contoh)", "(this rule has no example yet)"),
    "rulebook.stage_line": ("tahap {stage}", "stage {stage}"),
    "rulebook.edits": ("Perubahan terhadap unit contoh {unit}:", "Changes to example unit {unit}:"),
    "rulebook.other_wb": ("Diperiksa bersama workbook lain `{file}` ({what}), dengan perubahan:",
                          "Checked together with another workbook `{file}` ({what}), with these changes:"),
    "rulebook.other_base": ("unit contoh {unit}, `{base}`", "example unit {unit}, `{base}`"),
    "rulebook.other_copy": ("salinan unit contoh yang sama", "a copy of the same example unit"),
    "rulebook.roster": ("Diperiksa dengan roster induk berikut:", "Checked with the following master roster:"),
    "rulebook.no_edit": ("- tidak ada perubahan: unit contoh apa adanya", "- no change: the example unit as it is"),
    "rulebook.expect": ("Temuan {rule} yang diharapkan ({n}):", "Expected {rule} findings ({n}):"),
    "rulebook.expect_none": ("Temuan yang diharapkan: tidak ada temuan {rule}.",
                             "Expected findings: no {rule} finding."),
    "rulebook.hint": ("Petunjuk yang menyertai setiap temuan:", "Hint given with every finding:"),
    "rulebook.fact_kind": ("Fakta `{kind}`: {definition}.", "Fact `{kind}`: {definition}."),
    "rulebook.condition": ("Kondisi temuan: {cond}", "A finding when: {cond}"),
    "rulebook.requires": ("Memerlukan: {items}. Bila bagian itu tidak ada, aturan ini tidak dijalankan untuk unit "
                          "tersebut (D05 melaporkannya).",
                          "Needs: {items}. When a unit lacks it, this rule does not run for that unit (D05 "
                          "reports it)."),
    "rulebook.requires_none": ("Memerlukan: tidak ada sheet atau kolom tertentu.",
                               "Needs: no particular sheet or column."),
    "rulebook.sheet_label": ("sheet {sheet}", "sheet {sheet}"),
    "rulebook.columns": ("kolom", "columns"),
    "rulebook.and": ("dan", "and"),
    "rulebook.or": ("atau", "or"),
    "rulebook.e.drop_sheet": ("Sheet {sheet} dihapus dari workbook.", "Sheet {sheet} is removed from the workbook."),
    "rulebook.e.drop_column": ("Sheet {sheet}: kolom {letter} “{col}” dihapus; kolom di kanannya bergeser ke kiri.",
                               "Sheet {sheet}: column {letter} “{col}” is removed; the columns to its right move "
                               "left."),
    "rulebook.e.append": ("Sheet {sheet}: baris {row} ditambahkan — {cells}.",
                          "Sheet {sheet}: row {row} is added: {cells}."),
    "rulebook.e.delete": ("Sheet {sheet}: baris {row} ({ident}) dihapus; baris di bawahnya naik satu baris.",
                          "Sheet {sheet}: row {row} ({ident}) is deleted; the rows below move up one row."),
    "rulebook.e.set": ("Sheet {sheet}, baris {row} ({ident}): {changes}.",
                       "Sheet {sheet}, row {row} ({ident}): {changes}."),
    "rulebook.e.set_all": ("Sheet {sheet}, baris {row}: {changes}.", "Sheet {sheet}, row {row}: {changes}."),
    "rulebook.e.replace": ("Sheet {sheet} diganti seluruhnya dengan isi berikut:",
                           "Sheet {sheet} is replaced entirely by the following:"),
    "rulebook.e.unknown": ("Perubahan lain: {data}", "Other change: {data}"),
    "rulebook.c.changed": ("kolom {letter} “{col}” diubah dari {old} menjadi {new}",
                           "column {letter} “{col}” changed from {old} to {new}"),
    "rulebook.c.filled": ("kolom {letter} “{col}” diisi {new} (semula kosong)",
                          "column {letter} “{col}” filled with {new} (empty before)"),
    "rulebook.c.emptied": ("kolom {letter} “{col}” dikosongkan (semula {old})",
                           "column {letter} “{col}” emptied (was {old})"),
    "rulebook.c.same": ("kolom {letter} “{col}” tetap {new}", "column {letter} “{col}” stays {new}"),
    "rulebook.v.empty": ("(kosong)", "(empty)"),
    "rulebook.v.number": ("angka {v} (bukan teks)", "the number {v} (not text)"),
    "rulebook.v.date": ("tanggal Excel {v}", "the Excel date {v}"),
    "rulebook.row_label": ("Baris", "Row"),
    "rulebook.title_row": ("(judul)", "(title)"),
    "rulebook.f.cell": ("sheet {sheet}, sel {column}{row}", "sheet {sheet}, cell {column}{row}"),
    "rulebook.f.row": ("sheet {sheet}, baris {row}", "sheet {sheet}, row {row}"),
    "rulebook.f.column": ("sheet {sheet}, kolom {column}", "sheet {sheet}, column {column}"),
    "rulebook.f.sheet": ("sheet {sheet} (tanpa baris)", "sheet {sheet} (no row)"),
    "rulebook.f.nowhere": ("tanpa lokasi", "no location"),
    "rulebook.f.unit": ("unit {unit}", "unit {unit}"),
    "rulebook.f.pokja": ("Pokja {pokja}", "Pokja {pokja}"),
    "rulebook.f.person": ("orang: {person}", "person: {person}"),
    "rulebook.f.target": ("target {target}", "target {target}"),
    "rulebook.md.title": ("Buku aturan cek-pokja", "cek-pokja rulebook"),
    "rulebook.md.intro": ("Dokumen ini dibuat otomatis dari basis aturan (`rules/*.yaml`) dengan perintah "
                          "`{cmd}`; jangan diubah dengan tangan. Setiap aturan menegakkan butir {reg} tentang "
                          "Mekanisme Kerja di Lingkungan Kementerian Koordinator Bidang Perekonomian. Untuk "
                          "setiap aturan: apa yang diperiksa, mengapa, dasar hukum beserta kutipan teksnya, "
                          "contoh pelanggaran dan contoh yang benar (keduanya diuji otomatis pada kedua mesin "
                          "aturan), cara memperbaiki, dan fakta yang dipakai kondisinya. Satu aturan dapat "
                          "ditampilkan dengan `cek-pokja explain ID` (tambahkan `--lang en` untuk bahasa "
                          "Inggris).",
                          "This document is generated from the rule base (`rules/*.yaml`) by `{cmd}`; do not edit "
                          "it by hand. Every rule enforces points of {reg} on the work mechanism of the "
                          "Coordinating Ministry for Economic Affairs. For each rule: what it checks, why, the "
                          "legal basis with its quoted text, a violating and a compliant example (both tested "
                          "automatically on both rule engines), how to fix it, and the facts its condition uses. "
                          "One rule is shown by `cek-pokja explain ID` (add `--lang id` for Indonesian)."),
    "rulebook.md.list": ("Daftar aturan", "Rule list"),
    "rulebook.md.list_head": ("| ID | Slug | Tingkat | Sejak tahap | Judul | Dasar hukum |",
                              "| ID | Slug | Severity | From stage | Title | Legal basis |"),
    "rulebook.md.coverage_short": ("Cakupan regulasi", "Coverage of the regulation"),
    "rulebook.md.coverage_see": ("Rincian per butir: [Lampiran A — Cakupan regulasi](#cakupan).",
                                 "Point by point: [Appendix A — Coverage of the regulation](#cakupan)."),
    "rulebook.md.rules": ("Aturan", "Rules"),
    "rulebook.md.appendix_cov": ("Lampiran A — Cakupan regulasi", "Appendix A — Coverage of the regulation"),
    "rulebook.md.appendix_base": ("Lampiran B — Unit contoh yang patuh", "Appendix B — The compliant example unit"),
    "rulebook.md.base_unit": ("Unit {unit} (`rules/{file}`)", "Unit {unit} (`rules/{file}`)"),
    "rulebook.md.base_intro": ("Semua contoh aturan berangkat dari unit contoh pertama "
                               "(`rules/_example_base.yaml`); contoh aturan lintas unit (X) memeriksanya bersama "
                               "unit contoh lain. Orang-orangnya fiktif. Tanpa perubahan, unit contoh tidak "
                               "menghasilkan temuan apa pun pada tahap mana pun, sendiri maupun bersama. Huruf "
                               "pada judul kolom dan nomor baris adalah letaknya di Excel.",
                               "Every rule example starts from the first example unit "
                               "(`rules/_example_base.yaml`); the cross-unit (X) rules' examples check it "
                               "together with another example unit. The people are fictional. Unchanged, the "
                               "example units give no finding at any stage, alone or together. The letters in the "
                               "column headers and the row numbers are their places in Excel."),
    "rulebook.cov.title": ("Cakupan {reg}: Pasal 2 dan Lampiran BAB II",
                           "Coverage of {reg}: Article 2 and Lampiran BAB II"),
    "rulebook.cov.figures": ("Butir normatif: {total}. Dapat diperiksa dari workbook: {checkable} (ditegakkan "
                             "seluruhnya oleh aturan: {enforced}; ditegakkan sebagian: {partial}; celah: {gap}). "
                             "Tidak dapat diperiksa dari workbook: {not_checkable}.",
                             "Normative points: {total}. Checkable from the workbook: {checkable} (wholly enforced "
                             "by a rule: {enforced}; partly enforced: {partial}; gaps: {gap}). Not checkable from "
                             "the workbook: {not_checkable}."),
    "rulebook.cov.ratio": ("Ditegakkan seluruhnya / sebagian / dapat diperiksa / total: {enforced} / {partial} / "
                           "{checkable} / {total}.",
                           "Wholly enforced / partly enforced / checkable / total: {enforced} / {partial} / "
                           "{checkable} / {total}."),
    "rulebook.cov.method": ("Setiap ayat dan huruf Pasal 2 serta setiap angka dan huruf Lampiran BAB II (bagian "
                            "A–E) yang memuat kewajiban atau pedoman tercantum sebagai satu butir; kalimat "
                            "pengantar yang seluruh isinya diuraikan oleh sub-butirnya tidak dicantumkan "
                            "tersendiri, kecuali dirujuk oleh suatu aturan. Aturan penegak diturunkan otomatis "
                            "dari dasar hukum (`basis`) setiap aturan; yang ditandai * dipetakan manual "
                            "(`rules/_coverage.yaml`) karena aturannya menegakkan butir itu walaupun dasar "
                            "hukumnya tidak menyebutnya. Pada bagian C.3, “paragraf 2” adalah rincian "
                            "“Pelaksanaan tugas Pejabat Fungsional dan Pelaksana terdiri atas:”, yang hurufnya "
                            "berulang dari a.",
                            "Each ayat and huruf of Article 2 and each numbered point and letter of Lampiran BAB "
                            "II (parts A–E) that states an obligation or guidance is one point; a lead-in "
                            "sentence whose whole content is spelt out by its sub-points is not listed on its own "
                            "unless a rule cites it. The enforcing rules are derived automatically from each "
                            "rule's legal basis (`basis`); those marked * are mapped by hand "
                            "(`rules/_coverage.yaml`) because the rule enforces the point although its basis does "
                            "not name it. In part C.3, “paragraf 2” is the list “Pelaksanaan tugas Pejabat "
                            "Fungsional dan Pelaksana terdiri atas:”, whose letters start again from a."),
    "rulebook.cov.head": ("| Butir | Kutipan | Status | Aturan / keterangan |",
                          "| Point | Quote | Status | Rules / remarks |"),
    "rulebook.cov.enforced": ("ditegakkan", "enforced"),
    "rulebook.cov.partial": ("ditegakkan sebagian", "partly enforced"),
    "rulebook.cov.not_checkable": ("tidak dapat diperiksa dari workbook", "not checkable from the workbook"),
    "rulebook.cov.gap": ("celah", "gap"),
    "rulebook.cov.hand": ("* dipetakan manual", "* mapped by hand"),
    "rulebook.cov.data_rules": ("Aturan mutu data (dasar hukum “data”, tidak menegakkan butir tertentu): {ids}.",
                                "Data-quality rules (basis “data”, enforcing no particular point): {ids}."),
    "rulebook.cov.missing": ("Basis aturan di {dir} tidak memiliki peta cakupan ({file}).",
                             "The rule base in {dir} has no coverage map ({file})."),
    "rulebook.cov.pasal": ("Pasal 2", "Article 2"),
    "rulebook.sections": (("Apa yang diperiksa", "Mengapa", "Dasar hukum", "Contoh pelanggaran",
                           "Contoh yang benar", "Cara memperbaiki", "Fakta yang dipakai"),
                          ("What it checks", "Why", "Legal basis", "Violating example", "Compliant example",
                           "How to fix", "Facts used")),
    "rulebook.part.Pasal 2": ("Pasal 2", "Article 2"),
    "rulebook.part.A": ("Lampiran II.A — Prinsip-prinsip mekanisme kerja",
                        "Lampiran II.A — Principles of the work mechanism"),
    "rulebook.part.B": ("Lampiran II.B — Tahapan mekanisme kerja", "Lampiran II.B — Stages of the work mechanism"),
    "rulebook.part.C": ("Lampiran II.C — Ruang lingkup mekanisme kerja",
                        "Lampiran II.C — Scope of the work mechanism"),
    "rulebook.part.D": ("Lampiran II.D — Pembentukan Pokja", "Lampiran II.D — Forming a Pokja"),
    "rulebook.part.E": ("Lampiran II.E — Gambar alur mekanisme kerja",
                        "Lampiran II.E — Flow charts of the work mechanism"),
    # ------------------------------------------------------------ a rule example's decree draft (S rules)
    "rulebook.d.with": ("Diperiksa bersama rancangan SK `{file}`: rancangan SK contoh unit itu yang patuh, dengan "
                        "perubahan:",
                        "Checked together with the decree draft `{file}`: that unit's compliant example draft, with "
                        "these changes:"),
    "rulebook.d.alone": ("Tanpa workbook: hanya rancangan SK `{file}` (rancangan SK contoh yang patuh) yang "
                         "diperiksa, dengan perubahan:",
                         "No workbook: only the decree draft `{file}` (the compliant example draft) is checked, with "
                         "these changes:"),
    "rulebook.d.as_is": ("tidak ada perubahan: rancangan SK contoh apa adanya",
                         "no change: the example draft as it is"),
    "rulebook.d.set": ("{field} menjadi {value}", "{field} becomes {value}"),
    "rulebook.d.pokja": ("{pokja}: {field} menjadi {value}", "{pokja}: {field} becomes {value}"),
    "rulebook.d.person": ("{person}: {field} menjadi {value}", "{person}: {field} becomes {value}"),
    "rulebook.d.add": ("{person} ditambahkan pada {pokja}: {data}", "{person} is added to {pokja}: {data}"),
    "rulebook.d.drop": ("{person} dihapus dari Lampiran", "{person} is removed from the Lampiran"),
    "rulebook.d.drop_pokja": ("rancangan SK tidak membentuk {pokja}", "the draft does not form {pokja}"),
    "rulebook.d.comment": ("komentar Word “{text}” ({state})", "a Word comment “{text}” ({state})"),
    "rulebook.d.done": ("ditandai selesai", "marked done"),
    "rulebook.d.open": ("belum selesai", "not resolved"),
    "rulebook.d.content.doc": ("berkas itu dokumen Word lama (.doc), bukan .docx",
                               "the file is a legacy Word document (.doc), not a .docx"),
    "rulebook.d.content.encrypted": ("berkas itu .docx yang dilindungi kata sandi",
                                     "the file is a password-protected .docx"),
    "rulebook.d.content.rtf": ("berkas itu dokumen Rich Text (.rtf)", "the file is a Rich Text document (.rtf)"),
    "rulebook.d.content.odt": ("berkas itu dokumen OpenDocument (.odt)", "the file is an OpenDocument file (.odt)"),
    "rulebook.d.content.pdf": ("berkas itu PDF", "the file is a PDF"),
    "rulebook.d.content.damaged": ("berkas itu .docx yang terpotong (rusak)",
                                   "the file is a truncated (damaged) .docx"),
    "rulebook.d.fields": (
        {"number": "nomor SK", "date": "tanggal penetapan", "instrument": "bentuk keputusan pada judul",
         "issuer_lines": "baris penetap pada judul", "office": "jabatan penetap",
         "office_lines": "baris jabatan penanda tangan", "signer": "nama penanda tangan",
         "signer_nip": "NIP penanda tangan", "term": "diktum masa berlaku", "mengingat": "butir Mengingat",
         "menimbang": "butir Menimbang", "subject": "baris TENTANG", "place": "tempat penetapan",
         "ttd": "baris tanda tangan", "revisions": "perubahan terlacak", "diktum": "tata letak diktum",
         "lampiran": "tata letak Lampiran", "nama_nip": "tata letak Nama/NIP",
         "merged_pengarah": "sel Kedudukan Pengarah digabung", "numbering": "penomoran butir",
         "header_rows": "baris judul tabel anggota", "column_numbers": "baris nomor kolom",
         "targets": "target kinerja", "signature_table": "blok penandatanganan dalam tabel",
         "lampiran_header": "kepala Lampiran", "lampiran_signature": "blok penandatanganan kedua pada Lampiran",
         "name": "nama", "task": "tugas", "nip": "NIP", "jabatan": "jabatan", "kedudukan": "kedudukan",
         "uraian_tugas": "uraian tugas", "output": "output", "id_pegawai": "ID Pegawai"},
        {"number": "the decree's number", "date": "the date of penetapan",
         "instrument": "the instrument in the title", "issuer_lines": "the issuer's lines in the title",
         "office": "the issuer's office", "office_lines": "the signing office lines", "signer": "the signer's name",
         "signer_nip": "the signer's NIP", "term": "the term diktum", "mengingat": "the Mengingat items",
         "menimbang": "the Menimbang items", "subject": "the subject lines", "place": "the place of penetapan",
         "ttd": "the signature mark", "revisions": "tracked changes", "diktum": "the diktum's layout",
         "lampiran": "the Lampiran's layout", "nama_nip": "the Nama/NIP layout",
         "merged_pengarah": "the Pengarah's Kedudukan cells merged", "numbering": "the items' numbering",
         "header_rows": "the member table's header rows", "column_numbers": "a column-number row",
         "targets": "the performance targets", "signature_table": "the signature block in a table",
         "lampiran_header": "the Lampiran's heading",
         "lampiran_signature": "a second signature block in the Lampiran", "name": "the name", "task": "the task",
         "nip": "the NIP", "jabatan": "the office", "kedudukan": "the position", "uraian_tugas": "the uraian tugas",
         "output": "the output", "id_pegawai": "the ID Pegawai"}),
    "rulebook.f.doc": ("rancangan SK, {label}", "decree draft, {label}"),
    "rulebook.f.compared": ("dibandingkan dengan {where}", "compared with {where}"),
}
