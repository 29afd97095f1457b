"""The vocabularies of the unit workbook (input-format.md, "Vocabularies") and this instansi's
names: one place for every accepted synonym.

After the exact fold_text lookup, a second lookup ignores punctuation and spacing ("Non ASN"
= "Non-ASN"). `pola` empty gives value "A" and `cara_penugasan` empty gives "Penunjukan"
(the contract's defaults), both with status "empty".
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from checker.input.values import cell_text, fold_compact, fold_text, fold_words

# Groups of jenis jabatan the rules speak of (rules.md).
JPT_JENIS = ("JPT Pratama", "JPT Madya")                 # performance owners: Pengarah, never members
FP_JENIS = ("Fungsional", "Pelaksana")                   # whom Pasal 2 ayat (4) forms Pokja of
STRUCTURAL_JENIS = ("Administrator", "Pengawas")         # Lampiran II.C.1.b: chair Pokja in Pola B


# input-format.md "Not active" (U05): what SIASN writes in KEDUDUKAN_HUKUM_NAMA for an employee
# who is not working in the unit. Matched as whole words of the folded text.
NOT_ACTIVE = ("tugas belajar", "tubel", "cltn", "cuti di luar tanggungan negara", "diberhentikan sementara",
              "pemberhentian sementara", "masa persiapan pensiun", "mpp", "dipekerjakan", "diperbantukan",
              "penugasan di luar instansi")
_NOT_ACTIVE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in NOT_ACTIVE) + r")\b")


def is_not_active(*values) -> bool:
    """An employee whose Kedudukan Hukum or Status Kepegawaian says they are not active;
    `Aktif` or an empty cell means active."""
    return any(_NOT_ACTIVE_RE.search(" ".join(_PUNCT_RE.sub(" ", fold_text(v)).split())) for v in values if v)


_PUNCT_RE = re.compile(r"[^\w]+")


class VocabValue(NamedTuple):
    value: str | None        # canonical spelling (or the vocabulary's default when empty)
    status: str              # "ok" | "empty" | "unknown"
    raw_text: str


_VOCAB_SOURCE: dict[str, dict[str, tuple[str, ...]]] = {
    "jenis_jabatan": {
        "JPT Madya": ("Eselon I", "Deputi", "Sekretaris Kementerian Koordinator", "Sesmenko",
                      "Staf Ahli"),
        "JPT Pratama": ("Eselon II", "Asisten Deputi", "Asdep", "Kepala Biro", "Karo", "Inspektur"),
        "Administrator": ("Eselon III",),
        "Pengawas": ("Eselon IV",),
        "Fungsional": ("Pejabat Fungsional", "Jabatan Fungsional", "JF", "Jabfung", "Jafung", "JFT",
                       "Jabatan Fungsional Tertentu"),
        "Pelaksana": ("Jabatan Pelaksana", "JFU", "Jabatan Fungsional Umum", "Staf",
                      "Staf Pelaksana"),
        "Tenaga Pendukung": ("PPNPN", "Non-ASN", "Honorer", "Tenaga Ahli",
                             "Pegawai Pemerintah Non Pegawai Negeri"),
    },
    "kedudukan": {
        "Pengarah": ("Pembina", "Penanggung Jawab"),
        "Ketua": ("Ketua Pokja", "Ketua Tim", "Ketua Tim Kerja", "Katim", "Kapokja", "Koordinator",
                  "Ketua merangkap Anggota"),
        "Wakil Ketua": ("Wakil", "Wakil Ketua Pokja", "Wakil Ketua Tim"),
        "Sekretaris": ("Sekretaris Pokja", "Sekretaris Tim", "Wakil Sekretaris"),
        "Anggota": ("Anggota Pokja", "Anggota Tim"),
    },
    "jenis_pokja": {
        "Substansi": ("Substantif", "Pokja Substansi"),       # not "Teknis": the support Pokja is teknis too
        "Dukungan Teknis dan Administrasi": ("Dukungan Teknis dan Administratif",
                                             "Dukungan Manajemen", "Dukman",
                                             "Dukungan Administrasi"),
    },
    "cara_penugasan": {
        "Penunjukan": ("Ditunjuk",),
        "Pengajuan Sukarela": ("Sukarela", "Pengajuan"),
    },
    "pola": {
        "A": ("Pola A", "JF dan Pelaksana langsung di bawah JPT Pratama"),
        "B": ("Pola B", "JF dan Pelaksana di bawah Administrator"),
    },
}

def canonical_values(name: str) -> list[str]:
    """The canonical values of a vocabulary, in contract order."""
    return list(_VOCAB_SOURCE[name])


def synonyms(name: str) -> dict[str, list[str]]:
    """canonical -> accepted synonyms (as the contract spells them, canonical excluded)."""
    return {c: list(s) for c, s in _VOCAB_SOURCE[name].items()}


# vocab name -> {fold_text(synonym): canonical}; canonical spellings included.
VOCABULARIES: dict[str, dict[str, str]] = {
    name: {fold_text(s): canon for canon, syns in src.items() for s in (canon,) + syns}
    for name, src in _VOCAB_SOURCE.items()
}
# Second lookup, punctuation and spacing ignored ("Non ASN" = "Non-ASN").
VOCABULARIES_COMPACT: dict[str, dict[str, str]] = {
    name: {fold_compact(s): canon for canon, syns in src.items() for s in (canon,) + syns}
    for name, src in _VOCAB_SOURCE.items()
}
# Value of an empty cell (status stays "empty"): "an empty cell means A"; Penunjukan (default).
VOCAB_DEFAULTS: dict[str, str] = {"pola": "A", "cara_penugasan": "Penunjukan"}

# --------------------------------------------------------------------- instansi

DEFAULT_INSTANSI = "Kementerian Koordinator Bidang Perekonomian"
INSTANSI_NAMES: tuple[str, ...] = (
    DEFAULT_INSTANSI, "Kemenko Perekonomian", "Kemenko Bidang Perekonomian",
)
_OWN_INSTANSI_KEYS = frozenset(fold_compact(n) for n in INSTANSI_NAMES)


def is_own_instansi(text, unit_instansi: str | None = None) -> bool:
    """True when `text` (an Instansi Asal cell) is empty or names this instansi: case,
    spacing and punctuation folded. `unit_instansi` is the unit's `Instansi` cell; when it
    names another instansi than the default, that name (and only it) is "own"."""
    key = fold_compact(text if text is not None else "")
    if not key:
        return True
    own = _OWN_INSTANSI_KEYS
    if unit_instansi is not None:
        u = fold_compact(unit_instansi)
        if u and u not in _OWN_INSTANSI_KEYS:
            own = frozenset({u})
    return key in own


def parse_vocab(name: str, raw: Any) -> VocabValue:
    """Canonical value of vocabulary `name` (see VOCABULARIES)."""
    t = cell_text(raw)
    if not t:
        return VocabValue(VOCAB_DEFAULTS.get(name), "empty", "")
    v = _lookup(name, t)
    if v is None and name in NUMBERED:
        bare = _NUMBERING_RE.sub("", t)
        v = _lookup(name, bare) if bare and bare != t else None
    if v is None:
        return VocabValue(None, "unknown", t)
    return VocabValue(v, "ok", t)


# Vocabularies whose values decrees number ("Anggota 1", "Anggota 1.1.1", "Pengarah I",
# "Anggota:"): the value followed only by a number or numbering is that value.
NUMBERED = frozenset({"kedudukan"})
_NUMBERING_RE = re.compile(r"(?:[\s:.)-]+(?:\d+(?:\.\d+)*|[IVX]+)?)*[\s:.)-]*$")


# Values named by how they begin: every Jenis Pokja beginning with "Dukungan" (after an optional
# "Pokja") names the support Pokja (input-format.md v3: Dukungan, Dukungan Teknis, ...).
PREFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    "jenis_pokja": (("dukungan", "Dukungan Teknis dan Administrasi"),),
}
_POKJA_WORD_RE = re.compile(r"^(?:pokja|kelompok kerja)\b\s*")


def _lookup(name: str, t: str) -> str | None:
    v = VOCABULARIES[name].get(fold_text(t))
    if v is None:
        v = VOCABULARIES_COMPACT[name].get(fold_compact(t))
    if v is None and name in PREFIXES:
        words = _POKJA_WORD_RE.sub("", fold_words(t))
        v = next((canon for prefix, canon in PREFIXES[name] if words.split(" ", 1)[0] == prefix), None)
    return v
