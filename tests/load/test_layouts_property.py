"""Any compliant unit written in a random combination of the real layouts gives no finding."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layouts_kit import real_unit, write_book
from test_layouts import ENGINES

from checker.pipeline import run

CHOICES = st.fixed_dictionaries({
    "mph": st.sampled_from(["code", "indicator", "upper", "prefix"]),
    "mph_rows": st.sampled_from([1, 2, 3]),
    "mph_nip": st.booleans(),
    "split": st.booleans(),
    "anggota": st.sampled_from([None, "section", "merged", "code"]),
    "by_name": st.booleans(),
    "siasn_names": st.booleans(),
    "dates": st.booleans(),
    "titles": st.booleans(),
    "numbers": st.booleans(),
    "prefix": st.booleans(),
})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choices=CHOICES, engine=st.sampled_from(ENGINES))
def test_any_combination_of_real_layouts_is_compliant(choices, engine, tmp_path):
    path = write_book(real_unit(**choices), tmp_path / "unit.xlsx")
    result = run.check([path], stage="penetapan", engine=engine)
    assert [(f.rule, f.sheet, f.row, f.column, f.message) for f in result.findings] == []
