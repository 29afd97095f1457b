"""The application: `create_app(settings)` wires the pages, the API, the static assets, the
middleware and the life cycle.

Start-up (the lifespan): the job store's private root, the reader workers' fork server, the
rule base, and, unless settings.warm is off, one check of the blank template, so that the
first upload is answered as fast as the next (pandas, the engines and the writers are then
imported). Shutdown (also on SIGTERM, which uvicorn turns into a graceful stop): the sweeper
stops and every job folder is deleted.

Middleware, outermost first: HeadersMiddleware (CSP, nosniff, no-store), CatchAll (an
unexpected error is a 500 in the error shape, never a traceback), AccessMiddleware (the
access code). FastAPI's interactive documentation pages are off: they load their scripts from a
CDN, and an intranet page loads nothing from the internet; /openapi.json stays.
"""
from __future__ import annotations

import contextlib
import os
import threading

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import HTTPConnection

from checker import __version__
from checker.terms import LANGS
from checker.web import api, pages
from checker.web.admission import Admission
from checker.web.error_responses import STATUS_CODES, CatchAll, error_response, wants_json
from checker.web.jobs import JobStore
from checker.web.security import ACCESS_HEADER, OPEN_PREFIXES, Guard, HeadersMiddleware, foreign_request
from checker.web.settings import Settings, is_loopback
from checker.web.throttle import Throttle, client_of
from checker.web.views import STATIC


class AccessMiddleware:
    """Pure ASGI, who may use the server: off loopback, requests from this server's own pages
    and addresses only (security.foreign_request); with an access code, every path but the
    login page and the static assets needs the signed cookie (or, for the API, the
    X-Access-Code header, whose wrong guesses are throttled like the login page's:
    web/throttle.py)."""

    def __init__(self, app, guard: Guard, settings: Settings, throttle: Throttle):
        self.app, self.guard, self.throttle = app, guard, throttle
        self.open_host = is_loopback(settings.host)
        self.allowed_hosts = tuple(settings.allowed_hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.requests import Request
        if not self.open_host:
            refused = foreign_request(scope, self.allowed_hosts)
            if refused is not None:
                status, code, params = refused
                await error_response(Request(scope), status, code, **params)(scope, receive, send)
                return
        if not self.guard.required or scope["path"].startswith(OPEN_PREFIXES):
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        if self.guard.cookie_ok(conn.cookies):
            await self.app(scope, receive, send)
            return
        given = conn.headers.get(ACCESS_HEADER)
        if given is not None:
            client = client_of(scope)
            wait = self.throttle.wait(client)
            if wait:
                response = error_response(Request(scope), 429, "too_many_tries", headers={"Retry-After": str(wait)},
                                          seconds=wait)
                await response(scope, receive, send)
                return
            if self.guard.code_ok(given):
                await self.app(scope, receive, send)
                return
            self.throttle.failed(client)
        from starlette.responses import RedirectResponse
        request = Request(scope)
        if not wants_json(scope) and scope["method"] in ("GET", "HEAD"):
            from urllib.parse import quote
            target = scope["path"] + (("?" + scope["query_string"].decode("latin-1")) if scope["query_string"] else "")
            response = RedirectResponse("/masuk?next=" + quote(target, safe=""), status_code=303)
        else:
            response = error_response(request, 401, "access")
        await response(scope, receive, send)


class _Template:
    """The blank template per language, written once into the store's root and reused."""

    def __init__(self, root: str):
        self.root, self.lock, self.paths = root, threading.Lock(), {}

    def __call__(self, lang: str) -> str:
        with self.lock:
            path = self.paths.get(lang)
            if path is None or not os.path.exists(path):
                from checker.followup.template import write_template
                path = write_template(os.path.join(self.root, f"templat-{lang}.xlsx"), lang=lang, overwrite=True)
                self.paths[lang] = path
            return path


def _warm_up(app) -> None:
    """One check of the blank template: every module a check needs is imported, the rule
    base's documentation parsed, the fork server started."""
    from checker.load.inputref import InputRef
    from checker.web.checking import run_batch
    path = app.state.template_path(app.state.settings.lang)
    run_batch([InputRef(path, "pokja-unit.xlsx")], "penetapan", app.state.settings.lang, app.state.settings)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        from anyio import to_thread

        from checker.pipeline import workers
        store = JobStore(settings.keep_seconds, settings.root)
        app.state.store = store
        app.state.template_path = _Template(store.root)
        app.state.admission = Admission(settings.max_running, settings.max_waiting, settings.wait_seconds,
                                        settings.upload_min_rate)
        workers.warm_up()
        if settings.warm:
            for lang in LANGS:                  # the template downloads are ready before the first visitor
                await to_thread.run_sync(app.state.template_path, lang)
            await to_thread.run_sync(_warm_up, app)
        store.start_sweeper()
        try:
            yield
        finally:
            await store.stop_sweeper()
            store.close()

    app = FastAPI(title="cek-pokja", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  swagger_ui_oauth2_redirect_url=None,
                  description="Pokja compliance checks against Permenko Perekonomian Nomor 1 Tahun 2025. "
                              "Errors: {\"error\": {\"status\", \"code\", \"message\"}} (docs/web.md).")
    from checker import rulebase
    app.state.settings = settings
    app.state.guard = Guard(settings.access_code)
    app.state.throttle = Throttle()
    app.state.rulebase = rulebase.load()
    app.state.rules = {r.id: r for r in app.state.rulebase.rules}
    app.include_router(pages.router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        code = STATUS_CODES.get(exc.status_code, "invalid")
        headers = getattr(exc, "headers", None)
        if code == "invalid":
            return error_response(request, exc.status_code, "invalid", headers=headers, detail=str(exc.detail)[:200])
        return error_response(request, exc.status_code, code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request, exc):
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()[:5])
        return error_response(request, 422, "invalid", detail=fields)

    app.add_middleware(AccessMiddleware, guard=app.state.guard, settings=settings, throttle=app.state.throttle)
    app.add_middleware(CatchAll)
    app.add_middleware(HeadersMiddleware)            # outermost: the 500 page carries the headers too
    return app
