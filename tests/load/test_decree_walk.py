"""decree-format.md §3.2: the text of a draft as Word shows it with every revision accepted,
Word's numbering labels, tables as grids of origin cells, comments and revisions. Every case
is a .docx built here and read by the real reader."""
from __future__ import annotations

import pytest
from decree_kit import (
    KitComment,
    Numbering,
    X,
    br,
    build_docx,
    commented,
    dele,
    fld_complex,
    fld_simple,
    hyperlink,
    ins,
    move_from,
    move_to,
    p,
    run,
    sdt_block,
    sdt_run,
    simple_table,
    skeleton,
    smart_tag,
    tbl,
    tc,
    textbox,
    tr,
)

from checker.load.decree import read_decree
from checker.load.decree.blocks import Paragraph, Table
from checker.load.decree.draft_reader import walk_document


def read(body, **kw):
    return read_decree("draf.docx", build_docx(body, **kw))


def items(body, **kw):
    return [(i.label, i.text) for i in read(body, **kw).dicta[0].items]


def texts(body, **kw):
    return [i.text for i in read(body, **kw).dicta[0].items]


# ---------------------------------------------------------------- text


def test_runs_hyperlinks_smart_tags_content_controls_and_field_results_are_text():
    item = p("Satu ", hyperlink("dua"), " ", smart_tag("tiga"), " ", sdt_run("empat"), " ",
             fld_simple("PAGE", "lima"), " ", fld_complex("DATE \\@ yyyy", "enam"))
    assert texts(skeleton(item)) == ["Satu dua tiga empat lima enam"]


def test_instructions_deleted_and_moved_from_text_are_not_text_insertions_and_moved_to_are():
    item = p("Menyusun ", dele("draf "), ins("rancangan "), "kebijakan", move_from(" lama"), move_to(" baru"))
    assert texts(skeleton(item)) == ["Menyusun rancangan kebijakan baru"]


