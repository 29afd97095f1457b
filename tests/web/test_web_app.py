"""The web page and the API through the framework's test client: what a person sees after an
upload, the downloads, the JSON equal to the command line's, escaping, errors."""
from __future__ import annotations

import io
import json
import os
import re
import stat
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

import warnings  # noqa: E402

with warnings.catch_warnings():         # Starlette's test client warns about httpx itself
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient
from checker.web.app import create_app  # noqa: E402
from checker.web.security import CSP  # noqa: E402
from checker.web.settings import Settings  # noqa: E402
from web.pages import csrf_of, read_drafts, read_result  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PANGAN = SAMPLES / "d2-as1-pangan.xlsx"
MONETER = SAMPLES / "d1-as1-moneter.xlsx"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(warm=False))) as c:
        yield c


def upload(client, *paths, tahap="penetapan", lang="id", names=None, follow=True):
    """The form's POST, as a browser sends it (CSRF token from the form page)."""
    token = csrf_of(client.get("/", params={"lang": lang}).text)
    files = [("files", ((names or {}).get(str(p), Path(p).name), Path(p).read_bytes(), "application/octet-stream"))
             for p in paths]
    return client.post("/periksa", data={"csrf": token, "tahap": tahap, "lang": lang}, files=files,
                       follow_redirects=follow)


def api(client, *paths, **data):
    files = [("files", (Path(p).name, Path(p).read_bytes(), "application/octet-stream")) for p in paths]
    return client.post("/api/check", data=data, files=files)


# ------------------------------------------------------------------------------ the form

