"""The web page with what `check` takes besides workbooks (decree-format.md §2, issue 22 §5):
a unit's draft decree dropped beside its workbook (paired, its S findings shown by part of
the decree with the location and the workbook's value, its annotated .docx), an earlier
findings workbook to compare with and to take the unit's waivers from, one hand-out per unit
for several units, and counts with the right noun ("1 unit", "2 units"). Each as a person
meets it on the page, and on the API as the command line's JSON."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

import openpyxl  # noqa: E402
from rule_examples import build  # noqa: E402
from sk_run import write_inputs  # noqa: E402

from web.pages import read_drafts, read_result  # noqa: E402
from web.test_web_app import MONETER, PANGAN, _cli_json, _downloads, _same_apart_from_time, upload  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

AGUS, DEWI = "Agus Prasetyo, S.T.", "Dewi Lestari, S.Si., M.E."
DRAFT = {"person": {AGUS: {"output": ["Peta jalan transformasi digital"]}, DEWI: {"output": []}}}
NO_OUTPUT = [{"sheet": "Anggota Pokja", "where": {"Nama": DEWI}, "set": {"Output": ""}}]


@pytest.fixture(scope="module")
def client():
    from checker.web.settings import Settings
    from web.test_web_app import TestClient, create_app
    with TestClient(create_app(Settings(warm=False))) as c:
        yield c


def _post(client, url, files: dict, **data):
    """A multipart POST: `files` maps a field to paths (the form's token added for the page)."""
    if url == "/periksa":
        from web.pages import csrf_of
        data = {"csrf": csrf_of(client.get("/", params={"lang": data.get("lang", "id")}).text), "tahap": "penetapan",
                "lang": "id", **data}
    parts = [(field, (Path(p).name, Path(p).read_bytes(), "application/octet-stream"))
             for field, paths in files.items() for p in paths]
    return client.post(url, data=data, files=parts)


# ------------------------------------------------------------------------------ a draft beside its workbook

def test_a_draft_is_paired_with_its_workbook_and_its_findings_shown_by_part(client, tmp_path):
    paths = write_inputs(tmp_path / "in", drafts={"sk-d9-as1.docx": DRAFT})
    page = _post(client, "/periksa", {"files": paths})
    assert page.status_code == 200
    units, findings = read_result(page.text)
    assert [(u["unit"], u["file"], u["status"], u["counts"]) for u in units] == [
        ("D9.AS1", "unit.xlsx", "Tidak Patuh", (1, 1, 0, 0))]
    assert read_drafts(page.text) == [{"file": "sk-d9-as1.docx", "paired": "unit.xlsx (unit D9.AS1; menurut judul SK)",
                                       "status": "Tidak Patuh"}]
    assert "D9.AS1 diperiksa menurut workbook dan rancangan SK sk-d9-as1.docx." in page.text
    assert "Tahap Penetapan; 1 unit diperiksa dari 2 berkas; 0 berkas tidak terbaca." in page.text
    assert "Tidak ada temuan pada workbook ini; temuan pada rancangan SK unit ini tercantum di bawah." in page.text
    s = [(f["file"], f["sheet"], f["cell"], f["rule"], f["label"]) for f in findings]
    assert s == [("Temuan pada sk-d9-as1.docx 2 temuan", "Bagian SK: Lampiran", "Lampiran tabel 1 baris 5 kolom Output",
                  "S23", "kesalahan data"),
                 ("Temuan pada sk-d9-as1.docx 2 temuan", "Bagian SK: Lampiran", "Lampiran tabel 1 baris 6 kolom Output",
                  "S08", "pelanggaran")]
    # the draft's text and the workbook's, each with where it is
    assert "Pada rancangan SK: Peta jalan transformasi digital Pada workbook (Anggota Pokja!L5): Laporan kajian " \
           "data pendukung" in findings[0]["message"]
    assert '<th scope="col">Lokasi di SK</th>' in page.text

    # the annotated .docx, as the browser saves it: Word comments on the two Output cells
    links = _downloads(client, page.text)
    url = next(u for u, name in links.items() if name == "sk-d9-as1.diperiksa.docx")
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert r.headers["content-disposition"].startswith('attachment; filename="sk-d9-as1.diperiksa.docx"')
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        comments = z.read("word/comments.xml").decode()
        assert b"cek-pokja-annotated" in z.read("docProps/custom.xml")
    assert re.findall(r'w:author="(cek-pokja)" w:initials="CP"', comments) == ["cek-pokja", "cek-pokja"]
    assert "S23 kesalahan data: " in comments and f"S08 pelanggaran: Lampiran rancangan SK: Output {DEWI}" in comments


def test_the_api_checks_a_draft_as_the_command_line_does(client, tmp_path):
    folder = tmp_path / "in"
    paths = write_inputs(folder, drafts={"sk-d9-as1.docx": DRAFT, "surat.pdf": b"%PDF-1.4\n"})
    r = _post(client, "/api/check", {"files": paths})
    assert r.status_code == 200
    doc = r.json()
    assert [(i["file"], i.get("kind"), i["status"], i.get("pairing")) for i in doc["inputs"]] == [
        ("unit.xlsx", "workbook", "checked", None), ("sk-d9-as1.docx", "sk", "checked", "judul"),
        ("surat.pdf", "sk", "unreadable", None)]
    out = tmp_path / "out"
    out.mkdir()
    _same_apart_from_time(doc, _cli_json(folder, [Path(p).name for p in paths], out))


# ------------------------------------------------------------------------------ compare and waivers

def _waive_first(findings_xlsx: bytes, path: Path, rule: str) -> Path:
    """The findings workbook with the unit's waiver typed into the row of `rule` (Tanggapan
    Dikecualikan, a reason, an approver, a date far ahead): what a unit sends back."""
    wb = openpyxl.load_workbook(io.BytesIO(findings_xlsx))
    ws = wb["Temuan"]
    for head in range(1, 15):
        header = [c.value for c in ws[head]]
        if "Tanggapan" in header:
            break
    col = {label: i + 1 for i, label in enumerate(header) if label}
    row = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(row=r, column=col["Aturan"]).value == rule)
    for label, value in (("Tanggapan", "Dikecualikan"), ("Alasan", "Output ditetapkan dalam SK perubahan"),
                         ("Disetujui oleh", "Kepala Biro Hukum dan Organisasi"),
                         ("Berlaku sampai", datetime(2099, 12, 31))):
        ws.cell(row=row, column=col[label], value=value)
    wb.save(path)
    return path


