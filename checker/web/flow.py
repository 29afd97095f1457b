"""The way every check goes, for the page and the API alike: admitted before the body is
read, the upload streamed into a private folder, each file made an input reference (its
stored path, the user's name, its kind by its name as `check` tells it: a unit workbook or a
decree draft, decree-format.md §2), a turn taken, the pipeline run in a worker thread.

The multipart fields: `files` (workbooks and drafts, checked and paired together), and the
optional `roster` (the master roster), `compare` (an earlier findings workbook or JSON:
what changed since) and `waivers` (an earlier findings workbook with the unit's
exceptions), as `check --roster/--compare/--waivers` (output-format.md v3)."""
from __future__ import annotations

import os
from dataclasses import dataclass

from checker.load.inputref import DocKind, InputRef
from checker.pipeline.discovery import kind_of
from checker.terms import DEFAULT_STAGE, LANGS, STAGES
from checker.web import checking
from checker.web.error_responses import WebError
from checker.web.upload import UploadError, receive  # noqa: F401 - flow.UploadError for callers

FILE_FIELDS = ("files", "roster", "compare", "waivers")


@dataclass
class Batch:
    uploads: list          # InputRef of each unit workbook or decree draft, in the order sent
    roster: object         # InputRef of the master roster, or None
    stage: str
    lang: str
    fields: dict
    compare: object = None     # InputRef of the earlier findings (workbook or JSON), or None
    waivers: object = None     # InputRef of the earlier findings workbook holding waivers, or None


class BadBatch(WebError):
    """The upload arrived but cannot be checked as sent (no file, unknown stage or language, a
    stale form)."""


async def take_upload(request, folder: str, default_lang: str, ticket=None) -> Batch:
    """Receive the multipart body into `folder` and read its fields (`ticket`: the request's
    admission, which counts the bytes while they come). UploadError or BadBatch."""
    settings = request.app.state.settings
    if ticket is not None:
        ticket.receiving = True
    try:
        upload = await receive(request, folder, settings.max_upload_bytes, FILE_FIELDS,
                               grace_s=settings.upload_grace_seconds, min_rate=settings.upload_min_rate,
                               ticket=ticket)
    finally:
        if ticket is not None:
            ticket.receiving = False
    stage = (upload.fields.get("tahap") or DEFAULT_STAGE).strip()
    lang = (upload.fields.get("lang") or default_lang).strip()
    if lang not in LANGS:
        raise BadBatch(422, "bad_lang", value=lang[:40])
    if stage not in STAGES:
        raise BadBatch(422, "bad_stage", value=stage[:40])
    files = upload.of("files")
    if not files:
        raise BadBatch(400, "no_file")
    rosters, earlier, waivers = upload.of("roster")[:1], upload.of("compare")[:1], upload.of("waivers")[:1]
    _unique_names(files + rosters + earlier + waivers)
    return Batch([InputRef(f.path, f.shown, kind_of(f.shown)) for f in files],
                 InputRef(rosters[0].path, rosters[0].shown, DocKind.ROSTER) if rosters else None,
                 stage, lang, upload.fields,
                 InputRef(earlier[0].path, earlier[0].shown) if earlier else None,
                 InputRef(waivers[0].path, waivers[0].shown) if waivers else None)


def _unique_names(files) -> None:
    """Two uploads of one batch never share a shown name ("a.xlsx", "a (2).xlsx"): the name
    tells their findings and copies apart."""
    seen: set = set()
    for f in files:
        name, n = f.shown, 1
        stem, dot, ext = f.shown.rpartition(".")
        if not dot:
            stem, ext = f.shown, ""
        while name.casefold() in seen:
            n += 1
            name = f"{stem} ({n})" + (f".{ext}" if dot else "")
        seen.add(name.casefold())
        f.shown = name


async def in_turn(request, fn, *args):
    """Run the blocking `fn(*args)` in a worker thread during an admission turn (Busy when none)."""
    from anyio import to_thread
    async with request.app.state.admission.turn():
        return await to_thread.run_sync(fn, *args)


async def check(request, batch: Batch):
    """The RunResult of the batch (checking.BatchError for a roster, or an earlier findings
    file, that cannot be used)."""
    settings = request.app.state.settings
    return await in_turn(request, checking.run_batch, batch.uploads, batch.stage, batch.lang, settings,
                         batch.roster, batch.compare, batch.waivers)


def remove_tree(folder: str) -> None:
    import shutil
    if folder and os.path.isdir(folder):
        shutil.rmtree(folder, ignore_errors=True)