def test_the_form_is_indonesian_labelled_and_carries_a_csrf_token(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert '<html lang="id">' in html
    assert '<a class="skip" href="#isi">Langsung ke isi</a>' in html
    assert '<label class="label" for="files">Workbook unit dan rancangan SK</label>' in html
    assert 'id="files" name="files" multiple required accept=".xlsx,.xlsm,.docx,.docm"' in html
    for field in ("roster", "compare", "waivers"):             # each optional upload with its label
        assert f'<label class="label" for="{field}">' in html and f'id="{field}" name="{field}"' in html
    for stage in ("rancangan", "penetapan", "evaluasi"):
        assert f'<label for="tahap-{stage}">' in html
    assert '<legend class="label">Tahap pemeriksaan</legend>' in html
    assert re.search(r'<input type="hidden" name="csrf" value="[\w-]{20,}">', html)
    assert "cek_pokja_csrf=" in r.headers["set-cookie"]
    assert ">Periksa</button>" in html


def test_every_asset_comes_from_the_server_itself(client):
    for path in ("/", "/aturan", "/aturan/K08"):
        html = client.get(path).text
        refs = re.findall(r'(?:src|href|action)="([^"]*)"', html)
        assert refs and all(ref.startswith(("/", "#", "?")) for ref in refs), refs
        assert "<script>" not in html and " style=" not in html and not re.search(r"\son[a-z]+=", html)
    for asset in ("/static/style.css", "/static/app.js"):
        r = client.get(asset)
        assert r.status_code == 200 and "http://" not in r.text and "https://" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/favicon.svg").headers["content-type"] == "image/svg+xml"
    assert "@import" not in client.get("/static/style.css").text


# ------------------------------------------------------------------------------ results

def test_an_upload_shows_each_finding_with_its_cell_rule_label_and_fix(client):
    r = upload(client, PANGAN, follow=False)
    assert r.status_code == 303 and re.fullmatch(r"/hasil/[\w-]{24}\?lang=id", r.headers["location"])
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    units, findings = read_result(page.text)
    assert units == [{"unit": "D2.AS1", "unit_name": "Asisten Deputi Pangan", "file": "d2-as1-pangan.xlsx",
                      "status": "Tidak Patuh", "counts": (2, 0, 2, 0)}]
    got = [(f["file"], f["sheet"], f["cell"], f["rule"], f["label"]) for f in findings]
    heading = "Temuan pada d2-as1-pangan.xlsx 4 temuan"
    assert got == [(heading, "Sheet PK", "A5", "U04", "pelanggaran"),
                   (heading, "Sheet Daftar Pegawai", "B8", "U05", "pelanggaran"),
                   (heading, "Sheet Kelompok Kerja", "B3", "K09", "peringatan"),
                   (heading, "Sheet Kelompok Kerja", "B4", "K14", "peringatan")]
    u04 = findings[0]
    assert u04["message"].startswith("Target PK PK-04 (Persentase capaian pemantauan cadangan pangan pemerintah di "
                                     "daerah) tidak dicantumkan pada kolom Kode Target Pokja mana pun")
    assert u04["hint"].startswith("Cantumkan kode target ini pada kolom Kode Target Pokja")
    assert u04["basis"] == "Dasar hukum: Pasal 2 ayat (6) huruf a; Lampiran II.D.3.a"
    assert "/aturan/U04" in u04["links"]
    # the legal text, quoted word for word, is inside the <details> (shown on demand)
    from checker import rulebase
    passage = rulebase.load().by_id("U04").legal_text.split(" … ")[0].strip()
    details = re.search(r'<tr class="finding sev-error" data-rule="U04">.*?<details class="basis">(.*?)</details>',
                        page.text, re.S).group(1)
    assert f"<p>{passage}</p>" in " ".join(details.split()).replace("> <", "><") or passage in details


def test_a_compliant_unit_is_patuh_with_no_findings(client):
    page = upload(client, MONETER)
    units, findings = read_result(page.text)
    assert [(u["unit"], u["status"], u["counts"]) for u in units] == [("D1.AS1", "Patuh", (0, 0, 0, 0))]
    assert findings == []
    assert "Tidak ada temuan: workbook ini patuh pada tahap Penetapan." in page.text


def test_the_page_switches_to_english_and_remembers_it(client):
    r = upload(client, PANGAN, follow=False)
    job = r.headers["location"].split("?")[0]
    en = client.get(job, params={"lang": "en"})
    assert en.status_code == 200 and '<html lang="en">' in en.text
    units, findings = read_result(en.text)
    assert units[0]["status"] == "Not compliant"
    assert [(f["sheet"], f["cell"], f["rule"], f["label"]) for f in findings] == [
        ("Sheet PK", "A5", "U04", "error"), ("Sheet Daftar Pegawai", "B8", "U05", "error"),
        ("Sheet Kelompok Kerja", "B3", "K09", "warning"), ("Sheet Kelompok Kerja", "B4", "K14", "warning")]
    assert findings[0]["basis"].startswith("Legal basis: Pasal 2")
    assert "cek_pokja_bahasa=en" in en.headers["set-cookie"]
    # the cookie keeps English on the next page; ?lang=id switches back
    assert '<html lang="en">' in client.get("/").text
    assert "Bahasa Indonesia" in client.get("/").text
    assert '<html lang="id">' in client.get("/", params={"lang": "id"}).text


# ------------------------------------------------------------------------------ downloads

def _downloads(client, html):
    return dict(re.findall(r'<a href="(/hasil/[^"]+)" download="([^"]+)"', html))


def test_the_downloads_are_the_command_lines_reports(client):
    import openpyxl
    page = upload(client, PANGAN)
    links = _downloads(client, page.text)
    assert sorted(name for name in links.values() if not name.startswith("temuan-")) == [
        "d2-as1-pangan.diperiksa.xlsx"]
    by_name = {name.rsplit(".", 1)[-1] if name.startswith("temuan-") else "annotated": url
               for url, name in links.items()}
    # the findings workbook
    r = client.get(by_name["xlsx"])
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    assert re.fullmatch(r'attachment; filename="temuan-\d{8}-\d{6}\.xlsx"; filename\*=UTF-8\'\'temuan-.*\.xlsx',
                        r.headers["content-disposition"])
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Cetak", "Aturan", "Berkas"]
    rows = list(wb["Temuan"].iter_rows(values_only=True))
    head = rows[0]
    found = [(row[head.index("Aturan")], row[head.index("Berkas")], row[head.index("Sheet")], row[head.index("Baris")])
             for row in rows[1:]]
    assert found == [("U04", "d2-as1-pangan.xlsx", "PK", 5), ("U05", "d2-as1-pangan.xlsx", "Daftar Pegawai", 8),
                     ("K09", "d2-as1-pangan.xlsx", "Kelompok Kerja", 3),
                     ("K14", "d2-as1-pangan.xlsx", "Kelompok Kerja", 4)]
    # the JSON
    doc = client.get(by_name["json"]).json()
    assert [f["rule"] for f in doc["findings"]] == ["U04", "U05", "K09", "K14"]
    assert {f["file"] for f in doc["findings"]} == {"d2-as1-pangan.xlsx"}
    # the annotated copy: the offending cells commented, the user's file name on its own sheet
    r = client.get(by_name["annotated"])
    assert r.headers["content-disposition"].startswith('attachment; filename="d2-as1-pangan.diperiksa.xlsx"')
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[-1] == "Hasil cek-pokja"
    assert wb["Hasil cek-pokja"]["D4"].value == "d2-as1-pangan.xlsx"
    assert "U04" in wb["PK"]["A5"].comment.text
    assert "U05" in wb["Daftar Pegawai"]["B8"].comment.text


def test_the_blank_template_downloads_in_each_language(client):
    import openpyxl
    for lang in ("id", "en"):
        r = client.get("/templat.xlsx", params={"lang": lang})
        assert r.status_code == 200
        assert r.headers["content-disposition"].startswith('attachment; filename="pokja-unit.xlsx"')
        wb = openpyxl.load_workbook(io.BytesIO(r.content))
        assert {"Unit", "PK", "Pegawai", "MPH", "Pokja", "Anggota Pokja"} <= set(wb.sheetnames)


def test_unknown_result_ids_and_downloads_are_404(client):
    r = client.get("/hasil/tidak-ada-hasil-dengan-id-ini")
    assert r.status_code == 404
    assert "Hasil ini tidak ada atau sudah dihapus: hasil dan unduhan disimpan 15 menit setelah pemeriksaan." in r.text
    job = upload(client, PANGAN, follow=False).headers["location"].split("?")[0]
    for tail in ("/id/diperiksa-2", "/id/diperiksa-x", "/id/../../etc/passwd", "/fr/temuan.xlsx", "/id/rahasia"):
        assert client.get(job + tail).status_code == 404, tail
    assert client.get("/hasil/AAAAAAAAAAAAAAAAAAAAAAAA/id/temuan.xlsx").status_code == 404


# ------------------------------------------------------------------------------ the same as the CLI

def _cli_json(directory, names, out_dir, *extra):
    """`cek-pokja check NAME... --json` run in `directory`, so that each file is named as the
    user named it (the JSON's `file` is the path as given); the outputs go to `out_dir`. The
    command runs in this process (click's runner): the same code as the console script,
    without a second interpreter start."""
    from click.testing import CliRunner

    from checker.cli import main
    out = Path(out_dir) / "cli.json"
    here = os.getcwd()
    os.chdir(directory)
    try:
        done = CliRunner().invoke(main, ["check", *names, "--json", str(out), "-o", str(Path(out_dir) / "cli.xlsx"),
                                         "--quiet", *extra])
    finally:
        os.chdir(here)
    assert done.exit_code in (0, 1, 2), (done.output, done.exception)
    return json.loads(out.read_text(encoding="utf-8"))


def _same_apart_from_time(api_doc, cli_doc):
    """Field by field; only checked_at may differ (the two runs are seconds apart)."""
    assert api_doc.pop("checked_at") and cli_doc.pop("checked_at")
    assert api_doc.keys() == cli_doc.keys()
    for key in api_doc:
        if key == "findings":
            assert len(api_doc[key]) == len(cli_doc[key])
            for a, c in zip(api_doc[key], cli_doc[key]):
                assert a == c, (a, c)
        else:
            assert api_doc[key] == cli_doc[key], key


def test_the_api_answers_the_json_of_cek_pokja_check_on_the_samples(client, tmp_path):
    names = sorted(p.name for p in SAMPLES.glob("*.xlsx"))
    r = api(client, *(SAMPLES / n for n in names))
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    doc = r.json()
    assert [i["file"] for i in doc["inputs"]] == names
    assert {"U04", "U05", "K09", "K07", "A05", "D01"} <= {f["rule"] for f in doc["findings"]}
    _same_apart_from_time(doc, _cli_json(SAMPLES, names, tmp_path))


def test_the_api_in_english_at_another_stage_equals_the_cli_too(client, tmp_path):
    r = api(client, PANGAN, MONETER, tahap="rancangan", lang="en")
    assert r.status_code == 200
    _same_apart_from_time(r.json(), _cli_json(SAMPLES, [PANGAN.name, MONETER.name], tmp_path, "--tahap",
                                              "rancangan", "--lang", "en"))


def test_hostile_and_odd_files_give_the_clis_findings(client, tmp_path):
    import make_hostile as mh
    cases = ["word_docx", "ratio_bomb", "billion_laughs", "hidden_sheets", "formulas", "xls_biff"]
    paths = [Path(mh.build(case, tmp_path)) for case in cases]
    r = api(client, *paths)
    assert r.status_code == 200
    doc = r.json()
    by_file = {i["file"]: i for i in doc["inputs"]}
    assert by_file["bom-rasio.xlsx"]["status"] == "unreadable"
    assert by_file["bom-rasio.xlsx"]["detail"].startswith(
        "Berkas bom-rasio.xlsx ditolak: ukuran isi terkompresinya tidak wajar")
    assert by_file["sheet-tersembunyi.xlsx"]["status"] == "checked"
    assert any("tersembunyi" in f["message"] for f in doc["findings"] if f["file"] == "sheet-tersembunyi.xlsx")
    assert any(f["rule"] == "D06" for f in doc["findings"] if f["file"] == "rumus.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    _same_apart_from_time(doc, _cli_json(tmp_path, [p.name for p in paths], out))


def test_uploads_are_ordered_by_their_names_as_the_cli_orders_them(client, tmp_path):
    """Two uploads of one Kode Unit, sent b then a: stored as u001-..., u002-... (the stored
    names sort b first), named and compared by the names sent (a first): X05 reports b naming
    a, the findings and inputs come in the order `cek-pokja check b.xlsx a.xlsx` gives."""
    import shutil

    from rule_examples import build
    good = build([], tmp_path / "src.xlsx")
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["b-pangan.xlsx", "a-pangan.xlsx"]
    for name in names:
        shutil.copy(good, folder / name)
    store = client.app.state.store
    r = upload(client, *(folder / n for n in names), follow=False)
    job = store.get(r.headers["location"].split("?")[0].rsplit("/", 1)[1])
    assert [u.shown for u in sorted(job.uploads, key=lambda u: u.path)] == names      # stored: b before a
    doc = job.variants["id"].document
    x05 = [f for f in doc["findings"] if f["rule"] == "X05"]
    assert [f["file"] for f in x05] == ["b-pangan.xlsx"] and "berkas a-pangan.xlsx." in x05[0]["message"]
    out = tmp_path / "out"
    out.mkdir()
    _same_apart_from_time(doc, _cli_json(folder, names, out))
    _same_apart_from_time(api(client, *(folder / n for n in names)).json(), _cli_json(folder, names, out))


def test_a_file_that_is_no_workbook_is_a_d05_finding_on_the_page(client, tmp_path):
    notes = tmp_path / "catatan rapat.txt"
    notes.write_bytes(b"Rapat Pokja, 10 Januari 2025\n")
    units, findings = read_result(upload(client, notes).text)
    assert [(u["file"], u["status"]) for u in units] == [("catatan rapat.txt", "Tidak terbaca")]
    assert [(f["rule"], f["label"]) for f in findings] == [("D05", "kesalahan data")]
    assert "catatan rapat.txt" in findings[0]["message"]


def test_a_pdf_given_as_a_decree_is_s01_on_the_page(client, tmp_path):
    """decree-format.md §2: a PDF given by name is S01 (save the draft as .docx), as `check` says."""
    pdf = tmp_path / "sk pokja.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n")
    html = upload(client, pdf).text
    units, findings = read_result(html)
    assert units == []
    assert read_drafts(html) == [{"file": "sk pokja.pdf", "paired": "—", "status": "Tidak terbaca"}]
    assert [(f["file"], f["rule"], f["label"], f["cell"]) for f in findings] == [
        ("Temuan pada sk pokja.pdf 1 temuan", "S01", "kesalahan data", "—")]
    assert "PDF tidak dibaca pada versi ini" in findings[0]["message"]


# ------------------------------------------------------------------------------ escaping

def test_every_text_from_a_workbook_is_escaped(client, tmp_path):
    from conftest import valid_unit_sheets, write_workbook
    sheets = valid_unit_sheets()
    sheets["Unit"][1][1] = "<b>Unit</b> & <i>co</i>"
    sheets["Pegawai"].append(["199507072020121002", None, "<script>alert(1)</script>", "Fungsional",
                              "Analis <img src=x onerror=alert(2)>", "PNS"])
    path = write_workbook(tmp_path / "x.xlsx", sheets)
    evil_name = "<img src=x onerror=alert(3)>'.xlsx"
    page = upload(client, path, names={path: evil_name})
    html = page.text
    units, findings = read_result(html)
    assert units[0]["unit_name"] == "<b>Unit</b> & <i>co</i>"
    assert units[0]["file"] == evil_name
    u05 = [f for f in findings if f["rule"] == "U05"]
    assert u05 and "<script>alert(1)</script>" in u05[0]["message"]
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b>Unit</b>" not in html
    assert "&lt;b&gt;Unit&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in html
    # the download name is quoted safely too
    url = next(u for u, n in _downloads(client, html).items() if "diperiksa" in n)
    disposition = client.get(url).headers["content-disposition"]
    assert disposition == ("attachment; filename=\"_img src_x onerror_alert_3___.diperiksa.xlsx\"; "
                           "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%283%29%3E%27.diperiksa.xlsx")


# ------------------------------------------------------------------------------ headers, folders

def test_every_response_has_a_strict_policy_and_results_are_not_cached(client):
    page = upload(client, PANGAN, follow=False)
    job = page.headers["location"]
    for r in (client.get("/"), client.get(job), client.get("/aturan"), client.get("/openapi.json"),
              api(client, PANGAN), client.get("/nope"), client.get(job.split("?")[0] + "/id/temuan.json")):
        assert r.headers["content-security-policy"] == CSP
        assert "script-src 'self'" in CSP and "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-frame-options"] == "DENY"
    assert client.get("/static/style.css").headers["cache-control"] == "public, max-age=3600"


