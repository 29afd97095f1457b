"""Texts of a workbook that cannot be read at all (LoadError): what is wrong and what to do,
one per kind of checker/load/errors.py. Placeholders: {file} the path as given, {detail},
and the parameters of the kind's factory ({sheet}, {cell}, {cells}, {mb}, {s}, ...)."""
from __future__ import annotations

TEXTS = {
    # the hint of an unreadable file's D05 (pipeline/run.py unreadable_hint), by its reason
    "run.unreadable_hint.save_as_xlsx": (
        "Buka berkas ini di Excel, simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As, lalu kirim "
        "atau periksa ulang berkas .xlsx tersebut.",
        "Open this file in Excel, save it again as an Excel Workbook (.xlsx) with File > Save As, then send or "
        "check that .xlsx file again."),
    "run.unreadable_hint.own_output": (
        "Periksa workbook unit yang asli, bukan salinan beranotasi atau workbook temuan buatan cek-pokja.",
        "Check the unit's original workbook, not an annotated copy or a findings workbook made by cek-pokja."),
    "run.unreadable_hint.password": (
        "Hapus kata sandi workbook (File > Info > Protect Workbook), simpan ulang sebagai .xlsx, lalu periksa "
        "ulang.",
        "Remove the workbook's password (File > Info > Protect Workbook), save it again as .xlsx, then check it "
        "again."),
    "run.unreadable_hint.roster": (
        "Berikan berkas ini sebagai roster induk dengan opsi --roster, misalnya: cek-pokja check FOLDER --roster "
        "BERKAS (roster di dalam folder itu tidak diperiksa sebagai unit).",
        "Give this file as the master roster with the --roster option, e.g. cek-pokja check FOLDER --roster FILE "
        "(a roster inside that folder is not checked as a unit)."),
    "run.looks_like_roster": (
        "Berkas {file} tampaknya roster induk pegawai (seperti ekspor SIASN: kolom NIP dan unit kerja), bukan "
        "workbook unit, sehingga tidak diperiksa sebagai unit. Berikan dengan --roster {file} agar pegawainya "
        "dicocokkan dengan sheet Pegawai setiap unit.",
        "The file {file} looks like a master roster of employees (like a SIASN export: a NIP and a unit column), "
        "not a unit workbook, so it is not checked as a unit. Give it with --roster {file} so that its employees "
        "are matched against each unit's Pegawai sheet."),
    "run.unreadable_hint.fix_file": (
        "Perbaiki berkas seperti diuraikan pada temuan ini, lalu periksa ulang.",
        "Fix the file as this finding describes, then check it again."),
    "load.not_found": ("Berkas {file} tidak ditemukan.", "The file {file} does not exist."),
    "load.io_error": ("Berkas {file} tidak dapat dibuka atau dibaca; periksa izin akses dan apakah berkas sedang "
                      "dipakai aplikasi lain.",
                      "The file {file} cannot be opened or read; check its permissions and whether another "
                      "program holds it."),
    "load.empty_file": ("Berkas {file} kosong (0 byte). Simpan ulang workbook dari Excel lalu kirim kembali.",
                        "The file {file} is empty (0 bytes). Save the workbook from Excel again and resend it."),
    "load.format_xls": ("Berkas {file} berformat Excel 97-2003 (.xls) yang tidak dapat diperiksa. Buka di Excel "
                        "lalu simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As. Format yang "
                        "diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                        "The file {file} is an Excel 97-2003 workbook (.xls), which cannot be checked. Open it in "
                        "Excel and save it again as an Excel Workbook (.xlsx) with File > Save As. Accepted "
                        "formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm)."),
    "load.format_xlsb": ("Berkas {file} berformat Excel Binary Workbook (.xlsb) yang tidak dapat diperiksa. Buka "
                         "di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As. Format "
                         "yang diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                         "The file {file} is an Excel Binary Workbook (.xlsb), which cannot be checked. Open it "
                         "in Excel and save it again as an Excel Workbook (.xlsx) with File > Save As. Accepted "
                         "formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm)."),
    "load.format_ods": ("Berkas {file} berformat OpenDocument Spreadsheet (.ods) yang tidak dapat diperiksa. Buka "
                        "di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As. Format "
                        "yang diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                        "The file {file} is an OpenDocument spreadsheet (.ods), which cannot be checked. Open it "
                        "in Excel and save it again as an Excel Workbook (.xlsx) with File > Save As. Accepted "
                        "formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm)."),
    "load.format_csv": ("Berkas {file} berisi teks/CSV, bukan workbook Excel. Buka di Excel lalu simpan ulang "
                        "sebagai Excel Workbook (.xlsx) lewat File > Save As. Format yang diterima: Excel "
                        "Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                        "The file {file} is text/CSV, not an Excel workbook. Open it in Excel and save it again "
                        "as an Excel Workbook (.xlsx) with File > Save As. Accepted formats: Excel Workbook "
                        "(.xlsx) and Excel Macro-Enabled Workbook (.xlsm)."),
    "load.format_html": ("Berkas {file} berupa halaman web atau ekspor XML dari aplikasi lain, bukan workbook "
                         "Excel. Buka di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save "
                         "As. Format yang diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook "
                         "(.xlsm).",
                         "The file {file} is a web page or an XML export from another program, not an Excel "
                         "workbook. Open it in Excel and save it again as an Excel Workbook (.xlsx) with File > "
                         "Save As. Accepted formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook "
                         "(.xlsm)."),
    "load.format_docx": ("Berkas {file} adalah dokumen Word atau PowerPoint, bukan workbook Excel. Format yang "
                         "diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                         "The file {file} is a Word or PowerPoint document, not an Excel workbook. Accepted "
                         "formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm)."),
    "load.format_other": ("Berkas {file} bukan workbook Excel. Format yang diterima: Excel Workbook (.xlsx) dan "
                          "Excel Macro-Enabled Workbook (.xlsm).",
                          "The file {file} is not an Excel workbook. Accepted formats: Excel Workbook (.xlsx) and "
                          "Excel Macro-Enabled Workbook (.xlsm)."),
    "load.annotated_copy": ("Berkas {file} adalah salinan beranotasi buatan cek-pokja (memuat sheet \"Hasil "
                            "cek-pokja\" atau, dalam bahasa Inggris, \"cek-pokja results\") dan tidak diperiksa. "
                            "Perbaiki berkas aslinya lalu periksa berkas asli itu; bila salinan ini hendak dipakai "
                            "sebagai berkas kerja, hapus dahulu sheet tersebut.",
                            "The file {file} is an annotated copy made by cek-pokja (it has a sheet \"cek-pokja "
                            "results\" or, in Indonesian, \"Hasil cek-pokja\") and is not checked. Correct the "
                            "original file and check that one; to use this copy as your working file, delete that "
                            "sheet first."),
    "load.lock_file": ("Berkas {file} adalah berkas kunci sementara Excel (~$...), bukan workbook; abaikan atau "
                       "hapus setelah Excel ditutup.",
                       "The file {file} is a temporary Excel lock file (~$...), not a workbook; ignore it or "
                       "delete it once Excel is closed."),
    "load.password_protected": ("Workbook {file} dilindungi kata sandi sehingga tidak dapat dibaca. Buka di "
                                "Excel, hapus kata sandinya (File > Info > Protect Workbook > Encrypt with "
                                "Password, kosongkan), lalu simpan ulang.",
                                "The workbook {file} is password-protected and cannot be read. Open it in Excel, "
                                "remove the password (File > Info > Protect Workbook > Encrypt with Password, "
                                "clear it), then save it again."),
    "load.zip_bomb": ("Berkas {file} ditolak: ukuran isi terkompresinya tidak wajar (jauh lebih besar dari "
                      "workbook biasa atau tidak sesuai dengan yang dinyatakan), tanda berkas rusak atau "
                      "berbahaya. Buka di Excel lalu simpan ulang sebagai .xlsx, atau minta berkas asli dari "
                      "pengirim.",
                      "The file {file} was refused: the size of its compressed content is implausible (far beyond "
                      "any normal workbook, or not what it declares), a sign of a damaged or malicious file. Open "
                      "it in Excel and save it again as .xlsx, or ask the sender for the original."),
    "load.xml_doctype": ("Berkas {file} ditolak: memuat deklarasi XML DOCTYPE/ENTITY yang tidak pernah ditulis "
                         "Excel, tanda berkas dibuat atau diubah oleh aplikasi lain dan berpotensi berbahaya. "
                         "Buka di Excel lalu simpan ulang sebagai .xlsx.",
                         "The file {file} was refused: it contains XML DOCTYPE/ENTITY declarations Excel never "
                         "writes, a sign it was made or altered by another program and may be malicious. Open it "
                         "in Excel and save it again as .xlsx."),
    "load.corrupt": ("Workbook {file} rusak dan tidak dapat dibaca. Buka di Excel (Excel akan menawarkan "
                     "perbaikan) lalu simpan ulang sebagai .xlsx.",
                     "The workbook {file} is damaged and cannot be read. Open it in Excel (it will offer to "
                     "repair it) and save it again as .xlsx."),
    "load.range_too_large": ("Sheet {sheet} pada {file} memakai rentang sel yang terlalu besar untuk dibaca "
                             "(sampai sel {cell}, {cells} sel). Hapus isi dan format sel di luar tabel (baris di "
                             "bawah dan kolom di kanan data) lalu simpan ulang.",
                             "Sheet {sheet} of {file} uses a cell range too large to read (up to cell {cell}, "
                             "{cells} cells). Clear the cells outside the table (rows below and columns right of "
                             "the data) and save it again."),
    "load.memory_limit": ("Berkas {file} terlalu besar untuk dibaca dalam batas memori {mb} MB. Hapus sheet, "
                          "baris, atau kolom yang tidak diperlukan lalu simpan ulang, atau jalankan ulang dengan "
                          "batas memori lebih besar (--max-memory).",
                          "The file {file} is too large to read within the memory limit of {mb} MB. Delete the "
                          "sheets, rows or columns that are not needed and save it again, or run again with a "
                          "larger memory limit (--max-memory)."),
    "load.timeout": ("Pembacaan berkas {file} dihentikan karena melewati batas waktu {s} detik. Hapus sheet, "
                     "baris, atau kolom yang tidak diperlukan lalu simpan ulang, atau jalankan ulang dengan batas "
                     "waktu lebih panjang (--timeout).",
                     "Reading the file {file} was stopped after the time limit of {s} seconds. Delete the sheets, "
                     "rows or columns that are not needed and save it again, or run again with a longer time "
                     "limit (--timeout)."),
    "load.reader_crash": ("Pembaca workbook berhenti tak terduga saat membaca {file} ({detail}); berkas "
                          "kemungkinan rusak. Buka di Excel lalu simpan ulang sebagai .xlsx.",
                          "The workbook reader stopped unexpectedly while reading {file} ({detail}); the file is "
                          "probably damaged. Open it in Excel and save it again as .xlsx."),
    "load.internal_error": ("Kesalahan internal cek-pokja saat membaca {file}: {detail}. Mohon laporkan ke tim "
                            "pengembang cek-pokja (Biro Hukum dan Organisasi) beserta berkasnya; berkas lain "
                            "tetap diperiksa.",
                            "Internal error in cek-pokja while reading {file}: {detail}. Please report it to the "
                            "cek-pokja developers (Biro Hukum dan Organisasi) with the file; the other files were "
                            "still checked."),
    "load.not_a_file": ("{file} bukan berkas biasa (melainkan pipa/FIFO, perangkat, atau soket) sehingga tidak "
                        "dibuka dan tidak diperiksa. Salin workbook unit sebagai berkas .xlsx biasa lalu periksa "
                        "kembali.",
                        "{file} is not a regular file (it is a pipe/FIFO, a device or a socket), so it was not "
                        "opened and not checked. Copy the unit workbook as a plain .xlsx file and check again."),
    "load.dangling_link": ("{file} adalah tautan (symbolic link) ke berkas yang tidak ada sehingga tidak "
                           "diperiksa. Ganti tautan itu dengan workbook unit yang dimaksud.",
                           "{file} is a symbolic link to a file that does not exist, so it was not checked. "
                           "Replace the link with the unit workbook it should point to."),
    "load.folder": ("Folder {file} tidak dapat dibaca (periksa izin aksesnya) sehingga workbook unit di "
                    "dalamnya tidak diperiksa.",
                    "The folder {file} cannot be read (check its permissions), so the unit workbooks in it "
                    "were not checked."),
    "load.file_too_large": ("Berkas {file} ({mb} MB) melebihi batas {limit} MB untuk satu berkas masukan dan tidak "
                            "dibaca. Hapus sheet, baris, atau gambar yang tidak diperlukan lalu simpan ulang.",
                            "The file {file} ({mb} MB) exceeds the {limit} MB limit for one input file and was "
                            "not read. Delete the sheets, rows or pictures that are not needed and save it again."),
    "load.too_many_rows": ("Sheet {sheet} pada {file} memuat {rows} baris; paling banyak {limit} baris dibaca, "
                           "sehingga berkas ini tidak diperiksa. Hapus baris di bawah tabel (termasuk baris "
                           "kosong yang masih berisi nilai) lalu simpan ulang.",
                           "Sheet {sheet} of {file} has {rows} rows; at most {limit} are read, so this file was "
                           "not checked. Delete the rows below the table (including seemingly empty rows that "
                           "still hold a value) and save it again."),
}
