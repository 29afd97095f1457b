"""Command line. Heavy modules (pandas, the engines) are imported inside commands, so that
`cek-pokja --help` stays fast."""
from __future__ import annotations

import os
import signal
import sys


def _quiet_exit(_signum, _frame):
    os._exit(130)


def _quiet_interrupts() -> None:
    """Until a command runs (`_guard`), Ctrl-C ends the program quietly with 130: while this
    module and its imports load, Python would print a KeyboardInterrupt traceback. Only where
    Ctrl-C still has Python's own handler (the interpreter of a command, not a test runner)."""
    import threading
    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _quiet_exit)


def _python_interrupts() -> None:
    """Ctrl-C raises KeyboardInterrupt again (`_guard` makes it exit 130 with a message)."""
    import threading
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is _quiet_exit:
        signal.signal(signal.SIGINT, signal.default_int_handler)


_quiet_interrupts()

import click  # noqa: E402 - after the Ctrl-C handler, like every import below

from checker.load.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S  # noqa: E402
from checker.output.terminal import DEFAULT_LIMIT  # noqa: E402
from checker.terms import DEFAULT_FAIL_ON, DEFAULT_STAGE, LANGS, SEVERITIES, STAGES  # noqa: E402
from checker.texts import lang_from_argv, t  # noqa: E402
from checker.web.command import serve  # noqa: E402

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_RULEBASE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_CANCELLED, EXIT_TERMINATED = 130, 143        # 128 + SIGINT, 128 + SIGTERM, as shells report them
FORMATS = ("teks", "baris", "json")
HELP_LANG = lang_from_argv()
if HELP_LANG == "id":
    from checker.texts import click_id
    click_id.install()


def h(key: str) -> str:
    return t(key, HELP_LANG)


FILE, FOLDER = h("meta.file"), h("meta.folder")
LANG_OPTION = click.option("--lang", type=click.Choice(LANGS), default=HELP_LANG, show_default=True,
                           help=h("opt.lang"))
RULES_OPTION = click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False), metavar=FOLDER,
                            help=h("opt.rules"))
DEBUG_OPTION = click.option("--debug", is_flag=True, help=h("opt.debug"))


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that every `finally` and atomic write unwinds."""


def _on_sigterm(_signum, _frame):
    raise Terminated()


def _fail(code: int, message: str):
    from checker.load.inputref import shown_name
    from checker.output.terminal import clean_lines
    click.echo(clean_lines(shown_name(message)), err=True)
    sys.exit(code)


def _guard(lang, debug, fn):
    """Runs fn and maps every failure to the contract's exit codes; tracebacks only with --debug."""
    from checker.rulebase import RuleBaseError
    _python_interrupts()
    if not debug:      # openpyxl's warnings about parts of a workbook it drops are not for the user
        import warnings
        warnings.filterwarnings("ignore", module=r"openpyxl(\.|$)")
    try:
        return fn()
    except RuleBaseError as e:
        if debug:
            raise
        _fail(EXIT_RULEBASE, t("err.rulebase", lang, detail=e.message(lang)))
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        _fail(EXIT_CANCELLED, t("err.cancelled", lang))
    except Terminated:
        _fail(EXIT_TERMINATED, t("err.cancelled", lang))
    except SystemExit:
        raise
    except click.exceptions.Exit:
        raise
    except Exception as e:  # noqa: BLE001 - the last line of defence: exit 4, no traceback
        if debug:
            raise
        from checker.engines import EngineError, EngineMismatch
        if isinstance(e, EngineError):
            _fail(EXIT_USAGE, t("err.engine", lang, detail=e.message(lang)))
        detail = f"{type(e).__name__}: {e}" if not isinstance(e, EngineMismatch) else str(e)
        _fail(EXIT_INTERNAL, t("err.internal", lang, detail=detail))


def _catch_sigterm() -> None:
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError):       # not the main thread (a test runner, a web server): its own business
        pass


@click.group(help=h("app.help"), context_settings={"help_option_names": ["-h", "--help"]},
             options_metavar=h("meta.options"), subcommand_metavar=h("meta.command"))
@click.version_option(package_name="cek-pokja", prog_name="cek-pokja")
@click.option("--lang", type=click.Choice(LANGS), default=HELP_LANG, help=h("opt.lang"))
def main(lang):
    """`cek-pokja --lang en COMMAND`: read from the command line before parsing (texts.lang_from_argv),
    so it already set every command's default language and help texts."""


def command(name=None, **kw):
    return main.command(name, options_metavar=h("meta.options"), **kw)


