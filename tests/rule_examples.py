"""Builds the small workbooks that rule examples describe (rules/_example_base.yaml + edits)."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import openpyxl
import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
BASE_UNIT = "D9.AS1"


def load_base(name: str = "_example_base") -> dict:
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
    return path


def build(edits, path: Path, base: str = "_example_base") -> Path:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(apply_edits(load_base(base), edits), path)


def build_run(example, directory: Path, first: str) -> tuple[list, str | None]:
    """The workbooks of one example (its own edit of the base unit, written as `first`, then every
    `others` entry: file, optional base file of rules/, edit) and its master roster path (or None)."""
    paths = [str(build(example.get("edit"), directory / first))]
    for other in example.get("others") or []:
        paths.append(str(build(other.get("edit"), directory / other["file"], other.get("base", "_example_base"))))
    roster = None
    if example.get("roster"):
        (directory / "roster").mkdir(parents=True, exist_ok=True)
        roster = str(write_workbook(example["roster"], directory / "roster" / "pegawai-induk.xlsx"))
    return paths, roster
