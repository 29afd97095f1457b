"""Every text a user reads, in one catalogue: `{key: (Indonesian, English)}` tables, one
module per surface (cli, load, roster, facts, workbook, annotate, followup, rulebook, rulefile,
engine, web), and one lookup, `t(key, lang, **params)`. Rule texts live in rules/*.yaml.

An entry's value is a string (formatted with the params when given) or, for a surface that
needs a group of texts at once (column headers, a label per severity), a tuple or dict of
strings shaped the same in both languages. tests/test_texts.py checks that every entry has
both languages with the same placeholders.
"""
from __future__ import annotations

import os
import sys

from checker.terms import LANGS, is_data_basis, lang_of

SURFACES = ("cli", "load", "roster", "facts", "workbook", "annotate", "followup", "rulebook", "rulefile", "engine",
            "web", "decree")


def _catalogue() -> dict:
    import importlib
    out: dict = {}
    for name in SURFACES:
        table = importlib.import_module(f"checker.texts.{name}_texts").TEXTS
        clash = set(table) & set(out)
        if clash:
            raise ValueError(f"text keys defined twice: {sorted(clash)}")
        out.update(table)
    return out


CATALOGUE = _catalogue()


def t(key: str, lang: str = "id", **params):
    """The text `key` in `lang` (Indonesian unless "en"), formatted with `params`."""
    pair = CATALOGUE[key]
    text = pair[1 if lang == "en" else 0]
    return text.format(**params) if params else text


def both(key: str, **params) -> dict:
    """A text in both languages: a fact carries it, the finding picks the run's language."""
    return {lang: t(key, lang, **params) for lang in LANGS}


def pick(value, lang: str) -> str:
    """A text written in a rule file either as a plain string or as an {id: ..., en: ...}
    mapping, in `lang` (Indonesian when `lang` has none)."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("id") or "")
    return "" if value is None else str(value)


def texts_for(prefix: str, lang: str) -> dict:
    """Every entry of one surface (keys starting with `prefix`) in one language, by the rest of its key."""
    i = 1 if lang == "en" else 0
    return {k[len(prefix):]: v[i] for k, v in CATALOGUE.items() if k.startswith(prefix)}


def severity_label(severity: str, lang: str, title: bool = False, basis: str | None = None) -> str:
    """The word for a severity ("pelanggaran", "peringatan", "catatan"), or "kesalahan data" for
    an error of a rule whose `basis` is data (rules.md); `title`: capitalised, as in a table cell."""
    key = "sev.data_error" if severity == "error" and is_data_basis(basis) else "sev." + severity
    word = t(key, lang) if key in CATALOGUE else severity
    return word.capitalize() if title else word


def lang_from_argv(argv=None) -> str:
    """The language for help texts, read before click parses anything."""
    argv = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return lang_of(argv[i + 1])
        if a.startswith("--lang="):
            return lang_of(a.split("=", 1)[1])
    return lang_of(os.environ.get("CEK_POKJA_LANG"))


def told(params: dict, lang: str) -> dict:
    """`params` with every value that is itself a text in both languages (it has
    `message(lang)`: a UserError, a rule file's Problem) told in `lang`."""
    return {k: v.message(lang) if callable(getattr(v, "message", None)) else v for k, v in params.items()}


class UserError(Exception):
    """A failure the user can fix, told in their language: the catalogue entry PREFIX + key,
    formatted with the error's params (a param that is itself such a text is told in the
    same language); str() is the English text."""
    PREFIX = ""

    def __init__(self, key: str, **params):
        self.key, self.params = key, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return t(self.PREFIX + self.key, lang, **told(self.params, lang))
