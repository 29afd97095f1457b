"""The example unit kept with any combination of the habits of input-format.md version 3 (and of
version 2's real layouts), saved by any writer, gives the findings it gives in the template's
layout: none for the compliant unit; for a unit with two planted mistakes, the same two."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layouts_kit import BANNER_STYLES, UNIT_FORM_STYLES, base_book, office_unit, write_book
from test_layouts import ENGINES
from test_layouts_property import CHOICES as V2_CHOICES

from checker.pipeline import run

HABITS = st.fixed_dictionaries({
    "names": st.booleans(),
    "form": st.sampled_from((None,) + UNIT_FORM_STYLES),
    "groups": st.booleans(),
    "banners": st.sampled_from((None,) + BANNER_STYLES),
    "roles": st.booleans(),
    "stacked": st.booleans(),
    "totals": st.booleans(),
    "footnotes": st.booleans(),
    "signatures": st.booleans(),
    "short_signature": st.booleans(),
    "offset": st.booleans(),
    "numbers": st.sampled_from([None, "plain", "brackets"]),
    "hidden": st.booleans(),
    "sides": st.booleans(),
    "spaces": st.booleans(),
    "empty_rows": st.booleans(),
    "mph": st.sampled_from([None, "code", "indicator", "upper", "prefix"]),
    "v2": st.one_of(st.none(), V2_CHOICES),
})
FLAVORS = st.sampled_from(["openpyxl", "excel", "libreoffice", "inline"])
SETTINGS = dict(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(book, path, flavor, engine):
    result = run.check([write_book(book, path, flavor)], stage="penetapan", engine=engine)
    return sorted((f.rule, f.unit) for f in result.findings), result.findings


@settings(**SETTINGS)
@given(habits=HABITS, flavor=FLAVORS, engine=st.sampled_from(ENGINES))
def test_any_combination_of_habits_keeps_the_unit_compliant(habits, flavor, engine, tmp_path):
    _, got = _check(office_unit(**habits), tmp_path / "unit.xlsx", flavor, engine)
    assert [(f.rule, f.sheet, f.row, f.column, f.message) for f in got] == []


def _mistaken(book) -> None:
    """Two mistakes every layout keeps: DUK-1 without its Tugas Pokja (K04), a Jenis Jabatan typo (D03)."""
    pokja = book["Pokja"]
    pokja.rows[2][pokja.rows[0].index("Tugas Pokja")] = None
    peg = book["Pegawai"]
    peg.rows[4][peg.rows[0].index("Jenis Jabatan")] = "Fungsionl"


@settings(**SETTINGS)
@given(habits=HABITS, flavor=FLAVORS, engine=st.sampled_from(ENGINES))
def test_any_combination_of_habits_keeps_the_findings(habits, flavor, engine, tmp_path):
    plain = base_book()
    _mistaken(plain)
    want, _ = _check(plain, tmp_path / "plain.xlsx", "openpyxl", engine)
    assert want == [("D03", "D9.AS1"), ("K04", "D9.AS1")]
    got, _ = _check(office_unit(**habits, before=_mistaken), tmp_path / "unit.xlsx", flavor, engine)
    assert got == want
