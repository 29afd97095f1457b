"""Real unit files (input-format.md version 2, issue 11): units written in the layouts real MPH
forms, decree annexes and SIASN exports have (tests/layouts_kit.py), checked through the real
loader and both engines. A compliant unit in each layout gives no finding; a mistake planted
in it is found at its cell."""
from __future__ import annotations

import pytest
from layouts_kit import (
    anggota_decree,
    base_book,
    decree_dates,
    group_header,
    kedudukan_hukum,
    mph_matrix,
    nip_prefix,
    number_row,
    pegawai_siasn_names,
    pokja_by_name,
    real_unit,
    title_block,
    write_book,
)

from checker import engines, run
from checker.load.workbook import load_workbook

ENGINES = ["pandas"] + (["durable"] if engines.default_engine() == "durable" else [])
KEYS = ("rule", "unit", "pokja", "nip", "name", "target", "sheet", "row", "column")
UNIT = "D9.AS1"


def findings(book, tmp_path, engine, rule=None, stage="penetapan", roster=None):
    path = write_book(book, tmp_path / "unit.xlsx")
    result = run.check([path], stage=stage, engine=engine, roster=roster)
    got = [tuple(getattr(f, k) for k in KEYS) for f in result.findings if rule in (None, f.rule)]
    return sorted(got, key=lambda g: (g[6] or "", g[7] or 0, str(g)))      # by sheet, row, then the rest


def loaded(book, tmp_path):
    return load_workbook(write_book(book, tmp_path / "unit.xlsx"))


def _with(*steps):
    def build():
        book = base_book()
        for step in steps:
            step(book)
        return book
    return build


def _titled(sheet):
    return lambda b: title_block(b[sheet], [f"DAFTAR {sheet.upper()}", "ASISTEN DEPUTI CONTOH KEBIJAKAN"])


def _many_titles(sheet, n=18):
    return lambda b: title_block(b[sheet], [f"judul {i}" for i in range(n)])


# Each layout alone, then every layout at once; all keep the base unit compliant.
LAYOUTS = {
    "title-rows": _with(*(_titled(s) for s in ("PK", "Pegawai", "Pokja", "Surat Tugas"))),
    "header-at-row-20": _with(_many_titles("Pegawai")),
    "number-row": _with(lambda b: number_row(b["Pegawai"]), lambda b: number_row(b["Pokja"])),
    "two-row-header": _with(lambda b: group_header(b["Pokja"], ["Nomor SK", "Tanggal SK"], "Surat Keputusan")),
    "three-row-header": _with(lambda b: group_header(b["Pokja"], ["Tanggal Mulai", "Tanggal Selesai"], "Periode",
                                                     outer="Jangka Waktu")),
    "siasn-names": _with(pegawai_siasn_names),
    "nip-prefix": _with(nip_prefix, lambda b: nip_prefix(b, "Surat Tugas", "NIP: ")),
    "kedudukan-hukum": _with(kedudukan_hukum),
    "decree-dates": _with(decree_dates),
    "mph-codes-two-rows": _with(lambda b: mph_matrix(b, header="code", rows=2)),
    "mph-indicator": _with(lambda b: mph_matrix(b, header="indicator")),
    "mph-indicator-upper": _with(lambda b: mph_matrix(b, header="upper", nip=False)),
    "mph-indicator-prefix": _with(lambda b: mph_matrix(b, header="prefix", nip=False, split=True)),
    "mph-sasaran-three-rows": _with(lambda b: mph_matrix(b, header="indicator", rows=3, nip=False, split=True,
                                                         title=True)),
    "anggota-sections": _with(lambda b: anggota_decree(b, pokja="section")),
    "anggota-merged-pokja": _with(lambda b: anggota_decree(b, pokja="merged", numbered=False)),
    "anggota-merged-code": _with(lambda b: anggota_decree(b, pokja="code", merge_kedudukan=False,
                                                          nama_nip=" / NIP ")),
    "pokja-by-name": _with(lambda b: anggota_decree(b, pokja="section"), pokja_by_name),
    "all": real_unit,
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_compliant_unit_in_a_real_layout_has_no_finding(layout, engine, tmp_path):
    assert findings(LAYOUTS[layout](), tmp_path, engine) == []


@pytest.mark.parametrize("stage", ["rancangan", "evaluasi"])
def test_real_unit_is_compliant_at_every_stage(stage, tmp_path):
    assert findings(real_unit(), tmp_path, ENGINES[-1], stage=stage) == []
