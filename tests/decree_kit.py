"""Builds Word drafts of an SK pembentukan Pokja (decree-format.md) at test time. The kit
itself (the WordprocessingML pieces, the package, `SkDraft` in every layout) is
samples/sk_kit.py, which writes the sample drafts too (samples/make_drafts.py); its names are
available here as they always were. This module adds:

- **the example unit's draft**: `example_draft(**changes)` is the compliant draft of the rule
  base's example unit (rules/_example_base.yaml: Asisten Deputi Contoh Kebijakan, Pokja
  Kebijakan Contoh and Pokja Dukungan Teknis dan Administrasi, the same people);
- **small decrees** around a construct: `skeleton(*item_blocks, own=..., dicta=[(ordinal, own
  text, blocks)], head=..., signature=..., lampiran=...)` gives the body of a decree (title,
  number, subject, MEMUTUSKAN, KESATU forming `Pokja Uji Coba`, a signature block, a Lampiran
  with a two-member table); `simple_table(header, rows)` writes a table from str cells.

      d = read_decree("x.docx", build_docx(skeleton(p("a.\\tbutir"), own="Pokja mempunyai tugas:")))
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

_SAMPLES = str(Path(__file__).resolve().parent.parent / "samples")
if _SAMPLES not in sys.path:
    sys.path.append(_SAMPLES)

from sk_kit import *  # noqa: E402,F403 - the kit, under the names the tests have always used
from sk_kit import Person, PokjaSpec, SkDraft, X, p, tbl, tc, tr  # noqa: E402

# The example unit's people (rules/_example_base.yaml)
SRI = Person("Ir. Sri Rahayu, M.P.P.", "19680105 199203 1 002", "Deputi Bidang Koordinasi Contoh", "Pengarah",
             ["Memberi arahan strategis Pokja"], ["Arahan strategis Pokja"])
BAMBANG = Person("Dr. Bambang Sutrisno, S.E., M.Si.", "19750312 200003 1 001", "Asisten Deputi Contoh Kebijakan",
                 "Pengarah", ["Memberi arahan dan menilai hasil Pokja"], ["Penilaian hasil Pokja"])


def example_pokja() -> list[PokjaSpec]:
    return [
        PokjaSpec("Pokja Kebijakan Contoh", "menyusun dan memantau rekomendasi kebijakan contoh",
                  ["Persentase rekomendasi kebijakan yang ditindaklanjuti sebesar 80%"], [
                      Person("Rina Wulandari, S.E., M.Ec.", "19860214 201012 2 001", "Analis Kebijakan Ahli Muda",
                             "Ketua", ["Memimpin penyusunan rekomendasi kebijakan contoh"],
                             ["Dokumen rekomendasi kebijakan contoh"]),
                      Person("Agus Prasetyo, S.T.", "19910723 201903 1 003", "Analis Kebijakan Ahli Pertama",
                             "Anggota", ["Menyusun kajian data pendukung"], ["Laporan kajian data pendukung"]),
                      Person("Dewi Lestari, S.Si., M.E.", "19881105 201402 2 002", "Perencana Ahli Muda", "Anggota",
                             ["Memantau tindak lanjut rekomendasi"], ["Laporan pemantauan tindak lanjut"]),
                  ]),
        PokjaSpec("Pokja Dukungan Teknis dan Administrasi",
                  "menyelenggarakan dukungan administrasi dan pelaporan kinerja unit",
                  ["Nilai SAKIP unit sebesar 80"], [
                      Person("Yoga Pratama, A.Md.", "19930517 202012 1 004", "Pengadministrasi Perkantoran", "Ketua",
                             ["Mengelola administrasi dan laporan kinerja"], ["Laporan kinerja unit"]),
                      Person("Andi Saputra", "", "Pramu Bakti", "Anggota", ["Mengelola persuratan dan arsip"],
                             ["Arsip dan agenda surat unit"], id_pegawai="PPNPN-01"),
                  ]),
    ]


def example_draft(**changes) -> SkDraft:
    """The compliant draft of the rule base's example unit, with `changes` applied."""
    return SkDraft(pokja=example_pokja(), pengarah=[copy.deepcopy(SRI), copy.deepcopy(BAMBANG)]).copy(**changes)


# ============================================================================ small decrees

MINI_POKJA = "Pokja Uji Coba"
MINI_HEADER = ("No", "Nama/NIP", "Jabatan", "Kedudukan", "Uraian Tugas", "Output")
MINI_ROWS = (
    ("1", "Budi Santoso, S.E.\nNIP 19860214 201012 1 001", "Analis Kebijakan Ahli Muda", "Ketua",
     "Memimpin pelaksanaan tugas Pokja", "Laporan Pokja"),
    ("2", "Sari Dewi\nNIP 19900101 201501 2 003", "Analis Kebijakan Ahli Pertama", "Anggota",
     "Menyusun bahan kajian", "Bahan kajian"),
)


def cells_of(value) -> X:
    """A cell from a str ("\\n" starts a new paragraph) or from raw blocks."""
    if isinstance(value, X):
        return value if value.startswith("<w:tc>") else tc(value)
    return tc(*[p(x) for x in str(value).split("\n")])


def simple_table(header, rows, *, borders: bool = True) -> X:
    """A table whose first row is `header` (or no header when None) and whose rows are lists of
    str cells (or tc() strings)."""
    out = [tr(*[cells_of(h) for h in header], header=True)] if header else []
    out += [r if isinstance(r, X) else tr(*[cells_of(c) for c in r]) for r in rows]
    return tbl(out, borders=borders)


def skeleton(*items, own: str | None = None, dicta=None, lampiran: str | None = None, head: str | None = None,
             signature: str | None = None) -> X:
    """A small decree: title, number, subject, MEMUTUSKAN, the dicta (default: KESATU forming
    `Pokja Uji Coba`, with `items` as its item blocks), a signature block and a Lampiran
    (default: a member table of two members)."""
    if head is None:
        head = (p("KEPUTUSAN ASISTEN DEPUTI UJI COBA") + p("NOMOR 1/UJI/2025") + p("TENTANG")
                + p("PEMBENTUKAN POKJA UJI COBA TAHUN 2025") + p("MEMUTUSKAN:"))
    if dicta is None:
        own = own if own is not None else (f"Membentuk {MINI_POKJA} dengan susunan keanggotaan sebagaimana "
                                           "tercantum dalam Lampiran.")
        dicta = [("KESATU", own, list(items))]
    body = head
    for ordinal, text, blocks in dicta:
        body += p(f"{ordinal}\t:\t{text}") + "".join(b if isinstance(b, X) else p(b) for b in blocks)
    if signature is None:
        signature = "".join(p(x) for x in ("Ditetapkan di Jakarta", "pada tanggal 20 Januari 2025",
                                            "ASISTEN DEPUTI UJI COBA,", "ttd", "Budi Utomo", "NIP 197503122000031001"))
    body += signature
    if lampiran is None:
        lampiran = p("LAMPIRAN") + simple_table(MINI_HEADER, MINI_ROWS)
    return X(body + lampiran)