@command(help=h("check.help"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar=h("meta.paths"))
@click.option("-o", "--output", metavar=FILE, help=h("opt.output"))
@click.option("--tahap", type=click.Choice(STAGES), default=DEFAULT_STAGE,
              show_default=True, help=h("opt.tahap"))
@click.option("--roster", type=click.Path(exists=True, dir_okay=False), metavar=FILE, help=h("opt.roster"))
@click.option("--json", "json_target", metavar=FILE, help=h("opt.json"))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="teks", show_default=True,
              help=h("opt.check_format"))
@click.option("--max-findings", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              metavar=h("meta.number"), help=h("opt.max_findings"))
@LANG_OPTION
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=DEFAULT_FAIL_ON, show_default=True,
              help=h("opt.fail_on"))
@RULES_OPTION
@click.option("--engine", type=click.Choice(["durable", "pandas"]), default=None, help=h("opt.engine"))
@click.option("--annotate", is_flag=True, help=h("opt.annotate"))
@click.option("--annotate-dir", metavar=FOLDER, help=h("opt.annotate_dir"))
@click.option("--per-unit", "per_unit_dir", metavar=FOLDER, help=h("opt.per_unit"))
@click.option("--compare", "compare_with", type=click.Path(exists=True, dir_okay=False), metavar=FILE,
              help=h("opt.compare"))
@click.option("--waivers", "waivers_from", type=click.Path(exists=True, dir_okay=False), metavar=FILE,
              help=h("opt.waivers"))
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar=h("meta.number"), help=h("opt.jobs"))
@click.option("--max-memory", type=int, default=DEFAULT_MEMORY_MB, show_default=True,
              metavar=h("meta.mb"), help=h("opt.max_memory"))
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT_S, show_default=True,
              metavar=h("meta.seconds"), help=h("opt.timeout"))
@click.option("--rule", "--aturan", "rule_filter", multiple=True, metavar=h("meta.rule"), help=h("opt.rule_filter"))
@click.option("--unit", "unit_filter", multiple=True, metavar=h("meta.code"), help=h("opt.unit_filter"))
@click.option("--severity", "--tingkat", "severity_filter", multiple=True, metavar=h("meta.severity"),
              help=h("opt.severity_filter"))
@click.option("-q", "--quiet", is_flag=True, help=h("opt.quiet"))
@DEBUG_OPTION
def check(paths, output, tahap, roster, json_target, fmt, max_findings, lang, fail_on, rules_dir, engine, annotate,
          annotate_dir, per_unit_dir, compare_with, waivers_from, jobs, max_memory, timeout, quiet, debug,
          rule_filter, unit_filter, severity_filter):
    def work():
        from checker.load.errors import RosterError
        from checker.load.limits import Limits
        from checker.output import plan as plans
        from checker.output.progress import Progress
        from checker.pipeline import run
        _catch_sigterm()
        _check_limits(max_memory, timeout, lang)
        wanted = _filter(rule_filter, unit_filter, severity_filter, rules_dir, lang)
        _refuse_special_files(compare_with, waivers_from, lang)
        given = _given_inputs(paths, roster, compare_with, waivers_from)
        try:
            plan = plans.plan_outputs(output, json_target, fmt, annotate, annotate_dir, per_unit_dir, given)
        except plans.TargetError as e:
            _fail(EXIT_USAGE, e.message(lang))
        limits = Limits(memory_mb=max_memory or None, timeout_s=timeout or None)
        earlier = _read_follow_ups(compare_with, waivers_from, limits, lang)
        progress = Progress(lang) if Progress.wanted(quiet) and fmt == "teks" else None
        try:
            result = run.check(list(paths), stage=tahap, lang=lang, engine=engine, rules_dir=rules_dir,
                               fail_on=fail_on, jobs=jobs or os.cpu_count() or 1, limits=limits,
                               progress=progress, debug=debug, roster=roster)
        except run.NoInput as e:
            _fail(EXIT_USAGE, e.message(lang))
        except RosterError as e:
            _fail(EXIT_USAGE, e.message(lang))
        from checker.followup.earlier import apply_earlier
        apply_earlier(result, *earlier)
        result = result.filtered(wanted)        # after the follow-ups: they see every finding
        try:
            written = plans.write_outputs(result, plan, given, run.bounded(jobs or os.cpu_count() or 1, limits))
        except plans.TargetError as e:
            _fail(EXIT_USAGE, e.message(lang))
        from checker.engines import fell_back
        _report(result, plan, written, fmt, max_findings, quiet, fell_back(engine, result.engine))
        if not result.read_any():               # no workbook and no decree draft could be read
            sys.exit(EXIT_USAGE)
        sys.exit(EXIT_FINDINGS if result.failing() else EXIT_OK)
    _guard(lang, debug, work)


