"""decree-format.md §2, pairing a draft with its unit's workbook: by the issuer in the title
(folded as §2 says), else by the Kode Unit in the file name; none or several while the run
has a readable workbook is S02 and the draft is checked alone; several drafts may pair with
one workbook, each compared only for the Pokja it covers (§3.6)."""
from __future__ import annotations

from sk_run import check_run, draft_input, rules_of

# a draft of another unit: its title, office and head's Jabatan name "Asisten Deputi Kebijakan Lain"
OTHER = {"set": {"issuer_lines": ["ASISTEN DEPUTI KEBIJAKAN LAIN", "KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN"],
                 "office": "ASISTEN DEPUTI KEBIJAKAN LAIN"},
         "person": {"Dr. Bambang Sutrisno, S.E., M.Si.": {"jabatan": "Asisten Deputi Kebijakan Lain"}}}
AS2 = [{"sheet": "Unit", "where": {"Kode Unit": "D9.AS1"}, "set": {"Kode Unit": "D9.AS2"}}]


def test_paired_by_the_title_whatever_its_file_name(tmp_path):
    result = check_run(tmp_path, drafts={"rancangan.docx": {}})
    d = draft_input(result, "rancangan.docx")
    assert (d.unit, d.pairing, d.paired_with.endswith("unit.xlsx"), d.status) == ("D9.AS1", "judul", True, "checked")
    assert result.findings == []
    assert result.compliance_of(d) == "patuh"


def test_the_title_may_add_the_jpt_madya_unit_and_the_instansi_and_the_head_word(tmp_path):
    lines = ["KEPALA ASISTEN DEPUTI CONTOH KEBIJAKAN", "DEPUTI BIDANG KOORDINASI CONTOH",
             "KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN"]
    result = check_run(tmp_path, drafts={"x.docx": {"set": {"issuer_lines": lines}}})
    assert draft_input(result, "x.docx").pairing == "judul"


def test_paired_by_the_kode_unit_in_the_file_name_when_the_title_pairs_with_none(tmp_path):
    result = check_run(tmp_path, drafts={"SK D9.AS1 2025.docx": OTHER, "sk-pokja-d9-as1.docx": OTHER})
    for name in ("SK D9.AS1 2025.docx", "sk-pokja-d9-as1.docx"):
        d = draft_input(result, name)
        assert (d.unit, d.pairing) == ("D9.AS1", "nama_berkas")
    # paired, the issuer is not this unit: S04, and no S02
    assert rules_of(result) == ["S04", "S04"]


def test_a_kode_unit_is_a_run_of_whole_tokens(tmp_path):
    result = check_run(tmp_path, drafts={"sk-d9-as12.docx": OTHER})
    d = draft_input(result, "sk-d9-as12.docx")
    assert (d.unit, d.pairing, d.paired_with) == (None, None, None)
    assert rules_of(result) == ["S02"]


def test_pairing_with_none_is_s02_and_the_draft_is_checked_alone(tmp_path):
    result = check_run(tmp_path, drafts={"rancangan.docx": OTHER})
    [f] = result.findings
    d = draft_input(result, "rancangan.docx")
    assert (f.rule, f.unit, f.unit_name, f.document["label"]) == (
        "S02", None, "ASISTEN DEPUTI KEBIJAKAN LAIN KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN", "Judul")
    assert (d.unit, d.unit_name, d.paired_with) == (None, f.unit_name, None)
    assert result.compliance_of(d) == "perlu_perbaikan_data"
    assert result.compliance("D9.AS1") == "patuh"          # the workbook is not touched by it


def test_a_title_naming_two_workbooks_is_s02_even_when_the_file_name_names_one(tmp_path):
    result = check_run(tmp_path, workbooks={"a.xlsx": [], "b.xlsx": AS2}, drafts={"sk-d9-as1.docx": {}})
    s02 = [f for f in result.findings if f.rule == "S02"]
    assert len(s02) == 1 and "a.xlsx" in s02[0].message and "b.xlsx" in s02[0].message
    assert draft_input(result, "sk-d9-as1.docx").paired_with is None


