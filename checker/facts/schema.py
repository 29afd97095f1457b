"""The facts the rule base may test: kinds, condition fields, their types and definitions.

Condition fields are never null in a fact table (facts.py fills "", 0 or False), so both
engines compare the same values. Every fact row also carries the LOCATION_COLUMNS and
message parameters (``p_*``), which conditions never use.

Each field also says which values it can hold (``values``, for a str field with a closed
set) and where its builder takes it from (``reads``), so that the rule base can refuse a
literal no fact can hold and a rule that does not require what its fields read.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.input.vocab import canonical_values


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str                   # "bool" | "int" | "str"
    definition: dict            # {"id": ..., "en": ...}
    # Every value a str field can hold, when that set is closed; None for open text.
    values: tuple | None = None
    # What the builder computes the field from, as `requires` names it: input columns
    # "sheetkind.field", or a whole sheet "sheetkind" (a count of its rows, the shape of its
    # header, whether a person is listed on it). An entry may end in " if f=v, g=w": it holds
    # only for facts with those values of the kind's own fields. Not listed, since no
    # requirement could stand for them: the column a fact is made of (a reference's code, a PK
    # target's Kode Target, an MPH entry's Kode Target and Peran Hasil, a cell fact's cell),
    # without which there is no such fact; and columns of which the builder takes whichever is
    # there (a person by NIP, ID Pegawai or Nama, matched against Pegawai; a PK row by Kode
    # Target or Indikator Kinerja; a roster unit by Kode Unit or Nama Unit). A cross-unit field
    # lists what this unit's workbook gives it; a workbook without a Kode Unit is a unit of its
    # own there (crossunit.py), not a wrong reading.
    reads: tuple = ()


@dataclass(frozen=True)
class FactKind:
    name: str
    fields: dict                # name -> FieldSpec
    definition: dict
    params: tuple = ()          # message parameters (p_*) a rule's texts may use


LOCATION_COLUMNS = (
    "unit_seq", "unit", "unit_name", "pokja", "nip", "name", "target", "file", "sheet",
    "sheet_kind", "row", "column", "value", "sheet_hidden",
)
# Typed columns later stages join on (crossunit.py), never shown and never in conditions:
# they keep what a display column would otherwise have to be parsed back for.
HIDDEN_COLUMNS = {
    "unit": ("_code_key",),                                    # Kode Unit folded as a code
    "employee": ("_nip_key", "_nip_status"),                   # the row's NIP and its status
    "member": ("_nip_key", "_nip_status", "_unit_asal", "_output_key"),   # the person's NIP; origin; folded Output
}
# Parameters every kind offers to messages besides its own p_* ones.
COMMON_PARAMS = ("unit", "unit_name", "pokja", "nip", "name", "target", "sheet", "row", "column", "value", "person")


def _kind(name, id_def, en_def, fields, params=()):
    """`fields`: (name, type, definition id, definition en, reads[, values]) each."""
    specs = {f[0]: FieldSpec(f[0], f[1], {"id": f[2], "en": f[3]}, values=f[5] if len(f) > 5 else None,
                             reads=tuple(f[4])) for f in fields}
    specs["t"] = FieldSpec("t", "str", {"id": "jenis fakta", "en": "fact kind"}, values=(name,))
    return FactKind(name, specs, {"id": id_def, "en": en_def}, tuple(params))


# Closed value sets (checked against the builders by tests/test_rulebase_literals.py).
POSITIONS = ("",) + tuple(canonical_values("kedudukan"))            # "": empty or not a Kedudukan
JENIS_JABATAN = ("",) + tuple(canonical_values("jenis_jabatan"))    # "": unknown
POLA = tuple(canonical_values("pola"))                              # an empty Pola Struktur is A
ROSTER_STATUS = ("", "listed", "missing", "other_unit")
MPH_LAYOUTS = ("matrix", "long")
REFERENCE_SOURCES = ("pokja", "member", "mph_column", "mph_row", "surat_tugas")
REFERENCE_TARGETS = ("target", "pokja")
CELL_CHECKS = ("nip", "vocab", "date", "year", "formula", "required")
# "valid" is never a cell fact (valid cells are no facts) but the definition names it.
CELL_STATUSES = ("valid", "invalid", "number", "unknown", "error", "no_cached_value", "empty")
STRUCTURE_PROBLEMS = ("file_unreadable", "sheet_missing", "column_missing")

# Reads shared by several fields.
# A member from another unit or instansi: Kode Unit Asal against the unit's Kode Unit, Instansi
# Asal against the unit's Instansi (an empty or missing Asal cell means this unit).
_ORIGIN = ("anggota.kode_unit_asal", "anggota.instansi_asal", "unit.kode_unit", "unit.instansi")
# The members of a Pokja (Anggota Pokja rows by Kode Pokja) and their positions.
_POKJA_MEMBERS = ("pokja.kode_pokja", "anggota.kode_pokja", "anggota.kedudukan")
# The targets of a member's Pokja that are in the PK.
_POKJA_TARGETS = ("anggota.kode_pokja", "pokja.kode_pokja", "pokja.kode_target", "pk.kode_target")
# The unit's owners are recognised by their NIP only, never through Pegawai (people.py).
_HEAD_NIPS = ("unit.nip_jpt_pratama", "unit.nip_plt_jpt_pratama")
_KNOWN_PEOPLE = ("pegawai", "anggota")              # on Pegawai, or a member of a Pokja
# NIP JPT Pratama and NIP JPT Madya filled and valid: K08, A10 and A15 compare with both.
_OWNER_NIPS_USABLE = ("owner_nips_usable", "bool", "NIP JPT Pratama dan NIP JPT Madya pada sheet Unit terisi dan sah",
                      "the Unit sheet's NIP JPT Pratama and NIP JPT Madya are filled and valid",
                      ["unit.nip_jpt_pratama", "unit.nip_jpt_madya"])


KINDS: dict[str, FactKind] = {k.name: k for k in (
    _kind("unit", "satu per unit kerja", "one per unit", [
        ("n_pokja", "int", "jumlah Pokja pada sheet Pokja", "number of Pokja on the Pokja sheet", ["pokja"]),
        ("n_pokja_substance", "int", "jumlah Pokja berjenis Substansi", "number of Pokja of jenis Substansi",
         ["pokja.jenis_pokja"]),
        ("n_pokja_support", "int", "jumlah Pokja berjenis Dukungan Teknis dan Administrasi",
         "number of Pokja of jenis Dukungan Teknis dan Administrasi", ["pokja.jenis_pokja"]),
        # a PK row counts when it has a Kode Target or an Indikator Kinerja
        ("n_pk_target", "int", "jumlah target pada sheet PK", "number of targets on the PK sheet", ["pk"]),
        # cross-unit (crossunit.py)
        ("duplicate_code_order", "int",
         "0 untuk workbook pertama (urut path) dengan Kode Unit ini dalam satu pemeriksaan; "
         "k untuk workbook ke-k berikutnya",
         "0 for the first workbook (in path order) of a run with this Kode Unit; k for the k-th later one",
         ["unit.kode_unit"]),
    ], ["p_support_codes", "p_pokja_codes", "p_first_file", "p_roster_file"]),
    _kind("target", "satu per target PK (baris sheet PK)", "one per PK target (PK sheet row)", [
        ("n_pokja_serving", "int", "jumlah Pokja yang mencantumkan kode target ini",
         "number of Pokja naming this target code", ["pokja.kode_target"]),
        ("n_surat_tugas", "int", "jumlah Surat Tugas untuk kode target ini",
         "number of Surat Tugas for this target code", ["surat_tugas.kode_target"]),
        ("n_mph_entry", "int", "jumlah entri MPH (peran hasil terisi) untuk kode target ini",
         "number of MPH entries (filled peran hasil) for this target code", ["mph", "mph.peran_hasil"]),
        ("unit_has_pokja", "bool", "unit memiliki sedikitnya satu Pokja", "the unit has at least one Pokja", ["pokja"]),
    ], ["p_indicator"]),
    _kind("employee", "satu per baris sheet Pegawai", "one per Pegawai sheet row", [
        ("is_jpt", "bool", "jenis jabatan JPT Pratama atau JPT Madya", "jenis jabatan is JPT Pratama or JPT Madya",
         ["pegawai.jenis_jabatan"]),
        ("n_mph_entry", "int", "jumlah entri MPH (peran hasil terisi) milik pegawai ini",
         "number of MPH entries (filled peran hasil) of this employee", ["mph.peran_hasil"]),
        ("nip_repeat", "int", "0 untuk kemunculan pertama NIP pada sheet Pegawai; k untuk pengulangan ke-k",
         "0 for a NIP's first row on Pegawai; k for its k-th repetition", ["pegawai.nip"]),
        ("active", "bool",
         "pegawai aktif: Kedudukan Hukum dan Status Kepegawaian tidak menyatakan tugas belajar, CLTN, MPP, dan "
         "sebagainya (input-format.md, Not active)",
         "an active employee: neither Kedudukan Hukum nor Status Kepegawaian says tugas belajar, CLTN, MPP and so "
         "on (input-format.md, Not active)", ["pegawai.kedudukan_hukum", "pegawai.status_kepegawaian"]),
        ("uncertain", "bool",
         "NIP tersimpan sebagai angka dan tidak ada baris MPH atau Anggota Pokja yang cocok dengan pegawai ini "
         "menurut nama: pencocokan tidak pasti",
         "the NIP is stored as a number and no MPH or Anggota Pokja row matches this employee by name: the match "
         "is uncertain", []),
        # cross-unit (crossunit.py)
        ("n_units_with_nip", "int",
         "jumlah unit berbeda (menurut Kode Unit) dalam pemeriksaan ini yang sheet Pegawai-nya memuat NIP ini, "
         "termasuk unit ini; 0 bila baris tanpa NIP atau NIP tersimpan sebagai angka",
         "number of distinct units (by Kode Unit) of this run whose Pegawai sheet lists this NIP, this unit included; "
         "0 when the row has no NIP or the NIP is stored as a number", ["pegawai.nip"]),
        ("roster_status", "str",
         "dengan roster induk: listed (tercantum pada unit ini), missing (tidak ada di roster), other_unit "
         "(tercantum pada unit lain); kosong tanpa roster, tanpa NIP, NIP tersimpan sebagai angka, atau NIP tidak "
         "sah yang tidak ada di roster",
         "with a master roster: listed (under this unit), missing (not in the roster), other_unit (under another "
         "unit); empty without a roster, without a NIP, for a NIP stored as a number, or for an invalid NIP that "
         "is not in the roster", ["pegawai.nip"], ROSTER_STATUS),
    ], ["p_first_row", "p_jabatan", "p_status", "p_other_units", "p_roster_problem", "p_roster_file"]),
    _kind("pokja", "satu per baris sheet Pokja", "one per Pokja sheet row", [
        ("sk_number_empty", "bool", "Nomor SK kosong", "Nomor SK is empty", ["pokja.nomor_sk"]),
        ("sk_date_empty", "bool", "Tanggal SK kosong", "Tanggal SK is empty", ["pokja.tanggal_sk"]),
        ("signer_empty", "bool", "NIP Penetap SK kosong", "NIP Penetap SK is empty", ["pokja.nip_penetap_sk"]),
        ("signer_is_head", "bool", "NIP Penetap SK sama dengan NIP JPT Pratama atau NIP Plt JPT Pratama unit",
         "NIP Penetap SK equals the unit's NIP JPT Pratama or NIP Plt JPT Pratama",
         ("pokja.nip_penetap_sk",) + _HEAD_NIPS),
        ("head_nip_usable", "bool", "NIP JPT Pratama pada sheet Unit terisi dan sah",
         "the Unit sheet's NIP JPT Pratama is filled and valid", ["unit.nip_jpt_pratama"]),
        ("task_empty", "bool", "Tugas Pokja kosong", "Tugas Pokja is empty", ["pokja.tugas_pokja"]),
        ("consultation_empty", "bool", "Tanggal Konsultasi Ortala kosong", "Tanggal Konsultasi Ortala is empty",
         ["pokja.tanggal_konsultasi_ortala"]),
        ("consultation_after_sk", "bool", "Tanggal Konsultasi Ortala dan Tanggal SK terbaca dan konsultasi setelah SK",
         "both dates readable and the consultation is after the SK date",
         ["pokja.tanggal_konsultasi_ortala", "pokja.tanggal_sk"]),
        ("period_outside_year", "bool",
         "kedua tanggal periode terbaca dan periode sama sekali tidak beririsan dengan Tahun Kinerja",
         "both period dates readable and the period does not overlap the Tahun Kinerja at all",
         ["pokja.tanggal_mulai", "pokja.tanggal_selesai", "unit.tahun_kinerja"]),
        ("period_spills_over", "bool",
         "tanggal periode yang terbaca ada yang di luar Tahun Kinerja, tetapi periode tidak sama sekali di luarnya "
         "dan Tanggal Selesai tidak mendahului Tanggal Mulai",
         "a readable period date lies outside the Tahun Kinerja, but the period is not wholly outside it and does "
         "not end before it starts", ["pokja.tanggal_mulai", "pokja.tanggal_selesai", "unit.tahun_kinerja"]),
        ("end_before_start", "bool", "kedua tanggal terbaca dan Tanggal Selesai sebelum Tanggal Mulai",
         "both dates readable and Tanggal Selesai before Tanggal Mulai",
         ["pokja.tanggal_mulai", "pokja.tanggal_selesai"]),
        ("n_chair", "int", "jumlah orang berbeda berkedudukan Ketua",
         "number of distinct persons in the Ketua position",
         _POKJA_MEMBERS),
        ("n_member_person", "int", "jumlah orang berbeda pada kedudukan selain Pengarah",
         "number of distinct persons in non-Pengarah positions", _POKJA_MEMBERS),
        # the members' jenis counts only when known, and for the unit's own members that is Pegawai's
        ("chair_outsider_with_own_member", "bool",
         "Ketua berasal dari unit/instansi lain padahal ada anggota Fungsional atau Pelaksana dari unit pemilik",
         "the Ketua is from another unit or instansi although a Fungsional or Pelaksana of the owner unit is a member",
         _POKJA_MEMBERS + _ORIGIN + ("pegawai.jenis_jabatan",)),
        ("workplan_approval_empty", "bool", "Tanggal Persetujuan Rencana Kerja kosong",
         "Tanggal Persetujuan Rencana Kerja is empty", ["pokja.tanggal_persetujuan_rencana_kerja"]),
        ("report_empty", "bool", "Tanggal Laporan kosong", "Tanggal Laporan is empty", ["pokja.tanggal_laporan"]),
        ("accepted_empty", "bool", "Tanggal Diterima JPT Madya kosong", "Tanggal Diterima JPT Madya is empty",
         ["pokja.tanggal_diterima_jpt_madya"]),
        ("accepted_before_report", "bool",
         "kedua tanggal terbaca dan Tanggal Diterima JPT Madya sebelum Tanggal Laporan",
         "both dates readable and Tanggal Diterima JPT Madya before Tanggal Laporan",
         ["pokja.tanggal_laporan", "pokja.tanggal_diterima_jpt_madya"]),
        ("workplan_before_sk", "bool",
         "kedua tanggal terbaca dan Tanggal Persetujuan Rencana Kerja sebelum Tanggal SK",
         "both dates readable and Tanggal Persetujuan Rencana Kerja before Tanggal SK",
         ["pokja.tanggal_persetujuan_rencana_kerja", "pokja.tanggal_sk"]),
        ("report_before_sk", "bool", "kedua tanggal terbaca dan Tanggal Laporan sebelum Tanggal SK",
         "both dates readable and Tanggal Laporan before Tanggal SK", ["pokja.tanggal_laporan", "pokja.tanggal_sk"]),
        ("sk_other_year", "bool",
         "Tanggal SK terbaca dan tahunnya bukan Tahun Kinerja maupun tahun sebelumnya",
         "Tanggal SK readable and its year is neither the Tahun Kinerja nor the year before",
         ["pokja.tanggal_sk", "unit.tahun_kinerja"]),
    ], ["p_pokja_name", "p_empty_fields", "p_sk_field", "p_signer", "p_head_nip", "p_sk_date", "p_consultation_date",
        "p_start", "p_end", "p_year", "p_chairs", "p_members", "p_chair_name", "p_report_date", "p_plan_date",
        "p_accepted_date"]),
    _kind("owner_slot", "satu per Pokja per pemilik kinerja yang wajib menjadi Pengarah",
          "one per Pokja per performance owner who must be Pengarah", [
        ("listed", "bool", "pemilik kinerja ini tercantum sebagai Pengarah Pokja (menurut NIP)",
         "this owner is listed as the Pokja's Pengarah (by NIP)",
         ("pokja.kode_pokja", "anggota.kode_pokja", "anggota.kedudukan", "anggota.nip") + _HEAD_NIPS
         + ("unit.nip_jpt_madya",)),
        _OWNER_NIPS_USABLE,
    ], ["p_role", "p_owner_name", "p_owner_nip"]),
    _kind("member", "satu per baris sheet Anggota Pokja", "one per Anggota Pokja sheet row", [
        ("position", "str", "kedudukan kanonik (Pengarah, Ketua, Wakil Ketua, Sekretaris, Anggota) atau kosong",
         "canonical position (Pengarah, Ketua, Wakil Ketua, Sekretaris, Anggota) or empty",
         ["anggota.kedudukan"], POSITIONS),
        ("is_member", "bool",
         "kedudukan selain Pengarah: Ketua, Wakil Ketua, Sekretaris, Anggota, atau Kedudukan yang kosong atau "
         "tidak dikenal (satu sebab, satu temuan)",
         "a non-Pengarah position: Ketua, Wakil Ketua, Sekretaris, Anggota, or an empty or unknown Kedudukan (one "
         "cause, one finding)", ["anggota.kedudukan"]),
        # Pegawai's Jenis Jabatan for a person listed there, else the Anggota Pokja cell
        ("jenis", "str", "jenis jabatan yang berlaku (dari Pegawai bila tercantum) atau kosong",
         "effective jenis jabatan (from Pegawai when listed there) or empty",
         ["pegawai.jenis_jabatan", "anggota.jenis_jabatan"], JENIS_JABATAN),
        # the Anggota Pokja cell counts only for a member from another unit or instansi
        ("jenis_known", "bool", "jenis jabatan diketahui dan terbaca", "jenis jabatan known and readable",
         ("pegawai.jenis_jabatan", "anggota.jenis_jabatan") + _ORIGIN),
        ("jenis_given", "bool", "kolom Jenis Jabatan pada Anggota Pokja terisi",
         "the Anggota Pokja Jenis Jabatan cell is filled", ["anggota.jenis_jabatan"]),
        ("on_pegawai", "bool", "orang ini tercantum pada sheet Pegawai", "this person is listed on the Pegawai sheet",
         ["pegawai"]),
        ("outsider", "bool", "berasal dari unit kerja atau instansi lain", "from another unit or instansi", _ORIGIN),
        ("other_instansi", "bool", "berasal dari instansi lain", "from another instansi",
         ["anggota.instansi_asal", "unit.instansi"]),
        ("other_unit_same_instansi", "bool", "berasal dari unit lain pada instansi ini",
         "from another unit of this instansi", _ORIGIN),
        ("pola", "str", "Pola Struktur unit (A atau B)", "the unit's Pola Struktur (A or B)",
         ["unit.pola_struktur"], POLA),
        ("task_empty", "bool", "Uraian Tugas kosong", "Uraian Tugas is empty", ["anggota.uraian_tugas"]),
        ("output_empty", "bool", "Output kosong", "Output is empty", ["anggota.output"]),
        ("output_shared", "int", "jumlah orang lain di Pokja unit ini dengan Output yang sama",
         "number of other persons in this unit's Pokja claiming the same Output",
         ["anggota.output", "anggota.kedudukan"]),
        ("approval_empty", "bool", "Nomor Persetujuan Pimpinan kosong", "Nomor Persetujuan Pimpinan is empty",
         ["anggota.nomor_persetujuan_pimpinan"]),
        ("voluntary", "bool", "Cara Penugasan Pengajuan Sukarela", "Cara Penugasan is Pengajuan Sukarela",
         ["anggota.cara_penugasan"]),
        ("pokja_n_target_in_pk", "int", "jumlah kode target Pokja ini yang ada di PK",
         "number of this Pokja's target codes found in the PK", _POKJA_TARGETS),
        ("n_mph_for_pokja_targets", "int", "jumlah entri MPH orang ini untuk target PK Pokja ini",
         "number of this person's MPH entries for this Pokja's PK targets",
         _POKJA_TARGETS + ("mph.peran_hasil", "mph.kode_target")),
        ("is_owner", "bool", "NIP sama dengan NIP JPT Pratama, Plt JPT Pratama, atau JPT Madya unit",
         "NIP equals the unit's JPT Pratama, Plt JPT Pratama or JPT Madya NIP",
         ("anggota.nip",) + _HEAD_NIPS + ("unit.nip_jpt_madya",)),
        _OWNER_NIPS_USABLE,
        ("nip_given", "bool", "kolom NIP pada Anggota Pokja terisi", "the Anggota Pokja NIP cell is filled",
         ["anggota.nip"]),
        ("known_jpt", "bool", "jenis jabatan JPT Madya atau JPT Pratama menurut Anggota Pokja atau Pegawai",
         "jenis jabatan JPT Madya or JPT Pratama on Anggota Pokja or on Pegawai",
         ["anggota.jenis_jabatan", "pegawai.jenis_jabatan"]),
        ("uncertain", "bool",
         "NIP tersimpan sebagai angka dan orangnya tidak dapat dicocokkan menurut nama: pencocokan tidak pasti",
         "the NIP is stored as a number and the person cannot be matched by name: the match is uncertain", []),
        ("recommendation_before_report", "bool",
         "Tanggal Rekomendasi Penilaian dan Tanggal Laporan Pokja terbaca dan rekomendasi sebelum laporan",
         "both Tanggal Rekomendasi Penilaian and the Pokja's Tanggal Laporan readable and the recommendation "
         "earlier", ["anggota.tanggal_rekomendasi_penilaian", "pokja.tanggal_laporan"]),
        ("approval_after_sk", "bool",
         "Tanggal Persetujuan Pimpinan dan Tanggal SK Pokja terbaca dan persetujuan setelah SK",
         "both Tanggal Persetujuan Pimpinan and the Pokja's Tanggal SK readable and the approval later",
         ["anggota.tanggal_persetujuan_pimpinan", "pokja.tanggal_sk"]),
        ("duplicate", "bool",
         "baris kedua dari orang yang sama dalam Pokja yang sama (kecuali Ketua yang juga Anggota)",
         "the second row of the same person in the same Pokja (except a Ketua also listed as Anggota)",
         ["anggota.kode_pokja", "anggota.kedudukan"]),
        ("recommendation_empty", "bool", "Tanggal Rekomendasi Penilaian kosong",
         "Tanggal Rekomendasi Penilaian is empty", ["anggota.tanggal_rekomendasi_penilaian"]),
        # cross-unit (crossunit.py): a person across units is their NIP
        ("home_unit_mismatch", "bool",
         "anggota dari unit lain instansi ini yang Kode Unit Asal-nya bukan unit yang sheet Pegawai-nya (atau roster "
         "induk) memuat NIP-nya; false bila tidak ada unit maupun roster yang memuat NIP itu",
         "a member from another unit of this instansi whose Kode Unit Asal is not the unit whose Pegawai sheet (or "
         "the master roster) holds the NIP; false when no unit and no roster holds that NIP",
         ("anggota.nip",) + _ORIGIN),
        ("cross_unit_output_claims", "int",
         "jumlah unit lain (menurut Kode Unit) yang Pokja-nya memuat orang yang sama (menurut NIP) dengan Output yang "
         "sama, pada baris pertama orang dan Output itu di unit ini; 0 pada baris berikutnya dan bagi Pengarah",
         "number of other units (by Kode Unit) whose Pokja list the same person (by NIP) with the same Output, on "
         "this unit's first row of that person and Output; 0 on later rows and for Pengarah",
         ["anggota.nip", "anggota.kedudukan", "anggota.output"]),
    ], ["p_position", "p_jenis", "p_output", "p_others", "p_unit_asal", "p_instansi_asal", "p_pokja_targets",
        "p_rows", "p_head_nip", "p_madya_nip", "p_recommendation_date", "p_approval_date", "p_nip_holders",
        "p_other_claims", "p_report_date", "p_sk_date"]),
    # The layout is the shape of the MPH header: a Kode Target column makes it long, so a long
    # row always has that column; a matrix row has a target and no Peran Hasil cell to lack.
    _kind("mph_row", "satu per baris sheet MPH", "one per MPH sheet row", [
        ("layout", "str", "tata letak MPH: matrix atau long", "MPH layout: matrix or long", ["mph"], MPH_LAYOUTS),
        ("has_person", "bool", "baris menyebut NIP, ID Pegawai atau Nama", "the row names a NIP, ID Pegawai or Nama",
         []),
        ("has_target", "bool", "baris tata letak panjang menyebut Kode Target",
         "the long-layout row names a Kode Target", ["mph"]),
        ("role_empty", "bool", "baris tata letak panjang tanpa Peran Hasil", "the long-layout row has no Peran Hasil",
         ["mph", "mph.peran_hasil if layout=long"]),
        ("person_known", "bool", "orang ini ada di Pegawai atau menjadi anggota Pokja unit",
         "this person is on Pegawai or a member of one of the unit's Pokja", _KNOWN_PEOPLE),
        ("uncertain", "bool",
         "NIP tersimpan sebagai angka dan orangnya tidak dapat dicocokkan menurut nama: pencocokan tidak pasti",
         "the NIP is stored as a number and the person cannot be matched by name: the match is uncertain", []),
    ], []),
    _kind("mph_entry", "satu per entri MPH (peran hasil terisi untuk satu target)",
          "one per MPH entry (a filled peran hasil for one target)", [
        ("target_in_pk", "bool", "kode target entri ada di PK", "the entry's target code is in the PK",
         ["pk.kode_target"]),
        ("person_known", "bool", "orang ini ada di Pegawai atau menjadi anggota Pokja unit",
         "this person is on Pegawai or a member of one of the unit's Pokja", _KNOWN_PEOPLE),
        ("served_by_own_pokja", "bool", "orang ini anggota Pokja yang mencantumkan target ini",
         "this person is a member of a Pokja naming this target",
         ["anggota.kode_pokja", "pokja.kode_pokja", "pokja.kode_target"]),
        ("has_surat_tugas", "bool", "ada Surat Tugas untuk orang dan target ini",
         "a Surat Tugas exists for this person and target", ["surat_tugas.kode_target"]),
        ("unit_has_pokja", "bool", "unit memiliki sedikitnya satu Pokja", "the unit has at least one Pokja", ["pokja"]),
        ("target_assigned", "bool", "sedikitnya satu Pokja atau Surat Tugas mencantumkan target ini",
         "at least one Pokja or Surat Tugas names this target", ["pokja.kode_target", "surat_tugas.kode_target"]),
        ("in_untargeted_pokja", "bool", "orang ini anggota Pokja yang tidak mencantumkan target PK mana pun",
         "this person is a member of a Pokja naming no target of the PK",
         ["anggota.kode_pokja", "pokja.kode_pokja", "pokja.kode_target", "pk.kode_target"]),
    ], ["p_role_text"]),
    _kind("surat_tugas", "satu per baris sheet Surat Tugas", "one per Surat Tugas sheet row", [
        ("has_nip", "bool", "kolom NIP terisi", "the NIP cell is filled", []),
        ("on_pegawai", "bool", "pemegang Surat Tugas tercantum pada sheet Pegawai",
         "the holder of the Surat Tugas is listed on the Pegawai sheet", ["pegawai"]),
        ("uncertain", "bool",
         "NIP tersimpan sebagai angka dan orangnya tidak dapat dicocokkan menurut nama: pencocokan tidak pasti",
         "the NIP is stored as a number and the person cannot be matched by name: the match is uncertain", []),
        ("jenis", "str", "jenis jabatan pemegang menurut Pegawai, atau kosong",
         "the holder's jenis jabatan on Pegawai, or empty", ["pegawai.jenis_jabatan"], JENIS_JABATAN),
        ("jenis_known", "bool", "jenis jabatan pemegang diketahui dari Pegawai",
         "the holder's jenis jabatan is known from Pegawai", ["pegawai.jenis_jabatan"]),
        ("date_outside_year", "bool", "Tanggal Surat Tugas terbaca dan di luar Tahun Kinerja",
         "the Surat Tugas Tanggal is readable and outside the Tahun Kinerja",
         ["surat_tugas.tanggal", "unit.tahun_kinerja"]),
    ], ["p_number", "p_date", "p_jenis", "p_year"]),
    # A reference is made of its code, so only the sheet it refers to is read.
    _kind("reference", "satu per rujukan kode (target PK atau Pokja) dari sheet lain yang kosong atau menyebut "
                       "kode yang tidak ada; rujukan yang sah tidak menjadi fakta",
          "one per code reference (PK target or Pokja) from another sheet that is empty or names an unknown "
          "code; references that resolve are no facts", [
        ("source", "str", "asal rujukan: pokja, member, mph_column, mph_row, surat_tugas",
         "where the reference is: pokja, member, mph_column, mph_row, surat_tugas", [], REFERENCE_SOURCES),
        ("refers_to", "str", "yang dirujuk: target atau pokja", "what it refers to: target or pokja", [],
         REFERENCE_TARGETS),
        ("empty", "bool", "tidak ada kode yang dicantumkan", "no code is named", []),
        ("known", "bool", "kode ada pada sheet yang dirujuk (PK atau Pokja)",
         "the code exists on the referred sheet (PK or Pokja)",
         ["pk.kode_target if refers_to=target", "pokja.kode_pokja if refers_to=pokja"]),
    ], ["p_code", "p_known_codes", "p_code_state"]),
    _kind("cell", "satu per sel terisi yang nilainya tidak sah (NIP, kosakata, tanggal, tahun), berisi rumus "
                  "tanpa nilai, atau per sel wajib yang kosong; sel yang sah tidak menjadi fakta",
          "one per filled cell whose value is not valid (NIP, vocabulary, date, year) or holds a formula without "
          "a value, and one per required cell left empty; valid cells are no facts", [
        ("check", "str", "jenis pemeriksaan: nip, vocab, date, year, formula, required (sel wajib yang kosong)",
         "check kind: nip, vocab, date, year, formula, required (a required cell left empty)", [], CELL_CHECKS),
        ("status", "str",
         "hasil: valid, invalid, number, unknown; untuk formula: error, no_cached_value; untuk required: empty",
         "result: valid, invalid, number, unknown; for formula: error, no_cached_value; for required: empty", [],
         CELL_STATUSES),
    ], ["p_raw", "p_column_label", "p_allowed", "p_reason"]),
    # The shape of the workbook itself: what it lacks is the fact.
    _kind("structure", "satu per masalah struktur workbook", "one per workbook structure problem", [
        ("problem", "str", "file_unreadable, sheet_missing atau column_missing",
         "file_unreadable, sheet_missing or column_missing", [], STRUCTURE_PROBLEMS),
    ], ["p_column_label", "p_detail", "p_consequence"]),
)}