def test_uploads_live_in_private_folders_under_random_names(client):
    store = client.app.state.store
    r = upload(client, PANGAN, follow=False)
    job = store.get(r.headers["location"].split("?")[0].rsplit("/", 1)[1])
    assert stat.S_IMODE(os.stat(store.root).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(job.folder).st_mode) == 0o700
    stored = os.listdir(job.inbox)
    assert len(stored) == 1 and re.fullmatch(r"u001-[0-9a-f]{16}\.xlsx", stored[0])
    assert "pangan" not in " ".join(os.listdir(job.folder) + stored)
    # the result's id, the key of its downloads: 144 random bits, a new one for every check
    other = upload(client, PANGAN, follow=False).headers["location"].split("?")[0].rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", job.id) and re.fullmatch(r"[A-Za-z0-9_-]{24}", other)
    assert other != job.id


def test_a_form_post_without_the_csrf_token_is_refused_and_nothing_is_kept(client):
    store = client.app.state.store
    before = set(os.listdir(store.root))
    r = client.post("/periksa", data={"tahap": "penetapan"},
                    files=[("files", ("a.xlsx", PANGAN.read_bytes(), "application/octet-stream"))])
    assert r.status_code == 403
    assert "Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman ini." in r.text
    r = client.post("/periksa", data={"tahap": "penetapan", "csrf": "palsu"},
                    files=[("files", ("a.xlsx", PANGAN.read_bytes(), "application/octet-stream"))])
    assert r.status_code == 403
    assert set(os.listdir(store.root)) == before


