"""The words the reader looks for (decree-format.md §3.3-§3.6) and small text helpers: one
place for every keyword, ordinal and label pattern."""
from __future__ import annotations

import functools
import re

from checker.input.values import fold_words

ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
            "KESEPULUH", "PERTAMA")
INSTRUMENTS = ("SURAT KEPUTUSAN", "KEPUTUSAN", "NOTA DINAS", "SURAT TUGAS", "SURAT EDARAN", "SURAT PERINTAH",
               "PERATURAN")
POKJA_WORDS = ("pokja", "kelompok kerja", "tim kerja")

_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
DIKTUM_RE = re.compile(r"^\s*(" + _ORD + r")\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
INSTRUMENT_RE = re.compile(r"^\s*(" + "|".join(i.replace(" ", r"\s+") for i in INSTRUMENTS) + r")\b\s*(.*)$",
                           re.IGNORECASE | re.DOTALL)
NOMOR_RE = re.compile(r"^\s*nomor\b\s*:?(.*)$", re.IGNORECASE | re.DOTALL)
TENTANG_RE = re.compile(r"^\s*tentang\b\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
CONSIDER_RE = re.compile(r"^\s*(menimbang|mengingat|memperhatikan)\b\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
MENETAPKAN_RE = re.compile(r"^\s*menetapkan\b\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
DITETAPKAN_RE = re.compile(r"^\s*ditetapkan\s+di\b\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
TANGGAL_RE = re.compile(r"^\s*(?:pada\s+)?tanggal\b\s*:?(.*)$", re.IGNORECASE | re.DOTALL)
LAMPIRAN_RE = re.compile(r"^\s*lampiran\b(.*)$", re.IGNORECASE | re.DOTALL)
NIP_LINE_RE = re.compile(r"^\s*nip\b\.?\s*:?\s*(.*)$", re.IGNORECASE)
YEAR_RE = re.compile(r"\btahun\s+(\d{4})\b", re.IGNORECASE)
RAHMAT = "dengan rahmat tuhan yang maha esa"

# Signature office lines: acting and on-behalf markers (§3.3)
ACTING_RE = re.compile(r"^\s*(?:plt|plh)\b\.?|^\s*pelaksana\s+(?:tugas|harian)\b", re.IGNORECASE)
ON_BEHALF_RE = re.compile(r"^\s*(?:a\.\s*n\.?|an\.|atas\s+nama|u\.\s*b\.?|ub\.)(?=\s|$)", re.IGNORECASE)
NOT_A_NAME_RE = re.compile(r"^\s*[(\[]?\s*(?:ttd|tte)\b\.?\s*[)\]]?\s*$|^\s*ditandatangani\s+secara\s+elektronik",
                           re.IGNORECASE)

# Typed labels at the start of an item: "a.", "b)", "(1)", "1.2.", "iv.", and bullets.
TYPED_LABEL_RE = re.compile(
    r"^\s*(?:\((?P<pv>[A-Za-z]|\d{1,3}|[ivxIVX]{1,5})\)|(?P<v>[A-Za-z]|\d{1,3}(?:\.\d{1,3})*|[ivxIVX]{1,5})"
    r"(?P<p>[.)]))(?=\s)")
BULLET_RE = re.compile(r"^\s*[-\u2022\u00b7\u25aa\u25e6*\u2013\u2014\u2012\u25cf\u25a0\u27a2\u2713]\s+")
LABEL_PREFIX_RE = re.compile(r"^\s*(?:\(?(?:[A-Za-z]|\d{1,3}(?:\.\d{1,3})*|[IVXivx]{1,6})[.)]|\((?:[A-Za-z]|\d{1,3})\))"
                             r"\s*")


def memutuskan(text: str) -> bool:
    """`MEMUTUSKAN`, also letter-spaced (`M E M U T U S K A N :`)."""
    return re.sub(r"[\s:]", "", text[:40]).upper().startswith("MEMUTUSKAN")


def strip_label(text: str) -> str:
    """The text without a leading typed label (`I.`, `A.`, `1.`, `a)`, `(1)`) or bullet."""
    t = BULLET_RE.sub("", text, count=1)
    return LABEL_PREFIX_RE.sub("", t, count=1).strip()


@functools.lru_cache(maxsize=4096)
def phrase_re(phrase: str) -> re.Pattern:
    """A folded phrase as whole words in folded text."""
    return re.compile(r"(?<![0-9a-z])" + re.escape(phrase) + r"(?![0-9a-z])")


def has_phrase(text: str, *phrases: str) -> bool:
    f = fold_words(text)
    return any(phrase_re(fold_words(p)).search(f) for p in phrases)


def begins_with(text: str, phrase: str) -> bool:
    f, p = fold_words(text), fold_words(phrase)
    return f == p or f.startswith(p + " ")
