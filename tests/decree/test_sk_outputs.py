"""decree-format.md §6.1-§6.2 and §5: a run with drafts, as JSON and on the terminal. Every
finding has `document`, `workbook` and `similarity` (null when not applicable); an S finding
names the draft, its place in it, the workbook cell it compares and both texts; fingerprints
never depend on a row, paragraph or table number; `inputs` tell each draft's pairing and
status. A run without drafts keeps its former keys (tests/golden)."""
from __future__ import annotations

import json

from sk_run import check_run, draft_input

from checker.output import terminal
from checker.output.jsondoc import to_document

LONG = ("Menyusun rencana kerja tahunan, mengoordinasikan penyusunan bahan kebijakan, memantau pelaksanaan "
        "kegiatan, mengevaluasi capaian kinerja, dan melaporkan hasil pelaksanaan tugas kepada pimpinan unit "
        "secara berkala setiap triwulan sesuai ketentuan yang berlaku")


def test_json_keys_of_a_run_with_drafts(tmp_path):
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": {"person": {"Agus Prasetyo, S.T.": {
        "uraian_tugas": ["Mengelola perjalanan dinas pegawai"]}}}, "lain.docx": {"set": {"instrument": "NOTA DINAS"}}})
    doc = json.loads(json.dumps(to_document(result), default=str))
    assert [(i["kind"], i.get("pairing"), i.get("status")) for i in doc["inputs"]] == [
        ("workbook", None, "checked"), ("sk", "judul", "checked"), ("sk", "judul", "checked")]
    s22 = next(f for f in doc["findings"] if f["rule"] == "S22")
    assert s22["file"].endswith("sk-d9-as1.docx") and s22["found"] == "Mengelola perjalanan dinas pegawai"
    assert s22["document"] == {"part": "lampiran", "paragraph": None, "table": 1, "row": 5, "column": "Uraian Tugas",
                               "label": "Lampiran tabel 1 baris 5 kolom Uraian Tugas"}
    assert s22["workbook"] == {"file": str(tmp_path / "in" / "unit.xlsx"), "sheet": "Anggota Pokja", "row": 5,
                               "column": "K", "value": "Menyusun kajian data pendukung"}
    assert (s22["sheet"], s22["row"], s22["column"], s22["similarity"]) == ("Anggota Pokja", 5, "K", 0.0)
    s04 = next(f for f in doc["findings"] if f["rule"] == "S04")
    assert (s04["workbook"], s04["similarity"], s04["sheet"], s04["document"]["part"]) == (None, None, None, "judul")
    assert all({"document", "workbook", "similarity"} <= set(f) for f in doc["findings"])


def test_a_run_without_drafts_keeps_its_keys(tmp_path):
    result = check_run(tmp_path, drafts={}, workbooks={"unit.xlsx": [
        {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}]})
    doc = to_document(result)
    assert "kind" not in doc["inputs"][0] and doc["findings"]
    assert not {"document", "workbook", "similarity"} & set(doc["findings"][0])


def test_fingerprints_do_not_depend_on_rows_paragraphs_or_tables(tmp_path):
    problems = {"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": ["-"]}}, "set": {"number": ""}}
    a = check_run(tmp_path / "a", drafts={"sk-d9-as1.docx": problems})
    moved = {**problems, "set": {**problems["set"], "lampiran": "single", "diktum": "table",
                                 "menimbang": ["bahwa satu;", "bahwa dua;", "bahwa tiga;"]}}
    b = check_run(tmp_path / "b", drafts={"sk-d9-as1.docx": moved})
    assert [f.document["label"] for f in a.findings] != [f.document["label"] for f in b.findings]
    assert sorted((f.rule, f.fingerprint) for f in a.findings) == sorted((f.rule, f.fingerprint) for f in b.findings)
    assert len({f.fingerprint for f in a.findings}) == len(a.findings)


def test_a_fingerprint_tells_decrees_apart_by_their_subject(tmp_path):
    a = check_run(tmp_path / "a", workbooks={}, drafts={"x.docx": {"set": {"number": ""}}})
    b = check_run(tmp_path / "b", workbooks={}, drafts={"y.docx": {"set": {"number": ""}}})
    c = check_run(tmp_path / "c", workbooks={}, drafts={"x.docx": {"set": {"number": "", "subject": [
        "PEMBENTUKAN KELOMPOK KERJA TAHUN 2025"]}}})
    assert a.findings[0].fingerprint == b.findings[0].fingerprint != c.findings[0].fingerprint


def test_terminal_lines_name_the_draft_and_its_place_and_the_pairing(tmp_path):
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": {"person": {"Agus Prasetyo, S.T.": {"output": ["-"]}}},
                                         "catatan.docx": {"content": "pdf"}})
    lines = terminal.finding_lines(result, limit=None)
    assert any(line.startswith(str(tmp_path / "in" / "sk-d9-as1.docx") + ":Lampiran tabel 1 baris 5 kolom Output  S08"
                               "  pelanggaran  ") for line in lines)
    summary = "\n".join(terminal.summary_lines(result))
    assert "Temuan ini menurut workbook dan rancangan SK" in summary
    assert "Status menurut workbook dan rancangan SK " + str(tmp_path / "in" / "sk-d9-as1.docx") in summary
    assert f"{tmp_path / 'in' / 'sk-d9-as1.docx'} dipasangkan dengan {tmp_path / 'in' / 'unit.xlsx'} (menurut judul)" \
        in summary


def test_terminal_in_english_and_a_draft_alone(tmp_path):
    result = check_run(tmp_path, workbooks={}, drafts={"sk.docx": {"set": {"number": ""}}}, lang="en")
    summary = "\n".join(terminal.summary_lines(result))
    assert "checked on its own (no workbook), status in the draft: Not compliant" in summary
    first = terminal.finding_lines(result, limit=None)[0]
    assert first.startswith(str(tmp_path / "in" / "sk.docx") + ":Nomor  S11  error")


def test_quoted_texts_are_cut_at_200_characters_in_messages_but_whole_in_the_json(tmp_path):
    result = check_run(tmp_path, drafts={"sk.docx": {"pokja": {"Pokja Kebijakan Contoh": {"task": LONG}}}})
    [f] = [f for f in result.findings if f.rule == "S21"]
    assert len(LONG) > 200 and f.found.startswith(LONG) and LONG not in f.message
    assert LONG[:150] in f.message and "\u2026" in f.message


def test_a_paired_drafts_findings_count_for_its_unit_as_data_errors_or_breaches(tmp_path):
    wrong_nip = {"person": {"Agus Prasetyo, S.T.": {"nip": "19910723 201903 1 009"}}}
    result = check_run(tmp_path, drafts={"sk.docx": wrong_nip})
    assert [f.rule for f in result.findings] == ["S18"]
    assert result.compliance("D9.AS1") == "perlu_perbaikan_data"
    assert result.compliance_of(draft_input(result, "sk.docx")) == "perlu_perbaikan_data"
    result = check_run(tmp_path / "2", drafts={"sk.docx": {"person": {"Agus Prasetyo, S.T.": {"output": ["-"]}}}})
    assert result.compliance("D9.AS1") == "tidak_patuh"
