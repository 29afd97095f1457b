"""Command line. Heavy modules (pandas, the engines) are imported inside commands, so that
`cek-pokja --help` stays fast."""
from __future__ import annotations

import os
import sys

import click

from checker.load.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S
from checker.terms import DEFAULT_FAIL_ON, DEFAULT_STAGE, LANGS, SEVERITIES, STAGES
from checker.texts import lang_from_argv, t

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_RULEBASE, EXIT_INTERNAL = 0, 1, 2, 3, 4
HELP_LANG = lang_from_argv()
if HELP_LANG == "id":
    from checker.texts import click_id
    click_id.install()


def h(key: str) -> str:
    return t(key, HELP_LANG)


LANG_OPTION = click.option("--lang", type=click.Choice(LANGS), default=HELP_LANG, show_default=True,
                           help=h("opt.lang"))
RULES_OPTION = click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False),
                            help=h("opt.rules"))
DEBUG_OPTION = click.option("--debug", is_flag=True, help=h("opt.debug"))


def _fail(code: int, message: str):
    click.echo(message, err=True)
    sys.exit(code)


def _guard(lang, debug, fn):
    """Runs fn and maps every failure to the contract's exit codes; tracebacks only with --debug."""
    from checker.rulebase import RuleBaseError
    try:
        return fn()
    except RuleBaseError as e:
        if debug:
            raise
        _fail(EXIT_RULEBASE, t("err.rulebase", lang, detail=e.message(lang)))
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except (KeyboardInterrupt, SystemExit):
        raise
    except click.exceptions.Exit:
        raise
    except Exception as e:  # noqa: BLE001 - the last line of defence: exit 4, no traceback
        if debug:
            raise
        from checker.engines import EngineError, EngineMismatch
        if isinstance(e, EngineError):
            _fail(EXIT_USAGE, t("err.engine", lang, detail=str(e)))
        detail = f"{type(e).__name__}: {e}" if not isinstance(e, EngineMismatch) else str(e)
        _fail(EXIT_INTERNAL, t("err.internal", lang, detail=detail))


@click.group(help=h("app.help"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cek-pokja", prog_name="cek-pokja")
@click.option("--lang", type=click.Choice(LANGS), default=HELP_LANG, help=h("opt.lang"))
def main(lang):
    """`cek-pokja --lang en COMMAND`: read from the command line before parsing (texts.lang_from_argv),
    so it already set every command's default language and help texts."""


@main.command(help=h("check.help"))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help=h("opt.output"))
@click.option("--tahap", type=click.Choice(STAGES), default=DEFAULT_STAGE,
              show_default=True, help=h("opt.tahap"))
@click.option("--roster", type=click.Path(exists=True, dir_okay=False), help=h("opt.roster"))
@click.option("--json", "json_target", metavar="FILE", help=h("opt.json"))
@LANG_OPTION
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=DEFAULT_FAIL_ON, show_default=True,
              help=h("opt.fail_on"))
@RULES_OPTION
@click.option("--engine", type=click.Choice(["durable", "pandas"]), default=None, help=h("opt.engine"))
@click.option("--annotate", is_flag=True, help=h("opt.annotate"))
@click.option("--compare", "compare_with", type=click.Path(exists=True, dir_okay=False), help=h("opt.compare"))
@click.option("--waivers", "waivers_from", type=click.Path(exists=True, dir_okay=False), help=h("opt.waivers"))
@click.option("--jobs", type=click.IntRange(min=1), default=None, help=h("opt.jobs"))
@click.option("--max-memory", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True,
              help=h("opt.max_memory"))
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True,
              help=h("opt.timeout"))
@click.option("-q", "--quiet", is_flag=True, help=h("opt.quiet"))
@DEBUG_OPTION
def check(paths, output, tahap, roster, json_target, lang, fail_on, rules_dir, engine, annotate, compare_with,
          waivers_from, jobs, max_memory, timeout, quiet, debug):
    def work():
        import os

        from checker import run
        from checker.load.limits import Limits
        from checker.load.roster import RosterError
        from checker.output.atomic import same_file
        from checker.output.jsondoc import write_json
        from checker.output.progress import Progress
        from checker.output.workbook import write_workbook
        limits = Limits(memory_mb=max_memory or None, timeout_s=timeout or None)
        progress = Progress(lang) if Progress.wanted(quiet) else None
        try:
            result = run.check(list(paths), stage=tahap, lang=lang, engine=engine, rules_dir=rules_dir,
                               fail_on=fail_on, jobs=jobs or os.cpu_count() or 1, limits=limits,
                               progress=progress, debug=debug, roster=roster)
        except run.NoInput as e:
            _fail(EXIT_USAGE, str(e))
        except RosterError as e:
            _fail(EXIT_USAGE, e.message(lang))
        out = output or run.default_output_name()
        for i in result.inputs:
            if same_file(out, i.file) or (json_target not in (None, "-") and same_file(json_target, i.file)):
                _fail(EXIT_USAGE, t("err.output_is_input", lang, path=out))
        _follow_up(result, compare_with, waivers_from)
        copies = []
        try:
            write_workbook(result, out)
            if json_target:
                write_json(result, json_target)
            if annotate:
                from checker.output.annotate import annotate_result
                copies = annotate_result(result, lang)
        except OSError as e:
            _fail(EXIT_USAGE, t("err.output_unwritable", lang, path=getattr(e, "filename", None) or out,
                                detail=e.strerror or str(e)))
        if not quiet:
            _summary(result, out, to_err=json_target == "-", copies=copies)
        if not result.units():
            sys.exit(EXIT_USAGE)
        sys.exit(EXIT_FINDINGS if result.failing() else EXIT_OK)
    _guard(lang, debug, work)


