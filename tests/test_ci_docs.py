"""The CI integrations: README.md YAML snippets, the GitHub Action (action.yml) and the pre-commit hook
manifest (.pre-commit-hooks.yaml) parse, agree with each other and with the CLI, and the action's run
step keeps tenderlint's exit codes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CORPORA, ROOT

from tenderlint.parsers.detect import DOCUMENT_EXTENSIONS

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

DOCS = ROOT / "README.md"
ACTION = ROOT / "action.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
FENCE = re.compile(r"^```ya?ml[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def doc_blocks() -> list:
    blocks = FENCE.findall(DOCS.read_text(encoding="utf-8"))
    assert blocks, f"no ```yaml blocks in {DOCS}"
    return [yaml.safe_load(block) for block in blocks]


def triggers(workflow: dict):
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True; GitHub reads it as "on".
    return workflow.get("on", workflow.get(True))


def workflows() -> list[dict]:
    found = [b for b in doc_blocks() if isinstance(b, dict) and "jobs" in b]
    for workflow in found:
        assert triggers(workflow), f"workflow without triggers: {workflow}"
        for name, job in workflow["jobs"].items():
            assert job.get("runs-on") and job.get("steps"), f"job {name} needs runs-on and steps"
    return found


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def action_inputs() -> dict:
    return load(ACTION)["inputs"]


def test_every_yaml_block_in_the_docs_parses():
    blocks = doc_blocks()
    assert len(blocks) >= 4, "expected pre-commit, two GitHub Actions workflows and a GitLab job"
    assert all(isinstance(block, dict) for block in blocks)


def test_pre_commit_snippet_names_the_hook_in_the_manifest():
    hook_ids = {hook["id"] for hook in load(HOOKS)}
    configs = [b for b in doc_blocks() if "repos" in b]
    assert configs, "no .pre-commit-config.yaml snippet"
    for config in configs:
        for repo in config["repos"]:
            assert repo["repo"].startswith("https://") and repo["rev"], repo
            assert {hook["id"] for hook in repo["hooks"]} <= hook_ids


def test_hook_manifest():
    hooks = load(HOOKS)
    assert isinstance(hooks, list) and len(hooks) == 1
    (hook,) = hooks
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["id"] == "tenderlint" and hook["name"] and hook["description"]
    assert hook["language"] == "python"
    assert hook["entry"].split()[0] in scripts
    assert hook["require_serial"] is False
    assert "types" not in hook, "identify has no docx tag: types would skip Word files"
    files = re.compile(hook["files"])
    for extension in sorted(DOCUMENT_EXTENSIONS):
        assert files.search(f"tenders/spec{extension}"), f"the hook would skip {extension} files"
    for other in (
        "setup.py",
        "data.csv",
        ".pre-commit-config.yaml",
        "spec.docx.bak",
        "notes.mdx",
        "spec.doc",
    ):
        assert not files.search(other), f"the hook would pass {other} to tenderlint"


def test_action_inputs_and_steps():
    action = load(ACTION)
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "format", "fail-on", "sarif-file", "upload-sarif", "version"}
    assert inputs["paths"]["default"] == "."
    assert inputs["format"]["default"] == "github"
    assert inputs["sarif-file"]["default"] == "tenderlint.sarif"
    assert inputs["upload-sarif"]["default"] == "false"
    assert all(isinstance(spec.get("default"), str) for spec in inputs.values()), "defaults must be strings"

    runs = action["runs"]
    assert runs["using"] == "composite"
    text = yaml.safe_dump(runs["steps"])
    used = set(re.findall(r"\binputs\.([A-Za-z0-9_-]+)", text))
    assert set(inputs) <= used, f"inputs never used in the steps: {sorted(set(inputs) - used)}"
    assert used <= set(inputs), f"steps use undeclared inputs: {sorted(used - set(inputs))}"

    uses = {step.get("uses", "").split("@")[0]: step for step in runs["steps"]}
    assert uses["actions/setup-python"]["uses"].endswith("@v5")
    assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11"
    upload = uses["github/codeql-action/upload-sarif"]
    assert upload["uses"].endswith("@v3")
    assert upload["if"] == "inputs.upload-sarif == 'true' && always()"
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    for step in runs["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", "composite run steps need a shell"
            # Inputs reach scripts through env, so a path or requirement is never pasted into shell code.
            assert "${{" not in step["run"], step["run"]


def test_action_workflow_snippet_uploads_to_code_scanning():
    inputs = action_inputs()
    with_action = [
        (workflow, step)
        for workflow in workflows()
        for step in steps(workflow)
        if re.fullmatch(r"[\w.-]+/tenderlint@\S+", step.get("uses", ""))
    ]
    assert with_action, "no workflow using the tenderlint action"
    for workflow, step in with_action:
        assert set(step.get("with", {})) <= set(inputs), step
        assert str(step["with"].get("upload-sarif")).lower() == "true"
        permissions = {
            **workflow.get("permissions", {}),
            **next(iter(workflow["jobs"].values())).get("permissions", {}),
        }
        assert permissions.get("security-events") == "write"
        assert any(s.get("uses", "").startswith("actions/checkout@") for s in steps(workflow))


def test_plain_workflow_snippet_prints_annotations():
    plain = [w for w in workflows() if not any("/tenderlint@" in s.get("uses", "") for s in steps(w))]
    assert plain, "no workflow without the action"
    runs = "\n".join(s.get("run", "") for w in plain for s in steps(w))
    assert re.search(r"^pip install ", runs, re.MULTILINE)
    assert re.search(r"^tenderlint .*--format github", runs, re.MULTILINE)
    assert any(s.get("uses", "").startswith("actions/setup-python@") for w in plain for s in steps(w))


def test_gitlab_snippet_produces_code_quality():
    jobs = [
        job
        for block in doc_blocks()
        for job in block.values()
        if isinstance(job, dict) and "script" in job and "runs-on" not in job
    ]
    assert jobs, "no GitLab CI job"
    for job in jobs:
        report = job["artifacts"]["reports"]["codequality"]
        assert report == "gl-code-quality-report.json"
        assert job["artifacts"].get("when") == "always", (
            "the report must survive a job that fails on findings"
        )
        assert any(
            line.startswith("tenderlint ") and f"--format gitlab -o {report}" in line
            for line in job["script"]
        )


# --- the action's run step, executed with bash ---------------------------------------------------------


def run_step_script() -> str:
    (step,) = [s for s in load(ACTION)["runs"]["steps"] if s.get("name") == "Run tenderlint"]
    return step["run"]


def run_action_step(cwd: Path, python: str, **inputs: str) -> subprocess.CompletedProcess:
    """Run the step as the runner does (bash -eo pipefail), with the inputs as the step's env maps them."""
    bash = shutil.which("bash")
    assert bash, "bash is needed to run the action's step"
    script = cwd / "step.sh"
    script.write_text(run_step_script(), encoding="utf-8")
    defaults = {name: spec["default"] for name, spec in action_inputs().items()}
    values = {**defaults, **{name.replace("_", "-"): value for name, value in inputs.items()}}
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TL_VENV_PYTHON": python,
        "TL_PATHS": values["paths"],
        "TL_FORMAT": values["format"],
        "TL_FAIL_ON": values["fail-on"],
        "TL_SARIF_FILE": values["sarif-file"],
        "TL_UPLOAD_SARIF": values["upload-sarif"],
    }
    return subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def tenders(tmp_path) -> Path:
    (tmp_path / "tenders" / "care").mkdir(parents=True)
    shutil.copy(CORPORA / "home-care-spec.md", tmp_path / "tenders" / "care" / "home care spec.md")
    shutil.copy(CORPORA / "good-practice-spec.md", tmp_path / "tenders" / "good.md")
    return tmp_path


