"""Who is who: the one person-matching rule of input-format.md ("Matching and comparing"),
used by every fact that matches people, and the employee facts.

A row of any sheet names its person by NIP, ID Pegawai and/or Nama. It is the Pegawai
row with the same NIP where both have one; else the one with the same ID Pegawai where
both have one; else the one with the same name (input.names.fold_name: titles, case and
punctuation folded), provided no NIP or ID Pegawai of the two rows contradicts it. A row
that matches nobody on Pegawai is identified by its own NIP, else ID Pegawai, else folded
name.

The officials named on the Unit sheet (JPT Pratama, its Plt, JPT Madya) are recognised in
owners.py: by NIP, and on a Pengarah row without NIP by name or position (rules.md v3).
Across units a person is their NIP (`nip_key`): the row's own, or that of the Pegawai row
the row was matched to.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.facts.declare import col, count, fact_kind, flag, sheet
from checker.input.person_names import fold_name
from checker.input.values import fold_text, is_placeholder
from checker.input.vocab import JPT_JENIS, canonical_values, is_not_active

# The values of a jenis jabatan field ("": unknown).
JENIS_JABATAN = ("",) + tuple(canonical_values("jenis_jabatan"))


def text(x) -> str:
    """A loader value as text: None/NaN -> ''."""
    if x is None:
        return ""
    if type(x) is str:
        return x
    if isinstance(x, float) and x != x:
        return ""
    return str(x)


def shown(r: dict, fld: str) -> str:
    """The cell as the user wrote it (F__raw), else its parsed value."""
    return text(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld)) or text(r.get(fld))


def is_empty(r: dict, fld: str) -> bool:
    """The cell is empty or holds only a placeholder (`-`, `...`, `belum diisi`: input-format.md,
    Values); a value that cannot be read, or a formula, counts as given."""
    st = r.get(fld + "__st")
    if st is not None:
        return st == "empty"
    raw = text(r.get(fld + "__raw") if (fld + "__raw") in r else r.get(fld))
    return not raw or is_placeholder(raw)


def found_placeholder(r: dict, *fields: tuple[str, str]) -> str:
    """What a finding about an empty cell shows as found when the cell holds a placeholder:
    `Output: “-”` for each (field, label) whose cell is a placeholder; "" when none is."""
    out = []
    for fld, label in fields:
        raw = text(r.get(fld + "__raw"))
        if raw and is_placeholder(raw):
            out.append(f"{label}: \u201c{raw}\u201d")
    return "; ".join(out)


@dataclass(frozen=True)
class Person:
    key: str                  # "p<i>" for Pegawai row i, else "n:<nip>", "i:<id>", "m:<name>", or ""
    pegawai: int | None       # index of the matched Pegawai row
    nip_key: str              # the person's NIP (digits as written), "" when unknown
    nip_status: str           # status of that NIP ("valid", "invalid", "number", "empty")

    @property
    def uncertain(self) -> bool:
        """Identified by nothing but a NIP stored as a number, whose last digits cannot be
        trusted (rules.md, one cause): the rules that need to match this person stay silent."""
        return self.nip_status == "number" and self.key.startswith("n:")


def _nip_of(r: dict) -> str:
    """The row's NIP as an identity: a NIP stored as a number identifies nobody (input-format.md)."""
    return "" if r.get("nip__st") == "number" else text(r.get("nip"))


class _Index:
    """Rows findable by NIP, ID Pegawai and folded name (the first row of each wins)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.by_nip: dict[str, int] = {}
        self.by_id: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        for i, r in enumerate(rows):
            self.add(i, r)

    def add(self, i: int, r: dict) -> None:
        for index, key in ((self.by_nip, _nip_of(r)), (self.by_id, fold_text(text(r.get("id_pegawai")))),
                           (self.by_name, fold_name(text(r.get("nama"))))):
            if key and key not in index:
                index[key] = i

    def _conflicts(self, j: int, nip: str, pid: str, by_name: bool, nip_may_differ: bool = False) -> bool:
        p = self.rows[j]
        pn = _nip_of(p)
        if nip and pn and pn != nip and not nip_may_differ:
            return True
        if by_name:
            pi = fold_text(text(p.get("id_pegawai")))
            return bool(pid and pi and pi != pid)
        return False

    def find(self, r: dict, nip_may_differ: bool = False) -> int | None:
        """The row of `r`'s person. `nip_may_differ`: a row with another NIP may still be the
        person by ID Pegawai or name (a decree and its workbook: their NIPs are compared,
        decree-format.md S18), which a workbook's own sheets never allow."""
        nip = _nip_of(r)
        pid = fold_text(text(r.get("id_pegawai")))
        name = fold_name(text(r.get("nama")))
        i = self.by_nip.get(nip) if nip else None
        if i is None and pid:
            j = self.by_id.get(pid)
            if j is not None and not self._conflicts(j, nip, pid, False, nip_may_differ):
                i = j
        if i is None and name:
            j = self.by_name.get(name)
            if j is not None and not self._conflicts(j, nip, pid, True, nip_may_differ):
                i = j
        return i


