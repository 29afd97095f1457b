"""decree-format.md §4, "One cause, one finding": each clause through the real reader, the
pipeline and both engines, on the example unit's workbook and its compliant draft."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from decree_kit import Person, PokjaSpec, rezip
from engines_under_test import ENGINES
from rule_examples import make_draft
from sk_run import check_run


def _xml_edit(spec: dict, edit) -> bytes:
    """The example draft with `spec` applied, its word/document.xml passed through `edit`."""
    data = make_draft(spec).to_bytes()
    doc = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return rezip(data, {"word/document.xml": edit(doc).encode()})


def _found(result, *rules) -> list[tuple]:
    return sorted((f.rule, f.pokja, f.name) for f in result.findings if not rules or f.rule in rules)


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


NO_TITLE = {"set": {"instrument": "", "issuer_lines": ["RANCANGAN PEMBENTUKAN POKJA"]}}


def test_no_title_silences_s04_and_pairing_by_the_title(tmp_path, engine):
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": NO_TITLE}, engine=engine)
    assert _found(result) == [("S03", None, None)]
    assert next(f for f in result.findings if f.rule == "S03").document["label"] == "Judul"
    assert result.drafts()[0].pairing == "nama_berkas"
    result = check_run(tmp_path / "2", drafts={"rancangan.docx": NO_TITLE}, engine=engine)
    assert _found(result) == [("S02", None, None), ("S03", None, None)]


def test_no_diktum_silences_s05_s06_the_term_clause_and_s16_for_the_workbook_pokja(tmp_path, engine):
    def no_ordinals(doc):
        return re.sub(r">(KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA)<", lambda m: ">" + m.group(1).title() + "x<", doc)
    draft = _xml_edit({"set": {"subject": ["PEMBENTUKAN KELOMPOK KERJA"]}}, no_ordinals)
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": draft}, engine=engine)
    assert [f.rule for f in result.findings] == ["S03"] and result.findings[0].document["part"] == "diktum"


def test_no_member_table_silences_s07_to_s10_and_the_member_comparisons(tmp_path, engine):
    draft = _xml_edit({"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": []}}},
                      lambda doc: re.sub(r"<w:tbl>.*?</w:tbl>", "", doc, flags=re.S))
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": draft}, engine=engine)
    assert [(f.rule, f.document["label"]) for f in result.findings] == [("S03", "Lampiran")]


def test_an_unreadable_date_silences_s11_and_s24_for_the_date(tmp_path, engine):
    result = check_run(tmp_path, drafts={"sk.docx": {"set": {"date": "31 Juni 2025"}}}, engine=engine)
    assert _found(result) == [("S03", None, None)]


def test_s04_silences_s12(tmp_path, engine):
    spec = {"set": {"instrument": "NOTA DINAS", "office_lines": ["a.n. ASISTEN DEPUTI CONTOH KEBIJAKAN,",
                                                                  "KEPALA BAGIAN UMUM,"]}}
    result = check_run(tmp_path, drafts={"sk.docx": spec}, engine=engine)
    assert _found(result) == [("S04", None, None)]
    spec["set"]["instrument"] = "KEPUTUSAN"
    assert _found(check_run(tmp_path / "2", drafts={"sk.docx": spec}, engine=engine)) == [("S12", None, None)]


def test_a_pokja_reported_by_s16_gets_no_s17_to_s23_but_the_document_rules(tmp_path, engine):
    edits = [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Nama Pokja": "Pokja Evaluasi Contoh"}}]
    spec = {"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": [], "nip": "19910723 201903 1 009"}},
            "add_member": {"Pokja Kebijakan Contoh": {"name": "Lina Marlina", "kedudukan": "Anggota",
                                                      "uraian_tugas": ["Rapat"], "output": ["Notula"]}}}
    result = check_run(tmp_path, workbooks={"unit.xlsx": edits}, drafts={"sk.docx": spec}, engine=engine)
    assert _found(result) == [("S07", "Pokja Kebijakan Contoh", "Agus Prasetyo, S.T."),
                              ("S16", "Pokja Kebijakan Contoh", None), ("S16", "SUB-1", None)]


def test_a_pokja_with_no_row_in_any_member_table_gets_s10_only(tmp_path, engine):
    """The decree forms a third Pokja, matched with the workbook's SUB-2, but lists nobody in it:
    S10, and neither S07, S08, S09 nor S17 for SUB-2's members on Anggota Pokja."""
    third = PokjaSpec("Pokja Evaluasi Contoh", "mengevaluasi kebijakan contoh",
                      ["Persentase rekomendasi kebijakan yang ditindaklanjuti sebesar 80%"],
                      [Person("Lina Marlina", "19850505 201001 2 005", "Analis", "Ketua", ["Rapat"], ["Notula"])])
    d = make_draft({})
    d.pokja.append(third)
    data = d.to_bytes()
    doc = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    tables = [m.span() for m in re.finditer(r"<w:tbl>.*?</w:tbl>", doc, flags=re.S)]
    start, end = tables[-1]
    data = rezip(data, {"word/document.xml": (doc[:start] + doc[end:]).encode()})
    edits = [{"sheet": "Pokja", "append": {"Kode Pokja": "SUB-2", "Nama Pokja": "Pokja Evaluasi Contoh",
                                           "Jenis Pokja": "Substansi", "Kode Target": "PK-01",
                                           "Tugas Pokja": "Mengevaluasi kebijakan contoh",
                                           "Nomor SK": "KEP-12/D.9.1/01/2025", "Tanggal SK": "2025-01-20"}},
             {"sheet": "Anggota Pokja", "append": {"Kode Pokja": "SUB-2", "NIP": "198505052010012005",
                                                   "Nama": "Lina Marlina", "Kedudukan": "Ketua",
                                                   "Uraian Tugas": "Rapat", "Output": "Notula"}}]
    result = check_run(tmp_path, workbooks={"unit.xlsx": edits}, drafts={"sk.docx": data}, engine=engine)
    assert _found(result, *[f"S{i:02d}" for i in range(1, 25)]) == [("S10", "SUB-2", None)]


