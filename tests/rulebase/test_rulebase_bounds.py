"""A rule base from elsewhere (`--rules DIR`) cannot hang or exhaust the checker (issue 13 §6):
alias bombs, huge or deep conditions, placeholder widths and oversized texts are refused in
validation, with exit 3 naming the file and the problem in the user's language, by `check`,
`explain` and `rules` alike. The bombs are built here, small."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import invoke as cli_invoke

from checker.rulebase import RuleBaseError, bounds, load, regex_problem
from checker.rulebase.bounds import MAX_CONDITION_DEPTH, MAX_TERMS, condition_size

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
SAMPLE = ROOT / "samples" / "d1-as1-moneter.xlsx"
U01_WHEN = "when:\n  $and:\n    - {t: unit}\n    - {n_pokja: 0}\n    - {not_submitted: false}\n"

# 9 levels of 9-fold aliases: 700 bytes of YAML, 387 million nodes when expanded.
BOMB = "".join(f"{a}: &{a} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
               for p, a in zip([""] + list("abcdefgh"), "abcdefghi"))


def indent(text: str, n: int) -> str:
    return "".join(" " * n + line + "\n" for line in text.splitlines())


def rule_dir(tmp_path, old: str, new: str, rule: str = "U01") -> Path:
    """A copy of the real rule base with one replacement in one rule file."""
    d = tmp_path / "rules"
    shutil.copytree(RULES, d, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    text = (d / f"{rule}.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (d / f"{rule}.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return d


def when_with(tmp_path, extra: str) -> Path:
    return rule_dir(tmp_path, U01_WHEN, U01_WHEN + indent(extra, 4))


def or_of(n: int) -> str:
    return "- $or:\n" + "".join(f"    - {{n_pokja: {i}}}\n" for i in range(1, n + 1))


def nested(levels: int) -> str:
    cond = "{n_pokja: 0}"
    for _ in range(levels):
        cond = "{$and: [" + cond + "]}"
    return f"- {cond}\n"


COMMANDS = {
    "check": lambda d, lang: ["check", str(SAMPLE), "--rules", str(d), "-o", str(d.parent / "o.xlsx"), "--lang", lang],
    "explain": lambda d, lang: ["explain", "U01", "--rules", str(d), "--lang", lang],
    "rules": lambda d, lang: ["rules", "--rules", str(d), "--lang", lang],
}


def invoke(args):
    return cli_invoke(*args)


def assert_refused(d: Path, command: str, id_text: str, en_text: str):
    """Exit 3 naming the rule file, with the problem in Indonesian by default and in English."""
    for lang, text in (("id", id_text), ("en", en_text)):
        result = invoke(COMMANDS[command](d, lang))
        assert result.exit_code == 3, result.output
        assert str(d / "U01.yaml") in result.output
        assert text in result.output, result.output
    assert not (d.parent / "o.xlsx").exists()


# --- the probes of the issue -----------------------------------------------------------------

def _bomb_in_subprocess(d: Path, command: str):
    # A subprocess with a timeout: before the fix these hung for minutes (or used GBs).
    args = [sys.executable, "-m", "checker"] + COMMANDS[command](d, "en")
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("command", ["check", "explain", "rules"])
def test_alias_bomb_in_when(tmp_path, command):
    assert len(BOMB) < 700
    d = when_with(tmp_path, "- bomb:\n" + indent(BOMB, 4))
    p = _bomb_in_subprocess(d, command)
    assert p.returncode == 3, p.stderr
    assert f"{d / 'U01.yaml'}: line 13: YAML aliases and anchors (*name, &name) are not allowed" in p.stderr


@pytest.mark.parametrize("command", ["check", "explain", "rules"])
def test_alias_bomb_in_doc(tmp_path, command):
    """`doc` is parsed lazily, but check and rules refuse an alias in it as well."""
    d = rule_dir(tmp_path, "doc:\n  what:", "doc:\n  bomb:\n" + indent(BOMB, 4) + "  what:")
    p = _bomb_in_subprocess(d, command)
    assert p.returncode == 3, p.stderr
    assert f"{d / 'U01.yaml'}: line 25: YAML aliases" in p.stderr      # the file's line, not the doc's


def test_alias_message_in_indonesian(tmp_path):
    d = when_with(tmp_path, "- bomb:\n" + indent(BOMB, 4))
    assert_refused(d, "rules",
                   "baris 13: alias dan jangkar YAML (*nama, &nama) tidak diperbolehkan dalam berkas aturan",
                   "line 13: YAML aliases and anchors")


@pytest.mark.parametrize("command", ["check", "explain", "rules"])
def test_or_of_600_terms(tmp_path, command):
    """Passed validation, then hung in durable's create_ruleset (it hangs above 512)."""
    d = rule_dir(tmp_path, "    - {n_pokja: 0}\n", indent(or_of(600), 4))
    assert_refused(d, command, "when memuat 602 kondisi; paling banyak 64", "when has 602 terms; at most 64")


