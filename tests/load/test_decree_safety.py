"""decree-format.md §3.1: what is not a readable draft gets one typed error (S01 later) with
its text in both languages; the bounds hold before any parser runs; nothing is written.
The hostile files are tiny and built here (tests/make_hostile.py's zip tools)."""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import zipfile

import pytest
from decree_kit import X, build_docx, p, rezip, skeleton, tbl, tc, tr
from make_hostile import cfb_bytes, deflate_repeated, flip_byte, forge_size, zip_with_raw

from checker.load import limits as doc_limits
from checker.load.decree import DecreeError, is_annotated_decree, read_decree
from checker.load.decree.draft_errors import KINDS
from checker.texts import t

DRAFT = build_docx(skeleton())


def kind_of(data: bytes, name: str = "draf.docx") -> str:
    with pytest.raises(DecreeError) as e:
        read_decree(name, data)
    return e.value.kind


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return [(i.filename, z.read(i)) for i in z.infolist()]


def test_the_base_draft_reads():
    assert read_decree("draf.docx", DRAFT).title.issuer == "ASISTEN DEPUTI UJI COBA"


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize("data, kind", [
    (b"", "empty_file"),
    (cfb_bytes({"WordDocument": b"\x00" * 64, "1Table": b"\x00" * 64}), "legacy_doc"),
    (cfb_bytes({"EncryptionInfo": b"\x04\x00" * 32, "EncryptedPackage": b"\x00" * 64}), "encrypted"),
    (cfb_bytes({"Workbook": b"\x00" * 64}), "corrupt"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} KEPUTUSAN}", "rtf"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "pdf"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32, "image"),
    (b"KEPUTUSAN ASISTEN DEPUTI\nNOMOR 1\n", "corrupt"),
    (b"PK\x03\x04" + b"\x00" * 40, "corrupt"),
])
def test_formats_that_are_not_a_docx(data, kind):
    assert kind_of(data) == kind


def test_the_format_is_sniffed_not_taken_from_the_extension():
    assert read_decree("rancangan.pdf", DRAFT).title is not None
    assert kind_of(b"%PDF-1.4\n", "rancangan.docx") == "pdf"


def test_opendocument_text():
    odt = zip_with_raw([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>"),
                        ("META-INF/manifest.xml", b"<m/>")], {})
    assert kind_of(odt) == "odt"


