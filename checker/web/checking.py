"""One upload batch through the same pipeline as `check`, and the reports made from it.

`run_batch` runs the pipeline (pipeline/run.py) on the uploads' input references with the
settings' reader workers and limits (the same as `cek-pokja check`: every file read in a
bounded worker process, every text naming it by the user's name), and then, as `check
--waivers` and `--compare` do, applies the waivers of an earlier findings workbook and
compares with an earlier run (each read in a bounded reader worker too). The reports are the
command line's own writers (output/plan.write_report), aimed at the job's `out/` folder:
the JSON, the findings workbook and one annotated copy per checked workbook or decree draft,
each made the first time it is asked for. For an upload of several units, `handouts` writes
one findings workbook per unit as `check --per-unit` does (output/per_unit.py), when the
result is made: its downloads are named by the files it wrote. These functions block: the
server runs them in a worker thread, inside an admission turn.
"""
from __future__ import annotations

import os

from checker.texts import t
from checker.web.error_responses import WebError
from checker.web.filenames import download_name


class BatchError(WebError):
    """A batch that cannot be checked, or a report that cannot be made, for a reason the user
    can fix (a roster that cannot be used, an annotated copy that cannot be made)."""


def run_batch(uploads, stage: str, lang: str, settings, roster=None, compare=None, waivers=None):
    """The RunResult of checking `uploads` (InputRefs, in the order sent) together, each file
    named by the user's name; with `waivers` and `compare` (InputRefs of earlier findings)
    followed up as `check --waivers --compare` does. BatchError for a roster or an earlier
    findings file that cannot be used (nothing is checked then, as `check` stops)."""
    from checker.load.errors import RosterError
    from checker.pipeline import run
    earlier = _earlier(compare, waivers, settings.limits)
    try:
        result = run.check(list(uploads), stage=stage, lang=lang, engine=settings.engine, jobs=settings.jobs,
                           limits=settings.limits, roster=roster)
    except RosterError as e:
        raise BatchError(422, "roster", detail=e) from None
    except run.NoInput as e:                      # cannot happen for stored files; said plainly if it does
        raise BatchError(400, "no_input", detail=e) from None
    from checker.followup.earlier import apply_earlier
    apply_earlier(result, *earlier)
    return result


def _earlier(compare, waivers, limits) -> tuple:
    """(the earlier run or None, the waiver rows or None), each read as `check` reads them:
    in a reader worker under the settings' limits. BatchError naming the file that cannot be used."""
    from functools import partial

    from checker.followup.earlier import read_earlier
    from checker.pipeline import run
    earlier, problem = read_earlier(compare, waivers, partial(run.read_one, limits=limits))
    if problem is not None:
        which, error = problem
        raise BatchError(422, which, detail=error)
    return earlier


def check_job(job, lang: str, settings):
    """The job's result in `lang` as a jobs.Variant: its uploads checked (run_batch) and, for
    several units, their hand-outs written into the job's `out/<lang>/unit/`."""
    from checker.web.jobs import Variant
    result = run_batch(job.uploads, job.stage, lang, settings, job.roster, job.compare, job.waivers)
    folder = os.path.join(job.outbox, lang, "unit")
    try:
        written = handouts(result, folder)
    except OSError:                                 # a full disk: the check stands, without hand-outs
        written = []
    return Variant(result, document(result), handouts=written)


def document(result) -> dict:
    """The contract's JSON document, as `--json` writes it (NaN as null, dates as text)."""
    import json

    from checker.output.jsondoc import to_text
    return json.loads(to_text(result))


# ---------------------------------------------------------------------------- reports

