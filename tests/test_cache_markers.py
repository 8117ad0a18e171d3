"""The result cache never shows up in `git status` and is skipped by backup tools."""

from __future__ import annotations

import subprocess

from conftest import CORPORA, run_cli


def _git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_cache_folder_is_ignored_by_git_and_tagged(tmp_path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "spec.md").write_bytes((CORPORA / "home-care-spec.md").read_bytes())
    _git(tmp_path, "add", "spec.md")
    _git(tmp_path, "commit", "-q", "-m", "spec")
    # An empty TENDERLINT_CACHE_DIR means the default folder, .tenderlint_cache/ here.
    proc = run_cli("spec.md", cwd=tmp_path, env={"TENDERLINT_CACHE_DIR": ""})
    assert proc.returncode == 1, proc.stderr.decode()
    cache = tmp_path / ".tenderlint_cache"
    assert any(cache.rglob("*.json"))
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert _git(tmp_path, "status", "--porcelain") == ""
