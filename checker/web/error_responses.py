"""One error shape for the API, one error page for people.

API (paths under /api/ and /openapi.json), every status but 200:

    {"error": {"status": 413, "code": "too_large", "message": "Unggahan melebihi batas 20 MB. ..."}}

`code` is stable (docs/web.md lists them), `message` is in the request's language. Pages
get the same message on an error page with the same status. A 503 carries Retry-After.
Nothing about the request (file names, cell values) is logged: an unexpected error logs its
type and where it was raised only; a client that went away is a disconnect (INFO), not an
error.
"""
from __future__ import annotations

import logging
import traceback

from checker.texts import UserError, t

LOG = logging.getLogger("cek_pokja.web")
API_PREFIXES = ("/api/", "/openapi.json")

STATUS_CODES = {400: "invalid", 401: "access", 403: "csrf", 404: "not_found", 405: "method", 413: "too_large",
                415: "not_multipart", 422: "invalid", 429: "too_many_tries", 500: "internal", 503: "busy"}


class WebError(UserError):
    """A request the page or the API answers with an error the user can act on: HTTP `status`,
    a stable `code` (docs/web.md) and the text web.err.<code> in the request's language."""
    PREFIX = "web.err."

    def __init__(self, status: int, code: str, **params):
        self.status, self.code = status, code
        super().__init__(code, **params)


def wants_json(request_or_scope) -> bool:
    path = request_or_scope["path"] if isinstance(request_or_scope, dict) else request_or_scope.url.path
    return path.startswith(API_PREFIXES)


def api_lang(request) -> str:
    """The language of an API error: ?lang=, else the server's."""
    from checker.terms import LANGS
    asked = request.query_params.get("lang")
    return asked if asked in LANGS else request.app.state.settings.lang


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def error_for(request, e: WebError, lang: str | None = None):
    """The answer to a WebError: its status, code and text (a 503 with its Retry-After)."""
    from checker.web.views import request_lang
    headers = {"Retry-After": str(e.params["seconds"])} if e.status == 503 and "seconds" in e.params else None
    lang = lang or (api_lang(request) if wants_json(request) else request_lang(request))
    return error_response(request, e.status, e.code, e.message(lang), lang=lang, headers=headers)


def error_response(request, status: int, code: str, message: str | None = None, *, lang: str | None = None,
                   headers: dict | None = None, **params):
    """The JSON error (API) or the error page (pages) for `code` (text web.err.<code>)."""
    from fastapi.responses import JSONResponse

    from checker.web.views import render, request_lang
    if wants_json(request):
        lang = lang or api_lang(request)
        text = message if message is not None else t("web.err." + code, lang, **params)
        return JSONResponse(error_body(status, code, text), status_code=status, headers=headers)
    lang = lang or request_lang(request)
    text = message if message is not None else t("web.err." + code, lang, **params)
    busy = status == 503
    return render(request, "error.html", status=status, headers=headers, lang=lang, message=text,
                  title=t("web.busy_title" if busy else "web.error_title", lang), busy=busy, code=code)


def disconnected(exc: BaseException) -> bool:
    """The client went away (closed the page, lost its network) while its request was read or
    answered: nothing to answer, nothing wrong with the server."""
    if isinstance(exc, (ConnectionResetError, BrokenPipeError)):
        return True
    try:
        from starlette.requests import ClientDisconnect
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, ClientDisconnect)


def log_unexpected(exc: BaseException) -> None:
    """The type of an unexpected error and where it was raised; never its message (it may
    quote a workbook)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    LOG.error("internal error %s at %s", type(exc).__name__, where)


class CatchAll:
    """Pure ASGI, the last line of defence: an unexpected error becomes a 500 in the error
    shape (or the error page), never a traceback to the user or in the log."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if disconnected(exc):
                where = (scope.get("path") or "/").lstrip("/").split("/")[0]       # never an id
                LOG.info("client disconnected before its answer (/%s)", where)
                return
            log_unexpected(exc)
            if started:
                return
            from starlette.requests import Request
            response = error_response(Request(scope), 500, "internal")
            await response(scope, receive, send)
