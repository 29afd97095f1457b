"""The pages: the upload form, the result with its downloads, the rule book, the access code.

    GET  /                          the form (workbooks and drafts, tahap; optional roster, earlier
                                    findings to compare with, earlier findings workbook with waivers)
    POST /periksa                   check the upload, then 303 to its result
    GET  /hasil/{id}                the result (in ?lang=, made once per language)
    GET  /hasil/{id}/{lang}/{key}   a download: temuan.xlsx, temuan.json, diperiksa-<n> (an annotated
                                    workbook or decree draft), unit-<n> (a unit's hand-out)
    GET  /templat.xlsx              the blank template
    GET  /aturan, /aturan/{id}      the rule book, one rule (the content of `explain`)
    GET/POST /masuk                 the access code (when the server has one)
"""
from __future__ import annotations

import os
import time
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse

from checker.terms import STAGES
from checker.texts import t
from checker.web import checking, flow, report
from checker.web.admission import Busy
from checker.web.error_responses import WebError, error_for, error_response
from checker.web.filenames import content_disposition
from checker.web.security import ACCESS_COOKIE, CSRF_FIELD, cookie_options
from checker.web.settings import ACCESS_COOKIE_SECONDS
from checker.web.throttle import client_of
from checker.web.views import render, request_lang, rule_html

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {".json": "application/json", ".xlsx": XLSX, ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".docm": "application/vnd.ms-word.document.macroEnabled.12"}


# ------------------------------------------------------------------------------ the form

@router.get("/")
async def index(request: Request):
    return render(request, "index.html", stages=STAGES, error=None)


@router.post("/periksa")
async def periksa(request: Request):
    state = request.app.state
    lang = request_lang(request)
    try:
        with state.admission.admit() as ticket:
            job = state.store.new("penetapan")
            try:
                batch = await flow.take_upload(request, job.inbox, lang, ticket)
                lang = batch.lang
                if not state.guard.csrf_ok(request.cookies, batch.fields.get(CSRF_FIELD)):
                    raise flow.BadBatch(403, "csrf")
                job.stage, job.uploads, job.roster = batch.stage, batch.uploads, batch.roster
                job.compare, job.waivers = batch.compare, batch.waivers
                job.variants[lang] = await flow.in_turn(request, checking.check_job, job, lang, state.settings)
            except BaseException:
                state.store.delete(job.id)
                raise
    except Busy as e:
        return error_for(request, e, lang)
    except WebError as e:
        return _form_error(request, e.status, e.message(lang), lang)
    job.expires_at = time.monotonic() + state.store.keep_seconds       # counted from the answer
    return RedirectResponse(f"/hasil/{job.id}?lang={lang}", status_code=303)


def _form_error(request, status: int, message: str, lang: str):
    return render(request, "index.html", status=status, lang=lang, stages=STAGES, error=message)


# ------------------------------------------------------------------------------ results

async def _variant(request, job, lang: str):
    """The job's result in `lang`, checked again in that language the first time it is asked for."""
    if lang in job.variants:
        return job.variants[lang]
    state = request.app.state
    with state.admission.admit():
        variant = await flow.in_turn(request, checking.check_job, job, lang, state.settings)
    job.variants.setdefault(lang, variant)
    return job.variants[lang]


def _job(request, job_id: str):
    job = request.app.state.store.get(job_id)
    if job is None:
        return None, error_response(request, 404, "job_not_found",
                                    minutes=f"{request.app.state.settings.keep_minutes:g}")
    return job, None


@router.get("/hasil/{job_id}")
async def hasil(request: Request, job_id: str):
    job, missing = _job(request, job_id)
    if missing:
        return missing
    lang = request_lang(request)
    try:
        variant = await _variant(request, job, lang)
    except WebError as e:
        return error_for(request, e, lang)
    rules = request.app.state.rules
    until = datetime.fromtimestamp(time.time() + max(0.0, job.expires_at - time.monotonic()))
    return render(request, "result.html", lang=lang, job=job, page=report.page(variant.result, rules, lang),
                  downloads=checking.report_files(job, lang), until=until.strftime("%H:%M"),
                  stage_text=t("web.stage_" + job.stage, lang).split(":")[0])


