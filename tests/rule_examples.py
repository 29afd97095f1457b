"""Builds the small workbooks that rule examples describe (rules/_example_base.yaml + edits),
and the decree drafts of the S rules' examples (tests/decree_kit.py's compliant draft of the
same unit + changes):

    draft:                                  # a decree draft beside the workbook
      file: sk-d9-as1.docx                  # its name (default sk-d9-as1.docx: pairs by title or name)
      set: {number: "KEP-   /D.9.1/01/2025"} # SkDraft fields (decree_kit.py)
      pokja: {Pokja Kebijakan Contoh: {task: ""}}          # a Pokja's fields (by its name)
      person: {"Agus Prasetyo, S.T.": {uraian_tugas: []}}  # a person's fields, wherever listed
      add_member: {Pokja Kebijakan Contoh: {name: ..., nip: ..., kedudukan: Anggota, ...}}
      drop_person: ["Ir. Sri Rahayu, M.P.P."]
      drop_pokja: Pokja Dukungan Teknis dan Administrasi  # the draft forms the other Pokja only
      comments: [{cid: 1, text: ..., done: true, anchor: KESATU}]
      content: doc                          # instead: a file of that kind (doc, rtf, odt, pdf, encrypted, damaged)
    workbook: false                         # the draft alone (no workbook in the run)
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import pickle
import shutil
from pathlib import Path

import openpyxl
import yaml
from process_files import made_once

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
BASE_UNIT = "D9.AS1"


def load_base(name: str = "_example_base") -> dict:
    """The base workbook's sheets, the caller's own copy (parsing the YAML costs 30 ms)."""
    return copy.deepcopy(_parsed_base(name))


@functools.cache
def _parsed_base(name: str) -> dict:
    return yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["sheets"]


def _matches(header, row, where):
    return all(str(row[header.index(k)]) == str(v) for k, v in where.items())


def apply_edits(sheets: dict, edits) -> dict:
    sheets = copy.deepcopy(sheets)
    for e in edits or []:
        if "drop_sheet" in e:
            sheets.pop(e["drop_sheet"])
            continue
        s = sheets[e["sheet"]]
        header, rows = s["header"], s["rows"]
        if "replace" in e:
            sheets[e["sheet"]] = copy.deepcopy(e["replace"])
        elif "drop_column" in e:
            i = header.index(e["drop_column"])
            s["header"] = header[:i] + header[i + 1:]
            s["rows"] = [r[:i] + r[i + 1:] for r in rows]
        elif "append" in e:
            unknown = set(e["append"]) - set(header)
            assert not unknown, f"append names unknown columns {unknown}"
            rows.append([e["append"].get(h, "") for h in header])
        elif "set_all" in e:
            for r in rows:
                for k, v in e["set_all"].items():
                    r[header.index(k)] = v
        else:
            hit = [r for r in rows if _matches(header, r, e.get("where", {}))]
            assert hit, f"edit matches no row: {e}"
            if e.get("delete"):
                s["rows"] = [r for r in rows if not any(r is x for x in hit)]
            else:
                for r in hit:
                    for k, v in e["set"].items():
                        r[header.index(k)] = v
    return sheets


def write_workbook(sheets: dict, path: Path) -> Path:
    """`sheets` as a workbook at `path`. Many tests build the same workbook (the base unit alone
    is asked for ~300 times a run): each one is written once per process and copied."""
    key = hashlib.sha256(pickle.dumps(sheets, protocol=5)).hexdigest()
    shutil.copyfile(made_once(key, lambda target: _write(sheets, target), ".xlsx"), path)
    return Path(path)


def _write(sheets: dict, path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, s in sheets.items():
        ws = wb.create_sheet(name)
        for line in s.get("title", []):
            ws.append(line)
        ws.append(s["header"])
        formulas = []
        for row in s["rows"]:
            ws.append([None if v == "" or isinstance(v, dict) else v for v in row])
            formulas += [(ws.max_row, i + 1, v["formula"]) for i, v in enumerate(row) if isinstance(v, dict)]
        for r in ws.iter_rows():
            for c in r:
                if isinstance(c.value, str):
                    c.data_type = "s"
                    c.number_format = "@"
                elif isinstance(c.value, (dt.date, dt.datetime)):
                    c.number_format = "yyyy-mm-dd"
        for row, col, formula in formulas:      # {formula: "=..."}: a live formula, saved without a value
            ws.cell(row=row, column=col).value = formula
    wb.save(path)


def build(edits, path: Path, base: str = "_example_base") -> Path:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(apply_edits(load_base(base), edits), path)


DRAFT_FILE = "sk-d9-as1.docx"


def draft_contents() -> dict[str, bytes]:
    """Files that are no readable draft, by kind (decree-format.md §3.1, S01)."""
    from decree_kit import example_draft
    from make_hostile import cfb_bytes, zip_with_raw
    docx = example_draft().to_bytes()
    return {
        "doc": cfb_bytes({"WordDocument": b"\x00" * 64, "1Table": b"\x00" * 64}),
        "encrypted": cfb_bytes({"EncryptionInfo": b"\x04\x00" * 32, "EncryptedPackage": b"\x00" * 64}),
        "rtf": b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} KEPUTUSAN}",
        "odt": zip_with_raw([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>"),
                             ("META-INF/manifest.xml", b"<m/>")], {}),
        "pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
        "damaged": docx[: len(docx) // 2],
    }


def make_draft(spec: dict):
    """The example unit's compliant draft (decree_kit.example_draft) with the changes of an
    example's `draft` entry (module doc); an SkDraft."""
    from decree_kit import KitComment, Person, example_draft
    d = example_draft(**(spec.get("set") or {}))
    if spec.get("comments"):
        d.comments = [KitComment(**c) for c in spec["comments"]]
    by_name = {k.name: k for k in d.pokja}
    for name, changes in (spec.get("pokja") or {}).items():
        for k, v in changes.items():
            setattr(by_name[name], k, v)
    people = list(d.pengarah) + [m for k in d.pokja for m in k.members]
    for name, changes in (spec.get("person") or {}).items():
        hit = [m for m in people if m.name == name]
        assert hit, f"draft person {name!r} not in the example draft"
        for m in hit:
            for k, v in changes.items():
                setattr(m, k, v)
    for name, person in (spec.get("add_member") or {}).items():
        by_name[name].members.append(Person(**person))
    if spec.get("drop_pokja"):
        d.pokja = [k for k in d.pokja if k.name != spec["drop_pokja"]]
    for name in spec.get("drop_person") or []:
        d.pengarah = [m for m in d.pengarah if m.name != name]
        for k in d.pokja:
            k.members = [m for m in k.members if m.name != name]
    return d


def build_draft(spec: dict, directory: Path) -> Path:
    """The draft file of an example's `draft` entry, in `directory`."""
    path = Path(directory) / spec.get("file", DRAFT_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.get("content"):
        path.write_bytes(draft_contents()[spec["content"]])
    else:
        make_draft(spec).write(path)
    return path


def build_run(example, directory: Path, first: str) -> tuple[list, str | None]:
    """The workbooks of one example (its own edit of the base unit, written as `first`, then every
    `others` entry: file, optional base file of rules/, edit), its decree draft (`draft`; `workbook:
    false` for the draft alone) and its master roster path (or None)."""
    paths = [] if example.get("workbook") is False else [str(build(example.get("edit"), directory / first))]
    if example.get("draft") is not None:
        paths.append(str(build_draft(example["draft"], directory)))
    for other in example.get("others") or []:
        paths.append(str(build(other.get("edit"), directory / other["file"], other.get("base", "_example_base"))))
    roster = None
    if example.get("roster"):
        (directory / "roster").mkdir(parents=True, exist_ok=True)
        roster = str(write_workbook(example["roster"], directory / "roster" / "pegawai-induk.xlsx"))
    return paths, roster
