"""checker.rulebase: loading and strict validation, with small kinds of the test's own."""
from __future__ import annotations

import pytest
import yaml

from checker import rulebase
from checker.facts.declare import Read, col, sheet
from checker.facts.schema import FactKind as Kind  # the real schema types
from checker.facts.schema import FieldSpec as Field
from checker.rulebase import RuleBaseError, load, regex_problem
from checker.rulebase.conditions import possible_values


def make_kind(name, **fields):
    return Kind(name, {f: Field(f, t, {"id": f, "en": f}) for f, t in fields.items()}, {"id": name, "en": name})


KINDS = {
    "unit": make_kind("unit", n_pokja="int", n_support="int", has_pk="bool", code="str"),
    "member": make_kind("member", role="str", count="int", outsider="bool"),
    # closed value sets and reads, like the real schema's `member` and `reference`
    "ref": Kind("ref", {
        "role": Field("role", "str", {}, values=("", "Ketua", "Wakil Ketua")),
        "dest": Field("dest", "str", {}, values=("target", "pokja")),
        "known": Field("known", "bool", {}, reads=(col("pk", "kode_target", dest="target"),
                                                   col("pokja", "kode_pokja", dest="pokja"))),
        "n": Field("n", "int", {}, reads=(sheet("pokja"),)),
        "late": Field("late", "bool", {}, reads=(col("pokja", "tanggal_mulai"), col("unit", "tahun_kinerja"))),
        "free": Field("free", "str", {}),
    }, {"id": "ref", "en": "ref"}),
}

def base_rule(rid="U03", **over):
    rule = {
        "id": rid,
        "slug": f"slug-{rid.lower()}",
        "severity": "error",
        "from": "rancangan",
        "fact": "unit",
        "requires": ["pokja.jenis_pokja", "pk"],
        "when": {"$and": [{"t": "unit"}, {"$gt": {"n_pokja": 0}}, {"$neq": {"n_support": 1}}]},
        "basis": "Lampiran II.D.2.b",
        "legal_text": "b. 1 (satu) Pokja ...",
        "title": {"id": "Judul", "en": "Title"},
        "message": {"id": "Ada {n_support} dari {n_pokja}", "en": "{n_support} of {n_pokja}"},
        "hint": {"id": "Saran", "en": "Hint"},
    }
    rule.update(over)
    return rule