@pytest.mark.parametrize("command", ["check", "explain", "rules"])
def test_placeholder_width(tmp_path, command):
    d = rule_dir(tmp_path, "Unit {unit} ({unit_name}) tidak", "Unit {unit:900000000} ({unit_name}) tidak")
    assert_refused(d, command, "message.id: tempat isian {unit} memuat format (lebar, presisi atau konversi)",
                   "message.id: placeholder {unit} has a format (width, precision or conversion)")


def test_placeholder_precision_and_conversion(tmp_path):
    d = rule_dir(tmp_path, "({unit_name}) has no Pokja", "({unit_name:.900000000}) has no Pokja")
    assert_refused(d, "rules", "message.en: tempat isian {unit_name} memuat format", "placeholder {unit_name} has")
    d2 = rule_dir(tmp_path / "b", "({unit_name}) has no Pokja", "({unit_name!r}) has no Pokja")
    assert_refused(d2, "rules", "message.en: tempat isian {unit_name} memuat format", "placeholder {unit_name} has")


@pytest.mark.parametrize("command", ["check", "explain", "rules"])
def test_nesting_20_deep(tmp_path, command):
    """Was exit 2 (durable refuses 15 levels: error 113); now refused as the YAML nests too deep."""
    d = rule_dir(tmp_path, "    - {n_pokja: 0}\n", indent(nested(20), 4))
    assert_refused(d, command, "baris 10: bersarang lebih dalam dari 32 tingkat",
                   "line 10: nested deeper than 32 levels")


# --- the bounds themselves --------------------------------------------------------------------

def test_condition_depth_within_the_yaml_depth(tmp_path):
    """9 levels of $and pass the YAML bound (32) but not the condition's (8)."""
    d = rule_dir(tmp_path, "    - {n_pokja: 0}\n", indent(nested(MAX_CONDITION_DEPTH), 4))
    assert_refused(d, "rules", f"when bersarang 9 tingkat $and/$or; paling dalam {MAX_CONDITION_DEPTH}",
                   f"when nests $and/$or 9 levels deep; at most {MAX_CONDITION_DEPTH}")


def test_bounds_admit_conditions_of_their_size(tmp_path):
    """The largest condition the bounds allow loads (and the durable engine accepts it)."""
    d = rule_dir(tmp_path, "    - {n_pokja: 0}\n", indent(or_of(MAX_TERMS - 2), 4))
    rule = load(d).by_id("U01")
    assert condition_size(rule.when) == (MAX_TERMS, 2)
    d2 = rule_dir(tmp_path / "b", "    - {n_pokja: 0}\n", indent(nested(MAX_CONDITION_DEPTH - 1), 4))
    assert condition_size(load(d2).by_id("U01").when) == (3, MAX_CONDITION_DEPTH)


def test_real_rules_are_far_below_the_bounds():
    """The margins bounds.py documents: every real rule at most an eighth of the term bound."""
    base = load()
    sizes = {r.id: condition_size(r.when) for r in base}
    assert max(t for t, _ in sizes.values()) * 8 <= MAX_TERMS
    assert max(d for _, d in sizes.values()) * 2 <= MAX_CONDITION_DEPTH
    assert max(p.stat().st_size for p in RULES.glob("*.yaml")) * 6 <= bounds.MAX_FILE_BYTES


