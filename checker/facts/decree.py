"""Decree facts (decree-format.md §4, rule group S): what the S rules test about a draft of
the SK pembentukan Pokja, on its own and against its unit's workbook.

Kinds, each declared here beside the module that builds it:
- `sk`: one per draft given or found (readable or not): S01, S02, S04, S11-S15, S24;
- `sk_part`: one per part a rule needs that is not found or not readable: S03;
- `sk_pokja`, `sk_owner`, `sk_target` (decree_pokja.py): per Pokja, per Pokja and owner,
  per Pokja and PK target: S05, S06, S09, S10, S16, S20, S21;
- `sk_member` (decree_members.py): per person and Pokja: S07, S08, S17-S19, S22, S23.

Every field is computed with the one-cause clauses of §4 applied (a field silenced by another
finding is False), so that each rule tests one flag. Where a finding is in the document, and
which workbook cell and texts it compares, travel in the hidden column `_evidence` ({field:
Evidence}: the finding of a rule testing that field takes its evidence); `_identity` is the
decree's identity in fingerprints (its folded subject, else its file name; §6.1).

A draft's facts are built in the main process once it is paired (pipeline/decrees.py),
family by family (decree_build.decree_facts). The workbook columns a consistency field
compares are declared as its `reads` (so a rule is silenced for a workbook lacking them); the
document rules read no workbook column that a requirement could stand for (a paired clause
with nothing to compare with is not applied).

The decree reader's model (load/decree) is imported where a builder runs: the fact
catalogue (facts/schema.py) imports these declarations in every run, drafts or not.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.facts.declare import choice, col, fact_kind, flag
from checker.facts.decree_compare import names_unit, office_names, without_acting
from checker.facts.decree_workbook import Cell, WorkbookDigest
from checker.input.dates import parse_date
from checker.input.person_names import fold_name
from checker.input.values import fold_words
from checker.input.vocab import synonyms
from checker.texts import both

if TYPE_CHECKING:  # pragma: no cover
    from checker.load.decree.draft_model import Decree, Location

CUT = 200                      # characters of a text quoted in a message (the JSON keeps it whole)


@dataclass(frozen=True)
class Evidence:
    """Where a finding is in the draft (`location`), the workbook cell it compares (`cell`),
    the draft's text (`found`) and the similarity of the two texts (S21-S23)."""
    location: Location | None = None
    cell: Cell | None = None
    found: str | None = None
    similarity: float | None = None


@dataclass
class DraftCheck:
    """One draft as the facts need it: read (`decree`) or why not (`error`, in both
    languages), the workbook it pairs with and how, or why it pairs with none."""
    file: str                                  # the draft's name as shown
    decree: Decree | None = None
    error: dict | None = None                  # S01: {"id": ..., "en": ...}
    digest: WorkbookDigest | None = None       # the paired workbook
    pairing: str | None = None                 # "judul" | "nama_berkas" | None
    unpaired: str = ""                         # "" | "none" | "several" (S02)
    candidates: tuple = ()                     # the workbooks it pairs with when several
    drafts_for_workbook: int = 1               # drafts paired with the same workbook (§3.6 "Covered")
    seq: int | None = None                     # the paired workbook's unit seq

    @property
    def paired(self) -> bool:
        return self.digest is not None

    @property
    def identity(self) -> str:
        """§6.1: the decree's folded subject, else its file name."""
        d = self.decree
        if d is not None and d.subject is not None and fold_words(d.subject.text):
            return fold_words(d.subject.text)
        return "file:" + os.path.basename(self.file.replace("\\", "/"))

    def missing(self, what: str) -> bool:
        return self.decree is not None and any(m.what == what for m in self.decree.missing)


_WORD_RE = re.compile(r"[^\W_]")


def pieces(d: Decree, kind: str, key: str) -> list:
    """A Pokja's target or task text (§3.5) as pieces: its own, or when it has none the
    unattributed ones; a piece without a letter or digit (a lone `;` left by an emptied item)
    is no text."""
    all_ = [p for p in (d.targets if kind == "target" else d.tasks) if _WORD_RE.search(p.text)]
    return [p for p in all_ if p.pokja == key] or [p for p in all_ if p.pokja is None]


def cut(text: str | None) -> str:
    """A text quoted in a message: whole up to CUT characters, else cut with an ellipsis."""
    text = (text or "").replace("\n", " / ")
    return text if len(text) <= CUT else text[:CUT - 1].rstrip() + "\u2026"


# ============================================================================ the kind sk