class PersonIndex:
    """The Pegawai sheet's people, and the rule that finds a row's person among them. People
    who are not on Pegawai (members from elsewhere, or every member when the sheet is missing)
    join through `register`, so that an MPH or Surat Tugas row finds them by the same rule."""

    def __init__(self, pegawai_rows: list[dict]):
        self.rows = pegawai_rows
        self._pegawai = _Index(pegawai_rows)
        self._others = _Index([])
        self._other_people: list[Person] = []
        self._resolved: dict[tuple, Person] = {}     # rows naming the same person the same way

    def find(self, r: dict, nip_may_differ: bool = False) -> int | None:
        """The Pegawai row index of row `r`'s person, or None (`nip_may_differ`: _Index.find)."""
        return self._pegawai.find(r, nip_may_differ)

    def register(self, r: dict) -> Person:
        """Row `r`'s person, as `resolve`; one who is on no Pegawai row (a member from
        elsewhere, or anyone when the sheet is missing) is remembered, so that later rows of
        any sheet find them by the same rule."""
        person = self.resolve(r)
        if person.pegawai is None and person.key and self._others.find(r) is None:
            self._others.rows.append(r)
            self._others.add(len(self._others.rows) - 1, r)
            self._other_people.append(person)
            self._resolved.clear()              # a row that matched nobody may match this one now
        return person

    def resolve(self, r: dict) -> Person:
        key = (r.get("nip"), r.get("nip__st"), r.get("id_pegawai"), r.get("nama"))
        got = self._resolved.get(key)
        if got is None:
            got = self._resolved[key] = self._resolve(r)
        return got

    def _resolve(self, r: dict) -> Person:
        i = self._pegawai.find(r)
        nip = text(r.get("nip"))
        status = text(r.get("nip__st")) or ("valid" if nip else "empty")
        if i is not None:
            p = self.rows[i]
            if nip and status != "number" and p.get("nip__st") == "number":
                # The Pegawai row's NIP is a number found by name: this row's text NIP now
                # names the same person for the rows that carry a NIP only (Surat Tugas).
                self._pegawai.by_nip.setdefault(nip, i)
            if not nip or status == "number":   # matched by ID Pegawai or name: the Pegawai row's NIP
                p = self.rows[i]
                nip, status = text(p.get("nip")), text(p.get("nip__st")) or ("valid" if text(p.get("nip")) else "empty")
            return Person(f"p{i}", i, nip, status)
        j = self._others.find(r) if self._other_people else None
        if j is not None:
            return self._other_people[j]
        if nip:
            return Person("n:" + nip, None, nip, status)
        pid = fold_text(text(r.get("id_pegawai")))
        if pid:
            return Person("i:" + pid, None, "", "empty")
        name = fold_name(text(r.get("nama")))
        return Person("m:" + name, None, "", "empty") if name else Person("", None, "", "empty")


# A row of MPH, Anggota Pokja or Surat Tugas whose person is only a NIP stored as a number.
UNCERTAIN = flag(
    "uncertain",
    id="NIP tersimpan sebagai angka dan orangnya tidak dapat dicocokkan menurut nama: pencocokan tidak pasti",
    en="the NIP is stored as a number and the person cannot be matched by name: the match is uncertain")