@router.get("/hasil/{job_id}/{lang}/{key}")
async def unduh(request: Request, job_id: str, lang: str, key: str):
    job, missing = _job(request, job_id)
    if missing:
        return missing
    offered = {d["key"]: d for d in checking.report_files(job, lang)} if lang in job.variants else {}
    if key not in offered:
        return error_response(request, 404, "no_download")
    try:
        with request.app.state.admission.admit():
            path = await flow.in_turn(request, checking.make_report, job, lang, key, request.app.state.settings)
    except WebError as e:
        return error_for(request, e, lang)
    name = offered[key]["name"]
    media = MEDIA.get(os.path.splitext(name)[1].lower(), XLSX)
    return FileResponse(path, media_type=media, headers={"Content-Disposition": content_disposition(name)})


@router.get("/templat.xlsx")
async def templat(request: Request):
    """The blank template needs no check's turn (it is written once per language, then served
    as it is): it is there while every check slot is busy."""
    from anyio import to_thread
    lang = request_lang(request)
    path = await to_thread.run_sync(request.app.state.template_path, lang)
    return FileResponse(path, media_type=XLSX, headers={"Content-Disposition": content_disposition("pokja-unit.xlsx")})


# ------------------------------------------------------------------------------ rule book

@router.get("/aturan")
async def aturan(request: Request):
    base = request.app.state.rulebase
    return render(request, "rules.html", rules=list(base.rules))


@router.get("/aturan/{rule_id}")
async def aturan_satu(request: Request, rule_id: str):
    from checker.rulebase.rulebook import render_rule, stages_of
    base = request.app.state.rulebase
    wanted = rule_id.strip().casefold()
    rule = next((r for r in base.rules if r.id.casefold() == wanted or r.slug.casefold() == wanted), None)
    if rule is None:
        return error_response(request, 404, "unknown_rule", rule=rule_id[:20])
    lang = request_lang(request)
    return render(request, "rule.html", lang=lang, rule=rule, body=rule_html(render_rule(rule, lang)),
                  stages=stages_of(rule))


# ------------------------------------------------------------------------------ access code

def _safe_next(target: str | None) -> str:
    """Only a path of this server (never //host or a scheme): no open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/masuk")
async def masuk(request: Request):
    return render(request, "login.html", next=_safe_next(request.query_params.get("next")), error=None,
                  hours=ACCESS_COOKIE_SECONDS // 3600)


@router.post("/masuk")
async def masuk_post(request: Request):
    state = request.app.state
    lang = request_lang(request)
    form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
    target = _safe_next(form.get("next"))
    if not state.guard.csrf_ok(request.cookies, form.get(CSRF_FIELD)):
        return render(request, "login.html", status=403, next=target, error=t("web.err.csrf", lang),
                      hours=ACCESS_COOKIE_SECONDS // 3600)
    client = client_of(request.scope)
    wait = state.throttle.wait(client)
    if wait:                                # even a right code waits: the guessing must stop, not slow down
        return render(request, "login.html", status=429, next=target, headers={"Retry-After": str(wait)},
                      error=t("web.err.too_many_tries", lang, seconds=wait), hours=ACCESS_COOKIE_SECONDS // 3600)
    if not state.guard.code_ok(form.get("code")):
        state.throttle.failed(client)
        return render(request, "login.html", status=401, next=target, error=t("web.err.bad_code", lang),
                      hours=ACCESS_COOKIE_SECONDS // 3600)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(ACCESS_COOKIE, state.guard.access_cookie(), max_age=ACCESS_COOKIE_SECONDS,
                        **cookie_options(request))
    return response

