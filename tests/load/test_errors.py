"""The kinds of load failure (checker/load/errors.py): each has its text in both languages with
the placeholders its factory fills, each is raised somewhere, each crosses a process boundary
intact, and a key or a parameter that is not the kind's own is refused."""
from __future__ import annotations

import ast
import inspect
import pickle
import string
from pathlib import Path

import pytest

from checker.load import errors
from checker.load.errors import KINDS, ROSTER_KINDS, LoadError, RosterError
from checker.texts import CATALOGUE, UserError

PACKAGE = Path(__file__).resolve().parents[2] / "checker"
# what every text of a surface may name besides its kind's own parameters
SURFACES = {"load.": (KINDS, {"file", "detail"}, ""), "roster.": (ROSTER_KINDS, {"path", "detail"}, "roster_")}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _factory(prefix: str, kind: str):
    return getattr(errors, SURFACES[prefix][2] + kind)


def _sample(prefix: str, kind: str) -> UserError:
    """The kind's error built by its factory, every parameter given a value."""
    factory = _factory(prefix, kind)
    args, kwargs = ["Unit A.xlsx"], {}
    for name, p in list(inspect.signature(factory).parameters.items())[1:]:
        if p.kind is p.KEYWORD_ONLY:
            kwargs[name] = 12_345
        elif p.default is p.empty:
            args.append(errors.corrupt("r.xlsx", "bad zip") if name == "cause" else "technical detail")
    return factory(*args, **kwargs)


ALL = [(prefix, kind) for prefix, (registry, _, _) in SURFACES.items() for kind in registry]


def test_every_text_of_a_surface_is_a_kind():
    for prefix, (registry, _, _) in SURFACES.items():
        texts = {k[len(prefix):] for k in CATALOGUE if k.startswith(prefix)}
        assert texts == set(registry), prefix


@pytest.mark.parametrize("prefix, kind", ALL)
def test_every_kind_has_its_text_in_both_languages_with_its_parameters(prefix, kind):
    registry, common, _ = SURFACES[prefix]
    ind, eng = CATALOGUE[prefix + kind]
    assert _placeholders(ind) == _placeholders(eng)
    own = set(registry[kind])
    assert _placeholders(ind) - common == own, f"{prefix}{kind}: the text's placeholders are not the factory's"


@pytest.mark.parametrize("prefix, kind", ALL)
def test_every_kind_is_built_by_its_factory_and_told_in_both_languages(prefix, kind):
    err = _sample(prefix, kind)
    assert isinstance(err, UserError) and err.message_key == kind
    for lang in ("id", "en"):
        text = err.message(lang)
        assert "Unit A.xlsx" in text and "{" not in text
        if SURFACES[prefix][0][kind]:        # every parameter is 12,345: grouped in a workbook's text
            assert {"load.id": "12.345", "load.en": "12,345"}.get(prefix + lang, "12345") in text


@pytest.mark.parametrize("prefix, kind", ALL)
def test_every_kind_crosses_a_process_boundary(prefix, kind):
    err = _sample(prefix, kind)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and str(back) == str(err)
    assert back.message("id") == err.message("id") and back.message("en") == err.message("en")


def _referenced_outside() -> set[str]:
    """Factory names and old-form keys (`LoadError(path, "timeout", ...)`) used by the package
    outside errors.py; a factory reached through errors.entry_error counts when that is used."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "errors.py" and path.parent.name == "load":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "errors":
                names.add(node.attr)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("LoadError", "RosterError") \
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                names.add(("roster_" if node.func.id == "RosterError" else "") + node.args[1].value)
    if "entry_error" in names:
        tree = ast.parse(inspect.getsource(errors.entry_error))
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    return names


def test_every_kind_is_raised_somewhere():
    used = _referenced_outside()
    unused = [SURFACES[prefix][2] + kind for prefix, kind in ALL if SURFACES[prefix][2] + kind not in used]
    assert unused == [], f"kinds nothing raises: {unused}"


def test_the_old_call_form_is_checked_like_the_factories():
    old = LoadError("u.xlsx", "timeout", "killed after 30 s", s=30)
    assert (old.message_key, old.params, old.detail) == ("timeout", {"s": 30}, "killed after 30 s")
    assert old.message("en") == errors.timeout("u.xlsx", "killed after 30 s", s=30).message("en")
    with pytest.raises(ValueError, match="not a kind"):
        LoadError("u.xlsx", "no_such_kind")
    with pytest.raises(TypeError, match="takes"):
        LoadError("u.xlsx", "timeout", "x", seconds=30)
    with pytest.raises(TypeError, match="takes"):
        LoadError("u.xlsx", "memory_limit", "x")
    with pytest.raises(TypeError, match="takes"):
        RosterError("r.csv", "csv_encoding", line=3)
    assert RosterError("r.csv", "no_rows", sheet="").message("en").startswith("The master roster r.csv (sheet )")


def test_numbers_in_a_text_are_grouped_in_the_users_language():
    err = errors.too_many_rows("u.xlsx", sheet="Pegawai", rows=1_048_576, limit=100_000)
    assert "1.048.576" in err.message("id") and "100.000" in err.message("id")
    assert "1,048,576" in err.message("en") and "100,000" in err.message("en")


def test_an_unreadable_roster_says_why_in_the_users_language():
    cause = errors.password_protected("r.xlsx")
    err = errors.roster_unreadable("r.xlsx", cause)
    assert cause.message("id") in err.message("id") and cause.message("en") in err.message("en")
    assert str(err) == "r.xlsx: unreadable: password_protected"
