"""The API: `POST /api/check` answers the contract's JSON document (exactly what
`cek-pokja check --json` writes for the same files), and keeps nothing: the upload lives in a
private folder deleted before the answer leaves. Errors in the one error shape (errors.py).
The request body is described by hand in the OpenAPI document, because it is streamed by
upload.py rather than parsed by FastAPI."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from checker import __version__
from checker.terms import LANGS, STAGES
from checker.web import flow
from checker.web.error_responses import WebError, api_lang, error_for

router = APIRouter()

_NULLABLE_TEXT = {"type": ["string", "null"]}
ERROR_SCHEMA = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["status", "code", "message"], "additionalProperties": False,
        "properties": {"status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}}}},
}
FINDING_SCHEMA = {
    "type": "object",
    "required": ["rule", "slug", "severity", "unit", "unit_name", "pokja", "nip", "name", "target", "file", "sheet",
                 "row", "column", "message", "hint", "basis", "fingerprint", "label", "found"],
    "properties": {
        "rule": {"type": "string"}, "slug": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        **dict.fromkeys(("unit", "unit_name", "pokja", "nip", "name", "target", "file", "sheet", "column",
                         "found"), _NULLABLE_TEXT),
        "row": {"type": ["integer", "null"]},
        "message": {"type": "string"}, "hint": {"type": "string"}, "basis": {"type": "string"},
        "fingerprint": {"type": "string"}, "label": {"type": "string"},
    },
}
DOCUMENT_SCHEMA = {
    "type": "object", "required": ["tool", "version", "stage", "checked_at", "inputs", "units", "summary", "findings"],
    "properties": {
        "tool": {"type": "string"}, "version": {"type": "string"}, "stage": {"type": "string", "enum": list(STAGES)},
        "checked_at": {"type": "string"},
        "inputs": {"type": "array", "items": {
            "type": "object", "required": ["file", "sha256", "unit", "status", "compliance"],
            "properties": {"file": {"type": "string"}, "sha256": _NULLABLE_TEXT, "unit": _NULLABLE_TEXT,
                           # a decree draft (decree-format.md §6.1) may also be not_read or not_a_decree
                           "status": {"type": "string", "enum": ["checked", "unreadable", "not_read",
                                                                 "not_a_decree"]},
                           "detail": {"type": "string"},
                           "compliance": {"type": ["string", "null"],
                                          "enum": ["patuh", "perlu_perbaikan_data", "tidak_patuh", None]},
                           # in a run with decree drafts
                           "kind": {"type": "string", "enum": ["workbook", "sk"]},
                           "paired_with": _NULLABLE_TEXT,
                           "pairing": {"type": ["string", "null"], "enum": ["judul", "nama_berkas", None]}}}},
        # output-format.md v3: every unit of the run, a roster unit that sent no workbook included
        "units": {"type": "array", "items": {
            "type": "object", "required": ["unit", "unit_name", "file", "compliance"],
            "properties": {"unit": _NULLABLE_TEXT, "unit_name": _NULLABLE_TEXT, "file": _NULLABLE_TEXT,
                           "compliance": {"type": "string", "enum": ["patuh", "perlu_perbaikan_data", "tidak_patuh",
                                                                     "belum_menyampaikan"]}}}},
        "summary": {"type": "object"},
        "findings": {"type": "array", "items": FINDING_SCHEMA},
    },
}


def _errors(*statuses) -> dict:
    out = {}
    for status in statuses:
        entry = {"description": str(status), "content": {"application/json": {"schema": ERROR_SCHEMA}}}
        if status in (429, 503):
            entry["headers"] = {"Retry-After": {"schema": {"type": "integer"},
                                                "description": "seconds to wait before trying again"}}
        out[str(status)] = entry
    return out


CHECK_OPENAPI = {
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["files"],
        "properties": {
            "files": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "binary"},
                      "description": "unit workbooks (.xlsx/.xlsm) and decree drafts (.docx/.docm), checked "
                                     "together; a draft is paired with its unit's workbook as `check` pairs it "
                                     "(decree-format.md §2)"},
            "tahap": {"type": "string", "enum": list(STAGES), "default": "penetapan"},
            "lang": {"type": "string", "enum": list(LANGS), "default": "id"},
            "roster": {"type": "string", "format": "binary", "description": "master roster (SIASN export)"},
            "compare": {"type": "string", "format": "binary",
                        "description": "an earlier findings workbook or JSON: what changed since (`--compare`)"},
            "waivers": {"type": "string", "format": "binary",
                        "description": "an earlier findings workbook holding the unit's waivers (`--waivers`)"},
        }}}}},
}


@router.post(
    "/api/check", summary="Check unit workbooks and decree drafts",
    description="Multipart upload of one or more unit workbooks and decree drafts (`files`), with `tahap`, `lang` "
                "and an optional `roster`, `compare` and `waivers`. Answers the JSON document of the output "
                "contract (output-format.md, *JSON findings*; decree-format.md §6.1 with drafts), with each file "
                "named as uploaded. Nothing is kept.",
    openapi_extra=CHECK_OPENAPI, response_class=Response,
    responses={200: {"description": "the contract's JSON document",
                     "content": {"application/json": {"schema": DOCUMENT_SCHEMA}}},
               **_errors(400, 401, 403, 408, 413, 415, 422, 429, 503)},
)
async def api_check(request: Request):
    from checker.output.jsondoc import to_text
    state = request.app.state
    lang = api_lang(request)
    try:
        with state.admission.admit() as ticket:
            folder = state.store.scratch()
            try:
                batch = await flow.take_upload(request, folder, lang, ticket)
                result = await flow.check(request, batch)
                body = to_text(result)
            finally:
                flow.remove_tree(folder)
    except WebError as e:
        return error_for(request, e)
    return Response(body, media_type="application/json; charset=utf-8")


@router.get("/api/health", summary="Whether the server is up",
            responses={200: {"description": "up", "content": {"application/json": {"schema": {
                "type": "object", "required": ["status", "version"],
                "properties": {"status": {"type": "string"}, "version": {"type": "string"}}}}}},
                **_errors(401)})
async def api_health():
    return {"status": "ok", "version": __version__}
