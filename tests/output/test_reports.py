"""Reports: JSON document, findings workbook, atomic writing."""
from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from checker.findings import JSON_KEYS, make_finding
from checker.output import atomic
from checker.output import findings_workbook as report_xlsx
from checker.output import jsondoc as report_json
from checker.result import InputFile, RunResult


@dataclass
class StubRule:
    id: str
    slug: str
    severity: str
    from_stage: str
    basis: str
    legal_text: str
    titles: dict = field(default_factory=dict)

    def text(self, name, lang):
        return {"title": self.titles}.get(name, {}).get(lang, "")


RULES = [
    StubRule("U03", "pokja-dukungan-tidak-tunggal", "error", "rancangan", "Lampiran II.D.2.b",
             "b. 1 (satu) Pokja yang menangani urusan dukungan teknis dan administrasi.",
             {"id": "Pokja dukungan tidak tunggal", "en": "Support Pokja not single"}),
    StubRule("P07", "nip-tidak-valid", "warning", "penetapan", "Pasal 5 ayat (2)", "NIP ...",
             {"id": "NIP tidak valid", "en": "Invalid NIP"}),
    StubRule("E02", "catatan-evaluasi", "info", "evaluasi", "Pasal 9", "Evaluasi ...", {}),
]

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2+3", "{=A1}", "http://example.com"]

FINDING_HEADERS_ID = [
    "No", "Kode Unit", "Nama Unit", "Aturan", "Nama Aturan", "Tingkat", "Dasar Hukum", "Uraian",
    "Kode Pokja", "NIP", "Nama", "Kode Target", "Berkas", "Sheet", "Baris", "Kolom",
    "Nilai Ditemukan", "Saran Perbaikan",
    "Tanggapan", "Alasan", "Disetujui oleh", "Berlaku sampai", "Status Pengecualian", "Sidik jari",
]
FINDING_HEADERS_EN = [
    "No", "Unit Code", "Unit Name", "Rule", "Rule Name", "Severity", "Legal Basis", "Description",
    "Pokja Code", "NIP", "Name", "Target Code", "File", "Sheet", "Row", "Column", "Value Found",
    "Suggested Fix",
    "Response", "Reason", "Approved by", "Valid until", "Waiver Status", "Fingerprint",
]


def _source(path: Path, sheet: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.active.title = sheet
    wb.save(path)
    return path


def _finding(r, severity, **kw):
    base = dict(rule=r.id, slug=r.slug, severity=severity, basis=r.basis,
                message="pesan", hint="saran")
    base.update(kw)
    return make_finding(**base)


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Output folder tmp/out; unit A's file below it, unit B's file elsewhere."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    src_a = _source(out / "data" / "unit a.xlsx", "Anggota Pokja")
    src_b = _source(tmp_path / "elsewhere" / "unit-b.xlsx", "Pegawai")
    rel_a, rel_b = os.path.relpath(src_a), os.path.relpath(src_b)
    u03, p07, e02 = RULES
    findings = [
        _finding(u03, "error", unit="A01", unit_name="Biro Umum", pokja="PK-01", file=rel_a,
                 sheet="Anggota Pokja", row=12, column="C", message=DANGEROUS[0], hint=DANGEROUS[1],
                 evidence={"n_pokja_support": 2, "kode": ["PK-01", "PK-02"]}),
        _finding(p07, "warning", unit="A01", unit_name="Biro Umum", nip="199001012015031001",
                 name="@SUM(A1)", file=rel_a, sheet="Anggota Pokja", row=7, column="B",
                 message="+1", hint="-2+3", evidence={"nip": "=1+1"}, found='NIP: "=1+1"'),
        _finding(e02, "info", unit="A01", unit_name="Biro Umum", target="{=A1}",
                 file=rel_a, sheet="Anggota Pokja", row=8, column="D", message="http://example.com"),
        _finding(p07, "warning", unit="B02", unit_name="Biro Hukum", nip="123", name="Budi",
                 file=rel_b, sheet="Pegawai", row=5, column="B", message="tersembunyi",
                 sheet_hidden=True),
        _finding(RULES[0], "error", rule="D05", slug="berkas-tidak-terbaca", file="rusak.xlsx",
                 message="Berkas tidak dapat dibaca", hint="Simpan ulang sebagai .xlsx"),
    ]
    inputs = [
        InputFile(rel_a, "a" * 64, "A01", "Biro Umum", "Sekretariat Jenderal"),
        InputFile(rel_b, "b" * 64, "B02", "Biro Hukum", "Sekretariat Jenderal"),
        InputFile("rusak.xlsx", None, None, status="unreadable", detail="File is not a zip file"),
    ]
    result = RunResult(
        tool="cek-pokja", version="0.1.0", rulebase_version="2025.1", stage="penetapan", lang="id",
        engine="pandas", checked_at=datetime(2025, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=7))),
        inputs=inputs, findings=findings, rules=list(RULES),
    )
    return result, out


