"""Texts of a master roster that cannot be used (RosterError)."""
from __future__ import annotations

TEXTS = {
    "roster.not_found": ("Roster induk {path} tidak ditemukan.", "The master roster {path} does not exist."),
    "roster.unreadable": ("Roster induk {path} tidak dapat dibaca: {detail}",
                          "The master roster {path} cannot be read: {detail}"),
    "roster.no_sheet": ("Roster induk {path} tidak memiliki sheet dengan kolom NIP (NIP, NIP_BARU) dan kolom unit "
                        "(Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) pada 10 baris pertamanya.",
                        "The master roster {path} has no sheet with a NIP column (NIP, NIP_BARU) and a unit "
                        "column (Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja) in its first 10 rows."),
    "roster.no_rows": ("Roster induk {path} (sheet {sheet}) tidak memuat satu pun baris pegawai dengan NIP.",
                       "The master roster {path} (sheet {sheet}) lists no employee with a NIP."),
    "roster.nip_numbers": ("Kolom NIP roster induk {path} (sheet {sheet}) tersimpan sebagai angka pada {detail} "
                           "baris, sehingga digit terakhir NIP hilang; format kolom NIP sebagai teks lalu ekspor "
                           "ulang roster.",
                           "The NIP column of the master roster {path} (sheet {sheet}) is stored as numbers in "
                           "{detail} rows, so the NIPs' last digits are lost; format the NIP column as text and "
                           "export the roster again."),
}
