"""One upload batch through the same pipeline as `check`, and the reports made from it.

`run_batch` calls run.check on the stored uploads with the settings' reader workers and
limits (the same as `cek-pokja check`: every file read in a bounded worker process), then
puts the users' file names back (names.Renamer). The reports are the command line's own
writers, aimed at the job's `out/` folder: the JSON (jsondoc), the findings workbook
(output/workbook) and one annotated copy per checked workbook (output/annotate), each made
the first time it is asked for. These functions block: the server runs them in a worker
thread, inside an admission turn.
"""
from __future__ import annotations

import os

from checker.texts import t
from checker.web.names import Renamer, download_name


class BatchError(Exception):
    """A batch that cannot be checked for a reason the user can fix: HTTP `status`, `message`."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


def run_batch(uploads, stage: str, lang: str, settings, roster=None):
    """The RunResult of checking `uploads` (upload.StoredFile, in order) together, with the
    users' file names in every finding and input."""
    from checker import run
    from checker.load.roster import RosterError
    names = {u.path: u.shown for u in uploads}
    if roster is not None:
        names[roster.path] = roster.shown
    renamer = Renamer(names)
    try:
        result = run.check([u.path for u in uploads], stage=stage, lang=lang, engine=settings.engine,
                           jobs=settings.jobs, limits=settings.limits, roster=roster.path if roster else None)
    except RosterError as e:
        raise BatchError(422, "roster", renamer.text(e.message(lang))) from None
    except run.NoInput as e:                      # cannot happen for stored files; said plainly if it does
        raise BatchError(400, "no_file", renamer.text(str(e))) from None
    return renamer.result(result)


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
    by_file = {}
    for inp in result.inputs:
        by_file.setdefault(inp.file, inp)
    out = []
    for n, upload in enumerate(job.uploads, start=1):
        inp = by_file.get(upload.shown)
        if inp is not None and inp.status == "checked":
            out.append((n, inp))
    return out


def make_report(job, lang: str, key: str) -> str:
    """The path of report `key` of the job's result in `lang`, written now if not yet.
    KeyError for a key the job does not offer; BatchError when an annotated copy cannot be
    made."""
    variant = job.variants[lang]
    if key in variant.files and os.path.exists(variant.files[key]):
        return variant.files[key]
    folder = os.path.join(job.outbox, lang)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    result = variant.result
    if key == "temuan.json":
        from checker.output.atomic import write_text_atomic
        from checker.output.jsondoc import to_text
        path = os.path.join(folder, "temuan.json")
        write_text_atomic(path, to_text(result))
    elif key == "temuan.xlsx":
        from checker.output.workbook import write_workbook
        path = str(write_workbook(result, os.path.join(folder, "temuan.xlsx")))
    elif key.startswith("diperiksa-"):
        path = _annotated(job, result, folder, key, lang)
    else:
        raise KeyError(key)
    variant.files[key] = path
    return path


def _annotated(job, result, folder: str, key: str, lang: str) -> str:
    from checker.output.annotate import AnnotateError, annotate
    number = key.partition("-")[2]
    choices = dict(annotatable(job, result))
    if not number.isdigit() or int(number) not in choices:
        raise KeyError(key)
    n = int(number)
    upload, inp = job.uploads[n - 1], choices[n]
    ext = ".xlsm" if upload.path.lower().endswith(".xlsm") else ".xlsx"
    mine = [f for f in result.findings if f.file == inp.file]
    try:
        return annotate(upload.path, mine, out_path=os.path.join(folder, f"diperiksa-{n}{ext}"), lang=lang,
                        header_rows=inp.header_rows, columns=inp.columns, pokja_rows=inp.pokja_rows,
                        rules={r.id: r for r in getattr(result, "rules", ())}, source_name=upload.shown)
    except AnnotateError as e:      # Strict Open XML says why; any other unreadable source the generic text
        text = t(e.key, lang, file=upload.shown) if e.key != AnnotateError.key else t(
            "web.err.annotate", lang, file=upload.shown)
        raise BatchError(422, "annotate", text) from None
