"""Cell facts: one per filled cell whose value is not valid (NIP, vocabulary, date, year)
and one per formula cell whose value cannot be used (an error, or no cached value). A
readable value is no fact: 80% of all cells, never matched."""
from __future__ import annotations

from checker.facts.declare import choice, fact_kind
from checker.facts.people import is_empty, text
from checker.facts.unitdata import PENGARAH
from checker.input import contract, vocab
from checker.load.model import FORMULA_ERROR
from checker.terms import runs_in
from checker.texts import both

CELL_CHECKS = ("nip", "vocab", "date", "year", "formula", "required")
# "valid" is never a cell fact (valid cells are no facts) but the definition names it.
CELL_STATUSES = ("valid", "invalid", "number", "unknown", "error", "no_cached_value", "empty")

CELL = fact_kind(
    "cell",
    id="satu per sel terisi yang nilainya tidak sah (NIP, kosakata, tanggal, tahun), berisi rumus tanpa nilai, atau "
       "per sel wajib yang kosong; sel yang sah tidak menjadi fakta",
    en="one per filled cell whose value is not valid (NIP, vocabulary, date, year) or holds a formula without a "
       "value, and one per required cell left empty; valid cells are no facts",
    fields=[
        choice("check", values=CELL_CHECKS,
               id="jenis pemeriksaan: nip, vocab, date, year, formula, required (sel wajib yang kosong)",
               en="check kind: nip, vocab, date, year, formula, required (a required cell left empty)"),
        choice("status", values=CELL_STATUSES,
               id="hasil: valid, invalid, number, unknown; untuk formula: error, no_cached_value; "
                  "untuk required: empty",
               en="result: valid, invalid, number, unknown; for formula: error, no_cached_value; "
                  "for required: empty"),
    ],
    params=["p_raw", "p_column_label", "p_allowed", "p_reason"])

_CHECKS = {"nip": "nip", "date": "date", "year": "year"}
_NIP_REASONS = {"number": "fact.nip_number", "invalid": "fact.nip_invalid"}
_FINE = frozenset({"ok", "valid", "empty", FORMULA_ERROR})     # statuses that are no cell fact


def _check_of(kind: str) -> str | None:
    return "vocab" if kind.startswith("vocab:") else _CHECKS.get(kind)


def _cell(out, check, col, status, raw, sheet_kind, row, letter, nip="", name="", pokja="") -> None:
    status = {"ok": "valid"}.get(status or "", status or "invalid")
    if status == "valid":
        return
    allowed = ", ".join(sorted(set(vocab.VOCABULARIES[col.vocab].values()))) if check == "vocab" else ""
    reason = both(_NIP_REASONS[status]) if check == "nip" and status in _NIP_REASONS else ""
    shown, label = text(raw), col.label
    if check == "nip":
        # issue 22: a NIP stored as a number is said as Excel keeps it (15 significant digits),
        # never with the digits a float adds; and whose it is, when the row names someone
        shown = stored_number(raw) if status == "number" else shown
        label = both("fact.nip_of", label=col.label, name=name) if name else label
    out.add("cell", sheet_kind, row, letter, {"check": check, "status": status},
            nip=nip if check != "nip" else shown, name=name, pokja=pokja,
            value=f"{sheet_kind}:{col.field}:{text(raw)}",
            params={"p_raw": shown, "p_column_label": label, "p_allowed": allowed, "p_reason": reason})


def stored_number(raw) -> str:
    """A number cell as Excel keeps it: 15 significant digits, the rest zeros
    (199012112013120999 is 199012112013121000), without a decimal point."""
    from decimal import Decimal
    try:
        number = Decimal(f"{float(raw):.15g}")
    except (TypeError, ValueError, ArithmeticError):
        return text(raw)
    if not number.is_finite():
        return text(raw)
    return f"{number:f}" if number != number.to_integral_value() else str(int(number))


def _unit_cells(u, out) -> None:
    for col in contract.UNIT.columns:
        check = _check_of(col.kind)
        entry = u.unit_entry(col.field)
        if check and entry and text(entry[1]):
            _cell(out, check, col, entry[2], entry[1], "unit", entry[3], entry[4])


