"""The engines the tests check with: durable where durable-rules is installed, which evaluates
every rule with pandas as well and raises EngineMismatch on any difference (checker/engines,
`run`), so that one check proves both engines; pandas alone where durable-rules is absent.

    from engines_under_test import ENGINES
    @pytest.mark.parametrize("engine", ENGINES)
"""
from __future__ import annotations

from checker import engines

ENGINES = ["durable"] if engines.default_engine() == "durable" else ["pandas"]
