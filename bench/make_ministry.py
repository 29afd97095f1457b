#!/usr/bin/env python3
"""Synthetic ministry for benchmarks: N unit workbooks (about 50 employees, 8 Pokja and 60
Anggota Pokja rows each) plus a SIASN-style master roster. All people, NIPs and decrees are
fictional. Deterministic for a given seed; written with XlsxWriter (NIPs as text cells).

    python bench/make_ministry.py N OUTDIR [--seed 2025] [--violations 0.2] [--roster FILE]
                                          [--missing 2] [--jobs 2]

Writes OUTDIR/<deputi>/<kode>.xlsx (8 units per JPT Madya unit); with --roster, a roster
listing every employee with a NIP (and --missing extra units with a JPT Pratama that submit no
workbook). A share --violations of the units carries one to three deliberate mistakes
(U03, A04, D01, D02, K01, K04, K07, U05, X01, X02, X03), so a run has findings to write, not
only a clean pass. Prints what it wrote and the expected rule counts (a rough guide: one
mistake can cause more than one finding).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from datetime import date

FIRST_M = ("Agus", "Budi", "Joko", "Hendra", "Rudi", "Bayu", "Dimas", "Fajar", "Eko", "Arief", "Yoga", "Rizki",
           "Andi", "Dedi", "Hadi", "Taufik", "Wahyu", "Ahmad", "Irfan", "Bambang", "Gilang", "Rangga", "Surya",
           "Teguh", "Yusuf", "Hendro", "Iwan", "Doni", "Aditya", "Galih")
FIRST_F = ("Sri", "Rina", "Dewi", "Siti", "Putri", "Ayu", "Nur", "Intan", "Wulan", "Fitri", "Ratna", "Diah",
           "Lestari", "Maya", "Indah", "Anisa", "Yuliana", "Kartika", "Ratih", "Sekar", "Nadia", "Citra", "Rahmawati",
           "Mega", "Larasati", "Dian", "Novita", "Endah", "Sari", "Tri")
LAST = ("Prasetyo", "Wibowo", "Santoso", "Saputra", "Lestari", "Wulandari", "Hidayat", "Nugroho", "Kurniawan",
        "Setiawan", "Rahayu", "Pratama", "Anggraini", "Siregar", "Nasution", "Simanjuntak", "Sinaga", "Harahap",
        "Wijaya", "Gunawan", "Susanto", "Purnomo", "Hartono", "Sutrisno", "Handayani", "Permana", "Firmansyah",
        "Maharani", "Putra", "Utami", "Ramadhan", "Syahputra", "Hakim", "Fauzi", "Sembiring", "Tarigan")
TITLES = ("", "S.E.", "S.E., M.Ec.", "S.T.", "S.Si., M.E.", "S.H.", "S.Kom.", "S.Sos., M.A.P.", "A.Md.", "M.P.P.",
          "S.P., M.Si.", "S.Stat.", "Dr.", "Ir.")
DEPUTI = ("Koordinasi Ekonomi Makro dan Keuangan", "Koordinasi Pangan dan Agribisnis",
          "Koordinasi Energi dan Sumber Daya Mineral", "Koordinasi Ekonomi Digital, Ketenagakerjaan, dan UMKM",
          "Koordinasi Perniagaan dan Ekonomi Internasional", "Koordinasi Pengembangan Wilayah dan Tata Ruang",
          "Koordinasi Pengelolaan Perekonomian", "Koordinasi Kerja Sama Ekonomi Internasional")
TOPICS = ("moneter", "fiskal", "pangan", "hortikultura", "perkebunan", "mineral dan batubara", "energi baru",
          "ekonomi digital", "ketenagakerjaan", "UMKM", "perdagangan", "investasi", "tata ruang", "kawasan ekonomi",
          "logistik", "perbankan", "pasar modal", "industri", "pariwisata", "infrastruktur", "kerja sama regional",
          "sistem pembayaran", "perpajakan", "subsidi energi", "pertanian", "kelautan", "konektivitas", "inflasi")
JF_JABATAN = ("Analis Kebijakan Ahli Muda", "Analis Kebijakan Ahli Pertama", "Analis Kebijakan Ahli Madya",
              "Perencana Ahli Muda", "Perencana Ahli Pertama", "Statistisi Ahli Pertama", "Pranata Komputer Ahli Muda",
              "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Pranata Hubungan Masyarakat Ahli Muda")
PELAKSANA = ("Pengadministrasi Perkantoran", "Pengolah Data dan Informasi", "Penata Laporan Keuangan",
             "Pengelola Layanan Operasional", "Penelaah Teknis Kebijakan")
TP = ("Pramu Bakti", "Pengemudi", "Petugas Keamanan", "Tenaga Administrasi")
OUTPUT_KIND = ("Laporan analisis", "Kajian", "Rekomendasi kebijakan", "Policy brief", "Bahan rapat koordinasi",
               "Laporan pemantauan", "Notula dan tindak lanjut rapat", "Matriks tindak lanjut", "Data dan infografis")
INSTANSI = "Kementerian Koordinator Bidang Perekonomian"
N_FUNGSIONAL, N_PELAKSANA, N_TP = 35, 10, 4            # + the JPT Pratama = 50 employees
N_POKJA, N_TARGETS = 8, 6
VIOLATIONS = ("U03", "A04", "D01", "D02", "K01", "K04", "K07", "U05", "X01", "X02", "X03")


class Nips:
    """Unique, valid PNS NIPs: birth date, TMT CPNS (year-month), sex, serial (never 000)."""

    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def new(self, sex=None, senior=False):
        rng = self.rng
        while True:
            by = rng.randint(1966, 1978) if senior else rng.randint(1968, 1999)
            bm, bd = rng.randint(1, 12), rng.randint(1, 28)
            ty = min(2024, by + rng.randint(22, 30))
            tm = rng.choice((1, 3, 5, 12))
            s = sex or rng.choice((1, 2))
            nip = f"{by:04d}{bm:02d}{bd:02d}{ty:04d}{tm:02d}{s}{rng.randint(1, 999):03d}"
            if nip not in self.used:
                self.used.add(nip)
                return nip


def person_name(rng, sex):
    first = rng.choice(FIRST_M if sex == 1 else FIRST_F)
    name = f"{first} {rng.choice(LAST)}"
    title = rng.choice(TITLES)
    if title in ("Dr.", "Ir."):
        return f"{title} {name}, M.Si."
    return f"{name}, {title}" if title else name


class Unit:
    def __init__(self, index, rng, nips, madya):
        self.index = index
        d, a = divmod(index, 8)
        self.deputi = d + 1
        self.code = f"D{self.deputi}.AS{a + 1}"
        self.topic = TOPICS[index % len(TOPICS)]
        self.name = f"Asisten Deputi {self.topic.title()} {a + 1}" if index >= len(TOPICS) else \
            f"Asisten Deputi {self.topic[0].upper() + self.topic[1:]}"
        suffix = f" {d // len(DEPUTI) + 1}" if d >= len(DEPUTI) else ""
        self.madya_unit = f"Deputi Bidang {DEPUTI[d % len(DEPUTI)]}" + suffix
        self.madya_nip, self.madya_name = madya
        sex = rng.choice((1, 2))
        self.head = (nips.new(sex, senior=True), person_name(rng, sex))
        people = []
        for kind, n in (("Fungsional", N_FUNGSIONAL), ("Pelaksana", N_PELAKSANA), ("Tenaga Pendukung", N_TP)):
            for i in range(n):
                sex = rng.choice((1, 2))
                if kind == "Tenaga Pendukung":
                    people.append({"nip": "", "id": f"PPNPN-{index + 1:04d}-{i + 1:02d}", "nama": person_name(rng, sex),
                                   "jenis": kind, "jabatan": rng.choice(TP), "status": "PPNPN"})
                else:
                    people.append({"nip": nips.new(sex), "id": "", "nama": person_name(rng, sex), "jenis": kind,
                                   "jabatan": rng.choice(JF_JABATAN if kind == "Fungsional" else PELAKSANA),
                                   "status": rng.choice(("PNS",) * 9 + ("PPPK",)) if kind == "Fungsional" else "PNS"})
        for k, p in enumerate(people):
            p["k"] = k                  # identity that survives pickling (the writer processes)
        self.people = people
        self.targets = [f"PK-{i:02d}" for i in range(1, N_TARGETS + 1)]
        # Pokja: 7 Substansi serving PK-01..PK-05, one Dukungan serving PK-06
        self.pokja = []
        for i in range(N_POKJA):
            support = i == N_POKJA - 1
            code = "DUK-1" if support else f"SUB-{i + 1}"
            target = "PK-06" if support else self.targets[i % 5]
            self.pokja.append({"code": code, "support": support, "target": target,
                               "name": ("Pokja Dukungan Teknis dan Administrasi" if support else
                                        f"Pokja {rng.choice(('Kebijakan', 'Analisis', 'Koordinasi', 'Pemantauan'))} "
                                        f"{self.topic} {i + 1}")})
        # 44 member slots, each person once: per Substansi Pokja one Ketua and 4-5 Anggota (JF or
        # Pelaksana); the Dukungan Pokja a Ketua and the four tenaga pendukung as Anggota
        jf_pl = [p for p in people if p["jenis"] in ("Fungsional", "Pelaksana")]
        tps = [p for p in people if p["jenis"] == "Tenaga Pendukung"]
        rng.shuffle(jf_pl)
        self.members = []
        k = 0
        for i, pj in enumerate(self.pokja):
            if pj["support"]:
                chunk = [jf_pl[k]] + tps
                k += 1
            else:
                size = 6 if i < 4 else 5
                chunk = jf_pl[k:k + size]
                k += size
            for j, p in enumerate(chunk):
                kind = rng.choice(OUTPUT_KIND)
                self.members.append({"pokja": pj["code"], "person": p, "pos": "Ketua" if j == 0 else "Anggota",
                                     "task": f"{'Memimpin' if j == 0 else 'Menyusun'} {kind.lower()} {self.topic} "
                                             f"bagian {j + 1}",
                                     "output": f"{kind} {self.topic} {pj['code']} bagian {j + 1}"})
        self.pokja_of = {m["person"]["k"]: m["pokja"] for m in self.members}
        target_of = {pj["code"]: pj["target"] for pj in self.pokja}
        # MPH entries: a member for their Pokja's target; others through a Surat Tugas
        self.mph = {}
        self.st = []
        for p in people:
            pk = self.pokja_of.get(p["k"])
            if pk:
                self.mph[p["k"]] = [target_of[pk]]
            else:
                t = rng.choice(self.targets[:5])
                self.mph[p["k"]] = [t]
                if p["nip"]:
                    self.st.append((p, t))
                else:
                    self.mph[p["k"]] = ["PK-06"]
                    self.st.append((p, "PK-06"))
        self.outsiders = []           # Anggota Pokja rows from other units (cross-unit)
        self.extra_pegawai = []       # Pegawai rows of other units' employees (X01)
        self.faults = []


def build_ministry(n, seed, violations):
    rng = random.Random(seed)
    nips = Nips(rng)
    madya = {}
    units = []
    for i in range(n):
        d = i // 8
        if d not in madya:
            sex = rng.choice((1, 2))
            madya[d] = (nips.new(sex, senior=True), person_name(rng, sex))
        units.append(Unit(i, rng, nips, madya[d]))
    # every 10th unit borrows two employees of the previous unit into a Pokja (correct, no finding)
    for u in units[1::10]:
        prev = units[u.index - 1]
        for p in [m["person"] for m in prev.members if m["person"]["nip"]][:2]:
            u.outsiders.append({"pokja": "SUB-1", "person": p, "asal": prev.code,
                                "output": f"Masukan {prev.topic} untuk {u.code} dari {p['nama']}"})
    chosen = [u for u in units if rng.random() < violations]
    for u in chosen:
        for rule in rng.sample(VIOLATIONS, rng.randint(1, 3)):
            if rule.startswith("X") and len(units) < 2:
                continue
            inject(u, rule, units, rng)
    return units


def inject(u, rule, units, rng):
    other = units[(u.index + 1) % len(units)]
    if rule == "U03":
        u.pokja[0]["support"] = True                                   # two Dukungan Pokja
    elif rule == "A04":
        rng.choice([m for m in u.members if m["pos"] == "Anggota"])["output"] = ""
    elif rule == "D01":
        p = rng.choice([p for p in u.people if p["nip"]])
        p["nip"] = p["nip"][:8] + "13" + p["nip"][10:] if p["nip"][8:10] != "13" else p["nip"][:9] + "0" + p["nip"][10:]
    elif rule == "D02":
        u.extra_pegawai.append(dict(rng.choice([p for p in u.people if p["nip"]])))
    elif rule == "K01":
        u.pokja[rng.randrange(N_POKJA)]["no_sk"] = True
    elif rule == "K04":
        u.pokja[rng.randrange(N_POKJA)]["no_task"] = True
    elif rule == "K07":
        m = next(m for m in u.members if m["pokja"] == "SUB-2" and m["pos"] == "Anggota")
        m["pos"] = "Ketua"
    elif rule == "U05":
        u.mph.pop(rng.choice([p for p in u.people if p["nip"] and p["k"] not in u.pokja_of])["k"], None)
    elif rule == "X01":
        u.extra_pegawai.append(dict(rng.choice([p for p in other.people if p["nip"]])))
    elif rule == "X02":
        p = rng.choice([m["person"] for m in other.members if m["person"]["nip"]])
        u.outsiders.append({"pokja": "SUB-3", "person": p, "asal": f"D{other.deputi}.AS9",
                            "output": f"Telaah {other.topic} untuk {u.code}"})
    elif rule == "X03":
        m = rng.choice([m for m in other.members if m["person"]["nip"] and m["output"]])
        u.outsiders.append({"pokja": "SUB-4", "person": m["person"], "asal": other.code, "output": m["output"]})
    u.faults.append(rule)


# --------------------------------------------------------------------------- writing

def write_unit(u, path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"created": _dt(date(2025, 1, 2)), "comments": "Data fiktif untuk benchmark cek-pokja"})
    bold = wb.add_format({"bold": True})
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})

    def sheet(name, header, rows, dates=()):
        ws = wb.add_worksheet(name)
        for c, h in enumerate(header):
            ws.write_string(0, c, h, bold)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, date):
                    ws.write_datetime(r, c, v if hasattr(v, "hour") else _dt(v), datef)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                else:
                    ws.write_string(r, c, str(v))
        return ws

    year = 2025
    sheet("Unit", ["Kode Unit", "Nama Unit", "Unit JPT Madya", "NIP JPT Pratama", "Nama JPT Pratama", "NIP JPT Madya",
                   "Nama JPT Madya", "NIP Plt JPT Pratama", "Pola Struktur", "Tahun Kinerja", "Instansi"],
          [[u.code, u.name, u.madya_unit, u.head[0], u.head[1], u.madya_nip, u.madya_name, "", "A", year, INSTANSI]])
    sheet("PK", ["Kode Target", "Sasaran", "Indikator Kinerja", "Target", "Satuan"],
          [[t, f"Terwujudnya koordinasi kebijakan {u.topic} yang efektif ({i + 1})",
            f"Persentase rekomendasi kebijakan {u.topic} yang ditindaklanjuti ({i + 1})", "80", "%"]
           for i, t in enumerate(u.targets)])
    pegawai = [[u.head[0], "", u.head[1], "JPT Pratama", u.name, "PNS"]]
    pegawai += [[p["nip"], p["id"], p["nama"], p["jenis"], p["jabatan"], p["status"]] for p in u.people]
    pegawai += [[p["nip"], p["id"], p["nama"], p["jenis"], p["jabatan"], p["status"]] for p in u.extra_pegawai]
    sheet("Pegawai", ["NIP", "ID Pegawai", "Nama", "Jenis Jabatan", "Nama Jabatan", "Status Kepegawaian"], pegawai)
    if u.index % 4 == 3:        # long layout
        rows = [[p["nip"], p["id"], p["nama"], t, f"Menyusun {u.topic} untuk {t}"]
                for p in u.people for t in u.mph.get(p["k"], [])]
        rows += [[o["person"]["nip"], "", o["person"]["nama"], _target(u, o["pokja"]), f"Masukan lintas unit {u.topic}"]
                 for o in u.outsiders]
        sheet("MPH", ["NIP", "ID Pegawai", "Nama", "Kode Target", "Peran Hasil"], rows)
    else:                       # the official matrix
        rows = []
        for i, p in enumerate(u.people, start=1):
            ts = set(u.mph.get(p["k"], []))
            rows.append([i, p["nip"], p["id"], p["nama"], p["jabatan"]] +
                        [f"Menyusun {u.topic} {t}" if t in ts else "" for t in u.targets])
        for j, o in enumerate(u.outsiders, start=len(rows) + 1):
            t = _target(u, o["pokja"])
            rows.append([j, o["person"]["nip"], "", o["person"]["nama"], o["person"]["jabatan"]] +
                        [f"Masukan lintas unit {t}" if x == t else "" for x in u.targets])
        sheet("MPH", ["No", "NIP", "ID Pegawai", "Nama", "Jabatan"] + u.targets, rows)
    sk = f"KEP-{u.index + 1}/D.{u.deputi}/01/{year}"
    pokja_rows = []
    for pj in u.pokja:
        pokja_rows.append([
            pj["code"], pj["name"], "Dukungan Teknis dan Administrasi" if pj["support"] else "Substansi", pj["target"],
            "" if pj.get("no_task") else f"Melaksanakan {pj['name'].lower()} untuk mencapai target {pj['target']}",
            "" if pj.get("no_sk") else sk, date(year, 1, 20), u.head[0], date(year, 1, 15), date(year, 1, 20),
            date(year, 12, 31), date(year, 1, 27), date(year, 12, 15), date(year, 12, 20)])
    sheet("Pokja", ["Kode Pokja", "Nama Pokja", "Jenis Pokja", "Kode Target", "Tugas Pokja", "Nomor SK", "Tanggal SK",
                    "NIP Penetap SK", "Tanggal Konsultasi Ortala", "Tanggal Mulai", "Tanggal Selesai",
                    "Tanggal Persetujuan Rencana Kerja", "Tanggal Laporan", "Tanggal Diterima JPT Madya"], pokja_rows)
    anggota = []
    for pj in u.pokja:
        anggota.append([pj["code"], u.madya_nip, "", u.madya_name, "Pengarah", "JPT Madya", "", "", "", "",
                        "Memberi arahan strategis", f"Arahan strategis {pj['code']}", ""])
        anggota.append([pj["code"], u.head[0], "", u.head[1], "Pengarah", "JPT Pratama", "", "", "", "",
                        "Memberi arahan dan menilai hasil", f"Penilaian hasil {pj['code']}", ""])
        for m in u.members:
            if m["pokja"] == pj["code"]:
                p = m["person"]
                anggota.append([pj["code"], p["nip"], p["id"], p["nama"], m["pos"], "", "", "", "Penunjukan", "",
                                m["task"], m["output"], ""])
        for o in u.outsiders:
            if o["pokja"] == pj["code"]:
                p = o["person"]
                anggota.append([pj["code"], p["nip"], "", p["nama"], "Anggota", p["jenis"], o["asal"], "",
                                "Penunjukan", f"ND-{u.index + 1}/{o['asal']}/02/{year}",
                                f"Memberi masukan {u.topic}: {o['output']}", o["output"], date(year, 12, 18)])
    sheet("Anggota Pokja", ["Kode Pokja", "NIP", "ID Pegawai", "Nama", "Kedudukan", "Jenis Jabatan", "Kode Unit Asal",
                            "Instansi Asal", "Cara Penugasan", "Nomor Persetujuan Pimpinan", "Uraian Tugas", "Output",
                            "Tanggal Rekomendasi Penilaian"], anggota)
    sheet("Surat Tugas", ["Nomor Surat Tugas", "Tanggal", "NIP", "ID Pegawai", "Kode Target", "Uraian Tugas", "Output"],
          [[f"ST-{i + 1}/{u.code}/02/{year}", date(year, 2, 3), p["nip"], p["id"], t, f"Tugas individu {u.topic}",
            f"Hasil tugas individu {u.topic} {i + 1}"] for i, (p, t) in enumerate(u.st)])
    wb.close()


def _target(u, pokja_code):
    return next(pj["target"] for pj in u.pokja if pj["code"] == pokja_code)


def _dt(d):
    from datetime import datetime
    return datetime(d.year, d.month, d.day)


def write_roster(units, path, missing, rng):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"created": _dt(date(2025, 1, 2)), "comments": "Data fiktif untuk benchmark cek-pokja"})
    ws = wb.add_worksheet("Data")
    header = ["PNS_ID", "NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "KODE_UNIT", "UNOR_NAMA"]
    for c, h in enumerate(header):
        ws.write_string(0, c, h)
    r = 1
    jenis = {"Fungsional": "Jabatan Fungsional Tertentu", "Pelaksana": "Jabatan Pelaksana"}
    for u in units:
        rows = [(u.head[0], u.head[1], "Jabatan Struktural", u.name)]
        rows += [(p["nip"], p["nama"], jenis[p["jenis"]], p["jabatan"]) for p in u.people if p["nip"]]
        for nip, nama, jj, jab in rows:
            for c, v in enumerate((f"A5EB{r:06d}", nip, nama.upper(), jj, jab, u.code, u.name)):
                ws.write_string(r, c, v)
            r += 1
    for k in range(missing):
        code, name = f"SES.B{k + 1}", f"Biro Contoh {k + 1}"
        for c, v in enumerate((f"A5EB{r:06d}", f"19700{k % 9 + 1}012000031{k + 1:03d}", "KEPALA BIRO",
                               "Jabatan Struktural", f"Kepala {name}", code, name)):
            ws.write_string(r, c, v)
        r += 1
    wb.close()
    return r - 1


def _write_many(args):
    units, outdir = args
    for u in units:
        write_unit(u, os.path.join(outdir, f"D{u.deputi:03d}", f"{u.code.lower().replace('.', '-')}.xlsx"))
    return len(units)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of units")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--violations", type=float, default=0.2, help="share of units with deliberate mistakes")
    ap.add_argument("--roster", help="also write a SIASN-style master roster to this file")
    ap.add_argument("--missing", type=int, default=2, help="roster units with a JPT Pratama and no workbook")
    ap.add_argument("--jobs", type=int, default=1, help="writer processes")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    units = build_ministry(a.n, a.seed, a.violations)
    for d in sorted({u.deputi for u in units}):
        os.makedirs(os.path.join(a.outdir, f"D{d:03d}"), exist_ok=True)
    if a.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        chunks = [(units[i::a.jobs], a.outdir) for i in range(a.jobs)]
        with ProcessPoolExecutor(a.jobs) as ex:
            list(ex.map(_write_many, chunks))
    else:
        _write_many((units, a.outdir))
    n_roster = write_roster(units, a.roster, a.missing, random.Random(a.seed)) if a.roster else 0
    faults = Counter(f for u in units for f in u.faults)
    print(f"{len(units)} unit workbooks in {a.outdir} ({time.perf_counter() - t0:.1f} s); "
          f"{sum(1 for u in units if u.faults)} with deliberate mistakes: "
          + (", ".join(f"{k} x{v}" for k, v in sorted(faults.items())) or "none")
          + (f"; roster {a.roster} ({n_roster} rows, {a.missing} units without a workbook)" if a.roster else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
