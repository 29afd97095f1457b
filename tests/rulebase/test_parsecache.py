"""The installed rule base's YAML is parsed once per installation (rulebase/parsecache.py):
the next run reads the same rules from the cache, a cache that cannot be read is ignored, and
another rule folder is never cached."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from checker.rulebase import loading, parsecache

ROOT = Path(__file__).resolve().parents[2]


def _fresh_load(directory=None):
    loading._LOADED.clear()
    return loading.load(directory)


def _summary(base):
    return [(r.id, r.slug, r.severity, r.when, r.requires, r.title, r.documentation.get("what")) for r in base.rules]


def test_the_second_load_reads_the_cache_and_gives_the_same_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("CEK_POKJA_CACHE", str(tmp_path))
    first = _summary(_fresh_load())
    [cached] = tmp_path.glob("rules-*.json")
    parsed = json.loads(cached.read_text(encoding="utf-8"))
    assert len(parsed) == len(first) and "U03.yaml" in parsed
    read = []
    monkeypatch.setattr(loading, "read_rule_file", lambda data: read.append(1))
    assert _summary(_fresh_load()) == first and read == []          # no file parsed again


def test_a_broken_cache_is_ignored_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("CEK_POKJA_CACHE", str(tmp_path))
    first = _summary(_fresh_load())
    [cached] = tmp_path.glob("rules-*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert _summary(_fresh_load()) == first
    assert json.loads(cached.read_text(encoding="utf-8"))             # written again, whole


def test_another_rule_folder_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("CEK_POKJA_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    _fresh_load(str(rules))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CEK_POKJA_CACHE", str(blocker / "sub"))      # a folder under a file
    assert _fresh_load().rules
    assert parsecache.load("0" * 64) is None


def test_a_few_rule_bases_are_kept_so_another_folder_does_not_evict_the_installed_one(tmp_path):
    installed = _fresh_load()
    folders = []
    for i in range(loading._KEPT):
        folders.append(tmp_path / f"rules-{i}")
        shutil.copytree(ROOT / "rules", folders[-1])
    assert loading.load(folders[0]) is not installed
    assert loading.load() is installed                     # not parsed again
    for folder in folders:                                 # more folders than kept: the oldest goes
        loading.load(folder)
    assert loading.load() is not installed
    assert len(loading._LOADED) == loading._KEPT
