"""Print-ready sheets for Excel, LibreOffice and WPS Office alike (output-format.md): landscape
A4, one page wide, the header row repeated on every page, column widths fitted to their content
(capped), and explicit row heights for wrapped text, since LibreOffice and WPS do not grow a row
by themselves when a file says nothing about its height.

Widths are in Excel's unit (the width of one '0' of the default 11-point font); a line of text
fits about one character per unit. The estimate assumes a font as wide as the one LibreOffice
substitutes when Calibri is missing, so that a row is never too low anywhere."""
from __future__ import annotations

import math
import textwrap

# Excel's rows per worksheet (also LibreOffice's, since 7.4). The one place every writer asks
# how many rows fit; what does not fit is said on the sheet, on Ringkasan and on the terminal,
# never dropped silently (the JSON keeps every finding). Tests monkeypatch it small.
SHEET_ROWS = 1_048_576


def rows_that_fit(n: int, above: int = 1) -> int:
    """How many of `n` rows fit on one sheet below `above` rows (a header, a title block)."""
    return max(0, min(n, SHEET_ROWS - above))


def count_text(n: int, lang: str) -> str:
    """1.048.576 in Indonesian, 1,048,576 in English."""
    return f"{n:,}".replace(",", ".") if lang != "en" else f"{n:,}"


LINE_POINTS = 15.0            # one line of 11-point text, as Excel sizes a row
MAX_ROW_POINTS = 409.0        # Excel's highest row
CHARS_PER_UNIT = 1.15
PAPER_A4 = 9
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.55, "bottom": 0.55}     # inches


def text_of(value) -> str:
    return "" if value is None else str(value)


def longest_line(value) -> int:
    return max((len(line) for line in text_of(value).split("\n")), default=0)


def fit_width(values, header: str = "", low: float = 6, high: float = 50) -> float:
    """A column's width: its longest line (the header's longest word at least), within [low, high]."""
    head = max((len(w) for w in text_of(header).split()), default=0)
    longest = max([head] + [longest_line(v) for v in values])
    return float(min(high, max(low, longest + 2)))


def lines_in(value, width: float) -> int:
    """How many lines `value` takes in a wrapped cell `width` units wide."""
    text = text_of(value)
    if not text:
        return 1
    per_line = max(1, int(width * CHARS_PER_UNIT) - 1)
    return sum(max(1, len(textwrap.wrap(part, per_line, break_long_words=True, break_on_hyphens=False)))
               for part in text.split("\n"))


def row_points(cells, widths, wrapped=None) -> float | None:
    """The height a row needs (points), or None when one line does. `cells`: the row's values
    by column; `wrapped`: the columns that wrap (all by default)."""
    most = 1
    for col, value in enumerate(cells):
        if value is None or value == "" or (wrapped is not None and col not in wrapped):
            continue
        most = max(most, lines_in(value, widths[col]))
    if most == 1:
        return None
    return min(MAX_ROW_POINTS, math.ceil(most * LINE_POINTS + 3))


# ---------------------------------------------------------------------------- page set-up

def xlsxwriter_page(ws, header_row: int | None, footer: str, last_col: int | None = None,
                    last_row: int | None = None) -> None:
    """Landscape A4, one page wide, `header_row` (0-based) on every page, page numbers."""
    ws.set_landscape()
    ws.set_paper(PAPER_A4)
    ws.set_margins(**MARGINS)
    ws.fit_to_pages(1, 0)
    if header_row is not None:
        ws.repeat_rows(header_row)
    ws.set_footer(footer)
    if last_col is not None and last_row is not None:
        ws.print_area(0, 0, max(last_row, 1), last_col)


def openpyxl_page(ws, header_row: int | None, footer: str) -> None:
    """The same set-up with openpyxl (template, annotated copy); `header_row` is 1-based."""
    from openpyxl.worksheet.properties import PageSetupProperties
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, inches)
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = footer