def write(directory, rule, name=None):
    path = directory / f"{name or rule['id']}.yaml"
    path.write_text(yaml.safe_dump(rule, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_one(tmp_path, rule, name=None):
    write(tmp_path, rule, name)
    base = load(tmp_path, kinds=KINDS)
    for r in base:                      # the documentation is read (and checked) when first used
        _ = (r.doc, r.examples)
    return base


def expect_error(tmp_path, rule, fragment, name=None):
    with pytest.raises(RuleBaseError) as info:
        load_one(tmp_path, rule, name)
    err = info.value
    assert err.path.endswith(f"{name or rule.get('id', 'X')}.yaml"), err.path
    assert str(err).startswith(err.path + ": ")
    assert fragment in err.problem, err.problem
    return err


# --------------------------------------------------------------------------------------------

def test_load_valid_rule_base(tmp_path):
    write(tmp_path, base_rule("U03"))
    write(tmp_path, base_rule("A01", fact="member", slug="a-satu", severity="warning", **{"from": "penetapan"},
                              when={"$and": [{"t": "member"}, {"$or": [{"role": "Ketua"}, {"outsider": True}]},
                                             {"$mt": {"role": "[A-Z][a-z]+( [A-Z][a-z]+)?"}},
                                             {"$lte": {"count": 3}}, {"$ex": {"role": 1}}]},
                              doc={"why": {"id": "x", "en": "y"}}, examples=[{"name": "e"}], locate="anggota.output"))
    (tmp_path / "_example_base.yaml").write_text("sheets: {}\n")
    (tmp_path / "notes.txt").write_text("not a rule")
    base = load(tmp_path, kinds=KINDS)
    assert [r.id for r in base.rules] == ["A01", "U03"]
    assert len(base.version) == 12 and base.source == str(tmp_path)
    a01, u03 = base.by_id("A01"), base.by_id("U03")
    assert u03.requires == ("pokja.jenis_pokja", "pk") and u03.from_stage == "rancangan"
    assert u03.when == base_rule()["when"] and u03.path.endswith("U03.yaml")
    assert u03.fields_used() == {"n_pokja", "n_support"}
    assert a01.fields_used() == {"role", "outsider", "count"}
    assert a01.doc == {"why": {"id": "x", "en": "y"}} and a01.examples == [{"name": "e"}]
    assert a01.locate == "anggota.output" and u03.locate is None and u03.doc is None
    assert u03.text("title", "en") == "Title" and u03.text("title", "id") == "Judul"
    assert u03.text("title", "fr") == "Judul"
    assert [r.id for r in base.for_stage("rancangan")] == ["U03"]
    assert [r.id for r in base.for_stage("evaluasi")] == ["A01", "U03"]
    assert a01.applies_in("penetapan") and not a01.applies_in("rancangan")
    with pytest.raises(ValueError):
        a01.applies_in("final")
    assert {u03, a01} and hash(u03) == hash(base.by_id("U03"))


def test_version_changes_with_content(tmp_path):
    write(tmp_path, base_rule())
    v1 = load(tmp_path, kinds=KINDS).version
    assert load(tmp_path, kinds=KINDS).version == v1
    write(tmp_path, base_rule(basis="Lampiran II.D.2.c"))
    assert load(tmp_path, kinds=KINDS).version != v1


def test_when_single_kind_constraint(tmp_path):
    base = load_one(tmp_path, base_rule(when={"t": "unit"}))
    assert base.rules[0].fields_used() == set()


def test_default_directory_is_the_package():
    directory = rulebase.default_directory()
    assert directory.name == "rules" or str(directory).endswith("rules")


def test_yaml_syntax_error(tmp_path):
    (tmp_path / "U03.yaml").write_text("id: U03\nslug: [unclosed\n")
    with pytest.raises(RuleBaseError) as info:
        load(tmp_path, kinds=KINDS)
    assert info.value.path.endswith("U03.yaml") and "YAML" in info.value.problem


def test_duplicate_yaml_key(tmp_path):
    text = yaml.safe_dump(base_rule(), sort_keys=False) + "severity: warning\n"
    (tmp_path / "U03.yaml").write_text(text)
    with pytest.raises(RuleBaseError, match="duplicate key"):
        load(tmp_path, kinds=KINDS)


def test_not_a_mapping(tmp_path):
    (tmp_path / "U03.yaml").write_text("- a\n- b\n")
    with pytest.raises(RuleBaseError, match="mapping"):
        load(tmp_path, kinds=KINDS)


def _without(key):
    rule = base_rule()
    del rule[key]
    return rule


BAD_WHEN = [
    ({"$and": [{"$gt": {"n_pokja": 0}}]}, "constrain t"),
    ({"$gt": {"n_pokja": 0}}, "must be {t: unit}"),
    ({"$and": [{"t": "member"}, {"$gt": {"n_pokja": 0}}]}, "constrain t"),
    ({"$and": [{"t": "unit"}, {"t": "unit"}]}, "exactly once"),
    ({"$and": [{"t": "unit"}, {"$or": [{"t": "unit"}, {"code": "x"}]}]}, "t may only"),
    ({"$or": [{"t": "unit"}]}, "must be {t: unit}"),
    ({"$and": [{"t": "unit"}, {"$regex": {"code": "x"}}]}, "unknown operator '$regex'"),
    ({"$and": [{"t": "unit"}, {"$eq": {"code": "x"}}]}, "unknown operator '$eq'"),
    ({"$and": [{"t": "unit"}, {"$gt": {"$x": 1}}]}, "unknown operator '$x'"),
    ({"$and": [{"t": "unit"}, {"nope": 1}]}, "unknown field 'nope'"),
    ({"$and": [{"t": "unit"}, {"$neq": {"role": "x"}}]}, "unknown field 'role'"),
    ({"$and": [{"t": "unit"}, {"id": "x"}]}, "reserved"),
    ({"$and": [{"t": "unit"}, {"n_pokja": "1"}]}, "needs a int literal"),
    ({"$and": [{"t": "unit"}, {"n_pokja": True}]}, "needs a int literal"),
    ({"$and": [{"t": "unit"}, {"n_pokja": 1.5}]}, "needs a int literal"),
    ({"$and": [{"t": "unit"}, {"has_pk": 1}]}, "needs a bool literal"),
    ({"$and": [{"t": "unit"}, {"code": 3}]}, "needs a str literal"),
    ({"$and": [{"t": "unit"}, {"code": None}]}, "needs a str literal"),
    ({"$and": [{"t": "unit"}, {"$neq": {"code": 1}}]}, "needs a str literal"),
    ({"$and": [{"t": "unit"}, {"$neq": {"has_pk": "yes"}}]}, "needs a bool literal"),
    ({"$and": [{"t": "unit"}, {"$lt": {"code": "b"}}]}, "int fields only"),
    ({"$and": [{"t": "unit"}, {"$gte": {"has_pk": True}}]}, "int fields only"),
    ({"$and": [{"t": "unit"}, {"$gt": {"n_pokja": "0"}}]}, "needs an int literal"),
    ({"$and": [{"t": "unit"}, {"$gt": {"n_pokja": 2 ** 64}}]}, "needs an int literal"),
    ({"$and": [{"t": "unit"}, {"$mt": {"n_pokja": "1"}}]}, "str fields only"),
    ({"$and": [{"t": "unit"}, {"$mt": {"code": "[a-"}}]}, "$mt regex"),
    ({"$and": [{"t": "unit"}, {"$mt": {"code": "^ab"}}]}, "not supported"),
    ({"$and": [{"t": "unit"}, {"$mt": {"code": 5}}]}, "non-empty string"),
    ({"$and": [{"t": "unit"}, {"$ex": {"code": 2}}]}, "takes {code: 1}"),
    ({"$and": [{"t": "unit"}, {"$nex": {"code": True}}]}, "takes {code: 1}"),
    ({"$and": [{"t": "unit"}, {"$ex": {"code": 1, "n_pokja": 1}}]}, "exactly one field"),
    ({"$and": [{"t": "unit"}, {"code": "a", "n_pokja": 1}]}, "exactly one key"),
    ({"$and": [{"t": "unit"}, {"$or": []}]}, "non-empty list"),
    ({"$and": [{"t": "unit"}, {"$and": {"code": "x"}}]}, "non-empty list"),
    ({"$and": [{"t": "unit"}, ["code"]]}, "exactly one key"),
    ([{"t": "unit"}], "must be a mapping"),
]


@pytest.mark.parametrize("when,fragment", BAD_WHEN, ids=[str(i) for i in range(len(BAD_WHEN))])
def test_bad_when(tmp_path, when, fragment):
    expect_error(tmp_path, base_rule(when=when), fragment)


@pytest.mark.parametrize("rule,fragment,name", [
    (dict(base_rule(), extra=1), "unknown key(s): extra", None),
    (_without("basis"), "missing key(s): basis", None),
    (_without("requires"), "missing key(s): requires", None),
    (_without("when"), "missing key(s): when", None),
    (base_rule(id="U3"), "does not match ^[A-Z]", "U3"),
    (base_rule(id="u03"), "does not match ^[A-Z]", "u03"),
    (base_rule(id=103), "does not match ^[A-Z]", "103"),
    (base_rule(id="U04"), "does not match the file name", "U03"),
    (base_rule(slug="Bad Slug"), "slug", None),
    (base_rule(severity="fatal"), "severity", None),
    (base_rule(**{"from": "final"}), "from 'final'", None),
    (base_rule(fact="nope"), "unknown fact kind 'nope'", None),
    (base_rule(requires="pokja"), "requires must be a list", None),
    (base_rule(requires=["sheet.x"]), "unknown sheet kind 'sheet'", None),
    (base_rule(requires=["pokja.Bad Field"]), "bad field name", None),
    (base_rule(requires=[3]), "must be a string", None),
    (base_rule(locate="nowhere.x"), "unknown sheet kind", None),
    (base_rule(basis=""), "basis must be", None),
    (base_rule(legal_text=None), "legal_text must be", None),
    (base_rule(title={"id": "Judul"}), "title has no 'en'", None),
    (base_rule(hint={"en": "Hint"}), "hint has no 'id'", None),
    (base_rule(message="text"), "message must be a mapping", None),
    (base_rule(title={"id": "Judul", "en": ""}), "title.en must be", None),
    (base_rule(message={"id": "ada {n_support", "en": "x"}), "message.id: bad placeholder", None),
    (base_rule(message={"id": "x", "en": "a } b"}), "message.en: bad placeholder", None),
    (base_rule(message={"id": "x {}", "en": "x"}), "positional placeholder", None),
    (base_rule(doc="text"), "doc must be a mapping", None),
])
def test_bad_rule(tmp_path, rule, fragment, name):
    expect_error(tmp_path, rule, fragment, name)


def test_duplicate_id_and_slug(tmp_path):
    write(tmp_path, base_rule("U03"))
    write(tmp_path, base_rule("U03"), name="U04")
    with pytest.raises(RuleBaseError, match="does not match the file name"):
        load(tmp_path, kinds=KINDS)
    (tmp_path / "U04.yaml").unlink()
    write(tmp_path, base_rule("U04", slug="slug-u03"))
    with pytest.raises(RuleBaseError) as info:
        load(tmp_path, kinds=KINDS)
    assert info.value.path.endswith("U04.yaml") and "duplicate slug" in info.value.problem


def test_error_names_the_bad_file_among_good_ones(tmp_path):
    write(tmp_path, base_rule("A01", slug="a"))
    write(tmp_path, base_rule("B01", slug="b", severity="bad"))
    write(tmp_path, base_rule("C01", slug="c"))
    with pytest.raises(RuleBaseError) as info:
        load(tmp_path, kinds=KINDS)
    assert info.value.path.endswith("B01.yaml")


def test_missing_directory(tmp_path):
    with pytest.raises(RuleBaseError, match="cannot read"):
        load(tmp_path / "nope", kinds=KINDS)


def test_yaml_norway_problem_is_caught(tmp_path):
    # YAML 1.1 reads an unquoted `no` as False: a str field compared with a bool is refused
    text = yaml.safe_dump(base_rule(when={"$and": [{"t": "unit"}, {"code": "PLACEHOLDER"}]}), sort_keys=False)
    (tmp_path / "U03.yaml").write_text(text.replace("PLACEHOLDER", "no"))
    with pytest.raises(RuleBaseError, match="needs a str literal"):
        load(tmp_path, kinds=KINDS)


@pytest.mark.parametrize("rx", ["ab", "a.b", ".*", "[a-z0-9]+", "[^x]*", "(ab|cd)+e?", "a{2}", "a{1,3}b*",
                                "é.*", "PK-[0-9]{2}", "x|y|", "[é-ñ]"])
def test_regex_subset_accepts(rx):
    assert regex_problem(rx) is None


@pytest.mark.parametrize("rx", ["", "a\\.b", "^a", "a$", "(?i)a", "()", "a{0}", "a{,2}", "a{2,}", "a{", "[-a]",
                                "[a-]", "[]a]", "[a-c-e]", "[z-a]", "a*+", "a++", "a+?", '[^"]*', "'", "*a", "a)",
                                "(a", "[]", "a\nb", "(|a)", "[[]", "a" * 201])
def test_regex_subset_rejects(rx):
    assert regex_problem(rx) is not None


def test_installed_rule_base_loads():
    base = load()
    assert base.rules and len({r.id for r in base.rules}) == len(base.rules)


# --------------------------------------------------------------------------------------------
# literals against a field's values, and requires against what the fields read

def ref_rule(when_terms, requires=()):
    return base_rule(fact="ref", requires=list(requires), when={"$and": [{"t": "ref"}] + when_terms})


@pytest.mark.parametrize("term,fragment", [
    ({"role": "Ketau"}, "'Ketau' is not a value of field role (allowed: '', 'Ketua', 'Wakil Ketua')"),
    ({"$neq": {"role": "ketua"}}, "'ketua' is not a value of field role"),
    ({"$or": [{"dest": "target"}, {"dest": "pk"}]}, "when/$or[1]: 'pk' is not a value of field dest"),
    ({"$mt": {"role": "Wakil.*e"}}, "$mt regex 'Wakil.*e' matches no value of field role"),
    ({"$mt": {"dest": "[A-Z].*"}}, "allowed: 'target', 'pokja'"),
])
def test_literal_outside_the_values_is_refused(tmp_path, term, fragment):
    expect_error(tmp_path, ref_rule([term], requires=["pk.kode_target", "pokja.kode_pokja"]), fragment)


@pytest.mark.parametrize("term", [
    {"role": ""}, {"$neq": {"role": "Ketua"}}, {"$mt": {"role": "Wakil.*"}}, {"$mt": {"role": ".*"}},
    {"free": "anything"}, {"$mt": {"free": "x+"}}, {"$ex": {"role": 1}},
])
def test_literal_among_the_values_loads(tmp_path, term):
    assert load_one(tmp_path, ref_rule([term]))


@pytest.mark.parametrize("terms,requires,lacking", [
    ([{"known": False}], [], ["pk.kode_target", "pokja.kode_pokja"]),
    ([{"dest": "target"}, {"known": False}], [], ["pk.kode_target"]),
    ([{"$neq": {"dest": "target"}}, {"known": False}], [], ["pokja.kode_pokja"]),
    ([{"$or": [{"dest": "target"}, {"role": "Ketua"}]}, {"known": False}], ["pk.kode_target"], ["pokja.kode_pokja"]),
    ([{"$mt": {"dest": "p.*"}}, {"known": False}], ["pk.kode_target"], ["pokja.kode_pokja"]),
    ([{"$gt": {"n": 0}}], ["pk"], ["pokja"]),
    ([{"$gt": {"n": 0}}], ["pokja.nama_pokja"], []),
    ([{"$gt": {"n": 0}}], ["pokja"], []),
    ([{"late": True}], ["unit"], ["unit.tahun_kinerja"]),          # a sheet does not cover its columns
    ([{"late": True}], ["unit.tahun_kinerja"], []),              # Tanggal Mulai is optional: never required
])
def test_requires_must_cover_what_the_fields_read(tmp_path, terms, requires, lacking):
    rule = ref_rule(terms, requires)
    if not lacking:
        assert load_one(tmp_path, rule)
        return
    err = expect_error(tmp_path, rule, "requires lacks ")
    named = [part.split(" (read by")[0] for part in err.problem[len("requires lacks "):].split("; ")]
    assert named == lacking, err.problem
    assert "(read by field " in err.problem


def test_requirement_error_names_the_fields(tmp_path):
    err = expect_error(tmp_path, ref_rule([{"known": False}, {"$gt": {"n": 0}}]), "requires lacks ")
    assert "pk.kode_target (read by field known)" in err.problem
    assert "pokja (read by field n)" in err.problem


def test_possible_values():
    universe = ("a", "b", "c")
    assert possible_values({"t": "x"}, "f", universe) == {"a", "b", "c"}
    assert possible_values({"$and": [{"f": "a"}, {"g": 1}]}, "f", universe) == {"a"}
    assert possible_values({"$and": [{"f": "a"}, {"$neq": {"f": "a"}}]}, "f", universe) == set()
    assert possible_values({"$or": [{"f": "a"}, {"f": "b"}]}, "f", universe) == {"a", "b"}
    assert possible_values({"$or": [{"f": "a"}, {"g": "b"}]}, "f", universe) == {"a", "b", "c"}
    assert possible_values({"$mt": {"f": "[ab]"}}, "f", universe) == {"a", "b"}
    assert possible_values({"$neq": {"g": "a"}}, "f", universe) == {"a", "b", "c"}


def test_a_requirement_parses_to_the_read_it_names():
    assert Read.parse("pk.kode_target") == col("pk", "kode_target")
    assert Read.parse("pokja") == sheet("pokja")
    assert Read.parse("pokja.") == Read("pokja", "")          # refused by the loader: bad field name ''
    assert col("mph", "kode_pokja", source="mph_row", refers_to="pokja").when == \
        (("source", "mph_row"), ("refers_to", "pokja"))
    assert [r.requirement for r in (col("pk", "kode_target"), sheet("pokja"))] == ["pk.kode_target", "pokja"]
