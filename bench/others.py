"""Finding proselint and textlint, the reference points for tenderlint's throughput and start-up targets.

Both are optional: a missing tool is reported and its ratio skipped. textlint is installed (into
bench/.work/node, never globally) only when --install-others is given.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from corpus import WORK
from measure import capture, find_tool

NODE = WORK / "node"
NOT_INSTALLED = {
    "proselint": "not installed (pip install proselint)",
    "textlint": "not installed (npm i textlint textlint-rule-write-good, or pass --install-others)",
}


def proselint_command() -> tuple[list[str], str, Path] | None:
    """(command, version, cwd). proselint 0.16 lints with `check FILES` and reports its version with
    `version`; older releases take `proselint FILES` and `--version`."""
    base = find_tool("proselint")
    if not base and capture([sys.executable, "-m", "proselint", "--help"])[0] == 0:
        base = [sys.executable, "-m", "proselint"]
    if not base:
        return None
    code, version = capture([*base, "version"])
    if code != 0:
        version = capture([*base, "--version"])[1]
    check = ["check"] if capture([*base, "check", "--help"])[0] == 0 else []
    return [*base, *check], (version.strip().splitlines() or ["proselint"])[0], WORK


def _install_textlint() -> None:
    print("  installing textlint and textlint-rule-write-good into bench/.work/node ...")
    (NODE / "package.json").write_text('{"private": true}\n')
    packages = ["textlint", "textlint-rule-write-good"]
    code, out = capture(["npm", "install", "--no-audit", "--no-fund", *packages], NODE)
    if code:
        print(f"  npm install failed: {out.strip()[-300:]}")


def textlint_command(install: bool) -> tuple[list[str], str, Path] | None:
    """(command, version, cwd) for textlint with the write-good rule, run from bench/.work/node so
    that it finds the rule package there."""
    if not shutil.which("npx"):
        return None
    NODE.mkdir(parents=True, exist_ok=True)
    probe = ["npx", "--no-install", "textlint", "--version"]
    if install and capture(probe, NODE)[0] != 0:
        _install_textlint()
    code, version = capture(probe, NODE)
    if code != 0:
        return None
    binary = NODE / "node_modules" / ".bin" / "textlint"  # npx's own start-up is not textlint's
    base = [str(binary)] if binary.exists() else ["npx", "--no-install", "textlint"]
    found = re.search(r"v?(\d+\.\d+\.\d+)", version)  # npm may print warnings around it
    return [*base, "--rule", "write-good"], f"textlint {found[1] if found else '?'}", NODE
