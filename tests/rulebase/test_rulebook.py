"""The rulebook: every rule documented, exemplified and cited correctly, in both languages; the
coverage map of the regulation; docs/rulebook.md kept up to date.

Generic over ``rulebase.load().rules``: a rule added later (X01-X05, ...) must pass the same
catalogue checks.
"""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker import rulebase
from checker.cli import main
from checker.facts.schema import COMMON_PARAMS, KINDS
from checker.rulebase import basis, coverage, examples, rulebook
from checker.terms import is_data_basis
from checker.texts import pick, t

REPO = Path(__file__).resolve().parents[2]
RULES_DIR = REPO / "rules"
DOC = REPO / "docs" / "rulebook.md"
# The repository keeps its own copy of the regulation; the contract's copy sits beside the repo.
REGULATION = REPO / "docs" / "regulation" / "permenko-perekonomian-1-2025.txt"
SHARED_REGULATION = REPO.parent / "shared" / "regulation" / "permenko-perekonomian-1-2025.txt"
BASE = rulebase.load()
RULES = list(BASE.rules)
LANGS = ("id", "en")
STATUSES = coverage.COVERAGE_STATUSES
# A message must name at least one of these (the Pokja, person, target, code, unit or a value);
# every p_* parameter and every condition field is a value found.
SUBJECTS = {"unit", "unit_name", "pokja", "nip", "name", "person", "target", "value"}
COVERAGE_KEYS = {"point", "quote", "rules", "note", "status", "reason", "partial"}


_PAGE_BREAK = re.compile(r"(?<=[a-z,])[ \t]*\n[ \t]*\n[ \t]*(?:- )?(?=[a-z])")


@pytest.fixture(scope="module")
def regulation() -> str:
    assert REGULATION.is_file(), f"the regulation text is missing: {REGULATION}"
    text = REGULATION.read_text(encoding="utf-8")
    # A sentence cut by a page break continues after a blank line (and sometimes a list dash):
    # join it so that a quote spanning the break is found as the reader sees it.
    return text + "\n" + _PAGE_BREAK.sub(" ", text)


@pytest.fixture(scope="module")
def coverage_entries() -> list[dict]:
    entries = coverage.load_coverage(RULES_DIR)
    assert entries, "rules/_coverage.yaml is missing or empty"
    return entries


def _ids(rules):
    return [r.id for r in rules]


def _placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name is not None}


# ---------------------------------------------------------------------------------------------
# catalogue: every rule


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_has_every_text_in_both_languages(rule):
    missing = [f"{key}.{lang}" for key in ("title", "message", "hint") for lang in LANGS
               if not (getattr(rule, key).get(lang) or "").strip()]
    doc = rule.doc or {}
    missing += [f"doc.{key}.{lang}" for key in ("what", "why", "fix") for lang in LANGS
                if not isinstance(doc.get(key), dict) or not str(doc[key].get(lang) or "").strip()]
    assert missing == [], f"{rule.id} lacks {', '.join(missing)}"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_legal_text_is_quoted_verbatim(rule, regulation):
    passages = basis.legal_passages(rule)
    if is_data_basis(rule.basis):       # rules.md: data rules quote no legal text
        assert passages == [], f"{rule.id} has basis data and must quote no legal text"
        return
    assert passages, f"{rule.id} quotes no legal text"
    absent = [p for p in passages if p not in regulation]
    assert absent == [], (f"{rule.id}: these parts of legal_text (split on {basis.LEGAL_TEXT_GAP!r}) are not "
                          f"verbatim in {REGULATION.name}: {absent}")


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_has_a_violating_and_a_compliant_example(rule):
    examples = [e for e in rule.examples or [] if isinstance(e, dict)]
    assert any(e.get("expect") for e in examples), f"{rule.id} has no violating example"
    assert any(not e.get("expect") for e in examples), f"{rule.id} has no compliant example"
    assert all(e.get("name") for e in examples), f"{rule.id}: every example needs a name"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_citation_names_points_of_the_coverage_map(rule, coverage_entries):
    known = {e["point"] for e in coverage_entries}
    points = basis.basis_points(rule.basis)
    if is_data_basis(rule.basis):
        assert points == []
        return
    assert points, f"{rule.id}: basis {rule.basis!r} names no point"
    unknown = [p for p in points if p not in known]
    assert unknown == [], f"{rule.id}: basis {rule.basis!r} names points not in rules/_coverage.yaml: {unknown}"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_message_is_specific_and_its_placeholders_exist(rule):
    kind = KINDS[rule.fact]
    known = set(COMMON_PARAMS) | set(kind.params) | set(kind.fields)
    for key in ("message", "hint"):
        for lang in LANGS:
            names = _placeholders(getattr(rule, key)[lang])
            unknown = names - known
            assert not unknown, f"{rule.id} {key}.{lang}: unknown placeholder(s) {sorted(unknown)}"
    for lang in LANGS:
        names = _placeholders(rule.message[lang])
        specific = {n for n in names if n in SUBJECTS or n.startswith("p_") or n in kind.fields}
        assert specific, (f"{rule.id} message.{lang} names neither the Pokja, person, target, code nor a value: "
                          f"{rule.message[lang]!r}")
        assert rule.message[lang].strip() != rule.title[lang].strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_explain_prints_every_section(rule, lang):
    result = CliRunner().invoke(main, ["explain", rule.id, "--lang", lang])
    assert result.exit_code == 0, result.output
    out = result.output
    positions = []
    for header in t("rulebook.sections", lang):
        assert f"## {header}" in out, f"explain {rule.id} --lang {lang} lacks section {header!r}"
        positions.append(out.index(f"## {header}"))
    assert positions == sorted(positions), "sections out of order"
    assert rule.basis in out
    for passage in basis.legal_passages(rule):
        assert passage in out
    for ex in rule.examples or []:
        assert pick(ex.get("name"), lang) in out
        for e in ex.get("expect") or []:
            if e.get("sheet") and e.get("row") is not None and e.get("column"):
                assert f"{e['column']}{e['row']}" in out, f"{rule.id}: expected cell {e['column']}{e['row']} not shown"
    for name in rule.fields_used():
        assert f"`{name}`" in out


