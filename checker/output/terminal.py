"""What `check` prints: the summary, then the findings one line each, like a linter
(output-format.md, "What the terminal shows").

Every text that reaches the terminal may come from an input (file names, unit names, values
quoted in messages), so each line goes through `clean` (output/clean.py, shared with the
workbooks): a name holding an escape sequence must not clear or recolour the user's screen."""
from __future__ import annotations

import os

from checker.output import layout
from checker.output.clean import clean
from checker.result import RunResult
from checker.texts import t

DEFAULT_LIMIT = 50


def clean_lines(text) -> str:
    """Like `clean`, keeping the line breaks of a multi-line message of our own."""
    return clean(text, lines=True)


def notice(text) -> None:
    """A line said while outputs are written (an annotated copy not made), on stderr so that
    it also reaches the user when the JSON goes to stdout; cleaned like every other line."""
    import click
    click.echo(clean_lines(text), err=True)


def counted(n: int, key: str, lang: str) -> str:
    """"1 unit", "2 units": the catalogue entry `key` holds (singular, plural) per language."""
    one, many = t(key, lang)
    return f"{n} {one if n == 1 else many}"


def location(f) -> str:
    """`file:Sheet!A5` (the file as given); `file:Sheet!5:5` without a column; `file:Sheet`, `file`.
    A finding on a decree draft: `draft.docx:Lampiran tabel 1 baris 7 kolom Output`."""
    where = f.file or "-"
    if getattr(f, "document", None):
        return f"{where}:{f.document['label']}"
    if f.sheet:
        where += ":" + f.sheet
        if f.row is not None:
            where += f"!{f.column}{f.row}" if f.column else f"!{f.row}:{f.row}"
    return where


def finding_line(f, lang: str, waived: bool = False) -> str:
    label = f.label or f.severity
    if waived:
        label += " " + t("term.waived_mark", lang)
    return clean(f"{location(f)}  {f.rule}  {label}  {f.message}")


def finding_lines(result: RunResult, limit: int | None = DEFAULT_LIMIT, where: str | None = None,
                  skip_listed: bool = False) -> list[str]:
    """One line per finding in the contract's order; with `limit`, at most that many, then one
    line saying how many more there are and where (`where`: the findings workbook, if any).
    `skip_listed`: without the reasons unreadable_lines has already said (issue 22: each
    reason printed twice)."""
    lang = result.lang
    waived = {id(f) for f in result.findings} - result.open_ids()
    items = [f for f in result.findings if not (skip_listed and _listed_reason(result, f))]
    shown = items if not limit else items[:limit]
    lines = [finding_line(f, lang, id(f) in waived) for f in shown]
    rest = len(items) - len(shown)
    if rest:
        key = "term.more_in" if where else "term.more"
        lines.append(clean(t(key, lang, n=rest, path=where or "")))
    if where:
        lines += overflow_lines(result, where)
    return lines


def _listed_reason(result: RunResult, f) -> bool:
    """The finding is the reason an unreadable file could not be read (unreadable_lines shows it)."""
    owner = result.owner(f)
    return owner is not None and owner.status == "unreadable" and f.message == owner.detail


def overflow_lines(result: RunResult, where: str) -> list[str]:
    """The line saying that the findings workbook `where` could not hold every finding (an
    Excel sheet's rows, output/layout.py), or none."""
    total, lang = len(result.findings), result.lang
    if total <= layout.rows_that_fit(total):
        return []
    shown = layout.rows_that_fit(total, above=2)          # as output/findings_workbook.py's _fitted
    return [clean(t("xlsx.overflow_terminal", lang, path=where, shown=layout.count_text(shown, lang),
                    total=layout.count_text(total, lang), rows=layout.count_text(layout.SHEET_ROWS, lang)))]


def unit_label(inp) -> str:
    """A unit as the user knows it: its Kode Unit, else its name (a roster unit known by name),
    else its file."""
    return inp.unit or inp.unit_name or os.path.basename(inp.file or "") or "?"


