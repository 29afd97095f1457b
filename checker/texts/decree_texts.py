"""Texts of a decree draft (SK) that cannot be read (load/decree/errors.py, DecreeError;
decree-format.md §3.1): what is wrong and what to do. They become S01 findings.
Placeholders: {file} the path as given, and the error's params ({mb}, {limit}, {count},
{depth}, {s})."""
from __future__ import annotations

_SAVE_AS = ("simpan sebagai .docx (File \u203a Save As \u203a Word Document) lalu periksa lagi",
            "save it as .docx (File \u203a Save As \u203a Word Document) and check it again")

TEXTS = {
    "decree.not_found": ("Rancangan SK {file} tidak ditemukan.", "The decree draft {file} does not exist."),
    "decree.io_error": ("Rancangan SK {file} tidak dapat dibuka atau dibaca; periksa izin akses dan apakah berkas "
                        "sedang dipakai aplikasi lain.",
                        "The decree draft {file} cannot be opened or read; check its permissions and whether "
                        "another program holds it."),
    "decree.not_a_file": ("{file} bukan berkas biasa (melainkan pipa/FIFO, perangkat, atau soket) sehingga tidak "
                          "dibuka dan tidak diperiksa. Salin rancangan SK sebagai berkas .docx biasa lalu periksa "
                          "lagi.",
                          "{file} is not a regular file (it is a pipe/FIFO, a device or a socket), so it was not "
                          "opened and not checked. Copy the decree draft as a plain .docx file and check again."),
    "decree.dangling_link": ("{file} adalah tautan (symbolic link) ke berkas yang tidak ada sehingga tidak "
                             "diperiksa. Ganti tautan itu dengan rancangan SK yang dimaksud.",
                             "{file} is a symbolic link to a file that does not exist, so it was not checked. "
                             "Replace the link with the decree draft it should point to."),
    "decree.empty_file": ("Berkas {file} kosong (0 byte): berkas rusak atau bukan .docx. Simpan ulang rancangan SK "
                          "dari Word lalu periksa lagi.",
                          "The file {file} is empty (0 bytes): the file is damaged or not a .docx. Save the "
                          "decree draft from Word again and check it again."),
    "decree.lock_file": ("Berkas {file} adalah berkas kunci sementara Word (~$...), bukan rancangan SK; abaikan "
                         "atau hapus setelah Word ditutup.",
                         "The file {file} is a temporary Word lock file (~$...), not a decree draft; ignore it "
                         "or delete it once Word is closed."),
    "decree.legacy_doc": ("Berkas {file} adalah dokumen Word lama; " + _SAVE_AS[0] + ".",
                          "The file {file} is a legacy Word document (.doc); " + _SAVE_AS[1] + "."),
    "decree.encrypted": ("Rancangan SK {file} dilindungi kata sandi sehingga tidak dapat dibaca. Buka di Word, "
                         "hapus kata sandinya (File \u203a Info \u203a Protect Document \u203a Encrypt with "
                         "Password, kosongkan), lalu simpan ulang sebagai .docx.",
                         "The decree draft {file} is password-protected and cannot be read. Open it in Word, "
                         "remove the password (File \u203a Info \u203a Protect Document \u203a Encrypt with "
                         "Password, clear it), then save it again as .docx."),
    "decree.rtf": ("Berkas {file} berformat Rich Text (.rtf); " + _SAVE_AS[0] + ".",
                   "The file {file} is a Rich Text file (.rtf); " + _SAVE_AS[1] + "."),
    "decree.odt": ("Berkas {file} berformat OpenDocument (.odt); " + _SAVE_AS[0] + ".",
                   "The file {file} is an OpenDocument file (.odt); " + _SAVE_AS[1] + "."),
    "decree.pdf": ("Berkas {file}: PDF tidak dibaca pada versi ini; periksa rancangan SK dalam .docx.",
                   "The file {file}: PDF is not read in this version; check the decree draft as .docx."),
    "decree.image": ("Berkas {file} berupa gambar atau hasil pindaian: tidak dibaca pada versi ini; periksa "
                     "rancangan SK dalam .docx.",
                     "The file {file} is a picture or a scan: it is not read in this version; check the decree "
                     "draft as .docx."),
    "decree.corrupt": ("Berkas {file} tidak dapat dibaca: berkas rusak atau bukan .docx. Buka di Word (Word akan "
                       "menawarkan perbaikan) lalu simpan ulang sebagai .docx.",
                       "The file {file} cannot be read: the file is damaged or not a .docx. Open it in Word (it "
                       "will offer to repair it) and save it again as .docx."),
    "decree.no_document": ("Berkas {file} tidak dapat dibaca: berkas rusak atau bukan .docx (tidak memuat isi "
                           "dokumen Word, word/document.xml).",
                           "The file {file} cannot be read: the file is damaged or not a .docx (it holds no Word "
                           "document body, word/document.xml)."),
    "decree.too_large": ("Berkas {file} ({mb} MB) melebihi batas {limit} MB untuk satu berkas masukan dan tidak "
                         "dibaca. Hapus gambar atau objek sisipan yang tidak diperlukan lalu simpan ulang.",
                         "The file {file} ({mb} MB) exceeds the {limit} MB limit for one input file and was not "
                         "read. Delete the pictures or embedded objects that are not needed and save it again."),
    "decree.zip_bomb": ("Berkas {file} ditolak: ukuran isi terkompresinya tidak wajar (jauh lebih besar dari "
                        "dokumen biasa atau tidak sesuai dengan yang dinyatakan), tanda berkas rusak atau "
                        "berbahaya. Buka di Word lalu simpan ulang sebagai .docx, atau minta berkas asli dari "
                        "pengirim.",
                        "The file {file} was refused: the size of its compressed content is implausible (far "
                        "beyond any normal document, or not what it declares), a sign of a damaged or malicious "
                        "file. Open it in Word and save it again as .docx, or ask the sender for the original."),
    "decree.xml_doctype": ("Berkas {file} ditolak: memuat deklarasi XML DOCTYPE/ENTITY yang tidak pernah ditulis "
                           "Word, tanda berkas dibuat atau diubah oleh aplikasi lain dan berpotensi berbahaya. "
                           "Buka di Word lalu simpan ulang sebagai .docx.",
                           "The file {file} was refused: it contains XML DOCTYPE/ENTITY declarations Word never "
                           "writes, a sign it was made or altered by another program and may be malicious. Open "
                           "it in Word and save it again as .docx."),
    "decree.too_many_paragraphs": ("Rancangan SK {file} memuat {count} paragraf; paling banyak {limit} paragraf "
                                   "dibaca, sehingga berkas ini tidak diperiksa. Periksa apakah berkas yang "
                                   "diberikan memang rancangan SK.",
                                   "The decree draft {file} has {count} paragraphs; at most {limit} are read, so "
                                   "this file was not checked. Check that the file given is really the decree "
                                   "draft."),
    "decree.too_many_rows": ("Rancangan SK {file} memuat {count} baris tabel; paling banyak {limit} baris dibaca, "
                             "sehingga berkas ini tidak diperiksa. Periksa apakah berkas yang diberikan memang "
                             "rancangan SK.",
                             "The decree draft {file} has {count} table rows; at most {limit} are read, so this "
                             "file was not checked. Check that the file given is really the decree draft."),
    "decree.too_deep": ("Rancangan SK {file} memuat tabel bersarang {depth} tingkat; paling banyak {limit} tingkat "
                        "dibaca, sehingga berkas ini tidak diperiksa. Kurangi tabel di dalam tabel lalu simpan "
                        "ulang.",
                        "The decree draft {file} nests tables {depth} levels deep; at most {limit} levels are "
                        "read, so this file was not checked. Reduce the tables inside tables and save it again."),
    "decree.own_annotated_copy": ("Berkas {file} adalah salinan beranotasi buatan cek-pokja (properti dokumen "
                                  "cek-pokja-annotated) dan tidak diperiksa. Perbaiki rancangan SK aslinya lalu "
                                  "periksa berkas asli itu.",
                                  "The file {file} is an annotated copy made by cek-pokja (document property "
                                  "cek-pokja-annotated) and is not checked. Correct the original decree draft "
                                  "and check that one."),
    "decree.memory_limit": ("Rancangan SK {file} terlalu besar untuk dibaca dalam batas memori {mb} MB. Hapus "
                            "gambar atau objek sisipan yang tidak diperlukan lalu simpan ulang, atau jalankan "
                            "ulang dengan batas memori lebih besar (--max-memory).",
                            "The decree draft {file} is too large to read within the memory limit of {mb} MB. "
                            "Delete the pictures or embedded objects that are not needed and save it again, or "
                            "run again with a larger memory limit (--max-memory)."),
    "decree.timeout": ("Pembacaan rancangan SK {file} dihentikan karena melewati batas waktu {s} detik. Simpan "
                       "ulang dari Word lalu periksa lagi, atau jalankan ulang dengan batas waktu lebih panjang "
                       "(--timeout).",
                       "Reading the decree draft {file} was stopped after the time limit of {s} seconds. Save it "
                       "from Word again and check again, or run again with a longer time limit (--timeout)."),
}
