"""Unit facts (one per workbook) and PK target facts (one per PK row)."""
from __future__ import annotations

from checker.facts.declare import col, count, fact_kind, flag, sheet
from checker.facts.people import found_placeholder, is_empty, text
from checker.input.values import fold_code
from checker.texts import both

SUPPORT, SUBSTANCE = "Dukungan Teknis dan Administrasi", "Substansi"

UNIT = fact_kind(
    "unit", id="satu per unit kerja", en="one per unit",
    fields=[
        count("n_pokja", id="jumlah Pokja pada sheet Pokja", en="number of Pokja on the Pokja sheet",
              reads=sheet("pokja")),
        count("n_pokja_substance", id="jumlah Pokja berjenis Substansi", en="number of Pokja of jenis Substansi",
              reads=col("pokja", "jenis_pokja")),
        count("n_pokja_support", id="jumlah Pokja berjenis Dukungan Teknis dan Administrasi",
              en="number of Pokja of jenis Dukungan Teknis dan Administrasi", reads=col("pokja", "jenis_pokja")),
        count("n_pokja_jenis_unknown",
              id="jumlah Pokja yang Jenis Pokja-nya kosong (atau hanya tanda isian) atau tidak terbaca",
              en="number of Pokja whose Jenis Pokja is empty (or only a placeholder) or unreadable",
              reads=col("pokja", "jenis_pokja")),
        # a PK row counts when it has a Kode Target or an Indikator Kinerja
        count("n_pk_target", id="jumlah target pada sheet PK", en="number of targets on the PK sheet",
              reads=sheet("pk")),
    ],
    params=["p_support_codes", "p_pokja_codes"],
    hidden=["_code_key"])       # Kode Unit folded as a code (crossunit.py joins on it)


def unit_facts(u, out) -> None:
    pokja = u.rows("pokja")
    kinds = [r.get("jenis_pokja") for r in pokja]
    unknown = sum(1 for r in pokja if (r.get("jenis_pokja__st") or "empty") != "ok")
    support = [text(r.get("kode_pokja__raw") or r.get("kode_pokja")) for r in pokja if r.get("jenis_pokja") == SUPPORT]
    n_pk = sum(1 for r in u.rows("pk") if text(r.get("kode_target")) or text(r.get("indikator_kinerja")))
    entry = u.unit_entry("kode_unit")
    out.add("unit", "unit", entry[3] if entry else None, entry[4] if entry else None, {
        "n_pokja": len(pokja), "n_pokja_substance": kinds.count(SUBSTANCE), "n_pokja_support": kinds.count(SUPPORT),
        "n_pokja_jenis_unknown": unknown,
        "n_pk_target": n_pk,
    }, params={"p_support_codes": ", ".join(support) or "-",
               "p_pokja_codes": ", ".join(text(r.get("kode_pokja__raw")) for r in pokja) or "-"},
        hidden={"_code_key": fold_code(u.code or "")})


# shared with mph_entry (mph.py)
UNIT_HAS_POKJA = flag("unit_has_pokja", id="unit memiliki sedikitnya satu Pokja", en="the unit has at least one Pokja",
                      reads=sheet("pokja"))

TARGET = fact_kind(
    "target", id="satu per target PK (baris sheet PK)", en="one per PK target (PK sheet row)",
    fields=[
        count("n_pokja_serving", id="jumlah Pokja yang mencantumkan kode target ini",
              en="number of Pokja naming this target code", reads=col("pokja", "kode_target")),
        count("n_surat_tugas", id="jumlah Surat Tugas untuk kode target ini",
              en="number of Surat Tugas for this target code", reads=col("surat_tugas", "kode_target")),
        count("n_mph_entry", id="jumlah entri MPH (peran hasil terisi) untuk kode target ini",
              en="number of MPH entries (filled peran hasil) for this target code",
              reads=[sheet("mph"), col("mph", "peran_hasil")]),
        UNIT_HAS_POKJA,
        flag("value_empty", id="sel Target pada baris PK ini kosong (atau hanya tanda isian), atau sheet PK tanpa "
                               "kolom Target",
             en="the Target cell of this PK row is empty (or only a placeholder), or the PK sheet has no Target column",
             reads=col("pk", "target")),
        flag("pk_has_target_column", id="sheet PK memiliki kolom Target", en="the PK sheet has a Target column",
             reads=col("pk", "target")),
        flag("first_target", id="baris target pertama pada sheet PK", en="the first target row of the PK sheet",
             reads=sheet("pk")),
    ],
    params=["p_indicator", "p_found_value", "p_value_problem"])


def target_facts(u, out) -> None:
    pokja = u.rows("pokja")
    entries: dict[str, int] = {}
    for r in u.mph:
        if r.get("peran_hasil"):
            code = text(r.get("kode_target"))
            entries[code] = entries.get(code, 0) + 1
    has_column = u.col("pk", "target") is not None
    first = True
    for r in u.rows("pk"):
        code = text(r.get("kode_target"))
        if not code:
            continue
        serving = sum(1 for p in pokja if code in (p.get("kode_target") or []))
        n_st = sum(1 for _, c in u.surat_tugas if c == code)
        raw = text(r.get("kode_target__raw")) or code
        indicator = text(r.get("indikator_kinerja__raw") or r.get("indikator_kinerja"))
        out.add("target", "pk", r["_row"], u.col("pk", "kode_target"), {
            "n_pokja_serving": serving, "n_surat_tugas": n_st, "n_mph_entry": entries.get(code, 0),
            "unit_has_pokja": len(pokja) > 0, "value_empty": not has_column or is_empty(r, "target"),
            "pk_has_target_column": has_column, "first_target": first,
        }, target=raw, value=code,
            params={"p_indicator": indicator,
                    "p_found_value": found_placeholder(r, ("target", "Target")),
                    "p_value_problem": both("fact.target_value_empty", code=raw, indicator=indicator) if has_column
                    else both("fact.target_column_missing", codes=u.pk_labels or "-")})
        first = False
