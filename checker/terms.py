"""The product's fixed terms, one place each: stages (tahap), severities, languages, the
colours that show severities, and the defaults of a run. Imported by every stage; imports
nothing of the package."""
from __future__ import annotations

# Stages (input-format.md, "Stages"): a rule runs in its stage and the later ones.
STAGES = ("rancangan", "penetapan", "evaluasi")
DEFAULT_STAGE = "penetapan"

# Severities (rules.md), most severe first.
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
DEFAULT_FAIL_ON = "error"

# Languages of everything a user reads; Indonesian unless asked otherwise.
LANGS = ("id", "en")
DEFAULT_LANG = "id"

# Colours (RGB hex, no '#'): the fill of a finding's cell or row, and its bar in charts.
SEVERITY_FILL = {"error": "F8CBAD", "warning": "FFE699", "info": "BDD7EE"}
SEVERITY_CHART = {"error": "C00000", "warning": "FFC000", "info": "5B9BD5"}


def stage_rank(stage: str) -> int:
    """0 for rancangan, 1 for penetapan, 2 for evaluasi; ValueError for anything else."""
    return STAGES.index(stage)


def runs_in(from_stage: str, stage: str) -> bool:
    """Whether something required (or run) from `from_stage` counts at `stage`."""
    return stage_rank(from_stage) <= stage_rank(stage)


def stages_from(from_stage: str) -> tuple:
    """'penetapan' -> ('penetapan', 'evaluasi')."""
    return STAGES[stage_rank(from_stage):] if from_stage in STAGES else ()


def lang_of(lang) -> str:
    """A supported language code; anything else is the default."""
    return lang if lang in LANGS else DEFAULT_LANG


# This tool's own outputs carry these marks, so that they are never taken for unit workbooks.
# A rule whose basis is `data` checks the workbook, not the regulation (rules.md): its errors
# are kesalahan data, not pelanggaran, and it quotes no legal text.
DATA_BASIS = "data"


def is_data_basis(basis) -> bool:
    return (basis or "").strip().casefold() == DATA_BASIS


ANNOTATION_SHEET = "Hasil cek-pokja"            # the last sheet of an annotated copy
OUTPUT_PROPERTY = "cek-pokja-output"            # a custom document property of a findings workbook
COMMENT_AUTHOR = "cek-pokja"                    # the author of the comments of an annotated copy
MAX_COMMENT = 32000                             # characters of one comment (Excel's limit is 32,767)
