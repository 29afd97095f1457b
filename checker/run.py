"""One `check` run: find the files, load them, build facts, evaluate the rules, make findings."""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timezone

from checker import __version__
from checker.load.discovery import CHECKABLE, UNCHECKABLE, walk  # noqa: F401 - CHECKABLE: run's API
from checker.load.reader import entry_kind
from checker.texts import UserError


class NoInput(UserError):
    """Nothing to check: `message(lang)` says why and what to do; str() is in the run's language."""
    PREFIX = "err."

    def __init__(self, key: str, lang: str = "id", **params):
        super().__init__(key, **params)
        self.lang = lang

    def __str__(self) -> str:
        return self.message(self.lang)


def discover(paths, lang: str = "id") -> list[str]:
    """Every file to report on, in a stable order: folders are searched recursively
    (load/discovery.py: nothing but our own outputs is left out; what cannot be read is
    listed, and becomes a D05 finding naming it). Only a path that does not exist at all
    stops the run."""
    found = []
    for given in paths:
        kind = entry_kind(given)
        if kind == "folder":
            found.extend(walk(given))
        elif kind == "not_found":
            raise NoInput("not_found", lang, path=given)
        else:
            found.append(str(given))
    return found


def unit_facts(files, stage, *, jobs=1, limits=None, progress=None, debug=False) -> list:
    """Each file read and its unit's facts built, in a reader worker (unit_build.UnitFacts,
    in file order; a file that cannot be read is its D05 fact)."""
    from checker.load import workers
    # by name: only the workers import the reader and the fact builders
    return workers.run_tasks(files, "checker.facts.unit_build:check_file", "checker.facts.unit_build:failed_file",
                             (stage,), jobs=jobs, limits=limits, progress=progress, debug=debug)


def check(paths, *, stage="penetapan", lang="id", engine=None, rules_dir=None, fail_on="error", jobs=1,
          limits=None, progress=None, debug=False, roster=None, sources=None):
    """The run's RunResult. A file name that is not UTF-8 is opened by its exact name and shown
    with replacement characters everywhere after reading; `sources` (a dict), when given, gets
    {name as shown: exact path} of such files (an annotated copy is made from the file)."""
    from checker import rulebase
    from checker.load import roster as roster_mod
    from checker.load import workers
    from checker.output.atomic import same_file
    from checker.result import RunResult

    if limits is not None or jobs > 1:
        workers.warm_up()                   # the reader processes start while the rules load
    base = rulebase.load(rules_dir)          # RuleBaseError propagates: exit 3
    files = discover(paths, lang)
    master = roster_mod.load_roster(roster, limits=limits) if roster else None      # RosterError: exit 2 (cli.py)
    if roster:
        files = [f for f in files if not same_file(f, roster)]   # the roster is never a unit workbook
    if not files:
        raise NoInput("no_input", lang, paths=", ".join(map(str, paths)))
    parts = unit_facts(files, stage, jobs=jobs, limits=limits, progress=progress, debug=debug)
    renamed = _shown_names(parts)
    if sources is not None:
        sources.update(renamed)
    from checker import engines
    from checker.facts import assemble
    facts = assemble.build(parts, master)
    engine = engine or engines.default_engine()
    rules = base.for_stage(stage)
    result = RunResult(tool="cek-pokja", version=__version__, rulebase_version=base.version, stage=stage,
                       lang=lang, engine=engine, checked_at=datetime.now(timezone.utc).astimezone(),
                       inputs=_inputs(facts, lang), findings=_findings(rules, facts, engine, lang),
                       rules=list(rules), fail_on=fail_on)
    return _displayable(result) if renamed else result


def _shown_names(parts) -> dict:
    """Each read file whose name is not UTF-8 renamed, in its context and its fact rows, to the
    name as shown (replacement characters): every later stage (fingerprints, messages, reports)
    then handles text that can be written. Returns {name as shown: exact path}."""
    from checker.output.atomic import shown_name
    renamed = {}
    for part in parts:
        exact = part.ctx.file
        shown = shown_name(exact)
        if shown == exact:
            continue
        renamed[shown] = exact
        part.ctx.file = shown
        for columns in part.columns.values():
            for name, values in columns.items():
                if any(isinstance(v, str) and shown_name(v) != v for v in values):
                    columns[name] = [shown_name(v) if isinstance(v, str) else v for v in values]
    return renamed


