"""The real rule base against the fact schema: literals must be values their field can hold,
`requires` must cover what the tested fields are read from, and the schema's value sets must
hold what the builders produce."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from cli_run import run_cli

from checker.facts.declare import Read
from checker.facts.schema import KINDS
from checker.input import contract as input_schema
from checker.rulebase import RuleBaseError, load, loading

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"


def copy_rules(tmp_path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edit_text(directory: Path, rule_id: str, old: str, new: str) -> Path:
    path = directory / f"{rule_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rule_id, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def edit_yaml(directory: Path, rule_id: str, change) -> Path:
    path = directory / f"{rule_id}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def refused(directory: Path, rule_id: str) -> RuleBaseError:
    with pytest.raises(RuleBaseError) as info:
        load(directory)
    err = info.value
    assert Path(err.path).name == f"{rule_id}.yaml", err
    return err


def test_real_rule_base_loads():
    base = load(RULES)
    assert len(base) == len(list(RULES.glob("[A-Z]*.yaml")))


# --------------------------------------------------------------------------- literals

TYPOS = [
    ("A01", "{position: Sekretaris}", "{position: Sekretarsi}", "Sekretarsi", "position"),
    ("A02", "{position: Ketua}", "{position: Ketau}", "Ketau", "position"),
    ("A02", "{$neq: {jenis: Pengawas}}", "{$neq: {jenis: Pengawai}}", "Pengawai", "jenis"),
    ("A02", "{$neq: {pola: B}}", "{$neq: {pola: b}}", "'b'", "pola"),
    ("M02", "{layout: long}", "{layout: panjang}", "panjang", "layout"),
    ("X04", "{roster_status: missing}", "{roster_status: mising}", "mising", "roster_status"),
    ("K03", "{source: pokja}", "{source: pokja_row}", "pokja_row", "source"),
    ("D03", "{status: unknown}", "{status: Unknown}", "Unknown", "status"),
]


@pytest.mark.parametrize("rule_id,old,new,value,field", TYPOS, ids=[f"{t[0]}-{t[3]}" for t in TYPOS])
def test_mistyped_literal_is_refused(tmp_path, rule_id, old, new, value, field):
    directory = copy_rules(tmp_path)
    edit_text(directory, rule_id, old, new)
    err = refused(directory, rule_id)
    assert value in err.problem and f"field {field}" in err.problem and "allowed:" in err.problem, err.problem


def test_position_typo_names_the_allowed_positions(tmp_path):
    directory = copy_rules(tmp_path)
    edit_text(directory, "A02", "{position: Ketua}", "{position: Ketau}")
    err = refused(directory, "A02")
    assert "'Ketau'" in err.problem
    assert "'', 'Pengarah', 'Ketua', 'Wakil Ketua', 'Sekretaris', 'Anggota'" in err.problem, err.problem


def test_mistyped_literal_through_the_command_line(tmp_path):
    directory = copy_rules(tmp_path)
    edit_text(directory, "A02", "{position: Ketua}", "{position: Ketau}")
    proc = run_cli("rules", "--rules", directory)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 3, out
    assert "A02.yaml" in out and "Ketau" in out, out


def test_mt_matching_no_allowed_value_is_refused(tmp_path):
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "A02", lambda d: d["when"]["$and"].append({"$mt": {"jenis": "JPT [a-z]+"}}))
    err = refused(directory, "A02")
    assert "'JPT [a-z]+'" in err.problem and "matches no value of field jenis" in err.problem, err.problem
    assert "'JPT Madya'" in err.problem


def test_mt_matching_an_allowed_value_loads(tmp_path):
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "A02", lambda d: d["when"]["$and"].append({"$mt": {"jenis": "JPT.*"}}))
    assert load(directory).by_id("A02")


# --------------------------------------------------------------------------- requirements

def test_requires_missing_a_column_is_refused(tmp_path):
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "K04", lambda d: d.update(requires=[]))
    err = refused(directory, "K04")
    assert "requires lacks pokja.tugas_pokja" in err.problem and "task_empty" in err.problem, err.problem


def test_a_sheet_requirement_does_not_cover_a_column(tmp_path):
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "K04", lambda d: d.update(requires=["pokja"]))
    assert "pokja.tugas_pokja" in refused(directory, "K04").problem


def test_a_column_requirement_covers_its_sheet(tmp_path):
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "U01", lambda d: d.update(requires=[]))
    assert "requires lacks pokja (read by field n_pokja)" in refused(directory, "U01").problem
    edit_yaml(directory, "U01", lambda d: d.update(requires=["pokja.kode_pokja"]))
    assert load(directory).by_id("U01").requires == ("pokja.kode_pokja",)


def test_a_read_for_other_facts_is_not_required(tmp_path):
    # K13 is about references to a Pokja: what a reference to a PK target reads does not count
    directory = copy_rules(tmp_path)
    edit_yaml(directory, "K13", lambda d: d.update(requires=[]))
    err = refused(directory, "K13")
    assert "pokja.kode_pokja" in err.problem and "pk.kode_target" not in err.problem, err.problem
    edit_yaml(directory, "K13", lambda d: d.update(requires=["pokja.kode_pokja"],
                                                   when={"$and": [{"t": "reference"}, {"known": False}]}))
    err = refused(directory, "K13")
    assert "pk.kode_target" in err.problem and "pokja.kode_pokja" not in err.problem, err.problem


@pytest.mark.parametrize("req,needed", [
    ("pokja", True), ("pokja.kode_pokja", True), ("pokja.tanggal_laporan", True), ("anggota.nip", True),
    ("unit.kode_unit", True), ("pokja.tanggal_mulai", False), ("unit.pola_struktur", False),
    ("anggota.jenis_jabatan", False), ("anggota.nomor_persetujuan_pimpinan", False),
    ("surat_tugas", False), ("surat_tugas.kode_target", False),
])
def test_what_a_rule_must_require(req, needed):
    assert loading.needs_requirement(Read.parse(req)) is needed


# --------------------------------------------------------------------------- the schema itself

def test_every_read_names_a_sheet_or_column_and_qualifiers_name_values():
    for kind in KINDS.values():
        for fld in kind.fields.values():
            assert isinstance(fld.reads, tuple), (kind.name, fld.name)
            for read in fld.reads:
                assert isinstance(read, Read), (kind.name, fld.name, read)
                spec = input_schema.SHEETS_BY_KIND[read.sheet]
                if read.field is not None:
                    assert read.field in spec.fields(), (kind.name, fld.name, read)
                for name, value in read.when:
                    assert value in (kind.fields[name].values or ()), (kind.name, fld.name, read)


def test_every_str_field_has_a_closed_set_of_values():
    for kind in KINDS.values():
        for fld in kind.fields.values():
            if fld.type == "str":
                assert fld.values and all(isinstance(v, str) for v in fld.values), (kind.name, fld.name)
                assert len(set(fld.values)) == len(fld.values), (kind.name, fld.name)
            else:
                assert fld.values is None, (kind.name, fld.name)


@pytest.fixture(scope="module")
def sample_facts(tmp_path_factory):
    from checker.facts import assemble
    from checker.pipeline import run
    files = run.discover([str(ROOT / "samples")])
    return assemble.build(run.unit_facts(files, "penetapan")).tables


def test_builders_produce_only_declared_values(sample_facts):
    assert _declared_value_problems(sample_facts) == []
    closed = [(kind, f.name) for kind, table in sample_facts.items() if len(table)
              for f in KINDS[kind].fields.values() if f.values is not None and f.name != "t"]
    assert len(closed) >= 8                # the samples do exercise the closed-set fields

def _declared_value_problems(tables) -> list:
    out = []
    for kind, table in tables.items():
        for fld in KINDS[kind].fields.values():
            if fld.values is not None and len(table):
                extra = set(table[fld.name].tolist()) - set(fld.values)
                if extra:
                    out.append((kind, fld.name, extra))
    return out


# The rule examples reach what the samples do not: a roster, formulas, a missing column.
@pytest.mark.parametrize("rule_id", ["X04", "D05", "D06", "D04", "M02", "A02"])
def test_builders_produce_only_declared_values_in_rule_examples(rule_id, tmp_path):
    from rule_examples import build_run

    from checker.facts import assemble
    from checker.load import roster as roster_mod
    from checker.pipeline import run

    rule = load(RULES).by_id(rule_id)
    for i, example in enumerate(rule.examples):
        paths, roster = build_run(example, tmp_path / str(i), f"{rule_id}.xlsx")
        files = [f for f in run.discover(paths) if roster is None or Path(f.path) != Path(roster)]
        master = roster_mod.load_roster(roster) if roster else None
        tables = assemble.build(run.unit_facts(files, example.get("stage", "penetapan")), master).tables
        assert _declared_value_problems(tables) == [], (rule_id, i)