def test_a_unit_sends_back_its_waiver_and_checks_again(client, tmp_path):
    book = build(NO_OUTPUT, tmp_path / "d9-as1.xlsx")
    first = _post(client, "/periksa", {"files": [book]})
    units, findings = read_result(first.text)
    assert [u["status"] for u in units] == ["Tidak Patuh"] and [f["rule"] for f in findings] == ["A04"]
    links = _downloads(client, first.text)
    earlier = client.get(next(u for u, n in links.items() if n.endswith(".xlsx") and n.startswith("temuan-"))).content
    answered = _waive_first(earlier, tmp_path / "temuan-dijawab.xlsx", "A04")

    again = _post(client, "/periksa", {"files": [book], "waivers": [answered], "compare": [answered]})
    assert again.status_code == 200
    units, findings = read_result(again.text)
    assert [(u["status"], u["counts"]) for u in units] == [("Patuh (dengan pengecualian)", (0, 0, 0, 0))]
    (a04,) = findings
    assert a04["rule"] == "A04" and a04["change"] == "still_open"
    assert a04["message"].startswith("Masih ada Dikecualikan s.d. 2099-12-31 Pokja ")
    assert "Pengecualian: 1 temuan dikecualikan (tidak dihitung), 0 kedaluwarsa, 0 belum lengkap, 0 tidak cocok " \
           "dengan temuan mana pun." in again.text
    assert "Dibandingkan dengan temuan-dijawab.xlsx: 0 temuan baru, 1 masih ada, 0 sudah diperbaiki." in again.text


