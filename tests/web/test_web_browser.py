"""The page in a real browser: Playwright for Python driving Debian's Chromium, offline.

A person opens the page, moves through the form with the keyboard, chooses a sample with
planted mistakes and its unit's draft decree, checks them, reads a workbook finding and the
draft's finding on the page, switches to English, downloads the annotated copies (the
workbook's opened here with openpyxl, the draft's .docx read for its Word comments), and the
page fits a narrow screen. Every
request the browser makes goes to the server itself (nothing from the internet).

Skipped, with the reason shown, only where Playwright or a Chromium is missing; `.ci/run`
installs Debian's chromium so that CI runs these. CEK_POKJA_SCREENSHOTS=docs writes the
screenshots to docs/ (the README's picture); otherwise they go to the test's temporary folder.
"""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

import openpyxl  # noqa: E402

from web.live import LiveServer  # noqa: E402

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"), pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
PANGAN = ROOT / "samples" / "d2-as1-pangan.xlsx"
SK_PANGAN = ROOT / "samples" / "sk-d2-as1.docx"          # its draft decree: one planted S08
# the usual flags for a headless browser on a machine without network
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-default-apps", "--disable-extensions", "--no-first-run",
         "--disable-sync", "--metrics-recording-only", "--mute-audio"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CEK_POKJA_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server():
    with LiveServer(warm=False) as srv:
        yield srv


@pytest.fixture
def shots(tmp_path):
    if os.environ.get("CEK_POKJA_SCREENSHOTS") == "docs":
        return ROOT / "docs"
    return tmp_path


def _page(browser, server, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, requests, errors


def _focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement;"
                         " return e.id || e.getAttribute('href') || e.tagName.toLowerCase(); }")


def _saved(page, key: str, folder: Path, name: str) -> Path:
    """Download `key` as the browser does: it is saved under `name`."""
    with page.expect_download() as dl:
        page.click(f"a[data-key={key}]")
    assert dl.value.suggested_filename == name
    dl.value.save_as(folder / name)
    return folder / name


def test_a_person_checks_a_workbook_and_its_draft_reads_the_findings_switches_to_english_and_downloads(
        browser, server, tmp_path, shots):
    context, page, requests, errors = _page(browser, server)
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text() == "Periksa workbook Pokja"

    # the keyboard alone: the skip link first, then the menu, then the form in reading order
    order = []
    for _ in range(12):
        page.keyboard.press("Tab")
        order.append(_focused(page))
    assert order[0] == "#isi"
    form = [x for x in order if x in ("files", "tahap-penetapan", "summary", "submit")]
    assert form[:1] == ["files"] and order.index("files") < order.index("tahap-penetapan")
    # every input of the form has a label a screen reader announces
    for control in ("#files", "#tahap-penetapan", "#tahap-rancangan", "#roster", "#compare", "#waivers"):
        assert page.locator(control).evaluate("e => e.labels.length") == 1, control

    page.set_input_files("#files", [str(PANGAN), str(SK_PANGAN)])
    assert page.locator("#files-chosen").inner_text() == "Dipilih: d2-as1-pangan.xlsx, sk-d2-as1.docx"
    page.focus("#submit")
    with page.expect_navigation(url="**/hasil/**"):
        page.keyboard.press("Enter")

    # the finding, where the user reads it: the unit's status, the sheet, the cell, the rule
    assert page.locator("h1").inner_text() == "Hasil pemeriksaan"
    assert page.locator("table.units .status").inner_text() == "Tidak Patuh"
    u05 = page.locator("tr.finding[data-rule=U05]")
    assert u05.locator("td.cell").inner_text() == "B8"
    assert "Pegawai Galih Prakoso, S.P. (jabatan: Analis Kebijakan Ahli Pertama) tercantum pada sheet Pegawai " \
           "tetapi tidak tercantum sama sekali pada MPH" in u05.locator("td.message").inner_text()
    assert u05.locator("xpath=ancestor::div[@class='table-wrap']/preceding-sibling::h3[1]").inner_text() == \
        "Sheet Daftar Pegawai"
    # the draft, paired with the workbook by its title, and its finding where it is in the decree
    assert page.locator("table.drafts td.pairing").inner_text() == \
        "d2-as1-pangan.xlsx (unit D2.AS1; menurut judul SK)"
    s08 = page.locator("tr.finding[data-rule=S08]")
    assert s08.locator("td.cell").inner_text() == "Lampiran tabel 1 baris 8 kolom Output"
    assert "Output Reza Firmansyah, S.E. pada Pokja Stabilisasi Pasokan dan Harga Pangan kosong" in \
        s08.locator("td.message").inner_text()
    assert s08.locator("xpath=ancestor::div[@class='table-wrap']/preceding-sibling::h3[1]").inner_text() == \
        "Bagian SK: Lampiran"
    # the legal basis opens on demand
    basis = u05.locator("details.basis")
    assert not basis.locator("blockquote").is_visible()
    basis.locator("summary").click()
    assert basis.locator("blockquote").is_visible()
    page.screenshot(path=str(shots / "web-result.png"), full_page=True)

    # English, the same result
    page.click("a.lang")
    page.wait_for_url("**/hasil/**lang=en*")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Results"
    assert page.locator("table.units .status").inner_text() == "Not compliant"
    assert page.locator("tr.finding[data-rule=U05] td.message").inner_text().startswith(
        "Employee Galih Prakoso, S.P. (position: Analis Kebijakan Ahli Pertama) is on the Pegawai sheet")

    # the annotated copy, as the browser saves it
    wb = openpyxl.load_workbook(_saved(page, "diperiksa-1", tmp_path, "d2-as1-pangan.diperiksa.xlsx"))
    comment = wb["Daftar Pegawai"]["B8"].comment
    assert comment is not None and "U05" in comment.text and "Galih Prakoso" in comment.text
    assert wb.sheetnames[-1] == "cek-pokja results"          # the page is in English by now
    assert wb["cek-pokja results"]["A1"].value and "d2-as1-pangan.xlsx" in str(
        [c.value for row in wb["cek-pokja results"].iter_rows(max_row=6) for c in row])

    # the draft's annotated copy: a Word comment by cek-pokja on the empty Output cell
    with zipfile.ZipFile(_saved(page, "diperiksa-2", tmp_path, "sk-d2-as1.diperiksa.docx")) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
        assert b"cek-pokja-annotated" in z.read("docProps/custom.xml")
    assert 'w:author="cek-pokja" w:initials="CP"' in comments
    assert "S08 error: " in comments and "Reza Firmansyah" in comments

    # nothing came from the internet, and the strict policy broke nothing on the page
    assert requests and all(u.startswith(server.url) for u in requests), requests
    assert errors == []
    context.close()


def test_the_result_fits_a_narrow_screen(browser, server, shots):
    context, page, requests, errors = _page(browser, server, width=360, height=780)
    page.goto(server.url + "/")
    page.set_input_files("#files", str(PANGAN))
    with page.expect_navigation(url="**/hasil/**"):
        page.click("#submit")
    assert page.locator("tr.finding[data-rule=K09]").is_visible()
    # no sideways scrolling: the tables turn into labelled blocks
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    cell = page.locator("tr.finding[data-rule=U05] td.cell")
    box = cell.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 361
    page.screenshot(path=str(shots / "web-narrow.png"), full_page=False)
    assert errors == [] and all(u.startswith(server.url) for u in requests)
    context.close()
