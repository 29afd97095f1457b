"""The optional master roster (input-format.md, "Optional master roster"): one sheet listing
every employee of the instansi with the unit they belong to, typically a SIASN export whose
upper-case headers (NIP_BARU, NAMA, JENIS_JABATAN_NAMA, JABATAN_NAMA, KODE_UNIT, UNOR,
UNOR_NAMA, "Unit Kerja") load as they are.

`load_roster(path) -> Roster`; a roster that cannot be used raises `RosterError` (its
`message(lang)` is the user text, Indonesian or English). pandas is imported lazily.

Decisions where the contract is silent:
- The roster sheet is the first sheet (workbook order) whose header row, within the first
  20 rows, holds a NIP column and a unit column. Other sheets are ignored.
- Unit columns: `Kode Unit`/`KODE_UNIT` are code columns; `UNOR_NAMA`, `UNOR`, `Unit Kerja`,
  `Nama Unit` name columns. Each may hold a code or a name: a workbook unit matches a roster
  unit when any of the roster unit's values equals its Kode Unit (folded like a code) or its
  Nama Unit (folded for case and spacing). A roster unit is identified by its code column
  value when there is one, else by its first name column value.
- NIPs are read as text (dtype=object): a NIP cell Excel stored as a number keeps only 15
  significant digits. Such rows are kept and matched on those 15 digits only; when
  more than half of the roster's NIPs are numbers the roster is refused (re-export it with
  the NIP column as text).
- "Has a JPT Pratama": Jenis Jabatan or Nama Jabatan names JPT Pratama, Jabatan Pimpinan
  Tinggi Pratama, Eselon II (not III/IV), Asisten Deputi/Asdep, Kepala Biro/Karo or
  Inspektur (an acting "Plt." row counts too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.input.nip import parse_nip
from checker.input.values import cell_text, col_letter, fold_code, fold_header, fold_text
from checker.load import errors

HEADER_SCAN_ROWS = 20

# field -> accepted headers (compared with values.fold_header: case, spaces, _ and - folded)
COLUMNS = {
    "nip": ("NIP", "NIP Baru", "NIP_BARU", "NIP/NI PPPK", "NI PPPK"),
    "nama": ("Nama", "NAMA", "Nama Pegawai", "Nama Lengkap"),
    "jenis_jabatan": ("Jenis Jabatan", "JENIS_JABATAN_NAMA", "JENIS_JABATAN"),
    "nama_jabatan": ("Nama Jabatan", "JABATAN_NAMA", "Jabatan"),
    "unit_code": ("Kode Unit", "KODE_UNIT"),
    "unit_name": ("UNOR_NAMA", "UNOR", "Unit Kerja", "Nama Unit"),
}
_KEYS = {fold_header(alias): (fld, i) for fld, aliases in COLUMNS.items() for i, alias in enumerate(aliases)}

_JPT_PRATAMA_RE = re.compile(
    r"\b(?:jpt pratama|jabatan pimpinan tinggi pratama|asisten deputi|asdep|kepala biro|karo"
    r"|inspektur(?! jenderal))\b|\beselon (?:ii|2)(?![iv0-9])")



@dataclass
class RosterUnit:
    id: str                     # identity: folded code column value, else folded first name value
    code: str | None            # code column value as written
    name: str | None            # name column value as written
    keys: frozenset             # every value of the unit columns, folded as a code and as text
    first_row: int              # Excel row of its first roster row
    n_rows: int = 0
    has_jpt_pratama: bool = False

    def label(self) -> str:
        if self.code and self.name:
            return f"{self.code} ({self.name})"
        return self.code or self.name or "-"


@dataclass
class Roster:
    path: str
    sha256: str
    sheet: str
    header_row: int
    columns: dict               # field -> Excel column letter
    unit_column: str            # letter of the column that identifies units (code column first)
    rows: list                  # dicts: _row, nip (key or None), nip_status, nama, jenis_jabatan, nama_jabatan, unit_id
    units: dict = field(default_factory=dict)       # unit id -> RosterUnit, in roster order
    by_nip: dict = field(default_factory=dict)      # NIP key -> [unit id, ...] (text NIPs)
    by_prefix: dict = field(default_factory=dict)   # first 15 digits -> [unit id, ...] (NIPs stored as numbers)

    def units_of(self, nip_key: str | None) -> list:
        """Roster unit ids listing this NIP ([] when absent); a number-stored roster NIP matches on
        its 15 significant digits."""
        if not nip_key:
            return []
        got = self.by_nip.get(nip_key)
        if got is None and self.by_prefix:
            got = self.by_prefix.get(number_prefix(nip_key))
        return list(got or [])

    def match(self, code: str | None, name: str | None) -> list:
        """Roster unit ids matching a workbook unit by Kode Unit or Nama Unit."""
        keys = unit_keys(code, name)
        return [u.id for u in self.units.values() if u.keys & keys]


def number_prefix(key: str) -> str | None:
    """An 18-digit NIP as Excel keeps it in a number cell: rounded to 15 significant digits."""
    if not key or len(key) != 18 or not key.isdigit():
        return None
    return str((int(key) + 500) // 1000)


def unit_keys(*values) -> frozenset:
    """A unit's comparison keys: each non-empty value folded as a code and as text."""
    out = set()
    for v in values:
        if v is None:
            continue
        t = cell_text(v)
        if t:
            out.add("c:" + fold_code(t))
            out.add("t:" + fold_text(t))
    out.discard("c:")
    out.discard("t:")
    return frozenset(out)