def status_word(result: RunResult, inp, lang: str) -> str | None:
    """An input's status as every surface says it: Patuh, Patuh (dengan pengecualian) when only
    waivers make it so, Tidak Patuh, ...; None for an input without one (an unreadable file)."""
    status = result.status_of(inp)
    if status is None:
        return None
    return t("sum.patuh_waived" if result.waived_to_compliance(inp) else "sum." + status, lang)


def file_note(result: RunResult, inp) -> str:
    """`  (file)` after a unit's counts when its Kode Unit does not tell it apart: a code two
    workbooks share (X05), or none."""
    if inp.status == "not_submitted":
        return ""
    return f"  ({inp.file})" if inp.unit is None or result.shares_code(inp) else ""


def unreadable_lines(result: RunResult) -> list[str]:
    """Every file that could not be read, with the reason (never cut by the line limit)."""
    bad = [i for i in result.inputs if i.status == "unreadable"]
    if not bad:
        return []
    out = [t("term.unreadable_head", result.lang)]
    out += [clean(f"  {i.file}: {i.detail or t('term.no_reason', result.lang)}") for i in bad]
    return out


def summary_lines(result: RunResult) -> list[str]:
    """The head of the terminal report: stage, counts, the status of each unit."""
    lang = result.lang
    s = result.summary()
    drafts = result.drafts()
    out = [t("sum.title", lang, stage=result.stage, engine=result.engine),
           t("sk.as_recorded" if drafts else "sum.as_recorded", lang),
           t("sum.counts", lang, units=counted(s["units_checked"], "term.unit_word", lang),
             files=counted(s["files"], "term.file_word", lang),
             unreadable=counted(s["files_unreadable"], "term.file_word", lang))]
    missing = result.not_submitted()
    if missing:
        out.append(clean(t("sum.not_submitted", lang, n=counted(len(missing), "term.unit_word", lang),
                           units=", ".join(unit_label(i) for i in missing))))
    c = result.label_counts()
    out.append(t("sum.findings", lang, **_words(c, lang)))
    if result.filter:
        out.append(clean(t("sum.filtered", lang, what=result.filter.describe(lang))))
    if s["waived"]:
        out.append(t("sum.waived", lang, n=s["waived"]))
    for i in result.with_status_line():
        c = result.label_counts(i)
        c.pop("info")
        counts = ", ".join(f"{n:>3} {t(f'term.{k}_word', lang)[0 if n == 1 else 1]}" for k, n in c.items())
        status = status_word(result, i, lang)
        counts += file_note(result, i)
        mine = [d.file for d in result.drafts_of(i)] if drafts and i.status == "checked" else []
        if mine:
            out.append(clean(t("sk.unit", lang, unit=unit_label(i), files=", ".join(mine), status=status,
                               counts=counts)))
        else:
            key = "sum.unit_not_submitted" if i.status == "not_submitted" else "sum.unit"   # it has no workbook
            out.append(clean(t(key, lang, unit=unit_label(i), status=status, counts=counts)))
    return out + draft_lines(result)


def draft_lines(result: RunResult) -> list[str]:
    """decree-format.md §6.2: which drafts were paired with which workbook, and how each other
    draft fared (checked alone with its own status, not read, not a decree, unreadable)."""
    lang = result.lang
    drafts = result.drafts()
    if not drafts:
        return []
    out = [t("sk.head", lang)]
    for d in drafts:
        if d.paired_with is not None:
            out.append(t("sk.paired", lang, file=d.file, workbook=d.paired_with, how=t("sk.how." + d.pairing, lang)))
        elif d.status == "checked":
            counts = {k: n for k, n in result.label_counts(d).items() if k != "info"}
            text = ", ".join(f"{n:>3} {t(f'term.{k}_word', lang)[0 if n == 1 else 1]}" for k, n in counts.items())
            out.append(t("sk.alone", lang, file=d.file, status=t("sum." + result.compliance_of(d), lang),
                         counts=text))
        else:
            out.append(t("sk." + d.status, lang, file=d.file))
    return [clean(line) for line in out]


def _words(c: dict, lang: str) -> dict:
    return {k: counted(v, f"term.{k}_word", lang) for k, v in c.items()}

