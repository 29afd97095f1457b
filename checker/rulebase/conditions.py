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

from checker.rulebase.bounds import MAX_REGEX_CHOICES, MAX_REGEX_UNBOUNDED, check_condition_size

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
# The pandas engine uses Python's backtracking `re`, so the subset also leaves out what makes
# it backtrack without bound (issue 13, bounds.py): a repeated group holding a repetition
# (`(a+)+b`: 2^n steps), a repeated alternation whose branches are not distinct literal
# strings none of which starts another (`(a|aa)+`), more combinations of alternatives and
# bounded repetitions (`?`, `{n,m}`) than MAX_REGEX_CHOICES (`(a|a)(a|a)...`) and more unbounded
# repetitions (`*`, `+`) than MAX_REGEX_UNBOUNDED (`.*a.*b`: quadratic, 1.3 s on one 32,767-
# character cell), not counting a final `.*` nor, before any other, one that cannot backtrack
# (`[A-Z]+-`).
_REGEX_FORBIDDEN = set('\\$"\'')
_REGEX_MAX_REPEAT = 50


class _Shape:
    """What the parser saw of a regex: its unbounded repetitions, and the product of the
    alternatives of its alternations and of the spans of its bounded repetitions (how many
    ways backtracking may try at one position)."""

    def __init__(self):
        self.unbounded, self.choices = 0, 1


def regex_problem(rx) -> str | None:
    """None when `rx` is in the $mt subset both engines agree on, else the reason."""
    if not isinstance(rx, str) or not rx:
        return "must be a non-empty string"
    if len(rx) > 200:
        return "longer than 200 characters"
    bad = sorted({c for c in rx if c in _REGEX_FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7f})
    if bad:
        return f"characters {''.join(bad)!r} are not supported (no escapes, anchors or quotes)"
    shape = _Shape()
    try:
        pos, _ = _parse_alt(rx, 0, 0, shape)
    except ValueError as e:
        return str(e)
    if pos != len(rx):
        return f"unexpected {rx[pos]!r} at {pos}"
    if shape.unbounded > MAX_REGEX_UNBOUNDED:
        return (f"{shape.unbounded} repetitions with * or + that may backtrack; at most "
                f"{MAX_REGEX_UNBOUNDED} (not counted: a final .*, and before any other one followed by "
                "a character it cannot match, as in [A-Z]+-)")
    if shape.choices > MAX_REGEX_CHOICES:
        return (f"{shape.choices} combinations of alternatives (|, ?, {{n,m}}); at most {MAX_REGEX_CHOICES} "
                "(backtracks without bound)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(rx)
    except re.error as e:
        return f"does not compile: {e}"
    return None


def _parse_alt(rx, i, depth, shape):
    """(end, branches): the alternatives from i, each as its text when it is a plain literal
    string, else None."""
    branches = []
    while True:
        start, literal = i, True
        while i < len(rx) and rx[i] not in "|)":
            i, plain = _parse_piece(rx, i, depth, shape)
            literal = literal and plain
        if i == start and depth:
            raise ValueError(f"empty alternative at {i}")
        branches.append(rx[start:i] if literal else None)
        if i < len(rx) and rx[i] == "|":
            i += 1
            continue
        shape.choices *= len(branches)
        return i, branches


def _parse_piece(rx, i, depth, shape):
    """(end, plain): a piece and whether it is one literal character, unrepeated."""
    c, start = rx[i], i
    inner = None
    if c == "(":
        if i + 1 < len(rx) and rx[i + 1] == "?":
            raise ValueError("(?...) groups are not supported")
        unbounded_before = shape.unbounded
        j, inner = _parse_alt(rx, i + 1, depth + 1, shape)
        if j >= len(rx) or rx[j] != ")":
            raise ValueError(f"unclosed group at {i}")
        i = j + 1
        repeats_inside = shape.unbounded > unbounded_before or _has_repetition(rx[start + 1:j])
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
    plain = c not in "([."
    quantified = i < len(rx) and rx[i] in "*+?{"
    repeated = quantified and rx[i] != "?" and not re.match(r"\{1\}", rx[i:])     # more than once
    if i < len(rx) and rx[i] in "*+?":
        if rx[i] in "*+":
            kind = _repetition_kind(rx, start, i, depth)
            # A forced repetition still scans the text once per try of an earlier one.
            if kind == "free" or (kind == "forced" and not shape.unbounded):
                pass
            else:
                shape.unbounded += 1
        shape.choices *= 2 if rx[i] == "?" else 1
        i += 1
    elif i < len(rx) and rx[i] == "{":
        m = re.compile(r"\{(\d+)(?:,(\d+))?\}").match(rx, i)
        if not m:
            raise ValueError(f"bad repetition at {i} (use {{n}} or {{n,m}})")
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) is not None else lo
        if not 1 <= lo <= hi <= _REGEX_MAX_REPEAT:
            raise ValueError(f"repetition {m.group(0)} needs 1 <= n <= m <= {_REGEX_MAX_REPEAT}")
        shape.choices *= hi - lo + 1
        i = m.end()
    if i < len(rx) and rx[i] in "*+?{":
        raise ValueError(f"double quantifier at {i}")
    if repeated and inner is not None:
        _check_repeated_group(rx[start:i], inner, repeats_inside)
    return i, plain and not quantified


