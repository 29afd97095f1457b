"""The findings as they print (output-format.md v3, printing): sheet `Cetak` (`Print`) of the
findings workbook and of each hand-out, readable on A4 at the font's own size, beside the full
`Temuan` table that stays for filtering on screen.

Seven columns (No, the cell, the rule, the severity label, the legal basis, the description,
how to fix), 118 width units in all, so that a landscape A4 page holds them at 100 %: the
11-point text prints at 11 points. The findings are grouped as the web page groups them:
per input file in the scorecard's order (RunResult.owners), a heading naming the unit, its
status and its file, then per sheet (the whole-file findings first, the sheets in the
workbook's order, a decree draft's findings last), each sorted by row and column. In a run of
several units each unit starts on a page of its own, so that the bureau can hand each unit
its pages."""
from __future__ import annotations

import os

from checker.findings import label_of, place_label
from checker.output import layout
from checker.output.clean import clean
from checker.result import RunResult
from checker.terms import SEVERITY_RANK, is_data_basis

COLUMNS = ("no", "cell", "rule", "label", "basis", "message", "hint")
# 118 units: one A4 landscape width at 100 % in LibreOffice (whose substitute for Calibri is
# wider than Calibri) and in Excel alike, measured in tests/output/test_output_print.py
WIDTHS = (4, 10, 7, 13, 15, 38, 31)
MAX_BREAKS = 1023                             # Excel's limit of manual page breaks per sheet
TITLE_ROWS = 3                                # the title, the note, the column header


def groups(result: RunResult) -> list[tuple]:
    """[(input or None, [(group kind, name, [findings])])] in print order; kind: "file" (the
    whole file), "sheet", "draft" (a decree draft's findings) or "other" (no input)."""
    out = []
    for inp in result.owners() + [None]:
        mine = result.findings_of(inp)
        if mine:
            out.append((inp, _by_sheet(mine, inp)))
    return out


def sheet_order(inp) -> dict:
    """Sheet name -> its place in the input's workbook (empty for no input)."""
    return {name: i for i, name in enumerate((inp.header_rows or {}).keys())} if inp is not None else {}


def _by_sheet(findings, inp) -> list[tuple]:
    order = sheet_order(inp)
    parts: dict[tuple, list] = {}
    for f in findings:
        if getattr(f, "document", None) or (inp is not None and inp.file != f.file and not f.sheet):
            key = (2, 0, "draft", f.file or "")
        elif f.sheet:
            key = (1, order.get(f.sheet, len(order)), "sheet", f.sheet)
        else:
            key = (0, 0, "file", "")
        parts.setdefault(key, []).append(f)
    out = []
    for key in sorted(parts):
        items = sorted(parts[key], key=finding_order)
        out.append((key[2], key[3], items))
    return out


def finding_order(f) -> tuple:
    """Within a sheet (or a draft): by row, column, place in the draft, severity, rule."""
    anchor = getattr(getattr(f, "place", None), "anchor", None)
    return (f.row if f.row is not None else -1, len(f.column or ""), f.column or "", tuple(anchor or ()),
            SEVERITY_RANK.get(f.severity, 9), f.rule)


def cell_text(f, tx: dict) -> str:
    """Where to look: `L3`, `baris 5`, the draft's place (`Lampiran tabel 1 baris 7 kolom
    Output`), `seluruh sheet`, `seluruh berkas`."""
    return place_label(f, row=tx["print_row"], sheet=tx["print_whole_sheet"], file=tx["print_whole_file"])