EMPLOYEE = fact_kind(
    "employee", id="satu per baris sheet Pegawai", en="one per Pegawai sheet row",
    fields=[
        flag("is_jpt", id="jenis jabatan JPT Pratama atau JPT Madya", en="jenis jabatan is JPT Pratama or JPT Madya",
             reads=col("pegawai", "jenis_jabatan")),
        count("n_mph_row", id="jumlah baris MPH yang menyebut pegawai ini, dengan atau tanpa peran hasil",
              en="number of MPH rows naming this employee, with or without a peran hasil", reads=sheet("mph")),
        # a long-layout row with a target and a blank Peran Hasil counts: M02 reports it (one cause)
        count("n_mph_entry",
              id="jumlah entri MPH milik pegawai ini: peran hasil terisi, atau baris tata letak panjang yang menyebut "
                 "target tetapi Peran Hasil-nya kosong (dilaporkan M02)",
              en="number of this employee's MPH entries: a filled peran hasil, or a long-layout row naming a target "
                 "with a blank Peran Hasil (reported by M02)", reads=[sheet("mph"), col("mph", "peran_hasil")]),
        count("nip_repeat", id="0 untuk kemunculan pertama NIP pada sheet Pegawai; k untuk pengulangan ke-k",
              en="0 for a NIP's first row on Pegawai; k for its k-th repetition", reads=col("pegawai", "nip")),
        flag("active",
             id="pegawai aktif: Kedudukan Hukum dan Status Kepegawaian tidak menyatakan tugas belajar, CLTN, MPP, dan "
                "sebagainya (input-format.md, Not active)",
             en="an active employee: neither Kedudukan Hukum nor Status Kepegawaian says tugas belajar, CLTN, MPP "
                "and so on (input-format.md, Not active)",
             reads=[col("pegawai", "kedudukan_hukum"), col("pegawai", "status_kepegawaian")]),
        flag("uncertain",
             id="NIP tersimpan sebagai angka dan tidak ada baris MPH atau Anggota Pokja yang cocok dengan pegawai ini "
                "menurut nama: pencocokan tidak pasti; atau NIP-nya juga tercantum pada sheet Pegawai unit lain "
                "(X01) atau oleh roster induk ditempatkan pada unit lain (X04), kecuali roster menempatkannya pada "
                "unit ini: kedudukannya pada unit ini tidak pasti",
             en="the NIP is stored as a number and no MPH or Anggota Pokja row matches this employee by name: the "
                "match is uncertain; or the NIP is also on another unit's Pegawai sheet (X01) or the master roster "
                "places it under another unit (X04), unless the roster places it under this unit: their place in "
                "this unit is uncertain"),
    ],
    params=["p_first_row", "p_jabatan", "p_status"],
    hidden=["_nip_key", "_nip_status"])


def employee_facts(u, out) -> None:
    """One fact per Pegawai row: JPT or not, active or not, MPH entries, NIP repetitions (D02)."""
    entries: dict[str, int] = {}
    lines: dict[str, set] = {}
    long = u.loaded.mph_layout != "matrix"
    for r in u.mph:
        key = r["_person"].key
        if not key:
            continue
        lines.setdefault(key, set()).add(r.get("_line", r["_row"]))
        if r.get("peran_hasil") or (long and text(r.get("kode_target"))):
            entries[key] = entries.get(key, 0) + 1
    # Pegawai rows some other row was matched to: a NIP stored as a number found by name
    matched = {r["_person"].pegawai for r in u.mph} | {m["_person"].pegawai for m in u.members}
    seen: dict[str, list] = {}
    for i, r in enumerate(u.rows("pegawai")):
        nip = text(r.get("nip"))
        repeat = 0
        if nip:
            repeat = len(seen.setdefault(nip, []))
            seen[nip].append(r["_row"])
        jenis = r.get("jenis_jabatan") or ""
        person = u.people.resolve(r)
        out.add("employee", "pegawai", r["_row"], u.person_cell("pegawai", r), {
            "is_jpt": jenis in JPT_JENIS, "n_mph_row": len(lines.get(person.key, ())),
            "n_mph_entry": entries.get(person.key, 0), "nip_repeat": repeat,
            "active": not is_not_active(r.get("kedudukan_hukum"), r.get("status_kepegawaian")),
            "uncertain": r.get("nip__st") == "number" and i not in matched,
        }, nip=text(r.get("nip__raw")) or nip, name=shown(r, "nama"), value=f"{nip}#{repeat}" if repeat else nip,
            params={"p_first_row": seen[nip][0] if nip else "", "p_jabatan": text(r.get("nama_jabatan__raw")),
                    "p_status": text(r.get("kedudukan_hukum")) or text(r.get("status_kepegawaian")) or "-"},
            hidden={"_nip_key": nip, "_nip_status": text(r.get("nip__st")) or "empty"})
