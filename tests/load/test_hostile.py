"""Issue 5: broken and hostile input gets one clear message, nothing is lost or executed.

The corpus is generated at test time by tests/make_hostile.py (no bomb is committed). Each
case is checked three ways: the loader itself (`load_workbook` / `describe`, both
languages), the reader workers (`pipeline.workers.run_tasks` with the task the command line uses), and the
command line end to end (`python -m checker check FOLDER good.xlsx --json -`: exit code 1,
a D05 finding for the bad file naming it, the good file's own finding still there). Input
files' bytes and modification times are compared before and after every command.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import make_hostile as mh
import pytest
from conftest import load_many
from rule_examples import build

from checker.facts.unit_build import UnitFacts
from checker.load import limits, unit_workbook
from checker.load.limits import Limits
from checker.load.model import FORMULA_ERROR, LoadError, describe
from checker.load.unit_workbook import load_workbook
from checker.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
# the good unit: the compliant example with one NIP serial 000 (a D01 on Pegawai A5, and the
# findings that follow from that person's NIP no longer matching the other sheets)
GOOD_EDIT = [{"sheet": "Pegawai", "where": {"NIP": "198811052014022002"}, "set": {"NIP": "198811052014022000"}}]
REFUSED = sorted(mh.EXPECT)
# refused cases whose extension pipeline.discovery lists as not checkable (their content says why)
LABELLED = {"xls_biff", "ods", "xlsb", "html_named_xls"}


# ============================================================================ helpers

def snapshot(paths) -> dict[str, tuple]:
    """Bytes (sha256), size and modification time of every input file."""
    out = {}
    for p in paths:
        st = os.stat(p)
        out[str(p)] = (hashlib.sha256(Path(p).read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


class Unchanged:
    """with Unchanged(paths): ... asserts that no input was modified by the block."""

    def __init__(self, paths):
        self.paths = [str(p) for p in paths]

    def __enter__(self):
        self.before = snapshot(self.paths)
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            assert snapshot(self.paths) == self.before, "an input file was modified"
        return False


def cli(*args, cwd=ROOT):
    env = {**os.environ, "COLUMNS": "200", "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)


# ============================================================================ fixtures

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, str]:
    """Every small case (bombs, broken files, sheet and cell cases) in one folder."""
    d = tmp_path_factory.mktemp("hostile")
    return mh.build_all(d)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("good")
    return str(build(GOOD_EDIT, d / "unit-baik.xlsx"))


@pytest.fixture(scope="module")
def tall(tmp_path_factory) -> str:
    return mh.build("tall_sparse", tmp_path_factory.mktemp("tall"))


@pytest.fixture(scope="module")
def folder_run(corpus, good, tmp_path_factory):
    """`check CORPUS_FOLDER good.xlsx --json -` in both languages, inputs snapshotted."""
    out = tmp_path_factory.mktemp("out")
    folder = os.path.dirname(next(iter(corpus.values())))
    inputs = list(corpus.values()) + [good]
    runs = {}
    for lang in ("id", "en"):
        with Unchanged(inputs):
            proc = cli("check", folder, good, "--json", "-", "--quiet", "--engine", "pandas", "--lang", lang,
                       "-o", out / f"temuan-{lang}.xlsx")
        assert proc.stdout.strip(), proc.stderr
        runs[lang] = (proc, json.loads(proc.stdout))
    return runs


def _findings(doc, path):
    return [f for f in doc["findings"] if os.path.abspath(f["file"]) == os.path.abspath(path)]


# ============================================================================ 1-3: refused before reading

@pytest.mark.parametrize("case", REFUSED)
def test_loader_refuses_with_a_clear_message(case, corpus):
    path = corpus[case]
    with Unchanged([path]):
        t = time.perf_counter()
        with pytest.raises(LoadError) as ei:
            load_workbook(path)
        elapsed = time.perf_counter() - t
    err = ei.value
    assert err.message_key == mh.EXPECT[case], (err.message_key, err.detail)
    assert elapsed < 2, elapsed                      # refused early, never parsed
    msg_id, msg_en = describe(err, "id"), describe(err, "en")
    assert path in msg_id and path in msg_en
    assert msg_id != msg_en and "{" not in msg_id + msg_en and "Traceback" not in msg_id + msg_en
    if err.message_key.startswith("format_") and err.message_key != "format_docx":
        assert ".xlsx" in msg_id and "simpan ulang" in msg_id and "save it again" in msg_en


def test_messages_say_what_is_accepted_and_how_to_fix(corpus):
    def msg(case, lang="id"):
        with pytest.raises(LoadError) as ei:
            load_workbook(corpus[case])
        return describe(ei.value, lang)
    assert "Format yang diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm)" in msg("ods")
    assert "Accepted formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm)" in msg("xlsb", "en")
    assert "Excel 97-2003 (.xls)" in msg("xls_biff")
    assert "kata sandi" in msg("password") and "hapus kata sandinya" in msg("password")
    assert "remove the password" in msg("password", "en")
    assert "teks/CSV" in msg("csv_renamed") and "halaman web" in msg("html_export")
    assert "Word" in msg("word_docx") and "kunci sementara Excel" in msg("lock_file")
    assert "DOCTYPE" in msg("billion_laughs") and "DOCTYPE" in msg("external_entity", "en")
    assert "Sheet Pegawai" in msg("sparse_bomb") and "XFD1048576" in msg("sparse_bomb")
    assert "17,179,869,184 cells" in msg("sparse_bomb", "en") and "17.179.869.184 sel" in msg("sparse_bomb")


def test_sniffing_reads_content_not_extension(corpus):
    u = load_workbook(corpus["xlsx_named_xls"])             # a real workbook named .xls
    assert u.unit["kode_unit"][1] == "D9.AS1" and u.problems == []
    with pytest.raises(LoadError) as ei:
        load_workbook(corpus["html_named_xls"])             # an HTML export named .xls
    assert ei.value.message_key == "format_html"


def test_zip_bomb_limits_live_together_and_bind(corpus):
    assert limits.ZIP_MAX_TOTAL_UNCOMPRESSED == 1 << 30 and limits.ZIP_MAX_RATIO == 100
    assert limits.SHEET_MAX_CELLS == 5_000_000
    assert Limits() == Limits(limits.DEFAULT_MEMORY_MB, limits.DEFAULT_TIMEOUT_S)
    details = {}
    for case in ("ratio_bomb", "declared_bomb", "forged_size"):
        with pytest.raises(LoadError) as ei:
            load_workbook(corpus[case])
        details[case] = ei.value.detail
    assert "ratio" in details["ratio_bomb"] and "declared size" in details["declared_bomb"]
    assert "more data than declared" in details["forged_size"]
    with pytest.raises(LoadError) as ei:
        load_workbook(corpus["corrupt_zip"])                # plain damage stays "corrupt"
    assert ei.value.message_key == "corrupt"


def test_entities_are_never_expanded(corpus):
    for case in ("billion_laughs", "external_entity", "late_doctype"):
        with pytest.raises(LoadError) as ei:
            load_workbook(corpus[case])
        assert ei.value.message_key == "xml_doctype", case


def test_lock_file_in_a_folder_is_skipped_silently(corpus):
    folder = os.path.dirname(corpus["lock_file"])
    found = [os.path.basename(r.path) for r in run.discover([folder])]
    assert "~$unit.xlsx" not in found and "rumus.xlsx" in found


# ============================================================================ through the workers

def test_workers_give_one_message_per_file_and_go_on(corpus, good):
    paths = [corpus[c] for c in REFUSED] + [good]
    with Unchanged(paths):
        got = load_many(paths, lang="en", jobs=2, limits=Limits())
    assert len(got) == len(paths)
    for case, item in zip(REFUSED, got):
        assert isinstance(item, tuple) and item[0] == corpus[case], case
        assert corpus[case] in item[2] and "Traceback" not in item[2]
        with pytest.raises(LoadError) as ei:
            load_workbook(corpus[case])
        assert item[2] == describe(ei.value, "en")
        assert item[1] == hashlib.sha256(Path(corpus[case]).read_bytes()).hexdigest()
    assert isinstance(got[-1], UnitFacts) and got[-1].ctx.code == "D9.AS1"


def test_missing_file_has_no_digest(tmp_path):
    (item,) = load_many([str(tmp_path / "tidak-ada.xlsx")], jobs=1, limits=Limits())
    assert item[1] is None and "tidak ditemukan" in item[2]


# ============================================================================ 4: memory and time bound per file

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS bounds memory on Linux only")
def test_memory_limit_stops_one_file_and_the_run_goes_on(tall, good):
    with Unchanged([tall, good]):
        got = load_many([tall, good], lang="id", jobs=1, limits=Limits(memory_mb=256))
    assert isinstance(got[0], tuple)
    assert got[0][2].startswith(f"Berkas {tall} terlalu besar untuk dibaca dalam batas memori 256 MB")
    assert got[0][1] == hashlib.sha256(Path(tall).read_bytes()).hexdigest()
    assert isinstance(got[1], UnitFacts)
    en = load_many([tall], lang="en", jobs=1, limits=Limits(memory_mb=256))
    assert "memory limit of 256 MB" in en[0][2]


def test_the_default_limits_read_the_same_file(tall):
    (u,) = load_many([tall], jobs=1, limits=Limits())
    assert isinstance(u, UnitFacts)
    assert u.columns["employee"]["row"][-1] == 7            # the stray text far below is no employee ...
    assert list(zip(u.columns["structure"]["row"], u.columns["structure"]["problem"])) == [
        (mh.TALL_SPARSE_ROW, "rows_unplaced")]                # ... but a row that could not be placed


def test_timeout_stops_one_file_and_the_run_goes_on(tall, good):
    t = time.perf_counter()
    got = load_many([tall, good, tall], lang="en", jobs=1,
                            limits=Limits(memory_mb=None, timeout_s=0.3))
    elapsed = time.perf_counter() - t
    assert got[0][2].startswith(f"Reading the file {tall} was stopped after the time limit of 0.3 seconds")
    assert isinstance(got[1], UnitFacts) and got[2][2] == got[0][2]
    assert elapsed < 10, elapsed


def test_results_in_input_order_whatever_the_jobs(corpus, good):
    cases = ["formulas", "empty", "values", "password", "merged_header", "ratio_bomb", "hidden_sheets"]
    files = [corpus[c] for c in cases] + [good]

    def summary(items):
        out = []
        for it in items:
            if isinstance(it, tuple):
                out.append(it)
            else:
                out.append((vars(it.ctx), it.columns))
        return out
    calls = []
    base = summary(load_many(files, jobs=1, limits=None))
    for jobs in (1, 3):
        calls.clear()
        got = load_many(files, jobs=jobs, limits=Limits(),
                                progress=lambda d, t: calls.append((d, t, os.getpid())))
        assert summary(got) == base, jobs
        assert calls == [(i, len(files), os.getpid()) for i in range(1, len(files) + 1)]


def test_a_loader_bug_is_one_files_message(monkeypatch, good, corpus):
    def boom(path, data=None, **kw):
        raise ZeroDivisionError("boom")
    monkeypatch.setattr(unit_workbook, "load_workbook", boom)
    (item,) = load_many([good], limits=None)
    assert "Kesalahan internal cek-pokja saat membaca" in item[2] and "ZeroDivisionError: boom" in item[2]
    with pytest.raises(ZeroDivisionError):
        load_many([good], limits=None, debug=True)


# ============================================================================ 5: sheets and cells

def test_hidden_sheets_are_checked_and_flagged(corpus):
    u = load_workbook(corpus["hidden_sheets"])
    assert u.tables["pegawai"].hidden and u.tables["surat_tugas"].hidden      # hidden, very hidden
    assert not u.tables["pk"].hidden
    assert sorted(u.hidden_sheets) == ["Pegawai", "Surat Tugas"]
    assert len(u.tables["pegawai"].rows["_row"]) == 6
    res = run.check([corpus["hidden_sheets"]], engine="pandas")
    d01 = [f for f in res.findings if f.rule == "D01"]
    assert [(f.sheet, f.row, f.column, f.sheet_hidden) for f in d01] == [("Pegawai", 3, "A", True)]
    assert d01[0].message.endswith("(Sheet Pegawai tersembunyi: tampilkan dengan klik kanan pada tab sheet > Unhide.)")


def test_merged_two_row_header_and_column_numbers(corpus):
    u = load_workbook(corpus["merged_header"])
    t = u.tables["pokja"]
    assert [p for p in u.problems if p.sheet == "Pokja"] == []
    assert t.header_row == 3
    assert t.rows["_row"] == [6, 7]                # title rows, sub-header, "(1) (2) ..." skipped
    assert t.columns["kode_pokja"] == "A" and t.columns["nip_penetap_sk"] == "G"
    assert t.columns["tanggal_sk"] == "H" and t.columns["tanggal_diterima_jpt_madya"] == "N"
    assert t.rows["tanggal_sk__st"] == ["ok", "ok"]
    assert t.rows["kode_pokja"] == ["sub-1", "duk-1"]


def test_formula_errors_and_missing_cached_values_are_not_empty(corpus):
    for case, prefixed in (("formulas", False), ("formulas_prefixed", True)):
        u = load_workbook(corpus[case])
        pk, peg = u.tables["pk"], u.tables["pegawai"]
        if prefixed:
            assert pk.formula_issues == {(3, "D"): "error:#VALUE!"}
            assert peg.formula_issues == {(4, "C"): "no_cached_value"}
            assert peg.rows["nama__raw"][2] == "=B2"
            continue
        assert pk.formula_issues == {(3, "D"): "error:#DIV/0!"}
        assert pk.rows["target"] == ["80", None]          # cached 80 read; the error is None...
        assert pk.rows["target__raw"] == ["80", "#DIV/0!"]  # ...and shown as Excel shows it
        assert peg.formula_issues == {(3, "E"): "error:#N/A", (4, "C"): "no_cached_value"}
        assert peg.rows["nama_jabatan__raw"][1] == "#N/A"
        assert peg.rows["nama"][2] is None
        assert peg.rows["nama__raw"][2] == '="Agus "&"Prasetyo"'
        pok = u.tables["pokja"]
        assert pok.formula_issues == {(2, "G"): "no_cached_value", (3, "G"): "error:#REF!"}
        assert pok.rows["tanggal_sk"] == [None, None]
        assert pok.rows["tanggal_sk__st"] == [FORMULA_ERROR, FORMULA_ERROR]
        assert pok.rows["tanggal_sk__raw"] == ["=DATE(2025,1,20)", "#REF!"]
        assert pok.rows["kode_target__raw"][0] == "PK-01"      # a cached text result is fine


def test_values_nip_numbers_dates_and_spaces(corpus):
    u = load_workbook(corpus["values"])
    peg = u.tables["pegawai"].frame()
    assert peg["nip__st"].tolist()[1] == "number"
    assert peg["nama"].tolist()[2] == "Agus Prasetyo, S.T." and peg["jenis_jabatan"].tolist()[3] == "Fungsional"
    pok = u.tables["pokja"].frame()
    assert pok["tanggal_sk__st"].tolist() == ["invalid", "ok"]       # a bare serial 45677 / "Jakarta, 20 Pebruari 2025"
    assert pok["tanggal_sk__raw"].tolist()[0] == "45677"
    assert [d.isoformat() for d in pok["tanggal_konsultasi_ortala"]] == ["2025-01-15", "2025-01-15"]
    assert pok["tanggal_sk"].tolist()[1].isoformat() == "2025-02-20"
    st = u.tables["surat_tugas"].frame()
    assert st["tanggal"].tolist()[0].isoformat() == "2025-02-03"


def test_ten_thousand_formatted_empty_rows_are_no_data(corpus):
    """Formatted empty rows below the table are not rows (their cost is bench/'s business)."""
    u = load_workbook(corpus["trailing_rows"])
    assert len(u.tables["pegawai"].rows["_row"]) == 6 and len(u.tables["anggota"].rows["_row"]) == 9


def test_repeated_header_rows_are_not_data(corpus):
    u = load_workbook(corpus["repeated_header"])
    peg = u.tables["pegawai"].frame()
    assert peg["_row"].tolist() == [2, 3, 4, 7, 8, 9]
    assert "NIP" not in peg["nip__raw"].tolist()
    assert u.tables["anggota"].rows["_row"] == [2, 3, 4, 5, 6, 8, 9, 10, 11]
    assert u.problems == []


def test_columns_in_any_order(corpus, good):
    shuffled = load_workbook(corpus["shuffled_columns"])
    plain = load_workbook(mh.write(Path(corpus["shuffled_columns"]).with_name("polos.xlsx"), mh.base_xlsx()))
    for kind in ("pegawai", "pokja", "anggota"):
        a, b = shuffled.tables[kind], plain.tables[kind]
        assert set(a.columns) == set(b.columns) and a.columns != b.columns
        cols = list(b.rows)
        assert {c: a.rows[c] for c in cols} == {c: b.rows[c] for c in cols}, kind
    os.remove(plain.path)


def test_fifty_thousand_rows_are_refused_with_a_located_d05(tmp_path):
    """50,000 employees: beyond the Pegawai row limit (a whole durable run would pass the
    default memory limit), refused with a D05 naming the sheet, its rows and the limit."""
    path = mh.build("big_50k", tmp_path)
    (u,) = load_many([path], limits=Limits())
    assert not isinstance(u, UnitFacts)
    result = run.check([path], engine="pandas")
    (d05,) = [f for f in result.findings if f.rule == "D05"]
    assert d05.message.startswith(f"Sheet Pegawai pada {path} memuat 50.001 baris; paling banyak 20.000 baris dibaca")


def test_a_unit_of_nineteen_thousand_employees_is_read(tmp_path):
    """Within the row limits: every row read (its time is bench/'s business, not a test's)."""
    path = mh.write(str(tmp_path / "besar-19000.xlsx"), mh.xlsx_bytes(mh.big_sheets(19_000)))
    (u,) = load_many([path], limits=Limits())
    assert isinstance(u, UnitFacts), u
    assert len(u.columns["employee"]["row"]) == 19_000 and len(u.columns["mph_row"]["row"]) == 19_000
    assert u.columns["employee"]["row"][-1] == 19_001


def test_sheet_names_sharing_one_part_are_read_once(tmp_path, monkeypatch):
    """A crafted workbook declaring 20,000 sheet names, all pointing at one sheet part, took 3 s
    to check (the sheet finder read the part once per name, looking for a missing sheet by its
    columns); the part is read once, the findings stay those of the sample."""
    from heavy_copies import SAMPLE, many_sheets
    reads = []
    real = unit_workbook.read_sheet
    monkeypatch.setattr(unit_workbook, "read_sheet", lambda *a: reads.append(a[2]) or real(*a))
    many = many_sheets(tmp_path / "banyak.xlsx", n=2_000)
    got = [(f.rule, f.sheet, f.row, f.column) for f in run.check([str(many)], engine="pandas").findings]
    assert len(reads) <= 8 and len(set(reads)) == len(reads), reads          # 7 contract sheets and one part
    plain = [(f.rule, f.sheet, f.row, f.column) for f in run.check([str(SAMPLE)], engine="pandas").findings]
    assert got == plain and "D04" in {r for r, *_ in got}


# ============================================================================ end to end

@pytest.mark.parametrize("case", REFUSED)
def test_cli_bad_file_is_a_d05_and_the_rest_is_checked(case, corpus, good, folder_run):
    path = corpus[case]
    for _lang, (proc, doc) in folder_run.items():
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        if case == "lock_file":
            assert _findings(doc, path) == []                   # skipped silently
            continue
        d05 = [f for f in _findings(doc, path) if f["rule"] == "D05"]
        assert len(d05) == 1, (case, _findings(doc, path))
        assert path in d05[0]["message"], d05[0]["message"]
        inp = [i for i in doc["inputs"] if os.path.abspath(i["file"]) == os.path.abspath(path)]
        assert inp and inp[0]["status"] == "unreadable"
        # the good unit is still checked, with its own finding (the corpus holds more copies of
        # its unit, so cross-unit rules add their own findings there)
        assert ("D01", "Pegawai", 5, "A") in {(f["rule"], f["sheet"], f["row"], f["column"])
                                              for f in _findings(doc, good)}


def test_cli_sheet_and_cell_cases_are_checked(corpus, folder_run):
    proc, doc = folder_run["id"]
    status = {os.path.basename(i["file"]): i["status"] for i in doc["inputs"]}
    for case in ("hidden_sheets", "merged_header", "formulas", "values", "trailing_rows", "repeated_header",
                 "shuffled_columns", "formulas_prefixed"):
        assert status[os.path.basename(corpus[case])] == "checked", case
    for case in ("merged_header", "repeated_header", "shuffled_columns", "trailing_rows"):
        # The corpus copies one unit many times: the cross-unit rules (X05 same Kode Unit) rightly fire.
        assert [f["rule"] for f in _findings(doc, corpus[case]) if not f["rule"].startswith("X")] == [], case
    hidden = [f for f in _findings(doc, corpus["hidden_sheets"]) if f["rule"] == "D01"]
    assert hidden and hidden[0]["sheet_hidden"] is True
    vals = {(f["rule"], f["sheet"], f["column"], f["row"]) for f in _findings(doc, corpus["values"])}
    assert ("D01", "Pegawai", "A", 3) in vals and ("D04", "Pokja", "G", 2) in vals


def test_cli_formula_cells_are_reported(corpus, folder_run):
    _, doc = folder_run["id"]
    cells = {(f["rule"], f["sheet"], f["column"], f["row"]) for f in _findings(doc, corpus["formulas"])}
    assert {("D06", "Pokja", "G", 2), ("D06", "Pokja", "G", 3), ("D06", "PK", "D", 3), ("D06", "Pegawai", "E",
                                                                                        3)} <= cells


def test_cli_pair_good_and_bad(corpus, good, tmp_path):
    bad = shutil.copy(corpus["password"], tmp_path / "kunci.xlsx")
    with Unchanged([bad, good]):
        proc = cli("check", good, bad, "--json", "-", "--quiet", "--engine", "pandas", "--lang", "en",
                   "-o", tmp_path / "out.xlsx")
    assert proc.returncode == 1 and proc.stderr == ""
    doc = json.loads(proc.stdout)
    d05 = [f for f in _findings(doc, bad) if f["rule"] == "D05"]
    assert len(d05) == 1 and str(bad) in d05[0]["message"] and "password" in d05[0]["message"]
    assert ("D01", "Pegawai", 5, "A") in {(f["rule"], f["sheet"], f["row"], f["column"]) for f in _findings(doc, good)}


def test_cli_only_bad_files_exit_2(corpus, tmp_path):
    with Unchanged([corpus["empty"], corpus["ratio_bomb"]]):
        proc = cli("check", corpus["empty"], corpus["ratio_bomb"], "--json", "-", "--quiet", "--engine", "pandas",
                   "-o", tmp_path / "out.xlsx")
    assert proc.returncode == 2, proc.stderr
    doc = json.loads(proc.stdout)
    assert sorted(f["rule"] for f in doc["findings"]) == ["D05", "D05"]


def test_cli_limits_are_options(tall, good, tmp_path):
    with Unchanged([tall, good]):
        proc = cli("check", tall, good, "--json", "-", "--quiet", "--engine", "pandas", "--max-memory", "256",
                   "-o", tmp_path / "out.xlsx")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    d05 = [f for f in _findings(doc, tall) if f["rule"] == "D05"]
    assert len(d05) == 1 and "256 MB" in d05[0]["message"] and tall in d05[0]["message"]
    assert ("D01", "Pegawai", 5, "A") in {(f["rule"], f["sheet"], f["row"], f["column"]) for f in _findings(doc, good)}
