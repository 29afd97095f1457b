"""Shared pytest helpers.

`make_workbook` (fixture) writes an .xlsx with openpyxl from plain rows:

    path = make_workbook({"PK": [["Kode Target", "Indikator Kinerja"], ["PK-01", "x"]]})
    path = make_workbook(sheets, name="b.xlsx",
                         options={"hidden": ["PK"], "very_hidden": ["Pegawai"],
                                  "merged": {"MPH": ["E3:G3"]}, "text": {"Pegawai": ["A"]}})
    path = make_workbook(tmp_path, sheets, hidden=["PK"], merged={"MPH": ["E3:G3"]})

sheets: sheet name -> list of rows (row 1 first), each row a list of cell values from column
A (None = empty cell; str, int, float, bool, date, datetime as Excel stores them).
options: "hidden" / "very_hidden": sheet names; "merged": sheet -> ["A1:C1", ...];
"text": sheet -> column letters given the text number format "@" (what a user does for NIP).
`write_workbook(path, sheets, options)` is the same as a plain function.

`valid_unit_sheets()` returns a fresh dict of sheets for a small, compliant unit workbook
(every required sheet and column, matrix MPH) for tests to copy and break.
"""
from __future__ import annotations

import copy
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

# The rule base's parse cache (checker/rulebase/parsecache.py) of the tests, out of the user's
# own cache folder; every process of the run (pytest-xdist workers, CLI subprocesses) shares it.
os.environ.setdefault("CEK_POKJA_CACHE", os.path.join(tempfile.gettempdir(), "cek-pokja-test-cache"))


