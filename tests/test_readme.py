"""The README stands on its own (issue 12, point 14): no link outside the repository, every
file it points to exists, the roster's columns documented, the first command's exit code 1
explained, and the picture of the Ringkasan sheet made by the script that regenerates it."""
from __future__ import annotations

import re
from pathlib import Path

from checker.load.roster import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_link_outside_the_repository():
    # the web page's own address on this machine is no link outside the repository
    assert "../" not in README and not re.search(r"https?://(?!127\.0\.0\.1[:/])", README)
    for target in re.findall(r"\]\(([^)]+)\)", README):
        assert (ROOT / target).is_file(), target


def test_files_named_in_backticks_exist():
    for name in ("samples/README.md", "docs/make_pictures.py", "docs/ringkasan.png", "docs/rulebook.md",
                 "checker/load/limits.py", "checker/facts/schema.py"):
        assert name in README, name
        assert (ROOT / name).is_file(), name


def test_roster_columns_documented():
    for aliases in COLUMNS.values():
        for alias in aliases:
            assert f"`{alias}`" in README, alias


def test_first_command_says_exit_1_means_findings():
    start = README.index("## Mulai cepat")
    quick = README[start:README.index("## Seperti apa hasilnya")]
    assert "cek-pokja check samples/" in quick and "kode keluar 1" in quick and "ada temuan" in quick


def test_picture_of_the_ringkasan_sheet():
    png = ROOT / "docs" / "ringkasan.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "![" in README and "(docs/ringkasan.png)" in README
    assert "## Seperti apa hasilnya" in README


def test_header_row_is_called_baris_nama_kolom():
    """Issue 10: the header row is "baris nama kolom", as in the texts; "baris judul" only for
    title rows above it."""
    assert "header" not in README.split("## English")[0].lower().replace("header huruf", "")
    assert "baris judul di atas baris nama kolom" in README


def test_the_row_limit_the_readme_names_is_the_codes():
    """Issue 22: the README said Pegawai allows 60,000 rows where checker/load/limits.py says 20,000."""
    import re

    from checker.load.limits import SHEET_MAX_ROWS
    said = re.search(r"Pegawai ([\d.]+) baris", README).group(1)
    assert int(said.replace(".", "")) == SHEET_MAX_ROWS["pegawai"]