def _table_cells(u, out, spec) -> None:
    table = u.loaded.tables.get(spec.kind)
    if table is None:
        return
    rows = u.rows(spec.kind)
    seen: set = set()
    for col in spec.columns:
        check = _check_of(col.kind)
        st_col = col.field + "__st"
        if not check or col.field not in table.columns or not rows or st_col not in rows[0]:
            continue
        letter = table.columns[col.field]
        raw_col = col.field + "__raw"
        for r in rows:
            st = r[st_col]
            if st in _FINE or (r["_row"], letter) in seen:
                continue                      # formula cells are reported once, by formula_facts
            raw, row = r.get(raw_col), r["_row"]
            if not text(raw):
                continue
            seen.add((row, letter))
            _cell(out, check, col, st, raw, spec.kind, row, letter, nip=text(r.get("nip__raw")),
                  name=text(r.get("nama__raw")), pokja=text(r.get("kode_pokja__raw")))


def cell_facts(u, out) -> None:
    _unit_cells(u, out)
    for spec in contract.SHEETS:
        if spec.kind != "unit":
            _table_cells(u, out, spec)


def _label_of(kind: str, fld: str) -> str:
    spec = contract.SHEETS_BY_KIND.get(kind)
    return next((c.label for c in spec.columns if c.field == fld), fld) if spec else fld


def formula_facts(u, out) -> None:
    """Formula cells whose value cannot be used: an error (#N/A, ...) or no cached value."""
    for kind, table in u.loaded.tables.items():
        issues = table.formula_issues or {}
        if not issues:
            continue
        fields_at = {letter: fld for fld, letter in reversed(list(table.columns.items()))}   # the first field
        labels = {letter: _label_of(kind, fld) for fld, letter in table.columns.items()}      # the last label
        by_row = {r["_row"]: r for r in u.rows(kind)}
        for (row, letter), issue in sorted(issues.items()):
            r = by_row.get(row, {})
            status, _, shown_raw = issue.partition(":")
            fld = fields_at.get(letter)
            raw = shown_raw or (text(r.get(fld + "__raw")) if fld else "")
            reason = "fact.formula_no_value" if status == "no_cached_value" else "fact.formula_error"
            out.add("cell", kind, row, letter, {"check": "formula", "status": status},
                    nip=text(r.get("nip__raw")), name=text(r.get("nama__raw") or r.get("nama")),
                    pokja=text(r.get("kode_pokja__raw")), value=f"{kind}:{fld or letter}:formula:{issue}", params={
                        "p_raw": raw or "=", "p_column_label": labels.get(letter) or letter,
                        "p_allowed": "", "p_reason": both(reason)})


# Empty required cells another rule reports (rules.md D07): no D07 for them.
REPORTED_ELSEWHERE = {
    "pokja": {"kode_target": "K03", "tugas_pokja": "K04", "nomor_sk": "K01", "tanggal_sk": "K01",
              "nip_penetap_sk": "K02", "tanggal_konsultasi_ortala": "K05",
              "tanggal_persetujuan_rencana_kerja": "K10", "tanggal_laporan": "E01",
              "tanggal_diterima_jpt_madya": "E02"},
    "anggota": {"uraian_tugas": "A03", "output": "A04", "nomor_persetujuan_pimpinan": "A06",
                "jenis_jabatan": "A09", "tanggal_rekomendasi_penilaian": "A12"},
    "mph": {"peran_hasil": "M02"},
}
# The person columns, whose emptiness depends on the rest of the row (_nip_required).
_PERSON_FIELDS = {"mph": ("nip", "nama")}
TENAGA_PENDUKUNG = "Tenaga Pendukung"
_NIP_SHEETS = ("pegawai", "mph", "anggota", "surat_tugas")     # the sheets that name people


def _required_fields(spec, table, stage: str) -> list:
    """The columns of `spec` present in `table` that must be filled at `stage`."""
    skip = REPORTED_ELSEWHERE.get(spec.kind, {})
    return [c for c in spec.columns if c.field in table.columns and c.field not in skip
            and c.required in contract.STAGES and runs_in(c.required, stage)
            and c.field not in _PERSON_FIELDS.get(spec.kind, ("nip",))]


def _filled(r: dict, fld: str) -> bool:
    return not is_empty(r, fld)


