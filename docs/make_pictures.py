"""Makes docs/ringkasan.png, the picture of the Ringkasan sheet in the README ("Seperti apa
hasilnya"): the sample units checked, the findings workbook printed to PDF by LibreOffice
headless, and its first page turned into a PNG by pdftoppm (Debian: libreoffice-calc,
poppler-utils).

    python3 docs/make_pictures.py          # from the repository's folder

The picture is what a user gets from `cek-pokja check samples/`; run this again whenever the
findings workbook's layout or the samples change."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "ringkasan.png"
DPI = 110


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("Perlu LibreOffice (soffice) dan pdftoppm (poppler-utils).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        xlsx = work / "temuan.xlsx"
        # exit 1: the samples have findings, as they should
        subprocess.run([sys.executable, "-m", "checker", "check", "samples", "-o", str(xlsx), "-q"],
                       cwd=ROOT, check=False)
        profile = (work / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(work), str(xlsx)], check=True, capture_output=True, timeout=300)
        subprocess.run([pdftoppm, "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(work / "temuan.pdf"), str(work / "ringkasan")], check=True)
        shutil.copyfile(work / "ringkasan.png", OUT)
    print(f"{OUT.relative_to(ROOT)} ditulis.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