def test_a_corrected_workbook_lists_what_was_corrected(client, tmp_path):
    before = build(NO_OUTPUT, tmp_path / "in" / "d9-as1.xlsx")
    earlier = _post(client, "/api/check", {"files": [before]})
    (tmp_path / "temuan-lama.json").write_bytes(earlier.content)
    after = build([], tmp_path / "baru" / "d9-as1.xlsx")
    page = _post(client, "/periksa", {"files": [after], "compare": [tmp_path / "temuan-lama.json"]})
    units, findings = read_result(page.text)
    assert [u["status"] for u in units] == ["Patuh"] and findings == []
    assert "Dibandingkan dengan temuan-lama.json: 0 temuan baru, 0 masih ada, 1 sudah diperbaiki." in page.text
    resolved = re.search(r'<table class="resolved">.*?</table>', page.text, re.S).group(0)
    assert "<td data-label=\"Aturan\">A04</td>" in resolved and "d9-as1.xlsx (Anggota Pokja, " in resolved


def test_the_api_takes_compare_and_waivers_as_the_command_line_does(client, tmp_path):
    folder = tmp_path / "in"
    book = build(NO_OUTPUT, folder / "d9-as1.xlsx")
    xlsx = _post(client, "/periksa", {"files": [book]})
    links = _downloads(client, xlsx.text)
    earlier = client.get(next(u for u, n in links.items() if n.startswith("temuan-") and n.endswith(".xlsx"))).content
    answered = _waive_first(earlier, folder / "temuan-dijawab.xlsx", "A04")
    r = _post(client, "/api/check", {"files": [book], "compare": [answered], "waivers": [answered]})
    assert r.status_code == 200
    doc = r.json()
    assert doc["summary"]["waived"] == 1 and doc["findings"][0]["waiver"]["status"] == "berlaku"
    out = tmp_path / "out"
    out.mkdir()
    _same_apart_from_time(doc, _cli_json(folder, [book.name], out, "--compare", answered.name,
                                         "--waivers", answered.name))


def test_an_earlier_file_that_cannot_be_used_is_said_and_nothing_is_checked(client, tmp_path):
    junk = tmp_path / "temuan-lama.json"
    junk.write_bytes(b"bukan temuan")
    page = _post(client, "/periksa", {"files": [PANGAN], "compare": [junk]})
    assert page.status_code == 422 and 'role="alert"' in page.text
    assert "Berkas pembanding temuan-lama.json bukan JSON temuan maupun workbook temuan cek-pokja." in page.text
    r = _post(client, "/api/check", {"files": [PANGAN], "waivers": [junk]})
    assert r.status_code == 422 and r.json()["error"]["code"] == "waivers"


# ------------------------------------------------------------------------------ several units

def test_several_units_get_one_hand_out_each(client):
    page = upload(client, PANGAN, MONETER)
    assert "Tahap Penetapan; 2 unit diperiksa dari 2 berkas; 0 berkas tidak terbaca." in page.text
    hand_outs = re.findall(r'href="([^"]+/unit-\d)" download="([^"]+)"', page.text)
    assert sorted(name for _, name in hand_outs) == ["D1.AS1.xlsx", "D2.AS1.xlsx"]
    for url, name in hand_outs:
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-disposition"].startswith(f'attachment; filename="{name}"')
        wb = openpyxl.load_workbook(io.BytesIO(r.content))
        texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
        mine, other = name[:-5], ({"D1.AS1", "D2.AS1"} - {name[:-5]}).pop()
        assert any(mine in x for x in texts) and not any(other in x for x in texts), name
    one = upload(client, PANGAN)
    assert "/unit-1" not in one.text                                   # one unit: the findings workbook is its hand-out


