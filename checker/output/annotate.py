"""`check --annotate`: a copy of a unit workbook with the findings written on its cells.

    annotate(source_path, findings, out_path=None, lang="id") -> str (the written path)
    annotate_result(result, lang=None) -> list[str]     (every checked input of a run)

The copy is `<stem>.diperiksa.xlsx` beside the source (`.xlsm` stays `.xlsm`, macros kept
with openpyxl's keep_vba=True). The source is only read (its bytes and mtime never
change); the copy is written atomically and never over the source.

In the copy:
- every offending cell (finding.sheet / row / column) gets a solid fill by severity (the
  worst when several findings share the cell) and a comment holding, per finding, the rule
  ID, severity, message, legal basis (Dasar) and hint (Saran); an existing comment is kept
  above ours;
- a finding with a row but no column is put on the first non-empty cell of that row; a
  finding with no row (e.g. "no support Pokja" on Pokja, or a missing column) on the first
  cell of the sheet's header row (as the loader found it, else row 1); a finding whose
  sheet does not exist in the workbook is only listed on the marker sheet;
- a last sheet MARKER_SHEET ("Hasil cek-pokja", made the active sheet) lists every finding
  with where it was noted (internal hyperlink) and says this is an annotated copy. That
  sheet is the annotation marker: load/own_outputs.py recognises it, and the checker
  refuses such a file. Deleting the sheet turns the copy back into a normal
  workbook (fills and comments do not change cell values).
- cell values are not touched: no value is (re)written, so nothing becomes a formula;
  every text written on the marker sheet is a string cell (data_type "s").

What openpyxl cannot keep when it re-saves a workbook (measured in ../shared/notes/excel-io.md
and openpyxl's documentation):
- shapes, text boxes, SmartArt, form controls drawn as shapes, and sparklines;
- formula cached values: formulas are kept, their last results are not (the copy asks
  Excel to recalculate on opening: calcPr fullCalcOnLoad);
- images and charts embedded in the sheets unless Pillow is installed (images); charts are
  read back only partially;
- Excel 2010+ extensions (x14): 2010 data bars/icon sets, slicers, timelines, data
  validations whose lists point to other sheets through an extension list;
- threaded comments (only their legacy note is kept), pivot table caches may be rebuilt,
  external link caches;
- macros only in .xlsm (keep_vba=True): the VBA project is copied as it is.
Rich text in cells is kept (rich_text=True).
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

from checker.load.own_outputs import fold_sheet_name
from checker.terms import ANNOTATION_SHEET, SEVERITY_FILL, SEVERITY_RANK
from checker.texts import severity_label, texts_for

MARKER_SHEET = ANNOTATION_SHEET
ANNOTATED_SUFFIX = ".diperiksa"
COMMENT_AUTHOR = "cek-pokja"
MAX_COMMENT = 32000                    # Excel's limit is 32767 characters
_MAX_ROW, _COL_RE = 1048576, re.compile(r"^[A-Z]{1,3}$")



class AnnotateError(Exception):
    """The copy cannot be made (the source is unreadable by openpyxl)."""


# ---------------------------------------------------------------------------- names

def default_out_path(source_path) -> str:
    """`dir/draft.xlsx` -> `dir/draft.diperiksa.xlsx`; `.xlsm` keeps `.xlsm`."""
    p = Path(os.fspath(source_path))
    ext = ".xlsm" if p.suffix.lower() == ".xlsm" else ".xlsx"
    return str(p.with_name(p.stem + ANNOTATED_SUFFIX + ext))


# ---------------------------------------------------------------------------- annotate

def annotate_result(result, lang: str | None = None) -> list[str]:
    """Annotate every checked input file of a RunResult with its own findings; returns the
    written paths (input order)."""
    lang = lang or getattr(result, "lang", "id")
    out = []
    for inp in result.units():
        mine = [f for f in result.findings if f.file == inp.file]
        out.append(annotate(inp.file, mine, lang=lang, protect=[i.file for i in result.inputs],
                            header_rows=inp.header_rows))
    return out


def annotate(source_path, findings, out_path=None, lang: str = "id", protect=(), header_rows=None,
             source_name=None) -> str:
    """Write the annotated copy of `source_path` and return its path (see module doc).
    `header_rows`: {sheet name: its header row} as the loader found them (row 1 otherwise).
    `source_name`: the name the marker sheet gives the source (default its file name; the
    web page stores uploads under random names and shows the user's).

    Raises atomic.OutputIsInputError when `out_path` names the source or one of the paths
    in `protect` (the run's other inputs), AnnotateError when
    openpyxl cannot read the source, OSError when the copy cannot be written."""
    import openpyxl

    from checker.output.atomic import atomic_output, refuse_inputs

    lang = "en" if lang == "en" else "id"
    source = os.fspath(source_path)
    target = os.fspath(out_path) if out_path else default_out_path(source)
    refuse_inputs(target, [source, *protect])
    with open(source, "rb") as fh:
        data = fh.read()
    keep_vba = Path(source).suffix.lower() == ".xlsm"
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), keep_vba=keep_vba, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - any reader failure
        raise AnnotateError(f"{source}: {type(exc).__name__}: {exc}") from None

    T = {**texts_for("annotate.", lang), "lang": lang}
    placed = _place(wb, list(findings), header_rows or {})
    _paint(wb, placed, T)
    _marker_sheet(wb, source_name or source, placed, T)
    try:
        wb.calculation.fullCalcOnLoad = True
    except AttributeError:  # pragma: no cover
        pass
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def _sheet_of(wb, name):
    """The worksheet a finding's sheet names: exact, then case/space folded, then by the
    schema's sheet names (a canonical label such as "Anggota Pokja")."""
    if not name:
        return None
    if name in wb.sheetnames:
        return wb[name]
    key = fold_sheet_name(name)
    for ws in wb.worksheets:
        if fold_sheet_name(ws.title) == key:
            return ws
    from checker.input import schema
    from checker.input.values import fold_header
    for spec in schema.SHEETS:
        keys = schema.sheet_name_keys(spec)
        if fold_header(name) in keys:
            for ws in wb.worksheets:
                if fold_header(ws.title) in keys or fold_header(ws.title[:31]) in keys:
                    return ws
    return None


def _first_filled_col(ws, row: int) -> int:
    for c in range(1, min(ws.max_column, 200) + 1):
        v = ws.cell(row=row, column=c).value
        if v is not None and str(v).strip() != "":
            return c
    return 1


def _resolve_merged(ws, row: int, col: int) -> tuple[int, int]:
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng.min_row, rng.min_col
    return row, col


def _place(wb, findings, header_rows: dict):
    """[(finding, ws | None, row | None, col | None, how)] with how in cell/row/header/nowhere/no_sheet."""
    from openpyxl.utils import column_index_from_string
    out = []
    for f in findings:
        ws = _sheet_of(wb, f.sheet)
        if ws is None:
            out.append((f, None, None, None, "nowhere" if f.sheet else "no_sheet"))
            continue
        col = None
        if f.column and _COL_RE.match(str(f.column).upper()):
            col = column_index_from_string(str(f.column).upper())
        row = f.row if isinstance(f.row, int) and 1 <= f.row <= _MAX_ROW else None
        if row is not None and col is not None:
            how = "cell"
        elif row is not None:
            how = "row"
            col = _first_filled_col(ws, row)
        else:
            how = "header"
            row = header_rows.get(ws.title) or 1
            col = _first_filled_col(ws, row)
        row, col = _resolve_merged(ws, row, col)
        out.append((f, ws, row, col, how))
    return out


def _comment_text(f, T) -> str:
    sev = severity_label(f.severity, T["lang"], title=True)
    parts = [f"[{f.rule}] {sev}: {f.message}"]
    if f.basis:
        parts.append(f"{T['basis']}: {f.basis}")
    if f.hint:
        parts.append(f"{T['hint']}: {f.hint}")
    return "\n".join(parts)


def _paint(wb, placed, T) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    cells: dict[tuple[str, int, int], list] = {}
    sheets = {}
    for f, ws, row, col, _how in placed:
        if ws is None:
            continue
        key = (ws.title, row, col)
        sheets[ws.title] = ws
        cells.setdefault(key, []).append(f)
    for (title, row, col), items in cells.items():
        ws = sheets[title]
        cell = ws.cell(row=row, column=col)
        worst = min(items, key=lambda f: SEVERITY_RANK.get(f.severity, 9)).severity
        colour = SEVERITY_FILL.get(worst, SEVERITY_FILL["info"])
        cell.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        text = "\n\n".join(_comment_text(f, T) for f in items)
        old = cell.comment
        if old is not None and old.text and COMMENT_AUTHOR not in (old.author or ""):
            text = old.text.rstrip() + "\n\n" + text
        if len(text) > MAX_COMMENT:
            text = text[:MAX_COMMENT - 1] + "…"
        lines = sum(1 + len(p) // 60 for p in text.split("\n"))
        comment = Comment(text, COMMENT_AUTHOR, height=min(600, 20 + 15 * lines), width=420)
        cell.comment = comment


def _put(ws, r, c, value, font=None, fill=None):
    """A cell of the marker sheet: text is always a string cell, never a formula."""
    cell = ws.cell(row=r, column=c)
    if value is None or value == "":
        return cell
    if isinstance(value, int):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _marker_sheet(wb, source, placed, T) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    if MARKER_SHEET in wb.sheetnames:             # never two markers
        del wb[MARKER_SHEET]
    ws = wb.create_sheet(MARKER_SHEET)
    bold = Font(bold=True)
    _put(ws, 1, 1, T["title"], Font(bold=True, size=14, color="C00000"))
    _put(ws, 2, 1, T["lines"][0])
    _put(ws, 3, 1, T["lines"][1])
    _put(ws, 4, 1, T["source"], bold)
    _put(ws, 4, 2, os.path.basename(source))
    _put(ws, 5, 1, T["count"], bold)
    _put(ws, 5, 2, len(placed))
    head = 7
    grey = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
    for c, label in enumerate(T["cols"], start=1):
        _put(ws, head, c, label, bold, grey)
    for i, item in enumerate(placed, start=1):
        _marker_row(ws, head + i, i, item, T)
    for c, width in enumerate((6, 8, 13, 18, 7, 7, 26, 80, 24, 60), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = f"A{head + 1}"
    # make the marker sheet the only selected, active sheet (two selected tabs would be
    # grouped in Excel and edited together)
    for other in wb.worksheets:
        for view in other.views.sheetView:
            view.tabSelected = False
    wb.active = wb.worksheets.index(ws)
    ws.sheet_view.tabSelected = True


def _marker_row(ws, r: int, i: int, item, T) -> None:
    """One finding on the marker sheet, with a link to where it was noted."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    f, target_ws, row, col, how = item
    colour = SEVERITY_FILL.get(f.severity, SEVERITY_FILL["info"])
    _put(ws, r, 1, i)
    _put(ws, r, 2, f.rule)
    _put(ws, r, 3, severity_label(f.severity, T["lang"], title=True),
         fill=PatternFill(fill_type="solid", start_color=colour, end_color=colour))
    _put(ws, r, 4, f.sheet)
    if f.row is not None:
        _put(ws, r, 5, int(f.row))
    _put(ws, r, 6, f.column)
    if target_ws is not None:
        ref = f"{get_column_letter(col)}{row}"
        where = {"cell": T["at_cell"], "row": T["at_row"], "header": T["at_header"]}[how]
        cell = _put(ws, r, 7, where.format(cell=ref, row=row))
        quoted = "'" + target_ws.title.replace("'", "''") + "'"
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quoted}!{ref}")
        cell.font = Font(color="0563C1", underline="single")
    else:
        _put(ws, r, 7, T[how])
    _put(ws, r, 8, f.message)
    _put(ws, r, 9, f.basis)
    _put(ws, r, 10, f.hint)
