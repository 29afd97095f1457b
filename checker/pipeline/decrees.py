"""Decree drafts in a run (decree-format.md §2, §6.3): each draft read in a reader worker
beside the workbooks, paired with its unit's workbook, and given its S facts.

- `read_inputs`: every input in the reader workers: a unit workbook as pipeline/task.py's
  `check_file` reads it (with the digest the decree rules compare, when the run has drafts),
  a draft as `read_draft` reads it (a DraftRead: the Decree, or why it cannot be read). A PDF
  found in a folder is listed, not read.
- `pair`: each draft with the workbook its title names, else the one its file name names
  (facts/decree_compare.py), as a facts.decree.DraftCheck.
- `add_drafts`: the drafts' facts in the run's tables (a paired draft's under its unit, a
  draft alone under a context of its own), and their `inputs` entries (result.InputFile).

The tasks run in the workers like those of task.py (imported there by reference, each
answering one frozen, picklable value); the decree reader is imported inside them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from checker.load.inputref import DocKind, InputRef
from checker.load.model import LoadError
from checker.pipeline import discovery, workers
from checker.pipeline.task import check_file, failed_file
from checker.terms import LANGS

if TYPE_CHECKING:  # pragma: no cover
    from checker.load.decree import Decree

CHECKED, UNREADABLE, NOT_READ, NOT_A_DECREE = "checked", "unreadable", "not_read", "not_a_decree"


@dataclass(frozen=True)
class DraftRead:
    """One draft as read: `status` checked (the Decree), unreadable (`error` in both
    languages, `kind` the DecreeError kind), not_read (a PDF found in a folder) or
    not_a_decree (a .docx found in a folder with no title, diktum or member table)."""
    ref: InputRef
    status: str
    decree: Decree | None = None
    error: dict | None = None
    kind: str | None = None
    sha256: str | None = None

    @property
    def file(self) -> str:
        return self.ref.shown


# ============================================================================ worker side

def read_input(index: int, ref: InputRef, stage: str, digest: bool):
    """A reader worker's task for any input of a run: a unit workbook (its UnitFacts, with the
    digest when `digest`) or a decree draft (its DraftRead)."""
    if ref.kind is DocKind.DECREE:
        return read_draft(index, ref)
    return check_file(index, ref, stage, digest)


def input_failed(index: int, ref: InputRef, sha256: str | None, err: LoadError):
    """The worker failed on the input (memory or time limit, a crash): its value, made here."""
    if ref.kind is DocKind.DECREE:
        return draft_failed(index, ref, sha256, err)
    return failed_file(index, ref, sha256, err)


def read_draft(_index: int, ref: InputRef) -> DraftRead:
    """Read one draft, opened by its exact path and named as shown."""
    from checker.load.decree import DecreeError, read_decree
    from checker.load.decree.draft_reader import read_bytes
    data = None
    try:
        data = read_bytes(ref.path)
        decree = read_decree(ref.shown, data)              # its sha256 of the same bytes
    except DecreeError as e:
        e.path = ref.shown
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        return DraftRead(ref, UNREADABLE, error={lang: e.message(lang) for lang in LANGS}, kind=e.kind, sha256=sha)
    sha = decree.sha256
    if not decree.is_decree and not ref.given:
        return DraftRead(ref, NOT_A_DECREE, sha256=sha)
    return DraftRead(ref, CHECKED, decree=decree, sha256=sha)


def draft_failed(_index: int, ref: InputRef, sha256: str | None, err: LoadError) -> DraftRead:
    """The worker died or overran on a draft: S01 naming the limit (or what happened)."""
    from checker.load.decree import DecreeError
    # the reader's own words for what befell the worker: a draft, not a workbook
    e = DecreeError(ref.shown, err.message_key, err.detail, **err.params) if err.message_key in (
        "memory_limit", "timeout", "reader_crash", "internal_error") else err
    e.path = ref.shown
    return DraftRead(ref, UNREADABLE, error={lang: e.message(lang) for lang in LANGS}, kind=e.message_key,
                     sha256=sha256)


# ============================================================================ reading a run

def has_drafts(refs) -> bool:
    return any(r.kind is DocKind.DECREE for r in refs)


def may_hold_drafts(inputs) -> bool:
    """Before discovery: an input is a draft, or a folder that may hold some (the reader
    workers then preload the decree reader, workers.DECREE_PRELOAD)."""
    import os

    from checker.pipeline.discovery import kind_of
    for given in inputs:
        if isinstance(given, InputRef):
            if given.kind is DocKind.DECREE:
                return True
        elif kind_of(given) is DocKind.DECREE or os.path.isdir(given):
            return True
    return False


def workbook_rules(rules) -> tuple:
    """The rules of a run without drafts: none over a decree's facts (a run of workbooks alone
    applies, and its findings workbook lists, exactly the rules it always did)."""
    from checker.facts.schema import DECREE_KINDS
    return tuple(r for r in rules if r.fact not in DECREE_KINDS)


def read_inputs(refs: list[InputRef], stage: str, *, jobs=1, limits=None, progress=None, debug=False):
    """(UnitFacts of each workbook, in input order: its seq; DraftRead of each draft, in input
    order). Workbooks and drafts share the workers, the workbooks first."""
    books = [r for r in refs if r.kind is not DocKind.DECREE]
    drafts = [r for r in refs if r.kind is DocKind.DECREE]
    to_read = [r for r in drafts if r.given or not r.path.lower().endswith(discovery.NOT_READ)]
    done = workers.run_tasks(books + to_read, read_input, input_failed, (stage, bool(drafts)), jobs=jobs,
                             limits=limits, progress=progress, debug=debug)
    parts, read = done[:len(books)], dict(zip((id(r) for r in to_read), done[len(books):]))
    return parts, [read.get(id(r)) or DraftRead(r, NOT_READ) for r in drafts]


# ============================================================================ pairing

def pair(reads: list[DraftRead], parts: list) -> list:
    """A facts.decree.DraftCheck per draft, in input order (decree-format.md §2 "Pairing"):
    None for one not read or not a decree."""
    from checker.facts.decree import DraftCheck
    from checker.facts.decree_compare import names_code, names_unit
    books = [p for p in parts if p.ctx.readable and p.digest is not None]
    any_book = any(p.ctx.readable for p in parts)
    checks: list = []
    for r in reads:
        if r.status not in (CHECKED, UNREADABLE):
            checks.append(None)
            continue
        d = r.decree
        found, how = [], None
        if d is not None and d.title is not None:
            found = [b for b in books if names_unit(d.title.issuer, b.digest.name, b.digest.jpt_madya,
                                                     b.digest.instansi)]
            how = "judul" if found else None
        if not found:
            found = [b for b in books if names_code(r.file, b.digest.code)]
            how = "nama_berkas" if found else None
        check = DraftCheck(r.file, d, r.error)
        if len(found) == 1:
            check.digest, check.pairing = found[0].digest, how
            check.seq = found[0].ctx.seq
        elif any_book and r.status == CHECKED:
            check.unpaired = "several" if found else "none"
            check.candidates = tuple(b.ctx.file for b in found)
        checks.append(check)
    counts: dict = {}
    for c in checks:
        if c is not None and c.digest is not None:
            counts[c.seq] = counts.get(c.seq, 0) + 1
    for c in checks:
        if c is not None and c.digest is not None:
            c.drafts_for_workbook = counts[c.seq]
    return checks


# ============================================================================ facts and inputs

@dataclass
class Draft:
    """A draft of the run: how it was read and how it pairs (`check`: None when it was not
    read or is not a decree)."""
    read: DraftRead
    check: object = None
    seq: int | None = None          # the unit context its facts are under


def add_drafts(facts, parts: list, reads: list[DraftRead]) -> list[Draft]:
    """Pair the drafts, build their facts into the run's tables (facts.assemble) and give each
    draft alone a unit context of its own (appended to facts.units)."""
    from checker.facts import assemble
    from checker.facts.context import UnitContext
    from checker.facts.decree_build import decree_facts
    out, tables = [], []
    for r, c in zip(reads, pair(reads, parts)):
        draft = Draft(r)
        if c is not None:
            draft.check = c
            if c.digest is not None:
                ctx = replace(facts.units[c.seq], file=r.file, sha256=r.sha256)
                draft.seq = c.seq
            else:
                issuer = c.decree.title.issuer if c.decree is not None and c.decree.title is not None else None
                ctx = UnitContext(len(facts.units), r.file, r.sha256, None, issuer)
                facts.units.append(ctx)
                draft.seq = ctx.seq
            tables.append(decree_facts(ctx, c))
        out.append(draft)
    assemble.add_decree_tables(facts, tables)
    return out


def draft_inputs(drafts: list[Draft], lang: str) -> list:
    """The `inputs` entries of the drafts (result.InputFile of kind "sk")."""
    from checker.result import InputFile
    out = []
    for dr in drafts:
        r, c = dr.read, dr.check
        w = c.digest if c is not None else None
        issuer = (c.decree.title.issuer if c is not None and c.decree is not None and c.decree.title is not None
                  else None)
        out.append(InputFile(file=r.file, sha256=r.sha256, unit=w.code if w is not None else None,
                             unit_name=(w.name or None) if w is not None else issuer,
                             jpt_madya=(w.jpt_madya or None) if w is not None else None, status=r.status,
                             detail=(r.error or {}).get(lang, "") if r.error else "", ref=r.ref, kind="sk",
                             paired_with=w.file if w is not None else None,
                             pairing=c.pairing if c is not None else None,
                             decree=c.decree if c is not None else None))
    return out
