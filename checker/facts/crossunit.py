"""Cross-unit facts (rules X01-X05 of rules.md) and the master roster's missing units.

`apply(facts, roster=None)` runs at the end of `facts.build`, in every run: it adds the
cross-unit condition fields (declared below, DECLARED) to the fact tables of all
units, with their defaults in a single-unit run without a roster, and, with a roster, one
`unit` fact (`not_submitted`) plus a UnitContext for every roster unit that has a JPT Pratama and
submitted no workbook, so that X06 reports it (rules.md v3: and nothing else).

Everything is computed with pandas joins and group-bys over the fact tables; Python loops run
only over the rows that are flagged (to write their message parameters). A run of one unit (the
self-check, the web page, most tests) skips the group-bys whose answer it knows: no NIP and no
Output can be shared across units, and its one workbook is the first of its code.

Decisions where the contract is silent:
- "Units" are told apart by Kode Unit (folded like a code): two workbooks with the same Kode
  Unit are one unit for X01 and X03 (X05 reports them), so a resubmitted copy does not flag
  every employee twice. A workbook without a Kode Unit counts as a unit of its own.
- A NIP identifies a person across units by its digits as written (an invalid NIP too); a NIP
  stored as a number (D01) identifies nobody here: its last digits cannot be trusted.
- X04 compares with a roster unit by its code or its name (roster.unit_keys) and leaves an
  invalid NIP that is not in the roster to D01 (one cause, one finding).
- X02 compares a Kode Unit Asal with the code of each unit holding the NIP: a workbook's Kode
  Unit, a roster unit's code, or, for a roster unit known only by its name, the Kode Unit of
  the one checked workbook with that Nama Unit (rules.md v3: a name no workbook carries cannot
  be compared, and neither can a code two workbooks share, X05: those holders are left out,
  and so is a Kode Unit Asal naming such a code).
- X05 orders the workbooks by their path (text order), whatever the order given.
- A roster-only unit's UnitContext has no sheets: every rule that requires a sheet or column
  stays silent for it through run.py's requires filter; X06 requires none.
"""
from __future__ import annotations

import os

from checker.facts.declare import choice, col, count, extend, flag
from checker.facts.factrow import fact_row
from checker.facts.unitdata import ORIGIN_READS
from checker.input import values
from checker.load.roster import unit_keys
from checker.texts import both

ROSTER_STATUS = ("", "listed", "missing", "other_unit")

