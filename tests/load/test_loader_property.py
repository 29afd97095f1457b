"""Property (issue 5): whatever workbook the schema can be twisted into, load_workbook returns
a LoadedUnit or raises the product's own LoadError - never anything else.

Workbooks are built from checker/contract.py: random sheets under any of their names (case
and spacing varied, cut at 31 characters, duplicated, hidden), random columns under any
alias (shuffled, missing, repeated, unknown extras), title rows, and random cells: missing,
wrong types, junk and very long text, numbers (huge, negative, fractional), dates, booleans,
formula-like text, real formulas with and without cached values, error cells, NBSP and
control characters; then, sometimes, byte-level damage (truncation, a flipped byte,
garbage). Written with tests/make_hostile.py's raw writer, so every one of those can occur.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile

import make_hostile as mh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.input import contract
from checker.load.model import LoadedUnit, LoadError, describe
from checker.load.unit_workbook import load_workbook

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_NIPISH = st.from_regex(r"'?[0-9]{8}[ .]?[0-9]{6}[ .]?[12][ .]?[0-9]{3}", fullmatch=True)
_FORMULA_TEXT = st.sampled_from(["=SUM(A1:A3)", "=1/0", "+62812", "-", "@x", "=HYPERLINK(\"http://x\")", "\t=1"])

CELL = st.one_of(
    st.none(),
    _TEXT,
    _NIPISH,
    _FORMULA_TEXT,
    st.text(min_size=1000, max_size=5000, alphabet="ab \u00a0"),          # very long
    st.sampled_from(["\u00a0", "  ", "\u00a0PK-01 ", "x", "X", "\u2013", "Ketua", "Substansi", "JF", "PNS",
                     "10 Januari 2025", "31/02/2025", "2025-13-01", "Jakarta, 1 Pebruari 2024", "#N/A"]),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.builds(mh.Err, st.sampled_from(["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "", "#SPILL!"])),
    st.builds(mh.F, st.sampled_from(["A1", "1/0", 'VLOOKUP(A2,B:C,2,FALSE)', ""]),
              st.one_of(st.none(), st.integers(0, 99), st.just("teks"), st.just(""))),
)


def _vary(name: str, draw) -> str:
    style = draw(st.sampled_from(["as", "upper", "lower", "spaced", "underscored", "cut", "junk"]))
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    if style == "spaced":
        return f" {name}  "
    if style == "underscored":
        return name.replace(" ", "_")
    if style == "cut":
        return (name * 3)[:31]
    if style == "junk":
        return draw(st.text(alphabet="abcXYZ 01-_", min_size=1, max_size=31))
    return name


@st.composite
def workbooks(draw):
    sheets: dict[str, list | dict] = {}
    hidden = []
    specs = draw(st.lists(st.sampled_from(contract.SHEETS), max_size=9))
    for spec in specs:
        name = _vary(draw(st.sampled_from(spec.names)), draw)[:31] or "S"
        if any(n.casefold() == name.casefold() for n in sheets):
            name = (name + str(len(sheets)))[-31:]
        cols = draw(st.lists(st.sampled_from(spec.columns), max_size=len(spec.columns) + 3))
        header = [_vary(draw(st.sampled_from(c.names)), draw) for c in cols]
        if spec.kind == "mph" and draw(st.booleans()):
            header += draw(st.lists(st.sampled_from(["PK-01", "1.", "IKU.2 Persentase", "2", "Keterangan"]),
                                    max_size=4))
        header += draw(st.lists(_TEXT, max_size=2))
        draw(st.randoms()).shuffle(header)
        titles = draw(st.lists(st.lists(CELL, max_size=3), max_size=3))
        body = draw(st.lists(st.lists(CELL, max_size=len(header) + 2), max_size=8))
        rows = titles + [header] + body
        if draw(st.booleans()):
            rows = {i + 1 + draw(st.integers(0, 3)) * i: r for i, r in enumerate(rows)}
        sheets[name] = rows
        if draw(st.integers(0, 5)) == 0:
            hidden.append(name)
    if not sheets:
        sheets["Sheet1"] = [[draw(CELL)]]
    merged = {}
    for name in sheets:
        if draw(st.integers(0, 4)) == 0:
            r = draw(st.integers(1, 4))
            merged[name] = [f"A{r}:{mh.col_letter(draw(st.integers(1, 5)))}{r + draw(st.integers(0, 1))}"]
    prefix = draw(st.sampled_from(["", "", "", "x"]))
    data = mh.xlsx_bytes(sheets, hidden=hidden, merged=merged, prefix=prefix)
    damage = draw(st.sampled_from(["none"] * 6 + ["truncate", "flip", "garbage", "prefix"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip":
        i = draw(st.integers(0, len(data) - 1))
        data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
    elif damage == "garbage":
        data = draw(st.binary(max_size=600))
    elif damage == "prefix":
        data = draw(st.binary(max_size=20)) + data
    return data


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workbooks())
def test_loader_returns_a_unit_or_a_load_error(data):
    fd, path = tempfile.mkstemp(suffix=".xlsx", prefix="prop-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            u = load_workbook(path)
        except LoadError as e:
            assert e.path == path
            for lang in ("id", "en"):
                text = describe(e, lang)
                assert path in text and "{" not in text
            return
        assert isinstance(u, LoadedUnit)
        for t in u.tables.values():
            assert list(t.frame().index) == list(range(len(t.rows["_row"])))
            assert str(t.frame()["_row"].dtype) == "int64"
            for (row, _letter), issue in t.formula_issues.items():
                assert row in set(t.rows["_row"]) and issue.startswith(("error:", "no_cached_value"))
    finally:
        os.remove(path)
