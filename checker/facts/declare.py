"""How a fact family declares the facts it builds, beside its builder (OpenFisca-style: a
variable's declaration and its computation live together).

A family module declares each kind it builds with `fact_kind(...)`, and a module that adds fields
to a kind declared elsewhere (crossunit.py) with `extend(...)`; a field is a `flag` (bool), a
`count` (int) or a `choice` (str, from a closed set of values), with its definition in both
languages and what it `reads`, as typed `Read` values made by `col(...)` and `sheet(...)`.
facts/schema.py assembles the catalogue (KINDS) from these declarations:

    SK_DATE_EMPTY = flag("sk_date_empty", id="Tanggal SK kosong", en="Tanggal SK is empty",
                         reads=col("pokja", "tanggal_sk"))
    POKJA = fact_kind("pokja", id="satu per baris sheet Pokja", en="one per Pokja sheet row",
                      fields=[SK_DATE_EMPTY, ...], params=["p_sk_date", ...])

A builder that writes a key its kind does not declare fails (factrow.UndeclaredColumn), and so
does one that leaves out a field its kind declares (sink.MissingField; the cross-unit fields are
crossunit.apply's). Each field is asserted by some case of tests/facts/cases/<family>.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Read:
    """What a builder computes a field from, as a rule's `requires` names it: a column of a
    sheet (`col`), or a whole sheet (`sheet`: a count of its rows, the shape of its header,
    whether a person is listed on it). `when`: the read holds only for facts with those values
    of the kind's own (closed-set) fields, as ((field, value), ...).

    Not declared, since no requirement could stand for them: the column a fact is made of (a
    reference's code, a PK target's Kode Target, an MPH entry's Kode Target and Peran Hasil, a
    cell fact's cell), without which there is no such fact; and columns of which the builder
    takes whichever is there (a person by NIP, ID Pegawai or Nama, matched against Pegawai; a
    PK row by Kode Target or Indikator Kinerja; a roster unit by Kode Unit or Nama Unit). A
    cross-unit field declares what this unit's workbook gives it; a workbook without a Kode
    Unit is a unit of its own there (crossunit.py), not a wrong reading."""
    sheet: str
    field: str | None = None
    when: tuple = ()

    @property
    def requirement(self) -> str:
        """As `requires` writes it: "sheetkind" or "sheetkind.field"."""
        return self.sheet if self.field is None else f"{self.sheet}.{self.field}"

    @classmethod
    def parse(cls, requirement: str) -> Read:
        """A `requires` entry of a rule file ("sheetkind" or "sheetkind.field"): the one parser
        of that notation. A trailing dot gives the field "" (for the caller to refuse)."""
        sheet_kind, dot, fld = requirement.partition(".")
        return cls(sheet_kind, fld if dot else None)


def col(sheet_kind: str, fld: str, **when: str) -> Read:
    """The column `fld` of the sheet of kind `sheet_kind` (input/contract.py names)."""
    return Read(sheet_kind, fld, tuple(when.items()))


def sheet(sheet_kind: str, **when: str) -> Read:
    """The sheet of kind `sheet_kind` as a whole."""
    return Read(sheet_kind, None, tuple(when.items()))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str                   # "bool" | "int" | "str"
    definition: dict            # {"id": ..., "en": ...}
    # Every value a str field can hold, when that set is closed; None for open text.
    values: tuple | None = None
    reads: tuple = ()           # Read, ...


@dataclass(frozen=True)
class FactKind:
    name: str
    fields: dict                # name -> FieldSpec
    definition: dict
    params: tuple = ()          # message parameters (p_*) a rule's texts may use
    hidden: tuple = ()          # typed columns (_*) later stages join on, never shown nor in conditions


def _reads(reads) -> tuple:
    reads = (reads,) if isinstance(reads, Read) else tuple(reads)
    bad = [r for r in reads if not isinstance(r, Read)]
    if bad:
        raise TypeError(f"reads takes col(...) and sheet(...) values, not {bad!r}")
    return reads


def _field(name: str, ftype: str, id: str, en: str, reads, values=None) -> FieldSpec:
    return FieldSpec(name, ftype, {"id": id, "en": en}, values=values, reads=_reads(reads))


def flag(name: str, *, id: str, en: str, reads=()) -> FieldSpec:
    """A bool field."""
    return _field(name, "bool", id, en, reads)


def count(name: str, *, id: str, en: str, reads=()) -> FieldSpec:
    """An int field (a count, or the rank of a repetition)."""
    return _field(name, "int", id, en, reads)


def choice(name: str, *, values, id: str, en: str, reads=()) -> FieldSpec:
    """A str field holding one of `values` (a closed set: the rule base refuses other literals)."""
    return _field(name, "str", id, en, reads, tuple(values))


@dataclass(frozen=True)
class Declared:
    """What one module declares of a fact kind: the kind itself (with its `definition`), or an
    extension of a kind declared elsewhere (`definition` None)."""
    kind: str
    fields: tuple               # FieldSpec, in the order the kind lists them
    params: tuple = ()
    hidden: tuple = ()
    definition: dict | None = None

    def flags_off(self) -> dict:
        """Every bool field of this declaration, False: a builder starts from it and sets what holds."""
        return {f.name: False for f in self.fields if f.type == "bool"}

    def blank_params(self) -> dict:
        """Every message parameter of this declaration, empty: a builder fills in what it says."""
        return dict.fromkeys(self.params, "")


def fact_kind(name: str, *, id: str, en: str, fields, params=(), hidden=()) -> Declared:
    """A fact kind: one fact per `id`/`en` (its definition), with its condition `fields`,
    message parameters (p_*) and hidden typed columns (_*)."""
    return Declared(name, tuple(fields), tuple(params), tuple(hidden), {"id": id, "en": en})


def extend(name: str, *, fields=(), params=(), hidden=()) -> Declared:
    """More fields, parameters or hidden columns of the kind `name`, declared elsewhere."""
    return Declared(name, tuple(fields), tuple(params), tuple(hidden))
