"""The error of a decree draft that cannot be read (decree-format.md §3.1): one kind per
cause, each with its text in both languages (checker/texts/decree_texts.py, keys "decree.<kind>").
These become S01 findings.

DecreeError is a load.errors.FileError, as the workbook's LoadError is (`path`, `message_key`,
`detail`, `params`, `message(lang)`, picklable for the reader workers).
"""
from __future__ import annotations

from checker.load.errors import FileError

# Every kind, for callers and tests (each has a text "decree.<kind>").
KINDS = (
    "not_found", "io_error", "not_a_file", "dangling_link", "empty_file", "lock_file",
    "legacy_doc", "encrypted", "rtf", "odt", "pdf", "image", "corrupt", "no_document",
    "too_large", "zip_bomb", "xml_doctype", "too_many_paragraphs", "too_many_rows", "too_deep",
    "own_annotated_copy", "memory_limit", "timeout", "reader_crash", "internal_error",
)


class DecreeError(FileError):
    """A decree draft that cannot be read. `kind` names the cause (KINDS) and its text;
    `params` fill that text's placeholders besides {file}; `detail` is technical (for
    --debug), never needed to understand the message."""
    PREFIX = "decree."

    @classmethod
    def check_kind(cls, key: str, params: dict) -> None:
        if key not in KINDS:
            raise ValueError(f"unknown decree error kind {key!r}")

    @property
    def kind(self) -> str:
        return self.message_key