def test_a_damaged_zip_and_a_zip_without_a_document():
    assert kind_of(DRAFT[: len(DRAFT) // 2]) == "corrupt"
    assert kind_of(flip_byte(DRAFT, "word/document.xml")) == "corrupt"
    assert kind_of(rezip(DRAFT, {"word/document.xml": None})) == "no_document"
    xlsx = zip_with_raw([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")], {})
    assert kind_of(xlsx) == "no_document"
    assert kind_of(rezip(DRAFT, {"word/document.xml": b"<w:document><w:body>"})) == "corrupt"


def test_a_word_lock_file():
    assert kind_of(b"\x0bBudi Utomo" + b"\x00" * 40, "~$draf.docx") == "lock_file"


def test_a_docm_is_read_and_its_macros_are_not():
    data = build_docx(skeleton(), macro=True)
    assert "word/vbaProject.bin" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert read_decree("draf.docm", data).dicta[0].ordinal == "KESATU"


def test_this_tools_annotated_copy_is_refused_and_recognised(tmp_path):
    marked = build_docx(skeleton(), properties={"cek-pokja-annotated": "1"})
    assert kind_of(marked) == "own_annotated_copy"
    path = tmp_path / "draf.diperiksa.docx"
    path.write_bytes(marked)
    assert is_annotated_decree(path)
    other = build_docx(skeleton(), properties={"cek-pokja-annotated": "0", "Departemen": "Biro"})
    assert read_decree("draf.docx", other).title is not None
    (tmp_path / "b.docx").write_bytes(other)
    (tmp_path / "c.docx").write_bytes(b"not a zip")
    assert not is_annotated_decree(tmp_path / "b.docx") and not is_annotated_decree(tmp_path / "c.docx")


# ---------------------------------------------------------------- zip bounds


def test_a_member_above_5_mib_compressed_over_100_to_1_is_a_bomb():
    comp, crc, size = deflate_repeated(b"<w:document>", b"<w:p/>", (6 << 20) // 6, b"</w:document>")
    data = zip_with_raw(members_of(DRAFT), {"word/document.xml": (comp, crc, size)})
    assert kind_of(data) == "zip_bomb"


def test_a_picture_bomb_is_refused_from_the_directory_alone():
    comp, crc, size = deflate_repeated(b"", b"\x00" * 64, (6 << 20) // 64, b"")
    members = members_of(DRAFT) + [("word/media/image1.png", b"")]
    assert kind_of(zip_with_raw(members, {"word/media/image1.png": (comp, crc, size)})) == "zip_bomb"


def test_a_declared_total_above_1_gib_is_a_bomb():
    data = forge_size(forge_size(DRAFT, "word/styles.xml", 3 << 29), "word/stylesWithEffects.xml", 3 << 29)
    assert kind_of(data) == "zip_bomb"


def test_a_part_inflating_beyond_its_declared_size_is_a_bomb():
    comp, crc, size = deflate_repeated(b"<w:document>", b"<w:p/>", 200_000, b"</w:document>")
    data = zip_with_raw(members_of(DRAFT), {"word/document.xml": (comp, crc, 2048)})
    assert kind_of(data) == "zip_bomb"


def test_media_and_embeddings_are_never_streamed():
    # a picture that lies about its size and holds a DOCTYPE: refused if it were streamed
    comp, crc, size = deflate_repeated(b"<!DOCTYPE x>", b"\x89", 100_000, b"")
    members = members_of(DRAFT) + [("word/media/image1.png", b""), ("word/embeddings/oleObject1.bin", b"<!ENTITY")]
    data = zip_with_raw(members, {"word/media/image1.png": (comp, crc, 16)})
    assert read_decree("draf.docx", data).title is not None


@pytest.mark.parametrize("member, decl", [
    ("word/document.xml", b'<!DOCTYPE w:document [<!ENTITY x "KEPUTUSAN">]>'),
    ("word/styles.xml", b'<!DOCTYPE s SYSTEM "http://example.invalid/s.dtd">'),
    ("word/_rels/document.xml.rels", b"<!ENTITY a 'b'>"),
])
def test_doctype_and_entity_declarations_are_refused(member, decl):
    data = dict(members_of(DRAFT))
    head, sep, rest = data[member].partition(b"?>")
    assert kind_of(rezip(DRAFT, {member: head + sep + decl + rest})) == "xml_doctype"


def test_entities_are_never_resolved():
    # an entity reference with no declaration stays unresolved: the part is malformed, not expanded
    data = dict(members_of(DRAFT))[("word/document.xml")].replace(b"Pokja Uji Coba", b"Pokja &xxe; Coba", 1)
    assert kind_of(rezip(DRAFT, {"word/document.xml": data})) == "corrupt"


# ---------------------------------------------------------------- document bounds


def test_the_file_size_limit(tmp_path, monkeypatch):
    from checker.load import limits
    path = tmp_path / "draf.docx"
    path.write_bytes(DRAFT)
    monkeypatch.setattr(limits, "FILE_MAX_BYTES", 1000)
    with pytest.raises(DecreeError) as e:
        read_decree(path)
    assert e.value.kind == "too_large" and e.value.params == {"mb": 1, "limit": 1}


def test_paragraph_bound_before_parsing_and_in_the_walk(monkeypatch):
    monkeypatch.setattr(doc_limits, "DOC_MAX_PARAGRAPHS", 30)
    assert kind_of(build_docx(skeleton(*[p(f"butir {i}") for i in range(40)]))) == "too_many_paragraphs"
    # written with another prefix, the paragraphs escape the byte count; the walk counts them
    doc = dict(members_of(build_docx(skeleton(*[p(f"butir {i}") for i in range(40)]))))["word/document.xml"]
    doc = doc.replace(b"<w:", b"<q:").replace(b"</w:", b"</q:").replace(b"xmlns:w=", b"xmlns:q=")
    doc = doc.replace(b" w:", b" q:")
    with pytest.raises(DecreeError) as e:
        read_decree("x.docx", rezip(DRAFT, {"word/document.xml": doc}))
    assert e.value.kind == "too_many_paragraphs" and e.value.detail == "counted in the walk"


def test_table_row_bound(monkeypatch):
    monkeypatch.setattr(doc_limits, "DOC_MAX_TABLE_ROWS", 2)
    assert kind_of(build_docx(skeleton())) == "too_many_rows"
    assert e_params(build_docx(skeleton())) == {"count": 3, "limit": 2}
    monkeypatch.setattr(doc_limits, "DOC_MAX_TABLE_ROWS", 3)
    assert read_decree("x.docx", build_docx(skeleton())).members


def e_params(data):
    with pytest.raises(DecreeError) as e:
        read_decree("x.docx", data)
    return e.value.params


def test_table_nesting_bound():
    def nested(depth: int) -> X:
        inner = p("dalam")
        for _ in range(depth):
            inner = tbl([tr(tc(inner))])
        return X(inner)
    assert read_decree("x.docx", build_docx(skeleton(nested(8)))).dicta
    assert kind_of(build_docx(skeleton(nested(9)))) == "too_deep"


# ---------------------------------------------------------------- errors, texts, input


def test_every_kind_has_both_texts_naming_the_file():
    for kind in KINDS:
        params = {"mb": 300, "limit": 256, "count": 250_000, "depth": 9, "s": 60}
        err = DecreeError("sk/draf.docx", kind, **params)
        ind, eng = err.message("id"), err.message("en")
        assert "sk/draf.docx" in ind and "sk/draf.docx" in eng and ind != eng
    assert DecreeError("a.docx", "too_many_paragraphs", count=250_000, limit=200_000).message() \
        == t("decree.too_many_paragraphs", file="a.docx", count="250.000", limit="200.000")


@pytest.mark.parametrize("kind, wording", [
    ("legacy_doc", "dokumen Word lama; simpan sebagai .docx (File \u203a Save As \u203a Word Document) lalu periksa "
                   "lagi"),
    ("pdf", "PDF tidak dibaca pada versi ini; periksa rancangan SK dalam .docx"),
    ("corrupt", "berkas rusak atau bukan .docx"),
    ("no_document", "berkas rusak atau bukan .docx"),
    ("empty_file", "berkas rusak atau bukan .docx"),
])
def test_the_contracts_wording(kind, wording):
    assert wording in DecreeError("x.docx", kind).message("id")


def test_errors_cross_process_boundaries_and_name_no_unknown_kind():
    err = DecreeError("x.docx", "too_deep", "table at (3,)", depth=9, limit=8)
    back = pickle.loads(pickle.dumps(err))
    assert (back.kind, back.detail, back.params, str(back)) == ("too_deep", "table at (3,)", {"depth": 9, "limit": 8},
                                                                "x.docx: too_deep: table at (3,)")
    with pytest.raises(ValueError):
        DecreeError("x.docx", "no_such_kind")


def test_files_that_cannot_be_opened(tmp_path):
    with pytest.raises(DecreeError) as e:
        read_decree(tmp_path / "tidak-ada.docx")
    assert e.value.kind == "not_found"
    with pytest.raises(DecreeError) as e:
        read_decree(tmp_path)
    assert e.value.kind == "not_a_file"
    link = tmp_path / "tautan.docx"
    link.symlink_to(tmp_path / "hilang.docx")
    with pytest.raises(DecreeError) as e:
        read_decree(link)
    assert e.value.kind == "dangling_link"


def test_the_reader_never_modifies_its_input(tmp_path):
    path = tmp_path / "draf.docx"
    data = build_docx(skeleton(), comments=[], headers=[p("kop")])
    path.write_bytes(data)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime, sorted(os.listdir(tmp_path)))
    decree = read_decree(path)
    assert decree.sha256 == before[0]
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime, sorted(os.listdir(tmp_path))) \
        == before


def test_a_decree_pickles():
    from decree_kit import example_draft
    d = read_decree("x.docx", example_draft(revisions=True).to_bytes())
    back = pickle.loads(pickle.dumps(d))
    assert back.members[0].name == d.members[0].name and back.revisions == d.revisions


def test_a_stored_member_is_streamed_like_any_other():
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as out:
        for name, blob in members_of(DRAFT):
            out.writestr(name, blob)
    assert read_decree("x.docx", z.getvalue()).title is not None
