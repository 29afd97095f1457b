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
import unicodedata

from checker.input.values import fold_words, is_blank
from checker.load.decree.draft_model import FormedPokja, Location
from checker.load.decree.words import POKJA_WORDS, strip_label

_TRAILING_BRACKET_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*[.;,:]*\s*$")
_ITEM_END_RE = re.compile(r"[(:;,]")
_MEMBENTUK_RE = re.compile(r"\bmembentuk\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_NAME_STOP_RE = re.compile(r"\b(?:di\s+lingkungan|dengan|yang|sebagaimana|pada|sebagai\s+berikut)\b|[:,]",
                           re.IGNORECASE)
_TRAIL_WORDS_RE = re.compile(r"(?:[\s.;,]+(?:dan|atau|serta))?[\s.;,]*$", re.IGNORECASE)
_CONTENT_LEAD_RE = re.compile(r"^(?:[\s:,\-\u2013\u2014]+|(?:yaitu|bertugas|mempunyai\s+tugas)\b)+", re.IGNORECASE)


# A comma inside a formed Pokja's name: "Pokja Kopi, Kakao, dan Hilirisasi". A comma ends the
# name (decree-format.md §3.6) when a description follows it: "Pokja Harmonisasi Regulasi,
# dengan susunan keanggotaan ...", in any case.
_DESCRIPTION_WORDS = frozenset({"dengan", "yang", "untuk", "selanjutnya", "sebagaimana", "bertugas", "mempunyai",
                                "disingkat", "disebut", "terdiri", "berkedudukan", "dalam", "pada", "sesuai",
                                "berdasarkan", "di", "guna", "dibentuk", "berlaku"})


def _item_name(text: str) -> str:
    """The name an item of the forming diktum gives: up to its first `(`, `:` or `;`, and up
    to its first comma that a description follows (decision: the contract ends the name at
    any comma, which cut "Pokja Kopi, Kakao, dan Hilirisasi" to "Pokja Kopi" and made a
    lawful decree an S16)."""
    pos = 0
    while True:
        m = _ITEM_END_RE.search(text, pos)
        if m is None:
            return text
        if m.group() != ",":
            return text[:m.start()]
        following = text[m.end():].split(None, 1)
        word = following[0].strip(".,;:").casefold() if following else ""
        if not word or word in _DESCRIPTION_WORDS or not (word[0].isalpha() and (
                following[0][0].isupper() or word in ("dan", "serta"))):
            return text[:m.start()]
        pos = m.end()


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


_TOKEN_RE = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[tuple[str, int]]:
    """The words of a text, folded as fold_words folds them, with where each ends."""
    return [(unicodedata.normalize("NFKC", m.group(0)).casefold(), m.end()) for m in _TOKEN_RE.finditer(text)]


class PokjaNames:
    """The formed Pokja, to tell which one a text names: after each Pokja word of the text,
    the longest run of words that is a formed Pokja's key (a dictionary lookup per length,
    so a decree naming many Pokja costs no more per text than one naming two)."""

    def __init__(self, formed: list[FormedPokja]):
        self.formed: list[FormedPokja] = []
        self._keys: dict[tuple[str, ...], str] = {}
        self._longest = 0
        for p in formed:
            self.add(p)

    def add(self, p: FormedPokja) -> None:
        self.formed.append(p)
        if p.key:
            words = tuple(p.key.split())
            self._keys.setdefault(words, p.key)
            self._longest = max(self._longest, len(words))

    @property
    def only(self) -> str | None:
        """The key of the decree's only Pokja, None when it forms none or several."""
        return self.formed[0].key if len(self.formed) == 1 else None

    def find(self, text: str) -> tuple[str, int] | None:
        """(key, end of the name in `text`) of the Pokja the text names, longest name first."""
        if not self._keys:
            return None
        toks = _tokens(text)
        best = None
        for i, (tok, _) in enumerate(toks):
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if tok == "pokja":
                start = i + 1
            elif tok in ("kelompok", "tim") and nxt == "kerja":
                start = i + 2
            else:
                continue
            for n in range(min(self._longest, len(toks) - start), 0, -1):
                key = self._keys.get(tuple(t for t, _ in toks[start:start + n]))
                if key is not None:
                    if best is None or len(key) > len(best[0]):
                        best = (key, toks[start + n - 1][1])
                    break
        return best

    def names(self, text: str) -> str | None:
        found = self.find(text)
        return found[0] if found else None

    def match(self, text: str) -> str | None:
        """For a section row or a Pokja cell: the key it is, or the Pokja it names."""
        key = pokja_key(strip_label(text))
        if key and tuple(key.split()) in self._keys:
            return key
        return self.names(text)


def content_after(text: str, end: int) -> str:
    """The content after a Pokja's name: `:`, `-`, `,`, `yaitu`, `bertugas`, `mempunyai
    tugas` dropped."""
    return _CONTENT_LEAD_RE.sub("", text[end:]).strip()


class Formed:
    """Collects the formed Pokja in the contract's order, one per key; `names` tells which
    of them a text names, kept up to date."""

    def __init__(self):
        self.items: list[FormedPokja] = []
        self.names = PokjaNames([])
        self._keys: set[str] = set()

    def add(self, name: str, text: str, source: str, location: Location) -> str | None:
        name = name.strip()
        key = pokja_key(name)
        if not key or is_blank(name):
            return None
        if key not in self._keys:
            self._keys.add(key)
            p = FormedPokja(name, key, text, source, location)
            self.items.append(p)
            self.names.add(p)
        return key

    def from_membentuk(self, diktum) -> None:
        """§3.6: the items of the first diktum containing `membentuk`, and the name after
        `Membentuk` in it."""
        for item in diktum.items:
            name = _item_name(strip_label(item.text))
            name = _TRAIL_WORDS_RE.sub("", name)
            self.add(name, item.text, "diktum_item", item.location)
        m = _MEMBENTUK_RE.search(diktum.text)
        if m:
            rest = m.group(1)
            stop = _NAME_STOP_RE.search(rest)
            name = _TRAIL_WORDS_RE.sub("", rest[:stop.start()] if stop else rest)
            self.add(name, diktum.text, "diktum_name", diktum.location)
