"""Writes the sample decree drafts of cek-pokja: one SK pembentukan Pokja (.docx) per sample unit
(fictional data, Kemenko Perekonomian), as units draft them in Word (decree-format.md).

Run:  python samples/make_drafts.py [OUT_DIR]

Without OUT_DIR the drafts are written into the folder of this script, beside the workbooks
of make_samples.py. Each draft is written with samples/sk_kit.py from the same description of
the unit that make_samples.py writes its workbook from (its people and NIPs, Pokja, tasks,
targets, members, uraian tugas and output, SK number and date, head and JPT Madya), so the two
agree, and in a layout of its own (LAYOUTS). Where a unit sets its Pokja by one SK per Pokja,
its draft is the SK of one Pokja (POKJA). Two drafts carry one planted mistake each (PLANTED).
A Pokja whose name holds a comma (`Pokja Kopi, Kakao, dan Hilirisasi`) is followed by its Kode
Pokja where the decree forms it: a name in that list ends at its first comma (decree-format.md
§3.6), and the code pairs it with the workbook's Pokja.
The output is reproducible: fixed data, and every zip entry carries a fixed timestamp.

EXPECTED_DRAFTS lists, per draft, one (rule_id, description) per finding the checker reports
for it when the sample folder is checked at stage penetapan (`cek-pokja check samples/`):
the compliant unit D1.AS1's draft gives none, every other draft is paired with its unit's
workbook and gives none, but the two planted ones, one finding each. Drafts never change what
the workbooks give (make_samples.EXPECTED).
"""
from __future__ import annotations

import copy
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import make_samples as ms  # noqa: E402 - the units' descriptions, and their NIPs
from sk_kit import Person, PokjaSpec, SkDraft  # noqa: E402

# The canonical Kedudukan a draft writes (what a workbook writes otherwise, e.g. "Koordinator
# Kegiatan", is the workbook's own data error, D03; the decree says Anggota).
KEDUDUKAN = ("Ketua", "Wakil Ketua", "Sekretaris", "Anggota")

# unit -> (file, layout switches of sk_kit.SkDraft): the layouts units use
LAYOUTS = {
    "D1.AS1": ("sk-d1-as1.docx", dict(numbering="word")),                         # one member table per Pokja
    "D1.AS2": ("sk-d1-as2.docx", dict(diktum="table")),                           # diktum as a borderless table
    "D2.AS1": ("sk-d2-as1.docx", dict(lampiran="single", merged_pengarah=True)),  # one Lampiran, Pengarah merged
    "D2.AS2": ("sk-d2-as2.docx", dict(diktum="content_controls", header_rows=2, column_numbers=True)),
    "D2.AS3": ("sk-d2-as3.docx", dict(nama_nip="columns", targets="table")),
    "D3.AS1": ("sk-d3-as1.docx", dict(lampiran="single", signature_table=True)),
    "D3.AS2": ("sk-d3-as2.docx", dict(merged_pengarah=True, lampiran_header="table")),
    "SES.BHO": ("sk-ses-bho.docx", dict(diktum="table", lampiran="single", numbering="word")),
    "SES.BU": ("sk-ses-bu.docx", dict(diktum="content_controls", lampiran_signature=True)),
}
# units that set their Pokja by one SK per Pokja: the Pokja whose SK the draft is
POKJA = {"D1.AS2": "PF-01", "SES.BHO": "HO-01", "SES.BU": "BU-02"}
# the planted mistakes: unit -> (Kode Pokja, person's handle, the Output the draft writes)
PLANTED = {
    "D2.AS1": ("PG-01", "reza", ""),                          # S08: an empty Output in the Lampiran
    "D3.AS2": ("PM-02", "fikri", "Laporan pemantauan harga batubara acuan bulanan"),   # S23: not the workbook's
}

# an Output the workbook left empty (its own A04) that the decree states: not compared (S23)
FILLED = {("PB-02", "nurul"): "Laporan pemantauan capaian hilirisasi perkebunan di provinsi sentra"}

EXPECTED_DRAFTS: dict[str, list[tuple[str, str]]] = {
    "sk-d1-as1.docx": [],
    "sk-d1-as2.docx": [],
    "sk-d2-as1.docx": [("S08", "Lampiran: Output Reza Firmansyah, S.E. (Pokja Stabilisasi Pasokan dan Harga Pangan) "
                               "kosong")],
    "sk-d2-as2.docx": [],
    "sk-d2-as3.docx": [],
    "sk-d3-as1.docx": [],
    "sk-d3-as2.docx": [("S23", "Lampiran: Output anggota Pokja Tata Kelola Batubara dan DMO berbeda dengan sheet "
                               "Anggota Pokja")],
    "sk-ses-bho.docx": [],
    "sk-ses-bu.docx": [],
}


def _nip(nip: str | None) -> str:
    return ms.fmt_nip(nip, "spaced") if nip else ""