def _write(result, out, lang="id", name="temuan.xlsx"):
    result.lang = lang
    path = out / name
    report_xlsx.write_workbook(result, path)
    return openpyxl.load_workbook(path), path


def _rows(ws, min_row=1):
    return [list(r) for r in ws.iter_rows(min_row=min_row, values_only=True)]


# ------------------------------------------------------------------ workbook

def test_sheet_names(run):
    result, out = run
    wb, _ = _write(result, out)
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Cetak", "Aturan", "Berkas"]
    wb, _ = _write(result, out, "en", "findings.xlsx")
    assert wb.sheetnames == ["Summary", "Findings", "Print", "Rules", "Files"]


def test_headers(run):
    result, out = run
    wb, _ = _write(result, out)
    # beside the header, one cell saying which sheet prints (it is Temuan's print area)
    assert _rows(wb["Temuan"])[0] == FINDING_HEADERS_ID + [
        None, "Tabel ini untuk disaring di layar. Untuk dicetak, gunakan sheet Cetak."]
    assert _rows(wb["Aturan"])[0] == ["ID", "Slug", "Tingkat", "Tahap", "Dasar Hukum", "Kutipan", "Nama Aturan"]
    assert _rows(wb["Berkas"])[0] == ["Berkas", "SHA-256", "Kode Unit", "Status"]
    wb, _ = _write(result, out, "en", "en.xlsx")
    assert _rows(wb["Findings"])[0] == FINDING_HEADERS_EN + [
        None, "This table is for filtering on screen. To print, use the Print sheet."]
    assert _rows(wb["Print"])[2] == ["No", "Cell", "Rule", "Severity", "Legal Basis", "Description", "Suggested Fix"]
    assert _rows(wb["Rules"])[0] == ["ID", "Slug", "Severity", "Stages", "Legal Basis", "Legal Text", "Rule Name"]
    assert _rows(wb["Files"])[0] == ["File", "SHA-256", "Unit Code", "Status"]


def test_findings_rows_in_order(run):
    result, out = run
    wb, _ = _write(result, out)
    rows = _rows(wb["Temuan"], 2)
    assert len(rows) == len(result.findings)
    sev = {"error": "Pelanggaran", "warning": "Peringatan", "info": "Catatan"}
    for i, (row, f) in enumerate(zip(rows, result.findings), start=1):
        assert row[0] == i
        assert row[1:4] == [f.unit, f.unit_name, f.rule]
        assert row[5] == sev[f.severity]
        assert row[6:13] == [f.basis, f.message, f.pokja, f.nip, f.name, f.target, f.file]
        assert row[14] == f.row                    # a number, so that row 10 sorts after row 3
        assert row[15:18] == [f.column, f.found, f.hint]
    assert [r[4] for r in rows] == ["Pokja dukungan tidak tunggal", "NIP tidak valid", "catatan-evaluasi",
                                    "NIP tidak valid", "berkas-tidak-terbaca"]
    # Nilai Ditemukan: what the user typed, never the internal facts (those stay in the JSON evidence)
    assert rows[0][16] is None and rows[1][16] == 'NIP: "=1+1"'
    assert not any("n_pokja_support" in str(v) for r in rows for v in r)
    assert rows[1][9] == "199001012015031001"      # NIP stays text


