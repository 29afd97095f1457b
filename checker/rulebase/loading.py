"""The rule base: one YAML file per rule (``rules/U03.yaml``), loaded and validated strictly.

``load()`` returns a :class:`RuleBase` or raises :class:`RuleBaseError` (exit 3) naming the
file and the problem. A rule's ``when`` is a durable-rules JSON condition over ONE fact; the
validator only lets through what both engines evaluate identically (see
``../shared/notes/durable-rules.md``): every pattern constrains the kind field ``t``, no joins,
no ``none()``/``count``, literals typed like their field, and ``$mt`` regexes restricted to a
subset on which durable-rules' own regex engine and Python's ``re`` agree.
"""
from __future__ import annotations

import hashlib
import re
import string
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.terms import LANGS, SEVERITIES, STAGES, runs_in

SHEET_KINDS = ("unit", "pk", "pegawai", "mph", "pokja", "anggota", "surat_tugas")
REQUIRED_KEYS = ("id", "slug", "severity", "from", "fact", "requires", "when", "basis", "legal_text",
                 "title", "message", "hint")
OPTIONAL_KEYS = ("doc", "examples", "locate")
TEXT_KEYS = ("title", "message", "hint")
COMPARISONS = ("$neq", "$lt", "$gt", "$lte", "$gte")
ORDERINGS = ("$lt", "$gt", "$lte", "$gte")
OPERATORS = ("$and", "$or", "$neq", "$lt", "$gt", "$lte", "$gte", "$ex", "$nex", "$mt")
RESERVED_FIELDS = ("id", "sid")          # set by the durable adapter on every fact
KIND_FIELD = "t"
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1

_ID_RE = re.compile(r"^[A-Z]\d\d$")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_IDENT_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


class RuleBaseError(Exception):
    """An invalid rule file; ``str()`` is ``"path: problem"``."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Rule:
    id: str
    slug: str
    severity: str
    from_stage: str
    fact: str
    requires: tuple
    when: dict
    basis: str
    legal_text: str
    title: dict
    message: dict
    hint: dict
    doc: dict | None = None
    examples: Any = None
    locate: str | None = None
    path: str = ""

    def __hash__(self):                   # dict fields are not hashable; the id identifies a rule
        return hash((self.id, self.path))

    def applies_in(self, stage: str) -> bool:
        return runs_in(self.from_stage, stage)

    def text(self, name: str, lang: str) -> str:
        texts = getattr(self, name)
        return texts.get(lang) or texts["id"]

    def fields_used(self) -> set:
        """The fact fields the condition reads (the kind field ``t`` excluded)."""
        out: set = set()
        _collect_fields(self.when, out)
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


@dataclass(frozen=True)
class RuleBase:
    rules: tuple                # Rule, sorted by id
    version: str                # short sha256 over the files' names and bytes
    source: str                 # the directory the rules were read from
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._by_id.update({r.id: r for r in self.rules})

    def by_id(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def for_stage(self, stage: str) -> tuple:
        return tuple(r for r in self.rules if r.applies_in(stage))

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)


# ---------------------------------------------------------------------------------------------
# loading

def _yaml_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):           # rejects duplicate mapping keys (PyYAML keeps the last one)
        pass

    def construct_mapping(loader, node, deep=False):
        loader.flatten_mapping(node)
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                dup = key in seen
            except TypeError:
                dup = False
            if dup:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            try:
                seen.add(key)
            except TypeError:
                pass
        return loader.construct_mapping(node, deep=deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return yaml, StrictLoader


def default_directory():
    """The installed rule base (package ``checker.rules``), or the source tree's ``rules/``."""
    import importlib.resources

    try:
        return importlib.resources.files("checker.rules")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent.parent / "rules"


def load(directory=None, kinds=None) -> RuleBase:
    if kinds is None:
        from checker.facts.schema import KINDS as kinds
    if directory is None:
        directory = default_directory()
    elif isinstance(directory, str):
        directory = Path(directory)
    try:
        entries = sorted((e for e in directory.iterdir()
                          if e.name.endswith(".yaml") and not e.name.startswith("_") and e.is_file()),
                         key=lambda e: e.name)
    except OSError as e:
        raise RuleBaseError(directory, f"cannot read the rule directory: {e}") from e
    yaml, loader = _yaml_loader()
    digest = hashlib.sha256()
    rules, ids, slugs = [], {}, {}
    for entry in entries:
        path = str(entry)
        try:
            data = entry.read_bytes()
        except OSError as e:
            raise RuleBaseError(path, f"cannot read: {e}") from e
        digest.update(entry.name.encode() + b"\0" + data + b"\0")
        try:
            doc = yaml.load(data.decode("utf-8"), Loader=loader)
        except UnicodeDecodeError as e:
            raise RuleBaseError(path, f"not UTF-8: {e}") from e
        except yaml.YAMLError as e:
            raise RuleBaseError(path, f"YAML syntax error: {e}") from e
        rule = _build(path, entry.name[: -len(".yaml")], doc, kinds)
        if rule.id in ids:
            raise RuleBaseError(path, f"duplicate id {rule.id} (also in {ids[rule.id]})")
        if rule.slug in slugs:
            raise RuleBaseError(path, f"duplicate slug {rule.slug!r} (also in {slugs[rule.slug]})")
        ids[rule.id], slugs[rule.slug] = path, path
        rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return RuleBase(rules=tuple(rules), version=digest.hexdigest()[:12], source=str(directory))