DATA_RULES = [r for r in RULES if is_data_basis(r.basis)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", DATA_RULES, ids=_ids(DATA_RULES))
def test_a_data_rules_legal_basis_says_it_checks_the_workbook_and_quotes_nothing(rule, lang):
    """output-format.md, `explain` (issue 19): a data rule's legal-basis section is one sentence
    saying the rule checks the workbook's own content and consistency, never a label with nothing
    after it."""
    heads = t("rulebook.sections", lang)
    text = rulebook.render_rule(rule, lang)
    section = text.split(f"## {heads[2]}\n", 1)[1].split(f"## {heads[3]}\n", 1)[0].strip()
    says = {"id": ("memeriksa isi workbook itu sendiri dan konsistensinya", "tidak mengutip ketentuan apa pun."),
            "en": ("checks the workbook's own content and its consistency", "quotes no provision.")}[lang]
    assert section.startswith(f"**{rule.basis}** — ") and "\n" not in section, section
    assert says[0] in section and section.endswith(says[1]), section


# ---------------------------------------------------------------------------------------------
# examples described in words


def test_edits_are_described_with_rows_and_old_values():
    k08 = BASE.by_id("K08")
    text = rulebook.render_rule(k08, "id")
    # the first Pengarah row of the example unit is Excel row 2 of Anggota Pokja
    assert "Sheet Anggota Pokja: baris 2 (Kode Pokja SUB-1; NIP 196801051992031002" in text
    assert "dihapus" in text
    assert ("Sheet Pokja, sel A2 — unit D9.AS1; Pokja SUB-1; orang: Ir. Sri Rahayu, M.P.P. "
            "(NIP 196801051992031002)") in text
    u03 = rulebook.render_rule(BASE.by_id("U03"), "en")
    assert ("Sheet Pokja, row 3 (Kode Pokja DUK-1): column C “Jenis Pokja” changed from “Dukungan Teknis dan "
            "Administrasi” to “Substansi”") in u03
    assert "No finding" not in u03 and "Expected findings: no U03 finding." in u03


def test_later_edits_see_earlier_ones():
    lines = examples.describe_edits([
        {"sheet": "PK", "append": {"Kode Target": "PK-03", "Indikator Kinerja": "x"}},
        {"sheet": "PK", "where": {"Kode Target": "PK-01"}, "delete": True},
        {"sheet": "PK", "where": {"Kode Target": "PK-03"}, "set": {"Target": "6"}},
        {"sheet": "Pokja", "drop_column": "Tugas Pokja"},
        {"drop_sheet": "Surat Tugas"},
    ], examples.load_example_base(RULES_DIR), "id")
    assert lines[0].startswith("- Sheet PK: baris 4 ditambahkan")
    assert lines[1].startswith("- Sheet PK: baris 2 (Kode Target PK-01")
    assert lines[2] == "- Sheet PK, baris 3 (Kode Target PK-03): kolom D “Target” diisi “6” (semula kosong)."
    assert "kolom E “Tugas Pokja” dihapus" in lines[3]
    assert lines[4] == "- Sheet Surat Tugas dihapus dari workbook."


def test_an_unknown_edit_is_shown_as_data_not_dropped():
    lines = examples.describe_edits([{"sheet": "Pokja", "where": {"Kode Pokja": "NONE"}, "set": {"Nama": "x"}},
                                     {"sheet": "Nope", "set_all": {"A": 1}}], {}, "en")
    assert len(lines) == 2 and all(line.startswith("- Other change: `{") for line in lines)


# ---------------------------------------------------------------------------------------------
# citations


@pytest.mark.parametrize("citation,points", [
    ("Pasal 2 ayat (3)", ["Pasal 2 ayat (3)"]),
    ("Pasal 2 ayat (2), ayat (6) huruf a; Lampiran II.D.3.a",
     ["Pasal 2 ayat (2)", "Pasal 2 ayat (6) huruf a", "Lampiran II.D.3.a"]),
    ("Lampiran II.C.2.a; II.D.3.b.1)", ["Lampiran II.C.2.a", "Lampiran II.D.3.b.1)"]),
    ("Lampiran II.B.3.b–c", ["Lampiran II.B.3.b", "Lampiran II.B.3.c"]),
    ("Lampiran II.C.2.c (tabel Pengajuan Sukarela)", ["Lampiran II.C.2.c"]),
    ("Lampiran II.D.3.b.2) huruf a)", ["Lampiran II.D.3.b.2) huruf a)"]),
    ("Pasal 2 ayat (4), ayat (5)", ["Pasal 2 ayat (4)", "Pasal 2 ayat (5)"]),
    ("Pasal 2 ayat (4); Lampiran II.D.4.c.1)–2)",
     ["Pasal 2 ayat (4)", "Lampiran II.D.4.c.1)", "Lampiran II.D.4.c.2)"]),
    ("data", []),
])
def test_basis_points(citation, points):
    assert basis.basis_points(citation) == points


# ---------------------------------------------------------------------------------------------
# coverage


def test_coverage_entries_are_well_formed(coverage_entries, regulation):
    seen = set()
    for e in coverage_entries:
        pid = e.get("point")
        assert isinstance(pid, str) and pid, e
        assert pid not in seen, f"point {pid} listed twice"
        seen.add(pid)
        assert set(e) <= COVERAGE_KEYS, f"{pid}: unknown keys {set(e) - COVERAGE_KEYS}"
        assert pid.startswith(("Pasal 2", "Pasal 3", "Lampiran II.")), pid
        assert e.get("quote") and e["quote"] in regulation, f"{pid}: quote not verbatim in the regulation"
        if "partial" in e:
            assert e["partial"] is True, f"{pid}: partial must be true when given"
        if e.get("rules") or e.get("partial"):
            assert isinstance(e.get("note"), dict) and all(e["note"].get(lang) for lang in LANGS), \
                f"{pid}: hand-mapped rules and partial coverage need a note in id and en"
        if "status" in e:
            assert e["status"] in ("not_checkable", "gap"), f"{pid}: status {e['status']!r}"
            assert isinstance(e.get("reason"), dict) and all(e["reason"].get(lang) for lang in LANGS), \
                f"{pid}: status {e['status']} needs a reason in id and en"


def test_every_point_has_a_status_and_the_rules_named_exist(coverage_entries):
    ids = {r.id for r in RULES}
    for e in coverage_entries:
        unknown = set(e.get("rules") or []) - ids
        assert not unknown, f"{e['point']}: rules/_coverage.yaml names unknown rules {sorted(unknown)}"
    for c in coverage.coverage(BASE):
        assert c["status"] in STATUSES, f"{c['point']}: no rule enforces it and it declares no status"
        if c["status"] in coverage.ENFORCED:
            assert c["rules"] or c["hand_rules"]
            assert set(c["rules"] + c["hand_rules"]) <= ids
        else:
            assert c["reason"]


def test_hand_entries_only_where_the_basis_does_not_name_the_point():
    entries = coverage.load_coverage(RULES_DIR)
    for c in coverage.coverage(BASE):
        entry_rules = next(e.get("rules") or [] for e in entries if e["point"] == c["point"])
        redundant = set(entry_rules) & set(c["rules"])
        assert not redundant, (f"{c['point']}: {sorted(redundant)} already enforce it through their basis; "
                               "remove them from `rules` in rules/_coverage.yaml")


def test_a_declared_status_is_not_stale():
    stale = [(c["point"], c["declared_status"], c["rules"] + c["hand_rules"]) for c in coverage.coverage(BASE)
             if c["status"] in coverage.ENFORCED and c["declared_status"]]
    assert stale == [], f"points declared not_checkable/gap but now enforced (drop status/reason): {stale}"


def test_coverage_figures_add_up():
    fig = coverage.coverage_figures(BASE)
    assert fig["total"] == len(coverage.load_coverage(RULES_DIR)) > 0
    assert fig["enforced"] + fig["partial"] + fig["gap"] + fig["not_checkable"] == fig["total"]
    assert fig["checkable"] == fig["enforced"] + fig["partial"] + fig["gap"]
    assert all(fig[s] == len(fig["points"][s]) for s in coverage.COVERAGE_STATUSES)
    # rules.md version 2: these points are covered only in part by their rule
    assert {"Lampiran II.C.4.c.5)", "Lampiran II.A.1", "Lampiran II.C.1"} <= set(fig["points"]["partial"])
    assert set(fig["data_rules"]) == {r.id for r in RULES if r.basis.strip().casefold() == "data"}
    # every rule with a legal basis enforces some point
    enforcing = {x for c in coverage.coverage(BASE) for x in c["rules"] + c["hand_rules"]}
    assert {r.id for r in RULES} - set(fig["data_rules"]) <= enforcing


@pytest.mark.parametrize("lang", LANGS)
def test_render_coverage_lists_every_point_and_the_totals(lang):
    text = rulebook.render_coverage(BASE, lang)
    fig = coverage.coverage_figures(BASE)
    assert f"{fig['enforced']} / {fig['partial']} / {fig['checkable']} / {fig['total']}" in text
    for c in coverage.coverage(BASE):
        assert f"| {c['point']} |" in text
    word = {"id": "tidak dapat diperiksa dari workbook", "en": "not checkable from the workbook"}[lang]
    assert word in text


def test_a_rule_base_without_a_coverage_map(tmp_path):
    (tmp_path / "U01.yaml").write_bytes((RULES_DIR / "U01.yaml").read_bytes())
    other = rulebase.load(tmp_path)
    assert "_coverage.yaml" in rulebook.render_coverage(other, "id")
    assert coverage.coverage_figures(other)["total"] == 0
    md = rulebook.render_markdown(other, "en")
    assert "### U01 unit-tanpa-pokja" in md and "Appendix A" not in md
    assert "## What it checks" in rulebook.render_rule(other.by_id("U01"), "en")


# ---------------------------------------------------------------------------------------------
# the rulebook document


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_every_rule_and_both_appendices(lang):
    md = rulebook.render_markdown(BASE, lang)
    for r in RULES:
        assert f'<a id="{r.id.lower()}"></a>' in md and f"](#{r.id.lower()})" in md
        assert f"### {r.id} {r.slug}: {r.text('title', lang)}" in md
    assert md.count("#### " + t("rulebook.sections", lang)[0]) == len(RULES)
    assert '<a id="cakupan"></a>' in md and '<a id="unit-contoh"></a>' in md


def test_docs_rulebook_md_is_up_to_date():
    result = CliRunner().invoke(main, ["rules", "--format", "markdown", "--lang", "id"])
    assert result.exit_code == 0, result.output
    current = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    assert current == result.output, f"docs/rulebook.md is stale; regenerate it with: {rulebook.REGENERATE}"


def test_example_names_translated_where_given():
    for r in RULES:
        for ex in r.examples or []:
            name = ex.get("name")
            if isinstance(name, dict):
                assert all(name.get(lang) for lang in LANGS), f"{r.id}: example name lacks a language: {name}"


def test_coverage_file_is_plain_yaml():
    data = yaml.safe_load((RULES_DIR / coverage.COVERAGE_FILE).read_text(encoding="utf-8"))
    assert set(data) == {"points"}


@pytest.mark.skipif(not SHARED_REGULATION.is_file(), reason="no ../shared beside this checkout")
def test_repository_copy_of_the_regulation_is_the_contracts():
    assert REGULATION.read_bytes() == SHARED_REGULATION.read_bytes()
