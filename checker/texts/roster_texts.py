"""Texts of a master roster that cannot be used (RosterError), one per kind of
checker/load/errors.py (its factory's parameters; {path}, {detail} and {sheet} always)."""
from __future__ import annotations

TEXTS = {
    "roster.not_found": ("Roster induk {path} tidak ditemukan.", "The master roster {path} does not exist."),
    "roster.unreadable": ("Roster induk {path} tidak dapat dibaca: {detail}",
                          "The master roster {path} cannot be read: {detail}"),
    "roster.no_sheet": ("Roster induk {path} tidak memiliki sheet dengan kolom NIP (NIP, NIP_BARU) dan kolom unit "
                        "(Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) pada 20 baris pertamanya.",
                        "The master roster {path} has no sheet with a NIP column (NIP, NIP_BARU) and a unit "
                        "column (Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) in its first 20 rows."),
    "roster.no_rows": ("Roster induk {path} (sheet {sheet}) tidak memuat satu pun baris pegawai dengan NIP.",
                       "The master roster {path} (sheet {sheet}) lists no employee with a NIP."),
    "roster.nip_numbers": ("Kolom NIP roster induk {path} (sheet {sheet}) tersimpan sebagai angka pada "
                           "{numbers}/{nips} baris, sehingga digit terakhir NIP hilang; format kolom NIP sebagai teks "
                           "lalu ekspor ulang roster.",
                           "The NIP column of the master roster {path} (sheet {sheet}) is stored as numbers in "
                           "{numbers}/{nips} rows, so the NIPs' last digits are lost; format the NIP column as text "
                           "and export the roster again."),
    "roster.csv_too_large": ("Roster induk {path} ({mb} MB) melebihi batas {limit} MB untuk roster CSV.",
                             "The master roster {path} ({mb} MB) exceeds the {limit} MB limit for a CSV roster."),
    "roster.csv_encoding": ("Roster induk {path}, baris {line}: berkas tidak berenkode UTF-8 (tampaknya {found}); "
                            "simpan ulang sebagai \u201cCSV UTF-8\u201d, seperti ekspor SIASN.",
                            "The master roster {path}, line {line}: the file is not UTF-8 (it looks like {found}); "
                            "save it again as \u201cCSV UTF-8\u201d, as SIASN exports it."),
    "roster.csv_no_header": ("Roster induk {path}: tidak ada baris judul kolom dengan kolom NIP (NIP, NIP_BARU) dan "
                             "kolom unit (Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) pada 20 baris "
                             "pertamanya (baris {line}); pemisah kolom yang dikenali: |  ,  ;  dan tab.",
                             "The master roster {path}: no header line with a NIP column (NIP, NIP_BARU) and a "
                             "unit column (Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) in its first 20 "
                             "lines (line {line}); the delimiters recognised are |  ,  ;  and tab."),
    "roster.csv_no_nip": ("Roster induk {path}, baris {line}: baris judul kolom tidak memuat kolom NIP (NIP, "
                          "NIP_BARU, nip_baru).",
                          "The master roster {path}, line {line}: the header line has no NIP column (NIP, "
                          "NIP_BARU, nip_baru)."),
    "roster.csv_no_unit": ("Roster induk {path}, baris {line}: baris judul kolom tidak memuat kolom unit (Kode "
                           "Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja).",
                           "The master roster {path}, line {line}: the header line has no unit column (Kode Unit, "
                           "KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja)."),
    "roster.csv_malformed": ("Roster induk {path}, baris {line}: isi CSV tidak dapat dibaca ({detail}).",
                             "The master roster {path}, line {line}: the CSV cannot be read ({detail})."),
    "roster.not_a_file": ("Roster induk {path} bukan berkas biasa (melainkan pipa/FIFO, perangkat, atau soket) "
                          "sehingga tidak dibuka. Berikan roster sebagai berkas .xlsx atau .csv biasa.",
                          "The master roster {path} is not a regular file (it is a pipe/FIFO, a device or a "
                          "socket), so it was not opened. Give the roster as a plain .xlsx or .csv file."),
}
