"""Real unit files (input-format.md version 2, issue 11): units written in the layouts real MPH
forms, decree annexes and SIASN exports have (tests/layouts_kit.py), checked through the real
loader and both engines. A compliant unit in each layout gives no finding; a mistake planted
in it is found at its cell."""
from __future__ import annotations

import pytest
from engines_under_test import ENGINES
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

from checker.load.unit_workbook import load_workbook
from checker.pipeline import run

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


def _pegawai_nama_nip(book):
    """Pegawai with name and NIP in one "Nama / NIP" cell ("name / NIP"; none for PPNPN)."""
    sheet = book["Pegawai"]
    head = sheet.rows[0]
    n, i = head.index("Nama"), head.index("NIP")
    for r in sheet.rows[1:]:
        r[n] = f"{r[n]} / {r[i]}" if r[i] else r[n]
    head[n] = "Nama / NIP"
    for r in sheet.rows:
        del r[i]


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
    "pegawai-nama-nip": _with(_pegawai_nama_nip),
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


# --------------------------------------------------------------------------- what the loader reads

def test_loader_reads_the_real_unit_as_the_contract_says(tmp_path):
    u = loaded(real_unit(), tmp_path)
    assert u.problems == []
    assert u.mph_layout == "matrix"
    # MPH: title rows 1-3, header rows 5-7 (Target Kinerja, Sasaran, indicator), data from row 8
    assert [(c.code, c.header, c.column, c.row) for c in u.mph_columns] == [
        ("pk-01", "Persentase rekomendasi kebijakan yang ditindaklanjuti", "D", 7),
        ("pk-02", "Nilai SAKIP unit", "E", 7)]
    mph = u.tables["mph"]
    assert mph.header_row == 5
    rows = mph.frame()
    got = rows[rows["peran_hasil"].notna()]
    assert list(zip(got["_row"], got["_col"], got["nama"], got["kode_target"])) == [
        (8, "D", "Rina Wulandari, S.E., M.Ec.", "pk-01"),
        (9, "D", "Agus Prasetyo, S.T.", "pk-01"),
        (10, "E", "Agus Prasetyo, S.T.", "pk-02"),        # the same person on a second row (name merged down)
        (11, "D", "Dewi Lestari, S.Si., M.E.", "pk-01"),
        (12, "E", "Yoga Pratama, A.Md.", "pk-02"),
        (13, "E", "Andi Saputra", "pk-02")]
    # Anggota Pokja: title rows, header row 5, column numbers row 6, sections rows 7 and 13
    ang = u.tables["anggota"]
    assert ang.header_row == 5
    assert (ang.columns["nama"], ang.columns["nip"], ang.columns["kode_pokja"], ang.columns["kedudukan"]) == (
        "B", "B", "A", "D")
    assert list(zip(ang.rows["_row"], ang.rows["nip"], ang.rows["kode_pokja__raw"], ang.rows["kedudukan"],
                    ang.rows["kedudukan__raw"])) == [
        (8, "196801051992031002", "Pokja Kebijakan Contoh", "Pengarah", "Penanggung Jawab"),
        (9, "197503122000031001", "Pokja Kebijakan Contoh", "Pengarah", "Penanggung Jawab"),     # merged D8:D9
        (10, "198602142010122001", "Pokja Kebijakan Contoh", "Ketua", "Ketua merangkap Anggota"),
        (11, "199107232019031003", "Pokja Kebijakan Contoh", "Anggota", "Anggota 1"),
        (12, "198811052014022002", "Pokja Kebijakan Contoh", "Anggota", "Anggota 2"),
        (14, "196801051992031002", "Pokja Dukungan Teknis dan Administrasi", "Pengarah", "Penanggung Jawab"),
        (15, "197503122000031001", "Pokja Dukungan Teknis dan Administrasi", "Pengarah", "Penanggung Jawab"),
        (16, "199305172020121004", "Pokja Dukungan Teknis dan Administrasi", "Ketua", "Ketua merangkap Anggota"),
        (17, None, "Pokja Dukungan Teknis dan Administrasi", "Anggota", "Anggota 1")]
    # Pokja identified by name: the name is its identity, located at the Nama Pokja column
    pokja = u.tables["pokja"]
    assert pokja.columns["kode_pokja"] == pokja.columns["nama_pokja"] == "A"
    assert list(pokja.rows["kode_pokja"]) == ["kebijakan contoh", "dukungan teknis dan administrasi"]
    assert [str(d) for d in pokja.rows["tanggal_sk"]] == ["2025-01-20", "2025-01-20"]     # "pada tanggal ..."
    peg = u.tables["pegawai"]
    assert list(peg.rows["kedudukan_hukum"]) == ["Aktif"] * 5 + [None]            # the Tenaga Pendukung: empty
    assert list(peg.rows["nip"])[:2] == ["197503122000031001", "198602142010122001"]       # "NIP. " dropped


def test_loader_merged_pokja_code_down_the_members(tmp_path):
    u = loaded(real_unit(anggota="code", by_name=False, titles=False, numbers=False), tmp_path)
    ang = u.tables["anggota"]
    assert list(zip(ang.rows["_row"], ang.rows["kode_pokja"])) == [
        (2, "sub-1"), (3, "sub-1"), (4, "sub-1"), (5, "sub-1"), (6, "sub-1"),
        (7, "duk-1"), (8, "duk-1"), (9, "duk-1"), (10, "duk-1")]


def test_merged_ranges_from_the_sheet_xml_when_the_reader_has_none(tmp_path, monkeypatch):
    """An older python-calamine reports no merged ranges: they come from the sheet's XML, and
    the unit loads the same."""
    from checker.load import merges, reader
    path = write_book(real_unit(), tmp_path / "unit.xlsx")
    want = load_workbook(path)

    class NoMerges:
        def __init__(self, sheet):
            self._sheet = sheet

        def to_python(self, **kw):
            return self._sheet.to_python(**kw)

        @property
        def merged_cell_ranges(self):
            raise AttributeError("merged_cell_ranges")

    real_get = reader.guard_reader

    def guard(path, fn, *args):
        got = real_get(path, fn, *args)
        return NoMerges(got) if getattr(fn, "__name__", "") == "get_sheet_by_name" else got

    from checker.load import unit_workbook

    parsed = []
    monkeypatch.setattr(reader, "guard_reader", guard)
    monkeypatch.setattr(unit_workbook, "merged_ranges", lambda xml: parsed.append(1) or merges.merged_ranges(xml))
    got = load_workbook(path)
    assert len(parsed) == 7                              # every sheet's merges came from its XML
    assert got.problems == want.problems == []
    for kind in ("mph", "anggota", "pokja"):
        assert got.tables[kind].frame().equals(want.tables[kind].frame()), kind
    assert merges.merged_ranges(b'<mergeCells count="2"><mergeCell ref="A5:A7"/><x:mergeCell ref="D14"/>'
                                b'</mergeCells>') == [((4, 0), (6, 0)), ((13, 3), (13, 3))]