# ------------------------------------------------------------------------------ the rule book

def test_the_rule_book_lists_every_rule_and_explains_each(client):
    from checker import rulebase
    base = rulebase.load()
    r = client.get("/aturan")
    assert r.status_code == 200
    ids = re.findall(r'<th scope="row" data-label="ID"><a href="/aturan/(\w+)">', r.text)
    assert ids == [rule.id for rule in base.rules]
    k08 = client.get("/aturan/K08")
    assert k08.status_code == 200
    assert "<h1><span class=\"rule-id\">K08</span> Pemilik kinerja belum tercantum sebagai Pengarah</h1>" in k08.text
    for heading in ("Apa yang diperiksa", "Mengapa", "Dasar hukum", "Contoh pelanggaran", "Contoh yang benar",
                    "Cara memperbaiki", "Fakta yang dipakai"):
        assert f"<h2>{heading}</h2>" in k08.text
    assert "<p>a. Pengarah (JPT Madya dan JPT Pratama selaku pemilik kinerja);</p>" in k08.text
    by_slug = client.get("/aturan/pengarah-tidak-lengkap")
    assert by_slug.status_code == 200 and '<span class="rule-id">K08</span>' in by_slug.text
    en = client.get("/aturan/k08", params={"lang": "en"})
    assert "<h2>What it checks</h2>" in en.text or "<h2>What is checked</h2>" in en.text
    missing = client.get("/aturan/Z99", params={"lang": "id"})
    assert missing.status_code == 404 and "Aturan Z99 tidak ada." in missing.text


