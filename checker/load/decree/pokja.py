"""Which Pokja the decree forms (decree-format.md §3.6 "Formed") and when a text names one
(§3.5 "Naming a Pokja").

- **Key**: a name folded (case, punctuation, whitespace), without a leading `Pokja`,
  `Kelompok Kerja` or `Tim Kerja` and without a trailing bracket: `Kelompok Kerja Substansi
  Moneter (Pokja Substansi)` and `POKJA SUBSTANSI MONETER` are both `substansi moneter`.
- **Naming**: a text names a formed Pokja when the Pokja's name with a Pokja word in front
  (`Pokja`, `Kelompok Kerja` or `Tim Kerja`, whichever the text uses) occurs in it as whole
  words, folded; the longest name wins. `Persentase paket pengadaan barang/jasa` does not
  name `Pokja Pengadaan Barang/Jasa`.
- A section row or a Pokja column names a Pokja also when its text (without its label) is
  that Pokja's key.

Decision where the contract is silent: `sebagai berikut` also ends the name after
`Membentuk` (`Membentuk Kelompok Kerja sebagai berikut:` names none).
"""
from __future__ import annotations

import re

from checker.input.placeholders import is_blank
from checker.input.values import fold_words
from checker.load.decree.model import FormedPokja, Location
from checker.load.decree.words import POKJA_WORDS, strip_label

_TRAILING_BRACKET_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*[.;,:]*\s*$")
_ITEM_END_RE = re.compile(r"[(:;,]")
_MEMBENTUK_RE = re.compile(r"\bmembentuk\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_NAME_STOP_RE = re.compile(r"\b(?:di\s+lingkungan|dengan|yang|sebagaimana|pada|sebagai\s+berikut)\b|[:,]",
                           re.IGNORECASE)
_TRAIL_WORDS_RE = re.compile(r"(?:[\s.;,]+(?:dan|atau|serta))?[\s.;,]*$", re.IGNORECASE)
_CONTENT_LEAD_RE = re.compile(r"^(?:[\s:,\-\u2013\u2014]+|(?:yaitu|bertugas|mempunyai\s+tugas)\b)+", re.IGNORECASE)


def pokja_key(name: str) -> str:
    """The key of a Pokja name ("" when nothing is left: `Kelompok Kerja`)."""
    t = name.strip()
    while True:
        cut = _TRAILING_BRACKET_RE.sub("", t)
        if cut == t or not cut:
            break
        t = cut
    f = fold_words(t)
    for w in POKJA_WORDS:
        if f == w:
            return ""
        if f.startswith(w + " "):
            return f[len(w) + 1:]
    return f


def begins_with_pokja_word(text: str) -> bool:
    """`Pokja ...`, `Kelompok Kerja ...`, `Tim Kerja ...` followed by a name (not by `di
    lingkungan`)."""
    f = fold_words(strip_label(text))
    for w in POKJA_WORDS:
        if f.startswith(w + " "):
            rest = f[len(w) + 1:]
            return bool(rest) and not rest.startswith("di lingkungan")
    return False


def _words_re(words: list[str]) -> str:
    return r"[\W_]+".join(re.escape(w) for w in words)


class PokjaNames:
    """The formed Pokja, to tell which one a text names."""

    def __init__(self, formed: list[FormedPokja]):
        self.formed = formed
        self._res = []
        for p in formed:
            if not p.key:
                continue
            alts = "|".join(_words_re(w.split() + p.key.split()) for w in POKJA_WORDS)
            self._res.append((p.key, re.compile(r"(?<![^\W_])(?:" + alts + r")(?![^\W_])", re.IGNORECASE)))

    @property
    def only(self) -> str | None:
        """The key of the decree's only Pokja, None when it forms none or several."""
        return self.formed[0].key if len(self.formed) == 1 else None

    def find(self, text: str) -> tuple[str, int] | None:
        """(key, end of the name in `text`) of the Pokja the text names, longest name first."""
        best = None
        for key, rx in self._res:
            m = rx.search(text)
            if m and (best is None or len(key) > len(best[0])):
                best = (key, m.end())
        return best

    def names(self, text: str) -> str | None:
        found = self.find(text)
        return found[0] if found else None

    def match(self, text: str) -> str | None:
        """For a section row or a Pokja cell: the key it is, or the Pokja it names."""
        key = pokja_key(strip_label(text))
        if key and any(p.key == key for p in self.formed):
            return key
        return self.names(text)


def content_after(text: str, end: int) -> str:
    """The content after a Pokja's name: `:`, `-`, `,`, `yaitu`, `bertugas`, `mempunyai
    tugas` dropped."""
    return _CONTENT_LEAD_RE.sub("", text[end:]).strip()


class Formed:
    """Collects the formed Pokja in the contract's order, one per key."""

    def __init__(self):
        self.items: list[FormedPokja] = []

    def add(self, name: str, text: str, source: str, location: Location) -> str | None:
        name = name.strip()
        key = pokja_key(name)
        if not key or is_blank(name):
            return None
        if not any(p.key == key for p in self.items):
            self.items.append(FormedPokja(name, key, text, source, location))
        return key

    def from_membentuk(self, diktum) -> None:
        """§3.6: the items of the first diktum containing `membentuk`, and the name after
        `Membentuk` in it."""
        for item in diktum.items:
            name = strip_label(item.text)
            m = _ITEM_END_RE.search(name)
            if m:
                name = name[:m.start()]
            name = _TRAIL_WORDS_RE.sub("", name)
            self.add(name, item.text, "diktum_item", item.location)
        m = _MEMBENTUK_RE.search(diktum.text)
        if m:
            rest = m.group(1)
            stop = _NAME_STOP_RE.search(rest)
            name = _TRAIL_WORDS_RE.sub("", rest[:stop.start()] if stop else rest)
            self.add(name, diktum.text, "diktum_name", diktum.location)