def report_files(job, lang: str) -> list[dict]:
    """Every download of a job's result in `lang`: key, label, the name it downloads as, and
    its group ("report", "annotated", "handout")."""
    variant = job.variants[lang]
    from checker.output.annotate import copy_ext
    stamp = variant.result.checked_at.strftime("%Y%m%d-%H%M%S")
    out = [{"key": "temuan.xlsx", "label": t("web.dl_workbook", lang), "name": f"temuan-{stamp}.xlsx",
            "group": "report"},
           {"key": "temuan.json", "label": t("web.dl_json", lang), "name": f"temuan-{stamp}.json",
            "group": "report"}]
    for n, inp in annotatable(job, variant.result):
        label = "web.dl_annotated_draft" if inp.kind == "sk" else "web.dl_annotated"
        out.append({"key": f"diperiksa-{n}", "label": t(label, lang, file=inp.file),
                    "name": download_name(inp.file, ".diperiksa", copy_ext(inp.file)), "group": "annotated"})
    for n, path in enumerate(variant.handouts, start=1):
        name = os.path.basename(path)
        out.append({"key": f"unit-{n}", "label": t("web.dl_handout", lang, file=name), "name": name,
                    "group": "handout"})
    return out


def handouts(result, folder: str) -> list[str]:
    """For an upload of several units: one findings workbook per unit written into `folder`
    by `check --per-unit`'s own writer (its paths, in its order); [] for a single unit."""
    if len(result.units()) < 2:
        return []
    from checker.output.per_unit import write_per_unit
    return [str(p) for p in write_per_unit(result, folder)]


def annotatable(job, result) -> list[tuple[int, object]]:
    """(upload number from 1, its InputFile) for each upload that was checked (readable)."""
    by_ref = {inp.ref: inp for inp in result.inputs if inp.ref is not None}
    out = []
    for n, upload in enumerate(job.uploads, start=1):
        inp = by_ref.get(upload)
        if inp is not None and inp.status == "checked":
            out.append((n, inp))
    return out


def make_report(job, lang: str, key: str, settings=None) -> str:
    """The path of report `key` of the job's result in `lang`, written now if not yet (an
    annotated copy under `settings`' limits). KeyError for a key the job does not offer;
    BatchError when an annotated copy cannot be made."""
    from checker.output.plan import write_report
    variant = job.variants[lang]
    if key in variant.files and os.path.exists(variant.files[key]):
        return variant.files[key]
    folder = os.path.join(job.outbox, lang)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    result = variant.result
    if key == "temuan.json":
        path = write_report(result, "json", os.path.join(folder, "temuan.json"))
    elif key == "temuan.xlsx":
        path = write_report(result, "workbook", os.path.join(folder, "temuan.xlsx"))
    elif key.startswith("diperiksa-"):
        path = _annotated(job, result, folder, key, settings)
    elif key.startswith("unit-") and key[5:].isdigit() and 1 <= int(key[5:]) <= len(variant.handouts):
        path = variant.handouts[int(key[5:]) - 1]
    else:
        raise KeyError(key)
    variant.files[key] = path
    return path


def _annotated(job, result, folder: str, key: str, settings) -> str:
    """The annotated copy, made in a reader worker under the settings' limits (as `check`
    makes it): a copy that overruns them is not made, and the page says why."""
    from checker.output.annotate import AnnotateError, CopyNotMade, StrictOOXMLError, copy_ext
    from checker.output.plan import write_report
    from checker.pipeline import run
    number = key.partition("-")[2]
    choices = dict(annotatable(job, result))
    if not number.isdigit() or int(number) not in choices:
        raise KeyError(key)
    n = int(number)
    inp = choices[n]
    ext = copy_ext(inp.path)
    try:
        runner = run.bounded(1, settings.limits) if settings is not None else None
        return write_report(result, "annotated", os.path.join(folder, f"diperiksa-{n}{ext}"), inp, runner)
    except AnnotateError as e:      # Strict Open XML and the bounds say why; any other source the generic text
        if isinstance(e, StrictOOXMLError):
            raise BatchError(422, "annotate_strict", detail=e) from None
        if isinstance(e, CopyNotMade):
            raise BatchError(422, "annotate_bounds", detail=e) from None
        raise BatchError(422, "annotate", file=inp.file) from None