def test_too_many_placeholders(tmp_path):
    many = " ".join(["{unit}"] * (bounds.MAX_PLACEHOLDERS + 1))
    d = rule_dir(tmp_path, 'en: "The unit has formed no Pokja"', f'en: "{many}"')
    assert_refused(d, "rules", "title.en: memuat 21 tempat isian; paling banyak 20",
                   "title.en: 21 placeholders; at most 20")


def test_oversized_text(tmp_path):
    long = "x" * (bounds.MAX_SCALAR_CHARS + 1)
    d = rule_dir(tmp_path, 'en: "The unit has formed no Pokja"', f'en: "{long}"')
    assert_refused(d, "rules", "nilai sepanjang 10001 karakter; paling panjang 10000",
                   "a value of 10001 characters; at most 10000")


def test_oversized_file(tmp_path):
    d = rule_dir(tmp_path, "doc:\n", "# " + "x" * bounds.MAX_FILE_BYTES + "\ndoc:\n")
    assert_refused(d, "rules", f"paling besar {bounds.MAX_FILE_BYTES} bita", f"at most {bounds.MAX_FILE_BYTES}")


def test_alias_in_coverage_map(tmp_path):
    """`_coverage.yaml` of a --rules directory is read with the same checks (`rules --coverage`)."""
    d = rule_dir(tmp_path, "doc:\n", "doc:\n")
    (d / "_coverage.yaml").write_text("points:\n" + indent("- " + BOMB.replace("\n", "\n  "), 2), encoding="utf-8")
    with pytest.raises(RuleBaseError, match="_coverage.yaml: line .*: YAML aliases"):
        from checker.rulebase import coverage
        coverage.load_coverage(d)


def test_real_doc_texts_are_not_scanned_twice():
    """No real rule's documentation looks like it holds an alias, so `check` never composes it."""
    from checker.rulebase import yamlfile
    for path in RULES.glob("[A-Z]*.yaml"):
        _, tail = yamlfile._split(path.read_text(encoding="utf-8"))
        assert tail is not None and not yamlfile._MAYBE_ALIAS_RE.search(tail), path


# --- $mt regexes: the pandas engine's `re` backtracks; the subset keeps that bounded ---------

@pytest.mark.parametrize("rx, problem", [
    ("(a+)+b", "a repeated group may not hold a repetition"),
    ("(.*)*b", "a repeated group may not hold a repetition"),
    ("(a{1,5}){1,5}", "a repeated group may not hold a repetition"),
    ("(a|a)+b", "must be distinct literal texts"),
    ("(a|aa)+b", "none the start of another"),
    ("(.|a)+", "must be distinct literal texts"),
    ("(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)", "128 combinations of alternatives"),
    ("[ab]{1,50}[ab]{1,50}.*c", "2500 combinations"),
    (".*a.*b", "2 repetitions with * or + that may backtrack; at most 1"),
    ("[ab]*[ab]*c", "2 repetitions"),
    ("(a|b)+(a|b)+c", "2 repetitions"),
    (".*[A-Z]+-x", "2 repetitions"),
])
def test_regexes_that_backtrack_without_bound_are_refused(rx, problem):
    """Each of these takes seconds to hours on one 32,767-character cell with Python's `re`
    (`(a|b)+(a|b)+c`: 44 s; `(a+)+b`: doubling per character)."""
    assert problem in (regex_problem(rx) or "")


@pytest.mark.parametrize("rx", ["[A-Z]+-[0-9]+", "[A-Z][a-z]+( [A-Z][a-z]+)?", ".*[.].*", "[^/]+/[^/]+/.*",
                                "(ab|cd)+e?", "(a|b)+c?", "a+b+c+", "Ketua|Wakil Ketua", "(a+)?", "a{1,50}.*"])
def test_regexes_that_cannot_backtrack_much_are_kept(rx):
    assert regex_problem(rx) is None


def test_allowed_regexes_stay_fast_on_the_longest_cell():
    """Not a timing test: the number of steps is bounded, so these finish at once (a hang
    would show here as a test that never ends)."""
    import re
    text = "A" + "a" * 32_766
    for rx in ["[A-Z][a-z]+( [A-Z][a-z]+)?1", "[ab]*c", "[a-z]+-[a-z]+-[a-z]+x", ".*a{1,50}c"]:
        assert regex_problem(rx) is None
        assert re.compile(rx, re.S).fullmatch(text) is None