def test_english_texts(run):
    result, out = run
    wb, _ = _write(result, out, "en", "en.xlsx")
    rows = _rows(wb["Findings"], 2)
    assert [r[5] for r in rows] == ["Error", "Warning", "Info", "Warning", "Error"]
    assert rows[0][4] == "Support Pokja not single"
    assert rows[3][13] == "Pegawai (hidden)"
    summary = _rows(wb["Summary"])
    assert ["Unit Code", "Unit Name", "JPT Madya Unit", "Errors", "Data Errors", "Warnings", "Notes", "Waived",
            "Status (as recorded)", "Rules Broken", "File", None, "Chart label (not printed)"] in summary
    statuses = {r[0] or r[1]: r[8] for r in summary if r[8] in ("Compliant", "Not compliant", "Unreadable")}
    assert statuses == {"A01": "Not compliant", "B02": "Compliant", "file: rusak.xlsx": "Unreadable"}
    files = _rows(wb["Files"], 2)
    assert [r[3] for r in files] == ["checked", "checked", "unreadable: File is not a zip file"]


def test_no_formulas_and_dangerous_strings_exact(run):
    result, out = run
    wb, path = _write(result, out)
    values = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                values.add(cell.value)
    for text in DANGEROUS + ["-2+3", 'NIP: "=1+1"']:
        assert text in values
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)


