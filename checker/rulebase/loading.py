"""The rule base: one YAML file per rule (``rules/U03.yaml``), loaded and validated strictly.

``load()`` returns a :class:`RuleBase` or raises :class:`RuleBaseError` (exit 3) naming the
file and the problem. A rule's ``when`` is a durable-rules JSON condition over ONE fact,
checked by ``conditions.py``; its ``requires`` must name what the fields it tests are read
from (``FieldSpec.reads``, typed ``facts.declare.Read`` values), or a unit lacking it would be
judged on an empty reading.
"""
from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from checker.facts.declare import Read
from checker.input import contract as input_schema
from checker.rulebase import parsecache
from checker.rulebase.bounds import Problem, check_placeholder_count  # issue 13
from checker.rulebase.conditions import (
    check_when,
    fields_used,
    possible_values,
    regex_problem,  # noqa: F401 - re-exported by checker.rulebase
)
from checker.rulebase.yamlfile import Documentation, RuleFileError, read_rule_file
from checker.terms import LANGS, SEVERITIES, STAGES, is_data_basis, runs_in
from checker.texts import UserError, t

_check_when = check_when                # the name tests/test_engines.py validates its conditions with

SHEET_KINDS = ("unit", "pk", "pegawai", "mph", "pokja", "anggota", "surat_tugas")
REQUIRED_KEYS = ("id", "slug", "severity", "from", "fact", "requires", "when", "basis",
                 "title", "message", "hint")
# legal_text: required of a rule with a legal basis, refused on a rule whose basis is `data`
# (rules.md: those check the workbook, not the regulation, and quote no legal text).
OPTIONAL_KEYS = ("legal_text", "doc", "examples", "locate", "found")
TEXT_KEYS = ("title", "message", "hint")

_ID_RE = re.compile(r"^[A-Z]\d\d$")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_IDENT_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


class RuleBaseError(UserError):
    """An invalid rule file; ``str()`` is ``"path: problem"`` in English, ``message(lang)`` in
    the user's language (cli.py shows it) when the problem is a bounds.Problem."""
    PREFIX = "rulefile."

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__("at_path", path=self.path, problem=problem)

    def __reduce__(self):
        return (RuleBaseError, (self.path, self.problem))


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
    documentation: Documentation = field(default_factory=Documentation, compare=False)
    locate: str | None = None
    found: str | None = None              # what the user typed, shown as Nilai Ditemukan: "{p_raw}"
    path: str = ""

    @property
    def doc(self) -> dict | None:
        """What, why, fix (parsed from the rule file when first read)."""
        doc = self._documentation("doc")
        if doc is not None and not isinstance(doc, dict):
            raise RuleBaseError(self.path, "doc must be a mapping")
        return doc

    @property
    def examples(self):
        """Violating and compliant examples (run as tests by tests/test_rule_examples.py)."""
        return self._documentation("examples")

    def _documentation(self, key: str):
        try:
            return self.documentation.get(key)
        except RuleFileError as e:
            raise RuleBaseError(self.path, e.problem) from None  # issue 13: e.problem, not str(e)

    def __hash__(self):                   # dict fields are not hashable; the id identifies a rule
        return hash((self.id, self.path))

    def applies_in(self, stage: str) -> bool:
        return runs_in(self.from_stage, stage)

    def text(self, name: str, lang: str) -> str:
        texts = getattr(self, name)
        return texts.get(lang) or texts["id"]

    def fields_used(self) -> set:
        """The fact fields the condition reads (the kind field ``t`` excluded)."""
        return fields_used(self.when)


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
        raise RuleBaseError(directory, Problem("folder_unreadable", detail=e.strerror or str(e))) from e
    digest = hashlib.sha256()
    files = []
    for entry in entries:
        try:
            data = entry.read_bytes()
        except OSError as e:
            raise RuleBaseError(str(entry), Problem("file_unreadable", detail=e.strerror or str(e))) from e
        digest.update(entry.name.encode() + b"\0" + data + b"\0")
        files.append((entry, data))
    # The same files give the same rule base: parsed once per process (a web server checks
    # every upload, a test suite thousands of workbooks; parsing is half of a one-unit check).
    key = (str(directory), id(kinds), digest.hexdigest())
    base = _LOADED.pop(key, None)
    if base is None:
        installed = directory == default_directory()
        base = _parse_all(files, kinds, digest.hexdigest()[:12], str(directory),
                          cache=digest.hexdigest() if installed else None)
    _LOADED[key] = base                 # the most recent last
    while len(_LOADED) > _KEPT:         # a few, not every folder ever loaded: memory stays flat
        del _LOADED[next(iter(_LOADED))]
    return base


# Rule bases kept: the installed one and a few others (--rules folders), so that loading another
# folder now and then does not parse the installed one again.
_KEPT = 4
_LOADED: dict[tuple, RuleBase] = {}