def test_rule_text_is_escaped_before_it_is_marked_up():
    from checker.web.views import rule_html
    html = str(rule_html("X\nY\n\n## Judul <i>\n\nTeks **tebal** <script>x</script> `kode`\n\n> kutipan <b>\n"))
    assert html == ("<h2>Judul &lt;i&gt;</h2>\n<p>Teks <strong>tebal</strong> &lt;script&gt;x&lt;/script&gt; "
                    "<code>kode</code></p>\n<blockquote><p>kutipan &lt;b&gt;</p></blockquote>")


# ------------------------------------------------------------------------------ the API's errors

def test_api_errors_come_in_one_shape(client):
    def shape(r, status, code):
        assert r.status_code == status
        body = r.json()
        assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == status and body["error"]["code"] == code
        assert body["error"]["message"]
        return body["error"]["message"]

    assert shape(client.post("/api/check", data={"tahap": "penetapan"},
                             files=[("roster", ("r.xlsx", b"x", "application/octet-stream"))]), 400, "no_file") == (
        "Pilih sedikitnya satu workbook (.xlsx atau .xlsm) atau rancangan SK (.docx) untuk diperiksa.")
    assert shape(client.post("/api/check", content=b"{}", headers={"content-type": "application/json"}),
                 415, "not_multipart")
    assert shape(api(client, PANGAN, tahap="final"), 422, "bad_stage") == (
        "Tahap final tidak dikenal; pilih rancangan, penetapan atau evaluasi.")
    assert shape(api(client, PANGAN, lang="fr"), 422, "bad_lang")
    assert shape(client.get("/api/check"), 405, "method")
    assert shape(client.get("/api/tidak-ada"), 404, "not_found")
    assert shape(client.post("/api/check", content=b"--b\r\nrusak", headers={
        "content-type": "multipart/form-data; boundary=b"}), 400, "broken_upload")
    assert shape(client.get("/api/tidak-ada", params={"lang": "en"}), 404, "not_found") == "There is no such page."


