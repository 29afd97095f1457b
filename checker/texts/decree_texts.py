"""Texts of a decree draft (SK): `decree.*` why one cannot be read (load/decree/draft_errors.py,
DecreeError; decree-format.md §3.1): what is wrong and what to do, the S01 findings
(placeholders: {file} the path as given, and the error's params ({mb}, {limit}, {count},
{depth}, {s})); `sk.*` the pieces the S rules' messages quote (facts/decree*.py) and the
terminal's lines about drafts (output/terminal.py)."""
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
    "decree.reader_crash": ("Pembaca rancangan SK berhenti tak terduga saat membaca {file} ({detail}); berkas "
                            "kemungkinan rusak. Buka di Word lalu simpan ulang sebagai .docx.",
                            "The decree draft reader stopped unexpectedly while reading {file} ({detail}); the file "
                            "is probably damaged. Open it in Word and save it again as .docx."),
    "decree.internal_error": ("Kesalahan internal cek-pokja saat membaca rancangan SK {file}: {detail}. Mohon "
                              "laporkan ke tim pengembang cek-pokja (Biro Hukum dan Organisasi) beserta berkasnya; "
                              "berkas lain tetap diperiksa.",
                              "Internal error in cek-pokja while reading the decree draft {file}: {detail}. Please "
                              "report it to the cek-pokja developers (Biro Hukum dan Organisasi) with the file; the "
                              "other files were still checked."),

    # ---------------------------------------------------------------- S rule message pieces
    "sk.pairing.none": ("judulnya tidak menyebut unit workbook mana pun yang diperiksa dan nama berkasnya tidak "
                        "memuat Kode Unit mana pun",
                        "its title names no unit of the workbooks checked and its file name holds no Kode Unit"),
    "sk.pairing.several": ("rancangan ini cocok dengan lebih dari satu workbook ({files})",
                           "it matches more than one workbook ({files})"),
    "sk.issuer.instrument": ("bentuknya {instrument}, bukan KEPUTUSAN atau SURAT KEPUTUSAN",
                             "it is a {instrument}, not a KEPUTUSAN or SURAT KEPUTUSAN"),
    "sk.issuer.title": ("penetapnya “{issuer}” bukan jabatan JPT Pratama (Asisten Deputi, Kepala Biro, Inspektur)",
                        "its issuer “{issuer}” is no JPT Pratama office (Asisten Deputi, Kepala Biro, Inspektur)"),
    "sk.issuer.unit": ("penetapnya “{issuer}” bukan unit {unit} yang workbook-nya dipasangkan",
                       "its issuer “{issuer}” is not the unit {unit} whose workbook it is paired with"),
    "sk.blank.number": ("nomor SK", "the decree's number"),
    "sk.blank.date": ("tanggal penetapan", "the date of penetapan"),
    "sk.blank.both": ("nomor SK dan tanggal penetapan", "the decree's number and its date of penetapan"),
    "sk.sig.none": ("tidak ada blok penandatanganan (“Ditetapkan di …”)",
                    "there is no signature block (“Ditetapkan di …”)"),
    "sk.sig.signer": ("blok penandatanganan tidak memuat nama penanda tangan",
                      "the signature block names no signer"),
    "sk.sig.on_behalf": ("ditandatangani atas nama (“{office}”), bukan oleh JPT Pratama sendiri",
                         "it is signed on behalf (“{office}”), not by the JPT Pratama"),
    "sk.sig.office": ("jabatan penanda tangan “{office}” bukan penetap “{issuer}”",
                      "the signing office “{office}” is not the issuer “{issuer}”"),
    "sk.sig.nip": ("NIP penanda tangan {nip} tidak sama dengan NIP JPT Pratama ({head}) ataupun NIP Plt JPT Pratama "
                   "({plt}) unit",
                   "the signer's NIP {nip} is neither the unit's NIP JPT Pratama ({head}) nor its NIP Plt JPT "
                   "Pratama ({plt})"),
    "sk.sig.name": ("penanda tangan “{signer}” bukan Nama JPT Pratama unit (“{head}”) dan tidak ditandatangani "
                    "Plt./Plh.",
                    "the signer “{signer}” is not the unit's Nama JPT Pratama (“{head}”), and no Plt./Plh. signs"),
    "sk.term.none": ("tidak menyatakan akhir masa berlaku (“sampai dengan tanggal …”) maupun tahun kinerja pada "
                     "judulnya (“TAHUN …”)",
                     "it states neither the end of its term (“sampai dengan tanggal …”) nor a performance year in "
                     "its subject (“TAHUN …”)"),
    "sk.term.subject_year": ("tahun pada judulnya {year}, bukan Tahun Kinerja {expected}",
                             "the year in its subject is {year}, not the Tahun Kinerja {expected}"),
    "sk.term.end_year": ("masa berlakunya berakhir {end} (tahun {year}), bukan pada Tahun Kinerja {expected}",
                         "its term ends on {end} (year {year}), not in the Tahun Kinerja {expected}"),
    "sk.mengingat.none": ("tidak ada konsiderans Mengingat", "there is no Mengingat"),
    "sk.review": ("{ins} penyisipan, {dels} penghapusan, {moves} pemindahan terlacak dan {comments} komentar belum "
                  "selesai (oleh {authors})",
                  "{ins} insertions, {dels} deletions, {moves} moves tracked and {comments} unresolved comments "
                  "(by {authors})"),
    "sk.mismatch": ("{field} Pokja {pokja}: “{wb}” pada workbook, “{sk}” pada rancangan SK",
                    "{field} of Pokja {pokja}: “{wb}” in the workbook, “{sk}” in the draft"),
    "sk.part.title": ("judul (“KEPUTUSAN …” hingga baris NOMOR)", "the title (“KEPUTUSAN …” up to the NOMOR line)"),
    "sk.part.diktum": ("diktum (KESATU, KEDUA, … setelah MEMUTUSKAN)",
                       "the diktum (KESATU, KEDUA, … after MEMUTUSKAN)"),
    "sk.part.member_table": ("tabel susunan keanggotaan pada Lampiran (kolom Nama dan Kedudukan)",
                             "the Lampiran's member table (columns Nama and Kedudukan)"),
    "sk.part.date": ("tanggal penetapan", "the date of penetapan"),
    "sk.owner.named": ("{role} ({name})", "the {role} ({name})"),
    "sk.chair.none": ("tidak memiliki Ketua", "has no Ketua"),
    "sk.chair.many": ("memiliki lebih dari satu Ketua ({names})", "has more than one Ketua ({names})"),
    "sk.chair.no_rows": ("tidak tercantum pada tabel susunan keanggotaan mana pun",
                         "is listed in no member table"),
    "sk.unmatched.sk": ("{name} yang dibentuk rancangan SK tidak ada pada sheet Pokja workbook",
                        "{name}, formed by the draft, is not on the workbook's Pokja sheet"),
    "sk.unmatched.workbook": ("Pokja {pokja} ({name}) pada workbook tidak dibentuk rancangan SK",
                              "Pokja {pokja} ({name}) of the workbook is not formed by the draft"),
    "sk.missing.column": ("{table} tidak memiliki kolom {column} untuk {pokja}",
                          "{table} has no {column} column for {pokja}"),
    "sk.missing.person": ("{column} {name} pada {pokja} kosong", "the {column} of {name} in {pokja} is empty"),
    "sk.side.sk": ("tercantum pada Lampiran rancangan SK untuk Pokja {pokja}, tetapi tidak pada sheet Anggota Pokja",
                   "listed in the draft's Lampiran for Pokja {pokja}, but not on the Anggota Pokja sheet"),
    "sk.side.workbook": ("tercantum pada sheet Anggota Pokja untuk Pokja {pokja}, tetapi tidak pada Lampiran "
                         "rancangan SK",
                         "listed on the Anggota Pokja sheet for Pokja {pokja}, but not in the draft's Lampiran"),
    "sk.target.not_in_sk": ("target PK {code} pada Kode Target Pokja {pokja} tidak disebut pada target kinerja "
                            "Pokja dalam rancangan SK",
                            "PK target {code} of Pokja {pokja}'s Kode Target is not named in the Pokja's target "
                            "text in the draft"),
    "sk.target.not_in_workbook": ("target PK {code} disebut pada target kinerja Pokja {pokja} dalam rancangan SK, "
                                  "tetapi tidak tercantum pada Kode Target Pokja itu di workbook",
                                  "PK target {code} is named in Pokja {pokja}'s target text in the draft, but is "
                                  "not in that Pokja's Kode Target in the workbook"),
    "sk.target.value": ("nilai target PK {code} pada rancangan SK {sk}, sedangkan Target pada sheet PK {wb}",
                        "the value of PK target {code} in the draft is {sk}, while the PK sheet's Target is {wb}"),
    # ---------------------------------------------------------------- terminal
    "sk.as_recorded": ("Temuan ini menurut workbook dan rancangan SK yang diperiksa: disusun dari isi keduanya "
                       "sebagaimana tercatat, bukan dari SK yang ditandatangani.",
                       "These findings are as recorded in the workbooks and decree drafts checked, not in the "
                       "signed decrees."),
    "sk.unit": ("  {unit:<12} Status menurut workbook dan rancangan SK {files}: {status:<20} {counts}",
                "  {unit:<12} Status as recorded and in decree draft {files}: {status:<20} {counts}"),
    "sk.alone": ("  {file}: diperiksa tersendiri (tanpa workbook), status menurut rancangan SK: {status:<20} {counts}",
                 "  {file}: checked on its own (no workbook), status in the draft: {status:<20} {counts}"),
    "sk.head": ("Rancangan SK:", "Decree drafts:"),
    "sk.paired": ("  {file} dipasangkan dengan {workbook} (menurut {how}).",
                  "  {file} paired with {workbook} (by its {how})."),
    "sk.how.judul": ("judul", "title"),
    "sk.how.nama_berkas": ("nama berkas", "file name"),
    "sk.unpaired": ("  {file} tidak dipasangkan dengan workbook mana pun: diperiksa tersendiri.",
                    "  {file} is paired with no workbook: checked on its own."),
    "sk.not_read": ("  {file}: PDF tidak dibaca pada versi ini (hanya dicantumkan).",
                    "  {file}: PDF is not read in this version (listed only)."),
    "sk.not_a_decree": ("  {file}: bukan rancangan SK (tanpa judul, diktum, maupun tabel anggota); tidak diperiksa.",
                        "  {file}: not a decree draft (no title, diktum or member table); not checked."),
    "sk.unreadable": ("  {file}: tidak dapat dibaca (lihat temuan S01).",
                      "  {file}: cannot be read (see finding S01)."),
}
