"""A rule's ``when``: the durable-rules JSON condition over one fact, checked strictly.

The validator only lets through what both engines evaluate identically (see
``../shared/notes/durable-rules.md``): every pattern constrains the kind field ``t``, no joins,
no ``none()``/``count``, literals typed like their field, and ``$mt`` regexes restricted to a
subset on which durable-rules' own regex engine and Python's ``re`` agree. A literal compared
with a field of a closed value set (``FieldSpec.values``) must be one of its values, so that a
typo is refused instead of silently never (or always) matching. A condition larger or deeper
than any real rule by far is refused first (bounds.py: durable's create_ruleset hangs on an
`$or` of 513 terms and refuses 15 levels of nesting).
"""
from __future__ import annotations

import re
import warnings

from checker.rulebase.bounds import check_condition_size

ORDERINGS = ("$lt", "$gt", "$lte", "$gte")
OPERATORS = ("$and", "$or", "$neq", "$lt", "$gt", "$lte", "$gte", "$ex", "$nex", "$mt")
RESERVED_FIELDS = ("id", "sid")          # set by the durable adapter on every fact
KIND_FIELD = "t"
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1


def fields_used(when) -> set:
    """The fact fields a (valid) condition reads, the kind field ``t`` excluded."""
    out: set = set()
    _collect_fields(when, out)
    out.discard(KIND_FIELD)
    return out


def _collect_fields(cond, out: set) -> None:
    (key, value), = cond.items()
    if key in ("$and", "$or"):
        for sub in value:
            _collect_fields(sub, out)
    elif key in OPERATORS:
        out.update(value.keys())
    else:
        out.add(key)


def possible_values(cond, name: str, universe) -> frozenset:
    """The values of field `name` (out of `universe`) a fact can have and still match `cond`:
    an over-approximation, exact for equalities, ``$neq`` and ``$mt`` under ``$and``/``$or``."""
    universe = frozenset(universe)
    (key, value), = cond.items()
    if key == "$and":
        out = universe
        for sub in value:
            out &= possible_values(sub, name, universe)
        return out
    if key == "$or":
        return frozenset().union(*(possible_values(sub, name, universe) for sub in value))
    if key == name:
        return universe & {value}
    if key == "$neq" and name in value:
        return universe - {value[name]}
    if key == "$mt" and name in value:
        return frozenset(v for v in universe if re.fullmatch(value[name], v))
    return universe


def check_when(when, kind: str, spec, fail) -> None:
    """Validate `when` for fact kind `kind` (a FactKind `spec`); `fail(problem)` raises."""
    def is_kind(c):
        return isinstance(c, dict) and len(c) == 1 and KIND_FIELD in c

    if not isinstance(when, dict):
        fail("when must be a mapping")
    check_condition_size(when, fail)
    if is_kind(when):
        terms = [when]
    elif len(when) == 1 and "$and" in when and isinstance(when["$and"], list):
        terms = when["$and"]
    else:
        fail(f"when must be {{t: {kind}}} or {{$and: [{{t: {kind}}}, ...]}}")
    kind_terms = [c for c in terms if is_kind(c)]
    if len(kind_terms) != 1 or kind_terms[0][KIND_FIELD] != kind:
        fail(f"when must constrain t to {kind!r} exactly once at the top level (found "
             f"{[c[KIND_FIELD] for c in kind_terms]})")
    for c in terms:
        if not is_kind(c):
            _check_cond(c, spec, fail, "when")


def _field_spec(spec, name, where, fail):
    if not isinstance(name, str) or name.startswith("$"):
        fail(f"{where}: unknown operator {name!r} (allowed: {' '.join(OPERATORS)})")
    if name == KIND_FIELD:
        fail(f"{where}: t may only be constrained once, at the top level")
    if name in RESERVED_FIELDS:
        fail(f"{where}: field {name!r} is reserved")
    fld = spec.fields.get(name)
    if fld is None:
        fail(f"{where}: unknown field {name!r} of fact kind {spec.name!r}")
    return fld


def _literal_ok(ftype: str, value) -> bool:
    if ftype == "bool":
        return isinstance(value, bool)
    if ftype == "int":
        return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX
    if ftype == "str":
        return isinstance(value, str)
    return False


def _allowed(values) -> str:
    return ", ".join(repr(v) for v in values)


def _check_value(fld, lit, where, fail) -> None:
    if fld.values is not None and lit not in fld.values:
        fail(f"{where}: {lit!r} is not a value of field {fld.name} (allowed: {_allowed(fld.values)})")


