"""The text catalogue (checker/texts): every entry in both languages, with the same
placeholders and the same shape, and one lookup for all of them."""
from __future__ import annotations

import string

import pytest

from checker.texts import CATALOGUE, UserError, t, texts_for


def _placeholders(value) -> list:
    if isinstance(value, str):
        return sorted(name for _, name, _, _ in string.Formatter().parse(value) if name is not None)
    if isinstance(value, (tuple, list)):
        return [_placeholders(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _placeholders(v) for k, v in value.items()}
    raise TypeError(type(value))


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert isinstance(entry, tuple) and len(entry) == 2, key
    ind, eng = entry
    assert type(ind) is type(eng), key
    assert _placeholders(ind) == _placeholders(eng), key
    for value in (ind, eng):
        flat = [value] if isinstance(value, str) else list(value.values() if isinstance(value, dict) else value)
        assert all(isinstance(v, (str, tuple, list, dict)) for v in flat), key


def test_one_lookup_for_every_surface():
    assert t("sum.patuh", "id") == "Patuh" and t("sum.patuh", "en") == "Compliant"
    assert texts_for("xlsx.", "en")["sheet_findings"] == "Findings"
    assert t("load.not_found", "id", file="x.xlsx") == "Berkas x.xlsx tidak ditemukan."
    with pytest.raises(KeyError):
        t("no.such.key")


def test_user_errors_share_one_base():
    from checker.followup.compare import CompareError
    from checker.followup.waivers import WaiverError
    from checker.load.model import LoadError
    from checker.load.roster import RosterError
    for cls in (LoadError, RosterError, CompareError, WaiverError):
        assert issubclass(cls, UserError), cls
    e = RosterError("r.xlsx", "not_found")
    assert e.message("id") == "Roster induk r.xlsx tidak ditemukan."
    assert e.message("en") == "The master roster r.xlsx does not exist."
