"""The house rules of the package (docs/design.md): data flows one way through the stages,
so a module never imports a later stage, and no two modules import each other (directly or
round a longer cycle). Imports inside functions count too."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

# The stages, in the order data flows through them. A module may import its own stage and
# earlier ones only.
STAGES = ["terms", "texts", "input", "load", "facts", "rulebase", "engines", "findings", "result", "output",
          "followup", "pipeline", "web", "cli"]
TOP_LEVEL = {"__init__": "terms", "__main__": "cli"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    head = parts[1] if len(parts) > 1 else "__init__"
    return TOP_LEVEL.get(head, head)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("checker"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("checker"):
                continue
            for a in node.names:          # `from checker.x import y` may name a submodule y
                sub = f"{target}.{a.name}"
                out.add(sub if (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists()
                        or (PACKAGE.parent / sub.replace(".", "/")).is_dir() else target)
    out.discard(me)
    return out


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_belongs_to_a_stage():
    unknown = sorted({stage_of(m) for m in graph()} - set(STAGES))
    assert not unknown, f"modules outside the known stages: {unknown}"


def test_no_module_imports_a_later_stage():
    bad = []
    for module, targets in graph().items():
        rank = STAGES.index(stage_of(module))
        for target in sorted(targets):
            if target != "checker" and STAGES.index(stage_of(target)) > rank:
                bad.append(f"{module} ({stage_of(module)}) imports {target} ({stage_of(target)})")
    assert not bad, "\n".join(bad)


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(g.get(node, ())):
            if nxt not in g:
                continue
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_the_pipeline_orchestrates_the_stages_before_the_outputs():
    """pipeline/ runs load, facts, rulebase, engines and findings into a RunResult; the outputs
    are written from that result (output/plan.py), so the pipeline never imports them, nor
    they it (the stage order above)."""
    allowed = {"terms", "texts", "input", "load", "facts", "rulebase", "engines", "findings", "result", "pipeline"}
    bad = [f"{m} imports {t}" for m, targets in graph().items() if stage_of(m) == "pipeline"
           for t in sorted(targets) if t != "checker" and stage_of(t) not in allowed]
    assert not bad, "\n".join(bad)


def test_the_worker_task_is_an_import_not_a_name():
    """The pipeline hands its tasks to the reader workers as functions it imports (an import
    linter and the tests above see them), never as "module:function" strings."""
    import re
    pattern = re.compile(r"[\"']checker(\.\w+)+:\w+[\"']")
    named = [f"{p.relative_to(PACKAGE)}: {m.group(0)}" for p in sorted(PACKAGE.rglob("*.py"))
             for m in pattern.finditer(p.read_text(encoding="utf-8"))]
    assert not named, named
    run = imports_of(PACKAGE / "pipeline" / "run.py")
    assert "checker.pipeline.task" in run


def test_the_fork_server_preloads_what_the_tasks_import():
    """The fork server's preload list is module names (multiprocessing wants names): each is a
    module of a stage the pipeline may import, and every module a task imports is in it, so
    that each worker starts warm."""
    from checker.pipeline.workers import PRELOAD
    mine = [m for m in PRELOAD if m.startswith("checker")]
    for module in mine:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        assert path.exists(), f"preloaded module {module} does not exist"
        assert STAGES.index(stage_of(module)) <= STAGES.index("pipeline"), module
    task = imports_of(PACKAGE / "pipeline" / "task.py")
    assert {m for m in task if STAGES.index(stage_of(m)) < STAGES.index("pipeline")} - set(mine) \
        <= {"checker.load.inputref", "checker.terms"}, "a task imports a module the fork server does not preload"


def test_one_meaning_per_file_name():
    """A module's file name says what it is, once: no two modules of the package share one
    (but a package's __init__ and __main__)."""
    seen: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("__init__.py", "__main__.py"):
            seen.setdefault(path.name, []).append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}
