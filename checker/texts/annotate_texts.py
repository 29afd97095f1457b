"""Texts of the annotated copy: its comments and its marker sheet."""
from __future__ import annotations

TEXTS = {
    "annotate.sheet": ("Hasil cek-pokja", "cek-pokja results"),
    "annotate.footer": ("Halaman &P dari &N", "Page &P of &N"),
    "annotate.fix_there": ("perbaiki pada sheet {sheet}: sel {cells}", "fix it on the sheet {sheet}: cells {cells}"),
    "annotate.fix_from": ("(Temuan ini dicatat pada sheet {sheet}, sel {cell}; perbaikannya di sini.)",
                          "(This finding is noted on the sheet {sheet}, cell {cell}; the fix is here.)"),
    "annotate.basis": ("Dasar", "Basis"),
    "annotate.hint": ("Saran", "Fix"),
    "annotate.title": ("Salinan beranotasi cek-pokja: JANGAN diperiksa ulang",
                       "Annotated copy made by cek-pokja: do NOT check it again"),
    "annotate.lines": (("Sel yang bermasalah diberi warna dan komentar (jingga: pelanggaran atau kesalahan data, "
                        "kuning: peringatan, biru: catatan). Perbaiki BERKAS ASLI di bawah ini, lalu periksa "
                        "ulang berkas asli tersebut.",
                        "Bila salinan ini hendak dipakai sebagai berkas kerja, hapus sheet ini terlebih dahulu."),
                       ("Offending cells are coloured and carry a comment (orange: error or data error, yellow: "
                        "warning, blue: note). Correct the ORIGINAL file named below, then check that original again.",
                        "To use this copy as your working file, delete this sheet first.")),
    "annotate.source": ("Berkas asli", "Original file"),
    "annotate.count": ("Jumlah temuan", "Findings"),
    "annotate.cols": (("No", "Aturan", "Tingkat", "Sheet", "Baris", "Kolom", "Dicatat pada", "Uraian",
                       "Dasar Hukum", "Saran Perbaikan"),
                      ("No", "Rule", "Severity", "Sheet", "Row", "Column", "Noted at", "Description",
                       "Legal Basis", "Suggested Fix")),
    "annotate.at_cell": ("sel {cell}", "cell {cell}"),
    "annotate.at_header": ("baris nama kolom (sel {cell})", "column-name row (cell {cell})"),
    "annotate.at_row": ("baris {row} (sel {cell})", "row {row} (cell {cell})"),
    "annotate.nowhere": ("hanya pada sheet ini (sheet tidak ada di workbook)",
                         "only on this sheet (the sheet is not in the workbook)"),
    "annotate.no_sheet": ("hanya pada sheet ini", "only on this sheet"),
    "annotate.not_made_strict": (
        "Salinan beranotasi {file} tidak dibuat: berkas ini disimpan dalam format Strict Open XML, yang tidak "
        "dapat dianotasi tanpa kehilangan isinya. Simpan ulang berkas tersebut sebagai \"Excel Workbook (*.xlsx)\", "
        "lalu jalankan lagi dengan --annotate. Temuannya tetap dilaporkan seperti biasa.",
        "No annotated copy of {file} was made: the file is saved as Strict Open XML, which cannot be annotated "
        "without losing its content. Save it again as \"Excel Workbook (*.xlsx)\", then run again with "
        "--annotate. Its findings are reported as usual."),
    "annotate.not_made": (
        "Salinan beranotasi {file} tidak dibuat: berkas ini tidak dapat dibuka ulang untuk dianotasi. "
        "Temuannya tetap dilaporkan seperti biasa.",
        "No annotated copy of {file} was made: the file cannot be opened again to be annotated. "
        "Its findings are reported as usual."),
    # issue 22: a copy is made under the run's bounds (--max-memory, --timeout)
    "annotate.not_made_memory": (
        "Salinan beranotasi {file} tidak dibuat: membuatnya memerlukan lebih dari batas memori {mb} MB. Temuannya "
        "tetap dilaporkan seperti biasa. Hapus sheet, baris, atau format yang tidak diperlukan lalu simpan ulang, "
        "atau jalankan ulang dengan batas memori lebih besar (--max-memory).",
        "No annotated copy of {file} was made: making it needs more than the memory limit of {mb} MB. Its "
        "findings are reported as usual. Delete the sheets, rows or formatting that are not needed and save it "
        "again, or run again with a larger memory limit (--max-memory)."),
    "annotate.not_made_timeout": (
        "Salinan beranotasi {file} tidak dibuat: pembuatannya dihentikan setelah batas waktu {s} detik. Temuannya "
        "tetap dilaporkan seperti biasa. Hapus sheet, baris, atau format yang tidak diperlukan lalu simpan ulang, "
        "atau jalankan ulang dengan batas waktu lebih panjang (--timeout).",
        "No annotated copy of {file} was made: making it was stopped after the time limit of {s} seconds. Its "
        "findings are reported as usual. Delete the sheets, rows or formatting that are not needed and save it "
        "again, or run again with a longer time limit (--timeout)."),
    "annotate.not_made_crash": (
        "Salinan beranotasi {file} tidak dibuat: pembuatnya berhenti tak terduga ({detail}). Temuannya tetap "
        "dilaporkan seperti biasa.",
        "No annotated copy of {file} was made: making it stopped unexpectedly ({detail}). Its findings are "
        "reported as usual."),
    "annotate.not_made_sheets": (
        "Salinan beranotasi {file} tidak dibuat: workbook ini memuat {n} sheet, sedangkan salinan beranotasi "
        "dibuat untuk workbook dengan paling banyak {limit} sheet. Temuannya tetap dilaporkan seperti biasa; hapus "
        "sheet yang tidak diperlukan lalu simpan ulang.",
        "No annotated copy of {file} was made: the workbook holds {n} sheets, and annotated copies are made for "
        "workbooks of at most {limit} sheets. Its findings are reported as usual; delete the sheets that are not "
        "needed and save it again."),
    "annotate.overflow": (
        "Perhatian: sheet ini hanya memuat {shown} dari {total} temuan, karena satu sheet Excel memuat paling banyak "
        "{rows} baris; warna dan komentar pada sel tetap dibuat untuk seluruh temuan. Seluruh temuan tercantum pada "
        "keluaran JSON (--json).",
        "Note: this sheet holds only {shown} of {total} findings, since an Excel sheet holds at most {rows} rows; "
        "the cells of every finding are still coloured and commented. Every finding is in the JSON output (--json)."),
    # decree-format.md §6.4: the comments of a decree draft's annotated copy
    "annotate.docx_basis_data": ("kesesuaian dan keterbacaan data (aturan ini tidak mengutip ketentuan)",
                                 "consistency and readability of the data (this rule quotes no provision)"),
    "annotate.docx_in_draft": ("Pada rancangan SK: {text}", "In the decree draft: {text}"),
    "annotate.docx_in_workbook": ("Pada workbook ({where}): {text}", "In the workbook ({where}): {text}"),
    "annotate.docx_empty": ("(kosong)", "(empty)"),
}
