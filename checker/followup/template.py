"""`cek-pokja template`: a blank unit workbook to fill in (input-format.md), generated from
checker/input/contract.py (sheets, canonical column labels, vocabularies), never hand-copied.

    write_template(path, unit_code=None, tahun=None, lang="id") -> str

Layout of every data sheet: the canonical header on row 1 (frozen), ONE example row on
row 2 whose first cell starts with EXAMPLE_MARKER ("CONTOH:"), written in grey italics,
and the user's data from row 3 on. The checker ignores the example row through the
loader rule `contract.is_example_row`: a data row whose first non-empty cell, as trimmed
text, starts with "CONTOH:" (case-insensitive). A user who types over the example row
replaces the marker, so the row becomes data; deleting it is fine too.

MPH uses the long layout (one row per employee and target: NIP, ID Pegawai, Nama, Kode
Target, Peran Hasil, Kode Pokja): its columns are known before the PK targets are, so it
can carry formats and validations; the matrix layout stays accepted by the checker.

Sheet `Petunjuk` comes first: how to fill each sheet and the article each one serves, then
one line per column (required from which stage, kind of value, accepted names). Only the
instructions are translated with lang="en"; sheet and column names are the contract's.

Vocabulary columns get a drop-down list of the canonical values (error style "warning":
the accepted synonyms can still be typed). NIP columns are text ("@") so Excel keeps all
18 digits; date columns carry a date format; Tahun Kinerja a whole-number format.
Formats and validations cover rows 2..FORMAT_ROWS+1; the text/date formats are also set
on the whole column (Excel applies a column's style to newly typed cells).

openpyxl is imported inside write_template only: importing this module is cheap.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Any

from checker.input import contract, vocab
from checker.input.contract import EXAMPLE_MARKER
from checker.input.values import cell_text
from checker.texts import CATALOGUE, t, texts_for

# Tahun Kinerja the template may prefill: the years the checker reads as one (input/values.py parse_year)
YEAR_RANGE = (1900, 2100)
HEADER_ROW = 1
EXAMPLE_ROW = 2
FIRST_DATA_ROW = 3
FORMAT_ROWS = 1000                      # rows 2..1001 carry formats and drop-downs
GUIDE_SHEET = "Petunjuk"
DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"
YEAR_FORMAT = "0"

# Header fills: green for a column required from "rancangan", grey for the others; neither looks
# like the fill of a finding in an annotated copy (orange, yellow, blue: terms.SEVERITY_FILL).
HEADER_FILL = "E7E6E6"
REQUIRED_FILL = "A9D08E"
GUIDE_WIDTHS = (22, 34, 70, 40, 40)
EXAMPLE_FONT_COLOR = "808080"


# ---------------------------------------------------------------------------- example rows
# One example per column (fictional people). The first column's value gets the marker.

_NIP_A = "198602142010122001"
_NIP_B = "197503122000031001"

EXAMPLES: dict[str, dict[str, Any]] = {
    "unit": {
        "kode_unit": "D1.AS1", "nama_unit": "Asisten Deputi Contoh",
        "unit_jpt_madya": "Deputi Bidang Koordinasi Contoh", "nip_jpt_pratama": _NIP_B,
        "nama_jpt_pratama": "Dr. Bambang Sutrisno, S.E., M.Si.", "nip_jpt_madya": "196801051992031002",
        "nama_jpt_madya": "Ir. Sri Rahayu, M.P.P.", "nip_plt_jpt_pratama": "", "pola_struktur": "A",
        "tahun_kinerja": 2025, "instansi": vocab.DEFAULT_INSTANSI,
    },
    "pk": {
        "kode_target": "PK-01", "sasaran": "Terwujudnya kebijakan yang efektif",
        "indikator_kinerja": "Persentase rekomendasi kebijakan yang ditindaklanjuti", "target": "80",
        "satuan": "%",
    },
    "pegawai": {
        "nip": _NIP_A, "id_pegawai": "", "nama": "Rina Wulandari, S.E., M.Ec.", "jenis_jabatan": "Fungsional",
        "nama_jabatan": "Analis Kebijakan Ahli Muda", "status_kepegawaian": "PNS",
    },
    "mph": {
        "nip": _NIP_A, "id_pegawai": "", "nama": "Rina Wulandari, S.E., M.Ec.", "kode_target": "PK-01",
        "peran_hasil": "Menyusun rekomendasi kebijakan", "kode_pokja": "SUB-1",
    },
    "pokja": {
        "kode_pokja": "SUB-1", "nama_pokja": "Pokja Kebijakan", "jenis_pokja": "Substansi",
        "kode_target": "PK-01, PK-02", "tugas_pokja": "Menyusun dan memantau rekomendasi kebijakan",
        "nomor_sk": "KEP-12/D.1.1/01/2025", "tanggal_sk": date(2025, 1, 20), "nip_penetap_sk": _NIP_B,
        "tanggal_konsultasi_ortala": date(2025, 1, 15), "tanggal_mulai": date(2025, 1, 20),
        "tanggal_selesai": date(2025, 12, 31), "tanggal_persetujuan_rencana_kerja": date(2025, 1, 27),
        "tanggal_laporan": date(2025, 12, 15), "tanggal_diterima_jpt_madya": date(2025, 12, 20),
    },
    "anggota": {
        "kode_pokja": "SUB-1", "nip": _NIP_A, "id_pegawai": "", "nama": "Rina Wulandari, S.E., M.Ec.",
        "kedudukan": "Ketua", "jenis_jabatan": "Fungsional", "nama_jabatan": "Analis Kebijakan Ahli Muda",
        "kode_unit_asal": "", "instansi_asal": "", "cara_penugasan": "Penunjukan",
        "nomor_persetujuan_pimpinan": "", "uraian_tugas": "Memimpin penyusunan rekomendasi kebijakan",
        "output": "Dokumen rekomendasi kebijakan", "tanggal_rekomendasi_penilaian": "",
    },
    "surat_tugas": {
        "nomor_surat_tugas": "ST-07/D.1.1/02/2025", "tanggal": date(2025, 2, 3), "nip": _NIP_A,
        "nama": "Rina Wulandari, S.E., M.Ec.", "kode_target": "PK-02",
        "uraian_tugas": "Menyusun bahan paparan kinerja triwulan", "output": "Bahan paparan kinerja triwulan",
    },
}

# ---------------------------------------------------------------------------- instructions
# Per sheet kind: the article it serves (its instructions are in checker/texts/followup_texts.py).

SHEET_BASIS = {
    "unit": "Pasal 2 ayat (3); Lampiran II.C.1",
    "pk": "Pasal 2 ayat (2), ayat (6) huruf a; Lampiran II.B.1.a",
    "pegawai": "Pasal 2 ayat (4); Lampiran II.D.3.b.1), II.D.4.c",
    "mph": "Lampiran II.B.1.b.3), II.C.2.a, II.C.4.b.3)",
    "pokja": "Pasal 2 ayat (2), (3), (6) huruf a-b; Lampiran II.D.2, II.D.3.a, II.D.5",
    "anggota": "Pasal 2 ayat (4), (5), (6) huruf c; Lampiran II.C.2.c, II.C.6, II.D.3.b, II.D.4",
    "surat_tugas": "Lampiran II.C.2.b.1)",
}



VOCAB_TITLES = {"jenis_jabatan": "Jenis Jabatan", "kedudukan": "Kedudukan", "jenis_pokja": "Jenis Pokja",
                "cara_penugasan": "Cara Penugasan", "pola": "Pola Struktur"}


canonical_values = vocab.canonical_values
synonyms = vocab.synonyms


def template_columns(kind: str) -> tuple[contract.ColumnSpec, ...]:
    """The columns the template writes for a sheet kind (MPH: the long layout)."""
    if kind == "mph":
        return contract.MPH_LONG_COLUMNS
    return contract.SHEETS_BY_KIND[kind].columns


def _kind_text(col: contract.ColumnSpec, lang: str) -> str:
    k = t("template.kinds", lang)
    if col.vocab:
        return k["vocab"] + ", ".join(canonical_values(col.vocab))
    return k.get(col.kind, col.kind)


# Conditional columns: when they are needed (input-format.md).


def _required_text(col: contract.ColumnSpec, lang: str, kind: str = "") -> str:
    req = t("template.req", lang)
    if col.required == "conditional" and col.kind == "nip":
        return req["rancangan"] + "*"
    note = f"template.note.{kind}.{col.field}"
    if col.required == "conditional" and note in CATALOGUE:
        return t(note, lang)
    return req.get(col.required, str(col.required))


# ---------------------------------------------------------------------------- writer

def write_template(path, unit_code: str | None = None, tahun: int | str | None = None,
                   lang: str = "id", *, overwrite: bool = False) -> str:
    """Write the blank unit workbook to `path` (atomically) and return the path.

    `unit_code` / `tahun` prefill Kode Unit / Tahun Kinerja on the Unit sheet's first data
    row (row 3), with Instansi set to the default instansi. An existing file is replaced
    only with overwrite=True (a filled workbook is easily named like its template):
    otherwise FileExistsError, whose user text is `exists_message(path, lang)`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from checker.output.atomic import atomic_output

    lang = "en" if lang == "en" else "id"
    target = os.fspath(path)
    if not overwrite and os.path.exists(target):
        raise FileExistsError(target)
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    _write_guide(guide, lang, Font, Alignment, PatternFill)
    styles = {"head_font": Font(bold=True), "head_fill": PatternFill("solid", fgColor=HEADER_FILL),
              "req_fill": PatternFill("solid", fgColor=REQUIRED_FILL),
              "example_font": Font(italic=True, color=EXAMPLE_FONT_COLOR),
              "wrap": Alignment(wrap_text=True, vertical="top")}
    from checker.output.layout import openpyxl_page
    footer = t("annotate.footer", lang)
    openpyxl_page(guide, None, footer)
    for spec in contract.SHEETS:
        ws = wb.create_sheet(spec.label)
        cols = template_columns(spec.kind)
        _write_data_sheet(ws, spec.kind, cols, styles, lang)
        if spec.kind == "unit" and (unit_code or tahun):
            _prefill_unit(ws, cols, unit_code, tahun)
        openpyxl_page(ws, HEADER_ROW, footer)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def _write_data_sheet(ws, kind: str, cols, styles: dict, lang: str) -> None:
    """Header row, example row, formats and drop-downs of one data sheet."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = EXAMPLE_ROW + FORMAT_ROWS - 1
    example = EXAMPLES.get(kind, {})
    validations: dict[str, DataValidation] = {}
    for ci, col in enumerate(cols, start=1):
        letter = get_column_letter(ci)
        fmt = _number_format(col)
        _header_cell(ws, ci, letter, col, fmt, styles)
        _example_cell(ws, ci, example.get(col.field, ""), fmt, styles)
        if fmt is not None:             # the fill-in rows get a style only; they stay empty
            for r in range(FIRST_DATA_ROW, last + 1):
                ws.cell(row=r, column=ci).number_format = fmt
        if col.vocab:
            dv = validations.get(col.vocab)
            if dv is None:
                dv = validations[col.vocab] = _validation(DataValidation, col.vocab, lang)
                ws.add_data_validation(dv)
            dv.add(f"{letter}{EXAMPLE_ROW}:{letter}{last}")
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    from checker.output.layout import row_points
    widths = [ws.column_dimensions[get_column_letter(ci)].width for ci in range(1, len(cols) + 1)]
    ws.row_dimensions[HEADER_ROW].height = row_points([c.label for c in cols], widths) or 18


def _header_cell(ws, ci: int, letter: str, col, fmt, styles: dict) -> None:
    h = ws.cell(row=HEADER_ROW, column=ci, value=col.label)
    h.data_type = "s"
    h.font = styles["head_font"]
    h.fill = styles["req_fill"] if contract.missing_column_stage(col) == "rancangan" else styles["head_fill"]
    h.alignment = styles["wrap"]
    ws.column_dimensions[letter].width = column_width(col)
    if fmt is not None:
        ws.column_dimensions[letter].number_format = fmt


# Widths (in characters of the default font) a value needs: an 18-digit NIP with a little margin,
# a person's name with degrees ("Dr. Bambang Sutrisno, S.E., M.Si." is 33), a dd/mm/yyyy date.
NIP_WIDTH, NAME_WIDTH, DATE_WIDTH = 21, 34, 12
PERSON_NAME_FIELDS = frozenset({"nama", "nama_jpt_pratama", "nama_jpt_madya"})


def column_width(col: contract.ColumnSpec) -> float:
    """A column's width: wide enough for the values it holds (a NIP, a name, a date); a long
    column name wraps onto two lines rather than widening the sheet past a readable print."""
    width = max(12, min(22, len(col.label) + 2))
    if col.kind in ("text", "codes") and len(col.label) > 6:
        width = 22
    if col.kind == "nip":
        width = max(width, NIP_WIDTH)
    elif col.kind == "date":
        width = max(width, DATE_WIDTH)
    elif col.field in PERSON_NAME_FIELDS:
        width = max(width, NAME_WIDTH)
    return width


def _example_cell(ws, ci: int, value, fmt, styles: dict) -> None:
    if ci == 1:
        value = f"{EXAMPLE_MARKER} {cell_text(value)}".rstrip()
    cell = ws.cell(row=EXAMPLE_ROW, column=ci)
    if value not in ("", None):
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    cell.font = styles["example_font"]
    if fmt is not None:
        cell.number_format = fmt


def exists_message(path, lang: str = "id") -> str:
    return t("template.exists", lang, path=os.fspath(path))


def _number_format(col: contract.ColumnSpec) -> str | None:
    if col.kind == "nip":
        return TEXT_FORMAT
    if col.kind == "date":
        return DATE_FORMAT
    if col.kind == "year":
        return YEAR_FORMAT
    if col.kind in ("code", "codes"):
        return TEXT_FORMAT               # "1", "01" and "1.2" stay as typed
    return None


def _validation(DataValidation, vocab: str, lang: str):
    values = canonical_values(vocab)
    formula = '"' + ",".join(values) + '"'
    if len(formula) > 257:               # Excel's limit for an inline list (255 + quotes)
        raise ValueError(f"vocabulary {vocab} too long for an inline list")
    title = VOCAB_TITLES.get(vocab, vocab)
    if lang == "en":
        msg = "Choose a standard value. An accepted synonym may be typed (see the Petunjuk sheet)."
        err = "Not a standard value. Keep it only if it is an accepted synonym listed on the Petunjuk sheet."
    else:
        msg = "Pilih nilai baku. Sinonim yang diterima boleh diketik (lihat sheet Petunjuk)."
        err = "Bukan nilai baku. Pertahankan hanya bila termasuk sinonim yang diterima di sheet Petunjuk."
    return DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                          showErrorMessage=True, errorStyle="warning", errorTitle=title[:32], error=err,
                          showInputMessage=True, promptTitle=title[:32], prompt=msg)


def _prefill_unit(ws, cols, unit_code, tahun) -> None:
    fields = [c.field for c in cols]
    values = {"kode_unit": unit_code, "tahun_kinerja": tahun, "instansi": vocab.DEFAULT_INSTANSI}
    for f, v in values.items():
        if v in (None, "") or f not in fields:
            continue
        cell = ws.cell(row=FIRST_DATA_ROW, column=fields.index(f) + 1)
        if f == "tahun_kinerja":
            try:
                v = int(str(v).strip())
            except ValueError:
                v = str(v)
        cell.value = v
        if isinstance(v, str):
            cell.data_type = "s"


def _write_guide(ws, lang, Font, Alignment, PatternFill) -> None:
    L = texts_for("template.", lang)
    bold = Font(bold=True)
    title = Font(bold=True, size=14)
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows: list[tuple[list, str]] = []      # (values, style)
    lines = L["general"]
    rows.append(([lines[0]], "title"))
    rows.append(([], ""))
    for line in lines[1:]:
        rows.append((["• " + line], "plain"))
    rows.append(([], ""))
    rows.append(([L["sheets"]], "bold"))
    rows.append(([L["sheet"], L["basis"], L["guide"]], "head"))
    for spec in contract.SHEETS:
        name = spec.label + ("" if spec.required else L["optional_sheet"])
        rows.append(([name, SHEET_BASIS[spec.kind], L["guide." + spec.kind]], "wrap"))
    rows.append(([], ""))
    rows.append(([L["columns"]], "bold"))
    rows.append(([L["sheet"], L["column"], L["required"], L["kind"], L["aliases"]], "head"))
    for spec in contract.SHEETS:
        for col in template_columns(spec.kind):
            rows.append(([spec.label, col.label, _required_text(col, lang, spec.kind), _kind_text(col, lang),
                          ", ".join(col.aliases)], "wrap"))
    rows.append(([L["nip_note"]], "plain"))
    rows.append(([], ""))
    rows.append(([L["vocab"]], "bold"))
    rows.append(([L["column"], L["value"], L["synonyms"]], "head"))
    for vocab_name, label in VOCAB_TITLES.items():
        for canon, syns in synonyms(vocab_name).items():
            rows.append(([label, canon, ", ".join(syns)], "wrap"))
    from checker.output.layout import row_points
    span = len(GUIDE_WIDTHS)
    for r, (values, style) in enumerate(rows, start=1):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.data_type = "s"
            if style == "title":
                cell.font = title
            elif style in ("bold", "head"):
                cell.font = bold
            if style == "head":
                cell.fill = head_fill
            cell.alignment = wrap
        if style in ("title", "bold", "plain") and values:
            # a paragraph: across the whole table, wrapped, its row as high as its lines
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
            points = row_points(values, [sum(GUIDE_WIDTHS)])
        else:
            points = row_points(values, GUIDE_WIDTHS)
        if points:
            ws.row_dimensions[r].height = points + (6 if style == "title" else 0)
    for letter, width in zip("ABCDE", GUIDE_WIDTHS):
        ws.column_dimensions[letter].width = width
