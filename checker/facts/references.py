"""Reference facts: one per code a sheet uses to name a PK target or a Pokja that is empty or
names no such target or Pokja (K03, K13, M01)."""
from __future__ import annotations

from checker.facts.declare import choice, col, fact_kind, flag
from checker.facts.people import found_placeholder, shown, text
from checker.facts.unitdata import codes_of
from checker.input.values import split_list
from checker.texts import both

REFERENCE_SOURCES = ("pokja", "member", "mph_column", "mph_row", "surat_tugas")
REFERENCE_TARGETS = ("target", "pokja")

# A reference is made of its code, so only the sheet it refers to is read.
REFERENCE = fact_kind(
    "reference",
    id="satu per rujukan kode (target PK atau Pokja) dari sheet lain yang kosong atau menyebut kode yang tidak ada; "
       "rujukan yang sah tidak menjadi fakta",
    en="one per code reference (PK target or Pokja) from another sheet that is empty or names an unknown code; "
       "references that resolve are no facts",
    fields=[
        choice("source", values=REFERENCE_SOURCES, id="asal rujukan: pokja, member, mph_column, mph_row, surat_tugas",
               en="where the reference is: pokja, member, mph_column, mph_row, surat_tugas"),
        choice("refers_to", values=REFERENCE_TARGETS, id="yang dirujuk: target atau pokja",
               en="what it refers to: target or pokja"),
        flag("empty", id="tidak ada kode yang dicantumkan", en="no code is named"),
        flag("known", id="kode ada pada sheet yang dirujuk (PK atau Pokja)",
             en="the code exists on the referred sheet (PK or Pokja)",
             reads=[col("pk", "kode_target", refers_to="target"), col("pokja", "kode_pokja", refers_to="pokja")]),
    ],
    params=["p_code", "p_known_codes", "p_code_state", "p_found"])


def _ref(u, out, source, refers_to, sheet_kind, row, column, code, raw, known_codes, found="", label="", **who) -> None:
    if code and code in known_codes:
        return          # a reference that resolves is no fact: most of them, never matched
    if code and not found:
        # Nilai Ditemukan: the code as typed (issue 22: empty for K03 and M01), under its column's name
        found = f"{label}: \u201c{raw or code}\u201d" if label else f"\u201c{raw or code}\u201d"
    labels = u.pk_labels if refers_to == "target" else u.pokja_labels
    out.add("reference", sheet_kind, row, column, {
        "source": source, "refers_to": refers_to, "empty": not code, "known": bool(code) and code in known_codes,
    }, value=f"{source}:{code}", params={
        "p_code": raw or code or "-", "p_known_codes": labels or "-",
        "p_code_state": both("fact.target_code_empty") if not code else both(
            "fact.target_code_unknown", code=raw or code, known=labels or "-"),
        "p_found": found,
    }, **who)


def _who(r: dict) -> dict:
    return {"nip": text(r.get("nip__raw")) or text(r.get("nip")), "name": shown(r, "nama")}


def _pokja_refs(u, out) -> None:
    letter = u.col("pokja", "kode_target")
    if letter is None:
        return
    for r in u.rows("pokja"):
        codes = list(r.get("kode_target") or [])
        raws = [s.strip() for s in split_list(text(r.get("kode_target__raw")))] if codes else []
        pokja = text(r.get("kode_pokja__raw")) or text(r.get("kode_pokja"))
        if not codes:
            _ref(u, out, "pokja", "target", "pokja", r["_row"], letter, "", "", u.pk_codes, pokja=pokja,
                 found=found_placeholder(r, ("kode_target", "Kode Target")))
        for i, c in enumerate(codes):
            raw = raws[i] if i < len(raws) else c
            _ref(u, out, "pokja", "target", "pokja", r["_row"], letter, c, raw, u.pk_codes, pokja=pokja, target=raw,
                 label="Kode Target")


def _member_refs(u, out) -> None:
    for m in u.members:
        if m["_pokja"]:
            _ref(u, out, "member", "pokja", "anggota", m["_row"], u.col("anggota", "kode_pokja"), m["_pokja"],
                 text(m.get("kode_pokja__raw")), u.pokja_codes, pokja=text(m.get("kode_pokja__raw")),
                 label="Kode Pokja", **_who(m))


def _mph_refs(u, out) -> None:
    if u.loaded.mph_layout == "matrix":
        for c in u.loaded.mph_columns:
            word = c.header.split()[0] if c.header else c.code
            _ref(u, out, "mph_column", "target", "mph", c.row, c.column, c.code, word, u.pk_codes, target=word,
                 found=f"\u201c{c.header}\u201d" if c.header else "")
        return
    for r in u.mph:
        code = text(r.get("kode_target"))
        if code:
            _ref(u, out, "mph_row", "target", "mph", r["_row"], u.col("mph", "kode_target"), code,
                 text(r.get("kode_target__raw")), u.pk_codes, target=text(r.get("kode_target__raw")) or code,
                 label="Kode Target", **_who(r))
        pc = text(r.get("kode_pokja"))
        if pc:
            _ref(u, out, "mph_row", "pokja", "mph", r["_row"], u.col("mph", "kode_pokja"), pc,
                 text(r.get("kode_pokja__raw")), u.pokja_codes, pokja=text(r.get("kode_pokja__raw")) or pc,
                 label="Kode Pokja", **_who(r))


def _surat_tugas_refs(u, out) -> None:
    for r in u.rows("surat_tugas"):
        codes = codes_of(r.get("kode_target"))
        raws = split_list(text(r.get("kode_target__raw")))
        for i, code in enumerate(codes):
            raw = raws[i].strip() if i < len(raws) and len(raws) == len(codes) else code
            _ref(u, out, "surat_tugas", "target", "surat_tugas", r["_row"], u.col("surat_tugas", "kode_target"),
                 code, raw, u.pk_codes, target=raw, label="Kode Target", **_who(r))


def reference_facts(u, out) -> None:
    _pokja_refs(u, out)
    _member_refs(u, out)
    _mph_refs(u, out)
    _surat_tugas_refs(u, out)