def test_frozen_header_and_autofilter(run):
    result, out = run
    wb, _ = _write(result, out)
    ws = wb["Temuan"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:X{len(result.findings) + 1}"
    assert ws.cell(2, 8).alignment.wrap_text and ws.cell(2, 18).alignment.wrap_text
    assert ws.cell(2, 6).fill.fgColor.rgb.endswith("F8CBAD")      # error fill
    assert ws.cell(4, 6).fill.fgColor.rgb.endswith("BDD7EE")      # info fill
    assert 30 <= ws.column_dimensions["H"].width <= 47          # fitted to its content, within floor and cap


def test_summary_status_chart_and_facts(run):
    result, out = run
    wb, _ = _write(result, out)
    ws = wb["Ringkasan"]
    assert len(ws._charts) == 2                 # findings by rule, findings by unit (tests/output/test_scorecard.py)
    rows = _rows(ws)
    facts = {r[0]: r[2] for r in rows if r[0]}          # the label across A:B, the value in C
    assert facts["Alat"] == "cek-pokja 0.1.0"
    assert facts["Versi basis aturan"] == "2025.1"
    assert facts["Tahap"] == "penetapan"
    assert facts["Tanggal/waktu pemeriksaan"] == "2025-03-01 09:30:00 UTC+07:00"
    assert facts["Jumlah berkas"] == 3 and facts["Unit diperiksa"] == 2
    assert facts["Berkas tidak terbaca"] == 1 and facts["Jumlah temuan"] == 5
    assert facts["Pelanggaran"] == 2
    # the per-unit table comes first (issue 12, point 8): its header on row 5
    head = rows.index(["Kode Unit", "Nama Unit", "Unit JPT Madya", "Pelanggaran", "Kesalahan Data", "Peringatan",
                       "Catatan", "Dikecualikan", "Status menurut workbook", "Aturan yang Dilanggar", "Berkas", None,
                       "Label grafik (tidak dicetak)"])
    assert head == 4
    table = rows[head + 1:head + 4]
    assert [r[:10] for r in table] == [           # Aturan yang Dilanggar: breaches only
        ["A01", "Biro Umum", "Sekretariat Jenderal", 1, 0, 1, 1, 0, "Tidak Patuh", "U03"],
        ["B02", "Biro Hukum", "Sekretariat Jenderal", 0, 0, 1, 0, 0, "Patuh", None],
        [None, "berkas: rusak.xlsx", None, 1, 0, 0, 0, 0, "Tidak terbaca", "D05"],
    ]
    # the charts sit below every table, on a page of their own
    last_table_row = max(i for i, r in enumerate(rows) if any(v is not None for v in r[:12]))
    assert all(c.anchor._from.row > last_table_row for c in ws._charts)


def test_hyperlink_for_source_beside_output(run):
    result, out = run
    wb, _ = _write(result, out)
    ws = wb["Temuan"]
    cell = ws.cell(2, 15)                       # first finding: data/unit a.xlsx, 'Anggota Pokja'!C12
    assert cell.value == 12
    assert cell.hyperlink is not None
    assert cell.hyperlink.target.replace("\\", "/") == "data/unit%20a.xlsx"
    assert cell.hyperlink.location == "'Anggota Pokja'!C12"
    other = ws.cell(5, 15)                      # unit B's file is elsewhere: a relative link still
    assert other.value == 5 and other.hyperlink.target.replace("\\", "/") == "../elsewhere/unit-b.xlsx"
    assert ws.cell(6, 15).value is None         # D05 without a row


def test_hidden_sheet_and_rules_and_files(run):
    result, out = run
    wb, _ = _write(result, out)
    assert wb["Temuan"].cell(5, 14).value == "Pegawai (tersembunyi)"
    assert wb["Temuan"].cell(2, 14).value == "Anggota Pokja"
    rules = _rows(wb["Aturan"], 2)
    assert [r[3] for r in rules] == ["rancangan, penetapan, evaluasi", "penetapan, evaluasi", "evaluasi"]
    assert rules[0] == ["U03", "pokja-dukungan-tidak-tunggal", "Pelanggaran", "rancangan, penetapan, evaluasi",
                        "Lampiran II.D.2.b", RULES[0].legal_text, "Pokja dukungan tidak tunggal"]
    files = _rows(wb["Berkas"], 2)
    assert files[2] == ["rusak.xlsx", None, None, "tidak terbaca: File is not a zip file"]
    assert files[0][3] == "diperiksa" and files[0][1] == "a" * 64


def test_link_quotes_sheet_name(tmp_path):
    src = _source(tmp_path / "u.xlsx", "O'Brien Data")
    linker = report_xlsx._Linker(tmp_path / "out.xlsx")
    f = make_finding(rule="X", slug="x", severity="info", basis="", message="", hint="", file=str(src),
                     sheet="O'Brien Data", row=3, column="b")
    assert linker.url(f) == "external:u.xlsx#'O''Brien Data'!B3"
    missing = make_finding(rule="X", slug="x", severity="info", basis="", message="", hint="",
                           file=str(tmp_path / "gone.xlsx"), sheet="S", row=3, column="B")
    assert linker.url(missing) is None


def test_no_findings_workbook(run):
    result, out = run
    result.findings = []
    wb, _ = _write(result, out)
    assert [r[:24] for r in _rows(wb["Temuan"])] == [FINDING_HEADERS_ID]
    statuses = [r[8] for r in _rows(wb["Ringkasan"]) if r[8] in ("Patuh", "Tidak Patuh", "Tidak terbaca")]
    assert statuses == ["Patuh", "Patuh", "Tidak terbaca"]


def test_workbook_refuses_input_and_keeps_old_on_failure(run, monkeypatch):
    result, out = run
    with pytest.raises(atomic.OutputIsInputError):
        report_xlsx.write_workbook(result, result.inputs[0].file)
    target = out / "temuan.xlsx"
    target.write_bytes(b"old")

    def boom(*a, **k):
        raise RuntimeError("midway")

    monkeypatch.setattr(report_xlsx, "_write_findings", boom)
    with pytest.raises(RuntimeError):
        report_xlsx.write_workbook(result, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in out.iterdir()) == ["data", "temuan.xlsx"]


# ------------------------------------------------------------------ JSON

def test_json_document(run):
    result, _ = run
    doc = report_json.to_document(result)
    assert list(doc) == ["tool", "version", "stage", "checked_at", "inputs", "units", "summary", "findings"]
    assert doc["checked_at"] == "2025-03-01T09:30:00+07:00"
    assert doc["inputs"][2] == {"file": "rusak.xlsx", "sha256": None, "unit": None, "status": "unreadable",
                                "detail": "File is not a zip file", "compliance": None}
    assert [i["compliance"] for i in doc["inputs"][:2]] == [result.compliance(i.unit) for i in result.inputs[:2]]
    # output-format.md v3: every unit read from a workbook (not the unreadable file), in scorecard order
    assert doc["units"] == [{"unit": i.unit, "unit_name": i.unit_name, "file": i.file,
                             "compliance": result.compliance(i.unit)} for i in result.inputs[:2]]
    assert doc["summary"]["rulebase_version"] == "2025.1"
    assert doc["summary"]["by_severity"] == {"error": 2, "warning": 2, "info": 1}
    assert [f["rule"] for f in doc["findings"]] == [f.rule for f in result.findings]
    assert all(list(f)[: len(JSON_KEYS)] == list(JSON_KEYS) for f in doc["findings"])
    assert doc["findings"][0]["message"] == DANGEROUS[0]


def test_json_naive_time_gets_offset(run):
    result, _ = run
    result.checked_at = datetime(2025, 3, 1, 9, 30)
    stamp = report_json.to_document(result)["checked_at"]
    assert datetime.fromisoformat(stamp).tzinfo is not None


def test_json_stdout(run, capsys):
    result, _ = run
    result.findings[1] = _finding(RULES[1], "warning", unit="A01", message="NIP “salah” — é",
                                  evidence={"nan": float("nan")})
    report_json.write_json(result, "-")
    text = capsys.readouterr().out
    doc = json.loads(text)
    assert doc["findings"][1]["message"] == "NIP “salah” — é"
    assert doc["findings"][1]["evidence"] == {"nan": None}
    assert "“salah”" in text                     # ensure_ascii=False
    assert text == report_json.to_text(result)   # deterministic


def test_json_atomic_replace(run, tmp_path):
    result, out = run
    target = tmp_path / "hasil.json"
    target.write_text("old", encoding="utf-8")
    report_json.write_json(result, str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["tool"] == "cek-pokja"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_json_failure_leaves_old_file_and_no_temp(run, tmp_path, monkeypatch):
    result, _ = run
    target = tmp_path / "hasil.json"
    target.write_text("old", encoding="utf-8")
    real_open = open

    class Exploding:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, text):
            self.fh.write(text[:10])
            raise KeyboardInterrupt

    monkeypatch.setattr("builtins.open", lambda *a, **k: Exploding(real_open(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        report_json.write_json(result, target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_json_refuses_input(run):
    result, _ = run
    with pytest.raises(atomic.OutputIsInputError):
        report_json.write_json(result, result.inputs[0].file)


# ------------------------------------------------------------------ atomic helpers

def test_atomic_output(tmp_path):
    target = tmp_path / "x.txt"
    with atomic.atomic_output(target) as tmp:
        assert Path(tmp).parent == tmp_path and not target.exists()
        Path(tmp).write_text("new")
    assert target.read_text() == "new"
    with pytest.raises(ValueError):
        with atomic.atomic_output(target) as tmp:
            Path(tmp).write_text("half")
            raise ValueError
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
    atomic.write_text_atomic(target, "é\n")
    assert target.read_bytes() == "é\n".encode()


def test_same_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = tmp_path / "a.xlsx"
    a.write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    assert atomic.same_file("a.xlsx", a)
    assert atomic.same_file("sub/../a.xlsx", str(a))
    assert not atomic.same_file("b.xlsx", a)
    link = tmp_path / "hard.xlsx"
    try:
        os.link(a, link)
    except OSError:
        pytest.skip("no hard links")
    assert atomic.same_file(link, a)
