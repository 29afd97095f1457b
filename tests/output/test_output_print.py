"""Print-ready workbooks (issue 12, point 7; output-format.md): every sheet of the findings
workbook, of the template and of the annotated copy's own sheet is landscape, one page wide,
its header row repeated, rows of wrapped text given an explicit height. Checked twice: the page
set-up read back with openpyxl, and the pages LibreOffice prints (one headless conversion of
all three files, skipped only where LibreOffice is absent)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from checker.followup.template import write_template
from checker.output import layout
from checker.output.annotate import annotate_result
from checker.output.findings_workbook import write_workbook
from checker.pipeline import run

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
MAX_FINDINGS_PAGES = 10          # the 7 sample units; 25 before this was fixed


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    work = tmp_path_factory.mktemp("print")
    # the sample workbooks (their decree drafts left out: the pages counted are the workbooks')
    shutil.copytree(ROOT / "samples", work / "samples", ignore=shutil.ignore_patterns("*.py", "*.md", "*.docx"))
    result = run.check([str(work / "samples")], engine="pandas", jobs=1)
    findings = write_workbook(result, work / "temuan.xlsx")
    template = write_template(work / "templat.xlsx")
    one = [i for i in result.inputs if "fiskal" in i.file]
    result.inputs = one
    result.findings = [f for f in result.findings if f.file == one[0].file]
    (annotated,) = annotate_result(result, "id", out_dir=str(work / "ann"))
    return {"findings": Path(findings), "template": Path(template), "annotated": Path(annotated)}


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
    assert wb.sheetnames[0] == "Ringkasan"
    _assert_print_ready(wb["Ringkasan"], 5)            # the per-unit table's header row
    for name in ("Temuan", "Aturan", "Berkas"):
        _assert_print_ready(wb[name], 1)


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


def test_template_and_annotated_copy_print_landscape(pdf_pages):
    assert 1 <= len(pdf_pages["template"]) <= 12
    assert all(w > h for w, h in pdf_pages["template"])
    w, h = pdf_pages["annotated"][-1]          # the copy's own sheet, the last one (the unit's sheets are theirs)
    assert w > h


def test_pdf_page_count_reader():
    pdf = (b"1 0 obj<</Type/Pages/Count 2/MediaBox[0 0 842 595]>>endobj "
           b"2 0 obj<</Type /Page /Parent 1 0 R>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 595 842]>>endobj")
    assert _pages(pdf) == [(842.0, 595.0), (595.0, 842.0)]
