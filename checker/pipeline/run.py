"""One `check` run: find the files, read each in a reader worker and build its facts, add the
cross-unit facts, evaluate the rules, make findings."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from checker import __version__
from checker.load.inputref import DocKind, InputRef, same_file, shown_name
from checker.pipeline import decrees, workers
from checker.pipeline.discovery import NoInput, discover
from checker.pipeline.task import check_file, failed_file, read_roster, roster_failed


def unit_facts(refs: list[InputRef], stage: str, *, jobs=1, limits=None, progress=None, debug=False) -> list:
    """Each file read and its unit's facts built, in a reader worker (unit_build.UnitFacts,
    in input order; a file that cannot be read is its D05 fact)."""
    return workers.run_tasks(refs, check_file, failed_file, (stage,), jobs=jobs, limits=limits, progress=progress,
                             debug=debug)


def read_one(ref: InputRef, task, on_failure, limits=None):
    """`task(0, ref)`'s answer for one input: with `limits` (the command line passes them) in a
    reader worker under the same memory and time bound as a unit workbook, so that a hostile
    file costs that worker, never this process (`on_failure` answers when the worker fails);
    without, here. The master roster, and the follow-up files (--compare, --waivers: the
    caller hands their tasks in, as it does every task)."""
    if limits is None:
        return task(0, ref)
    [got] = workers.run_tasks([ref], task, on_failure, limits=limits)
    return got


def bounded(jobs: int, limits):
    """A runner for tasks the caller hands in (output/plan.py's annotated copies): each file's
    task in a reader worker under `limits`, `jobs` at a time."""
    from functools import partial
    return partial(_run_bounded, jobs=jobs, limits=limits)


def _run_bounded(refs, task, on_failure, args=(), *, jobs, limits):
    return workers.run_tasks(refs, task, on_failure, args, jobs=jobs, limits=limits)


def master_roster(roster, limits=None):
    """The master roster (load/roster.py; `roster`: a path or an InputRef), named as shown;
    RosterError when it cannot be used. Read by `read_one`."""
    got = read_one(_ref(roster, DocKind.ROSTER), read_roster, roster_failed, limits)
    if got.error is not None:
        raise got.error
    return got.roster


def check(inputs, *, stage="penetapan", lang="id", engine=None, rules_dir=None, fail_on="error", jobs=1,
          limits=None, progress=None, debug=False, roster=None):
    """The run's RunResult. `inputs`: paths (files or folders, as the user gave them) or
    InputRefs (web uploads); `roster`: a path or an InputRef. Every text names each file by
    its reference's shown name; the result's inputs keep the references (InputFile.ref)."""
    from checker import engines, rulebase
    from checker.result import RunResult

    if limits is not None or jobs > 1:      # the reader processes start while the rules load
        workers.warm_up(workers.DECREE_PRELOAD if decrees.may_hold_drafts(inputs) else ())
    base = rulebase.load(rules_dir)          # RuleBaseError propagates: exit 3
    refs = discover(inputs, lang)
    roster_ref = _ref(roster, DocKind.ROSTER) if roster is not None else None
    if roster_ref is not None:
        refs = [r for r in refs if not same_file(r.path, roster_ref.path)]   # the roster is never a unit workbook
    master = master_roster(roster_ref, limits=limits) if roster_ref else None   # RosterError: exit 2 (cli.py)
    if not refs:
        raise NoInput("no_input", lang, paths=", ".join(i.shown if isinstance(i, InputRef) else shown_name(i)
                                                         for i in inputs))
    if decrees.has_drafts(refs):
        parts, reads = decrees.read_inputs(refs, stage, jobs=jobs, limits=limits, progress=progress, debug=debug)
        refs = [r for r in refs if r.kind is not DocKind.DECREE]
    else:
        parts, reads = unit_facts(refs, stage, jobs=jobs, limits=limits, progress=progress, debug=debug), []
    from checker.facts import assemble  # pandas: imported while the fork server starts (workers.py)
    facts = assemble.build(parts, master)
    inputs = _inputs(facts, refs, roster_ref, lang)
    if reads:                                # decree drafts: paired, their facts added (pipeline/decrees.py)
        inputs += decrees.draft_inputs(decrees.add_drafts(facts, parts, reads), lang)
    engine = engine or engines.default_engine()
    rules = base.for_stage(stage)
    if not reads:                            # the S rules apply to decree drafts only
        rules = decrees.workbook_rules(rules)
    return RunResult(tool="cek-pokja", version=__version__, rulebase_version=base.version, stage=stage,
                     lang=lang, engine=engine, checked_at=datetime.now(timezone.utc).astimezone(),
                     inputs=inputs, findings=_findings(rules, facts, engine, lang),
                     rules=list(rules), fail_on=fail_on)


def _ref(given, kind: DocKind) -> InputRef:
    return given if isinstance(given, InputRef) else InputRef.at(given, kind)


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
        if not ctx.readable and rule.id == UNREADABLE_RULE:
            finding = replace(finding, hint=unreadable_hint(ctx.cause, lang))
        findings.append(finding)
    return sort_findings(findings)


UNREADABLE_RULE = "D05"             # a file that could not be read is one finding of it
# The reader's reasons (load/errors.py message keys) by the fix they call for; the rest: "fix_file".
_HINTS = {"save_as_xlsx": ("format_xls", "format_xlsb", "format_ods", "format_csv", "format_html", "format_docx",
                           "format_other", "empty_file", "corrupt"),
          "own_output": ("annotated_copy",),
          "password": ("password_protected",), "roster": ("roster",)}


def unreadable_hint(cause: str, lang: str) -> str:
    """The hint of an unreadable file's D05: what its reason calls for (save it as .xlsx, give
    the original instead of the tool's own output, remove the password), never the missing
    sheets and columns the rule's own hint is about (issue 22)."""
    from checker.texts import t
    key = next((k for k, causes in _HINTS.items() if cause in causes), "fix_file")
    return t("run.unreadable_hint." + key, lang)


def _typed(fact: dict) -> str:
    """What the user typed in the cell a cell fact is about, as Nilai Ditemukan shows it:
    `Kedudukan: "Anggta"` (rules without a `found` template of their own)."""
    label = fact.get("p_column_label")
    raw = str(fact["p_raw"])
    return f"{label}: \u201c{raw}\u201d" if label else f"\u201c{raw}\u201d"


def _inputs(facts, refs: list[InputRef], roster_ref: InputRef | None, lang: str) -> list:
    """One InputFile per unit context: a file read (its reference by seq) or a unit of the
    roster that submitted no workbook (the roster's reference)."""
    from checker.result import InputFile
    members = _member_rows(facts)
    return [InputFile(file=c.file, sha256=c.sha256, unit=c.code, unit_name=c.name, jpt_madya=c.jpt_madya,
                      status=("not_submitted" if c.roster_only else "checked" if c.readable else "unreadable"),
                      detail=_in_lang(c.detail, lang),
                      header_rows={i.name: i.header_row for i in c.sheets.values() if i.header_row},
                      columns={kind: (i.name, dict(i.columns)) for kind, i in c.sheets.items()},
                      pokja_rows=members.get(c.seq, {}),
                      ref=roster_ref if c.roster_only else refs[c.seq])
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