def _follow_up(result, compare_with, waivers_from):
    """--compare and --waivers: what an earlier run said about the same findings."""
    from datetime import date
    if waivers_from:
        from checker.followup.waivers import WaiverError, apply_waivers, read_waivers
        try:
            result.waivers = apply_waivers(result.findings, read_waivers(waivers_from), date.today())
        except WaiverError as e:
            _fail(EXIT_USAGE, e.message(result.lang))
    if compare_with:
        from checker.followup.compare import CompareError, compare_result
        try:
            result.comparison = compare_result(result, compare_with)
        except CompareError as e:
            _fail(EXIT_USAGE, e.message(result.lang))


def _summary(result, out, to_err, copies=()):
    lang = result.lang
    echo = lambda s: click.echo(s, err=to_err)  # noqa: E731
    echo(t("sum.title", lang, stage=result.stage, engine=result.engine))
    s = result.summary()
    echo(t("sum.counts", lang, units=s["units_checked"], files=s["files"], unreadable=s["files_unreadable"]))
    if s["units_not_submitted"]:
        echo(t("sum.not_submitted", lang, n=s["units_not_submitted"],
               units=", ".join(i.unit or "?" for i in result.inputs if i.status == "not_submitted")))
    echo(t("sum.findings", lang, **result.label_counts()))
    for i in result.units():
        c = result.label_counts(i.unit)
        status = t("sum." + result.compliance(i.unit), lang)
        echo(t("sum.unit", lang, unit=i.unit or i.file, status=status, **c))
    if result.comparison is not None:
        from checker.followup.compare import summary_lines
        for line in summary_lines(result.comparison, lang):
            echo(line)
    if result.waivers is not None:
        for line in result.waivers.summary_lines(lang):
            echo(line)
    echo(t("sum.written", lang, path=out))
    for path in copies:
        echo(t("sum.annotated", lang, path=path))


@main.command(help=h("template.help"))
@click.option("-o", "--output", default="pokja-unit.xlsx", show_default=True, type=click.Path(dir_okay=False),
              help=h("opt.template_output"))
@click.option("--unit-code", help=h("opt.unit_code"))
@click.option("--tahun", type=int, help=h("opt.tahun"))
@click.option("--force", is_flag=True, help=h("opt.force"))
@LANG_OPTION
@DEBUG_OPTION
def template(output, unit_code, tahun, force, lang, debug):
    def work():
        from checker.followup.template import exists_message, write_template
        try:
            path = write_template(output, unit_code, tahun, lang, overwrite=force)
        except FileExistsError:
            _fail(EXIT_USAGE, exists_message(output, lang))
        except OSError as e:
            _fail(EXIT_USAGE, t("err.output_unwritable", lang, path=output, detail=e.strerror or str(e)))
        click.echo(t("template.written", lang, path=path))
    _guard(lang, debug, work)


@main.command("rules", help=h("rules.help"))
@LANG_OPTION
@RULES_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", help=h("opt.format"))
@click.option("--coverage", is_flag=True, help=h("opt.coverage"))
@DEBUG_OPTION
def rules_cmd(lang, rules_dir, fmt, coverage, debug):
    def work():
        from checker import rulebase
        from checker.rulebase import rulebook
        base = rulebase.load(rules_dir)
        if coverage:
            click.echo(rulebook.render_coverage(base, lang))
        else:
            click.echo(rulebook.render_markdown(base, lang) if fmt == "markdown" else rulebook.render_list(base, lang))
    _guard(lang, debug, work)


@main.command(help=h("explain.help"))
@click.argument("rule_id")
@LANG_OPTION
@RULES_OPTION
@DEBUG_OPTION
def explain(rule_id, lang, rules_dir, debug):
    def work():
        from checker import rulebase
        from checker.rulebase import rulebook
        base = rulebase.load(rules_dir)
        rule = next((r for r in base.rules if r.id == rule_id.upper()), None)
        if rule is None:
            _fail(EXIT_USAGE, t("err.unknown_rule", lang, rule=rule_id))
        click.echo(rulebook.render_rule(rule, lang))
    _guard(lang, debug, work)


def entry() -> None:
    """The console script (and `python -m checker`): run the command, then leave without the
    interpreter's teardown. Every output is written and closed by then, and tearing down the
    loaded libraries (pandas, numpy) costs a quarter of a one-unit check."""
    try:
        main(prog_name="cek-pokja")
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if not isinstance(e.code, (int, type(None))):
            click.echo(e.code, err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):       # the reader went away: nothing left to say
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