# The cross-unit fields and parameters of the kinds other families declare. A cross-unit field
# declares what this unit's workbook gives it (declare.Read).
DECLARED = (
    extend("unit", fields=[
        count("duplicate_code_order",
              id="0 untuk workbook pertama (urut path) dengan Kode Unit ini dalam satu pemeriksaan; "
                 "k untuk workbook ke-k berikutnya",
              en="0 for the first workbook (in path order) of a run with this Kode Unit; k for the k-th later one",
              reads=col("unit", "kode_unit")),
        flag("not_submitted",
             id="unit roster induk yang memiliki JPT Pratama tetapi tidak menyampaikan workbook (satu fakta per unit "
                "seperti itu)",
             en="a unit of the master roster that has a JPT Pratama but sent no workbook (one fact per such unit)"),
    ], params=["p_first_file", "p_roster_file"]),
    extend("employee", fields=[
        count("n_units_with_nip",
              id="jumlah unit berbeda (menurut Kode Unit) dalam pemeriksaan ini yang sheet Pegawai-nya memuat NIP "
                 "ini, termasuk unit ini; 0 bila baris tanpa NIP atau NIP tersimpan sebagai angka",
              en="number of distinct units (by Kode Unit) of this run whose Pegawai sheet lists this NIP, this unit "
                 "included; 0 when the row has no NIP or the NIP is stored as a number",
              reads=col("pegawai", "nip")),
        choice("roster_status", values=ROSTER_STATUS,
               id="dengan roster induk: listed (tercantum pada unit ini), missing (tidak ada di roster), other_unit "
                  "(tercantum pada unit lain); kosong tanpa roster, tanpa NIP, NIP tersimpan sebagai angka, NIP "
                  "tidak sah yang tidak ada di roster, atau NIP pada unit lain yang juga tercantum pada sheet Pegawai "
                  "unit lain dalam pemeriksaan ini (satu sebab: X01 yang melaporkannya)",
               en="with a master roster: listed (under this unit), missing (not in the roster), other_unit (under "
                  "another unit); empty without a roster, without a NIP, for a NIP stored as a number, for an "
                  "invalid NIP that is not in the roster, or for a NIP under another unit that another checked "
                  "unit's Pegawai sheet lists too (one cause: X01 reports it)",
               reads=col("pegawai", "nip")),
    ], params=["p_other_units", "p_roster_problem", "p_roster_file"]),
    # a person across units is their NIP
    extend("member", fields=[
        flag("home_unit_mismatch",
             id="anggota dari unit lain instansi ini yang Kode Unit Asal-nya bukan unit yang sheet Pegawai-nya (atau "
                "roster induk) memuat NIP-nya; false bila tidak ada unit maupun roster yang memuat NIP itu",
             en="a member from another unit of this instansi whose Kode Unit Asal is not the unit whose Pegawai sheet "
                "(or the master roster) holds the NIP; false when no unit and no roster holds that NIP",
             reads=[col("anggota", "nip"), *ORIGIN_READS]),
        count("cross_unit_output_claims",
              id="jumlah unit lain (menurut Kode Unit) yang Pokja-nya memuat orang yang sama (menurut NIP) dengan "
                 "Output yang sama, pada baris pertama orang dan Output itu di unit ini; 0 pada baris berikutnya dan "
                 "bagi Pengarah",
              en="number of other units (by Kode Unit) whose Pokja list the same person (by NIP) with the same "
                 "Output, on this unit's first row of that person and Output; 0 on later rows and for Pengarah",
              reads=[col("anggota", "nip"), col("anggota", "kedudukan"), col("anggota", "output")]),
    ], params=["p_nip_holders", "p_other_claims"]),
)
_DEFAULTS = {"bool": False, "int": 0, "str": ""}
# (kind, field) -> default of every cross-unit condition field; message parameters -> "-".
FIELDS = {d.kind: {f.name: _DEFAULTS[f.type] for f in d.fields} for d in DECLARED}
PARAMS = {d.kind: d.params for d in DECLARED}


def _join(items) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i)) or "-"


def _join_both(items) -> dict:
    items = list(items)
    return {lang: _join(i[lang] for i in items) for lang in ("id", "en")}


class _Units:
    """What the fact tables need to know about each workbook unit (by unit_seq)."""

    def __init__(self, contexts):
        self.ident = {}            # seq -> identity (folded Kode Unit, or "#seq")
        self.keys = {}             # seq -> roster.unit_keys(code, name)
        self.label = {}            # seq -> Kode Unit as written (or file name)
        self.file = {}
        for c in contexts:
            code = values.fold_code(c.code or "")
            self.ident[c.seq] = code or f"#{c.seq}"
            self.keys[c.seq] = unit_keys(c.code, c.name)
            self.label[c.seq] = c.code or c.name or os.path.basename(c.file or "")
            self.file[c.seq] = c.file

    def several(self) -> bool:
        """Whether the run holds two or more units (by identity): with one, no NIP or Output can
        be shared across units, and the cross-unit counts keep their one-unit values."""
        return len(set(self.ident.values())) > 1

    def shared_codes(self) -> set:
        """Kode Unit (folded) that two or more workbooks of the run carry (X05)."""
        seen: dict[str, int] = {}
        for ident in self.ident.values():
            seen[ident] = seen.get(ident, 0) + 1
        return {ident for ident, k in seen.items() if k > 1 and not ident.startswith("#")}

    def roster_keys(self, unit, shared: set) -> frozenset:
        """The keys a roster unit is compared by in X02: its own when it has a code not `shared`;
        for a unit known by name only, those of the one checked workbook carrying that Nama Unit
        (under a code not `shared`); empty when it cannot be resolved."""
        if unit.code:
            return frozenset() if values.fold_code(unit.code) in shared else unit.keys
        idents = {self.ident[s] for s, keys in self.keys.items() if keys & unit.keys}
        if len(idents) != 1:
            return frozenset()
        ident = next(iter(idents))
        if ident in shared or ident.startswith("#"):
            return frozenset()
        return next(keys for s, keys in self.keys.items() if self.ident[s] == ident)


