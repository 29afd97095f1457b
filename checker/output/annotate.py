"""`check --annotate`: a copy of a unit workbook with the findings written on its cells.

    annotate(source_path, findings, out_path=None, lang="id") -> str (the written path)
    annotate_input(result, input_file, out_path, runner=None) -> str   (one checked input of a run)
    annotate_result(result, lang=None, out_dir=None, runner=None) -> list[str]   (every checked input)

Making a copy re-reads the whole workbook with openpyxl, which costs far more than checking it
(a 121 KB file declaring 20,000 sheets: 213 s and 680 MB, against 0.9 s for its check): the
command line and the web page make every copy in a reader worker under the run's --max-memory
and --timeout (`runner`: pipeline/workers.run_tasks with the run's limits, handed in by the
caller, since the outputs come after the pipeline; `copy_task` is the worker's task). A copy
that cannot be made within them is not made, and the user is told why in their language
(CopyNotMade); the run's findings are unaffected. A workbook declaring more than MAX_SHEETS
sheets is refused before openpyxl opens it.

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
  every text written on the marker sheet is a string cell (data_type "s");
- every text we write (marker sheet cells, comments) goes through output/clean.py's `clean`:
  a control character copied from the input (an ESC in a Kode Unit or a file name) would make
  openpyxl refuse the cell, or the comments XML not well formed.

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

Strict Open XML (ISO/IEC 29500 Strict, "Strict Open XML Spreadsheet" in Excel's Save As):
openpyxl reads none of its sheets, so a copy would hold only the marker sheet. Such a source
is refused (StrictOOXMLError); `annotate_result` says so on the terminal and does not list the
copy as written.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from checker.load.own_outputs import fold_sheet_name
from checker.output.clean import clean
from checker.terms import (
    ANNOTATION_SHEET,
    COMMENT_AUTHOR,
    MAX_COMMENT,
    OUTPUT_PROPERTY,
    SEVERITY_FILL,
    SEVERITY_RANK,
)
from checker.texts import UserError, severity_label, t, texts_for

MARKER_SHEET = ANNOTATION_SHEET
MARKER_SHEET_EN = t("annotate.sheet", "en")
ANNOTATED_SUFFIX = ".diperiksa"
_MAX_ROW, _COL_RE = 1048576, re.compile(r"^[A-Z]{1,3}$")



class AnnotateError(UserError):
    """The copy cannot be made (the source is unreadable by openpyxl): the text annotate.<key>
    naming the source as shown (`file`); `detail` is technical (--debug)."""
    PREFIX = "annotate."
    KEY = "not_made"

    def __init__(self, file: str, detail: str = ""):
        self.detail = detail
        super().__init__(self.KEY, file=file)

    def __reduce__(self):              # sent back from a reader worker
        return (type(self), (self.params["file"], self.detail))


class StrictOOXMLError(AnnotateError):
    """The source is Strict Open XML: openpyxl reads none of its sheets, so a copy would hold
    only the marker sheet (and lose the unit's data). Refused instead."""
    KEY = "not_made_strict"


class CopyNotMade(AnnotateError):
    """The copy was not made within the run's bounds (its worker overran --max-memory or
    --timeout, or died), or the workbook declares more sheets than a copy is made for: the
    text annotate.not_made_<why>, with its own parameters (mb, s, n, limit, detail)."""

    def __init__(self, file: str, why: str, **params):
        self.why, self.detail = why, params.get("detail", "")
        UserError.__init__(self, "not_made_" + why, file=file, **params)

    def __reduce__(self):
        return (_copy_not_made, (self.params["file"], self.why, {k: v for k, v in self.params.items() if k != "file"}))

    def message(self, lang: str = "id") -> str:
        from checker.output import layout
        shown = {k: layout.count_text(v, lang) if isinstance(v, int) and v >= 10_000 else v   # 20.006 sheet
                 for k, v in self.params.items()}
        return t(self.PREFIX + self.key, lang, **shown)


def _copy_not_made(file, why, params):
    return CopyNotMade(file, why, **params)


# Sheets a workbook may declare for a copy to be made: a unit workbook has seven, the template
# eight; openpyxl reads every declared sheet (20,000 of them: 56 s to open, 14 s to save).
MAX_SHEETS = 250


_STRICT = b"http://purl.oclc.org/ooxml/"       # Strict's namespaces (transitional: schemas.openxmlformats.org)


def _is_strict(data: bytes) -> bool:
    """True when the package's main part is Strict Open XML (ISO/IEC 29500 Strict)."""
    import zipfile
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return _STRICT in z.read("_rels/.rels")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _declared_sheets(data: bytes) -> int:
    """How many sheets the workbook part declares (0 when it cannot be told: openpyxl decides)."""
    import zipfile

    from checker.load.safety import sheet_parts
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return len(sheet_parts(z))
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


# ---------------------------------------------------------------------------- names

def copy_ext(name) -> str:
    """The extension of an input's annotated copy: .xlsm, .docx and .docm are kept (a decree
    draft's: annotate_docx.py), else .xlsx."""
    ext = os.path.splitext(os.fspath(name))[1].lower()
    return ext if ext in (".xlsm", ".docx", ".docm") else ".xlsx"


def default_out_path(source_path) -> str:
    """`dir/draft.xlsx` -> `dir/draft.diperiksa.xlsx`; `.xlsm` keeps `.xlsm`; a decree draft's
    `.docx`/`.docm` likewise."""
    p = Path(os.fspath(source_path))
    return str(p.with_name(p.stem + ANNOTATED_SUFFIX + copy_ext(p.name)))


# ---------------------------------------------------------------------------- annotate

def annotate_result(result, lang: str | None = None, out_dir=None, runner=None) -> list[str]:
    """Annotate every checked input file of a RunResult with its own findings; returns the
    written paths (input order). `out_dir`: the copies go there (made when missing) instead of
    beside their sources. Each copy is made from the exact file that was read (InputFile.path)
    and names it as shown; with `runner`, in bounded workers (module doc)."""
    lang = lang or getattr(result, "lang", "id")
    if out_dir is not None:
        os.makedirs(out_dir, exist_ok=True)
    pairs = annotation_targets(result, out_dir)
    done = _make_copies(result, [(inp, target) for inp, target in pairs], lang, runner)
    out = []
    for made in done:
        if made.error is not None:          # that copy is not made (and not listed as written); say so
            from checker.output.terminal import notice
            notice(made.error.message(lang))
        else:
            out.append(made.path)
    return out


def annotate_input(result, inp, target: str, lang: str | None = None, runner=None) -> str:
    """The annotated copy of one checked input of `result` (an InputFile) at `target`, with
    that input's findings; never onto any input of the run. AnnotateError (CopyNotMade
    beyond the runner's bounds) when it cannot be made."""
    [made] = _make_copies(result, [(inp, target)], lang or result.lang, runner)
    if made.error is not None:
        raise made.error
    return made.path


# ---------------------------------------------------------------------------- in a worker

@dataclass(frozen=True)
class CopyJob:
    """One copy as a worker makes it: everything annotate() needs, picklable."""
    target: str
    findings: tuple
    lang: str
    protect: tuple
    header_rows: dict
    columns: dict
    pokja_rows: dict
    rules: dict
    source_name: str


@dataclass(frozen=True)
class Made:
    """A worker's answer: the copy's path, or why it was not made (an AnnotateError, or the
    OSError of writing it, as (errno, strerror) raised again where the outputs are written)."""
    path: str | None = None
    error: AnnotateError | None = None
    os_error: tuple | None = None


def _make_copies(result, pairs, lang: str, runner) -> list[Made]:
    from checker.load.inputref import InputRef
    rules = {r.id: r for r in getattr(result, "rules", ())}
    protect = tuple(i.path for i in result.inputs)
    jobs = []
    for inp, target in pairs:
        mine = tuple(f for f in result.findings if f.file == inp.file)
        if inp.kind == "sk":                # a decree draft's copy (annotate_docx.py)
            from checker.output.annotate_docx import draft_job
            jobs.append(draft_job(inp, mine, lang, target, protect))
            continue
        jobs.append(CopyJob(target, mine, lang, protect, dict(inp.header_rows or {}), dict(inp.columns or {}),
                            dict(inp.pokja_rows or {}), {f.rule: rules[f.rule] for f in mine if f.rule in rules},
                            inp.file))
    refs = [InputRef(inp.path, inp.file) for inp, _ in pairs]
    if runner is None:
        got = [copy_task(i, ref, tuple(jobs)) for i, ref in enumerate(refs)]
    else:
        got = runner(refs, copy_task, copy_failed, (tuple(jobs),))
    for made in got:
        if made.os_error is not None:
            raise OSError(*made.os_error)
    return got


def copy_task(index: int, ref, jobs: tuple) -> Made:
    """In a reader worker: the annotated copy of `ref` (its job: jobs[index])."""
    job = jobs[index]
    try:
        if not isinstance(job, CopyJob):    # a decree draft's (annotate_docx.DraftJob): made, or why not
            path, why = job.make(ref.path)
            return Made(path) if why is None else Made(error=AnnotateError(job.source_name, why))
        return Made(annotate(ref.path, job.findings, job.target, lang=job.lang, protect=job.protect,
                             header_rows=job.header_rows, columns=job.columns, pokja_rows=job.pokja_rows,
                             rules=job.rules, source_name=job.source_name))
    except AnnotateError as e:
        return Made(error=e)
    except OSError as e:
        if e.errno is None:
            raise
        return Made(os_error=(e.errno, e.strerror or ""))


def copy_failed(_index: int, ref, _sha256, err) -> Made:
    """The worker failed on the copy (memory or time limit, a crash): why, as CopyNotMade."""
    params = {k: v for k, v in err.params.items() if k in ("mb", "s")}
    why = {"memory_limit": "memory", "timeout": "timeout"}.get(err.message_key, "crash")
    if why == "crash":
        params["detail"] = err.detail or err.message_key
    return Made(error=CopyNotMade(ref.shown, why, **params))


def annotation_targets(result, out_dir=None) -> list[tuple]:
    """(input, copy path) of every copy annotate_result writes: output/plan.py checks them
    against the run's inputs and outputs before writing anything."""
    taken: set = set()
    out = []
    for inp in result.units() + [d for d in result.drafts() if d.status == "checked"]:
        target = default_out_path(inp.path)
        if out_dir is not None:
            target = _unique(os.path.join(out_dir, os.path.basename(target)), taken)
        out.append((inp, target))
    return out


def _unique(path: str, taken: set) -> str:
    """Two sources of one name (from two sub-folders) get two copies: `a.diperiksa-2.xlsx`."""
    stem, ext = os.path.splitext(path)
    candidate, n = path, 1
    while os.path.normcase(candidate) in taken:
        n += 1
        candidate = f"{stem}-{n}{ext}"
    taken.add(os.path.normcase(candidate))
    return candidate


def annotate(source_path, findings, out_path=None, lang: str = "id", protect=(), header_rows=None,
             columns=None, pokja_rows=None, rules=None, source_name=None) -> str:
    """Write the annotated copy of `source_path` and return its path (see module doc).
    `header_rows`: {sheet name: its header row} as the loader found them (row 1 otherwise);
    `columns`, `pokja_rows`, `rules`: what output/fix_cells.py needs to mark the cell to fix;
    `source_name`: the name the marker sheet gives the source (default its path; the input's
    shown name when it differs: an upload's stored name, a name that is not UTF-8).

    Raises atomic.OutputIsInputError when `out_path` names the source or one of the paths
    in `protect` (the run's other inputs), AnnotateError when
    openpyxl cannot read the source or sees no sheet in it (StrictOOXMLError: a Strict Open
    XML source, whose sheets openpyxl does not read), OSError when the copy cannot be written."""
    import openpyxl

    from checker.output.atomic import atomic_output, refuse_inputs

    lang = "en" if lang == "en" else "id"
    source = os.fspath(source_path)
    target = os.fspath(out_path) if out_path else default_out_path(source)
    refuse_inputs(target, [source, *protect])
    with open(source, "rb") as fh:
        data = fh.read()
    keep_vba = Path(source).suffix.lower() == ".xlsm"
    if _is_strict(data):
        raise StrictOOXMLError(source_name or source)
    sheets = _declared_sheets(data)
    if sheets > MAX_SHEETS:
        raise CopyNotMade(source_name or source, "sheets", n=sheets, limit=MAX_SHEETS)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), keep_vba=keep_vba, rich_text=True)
    except MemoryError:                     # a worker's bound: said as such (copy_failed)
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure
        raise AnnotateError(source_name or source, f"{type(exc).__name__}: {exc}") from None
    if not wb.worksheets:                   # openpyxl saw no sheet: a copy would hold only ours
        raise AnnotateError(source_name or source, "no worksheet")

    T = {**texts_for("annotate.", lang), "lang": lang}
    placed = _place(wb, list(findings), header_rows or {}, columns or {}, pokja_rows or {}, rules or {})
    _paint(placed, T)
    _marker_sheet(wb, source_name or source, placed, T)
    _mark_as_output(wb)
    try:
        wb.calculation.fullCalcOnLoad = True
    except AttributeError:  # pragma: no cover
        pass
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def _mark_as_output(wb) -> None:
    """The findings workbook's custom property, so that a folder walk skips a renamed copy too."""
    try:
        from openpyxl.packaging.custom import StringProperty
        wb.custom_doc_props.append(StringProperty(name=OUTPUT_PROPERTY, value="annotated"))
    except (ImportError, AttributeError, ValueError):  # pragma: no cover - an older openpyxl
        pass


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
    from checker.input import contract
    from checker.input.values import fold_header
    for spec in contract.SHEETS:
        keys = contract.sheet_name_keys(spec)
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


