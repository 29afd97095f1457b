"""Realistic SK drafts in the layouts units use (tests/decree_kit.py SkDraft): every layout of
the same decree reads to the same decree (parts, Pokja, members with their positions and
texts, target and task text per Pokja); only locations differ."""
from __future__ import annotations

import re
from datetime import date

import pytest
from decree_kit import KitComment, Person, example_draft

from checker.load.decree import read_decree

KEYS = ["kebijakan contoh", "dukungan teknis dan administrasi"]
_LABEL_RE = re.compile(r"^\s*(?:[a-z]|\d+)[.)]\s*", re.MULTILINE)


def bare(text: str) -> str:
    return " ".join(_LABEL_RE.sub("", text).split())


def read(**layout):
    return read_decree("sk.docx", example_draft(**layout).to_bytes())


def essence(d):
    """What every layout of one decree must agree on (labels and locations left out)."""
    return {
        "title": (d.title.instrument, d.title.issuer),
        "number": (d.number.text, d.number.blank),
        "subject": (d.subject.text, d.subject.year),
        "considerations": [(c.kind, [bare(i.text) for i in c.items]) for c in d.considerations],
        "dicta": [(k.ordinal, bare(k.text), [bare(i.text) for i in k.items], k.forms, k.is_target, k.is_task)
                  for k in d.dicta],
        "signature": (d.signature.place, d.signature.date, d.signature.office_lines, d.signature.signer,
                      d.signature.nip_key, d.signature.acting, d.signature.on_behalf),
        "formed": [(f.name, f.key) for f in d.formed],
        "members": sorted((m.pokja, m.name, m.nip, m.id_pegawai, tuple(sorted(m.positions)), bare(m.uraian_tugas),
                           bare(m.output)) for m in d.members),
        "targets": {k: bare(d.target_text(k)).rstrip(";") for k in KEYS},
        "tasks": {k: bare(d.task_text(k)) for k in KEYS},
        "missing": [m.what for m in d.missing],
    }


BASE = essence(read())

LAYOUTS = [
    dict(diktum="table"),
    dict(diktum="content_controls"),
    dict(lampiran="single"),
    dict(lampiran="single", merged_pengarah=True, diktum="table"),
    dict(merged_pengarah=True),
    dict(nama_nip="columns"),
    dict(numbering="word"),
    dict(header_rows=2, column_numbers=True),
    dict(targets="table"),
    dict(signature_table=True, lampiran_header="table", lampiran_signature=True),
    dict(lampiran_header="text_box", diktum="content_controls", numbering="word"),
    dict(revisions=True),
    dict(comments=[KitComment(1, "Mohon dilengkapi", anchor="KEDUA")]),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda x: ",".join(f"{k}={v}" for k, v in x.items()))
def test_every_layout_reads_to_the_same_decree(layout):
    got = essence(read(**layout))
    if layout.get("targets") == "table":
        # the target diktum holds a table instead of items
        assert got["targets"] == {
            "kebijakan contoh": "Persentase rekomendasi kebijakan yang ditindaklanjuti sebesar 80%",
            "dukungan teknis dan administrasi": "Nilai SAKIP unit sebesar 80"}
        assert [len(k.tables) for k in read(**layout).dicta] == [0, 0, 1, 0, 0]
        got["targets"] = BASE["targets"]
        got["dicta"][2] = BASE["dicta"][2]
    assert got == BASE


def test_the_base_draft_in_full():
    d = read()
    assert BASE["title"] == ("KEPUTUSAN", "ASISTEN DEPUTI CONTOH KEBIJAKAN KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN")
    assert BASE["number"] == ("KEP-12/D.9.1/01/2025", False) and BASE["subject"][1] == 2025
    assert BASE["signature"][:2] == ("Jakarta", d.signature.date) and d.signature.date.value == date(2025, 1, 20)
    assert BASE["formed"] == [("Pokja Kebijakan Contoh", "kebijakan contoh"),
                              ("Pokja Dukungan Teknis dan Administrasi", "dukungan teknis dan administrasi")]
    assert [(k.ordinal, k.forms, k.is_task, k.is_target) for k in d.dicta] == [
        ("KESATU", True, False, False), ("KEDUA", False, True, False), ("KETIGA", False, False, True),
        ("KEEMPAT", False, False, False), ("KELIMA", False, False, False)]
    assert BASE["tasks"] == {"kebijakan contoh": "menyusun dan memantau rekomendasi kebijakan contoh;",
                             "dukungan teknis dan administrasi":
                                 "menyelenggarakan dukungan administrasi dan pelaporan kinerja unit;"}
    assert len(d.members) == 9 and BASE["missing"] == [] and d.revisions == [] and d.comments == []
    andi = next(m for m in d.members if m.name == "Andi Saputra")
    assert (andi.id_pegawai, andi.nip, andi.pokja) == ("PPNPN-01", None, "dukungan teknis dan administrasi")
    assert [m.location.label for m in d.members_of("kebijakan contoh")] == [
        f"Lampiran tabel 1 baris {r}" for r in range(2, 7)]


