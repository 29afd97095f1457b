"""Every error a user can fix is told in their language: each exception class of the package
derives from texts.UserError, but the few that report a bug or a signal (listed here, each
with why)."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import checker
from checker.texts import UserError

NOT_USER_ERRORS = {
    "checker.cli.Terminated": "SIGTERM raised where the program is; exit 143",
    "checker.engines.engine_errors.EngineMismatch": "the engines disagree: a bug, reported as exit 4",
    "checker.facts.factrow.UndeclaredColumn": "a fact builder wrote a key its kind does not declare: a bug",
    "checker.facts.sink.MissingField": "a fact builder left out a declared field: a bug",
    "checker.rulebase.conditions._Refused": "the regex parser's control flow, caught at once as a Problem",
}


def _exception_classes():
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.startswith("checker.web") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == info.name:
                yield f"{info.name}.{name}", obj


def _web_exception_classes():
    import pytest
    pytest.importorskip("fastapi")
    for name in ("admission", "checking", "error_responses", "flow", "upload"):
        module = importlib.import_module(f"checker.web.{name}")
        for cname, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == module.__name__:
                yield f"{module.__name__}.{cname}", obj


def test_every_error_class_is_a_user_error_or_a_listed_bug():
    found = dict(_exception_classes())
    wrong = sorted(n for n, cls in found.items() if not issubclass(cls, UserError) and n not in NOT_USER_ERRORS)
    assert wrong == []
    assert set(NOT_USER_ERRORS) <= set(found)          # the list names real classes


def test_every_web_error_is_a_user_error():
    found = dict(_web_exception_classes())
    assert found and all(issubclass(cls, UserError) for cls in found.values()), found
