"""Where an annotated copy marks a finding: the cell to fix, which is not always where the
finding is located. A finding about a Pokja as a whole sits on its Kode Pokja cell; the fix lies
in the columns the rule's condition reads (facts/schema.py, FieldSpec.reads):

- on the finding's own row, when the rule reads other columns of that sheet (K06: Tanggal
  Mulai or Tanggal Selesai, the one the condition found wrong where the evidence says so);
- else on the Pokja's member rows of Anggota Pokja, in the first column the rule reads there
  (K07, K08: Kedudukan), when the rule reads that sheet.

    fix_cells(finding, rule, columns, pokja_rows) -> [(sheet name, row, column letter)] | None

`columns`: sheet kind -> (sheet name, {field: letter}) of the input; `pokja_rows`: Kode Pokja ->
its rows on Anggota Pokja. None: mark the finding where it is."""
from __future__ import annotations

from checker.facts.schema import KINDS

POKJA_KEY = "kode_pokja"
MEMBER_SHEET = "anggota"


def _reads(rule, fields) -> list[tuple[str, str]]:
    """(sheet kind, field) of every column the rule's `fields` read, in field order."""
    spec = KINDS.get(rule.fact)
    out: list[tuple[str, str]] = []
    for name in sorted(fields):
        fs = spec.fields.get(name) if spec else None
        for read in (fs.reads if fs else ()):
            if read.field and (read.sheet, read.field) not in out:
                out.append((read.sheet, read.field))
    return out


def fix_cells(finding, rule, columns: dict, pokja_rows: dict):
    if rule is None or finding.row is None or not finding.column:
        return None
    own = next((k for k, (name, _) in columns.items() if name == finding.sheet), None)
    if own is None:
        return None
    name, letters = columns[own]
    if letters.get(POKJA_KEY) != finding.column:
        return None                              # a finding on a cell of its own: that cell
    fields = rule.fields_used()
    found_true = {k for k, v in (finding.evidence or {}).items() if v is True and k in fields}
    for chosen in ([found_true] if found_true else []) + [fields]:
        mine = [fld for kind, fld in _reads(rule, chosen) if kind == own and fld != POKJA_KEY and fld in letters]
        if mine:
            return [(name, finding.row, letters[fld]) for fld in mine]
    members = pokja_rows.get(finding.pokja or "")
    if members and MEMBER_SHEET in columns:
        sheet, member_letters = columns[MEMBER_SHEET]
        fld = next((fld for kind, fld in _reads(rule, fields)
                    if kind == MEMBER_SHEET and fld != POKJA_KEY and fld in member_letters), None)
        letter = member_letters.get(fld) or member_letters.get(POKJA_KEY)
        if letter:
            return [(sheet, row, letter) for row in sorted(set(members))]
    return None
