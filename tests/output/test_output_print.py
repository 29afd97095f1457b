"""Print-ready workbooks (issue 12, point 7; issue 22, point 3; output-format.md v3, printing):
every sheet of the findings workbook, of the template and of the annotated copy's own sheet is
landscape, one page wide, rows of wrapped text given an explicit height; the findings print
readably on A4 from their own sheet (Cetak: seven columns, grouped by unit and sheet, at least
9 points) while the 24-column Temuan stays for the screen; a unit's hand-out prints as a letter
(no rule catalogue, no SHA-256, no fingerprint, no link into the bureau's folders). Checked
twice: the page set-up read back with openpyxl, and the pages LibreOffice prints (one headless
conversion of every file, skipped only where LibreOffice is absent), their font size read from
the words' boxes (pdftotext -bbox)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from checker.followup.template import write_template
from checker.output import layout
from checker.output.annotate import annotate_result
from checker.output.findings_workbook import write_workbook
from checker.output.per_unit import write_per_unit
from checker.pipeline import run

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
MAX_FINDINGS_PAGES = 22          # the 8 sample units with findings, each from a page of its own; 25 before issue 12
A4_LANDSCAPE = (841.9, 595.3)    # points
# A word's box is its font's ascent plus descent: 1.16 em for DejaVu Sans (LibreOffice's stand-in
# for Calibri here), 1.22 for Carlito, 1.15 for Liberation Sans. The largest ratio makes the
# smallest size, so that the check never passes a print smaller than it says.
BOX_PER_POINT = 1.23
MIN_POINTS = 9.0


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    work = tmp_path_factory.mktemp("print")
    # the sample workbooks (their decree drafts left out: the pages counted are the workbooks')
    shutil.copytree(ROOT / "samples", work / "samples", ignore=shutil.ignore_patterns("*.py", "*.md", "*.docx"))
    result = run.check([str(work / "samples")], engine="pandas", jobs=1)
    findings = write_workbook(result, work / "temuan.xlsx")
    template = write_template(work / "templat.xlsx")
    hand_outs = write_per_unit(result, work / "unit")
    hand_out = next(p for p in hand_outs if p.name == "D1.AS2.xlsx")
    one = [i for i in result.inputs if "fiskal" in i.file]
    result.inputs = one
    result.findings = [f for f in result.findings if f.file == one[0].file]
    (annotated,) = annotate_result(result, "id", out_dir=str(work / "ann"))
    (annotated_en,) = annotate_result(result, "en", out_dir=str(work / "ann-en"))
    english = Path(annotated_en).with_name("english.diperiksa.xlsx")
    Path(annotated_en).rename(english)
    return {"findings": Path(findings), "template": Path(template), "annotated": Path(annotated),
            "hand_out": Path(hand_out), "annotated_en": english}


@pytest.fixture(scope="module")
def pdf_pages(outputs, tmp_path_factory):
    """file kind -> the (width, height) of each page LibreOffice prints."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), *map(str, outputs.values())],
                   check=True, capture_output=True, timeout=300)
    pages = {}
    for kind, path in outputs.items():
        data = (out / (path.stem + ".pdf")).read_bytes()
        pages[kind] = _pages(data)
    return pages