def _build(path: str, stem: str, doc, kinds) -> Rule:
    def fail(problem):
        raise RuleBaseError(path, problem)

    if not isinstance(doc, dict):
        fail("the file must hold a mapping of rule keys")
    unknown = sorted(str(k) for k in doc if k not in REQUIRED_KEYS + OPTIONAL_KEYS)
    if unknown:
        fail(f"unknown key(s): {', '.join(unknown)}")
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    if missing:
        fail(f"missing key(s): {', '.join(missing)}")

    rid = doc["id"]
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        fail(f"id {rid!r} does not match ^[A-Z]\\d\\d$")
    if rid != stem:
        fail(f"id {rid} does not match the file name {stem}.yaml")
    slug = doc["slug"]
    if not isinstance(slug, str) or not _SLUG_RE.match(slug):
        fail(f"slug {slug!r} is not lower-case words joined by '-'")
    if doc["severity"] not in SEVERITIES:
        fail(f"severity {doc['severity']!r} is not one of {', '.join(SEVERITIES)}")
    if doc["from"] not in STAGES:
        fail(f"from {doc['from']!r} is not one of {', '.join(STAGES)}")
    kind = doc["fact"]
    if not isinstance(kind, str) or kind not in kinds:
        fail(f"unknown fact kind {kind!r}")

    requires = doc["requires"]
    if not isinstance(requires, list):
        fail("requires must be a list of 'sheetkind' or 'sheetkind.field'")
    for req in requires:
        _check_requirement(req, "requires", fail)
    locate = doc.get("locate")
    if locate is not None:
        # The field may be a message parameter naming it per fact: "pokja.{p_sk_field}".
        m = re.fullmatch(r"([a-z_]+)\.\{(p_[a-z0-9_]+)\}", locate) if isinstance(locate, str) else None
        if m:
            if m.group(2) not in getattr(kinds[kind], "params", ()):
                fail(f"locate {locate!r}: {m.group(2)} is not a parameter of fact kind {kind!r}")
            _check_requirement(m.group(1), "locate", fail)
        else:
            _check_requirement(locate, "locate", fail)

    for key in ("basis", "legal_text"):
        if not isinstance(doc[key], str) or not doc[key].strip():
            fail(f"{key} must be a non-empty string")
    texts = {}
    for key in TEXT_KEYS:
        value = doc[key]
        if not isinstance(value, dict):
            fail(f"{key} must be a mapping of language -> text")
        for lang in LANGS:
            if lang not in value:
                fail(f"{key} has no {lang!r} text")
        for lang, text in value.items():
            if not isinstance(lang, str) or not isinstance(text, str) or not text.strip():
                fail(f"{key}.{lang} must be a non-empty string")
        texts[key] = dict(value)
    for lang, text in texts["message"].items():
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as e:
            fail(f"message.{lang}: bad placeholder syntax: {e}")
        for _, name, _, _ in parsed:
            if name is not None and (name == "" or name.isdigit()):
                fail(f"message.{lang}: positional placeholder {{{name}}}; name a fact column")
    if "doc" in doc and doc["doc"] is not None and not isinstance(doc["doc"], dict):
        fail("doc must be a mapping")

    when = doc["when"]
    _check_when(when, kind, kinds[kind], fail)

    return Rule(id=rid, slug=slug, severity=doc["severity"], from_stage=doc["from"], fact=kind,
                requires=tuple(requires), when=when, basis=doc["basis"], legal_text=doc["legal_text"],
                title=texts["title"], message=texts["message"], hint=texts["hint"],
                doc=doc.get("doc"), examples=doc.get("examples"), locate=locate, path=path)


def _check_requirement(req, key, fail):
    if not isinstance(req, str):
        fail(f"{key} entry {req!r} must be a string 'sheetkind' or 'sheetkind.field'")
    sheet, dot, fld = req.partition(".")
    if sheet not in SHEET_KINDS:
        fail(f"{key} entry {req!r}: unknown sheet kind {sheet!r} (one of {', '.join(SHEET_KINDS)})")
    if dot and not _IDENT_RE.match(fld):
        fail(f"{key} entry {req!r}: bad field name {fld!r}")


# ---------------------------------------------------------------------------------------------
# conditions

def _check_when(when, kind: str, spec, fail):
    def is_kind(c):
        return isinstance(c, dict) and len(c) == 1 and KIND_FIELD in c

    if not isinstance(when, dict):
        fail("when must be a mapping")
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


def _field_type(spec, name, where, fail):
    if not isinstance(name, str) or name.startswith("$"):
        fail(f"{where}: unknown operator {name!r} (allowed: {' '.join(OPERATORS)})")
    if name == KIND_FIELD:
        fail(f"{where}: t may only be constrained once, at the top level")
    if name in RESERVED_FIELDS:
        fail(f"{where}: field {name!r} is reserved")
    fld = spec.fields.get(name)
    if fld is None:
        fail(f"{where}: unknown field {name!r} of fact kind {spec.name!r}")
    return fld.type


def _literal_ok(ftype: str, value) -> bool:
    if ftype == "bool":
        return isinstance(value, bool)
    if ftype == "int":
        return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX
    if ftype == "str":
        return isinstance(value, str)
    return False


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
        ftype = _field_type(spec, name, f"{where}/{key}", fail)
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
        else:  # $neq
            if not _literal_ok(ftype, lit):
                fail(f"{where}: {key} on {ftype} field {name} needs a {ftype} literal, got {lit!r}")
        return
    ftype = _field_type(spec, key, where, fail)
    if not _literal_ok(ftype, value):
        fail(f"{where}: {ftype} field {key} compared with {value!r}; needs a {ftype} literal")


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
