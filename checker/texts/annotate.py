"""Texts of the annotated copy: its comments and its marker sheet."""
from __future__ import annotations

TEXTS = {
    "annotate.basis": ("Dasar", "Basis"),
    "annotate.hint": ("Saran", "Fix"),
    "annotate.title": ("Salinan beranotasi cek-pokja: JANGAN diperiksa ulang",
                       "Annotated copy made by cek-pokja: do NOT check it again"),
    "annotate.lines": (("Sel yang bermasalah diberi warna dan komentar (merah muda: pelanggaran, kuning: "
                        "peringatan, biru: catatan). Perbaiki BERKAS ASLI di bawah ini, lalu periksa ulang berkas "
                        "asli tersebut.",
                        "Bila salinan ini hendak dipakai sebagai berkas kerja, hapus sheet ini terlebih dahulu."),
                       ("Offending cells are coloured and carry a comment (red: error, yellow: warning, blue: "
                        "info). Correct the ORIGINAL file named below, then check that original again.",
                        "To use this copy as your working file, delete this sheet first.")),
    "annotate.source": ("Berkas asli", "Original file"),
    "annotate.count": ("Jumlah temuan", "Findings"),
    "annotate.cols": (("No", "Aturan", "Tingkat", "Sheet", "Baris", "Kolom", "Dicatat pada", "Uraian",
                       "Dasar Hukum", "Saran Perbaikan"),
                      ("No", "Rule", "Severity", "Sheet", "Row", "Column", "Noted at", "Description",
                       "Legal Basis", "Suggested Fix")),
    "annotate.at_cell": ("sel {cell}", "cell {cell}"),
    "annotate.at_header": ("judul sheet (sel {cell})", "sheet header (cell {cell})"),
    "annotate.at_row": ("baris {row} (sel {cell})", "row {row} (cell {cell})"),
    "annotate.nowhere": ("hanya pada sheet ini (sheet tidak ada di workbook)",
                         "only on this sheet (the sheet is not in the workbook)"),
    "annotate.no_sheet": ("hanya pada sheet ini", "only on this sheet"),
}
