"""Where the outputs of a check go, and how they are written: the command line's options and
the web page's downloads alike.

    plan = plan_outputs(output, json_target, fmt, annotate, annotate_dir, per_unit_dir, given)
    written = write_outputs(result, plan, given, runner)           # every output, at once (check)
    path = write_report(result, kind, path, input_file, runner)    # one output, when asked for (web)

`runner` makes the annotated copies in bounded workers (output/annotate.py): the caller's
pipeline/workers.run_tasks with the run's --max-memory and --timeout (the outputs never import
the pipeline); without it they are made in this process.

Checked before the (possibly long) run: a folder that does not exist or cannot be written is
said at once, naming the path the user gave (destinations.py); an output that names an input, or
the other output, is refused (ClashError). After the run, the annotated copies are checked
the same way, and then every output is written atomically (atomic.py), never onto one of the
run's inputs, so that a refusal leaves no output half done.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from checker.load.inputref import same_file, shown_name
from checker.output import atomic, destinations
from checker.output.destinations import TargetError
from checker.texts import t

REPORTS = ("workbook", "json", "annotated")            # what write_report writes


class ClashError(TargetError):
    """An output onto an input or onto another output; `role` (an input's role, a text key)
    is said in the message's language."""

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "role" in params:
            params["role"] = t(params["role"], lang)
        return t(self.PREFIX + self.key, lang, **params)


@dataclass(frozen=True)
class Plan:
    workbook: str | None = None         # -o
    json: str | None = None             # --json FILE
    stdout_json: bool = False           # --json - (or --format json)
    per_unit: str | None = None         # --per-unit FOLDER
    annotate: bool = False              # --annotate or --annotate-dir
    annotate_dir: str | None = None     # --annotate-dir FOLDER


@dataclass
class Written:
    workbook: str | None = None
    per_unit: list = field(default_factory=list)
    annotated: list = field(default_factory=list)


def default_output_name(now=None) -> str:
    now = now or datetime.now()
    return os.path.join(os.getcwd(), now.strftime("temuan-%Y%m%d-%H%M%S.xlsx"))


def plan_outputs(output, json_target, fmt: str, annotate: bool, annotate_dir, per_unit_dir, given=()) -> Plan:
    """The outputs the command line's options ask for, checked before the run (module doc).
    `given`: (path as given, role text key) of every input the user named. TargetError."""
    if fmt == "json" and not json_target:
        json_target = "-"
    if output:
        output = destinations.with_xlsx(output)
    elif json_target != "-":
        output = default_output_name()
    plan = Plan(workbook=output or None, json=json_target if json_target not in (None, "", "-") else None,
                stdout_json=json_target == "-", per_unit=per_unit_dir or None,
                annotate=bool(annotate or annotate_dir), annotate_dir=annotate_dir or None)
    for path, option in ((plan.workbook, "-o"), (plan.json, "--json")):
        if path:
            destinations.check_file_target(path, option)
    for path, option in ((plan.per_unit, "--per-unit"), (plan.annotate_dir, "--annotate-dir")):
        if path:
            destinations.check_folder_target(path, option)
    refuse_clashes(plan, given)
    return plan


def refuse_clashes(plan: Plan, inputs, copies=()) -> None:
    """No output onto an input (`inputs`: (path, role)), nor two outputs onto one file, nor an
    annotated copy onto either (`copies`: (copy path, name of its source as shown)): said with
    the names the user gave, before anything is written. ClashError."""
    outputs = [(path, option) for path, option in ((plan.workbook, "-o"), (plan.json, "--json")) if path]
    for path, option in outputs:
        for item, role in inputs:
            if same_file(path, item):
                raise ClashError("output_onto_input", path=shown_name(path), option=option,
                                 input=shown_name(item), role=role)
    if len(outputs) == 2 and same_file(outputs[0][0], outputs[1][0]):
        raise ClashError("outputs_clash", path=shown_name(outputs[1][0]), option="--json",
                         other=shown_name(outputs[0][0]), other_option="-o")
    for copy, source in copies:
        for item, role in inputs:
            if same_file(copy, item):
                raise ClashError("annotated_onto_input", path=shown_name(copy), source=source,
                                 input=shown_name(item), role=role)
        for path, option in outputs:
            if same_file(copy, path):
                raise ClashError("annotated_onto_output", path=shown_name(copy), source=source, option=option)


def write_outputs(result, plan: Plan, given=(), runner=None) -> Written:
    """Every output the plan asks for, each written atomically; a failure names the path the
    user gave (TargetError). Every path is checked first, so that a refusal leaves no output
    half done. The JSON on stdout comes last."""
    from checker.output.jsondoc import write_json
    inputs = [*given, *((i.path, "role.unit") for i in result.inputs if i.status != "not_submitted")]
    copies = []
    if plan.annotate:
        from checker.output.annotate import annotation_targets
        copies = annotation_targets(result, plan.annotate_dir)
    refuse_clashes(plan, inputs, [(target, inp.file) for inp, target in copies])
    written = Written()
    with atomic.protecting([p for p, _ in inputs]):
        if plan.workbook:
            with writing(plan.workbook, "-o"):
                written.workbook = write_report(result, "workbook", plan.workbook,
                                                annotated={inp.file: target for inp, target in copies})
        if plan.json:
            with writing(plan.json, "--json"):
                write_report(result, "json", plan.json)
        if plan.per_unit:
            from checker.output.per_unit import write_per_unit
            with writing(plan.per_unit, "--per-unit", folder=True):
                written.per_unit = write_per_unit(result, plan.per_unit)
        if plan.annotate:
            from checker.output.annotate import annotate_result
            option = "--annotate-dir" if plan.annotate_dir else "--annotate"
            with writing(plan.annotate_dir or ".", option, folder=True):
                written.annotated = annotate_result(result, result.lang, out_dir=plan.annotate_dir, runner=runner)
    if plan.stdout_json:
        write_json(result, "-")
    return written


def write_report(result, kind: str, path: str, input_file=None, runner=None, annotated=None) -> str:
    """One report of `result` written at `path` atomically, never onto one of the run's
    inputs (atomic.OutputIsInputError); its path. `kind`: "workbook" (the findings
    workbook), "json" (the contract's document), "annotated" (the copy of `input_file`,
    made by `runner` (module doc); annotate.AnnotateError when it cannot be made). `annotated`:
    input file -> its annotated copy, where the workbook links a draft's findings."""
    with atomic.protecting([i.path for i in result.inputs]):
        if kind == "workbook":
            from checker.output.findings_workbook import write_workbook
            return str(write_workbook(result, path, annotated=annotated))
        if kind == "json":
            from checker.output.jsondoc import write_json
            write_json(result, path)
            return str(path)
        if kind == "annotated":
            from checker.output.annotate import annotate_input
            return annotate_input(result, input_file, path, runner=runner)
    raise ValueError(f"unknown report {kind!r}")


@contextmanager
def writing(path: str, option: str, folder: bool = False):
    """destinations.writing, and XlsxWriter's FileCreateError (a full disk, a folder that vanished)
    told as the OSError it wraps."""
    with destinations.writing(path, option, folder=folder):
        try:
            yield
        except Exception as e:
            cause = e.args[0] if type(e).__name__ == "FileCreateError" and e.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise
