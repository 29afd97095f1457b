"""Pure text helpers of the decree rules (decree-format.md §2, §3.5, §3.7): free texts
compared as word sets (S21-S23), offices and unit names folded for pairing and for the issuer
and signer (S04, S12), a Kode Unit in a file name, PK targets identified in a target text and
their stated values (S20)."""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from checker.input.values import fold_words, is_blank
from checker.input.vocab import INSTANSI_NAMES

# ---------------------------------------------------------------------------- §3.7 word sets

STOP_WORDS = frozenset(
    "dan serta atau yang di ke dari untuk dengan pada dalam oleh bagi atas terhadap sebagai secara para setiap "
    "tersebut ini itu".split())
MATERIAL = 0.50               # below this similarity two texts differ materially
_SEGMENT_RE = re.compile(r"[\n;]+")
_WORD_RE = re.compile(r"[^\W_]+")


def word_set(text: str) -> frozenset[str]:
    """The words of a text as §3.7 compares them: numbering labels dropped (typed ones at the
    start of each line or `;`-separated piece; Word's own are never in the plain text given),
    case folded, split on every character that is not a letter or digit, stop words dropped."""
    from checker.load.decree.words import strip_label
    words: set[str] = set()
    for segment in _SEGMENT_RE.split(text or ""):
        piece = segment
        for _ in range(3):                       # "1. a) teks": nested labels
            cut = strip_label(piece)
            if cut == piece.strip():
                break
            piece = cut
        words.update(w for w in _WORD_RE.findall(fold_words(piece)) if w not in STOP_WORDS)
    return frozenset(words)


@dataclass(frozen=True)
class Comparison:
    """Two free texts compared (§3.7): `similarity` |A ∩ B| / |A ∪ B| rounded to 2 decimals;
    `differs` when it is below 0.50."""
    similarity: float
    differs: bool


def compare_texts(a: str, b: str) -> Comparison:
    """The one comparison of free texts of S21, S22 and S23: word sets, never order or layout."""
    wa, wb = word_set(a), word_set(b)
    union = wa | wb
    sim = len(wa & wb) / len(union) if union else 1.0
    return Comparison(round(sim, 2), sim < MATERIAL)


# ---------------------------------------------------------------------------- §2 offices

_LEADING_RE = re.compile(r"^(?:(?:kepala|pelaksana tugas|pelaksana harian|plt|plh)\s+)+")
_ACTING_RE = re.compile(r"^(?:(?:pelaksana tugas|pelaksana harian|plt|plh)\s+)+")


@functools.lru_cache(maxsize=4096)
def fold_office(text: str) -> str:
    """§2 folding: case, whitespace and punctuation folded, `&` as `dan`, a leading `KEPALA`
    and a leading `PELAKSANA TUGAS`, `PELAKSANA HARIAN`, `PLT.` or `PLH.` dropped."""
    f = fold_words((text or "").replace("&", " dan "))
    return _LEADING_RE.sub("", f).strip()


def without_acting(text: str) -> str:
    """Folded words without a leading `Plt.`/`Plh.`/`Pelaksana Tugas`/`Pelaksana Harian`."""
    return _ACTING_RE.sub("", fold_words(text or "")).strip()


def _suffixes(extra: tuple[str, ...]) -> list[str]:
    return [s for s in (fold_office(x) for x in (*extra, *INSTANSI_NAMES)) if s]


def names_unit(issuer: str, nama_unit: str, jpt_madya: str = "", instansi: str = "") -> bool:
    """§2 pairing by the title: the issuer, folded, equals the Nama Unit, folded, or begins
    with it followed only by the unit's Unit JPT Madya and/or the instansi's name."""
    i, u = fold_office(issuer), fold_office(nama_unit)
    if not i or not u:
        return False
    if i == u:
        return True
    if not i.startswith(u + " "):
        return False
    return _only_suffixes(i[len(u) + 1:], _suffixes(tuple(x for x in (jpt_madya, instansi) if x)))


def _only_suffixes(rest: str, suffixes: list[str]) -> bool:
    """`rest` is one or more of `suffixes`, one after the other."""
    while rest:
        s = next((s for s in suffixes if rest == s or rest.startswith(s + " ")), None)
        if s is None:
            return False
        rest = rest[len(s):].strip()
    return True


def office_names(office: str, issuer: str, jpt_madya: str = "", instansi: str = "") -> bool:
    """S12: the signature's office line names the issuer (both folded as in §2, the title may
    add the JPT Madya unit or the instansi to the office)."""
    o = fold_office(office)
    return bool(o) and (names_unit(issuer, office, jpt_madya, instansi) or fold_office(issuer) == o)


# ---------------------------------------------------------------------------- §2 file names

_TOKEN_SPLIT_RE = re.compile(r"[.\-_\s]+")


def file_tokens(path: str) -> list[str]:
    """The tokens of a file name without its extension: case folded, `.`, `-`, `_` and spaces
    separate."""
    stem = os.path.splitext(os.path.basename((path or "").replace("\\", "/")))[0]
    return [t for t in _TOKEN_SPLIT_RE.split(stem.casefold()) if t]


def names_code(path: str, kode_unit: str | None) -> bool:
    """§2 pairing by the file name: the Kode Unit occurs in it as a run of whole tokens."""
    code = [t for t in _TOKEN_SPLIT_RE.split((kode_unit or "").casefold()) if t]
    if not code:
        return False
    tokens = file_tokens(path)
    n = len(code)
    return any(tokens[i:i + n] == code for i in range(len(tokens) - n + 1))


# ---------------------------------------------------------------------------- §3.5 targets

_NUMBER_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)")
_STOP_VALUE_RE = re.compile(r"[;\n]")


def number_of(text: str) -> float | None:
    """The first number of a text (`80`, `3,5` = `3.5`, `80%`; `1.250,5`), None when none."""
    m = _NUMBER_RE.search(text or "")
    return _as_float(m.group(1)) if m else None


def _as_float(s: str) -> float | None:
    if "," in s and "." in s:                       # 1.250,5 (Indonesian) or 1,250.5
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


def _token_re(code: str) -> re.Pattern:
    return re.compile(r"(?<![0-9a-z])" + re.escape(fold_words(code)) + r"(?![0-9a-z])")


def identifies(text: str, code: str, indicator: str) -> bool:
    """§3.5: a PK target is identified in a target text by its Indikator Kinerja, folded, or
    by its Kode Target as a whole token holding a letter (a bare `1` never identifies)."""
    folded = fold_words(text)
    ind = fold_words(indicator)
    if ind and re.search(r"(?<![0-9a-z])" + re.escape(ind) + r"(?![0-9a-z])", folded):
        return True
    return any(c.isalpha() for c in code) and bool(fold_words(code)) and bool(_token_re(code).search(folded))


def stated_value(text: str, code: str, indicator: str) -> float | None:
    """§3.5: the first number after the target's indicator (or its code) in the same item,
    before the next `;` or line break; None when none is stated."""
    text = text or ""
    for needle in (indicator, code):
        needle_f = fold_words(needle)
        if not needle_f:
            continue
        # the indicator as written may differ in spacing and punctuation: find it word by word
        words = needle_f.split()
        pattern = r"[\W_]+".join(re.escape(w) for w in words)
        m = re.search(r"(?<![^\W_])" + pattern + r"(?![^\W_])", text, re.IGNORECASE)
        if m is None:
            continue
        rest = _STOP_VALUE_RE.split(text[m.end():], maxsplit=1)[0]
        return number_of(rest)
    return None


def filled(text: str | None) -> bool:
    return bool(text) and not is_blank(text)
