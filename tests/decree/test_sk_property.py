"""decree-format.md §3.7 and the issue's property: renumbering (Word's numbering or typed
labels), re-splitting an uraian tugas into numbered items, moving the diktum into a table or
content controls, and every other layout of the same decree (tests/decree_kit.py's switches)
never change the findings: the same rules, subjects, workbook cells and fingerprints."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sk_run import check_run

# A draft with one problem of each kind the layouts could disturb.
PROBLEMS = {
    "person": {
        "Agus Prasetyo, S.T.": {"uraian_tugas": ["-"]},                               # S07
        "Yoga Pratama, A.Md.": {"output": ["Daftar hadir rapat koordinasi"]},          # S23
        "Dewi Lestari, S.Si., M.E.": {"uraian_tugas": ["Mengelola perjalanan dinas"]},  # S22
    },
    "pokja": {"Pokja Dukungan Teknis dan Administrasi": {"targets": ["Nilai SAKIP unit sebesar 70"]}},  # S20
}
RINA = ("Memimpin penyusunan rekomendasi kebijakan contoh".split(), "Rina Wulandari, S.E., M.Ec.")

LAYOUT = st.fixed_dictionaries({
    "diktum": st.sampled_from(["paragraphs", "table", "content_controls"]),
    "lampiran": st.sampled_from(["per_pokja", "single"]),
    "nama_nip": st.sampled_from(["one_cell", "columns"]),
    "merged_pengarah": st.booleans(),
    "numbering": st.sampled_from(["typed", "word"]),
    "header_rows": st.sampled_from([1, 2]),
    "column_numbers": st.booleans(),
    "targets": st.sampled_from(["items", "table"]),
    "signature_table": st.booleans(),
    "lampiran_header": st.sampled_from(["paragraphs", "table", "text_box"]),
    "lampiran_signature": st.booleans(),
})


def _splits(words: list[str]):
    """The words cut into 1-4 numbered items, in order."""
    return st.sets(st.integers(1, len(words) - 1), max_size=3).map(
        lambda cuts: [" ".join(words[a:b]) for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(words)])])


def _key(f):
    return (f.rule, f.unit, f.pokja, f.nip, f.name, f.target, f.sheet, f.row, f.column, f.fingerprint, f.similarity)


def _findings(spec: dict) -> list:
    with tempfile.TemporaryDirectory() as d:
        return sorted(_key(f) for f in check_run(Path(d), drafts={"sk-d9-as1.docx": spec}).findings)


BASELINE = None


def _baseline():
    global BASELINE
    if BASELINE is None:
        BASELINE = _findings(PROBLEMS)
    return BASELINE


def test_the_problems_give_their_findings():
    assert [k[0] for k in _baseline()] == ["S07", "S20", "S22", "S23"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=LAYOUT, rina=_splits(RINA[0]))
def test_layouts_numbering_and_split_items_never_change_the_findings(layout, rina):
    spec = {"set": layout, "pokja": PROBLEMS["pokja"],
            "person": {**PROBLEMS["person"], RINA[1]: {"uraian_tugas": rina}}}
    assert _findings(spec) == _baseline()