def linted(proc: subprocess.CompletedProcess) -> dict[str, int]:
    report = json.loads(proc.stdout)
    return {Path(f["path"]).as_posix(): len(f["findings"]) for f in report["files"]}


def test_action_step_lints_paths_and_keeps_exit_codes(tenders):
    proc = run_action_step(tenders, sys.executable, paths="tenders/good.md", format="json")
    assert proc.returncode == 0, proc.stderr
    assert linted(proc) == {"tenders/good.md": 0}

    # One path a line, so names may contain spaces.
    proc = run_action_step(
        tenders,
        sys.executable,
        paths="  tenders/good.md\n\ntenders/care/home care spec.md  \n",
        format="json",
    )
    assert proc.returncode == 1, proc.stderr
    counts = linted(proc)
    assert set(counts) == {"tenders/good.md", "tenders/care/home care spec.md"}
    assert counts["tenders/care/home care spec.md"] > 0

    proc = run_action_step(tenders, sys.executable, paths="tenders/missing.md", format="json")
    assert proc.returncode == 2, proc.stderr

    # The default path is the workspace; text output carries the codes.
    proc = run_action_step(tenders, sys.executable, format="text")
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"\bTL\d{3}\b", proc.stdout)


def test_action_step_fail_on_input_and_config(tenders):
    config = tenders / ".tenderlint.toml"
    config.write_text('select = ["TL201"]\n', encoding="utf-8")  # TL201 is a warning
    spec = "tenders/care/home care spec.md\n"  # one path a line: the name has spaces
    assert run_action_step(tenders, sys.executable, paths=spec).returncode == 1
    assert run_action_step(tenders, sys.executable, paths=spec, fail_on="error").returncode == 0

    # An empty fail-on input leaves the config's fail-on in force; a given one overrides it.
    config.write_text('select = ["TL201"]\nfail-on = "error"\n', encoding="utf-8")
    assert run_action_step(tenders, sys.executable, paths=spec).returncode == 0
    assert run_action_step(tenders, sys.executable, paths=spec, fail_on="warning").returncode == 1


