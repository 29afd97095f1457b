"""The rule base: loading and validation, conditions, the rulebook and the coverage map."""
from checker.rulebase.loading import (  # noqa: F401
    Rule,
    RuleBase,
    RuleBaseError,
    default_directory,
    load,
    regex_problem,
)
