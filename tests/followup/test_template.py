"""`cek-pokja template`: checker/template.py."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from rule_examples import load_base

from checker.followup.template import (
    DATE_FORMAT,
    EXAMPLE_ROW,
    FIRST_DATA_ROW,
    FORMAT_ROWS,
    GUIDE_SHEET,
    SHEET_BASIS,
    canonical_values,
    exists_message,
    template_columns,
    write_template,
)
from checker.input import contract, vocab
from checker.input.contract import EXAMPLE_MARKER, is_example_row
from checker.load.unit_workbook import load_workbook
from checker.pipeline import run

STAGES = ("rancangan", "penetapan", "evaluasi")


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """Templates written once for the tests that only read them: {"blank", "en", "prefilled",
    "filled", "filled_no_examples"} -> path (writing one costs about a second)."""
    d = tmp_path_factory.mktemp("templates")
    out = {"blank": write_template(d / "t.xlsx"), "en": write_template(d / "en.xlsx", lang="en"),
           "prefilled": write_template(d / "p.xlsx", unit_code="D1.AS1", tahun=2025)}
    out["filled"] = _fill(write_template(d / "f.xlsx"), drop_examples=False)
    out["filled_no_examples"] = _fill(write_template(d / "fn.xlsx"), drop_examples=True)
    return out


@pytest.fixture(scope="module")
def blank(written):
    """The blank template opened once, for the tests that only look at it."""
    return openpyxl.load_workbook(written["blank"])


def _check(path, stage="penetapan"):
    return run.check([str(path)], stage=stage, engine="pandas")


def _fill(path, *, drop_examples: bool):
    """Write the compliant unit of rules/_example_base.yaml under the template's headers."""
    wb = openpyxl.load_workbook(path)
    for name, sheet in load_base().items():
        ws = wb[name]
        if drop_examples:
            ws.delete_rows(EXAMPLE_ROW)
        first = EXAMPLE_ROW if drop_examples else FIRST_DATA_ROW
        labels = [c.value for c in ws[1]]
        for i, row in enumerate(sheet["rows"]):
            r = first + i
            for label, value in zip(sheet["header"], row):
                col = labels.index(label) + 1          # every base column exists in the template
                cell = ws.cell(row=r, column=col)
                if value in ("", None):
                    cell.value = None
                    continue
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
    wb.save(path)
    return path


# ------------------------------------------------------------------ structure

def test_sheets_columns_and_example_rows(blank):
    assert blank.sheetnames == [GUIDE_SHEET] + [s.label for s in contract.SHEETS]
    for spec in contract.SHEETS:
        ws = blank[spec.label]
        cols = template_columns(spec.kind)
        assert [c.value for c in ws[1]] == [c.label for c in cols]
        assert ws.freeze_panes == "A2"
        first = ws.cell(row=EXAMPLE_ROW, column=1)
        assert str(first.value).startswith(EXAMPLE_MARKER)
        assert first.font.i is True
        assert is_example_row([c.value for c in ws[EXAMPLE_ROW]])
        assert ws.max_row == EXAMPLE_ROW + FORMAT_ROWS - 1      # formatted, empty fill-in rows
        assert all(c.value is None for c in ws[FIRST_DATA_ROW])
    # MPH is the long layout: every long column
    assert [c.value for c in blank["MPH"][1]] == [c.label for c in contract.MPH_LONG_COLUMNS]


def test_dropdowns_for_every_vocabulary_column(blank):
    seen = set()
    for spec in contract.SHEETS:
        ws = blank[spec.label]
        dvs = ws.data_validations.dataValidation
        for i, col in enumerate(template_columns(spec.kind), start=1):
            letter = openpyxl.utils.get_column_letter(i)
            covering = [dv for dv in dvs if f"{letter}{FIRST_DATA_ROW}" in dv.sqref]
            if not col.vocab:
                assert not covering, (spec.label, col.label)
                continue
            seen.add(col.vocab)
            assert len(covering) == 1, (spec.label, col.label)
            dv = covering[0]
            assert dv.type == "list" and dv.allow_blank
            assert dv.formula1.strip('"').split(",") == canonical_values(col.vocab)
            assert f"{letter}{EXAMPLE_ROW + FORMAT_ROWS - 1}" in dv.sqref
            assert dv.errorStyle == "warning"          # accepted synonyms may still be typed
    assert seen == {"jenis_jabatan", "kedudukan", "jenis_pokja", "cara_penugasan", "pola"}


def test_nip_text_and_date_formats(blank):
    kinds = set()
    for spec in contract.SHEETS:
        ws = blank[spec.label]
        for i, col in enumerate(template_columns(spec.kind), start=1):
            letter = openpyxl.utils.get_column_letter(i)
            want = {"nip": "@", "date": DATE_FORMAT}.get(col.kind)
            if want is None:
                continue
            kinds.add(col.kind)
            assert ws.column_dimensions[letter].number_format == want, (spec.label, col.label)
            for r in (EXAMPLE_ROW, FIRST_DATA_ROW, EXAMPLE_ROW + FORMAT_ROWS - 1):
                assert ws[f"{letter}{r}"].number_format == want, (spec.label, col.label, r)
    assert kinds == {"nip", "date"}
    # the example NIP is text, the example dates are dates
    assert blank["Pegawai"]["A2"].data_type == "s"
    assert isinstance(blank["Pokja"]["G2"].value, dt.datetime)