def _check_cond(cond, spec, fail, where):
    if not isinstance(cond, dict) or len(cond) != 1:
        fail(f"{where}: a condition must be a mapping with exactly one key, got {cond!r}")
    (key, value), = cond.items()
    if key in ("$and", "$or"):
        if not isinstance(value, list) or not value:
            fail(f"{where}: {key} takes a non-empty list of conditions")
        for i, sub in enumerate(value):
            _check_cond(sub, spec, fail, f"{where}/{key}[{i}]")
        return
    if isinstance(key, str) and key.startswith("$"):
        if key not in OPERATORS:
            fail(f"{where}: unknown operator {key!r} (allowed: {' '.join(OPERATORS)})")
        if not isinstance(value, dict) or len(value) != 1:
            fail(f"{where}: {key} takes a mapping of exactly one field to a value")
        (name, lit), = value.items()
        fld = _field_spec(spec, name, f"{where}/{key}", fail)
        ftype = fld.type
        if key in ("$ex", "$nex"):
            if lit != 1 or isinstance(lit, bool):
                fail(f"{where}: {key} takes {{{name}: 1}}")
        elif key in ORDERINGS:
            if ftype != "int":
                fail(f"{where}: {key} applies to int fields only; {name} is {ftype}")
            if not _literal_ok("int", lit):
                fail(f"{where}: {key} on {name} needs an int literal, got {lit!r}")
        elif key == "$mt":
            if ftype != "str":
                fail(f"{where}: $mt applies to str fields only; {name} is {ftype}")
            problem = regex_problem(lit)
            if problem:
                fail(f"{where}: $mt regex {lit!r}: {problem}")
            if fld.values is not None and not any(re.fullmatch(lit, v) for v in fld.values):
                fail(f"{where}: $mt regex {lit!r} matches no value of field {name} "
                     f"(allowed: {_allowed(fld.values)})")
        else:  # $neq
            if not _literal_ok(ftype, lit):
                fail(f"{where}: {key} on {ftype} field {name} needs a {ftype} literal, got {lit!r}")
            _check_value(fld, lit, f"{where}/{key}", fail)
        return
    fld = _field_spec(spec, key, where, fail)
    if not _literal_ok(fld.type, value):
        fail(f"{where}: {fld.type} field {key} compared with {value!r}; needs a {fld.type} literal")
    _check_value(fld, value, where, fail)


# $mt: durable-rules matches the whole value (not a search) with its own regex engine, over
# the value's JSON-escaped text. Measured against Python's `re`, the two agree on the subset
# below and differ (or durable fails, or hangs: `a*+`) on escapes, anchors, `(?...)`, empty
# groups, `{0}`, '-' and ']' as literals in classes and double quantifiers.
_REGEX_FORBIDDEN = set('\\$"\'')
_REGEX_MAX_REPEAT = 50


def regex_problem(rx) -> str | None:
    """None when `rx` is in the $mt subset both engines agree on, else the reason."""
    if not isinstance(rx, str) or not rx:
        return "must be a non-empty string"
    if len(rx) > 200:
        return "longer than 200 characters"
    bad = sorted({c for c in rx if c in _REGEX_FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7f})
    if bad:
        return f"characters {''.join(bad)!r} are not supported (no escapes, anchors or quotes)"
    try:
        pos = _parse_alt(rx, 0, depth=0)
    except ValueError as e:
        return str(e)
    if pos != len(rx):
        return f"unexpected {rx[pos]!r} at {pos}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(rx)
    except re.error as e:
        return f"does not compile: {e}"
    return None


def _parse_alt(rx, i, depth):
    while True:
        start = i
        while i < len(rx) and rx[i] not in "|)":
            i = _parse_piece(rx, i, depth)
        if i == start and depth:
            raise ValueError(f"empty alternative at {i}")
        if i < len(rx) and rx[i] == "|":
            i += 1
            continue
        return i


def _parse_piece(rx, i, depth):
    c = rx[i]
    if c == "(":
        if i + 1 < len(rx) and rx[i + 1] == "?":
            raise ValueError("(?...) groups are not supported")
        j = _parse_alt(rx, i + 1, depth + 1)
        if j >= len(rx) or rx[j] != ")":
            raise ValueError(f"unclosed group at {i}")
        i = j + 1
    elif c == "[":
        i = _parse_class(rx, i)
    elif c in "*+?{":
        raise ValueError(f"quantifier {c!r} at {i} has nothing to repeat")
    elif c in "]}":
        raise ValueError(f"unbalanced {c!r} at {i}")
    elif c == "^":
        raise ValueError("anchors (^ $) are not supported: $mt always matches the whole value")
    else:
        i += 1                                  # a literal character or '.'
    if i < len(rx) and rx[i] in "*+?":
        i += 1
    elif i < len(rx) and rx[i] == "{":
        m = re.compile(r"\{(\d+)(?:,(\d+))?\}").match(rx, i)
        if not m:
            raise ValueError(f"bad repetition at {i} (use {{n}} or {{n,m}})")
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) is not None else lo
        if not 1 <= lo <= hi <= _REGEX_MAX_REPEAT:
            raise ValueError(f"repetition {m.group(0)} needs 1 <= n <= m <= {_REGEX_MAX_REPEAT}")
        i = m.end()
    if i < len(rx) and rx[i] in "*+?{":
        raise ValueError(f"double quantifier at {i}")
    return i


def _parse_class(rx, i):
    i += 1
    if i < len(rx) and rx[i] == "^":
        i += 1
    items = 0
    while i < len(rx) and rx[i] != "]":
        c = rx[i]
        if c in "[-^":
            raise ValueError(f"{c!r} inside a character class is not supported (at {i})")
        if i + 2 < len(rx) and rx[i + 1] == "-" and rx[i + 2] != "]":
            hi = rx[i + 2]
            if hi in "[-^" or hi < c:
                raise ValueError(f"bad range {c}-{hi} at {i}")
            i += 3
        else:
            i += 1
        items += 1
    if i >= len(rx):
        raise ValueError("unclosed character class")
    if not items:
        raise ValueError("empty character class")
    return i + 1