def apply(facts, roster=None) -> None:
    """Add the cross-unit fields to `facts` (in place); with a roster, add its missing units."""
    import pandas as pd

    tables = facts.tables
    if any(c.roster_only for c in facts.units):      # applied before: start again
        facts.units[:] = [c for c in facts.units if not c.roster_only]
        seqs = {c.seq for c in facts.units}
        tables["unit"] = tables["unit"][tables["unit"]["unit_seq"].isin(seqs)].reset_index(drop=True)
    units = _Units([c for c in facts.units if c.readable])
    emp, holders = _employees(tables, units, roster)
    mem = _members(tables, units, holders, roster)
    tables["employee"], tables["member"] = emp, mem
    tables["unit"] = _unit_facts(tables["unit"], units, facts, roster, pd)
    for kind in FIELDS:
        _ensure(tables, kind)


# --------------------------------------------------------------------------- helpers

def _ensure(tables, kind):
    """Every cross-unit field and parameter present, never null, with its type."""
    df = tables[kind]
    for name, default in FIELDS[kind].items():
        if name not in df.columns:
            df[name] = default
        else:
            df[name] = df[name].where(df[name].notna(), default) if len(df) else df[name]
        if isinstance(default, bool):
            df[name] = df[name].astype(bool)
        elif isinstance(default, int):
            df[name] = df[name].astype("int64")
        else:
            df[name] = df[name].astype(object)
    for name in PARAMS[kind]:
        if name not in df.columns:
            df[name] = "-"
    tables[kind] = df


def _basename(path) -> str:
    return os.path.basename(path or "") or "-"


def _nip(df):
    """(NIP key, its status, usable) per fact row: a NIP stored as a number identifies nobody here."""
    import pandas as pd
    key = df["_nip_key"].where(df["_nip_key"].notna(), "").astype(str)
    status = df["_nip_status"].where(df["_nip_status"].notna(), "empty").astype(str)
    return key, status.tolist(), (key != "") & pd.Series(status != "number", index=df.index)


# --------------------------------------------------------------------------- employees (X01, X04)

def _employees(tables, units, roster):
    import pandas as pd

    emp = tables["employee"].copy()
    n = len(emp)
    emp["n_units_with_nip"] = 0
    emp["roster_status"] = ""
    emp["p_other_units"] = "-"
    emp["p_roster_problem"] = "-"
    emp["p_roster_file"] = roster.path if roster is not None else "-"
    if n == 0:
        return emp, {}
    key, status, usable = _nip(emp)
    ident = emp["unit_seq"].map(units.ident)
    pairs = emp.loc[usable, ["unit_seq", "row"]].assign(nip=key[usable], ident=ident[usable])
    if units.several():
        counts = pairs.groupby("nip")["ident"].nunique()
        emp["n_units_with_nip"] = key.map(counts).where(usable, 0).fillna(0).astype("int64")
    else:                                            # every usable NIP is in this one unit
        emp["n_units_with_nip"] = usable.astype("int64")
    # holders of each NIP: unit_seq -> first row (for X02 and the messages)
    holders: dict = {}
    for nip, seq, row in zip(pairs["nip"], pairs["unit_seq"], pairs["row"]):
        holders.setdefault(nip, {}).setdefault(int(seq), int(row))
    multi = emp.index[emp["n_units_with_nip"] >= 2]
    if len(multi):
        shown = ["-"] * n
        for i in multi:
            nip, seq = key[i], int(emp.at[i, "unit_seq"])
            own = units.ident[seq]
            others = [(s, r) for s, r in holders[nip].items() if units.ident[s] != own]
            shown[i] = _join_both(both("fact.holder_row", unit=units.label[s], file=_basename(units.file[s]), row=r)
                                  for s, r in others)
        emp["p_other_units"] = pd.Series(shown, index=emp.index, dtype=object)
    if roster is not None:
        _roster_status(emp, key, status, usable, units, roster, pd)
    _one_cause(emp)
    return emp, holders