# --max-memory and --timeout: 0 switches the bound off; otherwise a value a reader worker can
# work within (below 256 MB Python and pandas alone do not fit, so every file would be "rusak";
# above 1 TiB the operating system refuses the limit) and a finite number of seconds up to a day.
MEMORY_RANGE_MB = (256, 1 << 20)
TIMEOUT_RANGE_S = (1.0, 86400.0)


def _check_limits(max_memory: int, timeout: float, lang: str) -> None:
    low, high = MEMORY_RANGE_MB
    if max_memory != 0 and not low <= max_memory <= high:
        _fail(EXIT_USAGE, t("err.memory_range", lang, value=max_memory, low=low, high=high))
    low, high = TIMEOUT_RANGE_S
    if timeout != 0 and not low <= timeout <= high:        # nan and inf fail both comparisons or one
        _fail(EXIT_USAGE, t("err.timeout_range", lang, value=timeout, low=f"{low:g}", high=f"{high:g}"))


def _filter(rules, units, severities, rules_dir, lang: str):
    """--rule, --unit, --severity as a result.FindingFilter, checked before the run: an
    unknown rule or severity is exit 2. The exit code then follows the findings the filter
    keeps, as the terminal, the JSON and the workbook do (output-format.md v3, filters)."""
    from checker.result import SEVERITY_FILTERS, FindingFilter
    wanted = FindingFilter.parse(rules, units, severities)
    bad = wanted.unknown_severities()
    if bad:
        _fail(EXIT_USAGE, t("err.unknown_severity", lang, value=bad[0], choices=", ".join(SEVERITY_FILTERS)))
    if wanted.rules:
        from checker import rulebase
        unknown = wanted.unknown_rules(rulebase.load(rules_dir).rules)      # RuleBaseError: exit 3
        if unknown:
            _fail(EXIT_USAGE, t("err.unknown_filter_rule", lang, rule=unknown[0]))
    return wanted


def _given_inputs(paths, roster, compare_with, waivers_from) -> list:
    """(path as given, role) of every input the user named: no output may be written onto them."""
    out = [(p, "role.unit") for p in paths if not os.path.isdir(p)]
    out += [(p, role) for p, role in ((roster, "role.roster"), (compare_with, "role.compare"),
                                      (waivers_from, "role.waivers")) if p]
    return out


def _report(result, plan, written, fmt: str, max_findings: int, quiet: bool, engine_fallback: bool = False) -> None:
    """The terminal: `teks` (summary, then the findings), `baris` (every finding, nothing else);
    with the JSON on stdout, the report goes to stderr. `engine_fallback`: the summary says
    once that the pandas engine ran because durable-rules is not installed."""
    from checker.load.inputref import shown_name
    from checker.output import terminal
    to_err = plan.stdout_json
    echo = lambda s: click.echo(s, err=to_err)  # noqa: E731
    if fmt == "baris":
        for line in terminal.finding_lines(result, limit=None):
            echo(line)
        return
    if quiet:
        return
    lang = result.lang
    for line in terminal.summary_lines(result):
        echo(line)
    if engine_fallback:
        echo(t("sum.engine_fallback", lang))
    if result.comparison is not None:
        from checker.followup.compare import summary_lines
        for line in summary_lines(result.comparison, lang):
            echo(terminal.clean(line))
    if result.waivers is not None:
        for line in result.waivers.summary_lines(lang):
            echo(terminal.clean(line))
    for line in terminal.unreadable_lines(result):
        echo(line)
    lines = terminal.finding_lines(result, limit=max_findings or None, skip_listed=True,
                                   where=shown_name(written.workbook) if written.workbook else None)
    if lines:
        echo(t("term.details", lang))
        for line in lines:
            echo("  " + line)
    if written.workbook:
        echo(terminal.clean(t("sum.written", lang, path=shown_name(written.workbook))))
    if written.per_unit:
        echo(terminal.clean(t("sum.per_unit", lang, n=len(written.per_unit), path=shown_name(plan.per_unit))))
    for path in written.annotated:
        echo(terminal.clean(t("sum.annotated", lang, path=shown_name(path))))


def _refuse_special_files(compare_with, waivers_from, lang: str) -> None:
    """A FIFO, a device or a socket as --compare or --waivers is refused from its stat, before
    the run (it would block the open, or never end)."""
    from checker.followup.compare import CompareError, special_file
    from checker.followup.waivers import WaiverError
    for path, error in ((compare_with, CompareError), (waivers_from, WaiverError)):
        if path and special_file(path):
            _fail(EXIT_USAGE, error("not_a_file", path=path).message(lang))


