"""One upload batch through the same pipeline as `check`, and the reports made from it.

`run_batch` runs the pipeline (pipeline/run.py) on the uploads' input references with the
settings' reader workers and limits (the same as `cek-pokja check`: every file read in a
bounded worker process, every text naming it by the user's name). The reports are the
command line's own writers (output/plan.write_report), aimed at the job's `out/` folder:
the JSON, the findings workbook and one annotated copy per checked workbook, each made the
first time it is asked for. These functions block: the server runs them in a worker thread,
inside an admission turn.
"""
from __future__ import annotations

import os

from checker.texts import t
from checker.web.error_responses import WebError
from checker.web.filenames import download_name


class BatchError(WebError):
    """A batch that cannot be checked, or a report that cannot be made, for a reason the user
    can fix (a roster that cannot be used, an annotated copy that cannot be made)."""


def run_batch(uploads, stage: str, lang: str, settings, roster=None):
    """The RunResult of checking `uploads` (InputRefs, in the order sent) together, each file
    named by the user's name."""
    from checker.load.errors import RosterError
    from checker.pipeline import run
    try:
        return run.check(list(uploads), stage=stage, lang=lang, engine=settings.engine, jobs=settings.jobs,
                         limits=settings.limits, roster=roster)
    except RosterError as e:
        raise BatchError(422, "roster", detail=e) from None
    except run.NoInput as e:                      # cannot happen for stored files; said plainly if it does
        raise BatchError(400, "no_input", detail=e) from None


def document(result) -> dict:
    """The contract's JSON document, as `--json` writes it (NaN as null, dates as text)."""
    import json

    from checker.output.jsondoc import to_text
    return json.loads(to_text(result))


# ---------------------------------------------------------------------------- reports

def report_files(job, lang: str) -> list[dict]:
    """Every download of a job's result in `lang`: key, label, the name it downloads as."""
    variant = job.variants[lang]
    stamp = variant.result.checked_at.strftime("%Y%m%d-%H%M%S")
    out = [{"key": "temuan.xlsx", "label": t("web.dl_workbook", lang), "name": f"temuan-{stamp}.xlsx"},
           {"key": "temuan.json", "label": t("web.dl_json", lang), "name": f"temuan-{stamp}.json"}]
    for n, inp in annotatable(job, variant.result):
        ext = ".xlsm" if inp.file.lower().endswith(".xlsm") else ".xlsx"
        out.append({"key": f"diperiksa-{n}", "label": t("web.dl_annotated", lang, file=inp.file),
                    "name": download_name(inp.file, ".diperiksa", ext)})
    return out


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
        path = _annotated(job, result, folder, key, lang, settings)
    else:
        raise KeyError(key)
    variant.files[key] = path
    return path


def _annotated(job, result, folder: str, key: str, lang: str, settings) -> str:
    """The annotated copy, made in a reader worker under the settings' limits (as `check`
    makes it): a copy that overruns them is not made, and the page says why."""
    from checker.output.annotate import AnnotateError, CopyNotMade, StrictOOXMLError
    from checker.output.plan import write_report
    from checker.pipeline import run
    number = key.partition("-")[2]
    choices = dict(annotatable(job, result))
    if not number.isdigit() or int(number) not in choices:
        raise KeyError(key)
    n = int(number)
    inp = choices[n]
    ext = ".xlsm" if inp.path.lower().endswith(".xlsm") else ".xlsx"
    try:
        runner = run.bounded(1, settings.limits) if settings is not None else None
        return write_report(result, "annotated", os.path.join(folder, f"diperiksa-{n}{ext}"), inp, runner)
    except AnnotateError as e:      # Strict Open XML and the bounds say why; any other source the generic text
        if isinstance(e, StrictOOXMLError):
            raise BatchError(422, "annotate_strict", detail=e) from None
        if isinstance(e, CopyNotMade):
            raise BatchError(422, "annotate_bounds", detail=e) from None
        raise BatchError(422, "annotate", file=inp.file) from None