def _place(wb, findings, header_rows: dict, columns: dict, pokja_rows: dict, rules: dict):
    """[(finding, ws | None, row | None, col | None, how, fixes)] with how in
    cell/row/header/nowhere/no_sheet; `fixes`: the other cells marked for it, [(ws, row, col)]."""
    from openpyxl.utils import column_index_from_string

    from checker.output.fix_cells import fix_cells
    out = []
    for f in findings:
        ws = _sheet_of(wb, f.sheet)
        if ws is None:
            out.append((f, None, None, None, "nowhere" if f.sheet else "no_sheet", []))
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
        fixes = []
        for sheet, r, letter in fix_cells(f, rules.get(f.rule), columns, pokja_rows) or ():
            fix_ws = _sheet_of(wb, sheet)
            if fix_ws is not None:
                fixes.append((fix_ws, *_resolve_merged(fix_ws, r, column_index_from_string(letter))))
        if fixes and fixes[0][0] is ws and all(x[1] == row for x in fixes):
            ws, row, col, how, fixes = ws, row, fixes[0][2], "cell", fixes[1:]      # the cell to fix, same row
        out.append((f, ws, row, col, how, fixes))
    return out


def _comment_text(f, T) -> str:
    sev = (getattr(f, "label", "") or severity_label(f.severity, T["lang"])).capitalize()
    parts = [f"[{f.rule}] {sev}: {f.message}"]
    if f.basis:
        parts.append(f"{T['basis']}: {f.basis}")
    if f.hint:
        parts.append(f"{T['hint']}: {f.hint}")
    return "\n".join(parts)


