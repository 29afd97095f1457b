"""Texts the facts carry into messages, in both languages (chosen when a finding is written)."""
from __future__ import annotations

TEXTS = {
    "fact.target_code_empty": ("Kode Target belum diisi", "the Kode Target is empty"),
    "fact.target_value_empty": ("Target PK {code} ({indicator}) tidak memiliki nilai pada kolom Target",
                                "PK target {code} ({indicator}) has no value in the Target column"),
    "fact.target_column_missing": ("Sheet PK tidak memiliki kolom Target: tidak satu pun target PK ({codes}) "
                                   "memiliki nilai target",
                                   "The PK sheet has no Target column: no PK target ({codes}) has a target value"),
    "fact.target_code_unknown": ("Kode Target tercatat {code}, bukan kode target pada sheet PK (target PK yang "
                                 "tersedia: {known})",
                                 "the Kode Target reads {code}, which is not a target code of the PK sheet (PK "
                                 "targets: {known})"),
    "fact.nip_number": ("tersimpan sebagai angka sehingga digit terakhirnya tidak dapat dipercaya",
                        "stored as a number, so its last digits cannot be trusted"),
    "fact.nip_of": ("{label} milik {name}", "{label} of {name}"),
    "fact.nip_invalid": ("bukan NIP PNS atau PPPK 18 digit yang sah", "not a valid 18-digit PNS or PPPK NIP"),
    "fact.formula_error": ("rumus menghasilkan galat", "the formula gives an error"),
    "fact.formula_no_value": ("rumus tanpa nilai tersimpan (berkas terakhir disimpan oleh program selain Excel)",
                              "a formula with no stored value (the file was last saved by a program other than "
                              "Excel)"),
    "fact.partial": (" Pemeriksaan yang memerlukannya tidak dijalankan untuk unit ini; aturan lain tetap diperiksa.",
                     " The checks that need it are not run for this unit; the other rules are still checked."),
    "fact.also_named": (" (nama lain yang diterima: {aliases})", " (accepted other names: {aliases})"),
    "fact.sheet_missing": ("Sheet wajib “{sheet}” tidak ditemukan{also}.",
                           "The required sheet “{sheet}” was not found{also}."),
    "fact.column_missing": ("Kolom wajib “{column}” tidak ditemukan pada baris judul sheet {sheet}{also}.",
                            "The required column “{column}” was not found in the header row of sheet {sheet}{also}."),
    "fact.sheet_ambiguous": ("Sheet {names} sama-sama dapat dibaca sebagai sheet {sheet}, sehingga tidak ada yang "
                             "dibaca; sisakan satu, atau cantumkan Tahun Kinerja unit pada nama sheet yang berlaku "
                             "(misalnya “{sheet} 2025”).",
                             "Sheets {names} can each be read as the {sheet} sheet, so none was read; keep one, or put "
                             "the unit's Tahun Kinerja in the name of the one that applies (e.g. “{sheet} 2025”)."),
    "fact.kind_ambiguous": ("Sheet “{sheet}” dapat dibaca sebagai sheet {kinds} sekaligus, sehingga tidak dibaca; beri "
                            "sheet itu nama baku.",
                            "Sheet “{sheet}” can be read as the {kinds} sheet alike, so it was not read; give it its "
                            "standard name."),
    "fact.rows_unplaced": ("Baris berikut tidak dapat dikenali sebagai baris data, judul, catatan, jumlah, atau tanda "
                           "tangan tabel, sehingga tidak dibaca sebagai pegawai, Pokja, anggota, atau entri MPH: "
                           "{rows}.",
                           "These rows could not be recognised as a table's data, title, note, total or signature "
                           "rows, so they were not read as an employee, a Pokja, a member or an MPH entry: {rows}."),
    "fact.rows_unplaced_rest": (" Aturan lain tetap diperiksa pada baris yang terbaca. Bila baris itu data, lengkapi "
                                "kolomnya (misalnya NIP atau Nama) di dalam tabelnya, tanpa baris kosong di atasnya; "
                                "bila bukan data, awali dengan “Keterangan:” atau hapus.",
                                " The other rules are still checked on the rows that were read. If such a row is "
                                "data, fill in its columns (e.g. NIP or Nama) inside its table, with no blank row "
                                "above it; if it is not, begin it with “Keterangan:” or delete it."),
    "fact.roster_missing": ("tidak terdapat pada roster induk", "is not in the master roster"),
    "fact.roster_other_unit": ("tercantum pada roster induk di unit lain: {units}",
                               "is listed in the master roster under another unit: {units}"),
    "fact.holder_row": ("{unit} ({file}, baris {row})", "{unit} ({file}, row {row})"),
    "fact.holder_pegawai": ("{unit} (sheet Pegawai {file}, baris {row})",
                            "{unit} (Pegawai sheet of {file}, row {row})"),
    "fact.holder_roster": ("{unit} (roster induk)", "{unit} (master roster)"),
    "fact.claim": ("{unit} Pokja {pokja} ({file}, baris {row})", "{unit} Pokja {pokja} ({file}, row {row})"),
    "fact.roster_unit": ("tidak menyampaikan workbook (unit dari roster induk)",
                         "submitted no workbook (unit from the master roster)"),
}
