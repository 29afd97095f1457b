"""What a slow client, a stray cell or a guessing visitor could do to the web page (issue 22,
"Nothing a stray cell or a slow client can stop"), each reproduced and now held."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from checker.web.app import create_app  # noqa: E402
from checker.web.settings import Settings  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
PANGAN = ROOT / "samples" / "d2-as1-pangan.xlsx"


def _files(path=PANGAN, name=None):
    return [("files", (name or path.name, Path(path).read_bytes(), "application/octet-stream"))]


# ------------------------------------------------------------------------------ point 6

def test_the_template_downloads_while_every_check_slot_is_busy():
    """It answered 500 after 30 s when the check slots were busy: it needs no slot."""
    with TestClient(create_app(Settings(warm=False, max_running=1, max_waiting=0))) as c:
        admission = c.app.state.admission
        admission.running = admission.max_running          # every slot taken, nobody may wait
        try:
            assert c.post("/api/check", files=_files()).status_code == 503     # a check: busy
            for lang in ("id", "en"):
                r = c.get("/templat.xlsx", params={"lang": lang})
                assert r.status_code == 200
                assert 'filename="pokja-unit.xlsx"' in r.headers["content-disposition"]
                wb = openpyxl.load_workbook(io.BytesIO(r.content))
                assert wb.sheetnames[0] == "Petunjuk" and "Pegawai" in wb.sheetnames
        finally:
            admission.running = 0