def _date(value) -> str:
    """`20 Januari 2025` (a workbook's text date, `Jakarta, 3 Pebruari 2025`, read the same)."""
    if isinstance(value, str):
        return value.split(",")[-1].strip().replace("Pebruari", "Februari")
    return f"{value.day} {ms.BULAN[value.month - 1]} {value.year}"


def _issuer(u: ms.Unit) -> str:
    """The JPT Pratama's office as the title names it: `ASISTEN DEPUTI FISKAL`, `KEPALA BIRO UMUM`."""
    nama = u.s["nama"]
    return (nama if nama.startswith("Asisten Deputi") else f"Kepala {nama}").upper()


def _targets(u: ms.Unit, kode: str) -> list[str]:
    """The Pokja's PK targets as the decree states them: indicator and value (`... sebesar 80%`)."""
    pk = {row[0]: row for row in u.s["pk"]}
    out = []
    for code in u.pokja_targets(kode):
        if code in pk:                          # a code outside the PK is the workbook's own K03
            _, _, indikator, target, satuan = pk[code]
            value = target if target.endswith("%") else f"{target} {satuan.lower()}" if satuan not in (
                "Nilai", "Indeks") else target
            out.append(f"{indikator} sebesar {value}")
    return out


def _people(u: ms.Unit, kode: str, planted) -> list[Person]:
    out = []
    for m in u.s["anggota"]:
        if m["pokja"] != kode:
            continue
        who = u.people[m["who"]]
        output = m["output"] or FILLED.get((kode, m["who"]), "")
        if planted and (planted[0], planted[1]) == (kode, m["who"]):
            output = planted[2]                         # the planted change
        out.append(Person(who["nama"], _nip(who.get("nip")), who["jabatan"],
                          m["kedudukan"] if m["kedudukan"] in KEDUDUKAN else "Anggota",
                          [m["uraian"]], [output] if output else [], id_pegawai=who.get("id_pegawai") or ""))
    return out


def _pengarah(u: ms.Unit) -> list[Person]:
    madya_jabatan = u.madya["unit"].replace("Sekretariat Kementerian Koordinator", "Sekretaris Kementerian Koordinator")
    return [Person(u.madya["nama"], _nip(u.madya["nip"]), madya_jabatan, "Pengarah",
                   ["Memberikan arahan strategis dan menerima hasil pelaksanaan tugas Pokja"]),
            Person(u.head["nama"], _nip(u.head["nip"]), u.head["jabatan"], "Pengarah",
                   ["Memberikan arahan, memantau, dan mengevaluasi pelaksanaan tugas Pokja"])]


def draft_of(spec: dict) -> tuple[str, SkDraft]:
    """(file name, the draft) of one sample unit."""
    u = ms.Unit(spec)
    file, layout = LAYOUTS[u.kode]
    only = POKJA.get(u.kode)
    pokja = [p for p in spec["pokja"] if only is None or p["kode"] == only]
    sk = spec["sk"]
    first = pokja[0]
    number = first.get("nomor", sk["nomor"]) if only else sk["nomor"]
    issuer = _issuer(u)
    office = issuer.title().replace(" Dan ", " dan ")
    subject = ([f"PEMBENTUKAN {first['nama'].upper()}", f"DI LINGKUNGAN {spec['nama'].upper()} TAHUN 2025"] if only
               else ["PEMBENTUKAN KELOMPOK KERJA DI LINGKUNGAN", f"{spec['nama'].upper()} TAHUN 2025"])
    planted = PLANTED.get(u.kode)
    draft = SkDraft(
        issuer_lines=[issuer, ms.INSTANSI.upper()], number=number, office=issuer,
        subject=subject,
        menimbang=[f"bahwa untuk mencapai target kinerja {office} Tahun 2025 perlu dibentuk kelompok kerja;",
                   "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
                   f"{office} tentang Pembentukan Kelompok Kerja di Lingkungan {spec['nama']} Tahun 2025;"],
        pokja=[PokjaSpec(p["nama"], p["tugas"], _targets(u, p["kode"]), _people(u, p["kode"], planted),
                         code=p["kode"] if "," in p["nama"] else "")
               for p in pokja],
        pengarah=_pengarah(u), date=_date(first.get("tanggal", sk["tanggal"])),
        signer=u.head["nama"], signer_nip=_nip(u.head["nip"]), **layout)
    return file, draft


def _fixed_times(data: bytes) -> bytes:
    """The same zip, every entry dated ms.ZIP_TIME (python-docx dates them now)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ms.ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            zf.writestr(entry, src.read(info))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for spec in ms.UNITS:
        file, draft = draft_of(copy.deepcopy(spec))
        (out / file).write_bytes(_fixed_times(draft.to_bytes()))
        print(f"{out / file}  ({spec['kode']}, {len(EXPECTED_DRAFTS[file])} temuan yang diharapkan)")
    assert set(EXPECTED_DRAFTS) == {LAYOUTS[u["kode"]][0] for u in ms.UNITS}
    return 0


if __name__ == "__main__":
    sys.exit(main())
