"""The rule directory's side files (``_coverage.yaml``, ``_example_base*.yaml``): read like a
rule file (bounded, no aliases, yamlfile.py) and refused naming the file (RuleBaseError,
exit 3; issue 13)."""
from __future__ import annotations

from pathlib import Path

from checker.rulebase.loading import RuleBaseError
from checker.rulebase.yamlfile import RuleFileError, read_yaml


def read_side_file(path: Path):
    """The YAML document of one side file."""
    try:
        return read_yaml(path.read_bytes())
    except RuleFileError as e:
        raise RuleBaseError(path, e.problem) from None
