"""Structure facts: one per problem of the workbook's shape (an unreadable file, a missing
sheet or column, two sheets for one kind, a sheet fitting two kinds), each counted from the
stage that requires it, and one for all the rows the reader could not place (D05;
input-format.md, *Tables on a sheet*): located at the first, naming every sheet and its rows,
its text the value found; its value `unplaced` keeps its fingerprint from run to run."""
from __future__ import annotations

from checker.facts.declare import choice, fact_kind
from checker.input import contract
from checker.input.values import col_letter
from checker.terms import runs_in
from checker.texts import both

STRUCTURE_PROBLEMS = ("file_unreadable", "sheet_missing", "column_missing", "sheet_ambiguous", "kind_ambiguous",
                      "rows_unplaced")
# The shape of the workbook itself: what it lacks is the fact.
STRUCTURE = fact_kind(
    "structure", id="satu per masalah struktur workbook", en="one per workbook structure problem",
    fields=[
        choice("problem", values=STRUCTURE_PROBLEMS,
               id="file_unreadable, sheet_missing, column_missing, sheet_ambiguous (dua sheet untuk satu jenis), "
                  "kind_ambiguous (satu sheet cocok untuk dua jenis) atau rows_unplaced (baris yang tidak dapat "
                  "ditempatkan, satu untuk unit)",
               en="file_unreadable, sheet_missing, column_missing, sheet_ambiguous (two sheets for one kind), "
                  "kind_ambiguous (one sheet fitting two kinds) or rows_unplaced (rows that could not be placed, "
                  "one for the unit)"),
    ],
    # Parameters are text in every fact ("" where none): a column of text and None would read
    # None back as NaN (pandas' string dtype), which shows as a value found.
    params=["p_column_label", "p_detail", "p_consequence", "p_raw"])
UNPLACED_VALUE = "unplaced"


def _kind_of_label(label):
    for spec in contract.SHEETS:
        if spec.label == label or spec.kind == label:
            return spec.kind
    return None


def _aliases_of(kind, fld) -> str:
    spec = contract.SHEETS_BY_KIND.get(kind)
    col = next((c for c in spec.columns if c.field == fld), None) if spec else None
    return ", ".join(col.aliases) or "-" if col else "-"


def _aliases(p) -> str:
    kind = _kind_of_label(p.sheet)
    if p.code == "column_missing" and kind and p.field:
        return _aliases_of(kind, p.field)
    if p.code == "sheet_missing" and kind:
        return ", ".join(contract.SHEETS_BY_KIND[kind].aliases) or "-"
    return "-"


def structure_detail(code, sheet, column, aliases, detail):
    """The sentence a D05 finding opens with, in both languages."""
    also = {lang: (both("fact.also_named", aliases=aliases)[lang] if aliases != "-" else "") for lang in ("id", "en")}
    if code == "sheet_ambiguous":
        return both("fact.sheet_ambiguous", sheet=sheet, names=detail)
    if code == "kind_ambiguous":
        return both("fact.kind_ambiguous", sheet=sheet, kinds=detail)
    if code in ("sheet_missing", "column_missing"):
        key = "fact.sheet_missing" if code == "sheet_missing" else "fact.column_missing"
        return {lang: both(key, sheet=sheet, column=column, also=also[lang])[lang] for lang in ("id", "en")}
    return detail or "-"


def _problem_facts(u, out) -> None:
    for p in u.loaded.problems:
        if not runs_in(p.required_from, u.stage):
            continue
        info = u.ctx.sheets.get(_kind_of_label(p.sheet)) if p.sheet and p.code != "kind_ambiguous" else None
        out.add("structure", None, p.row if p.code == "column_missing" else None, None, {"problem": p.code},
                sheet=info.name if info else p.sheet, value=f"{p.code}:{p.sheet}:{p.column}",
                params={"p_column_label": p.column or "-",
                        "p_detail": structure_detail(p.code, p.sheet, p.column, _aliases(p), p.detail),
                        "p_consequence": both("fact.partial"), "p_raw": ""})


def _conditional_columns(u, out) -> None:
    """Columns required only when some row needs them (input-format.md, "Matching and comparing")."""
    anggota = u.ctx.sheets.get("anggota")
    if anggota is None:
        return
    outsiders = [m for m in u.members if m["is_member"] and m["outsider"]]
    same_inst = [m for m in outsiders if not m["other_instansi"]]
    needs = [("jenis_jabatan", "Jenis Jabatan", "rancangan", outsiders),
             ("nomor_persetujuan_pimpinan", "Nomor Persetujuan Pimpinan", "penetapan", outsiders),
             ("tanggal_rekomendasi_penilaian", "Tanggal Rekomendasi Penilaian", "evaluasi", same_inst)]
    for fld, label, frm, rows in needs:
        if rows and fld not in anggota.columns and runs_in(frm, u.stage):
            aliases = _aliases_of("anggota", fld)
            out.add("structure", None, anggota.header_row, None, {"problem": "column_missing"},
                    sheet=anggota.name, value=f"column_missing:Anggota Pokja:{label}",
                    params={"p_column_label": label,
                            "p_detail": structure_detail("column_missing", anggota.name, label, aliases, ""),
                            "p_consequence": both("fact.partial"), "p_raw": ""})


def _rows_text(unplaced) -> str:
    """"Pegawai: 31–33; Anggota Pokja: 40": each sheet and its rows, runs joined by a dash."""
    by_sheet: dict[str, list[int]] = {}
    for x in unplaced:
        by_sheet.setdefault(x.sheet, []).append(x.row)
    parts = []
    for sheet_name, rows in by_sheet.items():
        rows = sorted(set(rows))
        runs, start = [], rows[0]
        for a, b in zip(rows, rows[1:] + [None]):
            if b != a + 1:
                runs.append(str(start) if start == a else f"{start}\u2013{a}")
                start = b
        parts.append(f"{sheet_name}: {', '.join(runs)}")
    return "; ".join(parts)


def _unplaced_fact(u, out) -> None:
    """One fact for every row the reader could not place, at the first of them."""
    lost = u.loaded.unplaced
    if not lost:
        return
    first = lost[0]
    out.add("structure", first.kind, first.row, col_letter(first.col), {"problem": "rows_unplaced"},
            sheet=first.sheet, value=UNPLACED_VALUE,
            params={"p_column_label": "", "p_detail": both("fact.rows_unplaced", rows=_rows_text(lost)),
                    "p_consequence": both("fact.rows_unplaced_rest"), "p_raw": first.text})


def structure_facts(u, out) -> None:
    _problem_facts(u, out)
    _conditional_columns(u, out)
    _unplaced_fact(u, out)