def _one_cause(emp) -> None:
    """One NIP of another unit on this unit's Pegawai is one finding (rules.md, one cause;
    issue 22 found X01 + X04 + U05): X01 when another checked unit lists it too (X04 then
    stays silent on it), else X04 when the roster places it under another unit. Either way
    the person's place in this unit is in doubt, so U05 and M08 (MPH) do not judge the row
    (`uncertain`), unless the roster lists the NIP under this very unit."""
    several = emp["n_units_with_nip"] >= 2
    elsewhere = emp["roster_status"] == "other_unit"
    if not (several.any() or elsewhere.any()):
        return
    emp.loc[several & (emp["roster_status"] != "listed"), "uncertain"] = True
    emp.loc[elsewhere, "uncertain"] = True
    emp.loc[several & elsewhere, "roster_status"] = ""


def _roster_status(emp, key, status, usable, units, roster, pd):
    n = len(emp)
    result, shown, problem = [""] * n, ["-"] * n, ["-"] * n
    seqs, keys = emp["unit_seq"].tolist(), key.tolist()
    for i in usable.to_numpy().nonzero()[0].tolist():
        own = units.keys.get(int(seqs[i]))
        if own is None:
            continue
        listed = [u for u in roster.units_of(keys[i]) if u in roster.units]
        if not listed:
            if status[i] == "valid" and not roster.units_of(keys[i]):
                result[i] = "missing"
                problem[i] = both("fact.roster_missing")
            continue
        if any(roster.units[u].keys & own for u in listed):
            result[i] = "listed"
        else:
            result[i] = "other_unit"
            shown[i] = _join(roster.units[u].label() for u in listed)
            problem[i] = both("fact.roster_other_unit", units=shown[i])
    emp["roster_status"] = pd.Series(result, index=emp.index, dtype=object)
    emp["p_roster_problem"] = pd.Series(problem, index=emp.index, dtype=object)


# --------------------------------------------------------------------------- members (X02, X03)

def _members(tables, units, holders, roster):
    import pandas as pd

    mem = tables["member"].copy()
    n = len(mem)
    mem["home_unit_mismatch"] = False
    mem["cross_unit_output_claims"] = 0
    mem["p_nip_holders"] = "-"
    mem["p_other_claims"] = "-"
    if n == 0:
        return mem
    key, status, usable = _nip(mem)

    # X02: Kode Unit Asal against the units whose Pegawai (or the roster) hold the NIP
    cand = mem.index[usable & mem["other_unit_same_instansi"].fillna(False).astype(bool)]
    mismatch, holders_shown = [False] * n, ["-"] * n
    shared = units.shared_codes()
    for i in cand:
        nip = key[i]
        asal_code = values.fold_code(mem.at[i, "_unit_asal"] or "")
        if asal_code in shared:
            continue                                   # a code two workbooks carry: not compared
        seqs = {s: r for s, r in holders.get(nip, {}).items() if units.ident[s] not in shared}
        runits = roster.units_of(nip) if roster is not None else []
        rkeys = {u: units.roster_keys(roster.units[u], shared) for u in runits if u in roster.units}
        rkeys = {u: k for u, k in rkeys.items() if k}
        if not seqs and not rkeys:
            continue                                   # nobody (comparable) holds it: not run
        asal = unit_keys(mem.at[i, "_unit_asal"])
        if any(units.keys[s] & asal for s in seqs) or any(k & asal for k in rkeys.values()):
            continue
        mismatch[i] = True
        shown = [both("fact.holder_pegawai", unit=units.label[s], file=_basename(units.file[s]), row=r)
                 for s, r in seqs.items()]
        shown += [both("fact.holder_roster", unit=roster.units[u].label()) for u in rkeys]
        holders_shown[i] = _join_both(shown)
    mem["home_unit_mismatch"] = pd.Series(mismatch, index=mem.index, dtype=bool)
    mem["p_nip_holders"] = pd.Series(holders_shown, index=mem.index, dtype=object)

    # X03: the same person (NIP) with the same folded Output in Pokja of two units
    out = mem["_output_key"].where(mem["_output_key"].notna(), "").astype(str)
    ok = usable & mem["is_member"].fillna(False).astype(bool) & (out != "")
    if ok.any() and units.several():
        sub = mem.loc[ok, ["unit_seq", "row", "pokja"]].assign(
            nip=key[ok], out=out[ok], ident=mem.loc[ok, "unit_seq"].map(units.ident))
        sub = sub.sort_values(["unit_seq", "row"], kind="stable")
        n_units = sub.groupby(["nip", "out"])["ident"].transform("nunique")
        first = ~sub.duplicated(["unit_seq", "nip", "out"])
        hit = sub[(n_units >= 2) & first]
        if len(hit):
            mem.loc[hit.index, "cross_unit_output_claims"] = (n_units[hit.index] - 1).astype("int64")
            claims: dict = {}
            for seq, row, pokja, nip, o, ident in sub[n_units >= 2].itertuples(index=False):
                claims.setdefault((nip, o), []).append((ident, int(seq), int(row), pokja))
            shown = ["-"] * n
            for i, nip, o, ident in zip(hit.index, hit["nip"], hit["out"], hit["ident"]):
                shown[i] = _join_both(
                    both("fact.claim", unit=units.label[s], pokja=p or "-", file=_basename(units.file[s]), row=r)
                    for d, s, r, p in claims[(nip, o)] if d != ident)
            mem["p_other_claims"] = pd.Series(shown, index=mem.index, dtype=object)
    mem["cross_unit_output_claims"] = mem["cross_unit_output_claims"].astype("int64")
    return mem


