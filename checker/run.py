"""One `check` run: find the files, load them, build facts, evaluate the rules, make findings."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from checker import __version__
from checker.texts import t

CHECKABLE = (".xlsx", ".xlsm")
# Spreadsheet files found in a folder that cannot be checked: reported (D05, with the format the
# loader sniffs from their content and how to save them as .xlsx), never silently skipped.
UNCHECKABLE = (".xls", ".xlsb", ".ods", ".csv")


class NoInput(Exception):
    pass


def discover(paths) -> list[str]:
    """Every file to report on, in a stable order: folders are searched recursively."""
    found = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*"), key=lambda x: str(x)):
                if not f.is_file() or f.name.startswith("~$") or f.name.startswith("."):
                    continue
                ext = f.suffix.lower()
                if f.stem.endswith(".diperiksa") or (ext in CHECKABLE and is_findings_workbook(f)):
                    continue                  # our own outputs: annotated copies and findings workbooks
                if ext in CHECKABLE or ext in UNCHECKABLE:
                    found.append(str(f))
        elif p.is_file():
            found.append(str(p))
        else:
            raise NoInput(t("err.not_found", path=given))
    return found


def is_findings_workbook(path) -> bool:
    """A findings workbook this tool wrote (report_xlsx marks it with a custom property)."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            custom = z.read("docProps/custom.xml")[:8192]
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False
    return b'name="cek-pokja-output"' in custom


def load_all(files, lang, *, jobs=1, limits=None, progress=None, debug=False):
    """LoadedUnit per readable file; (path, sha256, reason) for the others, in file order.
    Files are read by workers.load_many (worker processes under `limits`); our own annotated
    copies are refused before any reader runs."""
    from checker.load import workers
    from checker.output.annotate import is_annotated, refusal_message
    refused = {i: (path, workers.sha256_of(path), refusal_message(path, lang))
               for i, path in enumerate(files) if is_annotated(path)}
    rest = [f for i, f in enumerate(files) if i not in refused]
    loaded = iter(workers.load_many(rest, lang, jobs=jobs, limits=limits, progress=progress, debug=debug))
    return [refused[i] if i in refused else next(loaded) for i in range(len(files))]


def check(paths, *, stage="penetapan", lang="id", engine=None, rules_dir=None, fail_on="error", jobs=1,
          limits=None, progress=None, debug=False, roster=None):
    from checker import engines
    from checker.facts import assemble as facts_mod
    from checker import rulebase
    from checker.load import roster as roster_mod
    from checker.output.atomic import same_file
    from checker.facts.context import records
    from checker.findings import from_match, sort_findings
    from checker.result import InputFile, RunResult

    base = rulebase.load(rules_dir)          # RuleBaseError propagates: exit 3
    files = discover(paths)
    master = roster_mod.load_roster(roster) if roster else None      # RosterError: exit 2 (cli.py)
    if roster:
        files = [f for f in files if not same_file(f, roster)]   # the roster is never a unit workbook
    if not files:
        raise NoInput(t("err.no_input", lang, paths=", ".join(map(str, paths))))
    engine = engine or engines.default_engine()
    items = load_all(files, lang, jobs=jobs, limits=limits, progress=progress, debug=debug)
    facts = facts_mod.build(items, stage, master)
    rules = base.for_stage(stage)
    matches = engines.run(rules, facts.tables, engine)
    by_id = {r.id: r for r in rules}
    findings = []
    wanted = {}
    for _, kind, idx in matches:
        wanted.setdefault(kind, set()).add(idx)
    matched = {}                              # (kind, position) -> fact, for the matched rows only
    for kind, idxs in wanted.items():
        order = sorted(idxs)
        matched.update({(kind, i): row for i, row in zip(order, records(facts.tables[kind], order))})
    for rule_id, kind, idx in matches:
        rule = by_id[rule_id]
        fact = matched[(kind, idx)]
        ctx = facts.units[fact["unit_seq"]]
        if ctx.readable and not all(ctx.has(req) for req in rule.requires):
            continue                          # a missing sheet or column silences the rules that need it
        findings.append(from_match(rule, fact, ctx, lang))
    inputs = [InputFile(file=c.file, sha256=c.sha256, unit=c.code, unit_name=c.name, jpt_madya=c.jpt_madya,
                        status=("not_submitted" if c.roster_only else
                                "checked" if c.readable else "unreadable"),
                        detail=c.detail) for c in facts.units]
    return RunResult(tool="cek-pokja", version=__version__, rulebase_version=base.version, stage=stage,
                     lang=lang, engine=engine, checked_at=datetime.now(timezone.utc).astimezone(),
                     inputs=inputs, findings=sort_findings(findings), rules=list(rules), fail_on=fail_on)


def default_output_name(now=None) -> str:
    now = now or datetime.now()
    return os.path.join(os.getcwd(), now.strftime("temuan-%Y%m%d-%H%M%S.xlsx"))