def test_locations_follow_the_layout():
    single = read(lampiran="single")
    assert [(m.name, m.location.label) for m in single.members_of("dukungan teknis dan administrasi")] == [
        ("Ir. Sri Rahayu, M.P.P.", "Lampiran tabel 1 baris 3"),
        ("Dr. Bambang Sutrisno, S.E., M.Si.", "Lampiran tabel 1 baris 4"),
        ("Yoga Pratama, A.Md.", "Lampiran tabel 1 baris 10"), ("Andi Saputra", "Lampiran tabel 1 baris 11")]
    assert all(m.common_pengarah for m in single.members if "Pengarah" in m.positions)
    table = read(diktum="table")
    assert [i.location.label for i in table.dicta[1].items] == ["Diktum KEDUA huruf a", "Diktum KEDUA huruf b"]
    assert table.dicta[1].items[0].location.paragraph is None
    two_rows = read(header_rows=2, column_numbers=True)
    assert two_rows.members[0].rows[0].output.location.label == "Lampiran tabel 1 baris 4 kolom Output"
    merged = read(merged_pengarah=True)
    assert [r.kedudukan_location.label for m in merged.members_of("kebijakan contoh")[:2] for r in m.rows] == [
        "Lampiran tabel 1 baris 2 kolom Kedudukan"] * 2
    targets = read(targets="table")
    assert [t.location.label for t in targets.targets] == ["Diktum KETIGA tabel 1 baris 2 kolom Target Kinerja",
                                                          "Diktum KETIGA tabel 1 baris 3 kolom Target Kinerja"]


def test_numbered_uraian_tugas_items_in_a_cell():
    draft = example_draft(numbering="word")
    draft.pokja[0].members[0] = Person("Rina Wulandari, S.E., M.Ec.", "19860214 201012 2 001", "Analis", "Ketua",
                                       ["Memimpin penyusunan rekomendasi;", "Melaporkan hasil kepada Pengarah."],
                                       ["Dokumen rekomendasi", "Laporan triwulan"])
    d = read_decree("sk.docx", draft.to_bytes())
    rina = next(m for m in d.members if m.name.startswith("Rina"))
    assert rina.uraian_tugas == "1. Memimpin penyusunan rekomendasi;\n2. Melaporkan hasil kepada Pengarah."
    assert rina.output_plain == "Dokumen rekomendasi\nLaporan triwulan"
    typed = example_draft()
    typed.pokja[0].members[0] = draft.pokja[0].members[0]
    t = read_decree("sk.docx", typed.to_bytes())
    assert next(m for m in t.members if m.name.startswith("Rina")).uraian_tugas == \
        "1.\tMemimpin penyusunan rekomendasi;\n2.\tMelaporkan hasil kepada Pengarah."


def test_revisions_and_comments_of_a_draft_under_consultation():
    d = read(revisions=True, comments=[KitComment(1, "Mohon dilengkapi", anchor="KEDUA"),
                                       KitComment(2, "Sudah sesuai", done=True, anchor="title")])
    assert [(r.kind, r.story, r.location.label) for r in d.revisions] == [
        ("insertion", "body", "Diktum KEDUA huruf a"), ("deletion", "body", "Diktum KEDUA huruf a"),
        ("deletion", "body", "Diktum KEDUA huruf b"), ("insertion", "header", "Dokumen")]
    assert [(c.text, c.resolved, c.location.label) for c in d.comments] == [
        ("Mohon dilengkapi", False, "Diktum KEDUA"), ("Sudah sesuai", True, "Judul")]


def test_a_signature_with_acting_and_on_behalf_office_lines():
    d = read(office_lines=["a.n. DEPUTI BIDANG KOORDINASI CONTOH,", "Plt. ASISTEN DEPUTI CONTOH KEBIJAKAN,"],
             date="", number="KEP-      /D.9.1/01/2025")
    s = d.signature
    assert (s.office_lines, s.on_behalf, s.acting, s.date.status) == (
        ("a.n. DEPUTI BIDANG KOORDINASI CONTOH", "Plt. ASISTEN DEPUTI CONTOH KEBIJAKAN"), True, False, "blank")
    assert (d.number.blank, d.number.blank_reason) == (True, "gap")


def test_a_draft_forming_one_pokja():
    draft = example_draft()
    draft.pokja = draft.pokja[:1]
    d = read_decree("sk.docx", draft.to_bytes())
    assert [(f.name, f.source) for f in d.formed] == [("Pokja Kebijakan Contoh", "diktum_name")]
    assert {m.pokja for m in d.members} == {"kebijakan contoh"}
    assert [r.pokja_source for mt in d.member_tables for r in mt.rows] == ["heading"] * 5