def test_field_instruction_without_result_gives_no_text():
    item = p("Halaman ", X('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
                          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'), "akhir")
    assert texts(skeleton(item)) == ["Halaman akhir"]


def test_a_field_left_open_hides_nothing_after_its_paragraph():
    item = p("Awal", X('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>X</w:instrText></w:r>'))
    assert texts(skeleton(item, p("berikutnya"))) == ["Awal", "berikutnya"]


def test_tabs_line_breaks_hyphens_and_spaces():
    item = p("a\tb", br(), "c", br("page"), "d", br("column"), "e", X("<w:r><w:cr/><w:noBreakHyphen/>"
                                                                       "<w:softHyphen/></w:r>"), "f\u00a0g")
    assert texts(skeleton(item)) == ["a\tb\ncde\n-f g"]


def test_block_row_and_cell_content_controls_are_read_in_place():
    table = tbl([tr(tc(p("No")), tc(p("Nama")), tc(p("Kedudukan"))),
                 sdt_block(tr(tc(p("1")), tc(p("Budi")), sdt_block(tc(p("Ketua")), tag="sel")), tag="baris"),
                 tr(tc(p("2")), tc(p("Sari")), tc(p("Anggota")))])
    d = read(skeleton(sdt_block(p("butir dalam kontrol")), lampiran=p("LAMPIRAN") + table))
    assert [i.text for i in d.dicta[0].items] == ["butir dalam kontrol"]
    assert [(m.name, sorted(m.positions), m.location.label) for m in d.members] == [
        ("Budi", ["Ketua"], "Lampiran tabel 1 baris 2"), ("Sari", ["Anggota"], "Lampiran tabel 1 baris 3")]


def test_a_text_box_is_read_once_from_mc_choice_at_its_anchor():
    item = p("sebelum", textbox(p("di kotak teks"), fallback=p("salinan VML")))
    assert texts(skeleton(item, p("sesudah"))) == ["sebelum", "di kotak teks", "sesudah"]


def test_alternate_content_at_block_level_reads_the_choice_only():
    block = X('<mc:AlternateContent><mc:Choice Requires="w14">' + p("pilihan") + "</mc:Choice><mc:Fallback>"
              + p("cadangan") + "</mc:Fallback></mc:AlternateContent>")
    assert texts(skeleton(block)) == ["pilihan"]


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next():
    body = skeleton(p("Menyusun ", mark_deleted=True), p("rancangan"), p(dele("hilang"), mark_deleted=True),
                    p("akhir"))
    d = read(body)
    assert [i.text for i in d.dicta[0].items] == ["Menyusun rancangan", "akhir"]
    assert [r.kind for r in d.revisions] == ["deletion", "deletion"]
    chained = read(skeleton(p("satu ", dele("x"), mark_deleted=True), p(dele("y"), "dua ", mark_deleted=True),
                            p("tiga"), p("empat")))
    assert [i.text for i in chained.dicta[0].items] == ["satu dua tiga", "empat"]
    assert [r.location.label for r in chained.revisions] == ["Diktum KESATU butir 1"] * 2


# ---------------------------------------------------------------- numbering


def numbered(nb, *specs):
    """Paragraphs numbered (numId, ilvl)."""
    return [p(text, num=num) for num, text in specs]


@pytest.mark.parametrize("fmt, labels", [
    ("decimal", ["1.", "2.", "3."]),
    ("lowerLetter", ["a.", "b.", "c."]),
    ("upperLetter", ["A.", "B.", "C."]),
    ("lowerRoman", ["i.", "ii.", "iii."]),
    ("upperRoman", ["I.", "II.", "III."]),
])
def test_word_numbering_labels_are_recomputed_and_kept_apart_from_the_text(fmt, labels):
    nb = Numbering()
    n = nb.list(fmt)
    got = items(skeleton(*numbered(nb, ((n, 0), "x"), ((n, 0), "y"), ((n, 0), "z"))), numbering=nb)
    assert got == list(zip(labels, ["x", "y", "z"]))


def test_bullets_show_their_level_text_and_a_symbol_font_glyph_as_a_bullet():
    nb = Numbering()
    n = nb.list(["bullet", "bullet"], ["\uf0b7", "o"])
    got = items(skeleton(*numbered(nb, ((n, 0), "x"), ((n, 1), "y"))), numbering=nb)
    assert got == [("\u2022", "x"), ("o", "y")]


def test_letters_after_z_repeat_as_word_does():
    nb = Numbering()
    n = nb.list("lowerLetter")
    got = items(skeleton(*numbered(nb, *[((n, 0), str(i)) for i in range(28)])), numbering=nb)
    assert [g[0] for g in got[24:]] == ["y.", "z.", "aa.", "bb."]


def test_multi_level_patterns_start_values_and_restart_after_a_higher_level():
    nb = Numbering()
    n = nb.list(["decimal", "decimal"], ["%1.", "%1.%2."], starts=[3, 1])
    got = items(skeleton(*numbered(nb, ((n, 0), "a"), ((n, 1), "b"), ((n, 1), "c"), ((n, 0), "d"),
                                   ((n, 1), "e"))), numbering=nb)
    assert [g[0] for g in got] == ["3.", "3.1.", "3.2.", "4.", "4.1."]


def test_a_level_used_before_its_parent_shows_the_parents_start():
    nb = Numbering()
    n = nb.list(["decimal", "lowerLetter"], ["%1.", "%1.%2)"])
    assert [g[0] for g in items(skeleton(p("x", num=(n, 1))), numbering=nb)] == ["1.a)"]


def test_nums_sharing_an_abstract_list_continue_it_unless_restarted_by_a_start_override():
    nb = Numbering()
    a = nb.list("decimal")
    same = nb.num(nb._by_num[a])
    restarted = nb.restart(a, start=1)
    got = items(skeleton(*numbered(nb, ((a, 0), "a"), ((a, 0), "b"), ((same, 0), "c"), ((restarted, 0), "d"),
                                   ((restarted, 0), "e"), ((a, 0), "f"))), numbering=nb)
    assert [g[0] for g in got] == ["1.", "2.", "3.", "1.", "2.", "3."]


def test_lvl_restart_zero_never_restarts_and_is_lgl_shows_decimals():
    nb = Numbering()
    aid = nb.abstract(["upperRoman", "lowerLetter"], ["%1.", "%1.%2."],
                      extra={1: '<w:lvlRestart w:val="0"/><w:isLgl/>'})
    n = nb.num(aid)
    got = items(skeleton(*numbered(nb, ((n, 0), "a"), ((n, 1), "b"), ((n, 0), "c"), ((n, 1), "d"))), numbering=nb)
    assert [g[0] for g in got] == ["I.", "1.1.", "II.", "2.2."]


def test_numbering_from_the_paragraph_style_and_num_id_zero_removing_it():
    nb = Numbering()
    n = nb.list("lowerLetter")
    style = ('<w:style w:type="paragraph" w:styleId="DaftarHuruf"><w:name w:val="Daftar Huruf"/>'
             f'<w:pPr><w:numPr><w:numId w:val="{n}"/></w:numPr></w:pPr></w:style>')
    import io

    import docx
    from docx.oxml import parse_xml
    body = skeleton(p("x", style="DaftarHuruf"), X('<w:p><w:pPr><w:pStyle w:val="DaftarHuruf"/><w:numPr><w:numId '
                                                   'w:val="0"/></w:numPr></w:pPr><w:r><w:t>y</w:t></w:r></w:p>'),
                    p("z", style="DaftarHuruf"))
    data = build_docx(body, numbering=nb)
    doc = docx.Document(io.BytesIO(data))
    doc.styles.element.append(parse_xml(style.replace("<w:style ", '<w:style xmlns:w="http://schemas.'
                                                      'openxmlformats.org/wordprocessingml/2006/main" ', 1)))
    out = io.BytesIO()
    doc.save(out)
    got = [(i.label, i.text) for i in read_decree("x.docx", out.getvalue()).dicta[0].items]
    assert got == [("a.", "x"), ("", "y"), ("b.", "z")]


def test_item_references_follow_the_labels():
    nb = Numbering()
    n = nb.list(["lowerLetter", "decimal"], ["%1.", "%2)"])
    d = read(skeleton(*numbered(nb, ((n, 0), "x"), ((n, 0), "y"), ((n, 1), "y1"), ((n, 1), "y2"), ((n, 0), "z")),
                      p("tanpa label")), numbering=nb)
    assert [i.location.label for i in d.dicta[0].items] == [
        "Diktum KESATU huruf a", "Diktum KESATU huruf b", "Diktum KESATU huruf b angka 1",
        "Diktum KESATU huruf b angka 2", "Diktum KESATU huruf c", "Diktum KESATU huruf c"]


def test_typed_labels_give_references_too():
    d = read(skeleton(p("a.\tsatu"), p("b.\tdua"), p("1)\tdua satu"), p("c.\ttiga"), p("- catatan")))
    assert [i.ref for i in d.dicta[0].items] == ["huruf a", "huruf b", "huruf b angka 1", "huruf c",
                                                 "huruf c butir 5"]


# ---------------------------------------------------------------- tables


def grid_of(body):
    blocks, _, _ = walk_document("t.docx", build_docx(body))
    table = next(b for b in blocks if isinstance(b, Table))
    return table


def test_grid_span_vmerge_hmerge_grid_before_and_after_point_every_position_at_its_origin():
    t = grid_of(tbl([
        tr(tc(p("A")), tc(p("B"), span=2), tc(p("C"))),
        tr(tc(p("D"), vmerge="restart"), tc(p("E"), hmerge="restart"), tc(p(), hmerge="continue"), tc(p("F"))),
        tr(tc(p(), vmerge="continue"), tc(p("G")), tc(p("H")), after=1),
        tr(tc(p("I")), tc(p("J")), before=1, after=1),
    ], cols=4))
    text = [[t.text(r, c) for c in range(4)] for r in range(4)]
    assert text == [["A", "B", "B", "C"], ["D", "E", "E", "F"], ["D", "G", "H", ""], ["", "I", "J", ""]]
    assert t.at(2, 0) is t.at(1, 0) and t.at(1, 0).row_span == 2 and t.at(1, 0).row == 1
    assert t.at(2, 3) is None and t.at(3, 0) is None and t.at(3, 3) is None
    assert t.at(1, 1) is t.at(1, 2) and t.at(1, 1).col_span == 2
    t2 = grid_of(tbl([tr(tc(p("K"), vmerge="restart"), tc(p("x"))), tr(tc(p("ignored"), vmerge="continue"),
                                                                          tc(p("y")))]))
    assert t2.at(1, 0) is t2.at(0, 0) and t2.text(1, 0) == "K" and t2.at(0, 0).row_span == 2


def test_a_cells_text_is_its_paragraphs_joined_by_line_breaks_with_numbering_labels():
    nb = Numbering()
    n = nb.list("decimal")
    blocks, _, _ = walk_document("t.docx", build_docx(tbl([tr(tc(p("Menyusun bahan", num=(n, 0)),
                                                                  p("Melaporkan", num=(n, 0))))]), numbering=nb))
    cell = blocks[0].at(0, 0)
    assert cell.text == "1. Menyusun bahan\n2. Melaporkan" and cell.plain == "Menyusun bahan\nMelaporkan"


def test_a_nested_table_stays_under_its_cell():
    inner = tbl([tr(tc(p("dalam 1")), tc(p("dalam 2")))])
    t = grid_of(tbl([tr(tc(p("luar"), inner), tc(p("kanan"))), tr(tc(p("bawah")), tc(p("x")))]))
    assert t.n_rows == 2 and t.text(0, 0) == "luar" and t.text(1, 0) == "bawah"
    nested = t.at(0, 0).tables[0]
    assert nested.text(0, 1) == "dalam 2" and nested.parent is t.at(0, 0) and nested.depth == 2


def test_a_deleted_row_is_not_read_and_counts_as_a_revision():
    table = simple_table(("No", "Nama", "Kedudukan"), [("1", "Budi", "Ketua")])
    table = table.replace("</w:tbl>", tr(tc(p("2")), tc(p("Sari")), tc(p("Anggota")), deleted=True) + "</w:tbl>")
    d = read(skeleton(lampiran=p("LAMPIRAN") + table))
    assert [m.name for m in d.members] == ["Budi"]
    assert [(r.kind, r.location.label) for r in d.revisions] == [("deletion", "Lampiran tabel 1 baris 3 kolom No")]


def test_borderless_and_bordered_tables_are_told_apart():
    blocks, _, _ = walk_document("t.docx", build_docx(tbl([["a"]], borders=False) + p() + tbl([["b"]])
                                                      + p() + X(tbl([["c"]]).replace('<w:tblStyle w:val="TableGrid"/>',
                                                                                        ""))))
    assert [b.borderless for b in blocks if isinstance(b, Table)] == [True, False, True]


# ---------------------------------------------------------------- revisions, comments


def test_revisions_are_counted_with_kind_author_and_place_formatting_changes_are_not():
    fmt = X('<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="X" w:date="2025-01-01T00:00:00Z"><w:rPr/>'
            '</w:rPrChange></w:rPr><w:t>tebal</w:t></w:r>')
    body = skeleton(p("a ", ins("b", author="Ani"), dele("c", author="Budi")), p(fmt), p(move_from("d"), move_to("d")))
    d = read(body, headers=[p("kop ", ins("baru", author="Citra"))], footers=[p(dele("lama", author="Dodi"))])
    got = sorted((r.kind, r.author, r.story, r.location.label) for r in d.revisions)
    assert got == [("deletion", "Budi", "body", "Diktum KESATU butir 1"),
                   ("deletion", "Dodi", "footer", "Dokumen"),
                   ("insertion", "Ani", "body", "Diktum KESATU butir 1"),
                   ("insertion", "Citra", "header", "Dokumen"),
                   ("move", "Biro Hukum", "body", "Diktum KESATU butir 3"),
                   ("move", "Biro Hukum", "body", "Diktum KESATU butir 3")]


def test_revision_counts_and_authors():
    body = skeleton(p("a ", ins("b", author="Ani"), dele("c", author="Budi"), ins("d", author="Ani")))
    d = read(body, comments=[KitComment(1, "x", author="Citra"), KitComment(2, "y", author="Dodi", done=True)],
             footers=[p(commented(1, "f"), commented(2, "g"))])
    assert d.revision_counts == {"insertion": 2, "deletion": 1, "move": 0}
    assert d.revision_authors == ["Ani", "Budi", "Citra"]


def test_block_level_custom_xml_is_read_in_place():
    assert texts(skeleton(X('<w:customXml w:element="isian">' + p("dalam customXml") + "</w:customXml>"))) == [
        "dalam customXml"]


def test_comments_have_author_date_anchor_and_resolution():
    comments = [KitComment(1, "Mohon perbaiki", author="Biro Hukum"), KitComment(2, "Sudah", done=True),
                KitComment(3, "Balasan", parent=2), KitComment(4, "Di kepala")]
    body = skeleton(p(commented(1, "butir satu")), p(commented(2, "butir dua"), commented(3, "")))
    d = read(body, comments=comments, headers=[p(commented(4, "kop"))])
    got = [(c.id, c.author, c.text, c.resolved, c.story, c.location.label) for c in d.comments]
    assert got == [("1", "Biro Hukum", "Mohon perbaiki", False, "body", "Diktum KESATU butir 1"),
                   ("2", "Biro Hukum", "Sudah", True, "body", "Diktum KESATU butir 2"),
                   ("3", "Biro Hukum", "Balasan", True, "body", "Diktum KESATU butir 2"),
                   ("4", "Biro Hukum", "Di kepala", False, "header", "Dokumen")]
    assert d.comments[0].date == "2025-01-10T09:00:00Z"
    assert [c.id for c in d.open_comments] == ["1", "4"]


def test_a_comment_on_a_member_cell_is_located_at_that_cell():
    row = tr(tc(p("1")), tc(p("Budi")), tc(p("Ketua")), tc(p(commented(7, "Menyusun"))), tc(p("-")))
    table = simple_table(("No", "Nama", "Kedudukan", "Uraian Tugas", "Output"), [row])
    d = read(skeleton(lampiran=p("LAMPIRAN") + table), comments=[KitComment(7, "isi output")])
    assert d.comments[0].location.label == "Lampiran tabel 1 baris 2 kolom Uraian Tugas"


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def test_paths_point_at_the_paragraph_in_the_xml():
    import io

    from docx import Document

    from checker.load.decree import resolve_anchor
    data = build_docx(skeleton(sdt_block(p("dalam kontrol")), p("biasa", textbox(p("kotak")))))
    d = read_decree("x.docx", data)
    body = Document(io.BytesIO(data)).element.body
    for item in d.dicta[0].items:
        el = resolve_anchor(body, item.location.anchor)
        assert el.tag.endswith("}p")
        assert item.text in _text(el)
    member = d.members[0]
    cell_p = resolve_anchor(body, member.rows[0].uraian_tugas.location.anchor)
    assert _text(cell_p) == "Memimpin pelaksanaan tugas Pokja"


def test_body_paragraphs_are_numbered_outside_tables():
    blocks, _, _ = walk_document("t.docx", build_docx(p("a") + tbl([["x"]]) + p("b") + p("c", textbox(p("d")))))
    paras = [b for b in blocks if isinstance(b, Paragraph)]
    assert [(x.text, x.body_index) for x in paras] == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]
    assert blocks[1].at(0, 0).paragraphs[0].body_index is None


def test_run_helper_writes_breaks_and_tabs():
    assert "<w:br/>" in run("a\nb") and "<w:tab/>" in run("a\tb")
