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

from checker.rulebase.bounds import MAX_REGEX_CHOICES, MAX_REGEX_UNBOUNDED, Problem, check_condition_size

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
        fail(Problem("when_mapping"))
    check_condition_size(when, fail)
    if is_kind(when):
        terms = [when]
    elif len(when) == 1 and "$and" in when and isinstance(when["$and"], list):
        terms = when["$and"]
    else:
        fail(Problem("when_shape", kind=kind))
    kind_terms = [c for c in terms if is_kind(c)]
    if len(kind_terms) != 1 or kind_terms[0][KIND_FIELD] != kind:
        fail(Problem("when_kind", kind=repr(kind), found=str([c[KIND_FIELD] for c in kind_terms])))
    for c in terms:
        if not is_kind(c):
            _check_cond(c, spec, fail, "when")


def _field_spec(spec, name, where, fail):
    if not isinstance(name, str) or name.startswith("$"):
        fail(Problem("cond_unknown_operator", where=where, name=repr(name), allowed=" ".join(OPERATORS)))
    if name == KIND_FIELD:
        fail(Problem("cond_kind_again", where=where))
    if name in RESERVED_FIELDS:
        fail(Problem("cond_reserved", where=where, name=repr(name)))
    fld = spec.fields.get(name)
    if fld is None:
        fail(Problem("cond_unknown_field", where=where, name=repr(name), kind=repr(spec.name)))
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
        fail(Problem("cond_not_a_value", where=where, value=repr(lit), field=fld.name, allowed=_allowed(fld.values)))


def _check_cond(cond, spec, fail, where):
    if not isinstance(cond, dict) or len(cond) != 1:
        fail(Problem("cond_shape", where=where, got=repr(cond)))
    (key, value), = cond.items()
    if key in ("$and", "$or"):
        if not isinstance(value, list) or not value:
            fail(Problem("cond_list", where=where, op=key))
        for i, sub in enumerate(value):
            _check_cond(sub, spec, fail, f"{where}/{key}[{i}]")
        return
    if isinstance(key, str) and key.startswith("$"):
        if key not in OPERATORS:
            fail(Problem("cond_unknown_operator", where=where, name=repr(key), allowed=" ".join(OPERATORS)))
        if not isinstance(value, dict) or len(value) != 1:
            fail(Problem("cond_one_field", where=where, op=key))
        (name, lit), = value.items()
        fld = _field_spec(spec, name, f"{where}/{key}", fail)
        ftype = fld.type
        if key in ("$ex", "$nex"):
            if lit != 1 or isinstance(lit, bool):
                fail(Problem("cond_exists", where=where, op=key, name=name))
        elif key in ORDERINGS:
            if ftype != "int":
                fail(Problem("cond_ordering_type", where=where, op=key, name=name, type=ftype))
            if not _literal_ok("int", lit):
                fail(Problem("cond_ordering_literal", where=where, op=key, name=name, got=repr(lit)))
        elif key == "$mt":
            if ftype != "str":
                fail(Problem("cond_mt_type", where=where, name=name, type=ftype))
            problem = regex_problem(lit)
            if problem:
                fail(Problem("cond_mt_regex", where=where, rx=repr(lit), problem=problem))
            if fld.values is not None and not any(re.fullmatch(lit, v) for v in fld.values):
                fail(Problem("cond_mt_no_value", where=where, rx=repr(lit), name=name, allowed=_allowed(fld.values)))
        else:  # $neq
            if not _literal_ok(ftype, lit):
                fail(Problem("cond_neq_literal", where=where, op=key, type=ftype, name=name, got=repr(lit)))
            _check_value(fld, lit, f"{where}/{key}", fail)
        return
    fld = _field_spec(spec, key, where, fail)
    if not _literal_ok(fld.type, value):
        fail(Problem("cond_eq_literal", where=where, type=fld.type, name=key, got=repr(value)))
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
_REGEX_MAX_CHARS = 200