def test_a_file_name_naming_two_workbooks_is_s02(tmp_path):
    other_name = AS2 + [{"sheet": "Unit", "where": {"Kode Unit": "D9.AS2"}, "set": {"Kode Unit": "D9.AS1"}}]
    result = check_run(tmp_path, workbooks={"a.xlsx": [], "b.xlsx": other_name}, drafts={"sk-d9-as1.docx": OTHER})
    assert "S02" in rules_of(result, "sk-d9-as1.docx")


def test_among_two_units_the_title_picks_its_own(tmp_path):
    renamed = AS2 + [{"sheet": "Unit", "where": {"Kode Unit": "D9.AS2"}, "set": {"Nama Unit": "Asisten Deputi Lain"}}]
    result = check_run(tmp_path, workbooks={"a.xlsx": [], "b.xlsx": renamed}, drafts={"sk-d9-as2.docx": {}})
    d = draft_input(result, "sk-d9-as2.docx")
    assert (d.unit, d.pairing) == ("D9.AS1", "judul")


def test_no_workbook_in_the_run_the_draft_is_checked_alone_without_s02(tmp_path):
    result = check_run(tmp_path, workbooks={}, drafts={"rancangan.docx": {"set": {"number": ""}}})
    d = draft_input(result, "rancangan.docx")
    assert rules_of(result) == ["S11"]
    assert (d.unit, d.unit_name, d.paired_with, result.compliance_of(d)) == (
        None, "ASISTEN DEPUTI CONTOH KEBIJAKAN KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN", None, "tidak_patuh")
    assert result.read_any() and result.units() == []


def test_an_unreadable_workbook_is_no_workbook_to_pair_with(tmp_path):
    result = check_run(tmp_path, workbooks={}, drafts={"rancangan.docx": OTHER})
    (tmp_path / "in" / "rusak.xlsx").write_bytes(b"not a workbook")
    result = check_run(tmp_path, workbooks={}, drafts={"rancangan.docx": OTHER}, folder=True)
    assert "S02" not in rules_of(result) and "D05" in rules_of(result)


def test_two_drafts_pair_with_one_workbook_each_for_the_pokja_it_covers(tmp_path):
    """One SK per Pokja: each draft forms one Pokja; the workbook gives each its own Nomor SK,
    so each draft covers the Pokja of its number and forms no other: no S16."""
    edits = [{"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Nomor SK": "KEP-13/D.9.1/01/2025"}}]
    sub = {"set": {"number": "KEP-12/D.9.1/01/2025"}, "drop_pokja": "Pokja Dukungan Teknis dan Administrasi"}
    duk = {"set": {"number": "KEP-13/D.9.1/01/2025"}, "drop_pokja": "Pokja Kebijakan Contoh"}
    result = check_run(tmp_path, workbooks={"unit.xlsx": edits}, drafts={"sk-sub.docx": sub, "sk-duk.docx": duk})
    assert [(d.unit, d.pairing) for d in result.drafts()] == [("D9.AS1", "judul"), ("D9.AS1", "judul")]
    assert rules_of(result) == []
    unit = next(i for i in result.units())
    assert [d.file.rsplit("/", 1)[1] for d in result.drafts_of(unit)] == ["sk-sub.docx", "sk-duk.docx"]


def test_two_drafts_without_numbers_cover_the_pokja_they_form(tmp_path):
    sub = {"set": {"number": ""}, "drop_pokja": "Pokja Dukungan Teknis dan Administrasi"}
    duk = {"set": {"number": ""}, "drop_pokja": "Pokja Kebijakan Contoh"}
    result = check_run(tmp_path, drafts={"sk-sub.docx": sub, "sk-duk.docx": duk}, stage="rancangan")
    assert rules_of(result) == []


def test_one_draft_forming_one_pokja_of_two_is_s16_for_the_other(tmp_path):
    result = check_run(tmp_path, drafts={"sk.docx": {"drop_pokja": "Pokja Dukungan Teknis dan Administrasi"}})
    [f] = result.findings
    assert (f.rule, f.pokja, f.sheet, f.row, f.column, f.document) == ("S16", "DUK-1", "Pokja", 3, "B", None)
