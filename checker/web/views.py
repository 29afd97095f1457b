"""Pages: the Jinja2 environment (autoescape always on), the language of a request, and the
rendering of a page with the catalogue's texts, the CSRF token and the language cookie."""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from checker.output.terminal import counted
from checker.terms import LANGS
from checker.texts import severity_label, t
from checker.web.security import CSRF_COOKIE, cookie_options

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
LANG_COOKIE = "cek_pokja_bahasa"

# autoescape=True for every template, whatever its name: nothing from a workbook can be markup
ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def request_lang(request) -> str:
    """?lang= when given (and remembered in a cookie), else the cookie, else the server's language."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    kept = request.cookies.get(LANG_COOKIE)
    if kept in LANGS:
        return kept
    return request.app.state.settings.lang


def render(request, template: str, *, status: int = 200, headers: dict | None = None, lang: str | None = None,
           **context):
    from fastapi.responses import HTMLResponse
    state = request.app.state
    lang = lang or request_lang(request)
    token, new_cookie = state.guard.csrf_pair(request.cookies)
    other = t("web.other_lang_code", lang)
    values = {
        "lang": lang, "other_lang": other, "tx": lambda key, **kw: t(key, lang, **kw),
        "n": lambda key, number: counted(number, key, lang),          # "1 unit", "2 units"
        "sev": lambda s: severity_label(s, lang, title=True), "csrf": token, "settings": state.settings,
        "path": request.url.path, "switch_url": _switch_url(request, other),
        "keep_minutes": _minutes(state.settings.keep_minutes), "max_mb": _minutes(state.settings.max_upload_mb),
        **context,
    }
    html = ENV.get_template(template).render(**values)
    response = HTMLResponse(html, status_code=status, headers=headers)
    if new_cookie:
        response.set_cookie(CSRF_COOKIE, new_cookie, **cookie_options(request))
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, **cookie_options(request))
    return response


def _switch_url(request, other: str) -> str:
    """The same page in the other language (other query parameters are kept)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
    from urllib.parse import urlencode
    return request.url.path + "?" + urlencode(params)


def _minutes(value: float) -> str:
    return f"{value:g}"


# ------------------------------------------------------------------------------ rule text

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\(#[^)]*\)")


def _inline(text: str) -> Markup:
    """Escape first, then the few inline marks `explain` uses (bold, code, in-page links as text)."""
    html = str(escape(text))
    html = _LINK.sub(r"\1", html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _CODE.sub(r"<code>\1</code>", html)
    return Markup(html)


def rule_html(text: str) -> Markup:
    """`explain`'s text (headings `## `, quotes `> `, lists `- `, paragraphs) as HTML. Every
    character of it is escaped before any tag is added."""
    out: list[str] = []
    block: list[str] = []
    mode = None                                   # "p", "q" (quote), "ul" or None

    def flush():
        nonlocal mode
        if mode == "p":
            out.append(f"<p>{_inline(' '.join(block))}</p>")
        elif mode == "ul":
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block) + "</ul>")
        elif mode == "q":
            parts, current = [], []
            for line in block + [""]:
                if line:
                    current.append(line)
                elif current:
                    parts.append(" ".join(current))
                    current = []
            out.append("<blockquote>" + "".join(f"<p>{_inline(p)}</p>" for p in parts) + "</blockquote>")
        block.clear()
        mode = None

    for line in text.splitlines()[2:]:            # the first two lines are the page's heading
        if line.startswith("## "):
            flush()
            out.append(f"<h2>{_inline(line[3:])}</h2>")
            continue
        kind = "q" if line.startswith(">") else "ul" if line.startswith("- ") else "p" if line.strip() else None
        if kind != mode:
            flush()
        if kind is None:
            continue
        mode = kind
        block.append(line[1:].strip() if kind == "q" else line[2:] if kind == "ul" else line.strip())
    flush()
    return Markup("\n".join(out))