def test_s05_silences_s20_and_s06_silences_s21(tmp_path, engine):
    spec = {"pokja": {"Pokja Kebijakan Contoh": {"targets": [], "task": ""}}}
    result = check_run(tmp_path, drafts={"sk.docx": spec}, engine=engine)
    assert _found(result) == [("S05", "SUB-1", None), ("S06", "SUB-1", None)]


def test_s07_silences_s22_and_s08_silences_s23(tmp_path, engine):
    spec = {"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": ["-"], "output": ["menyusul"]}}}
    result = check_run(tmp_path, drafts={"sk.docx": spec}, engine=engine)
    assert _found(result) == [("S07", "SUB-1", "Agus Prasetyo, S.T."), ("S08", "SUB-1", "Agus Prasetyo, S.T.")]


def test_s09_silences_s17_for_the_missing_owner(tmp_path, engine):
    result = check_run(tmp_path, drafts={"sk.docx": {"drop_person": ["Dr. Bambang Sutrisno, S.E., M.Si."]}},
                       engine=engine)
    assert _found(result) == [("S09", "DUK-1", "Dr. Bambang Sutrisno, S.E., M.Si."),
                              ("S09", "SUB-1", "Dr. Bambang Sutrisno, S.E., M.Si.")]


def test_s10_silences_s17_and_s19_for_the_ketua_on_either_side(tmp_path, engine):
    # the draft makes Agus Ketua beside Rina; the workbook keeps Rina Ketua and Agus Anggota
    result = check_run(tmp_path, drafts={"sk.docx": {"person": {"Agus Prasetyo, S.T.": {"kedudukan": "Ketua"}}}},
                       engine=engine)
    assert _found(result) == [("S10", "SUB-1", None)]
    # the draft drops the Ketua: no S17 for Yoga, Ketua on the workbook's side
    result = check_run(tmp_path / "2", drafts={"sk.docx": {"drop_person": ["Yoga Pratama, A.Md."]}}, engine=engine)
    assert _found(result) == [("S10", "DUK-1", None)]


def test_a_blank_number_is_s11_and_not_compared_by_s24(tmp_path, engine):
    result = check_run(tmp_path, drafts={"sk.docx": {"set": {"number": "", "date": "21 Januari 2025"}}},
                       engine=engine)
    assert _found(result) == [("S11", None, None), ("S24", None, None)]
    s24 = next(f for f in result.findings if f.rule == "S24")
    assert "Tanggal SK" in s24.message and "Nomor SK" not in s24.message.split(";")[0]


def test_what_the_workbook_reports_is_not_reported_again(tmp_path, engine):
    edits = [{"sheet": "Anggota Pokja", "where": {"Nama": "Agus Prasetyo, S.T."},
              "set": {"Uraian Tugas": "", "NIP": "19910723201903100", "Kedudukan": "Anggta"}},   # A03, D01, D03
             {"sheet": "Anggota Pokja", "where": {"Nama": "Dewi Lestari, S.Si., M.E."}, "set": {"Output": "-"}},  # A04
             {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Kode Target": "PK-01, PK-09"}}]      # K03
    spec = {"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": ["Mengelola perjalanan dinas"], "kedudukan": "Ketua"},
                       "Dewi Lestari, S.Si., M.E.": {"output": ["Daftar hadir"]}}}
    result = check_run(tmp_path, workbooks={"unit.xlsx": edits}, drafts={"sk.docx": spec}, engine=engine)
    # Agus Ketua beside Rina in the draft: S10; his texts and NIP are not compared, nor Dewi's output
    assert _found(result, *[f"S{i:02d}" for i in range(1, 25)]) == [("S10", "SUB-1", None)]


def test_an_unreadable_kedudukan_in_the_draft_is_not_compared_and_counts_as_a_member(tmp_path, engine):
    spec = {"person": {"Dewi Lestari, S.Si., M.E.": {"kedudukan": "Pelaksana harian", "output": ["-"]}}}
    result = check_run(tmp_path, drafts={"sk.docx": spec}, engine=engine)
    assert _found(result) == [("S08", "SUB-1", "Dewi Lestari, S.Si., M.E.")]


def test_a_draft_never_changes_or_silences_a_workbook_finding(tmp_path, engine):
    edits = [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Nomor SK": ""}},
             {"sheet": "Anggota Pokja", "where": {"Nama": "Agus Prasetyo, S.T."}, "set": {"Output": ""}}]
    alone = check_run(tmp_path / "a", workbooks={"unit.xlsx": edits}, engine=engine)
    both = check_run(tmp_path / "b", workbooks={"unit.xlsx": edits}, drafts={"sk.docx": {}}, engine=engine)
    mine = [(f.rule, f.pokja, f.name, f.sheet, f.row, f.column, f.message, f.fingerprint) for f in alone.findings]
    assert mine and [x for x in ((f.rule, f.pokja, f.name, f.sheet, f.row, f.column, f.message, f.fingerprint)
                                 for f in both.findings) if not x[0].startswith("S")] == mine