def pytest_sessionstart(session):
    """Compile the package once before the workers start: a CLI subprocess otherwise compiles
    every module it imports again (130 ms each) wherever bytecode is not written
    (PYTHONDONTWRITEBYTECODE, a fresh clone's first run)."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        import compileall

        import checker
        compileall.compile_dir(os.path.dirname(checker.__file__), quiet=2)


def write_workbook(path, sheets: dict[str, list[list]], options: dict | None = None) -> str:
    import openpyxl

    options = options or {}
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(title=name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
        for rng in options.get("merged", {}).get(name, ()):
            ws.merge_cells(rng)
        for letter in options.get("text", {}).get(name, ()):
            for cell in ws[letter]:
                cell.number_format = "@"
        if name in options.get("hidden", ()):
            ws.sheet_state = "hidden"
        if name in options.get("very_hidden", ()):
            ws.sheet_state = "veryHidden"
    if not sheets:
        wb.create_sheet("Sheet1")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return str(path)


@pytest.fixture
def make_workbook(tmp_path):
    """Factory writing an .xlsx and returning its path (str). Both call forms work:
    make_workbook(sheets) (into tmp_path) and make_workbook(directory, sheets).
    Keyword options: name="unit.xlsx", options={...} or hidden=[...], very_hidden=[...],
    merged={sheet: [ranges]}, text={sheet: [letters]}."""
    def make(*args, name: str = "unit.xlsx", options: dict | None = None, hidden=(),
             very_hidden=(), merged=None, text=None) -> str:
        if len(args) == 1:
            directory, sheets = tmp_path, args[0]
        elif len(args) == 2:
            directory, sheets = Path(args[0]), args[1]
        else:
            raise TypeError("make_workbook(sheets) or make_workbook(directory, sheets)")
        opts = dict(options or {})
        if hidden:
            opts["hidden"] = list(opts.get("hidden", ())) + list(hidden)
        if very_hidden:
            opts["very_hidden"] = list(opts.get("very_hidden", ())) + list(very_hidden)
        if merged:
            opts["merged"] = {**opts.get("merged", {}), **merged}
        if text:
            opts["text"] = {**opts.get("text", {}), **text}
        return write_workbook(Path(directory) / name, sheets, opts)
    return make


# NIPs that pass values.parse_nip (PNS) and one PPPK.
NIP_JPT_PRATAMA = "197501012000031001"
NIP_JPT_MADYA = "196802021995031002"
NIP_JF1 = "198609262015051001"
NIP_JF2 = "199001012019022003"
NIP_PELAKSANA = "199203152020121004"
NIP_PPPK = "198503302023212012"

_VALID_UNIT_SHEETS = {
    "Unit": [
        ["Kode Unit", "Nama Unit", "Unit JPT Madya", "NIP JPT Pratama", "Nama JPT Pratama",
         "NIP JPT Madya", "Nama JPT Madya", "NIP Plt JPT Pratama", "Pola Struktur",
         "Tahun Kinerja", "Instansi"],
        ["D1.AS1", "Asisten Deputi Satu", "Deputi Satu", NIP_JPT_PRATAMA, "Budi Santoso",
         NIP_JPT_MADYA, "Ani Wijaya", None, "A", 2025, None],
    ],
    "PK": [
        ["Kode Target", "Sasaran", "Indikator Kinerja", "Target", "Satuan"],
        ["PK-01", "Sasaran satu", "Persentase rekomendasi", "80", "%"],
        ["PK-02", "Sasaran dua", "Layanan dukungan", "12", "Laporan"],
    ],
    "Pegawai": [
        ["NIP", "ID Pegawai", "Nama", "Jenis Jabatan", "Nama Jabatan", "Status Kepegawaian"],
        [NIP_JPT_PRATAMA, None, "Budi Santoso", "JPT Pratama", "Asisten Deputi", "PNS"],
        [NIP_JF1, None, "Citra Lestari", "Fungsional", "Analis Kebijakan Ahli Muda", "PNS"],
        [NIP_JF2, None, "Dedi Kurnia", "Fungsional", "Analis Kebijakan Ahli Pertama", "PNS"],
        [NIP_PELAKSANA, None, "Eka Putri", "Pelaksana", "Pengadministrasi Umum", "PNS"],
        [NIP_PPPK, None, "Fajar Hidayat", "Fungsional", "Pranata Komputer", "PPPK"],
    ],
    "MPH": [
        ["No", "NIP", "Nama", "Jabatan", "PK-01", "PK-02"],
        [1, NIP_JF1, "Citra Lestari", "Analis Kebijakan Ahli Muda", "Menyusun rekomendasi", None],
        [2, NIP_JF2, "Dedi Kurnia", "Analis Kebijakan Ahli Pertama", "Mengolah data", None],
        [3, NIP_PELAKSANA, "Eka Putri", "Pengadministrasi Umum", None, "Laporan administrasi"],
        [4, NIP_PPPK, "Fajar Hidayat", "Pranata Komputer", None, "Dukungan sistem"],
    ],
    "Pokja": [
        ["Kode Pokja", "Nama Pokja", "Jenis Pokja", "Kode Target", "Tugas Pokja", "Nomor SK",
         "Tanggal SK", "NIP Penetap SK", "Tanggal Konsultasi Ortala", "Tanggal Mulai",
         "Tanggal Selesai", "Tanggal Persetujuan Rencana Kerja", "Tanggal Laporan",
         "Tanggal Diterima JPT Madya"],
        ["PJ-1", "Pokja Substansi Satu", "Substansi", "PK-01", "Menyusun rekomendasi kebijakan",
         "SK-1/2025", date(2025, 1, 10), NIP_JPT_PRATAMA, date(2025, 1, 5), date(2025, 1, 10),
         date(2025, 12, 31), date(2025, 1, 20), date(2025, 12, 15), date(2025, 12, 20)],
        ["PJ-2", "Pokja Dukungan", "Dukungan Teknis dan Administrasi", "PK-02",
         "Dukungan teknis dan administrasi", "SK-2/2025", date(2025, 1, 10), NIP_JPT_PRATAMA,
         date(2025, 1, 5), date(2025, 1, 10), date(2025, 12, 31), date(2025, 1, 20),
         date(2025, 12, 15), date(2025, 12, 20)],
    ],
    "Anggota Pokja": [
        ["Kode Pokja", "NIP", "Nama", "Kedudukan", "Jenis Jabatan", "Nama Jabatan",
         "Kode Unit Asal", "Instansi Asal", "Cara Penugasan", "Nomor Persetujuan Pimpinan",
         "Uraian Tugas", "Output", "Tanggal Rekomendasi Penilaian"],
        ["PJ-1", NIP_JPT_MADYA, "Ani Wijaya", "Pengarah", None, None, None, None, None, None,
         "Mengarahkan", "Arahan Pokja 1 (JPT Madya)", None],
        ["PJ-1", NIP_JPT_PRATAMA, "Budi Santoso", "Pengarah", None, None, None, None, None, None,
         "Mengarahkan", "Arahan Pokja 1 (JPT Pratama)", None],
        ["PJ-1", NIP_JF1, "Citra Lestari", "Ketua", None, None, None, None, None, None,
         "Memimpin penyusunan", "Rekomendasi kebijakan", None],
        ["PJ-1", NIP_JF2, "Dedi Kurnia", "Anggota", None, None, None, None, None, None,
         "Mengolah data", "Data olahan", None],
        ["PJ-2", NIP_JPT_MADYA, "Ani Wijaya", "Pengarah", None, None, None, None, None, None,
         "Mengarahkan", "Arahan Pokja 2 (JPT Madya)", None],
        ["PJ-2", NIP_JPT_PRATAMA, "Budi Santoso", "Pengarah", None, None, None, None, None, None,
         "Mengarahkan", "Arahan Pokja 2 (JPT Pratama)", None],
        ["PJ-2", NIP_PELAKSANA, "Eka Putri", "Ketua", None, None, None, None, None, None,
         "Mengoordinasikan administrasi", "Laporan administrasi", None],
        ["PJ-2", NIP_PPPK, "Fajar Hidayat", "Anggota", None, None, None, None, None, None,
         "Mengelola sistem", "Sistem berjalan", None],
    ],
}


def valid_unit_sheets() -> dict[str, list[list]]:
    return copy.deepcopy(_VALID_UNIT_SHEETS)


@pytest.fixture
def valid_sheets():
    return valid_unit_sheets()


def load_many(paths, lang="id", jobs=1, limits=None, progress=None, debug=False, stage="penetapan"):
    """Each file through the reader workers as `check` runs it (checker.pipeline.workers with
    the task pipeline.task.check_file): its UnitFacts when it could be read, else (name
    shown, sha256, the reason in `lang`)."""
    from checker.load.inputref import InputRef
    from checker.pipeline import workers
    from checker.pipeline.task import check_file, failed_file
    got = workers.run_tasks([InputRef.at(p) for p in paths], check_file, failed_file, (stage,), jobs=jobs,
                            limits=limits, progress=progress, debug=debug)
    return [g if g.ctx.readable else (g.ctx.file, g.ctx.sha256, g.ctx.detail[lang]) for g in got]


def pytest_collection_finish(session):
    """What collection built (every test item, the modules, the rule base) lives as long as the
    run: out of the garbage collector's full passes, which otherwise walk it again and again."""
    import gc
    gc.collect()
    gc.freeze()