def _parse_all(files, kinds, version: str, source: str, cache: str | None = None) -> RuleBase:
    """The rule base of `files` ([(entry, bytes)]); `cache`: the key under which the installed
    rule base's YAML parse is kept between runs (parsecache.py), None for another folder."""
    rules, ids, slugs = [], {}, {}
    parsed = parsecache.load(cache) if cache else None
    fresh = {} if cache and parsed is None else None
    for entry, data in files:
        path = str(entry)
        if parsed is not None and entry.name in parsed:
            head, text, values = parsed[entry.name]
            doc, documentation = head, Documentation(text=text, values=values)
        else:
            try:
                doc, documentation = read_rule_file(data)
            except RuleFileError as e:
                raise RuleBaseError(path, e.problem) from None  # issue 13: e.problem, not str(e)
            if fresh is not None:
                fresh[entry.name] = [doc, documentation.text, documentation.values]
        rule = _build(path, entry.name[: -len(".yaml")], doc, documentation, kinds)
        if rule.id in ids:
            raise RuleBaseError(path, Problem("duplicate_id", id=rule.id, other=ids[rule.id]))
        if rule.slug in slugs:
            raise RuleBaseError(path, Problem("duplicate_slug", slug=repr(rule.slug), other=slugs[rule.slug]))
        ids[rule.id], slugs[rule.slug] = path, path
        rules.append(rule)
    rules.sort(key=lambda r: r.id)
    if fresh:
        parsecache.store(cache, fresh)
    return RuleBase(rules=tuple(rules), version=version, source=source)


def _build(path: str, stem: str, doc, documentation, kinds) -> Rule:
    def fail(problem):
        raise RuleBaseError(path, problem)

    rid, slug, kind = _header(doc, stem, kinds, fail)
    spec = kinds[kind]
    requires, required, locate = _requirements(doc, spec, fail)
    texts = _texts(doc, fail)
    found = _found(doc, fail)
    when = doc["when"]
    check_when(when, kind, spec, fail)
    _check_reads(required, when, spec, fail)
    return Rule(id=rid, slug=slug, severity=doc["severity"], from_stage=doc["from"], fact=kind,
                requires=tuple(requires), when=when, basis=doc["basis"], legal_text=texts["legal_text"],
                title=texts["title"], message=texts["message"], hint=texts["hint"],
                documentation=documentation, locate=locate, found=found, path=path)


def _found(doc, fail) -> str | None:
    """`found`: a template over the fact's columns naming the value the user typed."""
    found = doc.get("found")
    if found is None:
        return None
    if not isinstance(found, str) or not found.strip():
        fail(Problem("found_template"))
    _check_placeholders(found, "found", fail)
    return found


def _check_placeholders(text: str, where: str, fail) -> None:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as e:
        fail(Problem("placeholder_syntax", where=where, detail=str(e)))
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            fail(Problem("placeholder_positional", where=where, name=name))
        if spec or conversion:
            fail(Problem("placeholder_format", where=where, name=name))  # issue 13: user's language
    check_placeholder_count((name for _, name, _, _ in parsed), where, fail)  # issue 13


def _header(doc, stem: str, kinds, fail) -> tuple[str, str, str]:
    """The keys present, and the rule's id, slug, severity, stage and fact kind: (id, slug, kind)."""
    if not isinstance(doc, dict):
        fail(Problem("not_mapping"))
    unknown = sorted(str(k) for k in doc if k not in REQUIRED_KEYS + OPTIONAL_KEYS)
    if unknown:
        fail(Problem("unknown_keys", keys=", ".join(unknown)))
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    if missing:
        fail(Problem("missing_keys", keys=", ".join(missing)))

    rid = doc["id"]
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        fail(Problem("bad_id", id=repr(rid)))
    if rid != stem:
        fail(Problem("id_not_file", id=rid, stem=stem))
    slug = doc["slug"]
    if not isinstance(slug, str) or not _SLUG_RE.match(slug):
        fail(Problem("bad_slug", slug=repr(slug)))
    if doc["severity"] not in SEVERITIES:
        fail(Problem("bad_severity", value=repr(doc["severity"]), allowed=", ".join(SEVERITIES)))
    if doc["from"] not in STAGES:
        fail(Problem("bad_stage", value=repr(doc["from"]), allowed=", ".join(STAGES)))
    kind = doc["fact"]
    if not isinstance(kind, str) or kind not in kinds:
        fail(Problem("unknown_fact_kind", kind=repr(kind)))
    return rid, slug, kind