def _paint(placed, T) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    cells: dict[tuple[str, int, int], list] = {}        # (sheet, row, col) -> [(finding, note)]
    sheets = {}
    for f, ws, row, col, _how, fixes in placed:
        if ws is None:
            continue
        sheets[ws.title] = ws
        note = ""
        if fixes:
            where = ", ".join(f"{get_column_letter(c)}{r}" for _, r, c in fixes[:12])
            note = T["fix_there"].format(sheet=fixes[0][0].title, cells=where + (" …" if len(fixes) > 12 else ""))
        cells.setdefault((ws.title, row, col), []).append((f, note))
        for fix_ws, r, c in fixes:
            sheets[fix_ws.title] = fix_ws
            cells.setdefault((fix_ws.title, r, c), []).append(
                (f, T["fix_from"].format(sheet=ws.title, cell=f"{get_column_letter(col)}{row}")))
    for (title, row, col), items in cells.items():
        ws = sheets[title]
        cell = ws.cell(row=row, column=col)
        worst = min(items, key=lambda x: SEVERITY_RANK.get(x[0].severity, 9))[0].severity
        colour = SEVERITY_FILL.get(worst, SEVERITY_FILL["info"])
        cell.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        _show_number(ws, cell)
        text = "\n\n".join(_comment_text(f, T) + (f"\n{note}" if note else "") for f, note in items)
        old = cell.comment
        if old is not None and old.text and COMMENT_AUTHOR not in (old.author or ""):
            text = old.text.rstrip() + "\n\n" + text
        text = clean(text, lines=True)
        if len(text) > MAX_COMMENT:
            text = text[:MAX_COMMENT - 1] + "…"
        lines = sum(1 + len(p) // 60 for p in text.split("\n"))
        cell.comment = Comment(text, COMMENT_AUTHOR, height=min(600, 20 + 15 * lines), width=420)


def _show_number(ws, cell) -> None:
    """A flagged number (a NIP stored as a number) shows all its digits instead of `###` or
    `1.99E+17`: the column is widened and the digits shown; the value itself is untouched."""
    from openpyxl.utils import get_column_letter
    if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
        return
    if abs(cell.value) >= 1e11 and cell.number_format in ("General", "@"):     # "@" shows a number as General
        cell.number_format = "0"
    digits = len(f"{cell.value:.0f}") if abs(cell.value) >= 1e11 else len(str(cell.value))
    dim = ws.column_dimensions[get_column_letter(cell.column)]
    if (dim.width or 8.43) < digits + 3:
        dim.width = digits + 3


def _put(ws, r, c, value, font=None, fill=None):
    """A cell of the marker sheet: text is always a string cell, never a formula."""
    cell = ws.cell(row=r, column=c)
    if value is None or value == "":
        return cell
    if isinstance(value, int):
        cell.value = value
    else:
        cell.value = clean(value, lines=True)
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


MARKER_WRAPPED = frozenset({6, 7, 8, 9})        # 0-based: Dicatat pada, Uraian, Dasar Hukum, Saran
MARKER_CAPS = (6, 8, 15, 20, 7, 7, 28, 60, 24, 50)


def marker_sheet_name(lang: str) -> str:
    return MARKER_SHEET_EN if lang == "en" else MARKER_SHEET


def _marker_sheet(wb, source, placed, T) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from checker.output import layout

    for name in (MARKER_SHEET, MARKER_SHEET_EN):            # never two markers
        if name in wb.sheetnames:
            del wb[name]
    ws = wb.create_sheet(marker_sheet_name(T["lang"]))
    bold = Font(bold=True)
    _put(ws, 1, 1, T["title"], Font(bold=True, size=14, color="C00000"))
    _put(ws, 2, 1, T["lines"][0])
    _put(ws, 3, 1, T["lines"][1])
    # each label across A:C (the No and Aturan columns are narrow), its value from D on
    for r, label, value in ((4, T["source"], os.path.basename(source)), (5, T["count"], len(placed))):
        _put(ws, r, 1, label, bold)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        _put(ws, r, 4, value).alignment = Alignment(horizontal="left")
    for r in (2, 3):                       # the two paragraphs across the table's width, wrapped
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(MARKER_CAPS))
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    head = 7
    grey = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, label in enumerate(T["cols"], start=1):
        _put(ws, head, c, label, bold, grey).alignment = wrap
    listed = placed
    if len(placed) > layout.rows_that_fit(len(placed), above=head):       # what the sheet cannot hold is said
        listed = placed[:layout.rows_that_fit(len(placed), above=head + 1)]
        n = lambda k: layout.count_text(k, T["lang"])  # noqa: E731
        note = T["overflow"].format(shown=n(len(listed)), total=n(len(placed)), rows=n(layout.SHEET_ROWS))
        _put(ws, 6, 1, note, Font(bold=True, color="9C0006"))
        _put(ws, head + len(listed) + 1, 1, note, Font(bold=True, color="9C0006"))
    rows = [_marker_row(ws, head + i, i, item, T) for i, item in enumerate(listed, start=1)]
    widths = [layout.fit_width([r[c] for r in rows], T["cols"][c], 4, cap) for c, cap in enumerate(MARKER_CAPS)]
    # a header word never breaks: bold, and in LibreOffice's wider stand-in font, it needs a unit
    # more than its letters (issue 22: "Kolom"/"Column" broke in two); the header's height is set
    widths = [max(w, max(len(word) for word in label.split()) + 3) for w, label in zip(widths, T["cols"])]
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    points = layout.row_points(list(T["cols"]), widths)
    if points:
        ws.row_dimensions[head].height = points
    top = Alignment(vertical="top")
    for i, values in enumerate(rows, start=1):
        for c in range(len(MARKER_CAPS)):            # every cell on top, so a row reads across
            ws.cell(row=head + i, column=c + 1).alignment = wrap if c in MARKER_WRAPPED else top
        points = layout.row_points(values, widths, MARKER_WRAPPED)
        if points:
            ws.row_dimensions[head + i].height = points
    for r in (2, 3):
        points = layout.row_points([ws.cell(row=r, column=1).value], [sum(widths)])
        if points:
            ws.row_dimensions[r].height = points
    ws.freeze_panes = f"A{head + 1}"
    layout.openpyxl_page(ws, head, T["footer"])
    # make the marker sheet the only selected, active sheet (two selected tabs would be
    # grouped in Excel and edited together)
    for other in wb.worksheets:
        for view in other.views.sheetView:
            view.tabSelected = False
    wb.active = wb.worksheets.index(ws)
    ws.sheet_view.tabSelected = True


