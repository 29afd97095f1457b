"""Indonesian that a civil servant writes (issue 10, item 6): the phrasings a careful reader
replaced do not come back, in the rules' texts, the program's texts, and the documents."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# old phrasing -> what replaced it
OLD = {
    r"NIP tidak valid|NIP sah\b": "NIP tidak sah",
    r"pimpinan asal belum dicatat": "Persetujuan pimpinan unit asal belum dicantumkan",
    r"Orang pada MPH tidak dikenal": "Pegawai pada MPH tidak dapat dikenali",
    r"ke unit ortala": "dikonsultasikan kepada unit kerja yang melaksanakan urusan penataan organisasi ...",
    r"tidak setelah Tanggal SK|jatuh setelah Tanggal SK": "tidak lebih lambat daripada Tanggal SK",
    r"tidak memiliki tepat satu Ketua": "Jumlah Ketua Pokja tidak tepat satu orang",
    r"memiliki 0 Pokja": "belum memiliki Pokja Dukungan Teknis dan Administrasi",
    r"Kode Target tercatat -": "Kode Target belum diisi",
    r"maupun (NIP )?JPT Madya|maupun NIP Plt": "tidak sama dengan NIP ..., ataupun NIP JPT Madya",
    r"berkedudukan (Pengarah|Ketua|Wakil|Sekretaris|Anggota)": "berkedudukan sebagai ...",
    r"berjenis jabatan": "yang jenis jabatannya",
    r"\bJF\b(?!”)": "Pejabat Fungsional (\"JF\" only as a quoted value)",
    r"Jabatan-nya": "kolom Jenis Jabatan kosong",
    r"harus telah ditetapkan": "harus sudah ditetapkan",
    r"bukan dari unit": "tidak berasal dari unit",
    r"belum ditugaskan": "belum dituangkan dalam penugasan",
    r"tanpa Ketua maupun anggota": "tidak memiliki Ketua ataupun anggota",
    r"\bdi sheet\b": "pada sheet",
}
# README and help (the same item): words of the bureau's own work.
OLD_DOCS = {
    r"mengaudit|\baudit\b": "monitoring dan evaluasi (Pasal 3: audit is the internal auditor's word)",
    r"kartu skor": "rekapitulasi kepatuhan",
    r"\bpunya\b": "memiliki",
    r"\bdilayani\b": "ditangani",
    r"Pengarah = ": "words instead of \"=\"",
}
TEXT_KEYS = ("title", "message", "hint")


def _id(value) -> str:
    return value.get("id", "") if isinstance(value, dict) else str(value or "")


def _rule_texts(path: Path):
    """The Indonesian texts of one rule file: title, message, hint, doc, example names."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key in TEXT_KEYS:
        yield key, _id(data.get(key))
    for key, value in (data.get("doc") or {}).items():
        yield f"doc.{key}", _id(value)
    for i, e in enumerate(data.get("examples") or []):
        yield f"examples[{i}].name", _id(e.get("name") if isinstance(e, dict) else "")


def _program_texts():
    from checker.texts import CATALOGUE
    for key, value in CATALOGUE.items():
        yield key, value[0]


def _hits(texts, patterns=None):
    patterns = {**OLD, **OLD_DOCS} if patterns is None else patterns
    return [(where, old) for where, text in texts for old in patterns if re.search(old, str(text))]


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("[A-Z]*.yaml")), ids=lambda p: p.stem)
def test_rule_texts_use_the_new_phrasing(path):
    assert _hits(_rule_texts(path)) == []


def test_program_texts_use_the_new_phrasing():
    assert _hits(_program_texts()) == []


def test_the_old_phrasings_are_caught():
    """The patterns match what they replaced (the test above could not fail otherwise)."""
    samples = ["NIP tidak valid", "Persetujuan pimpinan asal belum dicatat", "Orang pada MPH tidak dikenal",
               "dikonsultasikan ke unit ortala", "tidak setelah Tanggal SK", "tidak memiliki tepat satu Ketua",
               "memiliki 0 Pokja", "Kode Target tercatat -, bukan", "Plt JPT Pratama, maupun JPT Madya",
               "berkedudukan Anggota", "berjenis jabatan", "JF", "Jenis Jabatan-nya kosong",
               "Pokja harus telah ditetapkan", "bukan dari unit", "belum ditugaskan",
               "tanpa Ketua maupun anggota", "di sheet Pegawai"]
    assert len(_hits(enumerate(samples), OLD)) == len(samples) == len(OLD)
    assert _hits(enumerate(["Jenis Jabatan “JF”", "berkedudukan sebagai Anggota", "pada sheet Pegawai",
                            "pegawai berkedudukan pada satu unit"])) == []


DOCUMENTS = ["README.md", "docs/format-workbook.md", "docs/web.md", "samples/README.md"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_use_the_new_phrasing(name):
    """The documents list accepted input values ("JF" is one), so that pattern is left out."""
    patterns = {k: v for k, v in {**OLD, **OLD_DOCS}.items() if "JF" not in k}
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    assert _hits(((f"{name}:{i}", line) for i, line in enumerate(lines, 1)), patterns) == []