def _findings(rules, facts, engine: str, lang: str) -> list:
    """The engines' matches as findings, in the contract's order; a rule is silenced for a
    unit that lacks a sheet or column the rule requires."""
    from checker import engines
    from checker.facts.context import records
    from checker.findings import from_match, sort_findings

    matches = engines.run(rules, facts.tables, engine)
    by_id = {r.id: r for r in rules}
    wanted: dict = {}
    for _, kind, idx in matches:
        wanted.setdefault(kind, set()).add(idx)
    matched = {}                              # (kind, position) -> fact, for the matched rows only
    for kind, idxs in wanted.items():
        order = sorted(idxs)
        matched.update({(kind, i): row for i, row in zip(order, records(facts.tables[kind], order))})
    findings = []
    for rule_id, kind, idx in matches:
        rule = by_id[rule_id]
        fact = matched[(kind, idx)]
        ctx = facts.units[fact["unit_seq"]]
        if ctx.readable and not all(ctx.has(req) for req in rule.requires):
            continue
        finding = from_match(rule, fact, ctx, lang)
        if finding.found is None and fact.get("p_raw") not in (None, ""):
            finding = replace(finding, found=_typed(fact))
        findings.append(finding)
    return sort_findings(findings)


def _typed(fact: dict) -> str:
    """What the user typed in the cell a cell fact is about, as Nilai Ditemukan shows it:
    `Kedudukan: "Anggta"` (rules without a `found` template of their own)."""
    label = fact.get("p_column_label")
    raw = str(fact["p_raw"])
    return f"{label}: \u201c{raw}\u201d" if label else f"\u201c{raw}\u201d"


def _inputs(facts, lang: str) -> list:
    from checker.result import InputFile
    members = _member_rows(facts)
    return [InputFile(file=c.file, sha256=c.sha256, unit=c.code, unit_name=c.name, jpt_madya=c.jpt_madya,
                      status=("not_submitted" if c.roster_only else "checked" if c.readable else "unreadable"),
                      detail=_in_lang(c.detail, lang),
                      header_rows={i.name: i.header_row for i in c.sheets.values() if i.header_row},
                      columns={kind: (i.name, dict(i.columns)) for kind, i in c.sheets.items()},
                      pokja_rows=members.get(c.seq, {}))
            for c in facts.units]


def _member_rows(facts) -> dict:
    """unit seq -> Kode Pokja -> its rows on Anggota Pokja (where an annotated copy marks a
    finding about the Pokja's composition)."""
    table = facts.tables.get("member")
    out: dict = {}
    if table is None or not len(table):
        return out
    for seq, pokja, row in zip(table["unit_seq"].tolist(), table["pokja"].tolist(), table["row"].tolist()):
        if pokja and row == row and row is not None:
            out.setdefault(seq, {}).setdefault(str(pokja), []).append(int(row))
    return out


def _in_lang(text, lang: str) -> str:
    return text.get(lang, text.get("id", "")) if isinstance(text, dict) else (text or "")


def default_output_name(now=None) -> str:
    now = now or datetime.now()
    return os.path.join(os.getcwd(), now.strftime("temuan-%Y%m%d-%H%M%S.xlsx"))


def _displayable(result):
    """The result with every text that still holds a non-UTF-8 name (a reason, a message built
    from the exact name) shown with replacement characters."""
    from dataclasses import fields

    from checker.output.atomic import shown_name

    def shown(value):
        if isinstance(value, str):
            return shown_name(value)
        if isinstance(value, dict):
            return {shown(k): shown(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(shown(v) for v in value)
        return value

    def changes(obj):
        out = {}
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, (str, dict)) and (new := shown(value)) != value:
                out[f.name] = new
        return out

    result.findings = [replace(f, **changes(f)) for f in result.findings]
    result.inputs = [replace(i, **changes(i)) for i in result.inputs]
    return result
