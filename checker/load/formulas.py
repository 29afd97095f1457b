"""Formula cells a reader cannot show: error values (#N/A, #REF!, ...) and formulas without a
cached value, which every reader reads as blank. A scan of the worksheet XML finds them."""
from __future__ import annotations

import io
import re

from checker.input.values import col_index
from checker.load.xmltools import local_name

FORMULA_MARK_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]|\bt\s*=\s*(?:\"e\"|'e')")


FORMULA_HINTS = (b"<f", b":f", b"\"e\"", b"'e'")


_ROOT_PREFIX_RE = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b")


_ATTR_R_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]+)([0-9]+)[\"']")


_ATTR_T_RE = re.compile(rb"\bt\s*=\s*[\"']([A-Za-z]+)[\"']")


_F_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?f>)", re.S)


_V_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?v>)", re.S)


_IS_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?is\b")


_XML_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}


_ENTITY_RE = re.compile(r"&(?:lt|gt|quot|apos|amp);")


def _unescape(b: bytes | None) -> str:
    if not b:
        return ""
    return _ENTITY_RE.sub(lambda m: _XML_ENTITIES[m.group(0)], b.decode("utf-8", "replace"))


def _cell_issue(tag: bytes, body: bytes) -> tuple[str, str] | None:
    """(issue, raw text) of one <c> element, or None when its value is fine."""
    t = _ATTR_T_RE.search(tag)
    t = t.group(1) if t else b"n"
    v = _V_RE.search(body)
    if t == b"e":
        code = _unescape(v.group(1)).strip() if v else ""
        code = code or "#VALUE!"
        return f"error:{code}", code
    f = _F_RE.search(body)
    if f is None:
        return None
    if t == b"inlineStr" and _IS_RE.search(body):
        return None
    if v is not None and (v.group(1) or t == b"str"):
        return None                     # a cached value ("" for a formula giving empty text)
    return "no_cached_value", "=" + _unescape(f.group(1)).strip()


def formula_issues(xml: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """(row0, col0) -> (issue, raw) for every error cell and formula without a cached value
    of one worksheet part. Finds the markers, then only the cells around them."""
    m = _ROOT_PREFIX_RE.search(xml, 0, 8192)
    p = (m.group(1) + b":") if m and m.group(1) else b""
    ctag = b"<" + p + b"c"
    cend = b"</" + p + b"c>"
    seps = (b" ", b"\t", b"\r", b"\n", b">", b"/")
    out: dict[tuple[int, int], tuple[str, str]] = {}
    seen: set[int] = set()
    for mm in FORMULA_MARK_RE.finditer(xml):
        pos = mm.start()
        i = xml.rfind(ctag, 0, pos)
        while i >= 0 and xml[i + len(ctag):i + len(ctag) + 1] not in seps:
            i = xml.rfind(ctag, 0, i)
        if i < 0 or i in seen:
            continue
        tag_end = xml.find(b">", i)
        if tag_end < 0:
            continue
        if xml[tag_end - 1:tag_end] == b"/":
            if pos > tag_end:
                continue
            body = b""
        else:
            close = xml.find(cend, tag_end)
            if close < 0 or pos > close:
                continue
            body = xml[tag_end + 1:close]
        seen.add(i)
        tag = xml[i:tag_end]
        issue = _cell_issue(tag, body)
        if issue is None:
            continue
        r = _ATTR_R_RE.search(tag)
        if r is None:
            return _formula_issues_positional(xml)
        out[(int(r.group(2)) - 1, col_index(r.group(1).decode("ascii")))] = issue
    return out


def _formula_issues_positional(xml: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """The same for a sheet whose cells carry no `r` (allowed; rare): a full parse that
    numbers rows and cells by position."""
    from xml.etree.ElementTree import iterparse
    out: dict[tuple[int, int], tuple[str, str]] = {}
    row = -1
    col = -1
    try:
        for event, el in iterparse(io.BytesIO(xml), events=("start", "end")):
            name = local_name(el.tag)
            if event == "start":
                if name == "row":
                    r = el.get("r")
                    row = int(r) - 1 if r and r.isdigit() else row + 1
                    col = -1
                elif name == "c":
                    ref = el.get("r")
                    m = re.match(r"([A-Za-z]+)([0-9]+)$", ref or "")
                    col = col_index(m.group(1)) if m else col + 1
                continue
            if name == "c":
                t = el.get("t", "n")
                f = v = None
                has_is = False
                for ch in el:
                    ln = local_name(ch.tag)
                    if ln == "f":
                        f = ch.text or ""
                    elif ln == "v":
                        v = ch.text or ""
                    elif ln == "is":
                        has_is = True
                if t == "e":
                    code = (v or "").strip() or "#VALUE!"
                    out[(row, col)] = (f"error:{code}", code)
                elif f is not None and not has_is and not (v or (v is not None and t == "str")):
                    out[(row, col)] = ("no_cached_value", "=" + f.strip())
                el.clear()
            elif name == "row":
                el.clear()
    except Exception:  # noqa: BLE001 - a sheet the scan cannot parse: the reader decides
        return out
    return out
