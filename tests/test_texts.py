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
    from checker.engines import EngineError, EngineMismatch
    from checker.followup.compare import CompareError
    from checker.followup.waivers import WaiverError
    from checker.load.errors import RosterError
    from checker.load.model import LoadError
    from checker.rulebase import RuleBaseError
    from checker.rulebase.yamlfile import RuleFileError
    for cls in (LoadError, RosterError, CompareError, WaiverError, RuleBaseError, RuleFileError, EngineError):
        assert issubclass(cls, UserError), cls
    assert not issubclass(EngineMismatch, UserError)     # a defect for the developers, not the user's to fix
    e = RosterError("r.xlsx", "not_found")
    assert e.message("id") == "Roster induk r.xlsx tidak ditemukan."
    assert e.message("en") == "The master roster r.xlsx does not exist."


def _refused_condition(when) -> Exception:
    from checker.facts.schema import KINDS
    from checker.rulebase import RuleBaseError
    from checker.rulebase.conditions import check_when

    def fail(problem):
        raise RuleBaseError("rules/K99.yaml", problem)
    with pytest.raises(RuleBaseError) as info:
        check_when(when, "member", KINDS["member"], fail)
    return info.value


def test_a_refused_condition_is_told_in_the_users_language():
    """Issue 22: rule-base errors were English in an Indonesian run."""
    import pickle
    err = _refused_condition({"$and": [{"t": "member"}, {"posisi": "Ketua"}]})
    assert str(err) == err.message("en") == "rules/K99.yaml: when: unknown field 'posisi' of fact kind 'member'"
    assert err.message("id") == "rules/K99.yaml: when: field 'posisi' tidak dikenal pada jenis fakta 'member'"
    assert pickle.loads(pickle.dumps(err)).message("id") == err.message("id")


def test_a_refused_regex_is_told_in_the_users_language_inside_its_condition():
    err = _refused_condition({"$and": [{"t": "member"}, {"$mt": {"jenis": "(a+)+b"}}]})
    assert err.message("en") == ("rules/K99.yaml: when: $mt regex '(a+)+b': (a+)+: a repeated group may not hold a "
                                 "repetition (backtracks exponentially)")
    assert err.message("id") == ("rules/K99.yaml: when: regex $mt '(a+)+b': (a+)+: grup yang diulang tidak boleh "
                                 "memuat pengulangan (backtracking eksponensial)")


def test_an_engine_error_is_told_in_the_users_language():
    from checker import engines
    with pytest.raises(engines.EngineError) as info:
        engines.run([], {}, "drools")
    assert str(info.value) == "unknown engine 'drools'; choose one of durable, pandas"
    assert info.value.message("id") == "mesin aturan 'drools' tidak dikenal; pilih salah satu dari durable, pandas"


def test_a_rule_file_refused_by_its_keys_is_told_in_the_users_language(tmp_path):
    """A rule base of --rules whose file has an unknown key, a missing translation or a
    requirement its fields need: exit 3 with the reason in Indonesian (English with --lang en)."""
    import shutil
    from pathlib import Path

    from click.testing import CliRunner

    from checker import cli

    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    text = (rules / "K04.yaml").read_text(encoding="utf-8")
    (rules / "K04.yaml").write_text(text.replace("slug: ", "tingkat: error\nslug: ", 1), encoding="utf-8")
    r = CliRunner().invoke(cli.main, ["rules", "--rules", str(rules)])
    assert r.exit_code == 3 and "kunci tidak dikenal: tingkat" in r.output, r.output
    r = CliRunner().invoke(cli.main, ["rules", "--rules", str(rules), "--lang", "en"])
    assert r.exit_code == 3 and "unknown key(s): tingkat" in r.output, r.output
    (rules / "K04.yaml").write_text(text.replace("requires: [pokja.tugas_pokja]", "requires: [pokja]"),
                                    encoding="utf-8")
    r = CliRunner().invoke(cli.main, ["rules", "--rules", str(rules)])
    assert r.exit_code == 3 and "requires belum memuat pokja.tugas_pokja (dibaca oleh kolom task_empty)" in r.output