# --------------------------------------------------------------------------- units (X05, roster units)

def _unit_facts(df, units, facts, roster, pd):
    df = df.copy()
    df["duplicate_code_order"] = 0
    df["not_submitted"] = False
    df["p_first_file"] = "-"
    df["p_roster_file"] = roster.path if roster is not None else "-"
    if len(df) > 1:                                  # one workbook is first of its code
        code = df["_code_key"].where(df["_code_key"].notna(), "").astype(str)
        has = code != ""
        if has.any():
            sub = df.loc[has, ["file"]].assign(code=code[has], path=df.loc[has, "file"].astype(str))
            sub = sub.sort_values(["path"], kind="stable")
            order = sub.groupby("code").cumcount()
            df.loc[order.index, "duplicate_code_order"] = order.astype("int64")
            first = sub.groupby("code")["path"].transform("first")
            later = order.index[order > 0]
            shown = df["p_first_file"].astype(object).tolist()
            for i in later:
                shown[df.index.get_loc(i)] = first[i]
            df["p_first_file"] = pd.Series(shown, index=df.index, dtype=object)
    if roster is None:
        return df
    return _roster_units(df, units, facts, roster, pd)


def _roster_units(df, units, facts, roster, pd):
    from checker.facts.context import UnitContext

    submitted = frozenset().union(*units.keys.values()) if units.keys else frozenset()
    template = dict.fromkeys(df.columns)         # the unit kind's columns (assemble.concat)
    rows = []
    for u in roster.units.values():
        if not u.has_jpt_pratama or u.keys & submitted:
            continue
        # a roster that names its units (UNOR_NAMA) without codes: the unit is known by that name
        code, name = (u.code, u.name) if u.code else (u.name, None)
        ctx = UnitContext(len(facts.units), roster.path, roster.sha256, code, name, None, {},
                          readable=True, detail=both("fact.roster_unit"), roster_only=True)
        facts.units.append(ctx)
        rows.append(fact_row(template, "unit", ctx, None, u.first_row, roster.unit_column, {
            "n_pokja": 0, "n_pokja_substance": 0, "n_pokja_support": 0, "n_pokja_jenis_unknown": 0, "n_pk_target": 0,
            "duplicate_code_order": 0, "not_submitted": True,
        }, value="roster", sheet=roster.sheet,
            params={"p_support_codes": "-", "p_pokja_codes": "-", "p_first_file": "-", "p_roster_file": roster.path},
            hidden={"_code_key": values.fold_code(code or "")}))
    if not rows:
        return df
    add = pd.DataFrame(rows)
    out = pd.concat([df, add], ignore_index=True) if len(df) else add.reindex(columns=list(df.columns) or None)
    for c in df.columns:
        if c not in out.columns:
            out[c] = None
    return out.reset_index(drop=True)
