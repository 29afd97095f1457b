"""The error of a decree draft that cannot be read (decree-format.md §3.1): one kind per
cause, each with its text in both languages (checker/texts/decree_texts.py, keys "decree.<kind>").
These become S01 findings.

DecreeError has the shape of load.model.LoadError (`path`, `message_key`, `detail`,
`params`, `message(lang)`, picklable for the reader workers) but is its own class: the
workbook's errors are being reworked separately, and the lead unifies the two.
"""
from __future__ import annotations

from checker.texts import UserError, t

# Every kind, for callers and tests (each has a text "decree.<kind>").
KINDS = (
    "not_found", "io_error", "not_a_file", "dangling_link", "empty_file", "lock_file",
    "legacy_doc", "encrypted", "rtf", "odt", "pdf", "image", "corrupt", "no_document",
    "too_large", "zip_bomb", "xml_doctype", "too_many_paragraphs", "too_many_rows", "too_deep",
    "own_annotated_copy", "memory_limit", "timeout",
)


class DecreeError(UserError):
    """A decree draft that cannot be read. `kind` names the cause (KINDS) and its text;
    `params` fill that text's placeholders besides {file}; `detail` is technical (for
    --debug), never needed to understand the message."""
    PREFIX = "decree."

    def __init__(self, path, kind: str, detail: str = "", **params):
        if kind not in KINDS:
            raise ValueError(f"unknown decree error kind {kind!r}")
        self.path = str(path)
        self.kind = self.message_key = kind
        self.detail = detail
        super().__init__(kind, **params)

    def __str__(self):
        return f"{self.path}: {self.kind}" + (f": {self.detail}" if self.detail else "")

    def __reduce__(self):
        return (_make, (self.path, self.kind, self.detail, self.params))

    def message(self, lang: str = "id") -> str:
        sep = "," if lang == "en" else "."
        shown = {k: (f"{v:,}".replace(",", sep) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000
                     else v) for k, v in self.params.items()}
        return t(self.PREFIX + self.kind, lang, file=self.path, **shown)


def _make(path, kind, detail, params):
    return DecreeError(path, kind, detail, **params)
