"""Human renderings of the rule base: the list, one rule's documentation, the whole rulebook."""
from __future__ import annotations

from .factschema import KINDS
from .texts import t

STAGE_ORDER = ("rancangan", "penetapan", "evaluasi")
SECTIONS = {
    "id": ("Apa yang diperiksa", "Mengapa", "Dasar hukum", "Contoh pelanggaran", "Contoh yang benar",
           "Cara memperbaiki", "Fakta yang dipakai"),
    "en": ("What it checks", "Why", "Legal basis", "Violating example", "Compliant example",
           "How to fix", "Facts used"),
}


def stages_of(rule) -> list[str]:
    return list(STAGE_ORDER[STAGE_ORDER.index(rule.from_stage):])


def render_list(base, lang: str) -> str:
    lines = [t("rules.header", lang)]
    for r in base.rules:
        sev = t("sev." + r.severity, lang)
        lines.append(f"{r.id}  {sev:<11} {','.join(s[0].upper() for s in stages_of(r)):<6} {r.slug}")
        lines.append(f"{'':<25}{r.text('title', lang)} [{r.basis}]")
    return "\n".join(lines)


def _doc(rule, key, lang):
    doc = rule.doc or {}
    entry = doc.get(key) or {}
    return entry.get(lang) or entry.get("id") or ""


def _example(rule, fires: bool):
    for ex in rule.examples or []:
        if bool(ex.get("expect")) == fires:
            return ex
    return None


def _describe_example(ex, lang) -> list[str]:
    if ex is None:
        return ["-"]
    out = [ex.get("name", "")]
    for e in ex.get("edit", []):
        if "drop_sheet" in e:
            out.append(("  - hapus sheet " if lang == "id" else "  - remove sheet ") + str(e["drop_sheet"]))
        elif "drop_column" in e:
            out.append(("  - sheet {s}: hapus kolom {c}" if lang == "id" else "  - sheet {s}: remove column {c}")
                       .format(s=e.get("sheet"), c=e["drop_column"]))
        elif "append" in e:
            cells = "; ".join(f"{k} = {v}" for k, v in e["append"].items())
            out.append(("  - sheet {s}: tambah baris {c}" if lang == "id" else "  - sheet {s}: add row {c}")
                       .format(s=e.get("sheet"), c=cells))
        elif e.get("delete"):
            out.append(("  - sheet {s}: hapus baris {w}" if lang == "id" else "  - sheet {s}: delete row {w}")
                       .format(s=e.get("sheet"), w=e.get("where")))
        else:
            cells = "; ".join(f"{k} = {v!s}" if v != "" else f"{k} = (kosong)" for k, v in
                              (e.get("set") or e.get("set_all") or {}).items())
            where = e.get("where")
            out.append(f"  - sheet {e.get('sheet')}" + (f" [{where}]" if where else "") + f": {cells}")
    return out


def render_rule(rule, lang: str) -> str:
    s = SECTIONS["en" if lang == "en" else "id"]
    sev = t("sev." + rule.severity, lang)
    lines = [f"{rule.id} {rule.slug}: {rule.text('title', lang)}",
             f"{sev}; {', '.join(stages_of(rule))}", ""]
    lines += [f"## {s[0]}", _doc(rule, "what", lang), "", f"## {s[1]}", _doc(rule, "why", lang), "",
              f"## {s[2]}", rule.basis, f"> {rule.legal_text}", "",
              f"## {s[3]}", *_describe_example(_example(rule, True), lang), "",
              f"## {s[4]}", *_describe_example(_example(rule, False), lang), "",
              f"## {s[5]}", _doc(rule, "fix", lang) or rule.text("hint", lang), "", f"## {s[6]}"]
    kind = KINDS[rule.fact]
    for name in sorted(rule.fields_used() - {"t"}):
        spec = kind.fields.get(name)
        lines.append(f"- {rule.fact}.{name} ({spec.type}): {spec.definition.get(lang, spec.definition['id'])}"
                     if spec else f"- {rule.fact}.{name}")
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(base, lang: str) -> str:
    title = "# Buku aturan cek-pokja" if lang != "en" else "# cek-pokja rulebook"
    parts = [title, ""]
    for r in base.rules:
        body = render_rule(r, lang).replace("\n## ", "\n### ")
        head, _, rest = body.partition("\n")
        parts.append(f"## {head}\n{rest}")
    return "\n".join(parts)
