#!/usr/bin/env python3
"""The product installs from wheels alone where its users are (issue 22 §6): Windows and macOS
offices have no compiler, so every requirement (the `[web]` extra included) must resolve to
wheels there. Resolved, not installed, for each TARGET with pip's own resolver:

    python3 .ci/wheels_only.py [--only win_amd64-3.13] [--list]

The requirements come from setup.cfg, their environment markers evaluated for the target (pip
would evaluate them for the machine it runs on): durable-rules, a source package with C code,
is a Linux requirement only. pip runs with no configuration file and none of this machine's
PIP_* settings but its certificate (a local index or constraints file must not stand in for
PyPI), `--only-binary=:all:` and `--dry-run` into a temporary folder. Exit 1 naming the target
and pip's last lines when one cannot be resolved.
"""
from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (name, pip --platform tags, platform_system, sys_platform, platform_machine) x Python versions
PLATFORMS = (
    ("win_amd64", ("win_amd64",), "Windows", "win32", "AMD64"),
    ("macos_x86_64", ("macosx_12_0_x86_64",), "Darwin", "darwin", "x86_64"),
    ("macos_arm64", ("macosx_14_0_arm64",), "Darwin", "darwin", "arm64"),
)
PYTHONS = ("3.10", "3.13")
EXTRAS = ("web",)


def targets():
    for name, tags, system, sys_platform, machine in PLATFORMS:
        for python in PYTHONS:
            yield f"{name}-{python}", tags, python, {
                "platform_system": system, "sys_platform": sys_platform, "platform_machine": machine,
                "os_name": "nt" if system == "Windows" else "posix", "python_version": python,
                "python_full_version": python + ".0", "implementation_name": "cpython",
                "platform_python_implementation": "CPython"}


def requirements(environment: dict, extras=EXTRAS) -> list[str]:
    """The product's requirements (and those of `extras`) that apply in `environment`, without
    their markers."""
    from packaging.requirements import Requirement
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = _lines(cfg["options"]["install_requires"])
    for extra in extras:
        lines += _lines(cfg["options.extras_require"][extra])
    out = []
    for line in lines:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate({**environment, "extra": ""}):
            req.marker = None
            out.append(str(req))
    return out


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip() and not line.strip().startswith("#")]


def resolve(name: str, tags, python: str, reqs: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    if "PIP_CERT" in os.environ:
        env["PIP_CERT"] = os.environ["PIP_CERT"]
    with tempfile.TemporaryDirectory(prefix="cek-wheels-") as tmp:
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:",
               "--python-version", python, "--target", os.path.join(tmp, "t"), "--quiet", *reqs]
        for tag in tags:
            cmd[5:5] = ["--platform", tag]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="one target, e.g. win_amd64-3.13")
    ap.add_argument("--list", action="store_true", help="print each target's requirements, resolve nothing")
    args = ap.parse_args(argv)
    failed = []
    for name, tags, python, environment in targets():
        if args.only and name != args.only:
            continue
        reqs = requirements(environment)
        if args.list:
            print(name, " ".join(reqs))
            continue
        proc = resolve(name, tags, python, reqs)
        print(f"{name}: {'wheels only' if proc.returncode == 0 else 'CANNOT be installed from wheels'}", flush=True)
        if proc.returncode != 0:
            failed.append(name)
            print("\n".join((proc.stdout + proc.stderr).strip().splitlines()[-8:]), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