def _requirements(doc, spec, fail) -> tuple[list, list, str | None]:
    """`requires` and `locate`: (requires as written, requires as Read values, locate)."""
    requires = doc["requires"]
    if not isinstance(requires, list):
        fail(Problem("requires_not_list"))
    required = [_check_requirement(req, "requires", fail) for req in requires]
    locate = doc.get("locate")
    if locate is not None:
        # The field may be a message parameter naming it per fact: "pokja.{p_sk_field}".
        m = re.fullmatch(r"([a-z_]+)\.\{(p_[a-z0-9_]+)\}", locate) if isinstance(locate, str) else None
        if m:
            if m.group(2) not in getattr(spec, "params", ()):
                fail(Problem("locate_param", locate=repr(locate), param=m.group(2), kind=repr(spec.name)))
            _check_requirement(m.group(1), "locate", fail)
        else:
            _check_requirement(locate, "locate", fail)
    return requires, required, locate


def _check_requirement(req, key, fail) -> Read:
    if not isinstance(req, str):
        fail(Problem("requirement_not_str", part=key, req=repr(req)))
    read = Read.parse(req)
    if read.sheet not in SHEET_KINDS:
        fail(Problem("requirement_sheet", part=key, req=repr(req), sheet=repr(read.sheet),
                     allowed=", ".join(SHEET_KINDS)))
    if read.field is not None and not _IDENT_RE.match(read.field):
        fail(Problem("requirement_field", part=key, req=repr(req), field=repr(read.field)))
    return read


def _texts(doc, fail) -> dict:
    """`basis`, `legal_text` and the translated texts: {"title": {lang: text}, "message": ..., "hint": ...,
    "legal_text": str}."""
    if not isinstance(doc["basis"], str) or not doc["basis"].strip():
        fail(Problem("basis_empty"))
    legal = doc.get("legal_text")
    if is_data_basis(doc["basis"]):
        if legal is not None:
            fail(Problem("legal_text_on_data"))
        legal = ""
    elif not isinstance(legal, str) or not legal.strip():
        fail(Problem("legal_text_empty"))
    texts = {"legal_text": legal}
    for key in TEXT_KEYS:
        value = doc[key]
        if not isinstance(value, dict):
            fail(Problem("texts_not_mapping", part=key))
        for lang in LANGS:
            if lang not in value:
                fail(Problem("text_missing", part=key, language=repr(lang)))
        for lang, text in value.items():
            if not isinstance(lang, str) or not isinstance(text, str) or not text.strip():
                fail(Problem("text_empty", part=key, language=lang))
        texts[key] = dict(value)
    for key in TEXT_KEYS:
        for lang, text in texts[key].items():
            _check_placeholders(text, f"{key}.{lang}", fail)
    return texts


# ---------------------------------------------------------------------------------------------
# requirements against what the tested fields are read from

def _applies(read: Read, when, spec) -> bool:
    """False when no fact matching `when` can have the values `read` holds for."""
    for name, value in read.when:
        fld = spec.fields.get(name)
        if fld is not None and fld.values is not None and value not in possible_values(when, name, fld.values):
            return False
    return True


def needs_requirement(read: Read) -> bool:
    """False for what a workbook may lack by contract: an optional sheet, an optional or a
    conditional column. The builder reads such an absence as empty cells, which is what the
    workbook says (a conditional column some row needs is reported missing by D05), so a rule
    must not be silenced for it; nor can `requires` say "this column, when the sheet exists"."""
    spec = input_schema.SHEETS_BY_KIND.get(read.sheet)
    if spec is None:
        return True
    if not spec.required:
        return False
    if read.field is None:
        return True
    try:
        col = spec.column(read.field)
    except KeyError:
        return True
    return input_schema.missing_column_stage(col) is not None


def covers(required, read: Read) -> bool:
    """A column is covered by itself only; a sheet also by any of its columns (which needs the sheet)."""
    return any(r.sheet == read.sheet and (read.field is None or r.field == read.field) for r in required)


def requirement_gaps(required, when, spec) -> dict:
    """What the fields `when` tests are read from and `required` (Read values) lacks:
    {requirement: [field, ...]}."""
    gaps: dict = {}
    for name in sorted(fields_used(when)):
        fld = spec.fields.get(name)
        for read in (fld.reads if fld is not None else ()):
            if _applies(read, when, spec) and needs_requirement(read) and not covers(required, read):
                gaps.setdefault(read.requirement, []).append(name)
    return gaps


def _check_reads(required, when, spec, fail) -> None:
    gaps = requirement_gaps(required, when, spec)
    if gaps:
        fail(Problem("requires_lacks", listed=_Gaps(gaps), kind=repr(spec.name)))


class _Gaps:
    """{requirement: [field, ...]} as a problem's parameter, in the problem's language."""

    def __init__(self, gaps: dict):
        self.gaps = gaps

    def message(self, lang: str) -> str:
        return "; ".join(t("rulefile.gap", lang, req=req, fields=", ".join(names)) for req, names in self.gaps.items())