class PrintSheet:
    """Writes the sheet; `s(ws, row, col, value, fmt)` writes an input's text (cleaned, never
    a formula), `linker` gives a finding's cell its link (none in a hand-out)."""

    def __init__(self, workbook, ws, result: RunResult, tx: dict, fmt: dict, s, linker, status_of, hand_out=False):
        self.wb, self.ws, self.result, self.tx, self.fmt, self.s = workbook, ws, result, tx, fmt, s
        self.linker, self.status_of = linker, status_of
        self.hand_out = hand_out        # a letter to the unit head: its file by name, not the bureau's folders
        self.heights: dict[int, float] = {}
        self.f_unit = workbook.add_format({"bold": True, "font_size": 12, "bg_color": "#D9D9D9", "text_wrap": True,
                                           "valign": "top", "top": 1})
        self.f_sheet = workbook.add_format({"bold": True, "italic": True, "text_wrap": True, "valign": "top",
                                            "bottom": 1})

    def write(self) -> str | None:
        ws, tx, fmt = self.ws, self.tx, self.fmt
        ws.write_string(0, 0, tx["print_title"], fmt["title"])
        ws.write_string(1, 0, tx["print_note"], fmt["note"])
        for c, label in enumerate(tx["print_cols"]):
            ws.write_string(2, c, label, fmt["header"])
        for c, width in enumerate(WIDTHS):
            ws.set_column(c, c, width)
        self._height(2, list(tx["print_cols"]))
        r = TITLE_ROWS
        breaks = []
        waived = {id(f) for f in self.result.findings} - self.result.open_ids()
        limit = layout.SHEET_ROWS - 1
        note = None
        for inp, parts in groups(self.result):
            if r > TITLE_ROWS and len(breaks) < MAX_BREAKS:
                breaks.append(r)
            if r >= limit:
                note = True
                break
            r = self._unit_heading(r, inp)
            n = 0                             # numbered through the unit, as its letter's items
            for kind, name, items in parts:
                if r >= limit:
                    note = True
                    break
                r = self._group_heading(r, kind, name)
                for f in items:
                    if r >= limit:
                        note = True
                        break
                    n += 1
                    self._finding(r, n, f, id(f) in waived)
                    r += 1
        if note:
            text = tx["print_overflow"]
            ws.write_string(min(r, layout.SHEET_ROWS - 1), 0, text, fmt["alert"])
        for row, points in self.heights.items():
            ws.set_row(row, points)
        if breaks:
            ws.set_h_pagebreaks(breaks)
        layout.xlsxwriter_page(ws, 2, "&C" + tx["footer"], last_col=len(COLUMNS) - 1, last_row=max(r - 1, 3))
        return tx["print_overflow"] if note else None

    def _height(self, row: int, cells: list, widths=WIDTHS) -> None:
        points = layout.row_points(cells, widths)
        if points:
            self.heights[row] = max(points, self.heights.get(row, 0))

    def _span(self, r: int, text: str, cell_format) -> None:
        last = len(COLUMNS) - 1
        self.ws.merge_range(r, 0, r, last, "", cell_format)
        self.s(self.ws, r, 0, text, cell_format)
        self._height(r, [text], [sum(WIDTHS)])

    def _unit_heading(self, r: int, inp) -> int:
        tx = self.tx
        if inp is None:
            self._span(r, tx["no_unit"], self.f_unit)
            return r + 1
        name = " ".join(x for x in (inp.unit, inp.unit_name) if x) or os.path.basename(inp.file or "")
        status = self.status_of(inp)
        parts = [name]
        if status:
            parts.append(status)
        if inp.status != "not_submitted":
            file = os.path.basename((inp.file or "").replace("\\", "/")) if self.hand_out else inp.file
            parts.append(tx["print_file"].format(file=file))
        self._span(r, " \u2014 ".join(parts), self.f_unit)
        return r + 1

    def _group_heading(self, r: int, kind: str, name: str) -> int:
        tx = self.tx
        text = {"file": tx["print_whole_file_head"], "sheet": tx["print_sheet_head"].format(sheet=name),
                "draft": tx["print_draft_head"].format(file=name)}[kind]
        self._span(r, text, self.f_sheet)
        return r + 1

    def _finding(self, r: int, n: int, f, waived: bool) -> None:
        ws, tx, fmt, s = self.ws, self.tx, self.fmt, self.s
        lang = self.result.lang
        label = label_of(f.severity, f.basis or "", lang).capitalize()
        if waived:
            label += " " + tx["print_waived"]
        basis = tx["print_data_basis"] if is_data_basis(f.basis) else f.basis
        where = clean(cell_text(f, tx))
        ws.write_number(r, 0, n, fmt["num"])
        url = self.linker.url(f) if not getattr(f, "document", None) else None
        if url is not None:
            ws.write_url(r, 1, url, fmt["link_wrap"], where, tx["link_tip"])
        else:
            s(ws, r, 1, where, fmt["wrap"])
        s(ws, r, 2, f.rule, fmt["text"])
        s(ws, r, 3, label, fmt.get("sev_wrap_" + f.severity) or fmt["wrap"])
        s(ws, r, 4, basis, fmt["wrap"])
        s(ws, r, 5, f.message, fmt["wrap"])
        s(ws, r, 6, f.hint, fmt["wrap"])
        self._height(r, [None, where, f.rule, label, basis, f.message, f.hint])
