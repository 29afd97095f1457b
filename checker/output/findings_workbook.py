"""The findings workbook of output-format.md (`-o FILE.xlsx`), written with XlsxWriter.

Safety: every value that comes from an input file or a finding goes through
`write_string` (never `write`, never a formula) after output/clean.py's `clean` (no control
character reaches the XML; links to a file whose name holds one are percent-encoded); the
workbook options also switch off XlsxWriter's string-to-formula/URL/number guessing. The file
is written atomically."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import xlsxwriter

from checker.findings import label_of
from checker.output import layout
from checker.output.atomic import atomic_output, refuse_inputs, scratch_folder
from checker.output.clean import clean, is_clean
from checker.output.print_sheet import PrintSheet
from checker.output.summary_sheet import LABEL_FILL, SummaryWriter, format_time  # noqa: F401 - format_time for callers
from checker.output.terminal import status_word
from checker.result import RunResult
from checker.terms import OUTPUT_PROPERTY, SEVERITY_FILL, lang_of, stages_from
from checker.texts import t, texts_for

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}

MAX_LINKS = 65530            # Excel's limit of hyperlinks per worksheet
MAX_URL = 2079               # XlsxWriter's limit for the link and for the anchor



# Temuan: the widest each column may grow (the contract's columns, then the waiver columns and
# the fingerprint); wrapped columns grow their rows instead.
FINDING_CAPS = (6, 12, 24, 7, 26, 15, 18, 46, 11, 20, 22, 11, 24, 16, 7, 7, 24, 36, 16, 24, 16, 12, 24, 18)
FINDING_WRAPPED = frozenset({2, 4, 6, 7, 10, 12, 13, 16, 17, 19, 20, 22})
FINDING_FLOOR = (4, 9, 12, 6, 14, 12, 10, 30, 9, 9, 12, 9, 12, 8, 6, 6, 14, 24, 14, 12, 12, 11, 14, 18)
DROPDOWN_ROWS = 2000          # Tanggapan drop-down also on the blank rows below the findings


def texts(lang: str) -> dict:
    return texts_for("xlsx.", lang)


def rule_title(rule, lang: str) -> str:
    try:
        title = rule.text("title", lang)
    except Exception:  # noqa: BLE001 - a rule without a title in this language
        title = None
    return title or getattr(rule, "slug", "") or ""


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


_ESCAPED = re.compile(r"%[0-9a-fA-F]{2}")


class _Linker:
    """Hyperlinks from findings to their source cells: a path relative to the output's folder
    (`../units/d1.xlsx`), wherever the two are, so that the links still work when the folder
    holding both is moved or shared; an absolute link only where no relative one exists (another
    drive on Windows)."""

    def __init__(self, output: Path, local_only: bool = False, annotated=None):
        self.base = output.resolve().parent
        self.cache: dict[str, str | None] = {}
        self.count = 0
        self.local_only = local_only          # a hand-out: no link leaves the workbook
        self.annotated = annotated or {}

    def relative(self, file: str | None, must_exist: bool = True) -> str | None:
        if not file or self.local_only:
            return None
        if (file, must_exist) not in self.cache:
            self.cache[(file, must_exist)] = self._relative(file, must_exist)
        return self.cache[(file, must_exist)]

    def copy_url(self, file: str | None) -> str | None:
        """A link to the annotated copy written of `file` (made after this workbook, so it
        need not exist yet)."""
        copy = self.annotated.get(file) if file else None
        rel = self.relative(str(copy), must_exist=False) if copy else None
        if rel is None or self.count >= MAX_LINKS:
            return None
        self.count += 1
        return rel if rel.startswith("file:") else f"external:{rel}"

    def _relative(self, file: str, must_exist: bool = True) -> str | None:
        try:
            source = Path(file).resolve()
            if must_exist and not source.is_file():
                return None
            try:
                rel = Path(os.path.relpath(source, self.base)).as_posix()
            except ValueError:                # another drive: no relative path exists
                rel = source.as_uri()
        except (OSError, ValueError, RuntimeError):
            return None
        # XlsxWriter splits the URL at the first '#' and keeps '%xx' as already escaped.
        if "#" in rel or _ESCAPED.search(rel):
            return None
        if not is_clean(rel):
            # a control character (or a name that is not UTF-8) would break the relationships
            # XML: the name's exact bytes, percent-encoded, are still a valid target
            try:
                rel = quote(os.fsencode(rel), safe="/:")
            except UnicodeError:
                return None
        return rel if len(rel) <= MAX_URL else None

    def url(self, finding) -> str | None:
        if self.count >= MAX_LINKS or finding.row is None or not finding.sheet or not is_clean(finding.sheet):
            return None
        # a decree finding's cell is in the workbook it compares (decree-format.md §6.2)
        cell_file = (finding.workbook or {}).get("file") if getattr(finding, "document", None) else finding.file
        rel = self.relative(cell_file)
        if rel is None:
            return None
        column = (finding.column or "A").upper()
        if not re.fullmatch(r"[A-Z]{1,3}", column):
            column = "A"
        anchor = f"{_quote_sheet(finding.sheet)}!{column}{int(finding.row)}"
        if len(anchor) > MAX_URL:
            return None
        self.count += 1
        return (rel if rel.startswith("file:") else f"external:{rel}") + f"#{anchor}"


# --------------------------------------------------------------------------- writer



def write_workbook(result: RunResult, path, protect=(), hand_out: bool = False, annotated=None) -> Path:
    """Write the findings workbook to `path` atomically and return the path. `hand_out`: a
    unit's hand-out (--per-unit), a letter to its head: no rule catalogue, no file digests,
    no link into the bureau's folders. `annotated`: input file -> the annotated copy written
    of it, where a draft's findings link to (decree-format.md §6.2).

    Raises atomic.OutputIsInputError when `path` is one of the input files (or of `protect`)."""
    target = Path(os.fspath(path))
    refuse_inputs(target, [i.path for i in result.inputs] + list(protect))
    # tmpdir: XlsxWriter's own temporary files go to a folder this run owns and removes (issue 13)
    with atomic_output(target) as tmp, scratch_folder() as scratch:
        workbook = xlsxwriter.Workbook(tmp, {**WORKBOOK_OPTIONS, "tmpdir": scratch})
        try:
            _fill(workbook, result, target, hand_out, annotated or {})
        finally:
            workbook.close()
    return target


def _fill(workbook, result: RunResult, target: Path, hand_out: bool = False, annotated=None) -> None:
    lang = lang_of(result.lang)
    tx = texts(lang)
    workbook.set_properties({"title": tx["title"], "author": f"{result.tool} {result.version}"})
    workbook.set_custom_property(OUTPUT_PROPERTY, "findings")   # so a folder walk never takes it for a unit
    fmt = _formats(workbook)
    titles = {}
    for rule in result.rules:
        titles.setdefault(rule.id, rule_title(rule, lang))
    summary = workbook.add_worksheet(tx["sheet_summary"])
    findings = workbook.add_worksheet(tx["sheet_findings"])
    printed = workbook.add_worksheet(tx["sheet_print"])
    SummaryWriter(workbook, summary, result, tx, fmt, _s, titles, hand_out).write()
    linker = _Linker(target, local_only=hand_out, annotated=annotated)
    overflow = [_write_findings(findings, result, tx, fmt, lang, linker, titles)]
    PrintSheet(workbook, printed, result, tx, fmt, _s, _Linker(target, local_only=hand_out),
               lambda inp: _status_words(result, inp, lang), hand_out).write()
    if not hand_out:
        _write_rules(workbook.add_worksheet(tx["sheet_rules"]), result, tx, fmt, lang)
        _write_files(workbook.add_worksheet(tx["sheet_files"]), result, tx, fmt)
    if result.comparison is not None:
        overflow.append(_write_changes(workbook.add_worksheet(t("compare.sheet", lang)), result, tx, fmt, lang))
    if result.filter:
        overflow.insert(0, tx["filtered"].format(what=result.filter.describe(lang)))
    notes = [note for note in overflow if note]
    if notes:                    # Ringkasan's free row under its title: what a sheet could not hold
        _s(summary, 2, 0, " ".join(notes), fmt["alert"])     # a filter's values are the user's text


def _status_words(result: RunResult, inp, lang: str) -> str | None:
    """"Status menurut workbook: Tidak Patuh", as the terminal says it, for a print heading."""
    status = status_word(result, inp, lang)
    if status is None:
        return t("xlsx.status_unreadable", lang)
    drafts = inp.kind == "workbook" and result.drafts_of(inp)          # checked with its SK (decree-format §6.2)
    return t("xlsx.print_status_sk" if drafts else "xlsx.print_status", lang, status=status)


def _fitted(rows: list, ws, sheet: str, tx: dict, fmt: dict, lang: str) -> tuple[list, str | None]:
    """The rows that fit on `ws` below its header; when some do not, the last row of the sheet
    says so (and a note on its first header cell), and that text is returned for Ringkasan."""
    if len(rows) <= layout.rows_that_fit(len(rows)):
        return rows, None
    shown = layout.rows_that_fit(len(rows), above=2)          # the header, and the row saying so
    n = lambda k: layout.count_text(k, lang)  # noqa: E731
    note = tx["overflow"].format(sheet=sheet, shown=n(shown), total=n(len(rows)), rows=n(layout.SHEET_ROWS))
    ws.write_string(shown + 1, 0, note, fmt["alert"])
    ws.write_comment(0, 0, note, {"author": "cek-pokja", "x_scale": 3, "y_scale": 2})
    return rows[:shown], note


def _formats(workbook) -> dict:
    base = {"valign": "top"}
    fmt = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "note": workbook.add_format({"italic": True, "font_color": "#404040"}),
        "label": workbook.add_format({"bold": True, **base}),
        "header": workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True,
                                       "valign": "top"}),
        "text": workbook.add_format(base),
        "wrap": workbook.add_format({"text_wrap": True, **base}),
        "num": workbook.add_format({"align": "center", **base}),
        "num_left": workbook.add_format({"align": "left", **base}),
        "link": workbook.add_format({"font_color": "#0563C1", "underline": 1, "align": "center", **base}),
        "link_left": workbook.add_format({"font_color": "#0563C1", "underline": 1, **base}),
        "link_wrap": workbook.add_format({"font_color": "#0563C1", "underline": 1, "text_wrap": True, **base}),
        "pending_num": workbook.add_format({"bg_color": "#DDEBF7", "font_color": "#1F4E78", "align": "center",
                                            **base}),
        "alert": workbook.add_format({"bold": True, "font_color": "#9C0006"}),
    }
    for sev, colour in SEVERITY_FILL.items():
        fmt["sev_" + sev] = workbook.add_format({"bg_color": "#" + colour, **base})
        fmt["sev_wrap_" + sev] = workbook.add_format({"bg_color": "#" + colour, "text_wrap": True, **base})
    for label, colour in LABEL_FILL.items():
        fmt["lab_" + label] = workbook.add_format({"bg_color": "#" + colour, **base})
        fmt["labnum_" + label] = workbook.add_format({"bg_color": "#" + colour, "align": "center", **base})
        fmt["lab_wrap_" + label] = workbook.add_format({"bg_color": "#" + colour, "text_wrap": True, **base})
    # `<status>_wrap`: Ringkasan's status column, where "Tidak Patuh (menurut workbook dan
    # rancangan SK)" wraps in its coloured cell instead of being cut by the next column
    for key, colours in STATUS_COLOURS.items():
        fmt[key] = workbook.add_format({**colours, **base})
        fmt[key + "_wrap"] = workbook.add_format({**colours, "text_wrap": True, **base})
    return fmt


STATUS_COLOURS = {
    "ok": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "bad": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "grey": {"bg_color": "#D9D9D9"},
    "pending": {"bg_color": "#DDEBF7", "font_color": "#1F4E78"},   # Belum Menyampaikan: sent no workbook
}


def _s(ws, row, col, value, cell_format=None) -> None:
    """Write an input-derived value: always as a string cell without control characters,
    blank when None/empty."""
    if value is None:
        return
    value = clean(value, lines=True)
    if value == "":
        return
    ws.write_string(row, col, value, cell_format)


def _header(ws, row, labels, fmt) -> None:
    for col, label in enumerate(labels):
        ws.write_string(row, col, label, fmt["header"])


class _Table:
    """A plain sheet: header on row 1, then rows; widths fitted, heights set, print-ready."""

    def __init__(self, ws, header, fmt, caps, wrapped=frozenset(), floors=None):
        self.ws, self.header, self.fmt, self.caps, self.wrapped = ws, list(header), fmt, caps, wrapped
        self.floors = floors or [6] * len(self.header)
        self.cells: list[list] = []          # the text of each row, to size columns and rows
        _header(ws, 0, self.header, fmt)

    def text(self, r: int, c: int, value, cell_format=None) -> None:
        _s(self.ws, r, c, value, cell_format or (self.fmt["wrap"] if c in self.wrapped else self.fmt["text"]))
        self._note(r, c, value)

    def number(self, r: int, c: int, value, cell_format=None) -> None:
        self.ws.write_number(r, c, value, cell_format or self.fmt["num"])
        self._note(r, c, value)

    def _note(self, r: int, c: int, value) -> None:
        while len(self.cells) < r:
            self.cells.append([None] * len(self.header))
        self.cells[r - 1][c] = value

    def finish(self, footer: str, print_cols: int | None = None) -> list[float]:
        ws = self.ws
        widths = [layout.fit_width([row[c] for row in self.cells], self.header[c], self.floors[c], self.caps[c])
                  for c in range(len(self.header))]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        head = layout.row_points(self.header, widths)
        if head:
            ws.set_row(0, head)
        for r, row in enumerate(self.cells, start=1):
            points = layout.row_points(row, widths, self.wrapped)
            if points:
                ws.set_row(r, points)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(self.cells), 1), len(self.header) - 1)
        last = (print_cols or len(self.header)) - 1
        layout.xlsxwriter_page(ws, 0, "&C" + footer, last_col=last, last_row=len(self.cells))
        return widths


def _write_changes(ws, result: RunResult, tx: dict, fmt: dict, lang: str) -> str | None:
    """Perubahan: every finding as new / still open / resolved against the earlier run; returns
    the note saying what did not fit, if any."""
    table = result.comparison.rows(lang)
    out = _Table(ws, table[0], fmt, (10, 11, 7, 15, 50, 11, 20, 22, 11, 24, 16, 7, 7, 18), frozenset({4, 7, 9}))
    rows, note = _fitted(table[1:], ws, t("compare.sheet", lang), tx, fmt, lang)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, int):
                out.number(r, c, value)
            else:
                out.text(r, c, value)
    out.finish(tx["footer"])
    return note


# ------------------------------------------------------------------ Temuan / Findings

def finding_columns(tx: dict, decree: bool):
    """Temuan's columns before the waiver columns, with their caps, floors and wrapped set; a
    run with decree drafts has `Lokasi di SK` and `Nilai di Workbook` after `Kolom`
    (decree-format.md §6.2), a run without keeps its former columns."""
    base = len(tx["finding_cols"])
    cols, caps, floors = list(tx["finding_cols"]), list(FINDING_CAPS[:base]), list(FINDING_FLOOR[:base])
    wrapped = {c for c in FINDING_WRAPPED if c < base}
    if decree:
        cols[DECREE_AT:DECREE_AT] = list(tx["decree_cols"])
        caps[DECREE_AT:DECREE_AT] = [30, 40]
        floors[DECREE_AT:DECREE_AT] = [14, 14]
        wrapped = {c + 2 if c >= DECREE_AT else c for c in wrapped} | {DECREE_AT, DECREE_AT + 1}
    caps += list(FINDING_CAPS[base:])
    floors += list(FINDING_FLOOR[base:])
    wrapped |= {c - base + len(cols) for c in FINDING_WRAPPED if c >= base}
    return cols, tuple(caps), tuple(floors), frozenset(wrapped)


DECREE_AT = 16                # where a run with drafts inserts its two columns (after Kolom)


def _write_findings(ws, result: RunResult, tx: dict, fmt: dict, lang: str, linker, titles: dict) -> str | None:
    """Temuan: one row per finding, as many as the sheet holds (the note saying so is returned)."""
    # The waiver columns (filled in by the unit) and the fingerprint make every findings
    # workbook usable as the next run's --waivers and --compare file.
    extra = [*t("waivers.columns", lang), t("waivers.status_column", lang), t("waivers.fingerprint_column", lang)]
    decree = bool(result.drafts())
    cols, caps, floors, wrapped = finding_columns(tx, decree)
    base = len(cols)
    shift = 2 if decree else 0
    out = _Table(ws, cols + extra, fmt, caps, wrapped, floors)
    shown, note = _fitted(result.findings, ws, tx["sheet_findings"], tx, fmt, lang)
    for r, f in enumerate(shown, start=1):
        label = label_of(f.severity, f.basis or "", lang).capitalize()     # in the workbook's language
        out.number(r, 0, r)
        out.text(r, 1, f.unit)
        out.text(r, 2, f.unit_name)
        out.text(r, 3, f.rule)
        out.text(r, 4, titles.get(f.rule) or f.slug)
        out.text(r, 5, label, fmt.get("sev_" + f.severity))
        out.text(r, 6, f.basis)
        out.text(r, 7, f.message)
        out.text(r, 8, f.pokja)
        out.text(r, 9, f.nip)
        out.text(r, 10, f.name)
        out.text(r, 11, f.target)
        _file_cell(ws, out, r, f, linker, fmt, tx)
        if f.sheet:
            out.text(r, 13, f"{f.sheet} ({tx['hidden']})" if f.sheet_hidden else f.sheet)
        if f.row is not None:
            _row_number(ws, out, r, f, linker, fmt, tx)
        out.text(r, 15, f.column)
        if decree:
            out.text(r, DECREE_AT, (f.document or {}).get("label"))
            out.text(r, DECREE_AT + 1, (f.workbook or {}).get("value"))
        out.text(r, 16 + shift, f.found)
        out.text(r, 17 + shift, f.hint)
        cells = result.waivers.cells(f, lang) if result.waivers is not None else [""] * 5
        for j, value in enumerate(cells + [f.fingerprint]):
            out.text(r, base + j, value)
    widths = out.finish(tx["footer"], print_cols=base)
    responses = list(t("waivers.responses", lang))
    last = len(shown) if note else layout.rows_that_fit(max(DROPDOWN_ROWS, len(shown)))
    ws.data_validation(1, base, last, base, {
        "validate": "list", "source": responses, "ignore_blank": True, "error_type": "warning",
        "input_title": extra[0][:32], "input_message": t("waivers.response_prompt", lang)[:255]})
    ws.set_column(base, base, max(widths[base], max(len(x) for x in responses) + 4))
    # The full table is for filtering on screen: 24 columns print unreadably small on A4. Its
    # print area is one cell beside the header, saying which sheet prints (output-format.md v3).
    at = len(out.header) + 1
    ws.write_string(0, at, tx["findings_print_note"], fmt["note"])
    ws.set_column(at, at, len(tx["findings_print_note"]) + 2)
    ws.print_area(0, at, 0, at)
    return note


def _file_cell(ws, out, r: int, f, linker, fmt, tx) -> None:
    """Berkas: the file as given; a decree draft's linked to its annotated copy when one is
    written (decree-format.md §6.2)."""
    url = linker.copy_url(f.file) if getattr(f, "document", None) is not None else None
    if url is not None and is_clean(f.file or ""):
        ws.write_url(r, 12, url, fmt["link_left"], f.file, tx["copy_tip"])
        out._note(r, 12, f.file)
    else:
        out.text(r, 12, f.file)


def _row_number(ws, out, r: int, f, linker, fmt, tx) -> None:
    """Baris: a number (so that row 10 sorts after row 3), linked to the cell in the source file."""
    url = linker.url(f)
    if url is not None:
        ws.write_url(r, 14, url, fmt["link"], str(int(f.row)), tx["link_tip"])
    out.number(r, 14, int(f.row), fmt["link"] if url is not None else None)   # keeps the link, a number cell


# ------------------------------------------------------------------ Aturan / Rules

def _write_rules(ws, result: RunResult, tx: dict, fmt: dict, lang: str) -> None:
    out = _Table(ws, tx["rule_cols"], fmt, (6, 30, 15, 26, 24, 70, 40), frozenset({1, 3, 4, 5, 6}))
    for r, rule in enumerate(result.rules, start=1):
        sev = getattr(rule, "severity", "")
        label = label_of(sev, getattr(rule, "basis", ""), lang).capitalize()
        out.text(r, 0, rule.id)
        out.text(r, 1, getattr(rule, "slug", ""))
        out.text(r, 2, label, fmt.get("sev_" + str(sev)))
        out.text(r, 3, ", ".join(stages_from(getattr(rule, "from_stage", ""))))
        out.text(r, 4, getattr(rule, "basis", ""))
        out.text(r, 5, getattr(rule, "legal_text", ""))
        out.text(r, 6, rule_title(rule, lang))
    out.finish(tx["footer"])


# ------------------------------------------------------------------ Berkas / Files

def _write_files(ws, result: RunResult, tx: dict, fmt: dict) -> None:
    """Every input; in a run with decree drafts also each file's kind and each draft's pairing
    and status (decree-format.md §6.2)."""
    decree = bool(result.drafts())
    header = list(tx["file_cols"]) + (list(tx["draft_file_cols"]) if decree else [])
    out = _Table(ws, header, fmt, (50, 66, 14, 60, 14, 50, 18), frozenset({0, 3, 5}))
    for r, inp in enumerate(result.inputs, start=1):
        out.text(r, 0, inp.file)
        out.text(r, 1, inp.sha256)
        out.text(r, 2, inp.unit)
        if inp.status == "checked":
            out.text(r, 3, tx["checked"], fmt["ok"])
        elif inp.status == "not_submitted":
            out.text(r, 3, tx["not_submitted"], fmt["grey"])
        elif inp.status in ("not_read", "not_a_decree"):
            out.text(r, 3, tx["draft_" + inp.status], fmt["grey"])
        else:
            status = f"{tx['unreadable']}: {inp.detail}" if inp.detail else tx["unreadable"]
            out.text(r, 3, status, fmt["bad"])
        if decree:
            out.text(r, 4, tx["kind_sk"] if inp.kind == "sk" else tx["kind_workbook"])
            if inp.kind == "sk":
                out.text(r, 5, inp.paired_with or tx["draft_alone"])
                out.text(r, 6, tx["pairing_" + inp.pairing] if inp.pairing else None)
    out.finish(tx["footer"])