def _marker_row(ws, r: int, i: int, item, T) -> list:
    """One finding on the marker sheet, with a link to where it was noted; returns the texts."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    f, target_ws, row, col, how, fixes = item
    colour = SEVERITY_FILL.get(f.severity, SEVERITY_FILL["info"])
    label = (getattr(f, "label", "") or severity_label(f.severity, T["lang"])).capitalize()
    _put(ws, r, 1, i)
    _put(ws, r, 2, f.rule)
    _put(ws, r, 3, label, fill=PatternFill(fill_type="solid", start_color=colour, end_color=colour))
    _put(ws, r, 4, f.sheet)
    if f.row is not None:
        _put(ws, r, 5, int(f.row))
    _put(ws, r, 6, f.column)
    if target_ws is not None:
        ref = f"{get_column_letter(col)}{row}"
        where = {"cell": T["at_cell"], "row": T["at_row"], "header": T["at_header"]}[how].format(cell=ref, row=row)
        cell = _put(ws, r, 7, where)
        quoted = "'" + target_ws.title.replace("'", "''") + "'"
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quoted}!{ref}")
        cell.font = Font(color="0563C1", underline="single")
    else:
        where = T[how]
        _put(ws, r, 7, where)
    # where to fix it opens the Saran column: LibreOffice does not wrap a hyperlink cell
    hint = f.hint or ""
    if fixes and target_ws is not None:
        there = T["fix_there"].format(sheet=fixes[0][0].title, cells=", ".join(
            f"{get_column_letter(c)}{x}" for _, x, c in fixes[:6]) + (" …" if len(fixes) > 6 else ""))
        hint = f"{there[:1].upper()}{there[1:]}. {hint}".strip()
    _put(ws, r, 8, f.message)
    _put(ws, r, 9, f.basis)
    _put(ws, r, 10, hint)
    return [i, f.rule, label, f.sheet, f.row, f.column, where, f.message, f.basis, hint]