def names_jpt_pratama(*texts) -> bool:
    return any(_JPT_PRATAMA_RE.search(fold_text(t)) for t in texts if t)


def _header(rows):
    """(header row index0, {field: column index0}) of the first row naming a NIP and a unit column."""
    n = min(HEADER_SCAN_ROWS, len(rows))
    for r in range(n):
        found: dict = {}
        for c, v in enumerate(rows[r]):
            hit = _KEYS.get(fold_header(v)) if cell_text(v) else None
            if hit is None:
                continue
            fld, prio = hit
            if fld not in found or prio < found[fld][1]:
                found[fld] = (c, prio)
        if "nip" in found and ("unit_code" in found or "unit_name" in found):
            return r, {f: c for f, (c, _) in found.items()}
    return None


def load_roster(path) -> Roster:
    """Read the master roster. Raises RosterError when it cannot be used. A FIFO, a device or
    a link to one is refused from its stat, before anything opens it. (The command line reads
    it in a reader worker under the same memory and time bound as a unit workbook:
    pipeline/run.master_roster.)"""
    from checker.load.reader import entry_kind

    path = str(path)
    kind = entry_kind(path)
    if kind in ("not_found", "dangling_link"):
        raise errors.roster_not_found(path)
    if kind != "file":
        raise errors.roster_not_a_file(path)
    return read_roster(path)


def read_roster(path: str) -> Roster:
    """Read the roster in this process: the same sniffing, size, zip and used-range checks as
    a unit workbook (load/safety.py), then python_calamine directly."""
    import hashlib

    from checker.load.errors import LoadError
    from checker.load.reader import guard_reader, open_workbook, read_bytes
    from checker.load.safety import safety_check

    try:
        data = read_bytes(path)
    except LoadError as exc:
        if exc.message_key == "not_found":
            raise errors.roster_not_found(path) from None
        raise errors.roster_unreadable(path, exc) from None
    if _is_csv(path, data):
        return _load_csv(path, data, hashlib.sha256(data).hexdigest())
    try:
        safety_check(path, data)        # format, zip bombs, DOCTYPE, used ranges
        wb, metas = open_workbook(path, data)
        for sheet, _hidden in metas:
            got = guard_reader(path, wb.get_sheet_by_name, sheet)
            rows = [[_cell(v) for v in row] for row in guard_reader(path, got.to_python, False)]
            found = _header(rows)
            if found is not None:
                return _build(path, hashlib.sha256(data).hexdigest(), str(sheet), rows[found[0] + 1:], *found)
            del rows
    except LoadError as exc:
        raise errors.roster_unreadable(path, exc) from None
    raise errors.roster_no_sheet(path)


def _cell(v):
    """A cell as pd.read_excel gave it before (whole numbers as int, empty as None)."""
    if type(v) is float and v.is_integer():
        return int(v)
    return None if v == "" else v


def _is_csv(path: str, data: bytes) -> bool:
    """A roster that is no zip archive (xlsx/xlsm) and is named or looks like text is a CSV."""
    from checker.load.csvroster import looks_like_csv

    if data[:4] == b"PK\x03\x04":
        return False
    return path.lower().endswith((".csv", ".txt", ".tsv")) or looks_like_csv(data)


