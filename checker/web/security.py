"""Who may use the server, and what every response says to the browser.

- Access code (`--access-code`, required off loopback): typed once on /masuk, then kept in a
  cookie signed with this server's secret (itsdangerous; valid 12 hours, HttpOnly,
  SameSite=Strict, Secure behind HTTPS). API clients may send it as `X-Access-Code`. The
  code is compared in constant time.
- CSRF: every form carries a token; its signed twin is a cookie (double submit). A form
  post whose token does not match is refused (403). Cookies are SameSite=Strict, so a
  cross-site post carries neither.
- Guessing the code: a few wrong codes per client and per window, then 429 with Retry-After,
  on the page and on the API (web/throttle.py).
- Off loopback, the Host and Origin of a request (`foreign_request`): a Host that is not one
  of `--allowed-host` (when given) is refused (400), and so is a state-changing request
  (POST) whose Origin is another site than the Host it was sent to, or that the browser
  marks cross-site (403): a cross-site form or script never reaches a check, whatever
  cookies it carries.
- Headers (`HeadersMiddleware`, on every response): a strict Content-Security-Policy (only
  this server's own script, style and images; no inline script or style; no framing; forms
  post here only), `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` (result
  links carry an id), `X-Frame-Options: DENY`, and `Cache-Control: no-store` on everything
  but the static assets.
"""
from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from checker.web.settings import ACCESS_COOKIE_SECONDS

ACCESS_COOKIE = "cek_pokja_akses"
CSRF_COOKIE = "cek_pokja_csrf"
CSRF_FIELD = "csrf"
ACCESS_HEADER = "x-access-code"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# paths open without the access code: the login page and what it needs
OPEN_PREFIXES = ("/static/", "/masuk")


class Guard:
    """The server's secret, the access code, and the tokens signed with them."""

    def __init__(self, access_code: str | None, secret: bytes | None = None):
        self.access_code = access_code or None
        secret = secret or secrets.token_bytes(32)      # new per start: a restart asks for the code again
        self._access = URLSafeTimedSerializer(secret, salt="cek-pokja-access")
        self._csrf = URLSafeTimedSerializer(secret, salt="cek-pokja-csrf")

    # -------------------------------------------------------------- access code
    @property
    def required(self) -> bool:
        return self.access_code is not None

    def code_ok(self, given: str | None) -> bool:
        if not self.required:
            return True
        return hmac.compare_digest((given or "").encode("utf-8"), self.access_code.encode("utf-8"))

    def access_cookie(self) -> str:
        return self._access.dumps("ok")

    def cookie_ok(self, cookies: dict) -> bool:
        token = cookies.get(ACCESS_COOKIE)
        if token:
            try:
                return self._access.loads(token, max_age=ACCESS_COOKIE_SECONDS) == "ok"
            except (BadSignature, SignatureExpired):
                pass
        return False

    # -------------------------------------------------------------- CSRF
    def csrf_pair(self, cookies: dict) -> tuple[str, str | None]:
        """(token for the form, cookie value to set or None when the request's cookie is good)."""
        current = self._csrf_token(cookies.get(CSRF_COOKIE))
        if current:
            return current, None
        token = secrets.token_urlsafe(24)
        return token, self._csrf.dumps(token)

    def csrf_ok(self, cookies: dict, given: str | None) -> bool:
        token = self._csrf_token(cookies.get(CSRF_COOKIE))
        return bool(token and given) and hmac.compare_digest(token.encode(), (given or "").encode())

    def _csrf_token(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            value = self._csrf.loads(cookie, max_age=ACCESS_COOKIE_SECONDS)
        except (BadSignature, SignatureExpired):
            return None
        return value if isinstance(value, str) else None


_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_port(netloc: str, scheme: str) -> tuple[str, int] | None:
    """("name", port) of a Host header or an origin's netloc; None when it is not one."""
    from urllib.parse import urlsplit
    try:
        parts = urlsplit(f"//{netloc}")
        name, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not name or "@" in netloc or parts.path or parts.query:
        return None
    return name.lower(), port or _DEFAULT_PORTS.get(scheme, 80)


def foreign_request(scope, allowed_hosts=()) -> tuple[int, str, dict] | None:
    """(status, code, params) of the refusal of a request that does not come from this server's
    own pages or addresses (module doc), else None. Called off loopback only."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    scheme = scope.get("scheme", "http")
    host_header = headers.get("host", "")
    host = _host_port(host_header, scheme)
    shown = host_header[:80]
    if host is None:
        return 400, "host", {"host": shown or "-"}
    if allowed_hosts and host[0] not in {h.lower().strip("[]") for h in allowed_hosts}:
        return 400, "host", {"host": shown}
    if scope.get("method", "GET") in _SAFE_METHODS:
        return None
    origin = headers.get("origin")
    if origin is not None and origin != "null":
        from urllib.parse import urlsplit
        try:
            parts = urlsplit(origin)
            seen = _host_port(parts.netloc, parts.scheme) if parts.scheme in _DEFAULT_PORTS else None
        except ValueError:
            seen = None
        if seen != host:
            return 403, "origin", {"origin": origin[:80]}
    elif origin == "null" or headers.get("sec-fetch-site") == "cross-site":
        return 403, "origin", {"origin": origin or headers.get("referer", "")[:80] or "-"}
    return None


def cookie_options(request) -> dict:
    return {"httponly": True, "samesite": "strict", "secure": request.url.scheme == "https", "path": "/"}


class HeadersMiddleware:
    """Pure ASGI (no buffering of the body): adds the security and cache headers to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope.get("path", "").startswith("/static/")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"cache-control", b"content-security-policy")]
                headers += [(b"content-security-policy", CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY"),
                            (b"cross-origin-opener-policy", b"same-origin"),
                            (b"cache-control", b"public, max-age=3600" if static else b"no-store")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
