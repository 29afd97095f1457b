"""What the decree reader returns (decree-format.md §3.3-§3.6, §5): a `Decree` whose every
item carries its `Location`. Later stages (facts, S rules, outputs, the annotated copy) read
only this model; none of it holds an XML element, so it crosses process boundaries.

Pokja are referred to by their **key**: the name folded as §3.6 says (case, punctuation and
whitespace folded, without a leading `Pokja`, `Kelompok Kerja` or `Tim Kerja` and without a
trailing bracket). `Decree.formed` gives each key's name as written.

Texts: `text` is as Word shows it (typed labels such as "a." included, Word's numbering
labels in front where the contract says "with numbering labels"); `plain` drops Word's
numbering labels. Both keep line breaks. Comparisons later drop every label (§3.7).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checker.input.values import is_blank

# Parts a location names (§6.1 `document.part`).
PARTS = ("judul", "nomor", "tentang", "menimbang", "mengingat", "diktum", "lampiran", "penandatanganan", "dokumen")


@dataclass(frozen=True)
class Location:
    """Where an item is in the document (§5). `label` is the Indonesian location label, the
    same in every language (`Diktum KEDUA huruf b`, `Lampiran tabel 1 baris 7 kolom Output`).
    `paragraph` is 1-based among body paragraphs outside tables; `table` is numbered within
    its part (for a diktum: within that diktum); `row` is 1-based as Word shows it (a merged
    cell's first row); `column` is the column's header text. `anchor` is the index path from
    w:body of the w:p a comment on this item goes to (the paragraph, or the origin cell's
    first paragraph; see resolve_anchor); None in a header or footer."""
    part: str
    label: str
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: str | None = None
    anchor: tuple[int, ...] | None = None

    def to_json(self) -> dict:
        """The `document` object of a finding (§6.1)."""
        return {"part": self.part, "paragraph": self.paragraph, "table": self.table, "row": self.row,
                "column": self.column, "label": self.label}


DOCUMENT = Location("dokumen", "Dokumen")


def resolve_anchor(body, anchor: tuple[int, ...]):
    """The element at `anchor` under `body` (the w:body element of any parse of the same
    word/document.xml), or None when the path does not exist there."""
    el = body
    for i in anchor:
        if i >= len(el):
            return None
        el = el[i]
    return el


@dataclass(frozen=True)
class Title:
    """§3.3 title: `KEPUTUSAN` / `ASISTEN DEPUTI ...` / `KEMENTERIAN ...` up to NOMOR."""
    instrument: str               # the instrument word, upper case ("KEPUTUSAN", "NOTA DINAS")
    issuer: str                   # the rest up to NOMOR, its lines joined by one space
    issuer_lines: tuple[str, ...]
    text: str                     # the whole title as written (lines joined by "\n")
    location: Location


@dataclass(frozen=True)
class DecreeNumber:
    """§3.3 number: the text after `NOMOR` and an optional ':'. `blank` when not found,
    empty, a placeholder or holding a gap (`blank_reason` says which)."""
    text: str
    blank: bool
    blank_reason: str             # "" | "missing" | "empty" | "placeholder" | "gap"
    location: Location | None


@dataclass(frozen=True)
class Subject:
    """§3.3 subject: the text after `TENTANG`; `year` is its `TAHUN yyyy` (None when none)."""
    text: str
    year: int | None
    location: Location


@dataclass(frozen=True)
class Item:
    """A paragraph under a heading (a diktum's item, a Menimbang point). `ref` is how the
    location names it ("huruf b", "angka 1", "huruf b angka 1", "butir 3")."""
    text: str                     # as written, without Word's label (typed labels stay)
    label: str                    # Word's numbering label, "" when none
    ref: str
    location: Location

    @property
    def labelled(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Consideration:
    """Menimbang, Mengingat or Memperhatikan: its text (its first line after the word, then
    its items, with labels, one per line) and items."""
    kind: str                     # "menimbang" | "mengingat" | "memperhatikan"
    text: str
    items: tuple[Item, ...]
    location: Location


@dataclass
class TableRef:
    """A table of a diktum or of the Lampiran, numbered within it. `columns` maps a grid
    column to its header text (the lowest non-empty header cell), `keys` to the canonical
    column it is (table_headers.py: "nama", "kedudukan", "uraian_tugas", "output", "pokja",
    "target", "tugas_pokja", ...); both empty when no header was recognised."""
    number: int
    location: Location
    n_rows: int
    header_rows: tuple[int, ...] = ()           # 0-based
    columns: dict[int, str] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    kind: str = "other"           # "member" | "target" | "task" | "other"


@dataclass
class Diktum:
    """One diktum (§3.3): the ordinal, its own text, its items (the paragraphs up to the next
    diktum, the signature or the Lampiran) and its tables."""
    ordinal: str                  # "KESATU", ..., "PERTAMA" (upper case)
    index: int                    # 1-based order in the decree
    text: str                     # its own paragraph after "ORDINAL :"
    location: Location
    items: list[Item] = field(default_factory=list)
    tables: list[TableRef] = field(default_factory=list)
    forms: bool = False           # its own text contains "membentuk"
    is_target: bool = False       # its own text contains "target kinerja" (§3.5)
    is_task: bool = False         # "mempunyai tugas", "bertugas", "dengan tugas" or "tugas Pokja"

    @property
    def full_text(self) -> str:
        """Its own text and its items, one per line (Word labels included)."""
        return "\n".join([self.text] + [i.labelled for i in self.items])


@dataclass(frozen=True)
class DecreeDate:
    """§3.3 date of penetapan (`pada tanggal ...`): "blank" (empty, a placeholder, a gap or
    no day), "readable" (`value` set) or "unreadable" (written but not a date, `31 Juni
    2025`)."""
    text: str
    status: str
    value: date | None = None


@dataclass(frozen=True)
class Signature:
    """§3.3 signature block, from `Ditetapkan di`."""
    place: str
    date: DecreeDate
    office_lines: tuple[str, ...]  # each office line as written (an a.n. block has two or more)
    acting: bool                  # the office begins with Plt./Plh./Pelaksana Tugas/Pelaksana Harian
    on_behalf: bool               # a.n./atas nama/u.b.
    signer: str                   # "" when no name follows
    nip: str                      # the NIP line after "NIP" as written, "" when none
    nip_key: str | None           # its digits (checker.input.nip key), None when none
    location: Location

    @property
    def office(self) -> str:
        return " ".join(self.office_lines)


@dataclass(frozen=True)
class FormedPokja:
    """A Pokja the decree forms (§3.6): its name as written and its key, the text it was
    found in and where. `source`: "diktum_item", "diktum_name", "pokja_column",
    "section_row" or "heading"."""
    name: str
    key: str
    text: str
    source: str
    location: Location


@dataclass(frozen=True)
class Kedudukan:
    """A member row's Kedudukan read with the workbook vocabulary (checker.input.vocab):
    `value` canonical (Pengarah, Ketua, Wakil Ketua, Sekretaris, Anggota) or None;
    `status` "ok", "empty" or "unreadable"; `also_member` for `Ketua merangkap Anggota`."""
    raw: str
    value: str | None
    status: str
    also_member: bool = False


@dataclass(frozen=True)
class CellValue:
    """A member row's cell: `text` with Word's numbering labels, `plain` without."""
    text: str
    plain: str
    location: Location

    @property
    def blank(self) -> bool:
        """Empty or a placeholder (counts as empty everywhere)."""
        return is_blank(self.plain)


@dataclass
class MemberRow:
    """One row of a member table (§3.4)."""
    table: int                    # the Lampiran table number
    row: int                      # 1-based row as Word shows it
    location: Location            # the row (its Nama cell's anchor)
    name: str                     # as written, NIP and bracketed ID taken out
    name_key: str                 # checker.input.person_names.fold_name
    nip: str | None               # digits (checker.input.nip key), None when none
    nip_raw: str
    nip_status: str               # "valid" | "invalid" | "empty"
    id_pegawai: str
    kedudukan: Kedudukan
    kedudukan_location: Location
    jabatan: CellValue | None
    uraian_tugas: CellValue | None   # None when the table has no Uraian Tugas column
    output: CellValue | None
    pokja: str | None             # the key of its Pokja, None when none could be told
    pokja_source: str             # "column" | "section" | "heading" | "only" | "pengarah_block" | ""
    common_pengarah: bool = False  # in a common PENGARAH block: Pengarah of every formed Pokja
    name_location: Location | None = None


@dataclass
class Member:
    """A person in one Pokja: the rows of the same person (NIP, else ID, else folded name)
    joined. For a common Pengarah row, one Member per formed Pokja."""
    pokja: str | None
    name: str
    name_key: str
    nip: str | None
    nip_raw: str
    id_pegawai: str
    positions: frozenset[str]     # canonical Kedudukan values read on its rows
    kedudukan: tuple[Kedudukan, ...]
    uraian_tugas: str             # its rows' texts joined by line breaks (labels included)
    uraian_tugas_plain: str
    output: str
    output_plain: str
    rows: tuple[MemberRow, ...]
    location: Location            # its first row

    @property
    def also_member(self) -> bool:
        return any(k.also_member for k in self.kedudukan)

    @property
    def unreadable(self) -> bool:
        """A Kedudukan written but not read (not compared by S19; counts as a member position)."""
        return any(k.status == "unreadable" for k in self.kedudukan)

    @property
    def common_pengarah(self) -> bool:
        return any(r.common_pengarah for r in self.rows)


@dataclass
class MemberTable:
    """A Lampiran member table (§3.4)."""
    ref: TableRef
    rows: list[MemberRow] = field(default_factory=list)
    pokja: tuple[str, ...] = ()   # the keys of the Pokja it lists
    sections: list[tuple[str, str | None, Location]] = field(default_factory=list)  # (text, key|"PENGARAH"|None, where)

    @property
    def has_uraian_tugas(self) -> bool:
        return "uraian_tugas" in self.ref.keys.values()

    @property
    def has_output(self) -> bool:
        return "output" in self.ref.keys.values()


@dataclass(frozen=True)
class TextPiece:
    """A piece of target or task text (§3.5). `pokja` is the key of the Pokja it belongs to,
    None when it names none (unattributed: it counts for every Pokja). `text` is the content
    (after the Pokja's name and `:`, `-`, `,`, `yaitu`, `bertugas`, `mempunyai tugas`);
    `whole` the item or cell as written. `source`: "item", "table_row", "table_column",
    "own_text"."""
    kind: str                     # "target" | "task"
    text: str
    whole: str
    pokja: str | None
    source: str
    location: Location


@dataclass(frozen=True)
class Revision:
    """A tracked change (S14): "insertion", "deletion" or "move"; `story` "body", "header"
    or "footer". Formatting changes are not revisions."""
    kind: str
    author: str
    date: str
    story: str
    location: Location


@dataclass(frozen=True)
class Comment:
    """A Word comment: resolved when marked done (w15:done="1" in commentsExtended.xml, or
    its thread's first comment is)."""
    id: str
    author: str
    initials: str
    date: str
    text: str
    resolved: bool
    story: str                    # "body", "header", "footer" or "" (anchor not found)
    location: Location


@dataclass(frozen=True)
class MissingPart:
    """A part the rules need that is not found or not readable (S03): `what` is "title",
    "diktum", "member_table" or "date"; `found` the text written (for a date)."""
    what: str
    location: Location
    found: str = ""


@dataclass
class Lampiran:
    """§3.3 Lampiran: from the `LAMPIRAN` paragraph after the signature, or the first member
    table. `headings` are its non-empty paragraphs outside tables, `tables` all its tables."""
    location: Location
    headings: list[tuple[str, Location]] = field(default_factory=list)
    tables: list[TableRef] = field(default_factory=list)


@dataclass
class Decree:
    """A decree draft as read (decree-format.md §3)."""
    path: str
    sha256: str
    title: Title | None = None
    number: DecreeNumber | None = None
    subject: Subject | None = None
    considerations: list[Consideration] = field(default_factory=list)
    dicta: list[Diktum] = field(default_factory=list)
    signature: Signature | None = None
    lampiran: Lampiran | None = None
    member_tables: list[MemberTable] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    formed: list[FormedPokja] = field(default_factory=list)
    targets: list[TextPiece] = field(default_factory=list)
    tasks: list[TextPiece] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    missing: list[MissingPart] = field(default_factory=list)
    paragraphs: int = 0           # body paragraphs outside tables

    # ------------------------------------------------------------ convenience

    @property
    def is_decree(self) -> bool:
        """A title, a diktum or a member table was found (§2: else `not_a_decree`)."""
        return self.title is not None or bool(self.dicta) or bool(self.member_tables)

    @property
    def pokja_keys(self) -> list[str]:
        return [p.key for p in self.formed]

    def pokja(self, key: str) -> FormedPokja | None:
        return next((p for p in self.formed if p.key == key), None)

    def members_of(self, key: str | None) -> list[Member]:
        return [m for m in self.members if m.pokja == key]

    def _text_of(self, pieces: list[TextPiece], key: str) -> list[TextPiece]:
        own = [p for p in pieces if p.pokja == key]
        return own or [p for p in pieces if p.pokja is None]

    def target_pieces(self, key: str) -> list[TextPiece]:
        """A Pokja's target text (§3.5): its own pieces, or the unattributed ones."""
        return self._text_of(self.targets, key)

    def task_pieces(self, key: str) -> list[TextPiece]:
        return self._text_of(self.tasks, key)

    def target_text(self, key: str) -> str:
        return "\n".join(p.text for p in self.target_pieces(key))

    def task_text(self, key: str) -> str:
        return "\n".join(p.text for p in self.task_pieces(key))

    @property
    def revision_counts(self) -> dict[str, int]:
        """{"insertion": n, "deletion": n, "move": n} over body, headers and footers."""
        out = {"insertion": 0, "deletion": 0, "move": 0}
        for r in self.revisions:
            out[r.kind] += 1
        return out

    @property
    def revision_authors(self) -> list[str]:
        """The authors of the revisions and of the open comments, in order of appearance."""
        out: list[str] = []
        for who in [r.author for r in self.revisions] + [c.author for c in self.open_comments]:
            if who and who not in out:
                out.append(who)
        return out

    @property
    def open_comments(self) -> list[Comment]:
        return [c for c in self.comments if not c.resolved]

    def diktum(self, ordinal: str) -> Diktum | None:
        return next((d for d in self.dicta if d.ordinal == ordinal.upper()), None)