SK = fact_kind(
    "sk", id="satu per rancangan SK yang diberikan atau ditemukan", en="one per decree draft given or found",
    fields=[
        flag("readable", id="rancangan SK dapat dibaca (bukan .doc, PDF, berkas rusak, atau melampaui batas)",
             en="the draft can be read (not a .doc, a PDF, a damaged file, or beyond a limit)"),
        flag("unpaired", id="run memuat workbook terbaca, tetapi rancangan SK tidak berpasangan dengan satu pun atau "
                            "berpasangan dengan lebih dari satu",
             en="the run has a readable workbook, but the draft pairs with none or with several"),
        flag("issuer_wrong",
             id="bentuknya bukan KEPUTUSAN atau SURAT KEPUTUSAN, penetapnya bukan JPT Pratama, atau (berpasangan) "
                "penetapnya bukan unit ini",
             en="the instrument is not a KEPUTUSAN or SURAT KEPUTUSAN, the issuer is no JPT Pratama, or (paired) the "
                "issuer is not this unit"),
        flag("number_date_blank", id="nomor atau tanggal penetapan kosong (kosong, placeholder, atau berisi rumpang)",
             en="the number or the date of penetapan is blank (empty, a placeholder, or holding a gap)"),
        flag("signature_wrong",
             id="tanpa blok penandatanganan atau nama penanda tangan, ditandatangani atas nama, jabatan penanda "
                "tangan bukan penetap, atau (berpasangan) penanda tangan bukan JPT Pratama unit atau Plt-nya",
             en="no signature block or signer's name, signed on behalf, the office is not the issuer, or (paired) "
                "the signer is not the unit's JPT Pratama or its Plt"),
        flag("term_wrong",
             id="tidak menyatakan akhir masa berlaku maupun tahun kinerja, atau tahunnya bukan Tahun Kinerja",
             en="states neither the end of its term nor a performance year, or its year is not the Tahun Kinerja"),
        flag("review_open", id="masih memuat perubahan terlacak (tracked changes) atau komentar yang belum selesai",
             en="tracked changes or unresolved comments remain"),
        flag("permenko_missing", id="Mengingat tidak ada atau tidak menyebut Permenko Perekonomian Nomor 1 Tahun 2025",
             en="no Mengingat, or it does not cite Permenko Perekonomian Nomor 1 Tahun 2025"),
        flag("number_date_differs",
             id="nomor yang terisi atau tanggal yang terbaca berbeda dengan Nomor SK atau Tanggal SK Pokja yang "
                "dicakup",
             en="the filled number or the readable date differs from the Nomor SK or Tanggal SK of a covered Pokja",
             reads=[col("pokja", "nomor_sk"), col("pokja", "tanggal_sk")]),
    ],
    params=["p_detail", "p_pairing", "p_instrument", "p_issuer", "p_issuer_problem", "p_blank", "p_signature_problem",
            "p_term_problem", "p_review", "p_mismatch", "p_mengingat"],
    hidden=["_evidence", "_identity"])

PARTS = ("title", "diktum", "member_table", "date")

SK_PART = fact_kind(
    "sk_part", id="satu per bagian rancangan SK yang diperlukan aturan tetapi tidak ditemukan atau tidak terbaca",
    en="one per part of a draft the rules need that is not found or not readable",
    fields=[choice("part", values=PARTS,
                   id="bagian itu: judul, diktum, tabel anggota, atau tanggal penetapan",
                   en="that part: the title, the diktum, a member table, or the date of penetapan")],
    params=["p_part", "p_found"],
    hidden=["_evidence", "_identity"])


# ============================================================================ building

def sk_fact(out, check: DraftCheck, fields: dict, params: dict, evidence: dict) -> None:
    out.add("sk", None, None, None, SK.flags_off() | fields, value="sk", params=SK.blank_params() | params,
            hidden={"_evidence": evidence, "_identity": check.identity})


def _title_location(d: Decree) -> Location:
    from checker.load.decree.draft_model import DOCUMENT
    return d.title.location if d.title is not None else DOCUMENT