def test_the_openapi_document_describes_the_api_and_no_cdn_page_is_served(client):
    doc = client.get("/openapi.json").json()
    assert set(doc["paths"]) == {"/api/check", "/api/health"}
    body = doc["paths"]["/api/check"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["required"] == ["files"]
    assert body["properties"]["tahap"]["enum"] == ["rancangan", "penetapan", "evaluasi"]
    assert body["properties"]["files"]["items"] == {"type": "string", "format": "binary"}
    assert {"200", "400", "413", "415", "422", "503"} <= set(doc["paths"]["/api/check"]["post"]["responses"])
    for page in ("/docs", "/redoc"):
        assert client.get(page).status_code == 404


def test_the_value_found_is_quoted_once(client):
    """The finding's value found names its column and quotes the value ("NIP: “…”"): the page
    shows it as it is, without a second pair of quotes around it."""
    page = upload(client, SAMPLES / "d3-as2-minerba.xlsx")
    assert page.status_code == 200
    shown = re.findall(r'<p class="found">(.*?)</p>', page.text, re.S)
    assert "Nilai ditemukan: NIP: “199012112013121000”" in [" ".join(s.split()) for s in shown]
    assert "<q>NIP:" not in page.text
    # a data rule's basis is said in words, as on the printed sheet, not as the rule file's `data`
    assert "<summary>Dasar hukum: pemeriksaan data</summary>" in page.text
    assert "Dasar hukum: data<" not in page.text