def _nip_required(u, kind: str, r: dict) -> bool:
    """rules.md D07: an empty NIP counts only on a row that is not a Tenaga Pendukung's and
    has no ID Pegawai. An MPH row naming its person by Nama alone is a layout the contract
    accepts (input-format.md); a member of this unit who is on no Pegawai row is A09's; a
    Pengarah row counts only when it names no owner by name or position (owners.py); a Surat
    Tugas holder found by name on Pegawai as Tenaga Pendukung needs no NIP."""
    if _filled(r, "nip") or _filled(r, "id_pegawai"):
        return False
    if kind == "mph":
        return not _filled(r, "nama")
    if kind == "pegawai":
        return r.get("jenis_jabatan") != TENAGA_PENDUKUNG
    if kind == "anggota":
        if r["position"] == PENGARAH:
            return not r["_owner"]
        return r["jenis"] != TENAGA_PENDUKUNG and (r["outsider"] or r["_person"].pegawai is not None)
    holder = u.people.resolve(r).pegawai          # Surat Tugas
    return holder is None or u.people.rows[holder].get("jenis_jabatan") != TENAGA_PENDUKUNG


def _role_less(r: dict) -> bool:
    """A long-layout MPH row naming a person but neither a target nor a role: the person's MPH
    row without any role, which M08 reports (an employee lent wholly to another unit's Pokja),
    not an unfinished row."""
    return is_empty(r, "kode_target") and is_empty(r, "peran_hasil") and bool(r["_person"].key)


def _required_fact(out, kind, row, letter, labels, fields, r=None, found="") -> None:
    """`found`: the placeholders the empty cells hold (shown as the value found), or ""."""
    r = r or {}
    out.add("cell", kind, row, letter, {"check": "required", "status": "empty"},
            nip=text(r.get("nip__raw")), name=text(r.get("nama__raw")), pokja=text(r.get("kode_pokja__raw")),
            value=f"{kind}:{'+'.join(fields)}:", params={"p_raw": found, "p_column_label": ", ".join(labels),
                                                         "p_allowed": "", "p_reason": ""})


# Not required when the post is vacant and an acting head is named (rules.md D07).
_HEAD_FIELDS = ("nip_jpt_pratama", "nama_jpt_pratama")


def _unit_required(u, out) -> None:
    """The Unit sheet: one fact naming every empty required field (a placeholder is empty)."""
    def empty(entry):
        return entry[2] == "empty" if entry[2] else not entry[0]

    entries = [(c, u.unit_entry(c.field)) for c in contract.UNIT.columns
               if c.required in contract.STAGES and runs_in(c.required, u.stage) and u.unit_entry(c.field)
               and not (u.vacant_head and c.field in _HEAD_FIELDS)]
    empty_fields = [(c, e) for c, e in entries if empty(e)]
    if empty_fields:
        first = empty_fields[0][1]
        found = "; ".join(text(e[1]) for _, e in empty_fields if text(e[1]))
        _required_fact(out, "unit", first[3], first[4], [c.label for c, _ in empty_fields],
                       [c.field for c, _ in empty_fields], found=found)


def required_facts(u, out) -> None:
    """D07: one cell fact per empty cell of a column required at this stage that no other
    rule reports (formula cells are D06's)."""
    _unit_required(u, out)
    for spec in contract.SHEETS:
        table = u.loaded.tables.get(spec.kind)
        if spec.kind == "unit" or table is None:
            continue
        rows = u.members if spec.kind == "anggota" else u.rows(spec.kind)
        fields = _required_fields(spec, table, u.stage)
        person_field = next((f for f in ("nip", "nama") if f in table.columns), None) \
            if spec.kind in _NIP_SHEETS else None
        nip_letter = table.columns[person_field] if person_field else None
        nip_label = spec.column(person_field).label if person_field else ""
        seen: set = set()
        for r in rows:
            row = r["_row"]
            if row in seen:                  # an MPH matrix row is one row per entry here
                continue
            seen.add(row)
            formulas = table.formula_issues or {}
            for c in fields:
                if spec.kind == "mph" and c.field == "kode_target" and _role_less(r):
                    continue
                letter = table.columns[c.field]
                if is_empty(r, c.field) and (row, letter) not in formulas:
                    _required_fact(out, spec.kind, row, letter, [c.label], [c.field], r,
                                   found=text(r.get(c.field + "__raw")))
            if nip_letter and (row, nip_letter) not in formulas and _nip_required(u, spec.kind, r):
                _required_fact(out, spec.kind, row, nip_letter, [nip_label], ["nip"], r,
                               found=text(r.get(person_field + "__raw")))