def _read_follow_ups(compare_with, waivers_from, limits, lang: str) -> tuple:
    """(earlier run or None, waiver rows or None): read before the run, as every input is read,
    in a reader worker under `limits`; a file that cannot be used stops here (exit 2)."""
    from functools import partial

    from checker.followup.earlier import read_earlier
    from checker.load.inputref import InputRef
    from checker.pipeline import run
    earlier, problem = read_earlier(InputRef.at(compare_with) if compare_with else None,
                                    InputRef.at(waivers_from) if waivers_from else None,
                                    partial(run.read_one, limits=limits))
    if problem is not None:
        _fail(EXIT_USAGE, problem[1].message(lang))
    return earlier


@command(help=h("template.help"))
@click.option("-o", "--output", default="pokja-unit.xlsx", show_default=True, type=click.Path(dir_okay=False),
              metavar=FILE, help=h("opt.template_output"))
@click.option("--unit-code", metavar=h("meta.code"), help=h("opt.unit_code"))
@click.option("--tahun", type=int, metavar=h("meta.year"), help=h("opt.tahun"))
@click.option("--force", is_flag=True, help=h("opt.force"))
@LANG_OPTION
@DEBUG_OPTION
def template(output, unit_code, tahun, force, lang, debug):
    def work():
        from checker.followup.template import YEAR_RANGE, exists_message, write_template
        from checker.output import destinations
        low, high = YEAR_RANGE
        if tahun is not None and not low <= tahun <= high:
            _fail(EXIT_USAGE, t("err.tahun_range", lang, value=tahun, low=low, high=high))
        path = destinations.with_xlsx(output)          # `-o t2` is t2.xlsx, as check's -o
        if not force and os.path.lexists(path):
            _fail(EXIT_USAGE, exists_message(path, lang))
        try:
            destinations.check_file_target(path, "-o")
            with destinations.writing(path, "-o"):
                path = write_template(path, unit_code, tahun, lang, overwrite=True)
        except destinations.TargetError as e:
            _fail(EXIT_USAGE, e.message(lang))
        click.echo(t("template.written", lang, path=path))
    _guard(lang, debug, work)


@command("rules", help=h("rules.help"))
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
            click.echo(rulebook.render_markdown(base, lang) if fmt == "markdown" else
                       rulebook.render_list(base, lang) + "\n\n" + t("rules.legend", lang))
    _guard(lang, debug, work)


@command(help=h("explain.help"))
@click.argument("rule_id", metavar=h("meta.rule"))
@LANG_OPTION
@RULES_OPTION
@DEBUG_OPTION
def explain(rule_id, lang, rules_dir, debug):
    def work():
        from checker import rulebase
        from checker.rulebase import rulebook
        base = rulebase.load(rules_dir)
        wanted = rule_id.strip()
        rule = next((r for r in base.rules if r.id == wanted.upper() or r.slug == wanted.casefold()), None)
        if rule is None:
            _fail(EXIT_USAGE, t("err.unknown_rule", lang, rule=rule_id))
        click.echo(rulebook.render_rule(rule, lang))
    _guard(lang, debug, work)


# The self-check web page (checker/web/); its module imports no web framework, so the other
# commands start as fast as before, and a missing [web] extra is reported when serve runs.
main.add_command(serve)
_python_interrupts()            # a program that imports this module keeps its own Ctrl-C (entry sets it again)


def entry() -> None:
    """The console script (and `python -m checker`): run the command, then leave without the
    interpreter's teardown. Every output is written and closed by then, and tearing down the
    loaded libraries (pandas, numpy) costs a quarter of a one-unit check."""
    from checker.output.console import tolerant_streams
    _quiet_interrupts()
    tolerant_streams()
    if "--debug" not in sys.argv[1:]:
        # A library object that could not finish (XlsxWriter's zip file on a full disk) complains
        # from its finaliser; the user reads our message instead, never "Exception ignored ...".
        sys.unraisablehook = lambda unraisable: None
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
    _remove_multiprocessing_folder()
    os._exit(code)


def _remove_multiprocessing_folder() -> None:
    """multiprocessing's own `pymp-*` temporary folder (the fork server's socket) is removed by
    an exit handler that os._exit skips: removed here, on every way out (SIGTERM included)."""
    mp = sys.modules.get("multiprocessing.process")
    folder = mp.current_process()._config.get("tempdir") if mp else None
    if folder:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    entry()