def decree_fact(out, check: DraftCheck, view) -> None:
    d = check.decree
    fields: dict = {"readable": True}
    params: dict = {}
    ev: dict = {}
    title_at = _title_location(d)
    if check.unpaired:
        fields["unpaired"] = True
        params["p_pairing"] = (both("sk.pairing.several", files=", ".join(check.candidates))
                               if check.unpaired == "several" else both("sk.pairing.none"))
        ev["unpaired"] = Evidence(title_at, found=d.title.text if d.title else None)
    issuer = _issuer_problem(check)
    if issuer is not None:
        fields["issuer_wrong"] = True
        params["p_issuer_problem"] = issuer
        ev["issuer_wrong"] = Evidence(title_at, found=d.title.text)
    if d.title is not None:
        params["p_instrument"], params["p_issuer"] = d.title.instrument, d.title.issuer
    # each (text, Evidence) or None: the flag, its message parameter and its place
    for field, param, found in (
            ("number_date_blank", "p_blank", _blank(d)),
            ("review_open", "p_review", _review(d)),
            ("signature_wrong", "p_signature_problem",
             _signature_problem(check) if issuer is None else None),        # S04 fires -> S12 does not
            ("term_wrong", "p_term_problem", _term_problem(check)),
            ("number_date_differs", "p_mismatch", _number_date_mismatch(check, view) if check.paired else None)):
        if found is not None:
            fields[field] = True
            params[param], ev[field] = found
    permenko = _permenko(d)
    if permenko is not None:
        fields["permenko_missing"] = True
        ev["permenko_missing"] = permenko
        params["p_mengingat"] = cut(permenko.found) if permenko.found else both("sk.mengingat.none")
    ev[""] = Evidence(title_at)
    sk_fact(out, check, fields, params, ev)


# ---------------------------------------------------------------------------- S04

# Lampiran II.D.5.a: a JPT Pratama; the titles of the input-format vocabulary (jenis jabatan
# "JPT Pratama" and its synonyms but the echelon's name).
JPT_PRATAMA_TITLES = tuple(s for s in synonyms("jenis_jabatan")["JPT Pratama"] if not s.startswith("Eselon"))
DECREE_INSTRUMENTS = ("KEPUTUSAN", "SURAT KEPUTUSAN")


def is_jpt_pratama_office(text: str) -> bool:
    """The office, without Plt./Plh., begins with a JPT Pratama title (Asisten Deputi, ...)."""
    f = without_acting(text)
    return any(f == fold_words(t) or f.startswith(fold_words(t) + " ") for t in JPT_PRATAMA_TITLES)


def _issuer_problem(check: DraftCheck) -> dict | None:
    d = check.decree
    if d.title is None:                                    # S03 title silences S04
        return None
    t = d.title
    if " ".join(t.instrument.upper().split()) not in DECREE_INSTRUMENTS:
        return both("sk.issuer.instrument", instrument=t.instrument)
    if not is_jpt_pratama_office(t.issuer):
        return both("sk.issuer.title", issuer=cut(t.issuer))
    w = check.digest
    if w is not None and w.name and not names_unit(t.issuer, w.name, w.jpt_madya, w.instansi):
        return both("sk.issuer.unit", issuer=cut(t.issuer), unit=w.name)
    return None


# ---------------------------------------------------------------------------- S11

def _blank(d: Decree):
    number_blank = d.number is None or d.number.blank
    sig = d.signature
    date_blank = sig is None or sig.date.status == "blank"
    if not number_blank and not date_blank:
        return None
    key = "both" if number_blank and date_blank else "number" if number_blank else "date"
    if number_blank and d.number is not None:
        where, found = d.number.location, d.number.text
    elif sig is not None and date_blank:
        where, found = sig.location, sig.date.text
    else:
        where, found = (d.number.location if d.number is not None else _title_location(d)), ""
    return both("sk.blank." + key), Evidence(where, found=found or None)


# ---------------------------------------------------------------------------- S12

def _signature_problem(check: DraftCheck):
    from checker.load.decree.draft_model import DOCUMENT
    d = check.decree
    sig = d.signature
    if sig is None:
        return both("sk.sig.none"), Evidence(DOCUMENT)
    found = "\n".join([*sig.office_lines, sig.signer, sig.nip]).strip()
    ev = Evidence(sig.location, found=found or None)
    if not sig.signer.strip():
        return both("sk.sig.signer"), ev
    if sig.on_behalf:
        return both("sk.sig.on_behalf", office=cut(sig.office)), ev
    w = check.digest
    if d.title is not None:
        madya, instansi = (w.jpt_madya, w.instansi) if w is not None else ("", "")
        if not office_names(sig.office.rstrip(", "), d.title.issuer, madya, instansi):
            return both("sk.sig.office", office=cut(sig.office), issuer=cut(d.title.issuer)), ev
    if w is not None:
        if sig.nip_key:
            if w.head_nips and sig.nip_key not in w.head_nips:
                return both("sk.sig.nip", nip=sig.nip, head=w.head_nip or "-", plt=w.plt_nip or "-"), ev
        elif not sig.acting and w.head_name and fold_name(sig.signer) != fold_name(w.head_name):
            return both("sk.sig.name", signer=sig.signer, head=w.head_name), ev
    return None


# ---------------------------------------------------------------------------- S13

