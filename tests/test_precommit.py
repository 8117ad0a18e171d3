"""The pre-commit hook, end to end: the real `pre-commit run` against a hook repository built from this
working tree, so uncommitted work is what gets tested.

pre-commit builds the hook's environment by pip-installing the repository, which needs network access
to PyPI and takes a while: the environment is built once per module, in one PRE_COMMIT_HOME.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT

INSTALL_HINT = "pip install 'pre-commit>=3.5' (or pip install -e '.[test]')"
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _require_tools() -> None:
    """Missing tools fail in CI, where they are part of the test extra; elsewhere they skip with advice."""
    missing = []
    if importlib.util.find_spec("pre_commit") is None:
        missing.append(f"pre-commit is not installed: {INSTALL_HINT}")
    if shutil.which("git") is None:
        missing.append("git is not on PATH")
    if missing:
        message = "; ".join(missing)
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def _git_env() -> dict[str, str]:
    """Git for the throwaway repos: no user or system config (signing, templates, hooks), a fixed identity."""
    return {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "tenderlint tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "tenderlint tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    }


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=_git_env(), timeout=120
    )
    assert proc.returncode == 0, f"git {' '.join(args)} failed in {repo}:\n{proc.stdout}{proc.stderr}"
    return proc.stdout


def _working_tree_files() -> list[str]:
    """Tracked files plus new files not ignored, as they are on disk now (uncommitted edits included)."""
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, (
        f"{ROOT} must be a git checkout for the pre-commit test: {proc.stderr.decode(errors='replace')}"
    )
    return sorted({name for name in proc.stdout.decode().split("\0") if name})


def _init_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    _git(path, "init", "-q")
    return path


def _commit_all(repo: Path) -> str:
    _git(repo, "add", "-A", "-f", ".")
    _git(repo, "commit", "-q", "--no-verify", "-m", "snapshot")
    return _git(repo, "rev-parse", "HEAD").strip()


def _pre_commit(repo: Path, home: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**_git_env(), "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_manifest_and_documented_config_pass_pre_commits_own_validation(tmp_path):
    _require_tools()
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    snippets = [
        b for b in re.findall(r"^```yaml\n(.*?)^```$", docs, re.MULTILINE | re.DOTALL) if "repos:" in b
    ]
    assert snippets, "README.md has no .pre-commit-config.yaml snippet"
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippets[0], encoding="utf-8")
    for args in (
        ("validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")),
        ("validate-config", str(config)),
    ):
        proc = _pre_commit(tmp_path, tmp_path / "home", *args, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def hook(tmp_path_factory) -> dict:
    """A hook repository snapshot of this working tree, and a PRE_COMMIT_HOME with its environment built."""
    _require_tools()
    base = tmp_path_factory.mktemp("precommit")
    source = _init_repo(base / "tenderlint-hook")
    for name in _working_tree_files():
        src = ROOT / name
        if src.is_symlink() or src.is_file():  # a tracked file deleted in the working tree is left out
            dest = source / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest, follow_symlinks=False)
    assert (source / ".pre-commit-hooks.yaml").is_file(), "the hook manifest was not copied"
    rev = _commit_all(source)
    config = f"repos:\n  - repo: {source.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: tenderlint\n"
    home = base / "pre-commit-home"

    # Build the hook environment once, here, so its cost is not charged to the first test.
    warmup = _init_repo(base / "warmup")
    (warmup / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _commit_all(warmup)
    proc = _pre_commit(warmup, home, "install-hooks", timeout=1800)
    assert proc.returncode == 0, (
        "pre-commit could not build the hook environment (it pip-installs the repository, "
        f"so it needs network access to PyPI):\n{proc.stdout}{proc.stderr}"
    )
    return {"config": config, "home": home, "base": base}


def _project(hook: dict, name: str, files: dict[str, bytes]) -> Path:
    repo = _init_repo(hook["base"] / name)
    (repo / ".pre-commit-config.yaml").write_text(hook["config"], encoding="utf-8")
    for relative, data in files.items():
        path = repo / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    _commit_all(repo)
    return repo


def test_hook_fails_on_a_conventional_specification(hook):
    repo = _project(
        hook,
        "bad",
        {
            "tenders/home care spec.md": (CORPORA / "home-care-spec.md").read_bytes(),
            # Word files are picked up too (identify has no docx tag, so the hook filters by extension).
            "tenders/home-care-spec.docx": (CORPORA / "home-care-spec.docx").read_bytes(),
        },
    )
    proc = _pre_commit(repo, hook["home"], "run", "--all-files", "--color", "never")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "- hook id: tenderlint" in output, output
    # 1 means findings; 2 (a file tenderlint could not read) would also fail the hook, for the wrong reason.
    assert "- exit code: 1" in output, output
    assert re.search(r"\bTL\d{3}\b", output), output
    assert "tenders/home care spec.md" in output, output
    assert "tenders/home-care-spec.docx" in output, output


def test_hook_passes_a_clean_specification(hook):
    repo = _project(
        hook,
        "clean",
        {
            "tenders/good-practice-spec.md": (CORPORA / "good-practice-spec.md").read_bytes(),
            # Not a document type: the hook's `files` pattern must keep it away from tenderlint,
            # which would otherwise report it as a file it cannot read (exit 2).
            "notes/rates.csv": b"item,rate\nhourly rate,21.50\n",
            "scripts/build.py": b"print('The Council will pay an hourly rate of 21.50 per hour.')\n",
        },
    )
    proc = _pre_commit(repo, hook["home"], "run", "--all-files", "--color", "never")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert re.search(r"^tenderlint\.+Passed$", output, re.MULTILINE), output