class _Shape:
    """What the parser saw of a regex: its unbounded repetitions, and the product of the
    alternatives of its alternations and of the spans of its bounded repetitions (how many
    ways backtracking may try at one position)."""

    def __init__(self):
        self.unbounded, self.choices = 0, 1


class _Refused(ValueError):
    """The parser's reason to refuse a regex, a Problem (told in the user's language)."""

    def __init__(self, key: str, **params):
        self.problem = Problem(key, **params)
        super().__init__(self.problem)


def regex_problem(rx) -> Problem | None:
    """None when `rx` is in the $mt subset both engines agree on, else the reason (a Problem:
    its str is the English text)."""
    if not isinstance(rx, str) or not rx:
        return Problem("rx_empty")
    if len(rx) > _REGEX_MAX_CHARS:
        return Problem("rx_long", max=_REGEX_MAX_CHARS)
    bad = sorted({c for c in rx if c in _REGEX_FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7f})
    if bad:
        return Problem("rx_chars", chars=repr("".join(bad)))
    shape = _Shape()
    try:
        pos, _ = _parse_alt(rx, 0, 0, shape)
    except _Refused as e:
        return e.problem
    if pos != len(rx):
        return Problem("rx_unexpected", c=repr(rx[pos]), at=pos)
    if shape.unbounded > MAX_REGEX_UNBOUNDED:
        return Problem("rx_unbounded", n=shape.unbounded, max=MAX_REGEX_UNBOUNDED)
    if shape.choices > MAX_REGEX_CHOICES:
        return Problem("rx_choices", n=shape.choices, max=MAX_REGEX_CHOICES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(rx)
    except re.error as e:
        return Problem("rx_compile", detail=str(e))
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
            raise _Refused("rx_empty_alt", at=i)
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
            raise _Refused("rx_group_ext")
        unbounded_before = shape.unbounded
        j, inner = _parse_alt(rx, i + 1, depth + 1, shape)
        if j >= len(rx) or rx[j] != ")":
            raise _Refused("rx_unclosed_group", at=i)
        i = j + 1
        repeats_inside = shape.unbounded > unbounded_before or _has_repetition(rx[start + 1:j])
    elif c == "[":
        i = _parse_class(rx, i)
    elif c in "*+?{":
        raise _Refused("rx_nothing_to_repeat", q=repr(c), at=i)
    elif c in "]}":
        raise _Refused("rx_unbalanced", c=repr(c), at=i)
    elif c == "^":
        raise _Refused("rx_anchor")
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
            raise _Refused("rx_bad_repeat", at=i)
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) is not None else lo
        if not 1 <= lo <= hi <= _REGEX_MAX_REPEAT:
            raise _Refused("rx_repeat_range", rep=m.group(0), max=_REGEX_MAX_REPEAT)
        shape.choices *= hi - lo + 1
        i = m.end()
    if i < len(rx) and rx[i] in "*+?{":
        raise _Refused("rx_double_quantifier", at=i)
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
        raise _Refused("rx_nested_repeat", group=group)
    if len(branches) > 1:
        texts = [b for b in branches if b is not None]
        prefix = any(a != b and b.startswith(a) for a in texts for b in texts)
        if len(texts) < len(branches) or len(set(texts)) < len(texts) or prefix:
            raise _Refused("rx_ambiguous_alts", group=group)


def _parse_class(rx, i):
    i += 1
    if i < len(rx) and rx[i] == "^":
        i += 1
    items = 0
    while i < len(rx) and rx[i] != "]":
        c = rx[i]
        if c in "[-^":
            raise _Refused("rx_class_char", c=repr(c), at=i)
        if i + 2 < len(rx) and rx[i + 1] == "-" and rx[i + 2] != "]":
            hi = rx[i + 2]
            if hi in "[-^" or hi < c:
                raise _Refused("rx_bad_range", lo=c, hi=hi, at=i)
            i += 3
        else:
            i += 1
        items += 1
    if i >= len(rx):
        raise _Refused("rx_unclosed_class")
    if not items:
        raise _Refused("rx_empty_class")
    return i + 1