# A date after `sampai dengan`, `s.d.`, `s/d` or `hingga` (§4 S13).
_TERM_END_RE = re.compile(r"(?:sampai\s+dengan|s\s*\.\s*d\s*\.?|s\s*/\s*d|hingga)\s+(?:dengan\s+)?(?:tanggal\s+)?"
                          r"(\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{4}-\d{1,2}-\d{1,2})",
                          re.IGNORECASE)


def term_end(d: Decree):
    """The end of the decree's term (§4 S13): a date after `sampai dengan`, `s.d.`, `s/d` or
    `hingga` in a diktum containing `berlaku`: (date, its diktum) or (None, None)."""
    for k in d.dicta:
        text = k.full_text
        if "berlaku" not in text.casefold():
            continue
        for m in _TERM_END_RE.finditer(text):
            got = parse_date(m.group(1))
            if got.status == "ok":
                return got.value, k
    return None, None


def _term_problem(check: DraftCheck):
    d = check.decree
    subject_year = d.subject.year if d.subject is not None else None
    no_diktum = check.missing("diktum")
    end, diktum = (None, None) if no_diktum else term_end(d)
    subject_at = d.subject.location if d.subject is not None else _title_location(d)
    if end is None and subject_year is None:
        if no_diktum:                                       # S03 diktum silences the term clause
            return None
        return both("sk.term.none"), Evidence(subject_at)
    expected = check.digest.year if check.digest is not None else subject_year
    if expected is None:
        return None
    if subject_year is not None and subject_year != expected:
        return (both("sk.term.subject_year", year=subject_year, expected=expected),
                Evidence(subject_at, found=d.subject.text))
    if end is not None and end.year != expected:
        return (both("sk.term.end_year", end=end.isoformat(), year=end.year, expected=expected),
                Evidence(diktum.location, found=diktum.full_text))
    return None


# ---------------------------------------------------------------------------- S14

def _review(d: Decree):
    from checker.load.decree.draft_model import Location
    from checker.load.decree.review import first_open
    counts = d.revision_counts
    comments = d.open_comments
    if not sum(counts.values()) and not comments:
        return None
    first = first_open(d.revisions, comments)
    where = Location("dokumen", f"Dokumen ({first.label})" if first is not None and first.label else "Dokumen",
                     anchor=first.anchor if first is not None else None)
    text = both("sk.review", ins=counts["insertion"], dels=counts["deletion"], moves=counts["move"],
                comments=len(comments), authors=", ".join(d.revision_authors) or "-")
    return text, Evidence(where)


# ---------------------------------------------------------------------------- S15

_PERMENKO = ("peraturan menteri koordinator bidang perekonomian nomor 1 tahun 2025",
             "permenko perekonomian nomor 1 tahun 2025")


def _permenko(d: Decree) -> Evidence | None:
    from checker.load.decree.draft_model import DOCUMENT, Location
    mengingat = [c for c in d.considerations if c.kind == "mengingat"]
    if not mengingat:
        return Evidence(Location("mengingat", "Mengingat") if d.title is not None else DOCUMENT)
    for c in mengingat:
        words = f" {fold_words(c.text)} ".replace(" no ", " nomor ")
        if any(f" {p} " in words for p in _PERMENKO):
            return None
    return Evidence(mengingat[0].location, found=mengingat[0].text)


# ---------------------------------------------------------------------------- S24

def _number_date_mismatch(check: DraftCheck, view):
    d = check.decree
    number = d.number.text if d.number is not None and not d.number.blank else ""
    sig = d.signature
    sk_date = sig.date.value if sig is not None and sig.date.status == "readable" else None
    lines_id, lines_en = [], []
    first = None
    for p in view.covered:
        for fld, mine, theirs, differ in (
                ("nomor_sk", number, p.nomor_sk, bool(number) and bool(p.nomor_sk)
                 and fold_words(number) != fold_words(p.nomor_sk)),
                ("tanggal_sk", sig.date.text if sk_date else "", p.tanggal_sk_raw,
                 sk_date is not None and p.tanggal_sk_status == "ok" and p.tanggal_sk != sk_date)):
            if not differ:
                continue
            label = "Nomor SK" if fld == "nomor_sk" else "Tanggal SK"
            text = both("sk.mismatch", field=label, pokja=p.code_raw, wb=theirs, sk=mine)
            lines_id.append(text["id"])
            lines_en.append(text["en"])
            if first is None:
                where = d.number.location if fld == "nomor_sk" else sig.location
                shown = d.number.text if fld == "nomor_sk" else sig.date.text
                first = Evidence(where, p.cells[fld], found=shown)
    if first is None:
        return None
    return {"id": "; ".join(lines_id), "en": "; ".join(lines_en)}, first

