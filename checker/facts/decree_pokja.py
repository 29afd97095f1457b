"""Decree facts per Pokja (decree-format.md §3.5, §3.6, §4): the Pokja a draft forms, which
workbook Pokja each matches and which the draft covers (`PokjaView`), and the facts
`sk_pokja` (S05, S06, S10, S16, S21), `sk_owner` (S09) and `sk_target` (S20)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.facts.declare import choice, col, fact_kind, flag
from checker.facts.decree import DraftCheck, Evidence, cut, pieces
from checker.facts.decree_compare import (
    compare_texts,
    filled,
    identifies,
    names_unit,
    number_of,
    office_names,
    stated_value,
)
from checker.facts.decree_workbook import WbPokja
from checker.input.person_names import fold_name
from checker.input.values import fold_words
from checker.texts import both

if TYPE_CHECKING:  # pragma: no cover
    from checker.load.decree.draft_model import Decree, FormedPokja, Location, Member

PENGARAH, KETUA = "Pengarah", "Ketua"
ROLES = ("jpt_pratama", "jpt_madya")
_MADYA_OFFICES = ("deputi", "sekretaris kementerian koordinator", "sesmenko")

SK_POKJA = fact_kind(
    "sk_pokja", id="satu per Pokja yang dibentuk rancangan SK, dan (berpasangan) per Pokja workbook yang dicakup "
                   "tetapi tidak dibentuknya",
    en="one per Pokja the draft forms and (paired) per covered workbook Pokja it does not form",
    fields=[
        flag("target_missing", id="Pokja tidak memiliki teks target kinerja sendiri dan SK tidak memuat teks target "
                                  "yang tidak menyebut Pokja",
             en="the Pokja has no target text of its own and the decree has no unattributed target text"),
        flag("task_missing", id="Pokja tidak memiliki teks tugas sendiri dan SK tidak memuat teks tugas yang tidak "
                                "menyebut Pokja",
             en="the Pokja has no task text of its own and the decree has no unattributed task text"),
        flag("chair_wrong", id="Pokja tidak memiliki Ketua, memiliki lebih dari satu orang Ketua, atau tidak memiliki "
                               "baris pada tabel anggota mana pun",
             en="the Pokja has no Ketua, more than one person as Ketua, or no row in any member table"),
        flag("unmatched", id="(berpasangan) Pokja SK tidak cocok dengan Pokja workbook mana pun, atau Pokja workbook "
                             "yang dicakup tidak dibentuk SK",
             en="(paired) the decree's Pokja matches no workbook Pokja, or a covered workbook Pokja is not formed",
             reads=[col("pokja", "kode_pokja"), col("pokja", "nama_pokja")]),
        flag("task_differs", id="(berpasangan) teks tugas Pokja pada SK dan Tugas Pokja pada workbook berbeda secara "
                                "material (kemiripan kata di bawah 0,50)",
             en="(paired) the Pokja's task text in the decree and its Tugas Pokja differ materially (word "
                "similarity below 0.50)", reads=col("pokja", "tugas_pokja")),
    ],
    params=["p_pokja_name", "p_chairs", "p_unmatched", "p_task_sk", "p_task_wb", "p_similarity"],
    hidden=["_evidence", "_identity"])

SK_OWNER = fact_kind(
    "sk_owner", id="satu per Pokja yang dibentuk dan tercantum pada tabel anggota, per pemilik kinerja yang wajib "
                   "menjadi Pengarahnya",
    en="one per formed Pokja listed in a member table, per performance owner who must be its Pengarah",
    fields=[
        choice("role", values=ROLES, id="pemilik kinerja: jpt_pratama atau jpt_madya",
               en="the performance owner: jpt_pratama or jpt_madya"),
        flag("owner_missing", id="pemilik kinerja ini tidak tercantum sebagai Pengarah Pokja (baris Pengarah yang "
                                 "tidak dapat dikenali menggantikan satu pemilik yang tidak ada)",
             en="this owner is not listed as the Pokja's Pengarah (a Pengarah row that cannot be told stands in "
                "for one missing owner)"),
    ],
    params=["p_role", "p_owner", "p_pokja_name"],
    hidden=["_evidence", "_identity"])

SK_TARGET = fact_kind(
    "sk_target", id="(berpasangan) satu per Pokja yang cocok per target PK yang dicantumkan SK atau workbook untuknya",
    en="(paired) one per matched Pokja per PK target the decree or the workbook gives it",
    fields=[flag("target_mismatch",
                 id="target PK pada Kode Target Pokja tidak disebut pada teks targetnya, target PK yang disebut "
                    "teks target Pokja tidak ada pada Kode Target-nya, atau nilai yang dinyatakan berbeda dengan "
                    "Target PK",
                 en="a PK target of the Pokja's Kode Target is not identified in its target text, a PK target "
                    "identified in its own target text is not in its Kode Target, or the stated value differs "
                    "from the PK Target",
                 reads=[col("pokja", "kode_target"), col("pk", "kode_target"), col("pk", "indikator_kinerja")])],
    params=["p_problem", "p_indicator", "p_pokja_name"],
    hidden=["_evidence", "_identity"])


class PokjaView:
    """The Pokja of a draft (§3.6): formed, matched with the paired workbook's Pokja, covered;
    and the one-cause facts other families need (S03, S05, S06, S09, S10, S16)."""

    def __init__(self, d: Decree, check: DraftCheck):
        self.d, self.check, self.w = d, check, check.digest
        self.formed: list[FormedPokja] = list(d.formed)
        self.match: dict[str, WbPokja | None] = {}
        self.covered: list[WbPokja] = []
        self.unformed: list[WbPokja] = []
        self.no_member_table = not d.member_tables
        self.no_diktum = check.missing("diktum")
        if self.w is not None:
            self._match()
            self._cover()
        self.rows = {f.key: d.members_of(f.key) for f in self.formed}
        self.chair_wrong = {f.key: self._chairs(f.key) for f in self.formed}
        self.target_missing = {f.key for f in self.formed if not self.no_diktum and not pieces(d, "target", f.key)}
        self.task_missing = {f.key for f in self.formed if not self.no_diktum and not pieces(d, "task", f.key)}
        self.missing_owners: dict[str, list[str]] = {f.key: self._owners(f.key)[0] for f in self.formed}

    # ------------------------------------------------------------ matching (§3.6)

    def _match(self) -> None:
        from checker.load.decree.formed_pokja import pokja_key
        taken: set[str] = set()
        by_name = {}
        for p in self.w.pokja:
            by_name.setdefault(pokja_key(p.name), p)
        for f in self.formed:
            p = by_name.get(f.key)
            if p is None or p.code in taken:
                p = next((q for q in self.w.pokja if q.code not in taken and _code_in(q.code_raw, f.text + " "
                                                                                      + f.name)), None)
            if p is not None:
                taken.add(p.code)
            self.match[f.key] = p

    def _cover(self) -> None:
        d, w = self.d, self.w
        number = d.number.text if d.number is not None and not d.number.blank else ""
        numbers = {fold_words(p.nomor_sk) for p in w.pokja if p.nomor_sk}
        if number and fold_words(number) in numbers:
            self.covered = [p for p in w.pokja if p.nomor_sk and fold_words(p.nomor_sk) == fold_words(number)]
        elif self.check.drafts_for_workbook >= 2 or len(numbers) >= 2:
            self.covered = [p for p in self.match.values() if p is not None]
        else:
            self.covered = list(w.pokja)
        matched = {p.code for p in self.match.values() if p is not None}
        if not self.no_diktum:                  # S03 diktum: no S16 for the Pokja it would form
            self.unformed = [p for p in self.covered if p.code not in matched]

    def matched(self, key: str) -> WbPokja | None:
        return self.match.get(key)

    def shown(self, f: FormedPokja) -> str:
        """The `pokja` of a finding (§6.1): Kode Pokja of the matched Pokja, its Nama Pokja
        without one, else the name as the draft writes it."""
        p = self.match.get(f.key)
        if p is not None:
            return p.code_raw or p.name
        return f.name

    def table_location(self, key: str) -> Location | None:
        return next((mt.ref.location for mt in self.d.member_tables if key in mt.pokja), None)

    # ------------------------------------------------------------ S10

    def _chairs(self, key: str) -> str:
        """"" when exactly one person is Ketua; else "none", "many" or "no_rows" (S10)."""
        if self.no_member_table:                 # S03 member table silences S07-S10
            return ""
        rows = self.rows[key]
        if not rows:
            return "no_rows"
        n = sum(1 for m in rows if KETUA in m.positions)
        return "" if n == 1 else "none" if n == 0 else "many"

    def chairs(self, key: str) -> list[Member]:
        return [m for m in self.rows[key] if KETUA in m.positions]

    # ------------------------------------------------------------ S09

    def _owners(self, key: str) -> tuple[list[str], list[Member]]:
        """The owners (ROLES) missing among the Pokja's Pengarah, after an unknown row stood in
        for one each; and its Pengarah rows."""
        if self.no_member_table or not self.rows[key]:
            return [], []
        pengarah = [m for m in self.rows[key] if PENGARAH in m.positions]
        found, unknown = set(), 0
        for m in pengarah:
            role = self.owner_role(m)
            if role == "unknown":
                unknown += 1
            elif role:
                found.add(role)
        missing = [r for r in ROLES if r not in found]
        return missing[unknown:], pengarah

    def owner_role(self, m: Member) -> str:
        """"jpt_pratama", "jpt_madya", "" (someone else) or "unknown" (nothing to compare)."""
        w, issuer = self.w, self.d.title.issuer if self.d.title is not None else ""
        jabatan = next((r.jabatan.plain for r in m.rows if r.jabatan is not None and not r.jabatan.blank), "")
        name = m.name
        if w is not None:
            if (m.nip and m.nip in w.head_nips) or (name and fold_name(name) in w.head_names):
                return "jpt_pratama"
            if jabatan and w.name and names_unit(jabatan, w.name, w.jpt_madya, w.instansi):
                return "jpt_pratama"
            if (m.nip and m.nip == w.madya_nip) or (name and w.madya_name
                                                    and fold_name(name) == fold_name(w.madya_name)):
                return "jpt_madya"
        if issuer and any(t and office_names(t, issuer) for t in (jabatan, name)):
            return "jpt_pratama"
        j = fold_words(jabatan)
        if any(j == o or j.startswith(o + " ") for o in _MADYA_OFFICES):
            return "jpt_madya"
        # alone, a Jabatan is compared with the issuer's office (none without a title)
        comparable = (w is not None and bool(m.nip or name or jabatan)) or (bool(jabatan) and bool(issuer))
        return "" if comparable else "unknown"


def _code_in(code: str, text: str) -> bool:
    c = fold_words(code)
    return bool(c) and any(ch.isalpha() for ch in c) and bool(
        re.search(r"(?<![0-9a-z])" + re.escape(c) + r"(?![0-9a-z])", fold_words(text)))


# ============================================================================ facts

def _hidden(check: DraftCheck, evidence: dict) -> dict:
    return {"_evidence": evidence, "_identity": check.identity}


def pokja_facts(out, check: DraftCheck, view: PokjaView) -> None:
    d = check.decree
    for f in view.formed:
        _formed_fact(out, check, view, f)
        _owner_facts(out, check, view, f)
        if view.matched(f.key) is not None:
            _target_facts(out, check, view, f)
    for p in view.unformed:
        cell = p.cells["nama_pokja"]
        out.add("sk_pokja", None, None, None, SK_POKJA.flags_off() | {"unmatched": True},
                pokja=p.code_raw or p.name, value=p.code,
                params=SK_POKJA.blank_params() | {
                    "p_pokja_name": p.name or p.code_raw,
                    "p_unmatched": both("sk.unmatched.workbook", pokja=p.code_raw, name=p.name or "-")},
                hidden=_hidden(check, {"": Evidence(None, cell, None)}))
    del d


def _formed_fact(out, check: DraftCheck, view: PokjaView, f: FormedPokja) -> None:
    d = check.decree
    p = view.matched(f.key)
    ev = {"": Evidence(f.location, found=f.text or f.name)}
    params = SK_POKJA.blank_params() | {"p_pokja_name": f.name}
    fields = {"target_missing": f.key in view.target_missing, "task_missing": f.key in view.task_missing,
              "chair_wrong": bool(view.chair_wrong[f.key]), "unmatched": check.paired and p is None,
              "task_differs": False}
    chair = view.chair_wrong[f.key]
    if chair:
        names = "; ".join(m.name for m in view.chairs(f.key))
        params["p_chairs"] = both("sk.chair." + chair, names=names or "-")
        where = view.table_location(f.key) or f.location
        ev["chair_wrong"] = Evidence(where, found=names or None)
    if fields["unmatched"]:
        params["p_unmatched"] = both("sk.unmatched.sk", name=f.name)
        ev["unmatched"] = Evidence(f.location, check.digest.sheet_cell("pokja"),
                                   found=f.name)
    if p is not None and f.key not in view.task_missing and p.tugas:
        tasks = pieces(d, "task", f.key)
        text = "\n".join(x.text for x in tasks)
        if filled(text):
            got = compare_texts(text, p.tugas)
            params.update({"p_task_sk": cut(text), "p_task_wb": cut(p.tugas),
                           "p_similarity": similarity_text(got.similarity)})
            if got.differs:
                fields["task_differs"] = True
                ev["task_differs"] = Evidence(tasks[0].location, p.cells["tugas_pokja"], text, got.similarity)
    for name, kind in (("target_missing", "target"), ("task_missing", "task")):
        if fields[name]:
            ev[name] = _missing_text_at(d, kind, f)
    out.add("sk_pokja", None, None, None, fields, pokja=view.shown(f), value=f.key, params=params,
            hidden=_hidden(check, ev))


def _missing_text_at(d, kind: str, f: FormedPokja) -> Evidence:
    """Where a Pokja's missing target or task text belongs: its own empty item, else the
    target (task) diktum, else where the Pokja is formed."""
    own = next((p for p in (d.targets if kind == "target" else d.tasks) if p.pokja == f.key), None)
    if own is not None:
        return Evidence(own.location, found=own.whole or None)
    k = next((k for k in d.dicta if (k.is_target if kind == "target" else k.is_task)), None)
    return Evidence(k.location if k is not None else f.location)


def _owner_facts(out, check: DraftCheck, view: PokjaView, f: FormedPokja) -> None:
    if view.no_member_table or not view.rows[f.key]:        # S03, or S10 only
        return
    missing = view.missing_owners[f.key]
    w = check.digest
    where = view.table_location(f.key) or f.location
    for role in ROLES:
        nip = name = None
        if w is not None:
            nip, name = (w.head_nip, w.head_name) if role == "jpt_pratama" else (w.madya_nip, w.madya_name)
        label = "JPT Pratama" if role == "jpt_pratama" else "JPT Madya"
        out.add("sk_owner", None, None, None, {"role": role, "owner_missing": role in missing},
                pokja=view.shown(f), nip=nip or None, name=name or None, value=role,
                params={"p_role": label, "p_pokja_name": f.name,
                        "p_owner": both("sk.owner.named", role=label, name=name) if name else label},
                hidden=_hidden(check, {"": Evidence(where)}))


def _target_facts(out, check: DraftCheck, view: PokjaView, f: FormedPokja) -> None:
    """S20 for a matched Pokja (none when S05 fires for it)."""
    if f.key in view.target_missing:
        return
    d, w, p = check.decree, check.digest, view.matched(f.key)
    texts = pieces(d, "target", f.key)
    own = [x for x in texts if x.pokja == f.key]
    if not texts:
        return
    seen: set[str] = set()
    for code in p.targets:
        t = w.target(code)
        if t is None or code in seen:
            continue
        seen.add(code)
        hit = next((x for x in texts if identifies(x.text, t.code_raw, t.indicator)), None)
        if hit is None:
            _target(out, check, view, f, t, "not_in_sk", Evidence(texts[0].location, p.cells["kode_target"],
                                                                  "\n".join(x.text for x in texts)))
            continue
        mine, theirs = stated_value(hit.text, t.code_raw, t.indicator), number_of(t.target)
        if mine is not None and theirs is not None and abs(mine - theirs) > 1e-9:
            _target(out, check, view, f, t, "value", Evidence(hit.location, t.cells["target"], hit.text),
                    sk=_num(mine), wb=t.target)
        else:
            _target(out, check, view, f, t, "", Evidence(hit.location, t.cells["kode_target"], hit.text))
    for t in w.targets:
        if t.code in seen or t.code in p.targets:
            continue
        hit = next((x for x in own if identifies(x.text, t.code_raw, t.indicator)), None)
        if hit is not None:
            seen.add(t.code)
            _target(out, check, view, f, t, "not_in_workbook", Evidence(hit.location, p.cells["kode_target"],
                                                                        hit.text))


def similarity_text(x: float) -> dict:
    """A similarity as a message shows it: 0,35 in Indonesian, 0.35 in English."""
    return {"id": f"{x:.2f}".replace(".", ","), "en": f"{x:.2f}"}


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _target(out, check, view, f, t, problem: str, ev: Evidence, sk: str = "", wb: str = "") -> None:
    params = {"p_problem": both("sk.target." + problem, code=t.code_raw, pokja=view.shown(f), sk=sk, wb=wb)
              if problem else "", "p_indicator": t.indicator or "-", "p_pokja_name": f.name}
    out.add("sk_target", None, None, None, {"target_mismatch": bool(problem)}, pokja=view.shown(f),
            target=t.code_raw, value=t.code, params=params,
            hidden=_hidden(check, {"": ev}))