def _repetition_kind(rx, start, q, depth) -> str:
    """How the repetition of the piece rx[start:q] (quantifier at q) can backtrack: "free" for a
    `.*` or `.+` ending the regex or a top-level alternative (`.` matches anything, re.S, and
    nothing after it can fail), "forced" for a one-character piece that nothing following it
    can start with (`[A-Z]+-`, `[a-z]+( x)?`: where it stops is fixed, though it scans the text
    once per try of an earlier repetition), else "backtracks"."""
    after = q + 1
    if rx[start] == "." and depth == 0 and (after == len(rx) or rx[after] == "|"):
        return "free"
    if rx[start] == "(":
        return "backtracks"
    try:
        follow = _first_sets(rx, after, depth)
    except (ValueError, IndexError):
        follow = None
    if follow is None:
        return "backtracks"
    mine = _char_set(rx[start:q])
    return "backtracks" if any(_overlap(mine, other) for other in follow) else "forced"


def _first_sets(rx, i, depth):
    """The character sets (of _char_set) that what follows position i can start with (the end
    of the text starts nothing), or None when that is not simple to tell."""
    if i == len(rx) or (depth == 0 and rx[i] == "|"):
        return []
    c = rx[i]
    if c in "|)":
        return None                             # the rest is after the enclosing group
    if c == "(":
        level, close, branch_starts = 0, i, [i + 1]
        while True:
            ch = rx[close]
            if ch == "[":
                close = rx.index("]", close + 1)
            elif ch == "(":
                level += 1
            elif ch == ")":
                level -= 1
                if not level:
                    break
            elif ch == "|" and level == 1:
                branch_starts.append(close + 1)
            close += 1
        sets = []
        for b in branch_starts:
            piece_end = b + 1 if rx[b] != "[" else rx.index("]", b + 1) + 1
            if rx[b] in "(.|)" or (piece_end < len(rx) and rx[piece_end] in "?*"):
                return None
            sets.append(_char_set(rx[b:piece_end]))
        nxt = close + 1
        if nxt < len(rx) and rx[nxt] in "?*":
            rest = _first_sets(rx, nxt + 1, depth)
            return None if rest is None else sets + rest
        return sets
    if c == ".":
        return [_char_set(".")]
    piece_end = i + 1 if c != "[" else rx.index("]", i + 1) + 1
    mine = [_char_set(rx[i:piece_end])]
    if piece_end < len(rx) and rx[piece_end] in "?*":
        rest = _first_sets(rx, piece_end + 1, depth)
        return None if rest is None else mine + rest
    return mine


def _char_set(piece: str):
    """A one-character piece (literal, '.' or class) as (negated, [(lo, hi), ...])."""
    if piece == ".":
        return True, []
    if not piece.startswith("["):
        return False, [(ord(piece), ord(piece))]
    body, negated = piece[1:-1], piece.startswith("[^")
    body = body[1:] if negated else body
    ranges, i = [], 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            ranges.append((ord(body[i]), ord(body[i + 2])))
            i += 3
        else:
            ranges.append((ord(body[i]), ord(body[i])))
            i += 1
    return negated, ranges


def _overlap(a, b) -> bool:
    """Whether two character sets of _char_set share a character."""
    def explicit(cs):
        negated, ranges = cs
        if not negated:
            return sorted(ranges)
        out, lo = [], 0
        for r_lo, r_hi in sorted(ranges):
            if r_lo > lo:
                out.append((lo, r_lo - 1))
            lo = max(lo, r_hi + 1)
        return out + [(lo, 0x10FFFF)] if lo <= 0x10FFFF else out
    return any(a_lo <= b_hi and b_lo <= a_hi for a_lo, a_hi in explicit(a) for b_lo, b_hi in explicit(b))


def _has_repetition(text: str) -> bool:
    return any(ch in "*+?{" for ch in re.sub(r"\[[^\]]*\]", "", text))


def _check_repeated_group(group: str, branches, repeats_inside: bool) -> None:
    """A repeated group must match each text in one way only, or backtracking explodes."""
    if repeats_inside:
        raise ValueError(f"{group}: a repeated group may not hold a repetition (backtracks exponentially)")
    if len(branches) > 1:
        texts = [b for b in branches if b is not None]
        prefix = any(a != b and b.startswith(a) for a in texts for b in texts)
        if len(texts) < len(branches) or len(set(texts)) < len(texts) or prefix:
            raise ValueError(f"{group}: the alternatives of a repeated group must be distinct literal texts, "
                             "none the start of another (backtracks exponentially)")


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