@pytest.fixture(scope="module")
def pdf_words(outputs, pdf_pages, tmp_path_factory):
    """file kind -> per page: (page width, page height, [(word, height in points, x max)])."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path_factory.getbasetemp()
    found = {}
    for kind, path in outputs.items():
        pdf = next(out.glob(f"pdf*/{path.stem}.pdf"))
        xml = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True,
                             timeout=120).stdout
        found[kind] = _words(xml)
    return found


def _words(xml: str) -> list:
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        words = [(w.group(5), float(w.group(4)) - float(w.group(2)), float(w.group(3)))
                 for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                                      r'([^<]*)</word>', page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def _print_pages(pages) -> list:
    """The pages of the Cetak sheet: those headed by its column header."""
    return [p for p in pages if [w for w, _, _ in p[2][:4]] == ["No", "Sel", "Aturan", "Tingkat"]
            or any(w == "Daftar" for w, _, _ in p[2][:2])]


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """The page sizes of a PDF LibreOffice wrote (its page objects are not compressed)."""
    sizes = []
    for m in re.finditer(rb"/Type\s*/Page\b(?!s)", pdf):
        start = pdf.rfind(b"obj", 0, m.start())
        end = pdf.find(b"endobj", m.end())
        box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", pdf[start:end])
        if box is None:                       # inherited from the page tree
            box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", pdf)
        x0, y0, x1, y1 = map(float, box.groups())
        sizes.append((x1 - x0, y1 - y0))
    return sizes


def _assert_print_ready(ws, header_row: int | None):
    assert ws.page_setup.orientation == "landscape", ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0, ws.title   # 1: the default
    if header_row is not None:
        assert ws.print_title_rows.replace("$", "") == f"{header_row}:{header_row}", ws.title


# ---------------------------------------------------------------------------- page set-up read back

def test_findings_workbook_page_setup(outputs):
    wb = openpyxl.load_workbook(outputs["findings"])
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Cetak", "Aturan", "Berkas"]
    # Ringkasan repeats no title: the per-unit table's header would head the per-rule table and the charts
    _assert_print_ready(wb["Ringkasan"], None)
    assert not wb["Ringkasan"].print_title_rows
    for name in ("Temuan", "Aturan", "Berkas"):
        _assert_print_ready(wb[name], 1)
    _assert_print_ready(wb["Cetak"], 3)


def test_the_full_table_prints_only_where_the_print_layout_is(outputs):
    ws = openpyxl.load_workbook(outputs["findings"])["Temuan"]
    assert ws.max_column == 26 and ws.cell(1, 25).value is None
    assert ws.cell(1, 26).value == "Tabel ini untuk disaring di layar. Untuk dicetak, gunakan sheet Cetak."
    assert ws.print_area == "'Temuan'!$Z$1"


def test_print_layout_has_seven_columns_one_a4_width_grouped_by_unit_and_sheet(outputs):
    ws = openpyxl.load_workbook(outputs["findings"])["Cetak"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert ws.max_column == 7
    assert rows[2] == ["No", "Sel", "Aturan", "Tingkat", "Dasar Hukum", "Uraian", "Saran Perbaikan"]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 8)]
    assert sum(widths) <= 118 + 7 * 0.72                # one A4 landscape width at 100 % (Excel adds a padding)
    assert ws.print_area == "'Cetak'!$A$1:$G$" + str(ws.max_row)
    headings = [r[0] for r in rows[3:] if r[0] is not None and not isinstance(r[0], int)]
    assert headings[:5] == [
        f"D1.AS2 Asisten Deputi Fiskal — Status menurut workbook: Tidak Patuh — berkas "
        f"{outputs['findings'].parent / 'samples' / 'd1-as2-fiskal.xlsx'}",
        "Sheet Tim Kerja", "Sheet Susunan Keanggotaan",
        f"D3.AS1 Asisten Deputi Minyak dan Gas Bumi — Status menurut workbook: Tidak Patuh — berkas "
        f"{outputs['findings'].parent / 'samples' / 'd3-as1-migas.xlsx'}",
        "Sheet Pegawai"]
    first = rows[4:9]
    assert [r[:4] for r in first] == [
        ["Sheet Tim Kerja", None, None, None], [1, "B3", "K07", "Pelanggaran"], [2, "L3", "D04", "Kesalahan data"],
        [3, "B4", "K08", "Pelanggaran"], ["Sheet Susunan Keanggotaan", None, None, None]]
    assert first[2][4] == "Pemeriksaan data" and first[1][4] == "Lampiran II.D.4.b; II.C.3.c"
    # each unit starts on a page of its own
    assert len(ws.row_breaks.brk) == 7
    cell = ws.cell(6, 2)
    assert cell.hyperlink is not None and cell.hyperlink.target.replace("\\", "/") == "samples/d1-as2-fiskal.xlsx"


def test_hand_out_is_a_letter(outputs):
    """No rule catalogue, no file digests, no fingerprint on paper, no link to the bureau's folders."""
    path = outputs["hand_out"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Cetak"]
    assert wb["Temuan"].print_area == "'Temuan'!$Z$1"           # the fingerprints stay on screen
    with zipfile.ZipFile(path) as z:
        rels = b"".join(z.read(n) for n in z.namelist() if n.endswith(".rels"))
    assert b'TargetMode="External"' not in rels
    heading = wb["Cetak"]["A4"].value
    assert heading == "D1.AS2 Asisten Deputi Fiskal — Status menurut workbook: Tidak Patuh — berkas " \
                      "d1-as2-fiskal.xlsx"


def test_wrapped_rows_have_explicit_heights(outputs):
    """LibreOffice and WPS do not grow a row by themselves: every row whose Uraian or Saran
    wraps says how high it is, high enough for its lines."""
    ws = openpyxl.load_workbook(outputs["findings"])["Temuan"]
    header = [c.value for c in ws[1]]
    cols = [header.index("Uraian") + 1, header.index("Saran Perbaikan") + 1]
    checked = 0
    for r in range(2, ws.max_row + 1):
        lines = max(layout.lines_in(ws.cell(r, c).value,
                                    ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width) for c in cols)
        if lines > 1:
            assert ws.row_dimensions[r].height >= lines * layout.LINE_POINTS, (r, lines)
            checked += 1
    assert checked >= 10
    # column widths fitted to their content, within their caps
    assert all(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width <= 47 for c in range(1, 25))


def test_template_page_setup_and_guide_paragraphs(outputs):
    wb = openpyxl.load_workbook(outputs["template"])
    guide = wb.worksheets[0]
    _assert_print_ready(guide, None)
    for ws in wb.worksheets[1:]:
        _assert_print_ready(ws, 1)
    # the guide's paragraphs span the whole table (one cell would wrap them into overlapping
    # columns) and any that wraps there has the height of its lines
    width = sum(guide.column_dimensions[x].width for x in "ABCDE")
    spans = [m for m in guide.merged_cells.ranges if m.min_col == 1 and m.max_col == 5]
    assert len(spans) >= 8
    for merged in spans:
        r = merged.min_row
        lines = layout.lines_in(guide.cell(r, 1).value, width)
        if lines > 1:
            assert guide.row_dimensions[r].height >= lines * layout.LINE_POINTS, r
    # the rest of the guide (the column tables): wrapped rows are as high as their lines
    widths = [guide.column_dimensions[x].width for x in "ABCDE"]
    tall = 0
    for r in range(1, guide.max_row + 1):
        if any(m.min_row == r for m in spans):
            continue
        lines = max(layout.lines_in(guide.cell(r, c).value, widths[c - 1]) for c in range(1, 6))
        if lines > 1:
            assert guide.row_dimensions[r].height >= lines * layout.LINE_POINTS, r
            tall += 1
    assert tall >= 10


def test_annotated_copy_own_sheet_page_setup(outputs):
    wb = openpyxl.load_workbook(outputs["annotated"])
    ws = wb["Hasil cek-pokja"]
    _assert_print_ready(ws, next(r for r in range(1, 15) if ws.cell(r, 1).value == "No"))


# ---------------------------------------------------------------------------- as LibreOffice prints them

def test_findings_workbook_prints_on_few_landscape_pages(pdf_pages):
    pages = pdf_pages["findings"]
    print(f"\nsample findings workbook: {len(pages)} pages")          # shown with -s
    assert 4 <= len(pages) <= MAX_FINDINGS_PAGES, len(pages)
    assert all(w > h for w, h in pages)                               # landscape


@pytest.mark.parametrize("kind", ["findings", "hand_out"])
def test_printed_findings_are_readable_on_a4(pdf_words, kind):
    """The Cetak pages as LibreOffice prints them: A4 landscape, every word at least 9 points and
    inside the page (issue 22: the 24 columns printed at about 4.4 points)."""
    pages = _print_pages(pdf_words[kind])
    assert len(pages) >= (8 if kind == "findings" else 1)
    for width, height, words in pages:
        assert (round(width, 1), round(height, 1)) == A4_LANDSCAPE
        assert len(words) > 20
        smallest = min(h for _, h, _ in words) / BOX_PER_POINT
        assert smallest >= MIN_POINTS, smallest
        assert max(x for _, _, x in words) <= width
    texts = " ".join(w for _, _, ws in pages for w, _, _ in ws)
    assert "K07" in texts and "Ketua." in texts


def test_printed_hand_out_holds_no_catalogue_digest_or_fingerprint(pdf_words, outputs):
    texts = " ".join(w for _, _, ws in pdf_words["hand_out"] for w, _, _ in ws)
    assert "Kutipan" not in texts and "SHA-256" not in texts and "Sidik" not in texts
    # no digest, no fingerprint, no rule-base hash (a NIP is digits only)
    assert not re.search(r"\b(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b", texts)
    fingerprints = [r[-1] for r in openpyxl.load_workbook(outputs["hand_out"])["Temuan"].iter_rows(
        min_row=2, max_col=24, values_only=True)]
    assert fingerprints and all(fp and fp not in texts for fp in fingerprints)


def test_template_and_annotated_copy_print_landscape(pdf_pages):
    assert 1 <= len(pdf_pages["template"]) <= 12
    assert all(w > h for w, h in pdf_pages["template"])
    w, h = pdf_pages["annotated"][-1]          # the copy's own sheet, the last one (the unit's sheets are theirs)
    assert w > h


@pytest.mark.parametrize("kind,labels", [
    ("annotated", ("No", "Aturan", "Tingkat", "Sheet", "Baris", "Kolom", "Dicatat pada", "Uraian", "Dasar Hukum",
                   "Saran Perbaikan")),
    ("annotated_en", ("No", "Rule", "Severity", "Sheet", "Row", "Column", "Noted at", "Description", "Legal Basis",
                      "Suggested Fix"))])
def test_marker_sheet_header_words_print_whole(pdf_words, outputs, kind, labels):
    """Issue 22: the annotated copy's own sheet's header wrapped inside its words in LibreOffice."""
    _, _, words = pdf_words[kind][-1]                 # the copy's own sheet is the last
    printed = [w for w, _, _ in words]
    for label in labels:
        for word in label.split():
            assert word in printed, (word, printed[:40])
    ws = openpyxl.load_workbook(outputs[kind]).worksheets[-1]
    for c, label in enumerate(labels, start=1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        assert width >= max(len(w) for w in label.split()) + 3, label


def test_pdf_page_count_reader():
    pdf = (b"1 0 obj<</Type/Pages/Count 2/MediaBox[0 0 842 595]>>endobj "
           b"2 0 obj<</Type /Page /Parent 1 0 R>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 595 842]>>endobj")
    assert _pages(pdf) == [(842.0, 595.0), (595.0, 842.0)]