def _csv_header(cells: list[str]):
    """True for a CSV header row (a NIP and a unit column), the RosterError factory of what it
    lacks for a row naming other roster columns (errors.roster_csv_no_nip, _no_unit), else
    False (a title line)."""
    fields = {_KEYS[k][0] for k in (fold_header(c) for c in cells if c) if k in _KEYS}
    if "nip" in fields and fields & {"unit_code", "unit_name"}:
        return True
    if "nip" not in fields and len(fields) >= 2:
        return errors.roster_csv_no_nip
    if "nip" in fields:
        return errors.roster_csv_no_unit
    return False


def _load_csv(path: str, data: bytes, sha: str) -> Roster:
    """A SIASN-style CSV roster: its header row's columns, then _build over its rows."""
    from checker.load.csvroster import clean, read_csv

    got = read_csv(path, data, _csv_header)
    header = got.rows[got.header]
    cols: dict = {}
    for c, v in enumerate(header):
        hit = _KEYS.get(fold_header(v.strip())) if v.strip() else None
        if hit is not None and (hit[0] not in cols or hit[1] < cols[hit[0]][1]):
            cols[hit[0]] = (c, hit[1])
    body = [[clean(v) for v in row] for row in got.rows[got.header + 1:]]
    lines = got.lines[got.header + 1:]
    return _build(path, sha, "CSV", body, got.lines[got.header] - 1, {f: c for f, (c, _) in cols.items()},
                  lines=lines)


def _build(path, sha, sheet, body, hr, cols, lines=None) -> Roster:
    """`body`: the rows under the header row (lists of cells); `hr`: the header's 0-based row;
    `lines`: each body row's own 1-based line (a CSV's quoted cells may span lines)."""
    def column(fld):
        c = cols.get(fld)
        return [row[c] if c < len(row) else None for row in body] if c is not None else [None] * len(body)

    data = {f: column(f) for f in COLUMNS}
    rows, units = [], {}
    by_nip: dict = {}
    by_prefix: dict = {}
    keys_cache: dict = {}
    n_number = n_nip = 0
    for i, cells in enumerate(zip(*(data[f] for f in COLUMNS))):
        texts = dict(zip(COLUMNS, (cell_text(v) for v in cells)))
        if not any(texts.values()):
            continue                                    # an empty row
        excel_row = lines[i] if lines is not None else hr + 2 + i
        nip = parse_nip(cells[0])
        code, name = texts["unit_code"], texts["unit_name"]
        uid = fold_code(code) if code else fold_text(name)
        if uid:
            u = units.get(uid)
            if u is None:
                u = units[uid] = RosterUnit(uid, code or None, name or None, frozenset(), excel_row)
            pair = (code, name)
            keys = keys_cache.get(pair)
            if keys is None:
                keys = keys_cache[pair] = unit_keys(code, name)
                u.keys = u.keys | keys
            u.n_rows += 1
            u.name = u.name or name or None
            if not u.has_jpt_pratama and names_jpt_pratama(texts["jenis_jabatan"], texts["nama_jabatan"]):
                u.has_jpt_pratama = True
        if nip.key:
            n_nip += 1
            if nip.status == "number":
                n_number += 1
                prefix = number_prefix(nip.key)
                if prefix:
                    by_prefix.setdefault(prefix, []).append(uid)
            else:
                by_nip.setdefault(nip.key, []).append(uid)
        rows.append({"_row": excel_row, "nip": nip.key, "nip_status": nip.status, "nama": texts["nama"],
                     "jenis_jabatan": texts["jenis_jabatan"], "nama_jabatan": texts["nama_jabatan"],
                     "unit_id": uid})
    if n_nip == 0:
        raise errors.roster_no_rows(path, sheet=sheet)
    if n_number * 2 > n_nip:
        raise errors.roster_nip_numbers(path, sheet=sheet, numbers=n_number, nips=n_nip)
    letters = {f: col_letter(c) for f, c in cols.items()}
    unit_column = letters.get("unit_code") or letters["unit_name"]
    return Roster(path, sha, sheet, hr + 1, letters, unit_column, rows, units, by_nip, by_prefix)