STUB = """#!/usr/bin/env bash
# Stands in for the venv's python: records its arguments, writes -o files, exits as told.
printf '%s\\n' "$*" >> "$STUB_LOG"
out=""; prev=""; sarif=0
for arg in "$@"; do
  if [ "$prev" = "-o" ]; then out="$arg"; fi
  if [ "$prev" = "--format" ] && [ "$arg" = "sarif" ]; then sarif=1; fi
  prev="$arg"
done
if [ -n "$out" ]; then echo '{"version": "2.1.0"}' > "$out"; fi
if [ "$sarif" = 1 ]; then exit "$STUB_SARIF_EXIT"; fi
exit "$STUB_EXIT"
"""


@pytest.mark.parametrize(
    ("upload", "fmt", "lint_exit", "sarif_exit", "expected_runs", "expected_exit"),
    [
        ("false", "github", 1, 0, ["--format github"], 1),
        ("false", "text", 0, 0, ["--format text"], 0),
        ("true", "github", 1, 1, ["--format sarif -o out/tl.sarif", "--format github"], 1),
        ("true", "github", 0, 0, ["--format sarif -o out/tl.sarif", "--format github"], 0),
        # A SARIF run that cannot work (exit 2) fails the step even when the log run is clean.
        ("true", "github", 0, 2, ["--format sarif -o out/tl.sarif", "--format github"], 2),
        # Asked for SARIF anyway: lint once and show the file.
        ("true", "sarif", 9, 1, ["--format sarif -o out/tl.sarif"], 1),
    ],
)
def test_action_step_arguments_and_sarif(
    tmp_path, upload, fmt, lint_exit, sarif_exit, expected_runs, expected_exit
):
    """The step's command lines and exit code, with a stub standing in for tenderlint (so this does not
    depend on which report formats exist yet)."""
    stub = tmp_path / "python"
    stub.write_text(STUB, encoding="utf-8")
    stub.chmod(0o755)
    (tmp_path / "out").mkdir()
    log = tmp_path / "calls.log"
    proc = subprocess.run(
        [shutil.which("bash") or "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run_step_script()],
        cwd=tmp_path,
        env={
            **os.environ,
            "STUB_LOG": str(log),
            "STUB_EXIT": str(lint_exit),
            "STUB_SARIF_EXIT": str(sarif_exit),
            "TL_VENV_PYTHON": str(stub),
            "TL_PATHS": "docs/ tenders/",
            "TL_FORMAT": fmt,
            "TL_FAIL_ON": "error",
            "TL_SARIF_FILE": "out/tl.sarif",
            "TL_UPLOAD_SARIF": upload,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == expected_exit, proc.stdout + proc.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == len(expected_runs), calls
    for call, expected in zip(calls, expected_runs):
        assert call.startswith("-m tenderlint lint "), call
        assert expected in call, call
        assert "--fail-on error" in call
        assert call.endswith("-- docs/ tenders/"), call
    assert (tmp_path / "out" / "tl.sarif").is_file() == (upload == "true")
