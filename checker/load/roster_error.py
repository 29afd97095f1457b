"""The error of a master roster that cannot be used (shared by roster.py and csvroster.py)."""
from __future__ import annotations

from checker.texts import UserError, t


class RosterError(UserError):
    """The roster cannot be used; its text is "roster." + message_key (checker/texts/roster.py)."""
    PREFIX = "roster."

    def __init__(self, path: str, message_key: str, detail: str = "", sheet: str = "", cause=None, **fields):
        self.path, self.message_key, self.detail, self.sheet = str(path), message_key, detail, sheet
        self.cause = cause                # the LoadError of an unreadable file
        self.fields = fields              # the CSV texts' own placeholders (line, found, mb, limit)
        super().__init__(message_key)

    def __reduce__(self):          # sent back from a reader worker (pipeline/task.py)
        return (_make, (self.path, self.message_key, self.detail, self.sheet, self.cause, self.fields))

    def __str__(self):
        return f"{self.path}: {self.message_key}" + (f": {self.detail}" if self.detail else "")

    def message(self, lang: str = "id") -> str:
        detail = self.cause.message(lang) if self.cause is not None else self.detail
        return t(self.PREFIX + self.message_key, lang, path=self.path, detail=detail, sheet=self.sheet,
                 **self.fields)


def _make(path, key, detail, sheet, cause, fields):
    return RosterError(path, key, detail, sheet, cause, **fields)