def test_counts_say_unit_and_units(client):
    page = upload(client, PANGAN, lang="en")
    assert "Stage Penetapan (set); 1 unit checked from 1 file; 0 files unreadable." in page.text
    assert "Findings: 2 errors, 0 data errors, 2 warnings, 0 notes." in page.text
    assert re.search(r'<span class="count">4 findings</span>', page.text)
    page = upload(client, PANGAN, MONETER, lang="en")
    assert "2 units checked from 2 files; 0 files unreadable." in page.text


def test_a_draft_of_no_uploaded_unit_is_checked_alone_and_said_so(client, tmp_path):
    """decree-format.md §2: a draft pairing with none of the upload's workbooks is S02 and checked alone."""
    paths = write_inputs(tmp_path / "in", workbooks={}, drafts={"sk-d9-as1.docx": {}})
    page = _post(client, "/periksa", {"files": [PANGAN, *paths]})
    units, findings = read_result(page.text)
    assert [u["unit"] for u in units] == ["D2.AS1"]
    assert read_drafts(page.text) == [{"file": "sk-d9-as1.docx",
                                       "paired": "tidak ada workbook unitnya: diperiksa sendiri",
                                       "status": "Perlu Perbaikan Data"}]
    s02 = [f for f in findings if f["rule"] == "S02"]
    assert [(f["file"], f["sheet"], f["label"]) for f in s02] == [
        ("Temuan pada sk-d9-as1.docx 1 temuan", "Bagian SK: Judul", "kesalahan data")]
    assert "D2.AS1 diperiksa menurut workbook dan rancangan SK" not in page.text


def test_a_draft_is_marked_compliant_with_waivers_only_when_the_waivers_made_it_so(client, tmp_path):
    """A waived warning leaves a compliant unit compliant as it was: neither its row nor its
    draft's says "with waivers" (the draft's row said so for any waived finding of its unit)."""
    twice = [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": "199107232019031003", "Nama": AGUS, "Kedudukan": "Anggota",
        "Cara Penugasan": "Penunjukan", "Uraian Tugas": "Menyusun bahan rapat koordinasi",
        "Output": "Bahan rapat koordinasi"}}]
    paths = write_inputs(tmp_path / "in", workbooks={"unit.xlsx": twice}, drafts={"sk-d9-as1.docx": {}})
    first = _post(client, "/periksa", {"files": paths})
    units, findings = read_result(first.text)
    assert [(u["status"], f["rule"], f["label"]) for u in units for f in findings] == [
        ("Patuh", "A11", "peringatan")]
    links = _downloads(client, first.text)
    earlier = client.get(next(u for u, n in links.items() if n.endswith(".xlsx") and n.startswith("temuan-"))).content
    answered = _waive_first(earlier, tmp_path / "temuan-dijawab.xlsx", "A11")

    again = _post(client, "/periksa", {"files": paths, "waivers": [answered]})
    units, findings = read_result(again.text)
    assert [u["status"] for u in units] == ["Patuh"]
    assert [d["status"] for d in read_drafts(again.text)] == ["Patuh"]
    assert "Pengecualian: 1 temuan dikecualikan (tidak dihitung)" in again.text

    # an error waived: the unit and its draft are compliant thanks to the waiver, and both say so
    paths = write_inputs(tmp_path / "in2", workbooks={"unit.xlsx": NO_OUTPUT}, drafts={"sk-d9-as1.docx": {}})
    first = _post(client, "/periksa", {"files": paths})
    assert [f["rule"] for f in read_result(first.text)[1]] == ["A04"]
    earlier = client.get(next(u for u, n in _downloads(client, first.text).items()
                              if n.endswith(".xlsx") and n.startswith("temuan-"))).content
    answered = _waive_first(earlier, tmp_path / "temuan-dijawab-2.xlsx", "A04")
    again = _post(client, "/periksa", {"files": paths, "waivers": [answered]})
    assert [u["status"] for u in read_result(again.text)[0]] == ["Patuh (dengan pengecualian)"]
    assert [d["status"] for d in read_drafts(again.text)] == ["Patuh (dengan pengecualian)"]
