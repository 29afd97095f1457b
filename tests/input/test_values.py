"""values.py and contract.py: every value form of input-format.md."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from checker.input import contract, vocab
from checker.input.dates import MONTHS, parse_date
from checker.input.nip import parse_nip
from checker.input.values import (
    cell_text,
    fold_code,
    fold_header,
    fold_text,
    header_code,
    is_code_like,
    is_placeholder,
    parse_codes,
    parse_peran,
    parse_year,
    split_codes,
    split_list,
)
from checker.input.vocab import parse_vocab

TODAY = date(2025, 6, 1)


# ------------------------------------------------------------------------------------ NIP

@pytest.mark.parametrize("raw, key", [
    ("198609262015051001", "198609262015051001"),          # PNS
    ("198503302023212012", "198503302023212012"),          # PPPK: 2023, 2, 1, sex 2, 012
    ("19860926 201505 1 001", "198609262015051001"),       # spaces
    ("19860926\u00a0201505\u00a01\u00a0001", "198609262015051001"),  # NBSP
    ("19660801.198803.1.001", "196608011988031001"),       # dots
    ("'198609262015051001", "198609262015051001"),         # leading apostrophe
    ("\u2019198609262015051001", "198609262015051001"),    # typographic apostrophe
    ("  198609262015051001\n", "198609262015051001"),      # trimmed
    ("19850330 2023 2 1 2 012", "198503302023212012"),     # PPPK with spaces
    ("NIP 198609262015051001", "198609262015051001"),      # a decree's NIP prefix (contract v2)
    ("NIP. 19860926 201505 1 001", "198609262015051001"),
    ("nip:198609262015051001", "198609262015051001"),
    ("Nip.  19660801.198803.1.001", "196608011988031001"),
])
def test_nip_valid_forms(raw, key):
    v = parse_nip(raw, today=TODAY)
    assert (v.key, v.status) == (key, "valid")
    assert v.raw_text == raw.strip()


@pytest.mark.parametrize("raw, key", [
    (198609262015051001, "198609262015051001"),    # int: digits intact but still "number"
    (1.98609262015051e17, "198609262015051008"),   # float: last digits already lost
    (12345, "12345"),
    (3.5, "3.5"),
])
def test_nip_number_cell_is_number_whatever_the_digits(raw, key):
    v = parse_nip(raw, today=TODAY)
    assert (v.key, v.status, v.raw_text) == (key, "number", key)


@pytest.mark.parametrize("raw, key", [
    ("19860926201505100", "19860926201505100"),        # 17 digits
    ("1986092620150510011", "1986092620150510011"),    # 19 digits
    ("198613262015051001", "198613262015051001"),      # birth month 13
    ("198602302015051001", "198602302015051001"),      # 30 February
    ("203001012050011001", "203001012050011001"),      # born in the future
    ("192001012015051001", "192001012015051001"),      # birth year implausible (< 1930)
    ("198609262015051000", "198609262015051000"),      # serial 000
    ("198609262015053001", "198609262015053001"),      # sex digit 3
    ("198609262015001001", "198609262015001001"),      # TMT month 00
    ("198609262015131001", "198609262015131001"),      # TMT month 13 (and not PPPK: 1 not 2)
    ("198609261995051001", "198609261995051001"),      # TMT at age 9
    ("198609262030051001", "198609262030051001"),      # TMT far in the future
    ("198503302023202012", "198503302023202012"),      # PPPK digit after 2 is 0
    ("198503302023213012", "198503302023213012"),      # PPPK sex digit 3
    ("198503302023212000", "198503302023212000"),      # PPPK serial 000
    ("19860926-201505-1-001", "19860926-201505-1-001"),  # hyphens are not accepted
    ("NIP 19860926201505100", "19860926201505100"),         # prefix dropped, 17 digits
    ("NIPX198609262015051001", "NIPX198609262015051001"),   # not the prefix
    ("abc", "abc"),
])
def test_nip_invalid_keeps_key(raw, key):
    v = parse_nip(raw, today=TODAY)
    assert (v.key, v.status) == (key, "invalid")


@pytest.mark.parametrize("raw", [None, "", "   ", "\u00a0", float("nan")])
def test_nip_empty(raw):
    assert parse_nip(raw) == (None, "empty", "")


def test_nip_bool_invalid():
    assert parse_nip(True).status == "invalid"


def test_nip_pandas_na_is_empty():
    import pandas as pd
    assert parse_nip(pd.NA).status == "empty"
    assert parse_date(pd.NaT).status == "empty"


# ---------------------------------------------------------------------------------- dates

@pytest.mark.parametrize("raw, expected", [
    (date(2025, 1, 10), date(2025, 1, 10)),
    (datetime(2025, 1, 10, 0, 0), date(2025, 1, 10)),
    (datetime(2025, 1, 10, 13, 45), date(2025, 1, 10)),
    ("2025-01-10", date(2025, 1, 10)),
    ("2025-1-5", date(2025, 1, 5)),
    ("2025-01-10 00:00:00", date(2025, 1, 10)),
    ("10-01-2025", date(2025, 1, 10)),
    ("10/01/2025", date(2025, 1, 10)),
    ("01/02/2024", date(2024, 2, 1)),           # day first, never month first
    ("5/2/2024", date(2024, 2, 5)),
    ("31/12/2025", date(2025, 12, 31)),
    ("10 Januari 2025", date(2025, 1, 10)),
    ("10 januari 2025", date(2025, 1, 10)),
    ("10 JANUARI 2025", date(2025, 1, 10)),
    ("1 Pebruari 2024", date(2024, 2, 1)),
    ("1 Februari 2024", date(2024, 2, 1)),
    ("29 Februari 2024", date(2024, 2, 29)),
    ("10 Nopember 2025", date(2025, 11, 10)),
    ("10 November 2025", date(2025, 11, 10)),
    ("17 Agustus 2023", date(2023, 8, 17)),
    ("17 Agu 2023", date(2023, 8, 17)),
    ("17 Ags 2023", date(2023, 8, 17)),
    ("17 Agt 2023", date(2023, 8, 17)),
    ("17 Agt. 2023", date(2023, 8, 17)),
    ("17-Agt-2023", date(2023, 8, 17)),
    ("3 Sep 2025", date(2025, 9, 3)),
    ("3 Sept 2025", date(2025, 9, 3)),
    ("3 Nop 2025", date(2025, 11, 3)),
    ("3 Peb 2025", date(2025, 2, 3)),
    ("10  Januari\u00a02025", date(2025, 1, 10)),
    ("Senin, 10 Januari 2025", date(2025, 1, 10)),
    ("Kamis 17 Agustus 2023", date(2023, 8, 17)),
    ("Jum'at, 3 Januari 2025", date(2025, 1, 3)),
    ("Jakarta, 10 Januari 2025", date(2025, 1, 10)),
    ("Jakarta, Senin, 10 Januari 2025", date(2025, 1, 10)),
    ("Jakarta, Senin 10 Januari 2025", date(2025, 1, 10)),
    ("Kota Bogor, 2 Mei 2025", date(2025, 5, 2)),
    ("  10/01/2025 \n", date(2025, 1, 10)),
    ("pada tanggal 10 Pebruari 2025", date(2025, 2, 10)),      # a decree's wording (contract v2)
    ("Pada Tanggal 10 Pebruari 2025", date(2025, 2, 10)),
    ("tanggal: 10 Januari 2025", date(2025, 1, 10)),
    ("Tanggal 10 Januari 2025", date(2025, 1, 10)),
    ("tgl. 10-01-2025", date(2025, 1, 10)),
    ("Tgl 10/01/2025", date(2025, 1, 10)),
    ("Jakarta, pada tanggal 3 Peb 2025", date(2025, 2, 3)),
    ("pada tanggal Senin, 10 Pebruari 2025", date(2025, 2, 10)),
])
def test_date_ok(raw, expected):
    v = parse_date(raw)
    assert (v.value, v.status) == (expected, "ok")


def test_date_pandas_timestamp():
    import pandas as pd
    v = parse_date(pd.Timestamp("2025-03-04 10:00"))
    assert (v.value, v.status, v.raw_text) == (date(2025, 3, 4), "ok", "2025-03-04 10:00:00")


@pytest.mark.parametrize("word, month", sorted(MONTHS.items()))
def test_date_every_month_word(word, month):
    assert parse_date(f"2 {word} 2025").value == date(2025, month, 2)
    assert parse_date(f"2 {word.upper()} 2025").value == date(2025, month, 2)


def test_month_words_cover_contract():
    expected = {
        "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "nopember", "desember", "jan", "feb", "peb", "mar",
        "apr", "jun", "jul", "agu", "ags", "agt", "sep", "sept", "okt", "nov", "nop", "des",
    }
    assert set(MONTHS) == expected


@pytest.mark.parametrize("raw", [
    "02/13/2025",            # month first: month 13
    "31 Februari 2025",
    "30/02/2025",
    "2025-13-01",
    "10 January 2025",       # English
    "10 Mart 2025",
    "Jan 10, 2025",
    "2025/01/10",
    "10.01.2025",
    "10-01/2025",
    "10-01-25",
    "10 Januari",
    "Januari 2025",
    "2025",
    "besok",
    "Ditetapkan tanggal 10 Januari 2025",
    "tanggalan 10 Januari 2025",
    "pada 10 Januari 2025",
    "-",
    45667,                   # an Excel serial shown as a number is not a date
    45667.0,
    "45667",
    True,
    time(10, 30),
])
def test_date_invalid(raw):
    v = parse_date(raw)
    assert (v.value, v.status) == (None, "invalid")
    assert v.raw_text == cell_text(raw)


@pytest.mark.parametrize("raw", [None, "", "  ", "\n"])
def test_date_empty(raw):
    assert parse_date(raw) == (None, "empty", "")


def test_a_stored_nan_is_an_unreadable_date_not_an_empty_cell():
    """The reader gives an empty cell as "" or None; NaN only for a cell that stores NaN (issue 22)."""
    assert parse_date(float("nan")) == (None, "invalid", "NaN")


# ---------------------------------------------------------------------------------- vocab

CONTRACT_VOCAB = {
    "jenis_jabatan": {
        "JPT Madya": ["Eselon I", "Deputi", "Sekretaris Kementerian Koordinator", "Sesmenko",
                      "Staf Ahli"],
        "JPT Pratama": ["Eselon II", "Asisten Deputi", "Asdep", "Kepala Biro", "Karo", "Inspektur"],
        "Administrator": ["Eselon III"],
        "Pengawas": ["Eselon IV"],
        "Fungsional": ["Pejabat Fungsional", "Jabatan Fungsional", "JF", "Jabfung", "Jafung", "JFT",
                       "Jabatan Fungsional Tertentu"],
        "Pelaksana": ["Jabatan Pelaksana", "JFU", "Jabatan Fungsional Umum", "Staf",
                      "Staf Pelaksana"],
        "Tenaga Pendukung": ["PPNPN", "Non-ASN", "Honorer", "Tenaga Ahli",
                             "Pegawai Pemerintah Non Pegawai Negeri"],
    },
    "kedudukan": {
        "Pengarah": ["Pembina", "Penanggung Jawab"],
        "Ketua": ["Ketua Pokja", "Ketua Tim", "Ketua Tim Kerja", "Katim", "Kapokja", "Koordinator",
                  "Ketua merangkap Anggota"],
        "Wakil Ketua": ["Wakil", "Wakil Ketua Pokja", "Wakil Ketua Tim"],
        "Sekretaris": ["Sekretaris Pokja", "Sekretaris Tim", "Wakil Sekretaris"],
        "Anggota": ["Anggota Pokja", "Anggota Tim"],
    },
    "jenis_pokja": {
        "Substansi": ["Substantif", "Pokja Substansi"],
        "Dukungan Teknis dan Administrasi": ["Dukungan Teknis dan Administratif",
                                             "Dukungan Manajemen", "Dukman",
                                             "Dukungan Administrasi"],
    },
    "cara_penugasan": {
        "Penunjukan": ["Ditunjuk"],
        "Pengajuan Sukarela": ["Sukarela", "Pengajuan"],
    },
    "pola": {
        "A": ["Pola A", "JF dan Pelaksana langsung di bawah JPT Pratama"],
        "B": ["Pola B", "JF dan Pelaksana di bawah Administrator"],
    },
}

VOCAB_CASES = [(name, canon, s) for name, d in CONTRACT_VOCAB.items()
               for canon, syns in d.items() for s in [canon] + syns]


@pytest.mark.parametrize("name, canon, synonym", VOCAB_CASES)
def test_vocab_every_synonym(name, canon, synonym):
    assert parse_vocab(name, synonym) == (canon, "ok", synonym)
    assert parse_vocab(name, "  " + synonym.upper() + "\n").value == canon
    assert parse_vocab(name, synonym.lower().replace(" ", "  ")).value == canon


def test_vocab_tables_are_exactly_the_contract():
    for name, d in CONTRACT_VOCAB.items():
        expected = {fold_text(s): c for c, syns in d.items() for s in [c] + syns}
        assert vocab.VOCABULARIES[name] == expected
    assert set(vocab.VOCABULARIES) == set(CONTRACT_VOCAB)


def test_vocab_punctuation_folded():
    assert parse_vocab("jenis_jabatan", "Non ASN").value == "Tenaga Pendukung"
    assert parse_vocab("jenis_jabatan", "non-asn").value == "Tenaga Pendukung"
    assert parse_vocab("jenis_jabatan", "J.F.").value == "Fungsional"


def test_vocab_unknown_and_empty():
    assert parse_vocab("jenis_jabatan", "Direktur") == (None, "unknown", "Direktur")
    assert parse_vocab("kedudukan", "Bendahara").status == "unknown"
    assert parse_vocab("jenis_jabatan", "") == (None, "empty", "")
    assert parse_vocab("kedudukan", None) == (None, "empty", "")
    assert parse_vocab("pola", None) == ("A", "empty", "")          # empty means A
    assert parse_vocab("pola", " ") == ("A", "empty", "")
    assert parse_vocab("pola", "C") == (None, "unknown", "C")
    assert parse_vocab("cara_penugasan", None) == ("Penunjukan", "empty", "")


# ----------------------------------------------------------------------------------- year

@pytest.mark.parametrize("raw", [2025, 2025.0, "2025", " 2025 ", "2025.0"])
def test_year_ok(raw):
    assert parse_year(raw).value == 2025
    assert parse_year(raw).status == "ok"


@pytest.mark.parametrize("raw", ["Tahun 2025", "2025/2026", "25", 99999, 1800, 2025.5,
                                 date(2025, 1, 1), True, "dua ribu"])
def test_year_invalid(raw):
    assert parse_year(raw).status == "invalid"
    assert parse_year(raw).value is None


def test_year_empty():
    assert parse_year(None) == (None, "empty", "")
    assert parse_year("") == (None, "empty", "")


# ---------------------------------------------------------------------------------- codes

@pytest.mark.parametrize("raw", ["PK-01", "pk-01 ", "PK-01.", " Pk-01\u00a0", "PK-01;", "PK-01\n"])
def test_fold_code_equal(raw):
    assert fold_code(raw) == "pk-01"


def test_fold_code_numbers():
    assert fold_code("1.") == "1"
    assert fold_code(1) == "1"
    assert fold_code("D1.AS1") == "d1.as1"
    assert fold_code("SES.BHO.") == "ses.bho"
    assert fold_code(None) == ""


@pytest.mark.parametrize("header, expected", [
    ("PK-01", ("PK-01", "pk-01")),
    ("PK-01 Persentase rekomendasi yang ditindaklanjuti", ("PK-01", "pk-01")),
    ("PK-01\nPersentase", ("PK-01", "pk-01")),
    ("PK-01: Persentase", ("PK-01", "pk-01")),
    ("1", ("1", "1")),
    ("1.", ("1.", "1")),
    (1, ("1", "1")),
    ("IKU.2", ("IKU.2", "iku.2")),
    ("SS/3", ("SS/3", "ss/3")),
    ("Keterangan", None),
    ("Golongan", None),
    ("III/a", None),
    ("Target Kinerja", None),
    ("", None),
    (None, None),
    ("(1)", None),
])
def test_header_code(header, expected):
    assert header_code(header) == expected


def test_is_code_like():
    assert is_code_like("PK-01") and is_code_like("2") and is_code_like("a.1/b-2")
    assert not is_code_like("PK") and not is_code_like("PK_01") and not is_code_like("PK 01")


def test_split_list():
    assert split_list("PK-01, PK-02;PK-03\nPK-04\r\nPK-05") == ["PK-01", "PK-02", "PK-03", "PK-04", "PK-05"]
    assert split_list(" PK-01 ,, ; \n") == ["PK-01"]
    assert split_list("") == []
    assert split_list(None) == []
    assert split_list(7) == ["7"]
    assert split_codes("PK-01., pk-02 ;\nPK-03") == ["pk-01", "pk-02", "pk-03"]
    assert parse_codes("  ") is None
    assert parse_codes("1; 2") == ["1", "2"]


# ---------------------------------------------------------------------------------- text

def test_cell_text_and_folding():
    assert cell_text("  Budi\u00a0 \n") == "Budi"
    assert cell_text("\u00a0\u200bx\ufeff") == "x"
    assert cell_text(None) == "" and cell_text(float("nan")) == ""
    assert cell_text(12) == "12" and cell_text(12.0) == "12" and cell_text(3.5) == "3.5"
    assert cell_text(True) == "TRUE"
    assert cell_text(datetime(2025, 1, 10)) == "2025-01-10"
    assert cell_text(datetime(2025, 1, 10, 8, 5)) == "2025-01-10 08:05:00"
    assert cell_text(date(2025, 1, 10)) == "2025-01-10"
    assert fold_text("  Dr. Budi\u00a0 Santoso,\n M.Si. ") == "dr. budi santoso, m.si."
    assert fold_text("ÄBC") == "äbc"


@pytest.mark.parametrize("a, b", [
    ("NIP_BARU", "NIP Baru"), ("Anggota-Pokja", "anggota pokja"), ("AnggotaPokja", "Anggota Pokja"),
    ("Kode\nTarget", "kode target"), ("NIP/NI PPPK", "nip ni pppk"), ("NIP*", "NIP"),
    ("Nama\u00a0Unit", "nama unit"), ("Kode Target:", "KODE TARGET"),
])
def test_fold_header(a, b):
    assert fold_header(a) == fold_header(b)


def test_mph_no_role():
    for v in ["", "x", "X", "-", "\u2013", "\u2014", None, "  x ", "...", "belum diisi"]:
        assert parse_peran(v) is None
    assert parse_peran(" Menyusun kajian ") == "Menyusun kajian"
    assert parse_peran("v") == "v"
    assert parse_peran(1) == "1"


@pytest.mark.parametrize("text", [
    "-", "\u2013", "\u2014", ".", "..", "...", "\u2026", "x", "X", "n/a", "N/A", "na", "NA", "tbd", "TBD", "?",
    "belum ada", "Belum  Diisi", "BELUM DIISI.", "akan diisi", "menyusul", "Dalam Proses", "(belum diisi)",
    "[-]", "--", "- -", "....", "\u00a0-\u00a0", "-\u2013-",
])
def test_placeholders_are_recognised(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("value", [
    "", None, "Anggota", "xx", "PK-01", "-1", "0", 0, "NA 1", "a.", "Menyusun laporan", "belum", "- Menyusun kajian",
    "?!",
])
def test_real_values_are_not_placeholders(value):
    assert not is_placeholder(value)


@pytest.mark.parametrize("text", ["Dukungan", "Dukungan Teknis", "Dukungan Administrasi", "Pokja Dukungan",
                                  "Pokja Dukungan Teknis", "DUKUNGAN TEKNIS DAN ADMINISTRASI", "Dukungan Manajemen"])
def test_every_jenis_beginning_with_dukungan_is_the_support_pokja(text):
    assert parse_vocab("jenis_pokja", text) == ("Dukungan Teknis dan Administrasi", "ok", text)


@pytest.mark.parametrize("text", ["Teknis", "Subtansi", "Dukunganx", "Pendukung"])
def test_other_jenis_values_stay_unknown(text):
    assert parse_vocab("jenis_pokja", text).status == "unknown"


# --------------------------------------------------------------------------------- schema

FIELDS = {
    "unit": ["kode_unit", "nama_unit", "unit_jpt_madya", "nip_jpt_pratama", "nama_jpt_pratama",
             "nip_jpt_madya", "nama_jpt_madya", "nip_plt_jpt_pratama", "pola_struktur",
             "tahun_kinerja", "instansi"],
    "pk": ["kode_target", "sasaran", "indikator_kinerja", "target", "satuan"],
    "pegawai": ["nip", "id_pegawai", "nama", "jenis_jabatan", "nama_jabatan", "status_kepegawaian",
                "kedudukan_hukum"],
    "mph": ["nip", "id_pegawai", "nama", "kode_target", "peran_hasil", "kode_pokja", "no",
            "nama_jabatan"],
    "pokja": ["kode_pokja", "nama_pokja", "jenis_pokja", "kode_target", "tugas_pokja", "nomor_sk",
              "tanggal_sk", "nip_penetap_sk", "tanggal_konsultasi_ortala", "tanggal_mulai",
              "tanggal_selesai", "tanggal_persetujuan_rencana_kerja", "tanggal_laporan",
              "tanggal_diterima_jpt_madya"],
    "anggota": ["kode_pokja", "nip", "id_pegawai", "nama", "kedudukan", "jenis_jabatan",
                "nama_jabatan", "kode_unit_asal", "instansi_asal", "cara_penugasan",
                "nomor_persetujuan_pimpinan", "uraian_tugas", "output", "tanggal_persetujuan_pimpinan",
                "tanggal_rekomendasi_penilaian"],
    "surat_tugas": ["nomor_surat_tugas", "tanggal", "nip", "id_pegawai", "nama", "kode_target", "uraian_tugas",
                    "output"],
}


def test_schema_fields():
    assert [s.kind for s in contract.SHEETS] == list(FIELDS)
    for s in contract.SHEETS:
        assert list(s.fields()) == FIELDS[s.kind]
        contract.column_name_keys(s.columns)   # no folded name used by two fields
    assert [s.label for s in contract.SHEETS] == ["Unit", "PK", "Pegawai", "MPH", "Pokja",
                                               "Anggota Pokja", "Surat Tugas"]
    assert [s.required for s in contract.SHEETS] == [True] * 6 + [False]


def test_schema_kinds_and_stages():
    k = {(s.kind, c.field): (c.kind, c.required, c.conditional_from)
         for s in contract.SHEETS for c in s.columns}
    assert k["pokja", "kode_target"][0] == "codes"
    assert k["pk", "kode_target"][0] == "code"
    assert k["mph", "kode_target"][0] == "code"
    assert k["unit", "tahun_kinerja"][:2] == ("year", "rancangan")
    assert k["unit", "pola_struktur"][:2] == ("vocab:pola", None)
    assert k["pegawai", "jenis_jabatan"][:2] == ("vocab:jenis_jabatan", "rancangan")
    assert k["anggota", "kedudukan"][0] == "vocab:kedudukan"
    assert k["anggota", "cara_penugasan"][0] == "vocab:cara_penugasan"
    assert k["pokja", "jenis_pokja"][0] == "vocab:jenis_pokja"
    assert k["surat_tugas", "kode_target"][:2] == ("codes", None)       # input-format.md v3: optional
    for f in ("nomor_sk", "tanggal_sk", "nip_penetap_sk", "tanggal_konsultasi_ortala"):
        assert k["pokja", f][1] == "penetapan"
    for f in ("tanggal_persetujuan_rencana_kerja", "tanggal_laporan", "tanggal_diterima_jpt_madya"):
        assert k["pokja", f][1] == "evaluasi"
    assert k["pokja", "tanggal_mulai"][1] is None
    assert k["anggota", "nomor_persetujuan_pimpinan"][1:] == ("conditional", "penetapan")
    assert k["anggota", "tanggal_rekomendasi_penilaian"][1:] == ("conditional", "evaluasi")
    assert k["anggota", "jenis_jabatan"][1:] == ("conditional", "rancangan")
    for kind in ("pegawai", "mph", "anggota"):
        assert k[kind, "nip"][:2] == ("nip", "conditional")
    assert k["surat_tugas", "nip"][1] == "rancangan"
    missing = {c.field: contract.missing_column_stage(c) for c in contract.ANGGOTA.columns}
    assert missing["nip"] == "rancangan"
    assert missing["nomor_persetujuan_pimpinan"] is None
    assert missing["tanggal_rekomendasi_penilaian"] is None
    assert missing["nama"] is None


def test_is_own_instansi():
    for t in (None, "", "  ", "Kementerian Koordinator Bidang Perekonomian", "Kemenko Perekonomian",
              "KEMENKO  PEREKONOMIAN", "Kemenko Bidang Perekonomian.", "kemenko-perekonomian"):
        assert vocab.is_own_instansi(t), t
    assert vocab.DEFAULT_INSTANSI in vocab.INSTANSI_NAMES
    assert not vocab.is_own_instansi("Kementerian Keuangan")
    assert not vocab.is_own_instansi("Kemenko Marves")
    assert vocab.is_own_instansi("Kementerian Keuangan", unit_instansi="Kementerian Keuangan")
    assert not vocab.is_own_instansi("Kemenko Perekonomian", unit_instansi="Kementerian Keuangan")
    assert vocab.is_own_instansi("Kemenko Perekonomian", unit_instansi="Kemenko Perekonomian")


@pytest.mark.parametrize("raw, want", [
    ("Anggota 1", "Anggota"), ("Anggota 1.1.1", "Anggota"), ("Pengarah I", "Pengarah"), ("Anggota:", "Anggota"),
    ("Anggota 12.", "Anggota"), ("Ketua merangkap Anggota", "Ketua"), ("Penanggung Jawab II", "Pengarah"),
    ("Wakil Sekretaris", "Sekretaris"), ("Anggota Tim 3", "Anggota"),
])
def test_numbered_kedudukan_is_its_value(raw, want):
    assert parse_vocab("kedudukan", raw) == (want, "ok", raw)


@pytest.mark.parametrize("name, raw", [("kedudukan", "Anggta 1"), ("kedudukan", "1"), ("jenis_pokja", "Teknis"),
                                       ("jenis_pokja", "Substansi 2")])
def test_what_is_no_vocabulary_value(name, raw):
    assert parse_vocab(name, raw).status == "unknown"