def test_petunjuk_per_sheet_with_article(blank):
    ws = blank[GUIDE_SHEET]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    for spec in contract.SHEETS:
        assert spec.label in text
        assert SHEET_BASIS[spec.kind] in text
    for article in ("Pasal 2 ayat (6)", "Lampiran II.D.2", "Lampiran II.C.6", "Lampiran II.B.1.b.3)"):
        assert article in text
    assert "CONTOH:" in text and "Isi data mulai baris 3" in text
    for col in contract.POKJA.columns:
        assert col.label in text
    assert "Dukman" in text                   # synonyms listed


def test_english_instructions_keep_indonesian_names(written):
    wb = openpyxl.load_workbook(written["en"])
    text = "\n".join(str(c.value) for row in wb[GUIDE_SHEET].iter_rows() for c in row if c.value)
    assert "How to fill in" in text and "Enter data from row 3 on" in text
    assert wb.sheetnames[1:] == [s.label for s in contract.SHEETS]
    assert [c.value for c in wb["Anggota Pokja"][1]][:2] == ["Kode Pokja", "NIP"]


def test_prefill_unit_code_and_year(tmp_path):
    path = write_template(tmp_path / "t.xlsx", unit_code="D1.AS1", tahun="2025")
    ws = openpyxl.load_workbook(path)["Unit"]
    labels = [c.value for c in ws[1]]
    row = {label: ws.cell(row=FIRST_DATA_ROW, column=i + 1).value for i, label in enumerate(labels)}
    assert row["Kode Unit"] == "D1.AS1"
    assert row["Tahun Kinerja"] == 2025
    assert row["Instansi"] == vocab.DEFAULT_INSTANSI
    assert row["Nama Unit"] is None


def test_is_example_row():
    assert is_example_row([None, "  contoh: PK-01", "x"])
    assert is_example_row(["CONTOH:"])
    assert is_example_row([float("nan"), "", "Contoh: 1987"])
    assert not is_example_row(["PK-01", "CONTOH: x"])      # only the first non-empty cell counts
    assert not is_example_row(["Contoh kebijakan"])         # no colon: real data
    assert not is_example_row([None, None])


def test_overwrite_existing_file_only_when_asked(tmp_path):
    p = tmp_path / "t.xlsx"
    p.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_template(p)
    assert p.read_bytes() == b"old"
    assert "--force" in exists_message(p, "id") and "already exists" in exists_message(p, "en")
    write_template(p, overwrite=True)
    assert openpyxl.load_workbook(p).sheetnames[0] == GUIDE_SHEET
    assert [x.name for x in tmp_path.iterdir()] == ["t.xlsx"]      # no temporary file left


# ------------------------------------------------------------------ checked by the checker

@pytest.mark.parametrize("stage", STAGES)
def test_filled_template_without_example_rows_is_clean(written, stage):
    findings = _check(written["filled_no_examples"], stage).findings
    assert [(f.rule, f.sheet, f.row, f.message) for f in findings] == []


@pytest.mark.parametrize("stage", STAGES)
def test_filled_template_is_clean(written, stage):
    assert [(f.rule, f.sheet, f.row) for f in _check(written["filled"], stage).findings] == []


# Untouched template: only "the Unit sheet's required fields are empty" (D07, one finding for
# the sheet), "no Pokja" (U01) and "no PK target" (U06), at every stage: no D05 (every sheet
# and column is there), no D01-D04 noise from empty formatted rows.
UNTOUCHED = ["D07", "U01", "U06"]


@pytest.mark.parametrize("stage", STAGES)
def test_untouched_template_gives_few_structural_findings(written, stage):
    for path in (written["blank"], written["prefilled"]):
        findings = _check(path, stage).findings
        assert sorted(f.rule for f in findings) == UNTOUCHED
        d07 = next(f for f in findings if f.rule == "D07")
        assert d07.sheet == "Unit"
    blank = next(f for f in _check(written["blank"], stage).findings if f.rule == "D07")
    assert blank.row == 2 and "Kode Unit, Nama Unit, Unit JPT Madya, NIP JPT Pratama" in blank.message


def test_untouched_template_few_findings(written):
    result = _check(written["prefilled"])
    assert sorted(f.rule for f in result.findings) == UNTOUCHED
    assert result.inputs[0].unit == "D1.AS1"


def test_untouched_template_structure_is_complete(written):
    """Whatever the example rows do: the loader finds every sheet and column."""
    lu = load_workbook(written["blank"])
    assert lu.problems == []
    assert lu.mph_layout == "long"
    for spec in contract.SHEETS:
        table = lu.tables[spec.kind]
        assert table.header_row == 1
        assert set(table.columns) == {c.field for c in template_columns(spec.kind)}
