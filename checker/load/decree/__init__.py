"""The decree reader (stage `load`): an SK pembentukan Pokja draft in Word (.docx/.docm) read
into a typed model (decree-format.md §3, §5).

    from checker.load.decree import read_decree, DecreeError
    decree = read_decree("sk-pokja-d1-as1.docx")       # or read_decree(path, data=bytes)
    decree.title.issuer, decree.number.blank, decree.dicta[0].items, decree.members

Modules, in the order a file goes through them:
- container.py: package safety (§3.1): format sniffing, zip bounds, every XML part streamed
  once with DOCTYPE/ENTITY refused, paragraph and row counts, the annotated-copy marker;
- package.py: python-docx opens a view of the package holding only its XML parts;
- styles.py, numbering.py: paragraph styles' numbering, table styles' borders, Word's
  numbering labels recomputed;
- walk.py (blocks.py): the body read as Word shows it, tables as grids of origin cells;
- lines.py: layout tables unrolled into lines, data tables kept (table_headers.py: headers);
- parts.py (locate.py): title, number, subject, Menimbang/Mengingat, diktum, signature block,
  Lampiran, each line's location;
- formed_pokja.py, lampiran_members.py, targets.py: formed Pokja, member tables and members,
  target and task text;
- review.py: revisions and comments;
- draft_model.py: what is returned; draft_errors.py: DecreeError (S01), texts in
  checker/texts/decree_texts.py; the bounds of a draft's content are in checker/load/limits.py;
- draft_reader.py: `read_decree`, all of the above in order.
"""
from __future__ import annotations

import importlib

# Each name from the module that defines it, imported when first asked for: a process that
# only unpickles a Decree (the main process of a run, from a reader worker) needs draft_model.py,
# not the reader and python-docx behind it.
_EXPORTS = {"ANNOTATED_PROPERTY": "container", "is_annotated_decree": "container", "KINDS": "draft_errors",
            "DecreeError": "draft_errors", "Decree": "draft_model", "Location": "draft_model",
            "resolve_anchor": "draft_model", "read_decree": "draft_reader"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
