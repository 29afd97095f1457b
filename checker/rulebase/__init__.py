"""The rule base: one YAML file per rule, loaded, validated and rendered for people.

Loading and validation: ``loading.py`` (``load()`` -> ``RuleBase``, ``RuleBaseError``; exit 3),
``yamlfile.py`` (a rule file read strictly and with bounds), ``bounds.py`` (every size a rule
file may have), ``conditions.py`` (a rule's ``when``). People's view of it: ``rulebook.py``
(the rules list, ``explain``, the coverage table and the Markdown rulebook) over ``basis.py``
(citations as points of the regulation, quoted passages), ``examples.py`` (a rule's examples in
words) and ``coverage.py`` (the coverage map, ``rules/_coverage.yaml``); ``sidefile.py`` reads
the rule directory's side files.
"""
from checker.rulebase.loading import (  # noqa: F401
    Rule,
    RuleBase,
    RuleBaseError,
    default_directory,
    load,
    regex_problem,
)
