"""Texts of a rule file's YAML and size checks (checker/rulebase/yamlfile.py, bounds.py): what
is wrong with a file of `--rules DIR`, after "path: "."""
from __future__ import annotations

TEXTS = {
    "rulefile.too_big": ("berkas berukuran {n} bita; berkas aturan paling besar {max} bita",
                         "the file has {n} bytes; a rule file has at most {max}"),
    "rulefile.not_utf8": ("bukan teks UTF-8 ({detail})", "not UTF-8 ({detail})"),
    "rulefile.syntax": ("kesalahan sintaks YAML: {detail}", "YAML syntax error: {detail}"),
    "rulefile.alias": ("baris {line}: alias dan jangkar YAML (*nama, &nama) tidak diperbolehkan dalam berkas "
                       "aturan",
                       "line {line}: YAML aliases and anchors (*name, &name) are not allowed in rule files"),
    "rulefile.merge": ("baris {line}: kunci gabung YAML (<<) tidak diperbolehkan",
                       "line {line}: YAML merge keys (<<) are not allowed"),
    "rulefile.duplicate": ("baris {line}: kunci {name} tercantum dua kali", "line {line}: duplicate key {name}"),
    "rulefile.nodes": ("lebih dari {max} simpul YAML; berkas aturan jauh lebih kecil",
                       "more than {max} YAML nodes; a rule file is far smaller"),
    "rulefile.depth": ("baris {line}: bersarang lebih dalam dari {max} tingkat",
                       "line {line}: nested deeper than {max} levels"),
    "rulefile.scalar": ("baris {line}: nilai sepanjang {n} karakter; paling panjang {max}",
                        "line {line}: a value of {n} characters; at most {max}"),
    "rulefile.terms": ("when memuat {n} kondisi; paling banyak {max} (aturan terbesar memuat 8)",
                       "when has {n} terms; at most {max} (the largest real rule has 8)"),
    "rulefile.condition_depth": ("when bersarang {n} tingkat $and/$or; paling dalam {max}",
                                 "when nests $and/$or {n} levels deep; at most {max}"),
    "rulefile.placeholder_format": ("{where}: tempat isian {{{name}}} memuat format (lebar, presisi atau "
                                    "konversi); tulis {{{name}}} saja",
                                    "{where}: placeholder {{{name}}} has a format (width, precision or "
                                    "conversion); write {{{name}}} alone"),
    "rulefile.placeholders": ("{where}: memuat {n} tempat isian; paling banyak {max}",
                              "{where}: {n} placeholders; at most {max}"),
}
